// The state's bookkeeping: limiting allocator, instruction hook, protected calls, and the
// trampoline through which Lua calls Swift.
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "host_internal.h"
#include "lauxlib.h"
#include "lualib.h"

// MARK: - Allocation

/// Refuses growth past the memory limit while a script runs. While Swift code is pushing values
/// the limit is not enforced, so no allocation there can raise (a raise would skip Swift frames);
/// the overshoot is caught at the next enforced allocation or when the Swift function returns.
static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    coprod_host *host = (coprod_host *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        host->memory_used -= old;
        return NULL;
    }
    if (nsize > old && host->enforcing && host->memory_limit > 0 &&
        host->memory_used - old + nsize > host->memory_limit) {
        coprod_trip(host, COPROD_LIMIT_MEMORY, host->main_thread, 0);
        return NULL;
    }
    void *grown = realloc(ptr, nsize);
    if (grown != NULL) host->memory_used = host->memory_used - old + nsize;
    return grown;
}

coprod_host *coprod_host_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (coprod_host *)ud;
}

void coprod_trip(coprod_host *host, coprod_limit limit, lua_State *L, int level) {
    if (host->tripped != COPROD_LIMIT_NONE) return;
    host->tripped = limit;
    host->trip_source[0] = '\0';
    host->trip_line = 0;
    if (L == NULL) return;
    // The innermost Lua function is where the script was; C functions have no line.
    lua_Debug ar;
    for (int lvl = level; lua_getstack(L, lvl, &ar); lvl++) {
        if (!lua_getinfo(L, "Sl", &ar)) break;
        if (ar.currentline > 0) {
            snprintf(host->trip_source, sizeof host->trip_source, "%s", ar.short_src);
            host->trip_line = ar.currentline;
            return;
        }
    }
}

// MARK: - Instruction budget

static const char *limit_description(coprod_host *host, char *buffer, size_t size) {
    switch (host->tripped) {
    case COPROD_LIMIT_INSTRUCTIONS:
        snprintf(buffer, size, "instruction limit of %llu reached",
                 (unsigned long long)host->instruction_limit);
        break;
    case COPROD_LIMIT_MEMORY:
        // In MiB when whole, as the limit is given (LuaLimits.describeMemory).
        if (host->memory_limit > 0 && host->memory_limit % (1u << 20) == 0)
            snprintf(buffer, size, "memory limit of %zu MiB reached", host->memory_limit >> 20);
        else
            snprintf(buffer, size, "memory limit of %zu bytes reached", host->memory_limit);
        break;
    case COPROD_LIMIT_INTERRUPTED:
        snprintf(buffer, size, "interrupted");
        break;
    default:
        snprintf(buffer, size, "limit reached");
    }
    return buffer;
}

int coprod_raise_limit(lua_State *L, coprod_host *host) {
    char text[128];
    limit_description(host, text, sizeof text);
    if (host->trip_line > 0)
        lua_pushfstring(L, "%s:%d: %s", host->trip_source, host->trip_line, text);
    else
        lua_pushstring(L, text);
    return lua_error(L);
}

/// Once a limit has tripped the hook fires at every instruction of every thread and raises each
/// time, so a `pcall`, a coroutine, a `__close` or a message handler that catches the error cannot
/// run even one more instruction of its own.
static void count_hook(lua_State *L, lua_Debug *ar) {
    coprod_host *host = coprod_host_of(L);
    if (host->tripped == COPROD_LIMIT_NONE) {
        int interval = lua_gethookcount(L);
        host->instructions_used += (uint64_t)(interval > 0 ? interval : 1);
        if (host->interrupt_requested) {
            host->interrupt_requested = 0;
            coprod_trip(host, COPROD_LIMIT_INTERRUPTED, L, 0);
        } else if (host->instruction_limit > 0 &&
                   host->instructions_used > host->instruction_limit) {
            coprod_trip(host, COPROD_LIMIT_INSTRUCTIONS, L, 0);
        } else {
            if (interval != COPROD_HOOK_INTERVAL)
                lua_sethook(L, count_hook, LUA_MASKCOUNT, COPROD_HOOK_INTERVAL);
            return;
        }
    }
    (void)ar;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    coprod_raise_limit(L, host);
}

void coprod_charge(lua_State *L, double cost, const char *what) {
    coprod_host *host = coprod_host_of(L);
    if (host->tripped != COPROD_LIMIT_NONE) coprod_raise_limit(L, host);
    if (host->instruction_limit == 0 || cost <= 0) return;
    double left = (double)host->instruction_limit - (double)host->instructions_used;
    if (cost > left) {
        coprod_trip(host, COPROD_LIMIT_INSTRUCTIONS, L, 1);
        char text[128];
        limit_description(host, text, sizeof text);
        luaL_error(L, "%s: %s could take about %.3g instructions", text, what, cost);
    }
    host->instructions_used += (uint64_t)cost;
}

// MARK: - Life cycle

coprod_host *coprod_host_create(size_t memory_limit, uint64_t instruction_limit,
                                void *swift_host, coprod_dispatch_fn dispatch,
                                coprod_write_fn write) {
    coprod_host *host = calloc(1, sizeof *host);
    if (host == NULL) return NULL;
    host->memory_limit = memory_limit;
    host->instruction_limit = instruction_limit;
    host->swift_host = swift_host;
    host->dispatch = dispatch;
    host->write = write;
    return host;
}

void coprod_host_attach(coprod_host *host, void *swift_host) { host->swift_host = swift_host; }

static void forget_sigint_host(coprod_host *host);

void coprod_host_destroy(coprod_host *host) {
    forget_sigint_host(host);
    free(host);
}

static int at_panic(lua_State *L) {
    // Every raising call runs protected; reaching here is a bug in the bridge.
    const char *message = lua_tostring(L, -1);
    fprintf(stderr, "coprod: unprotected Lua error (bridge bug): %s\n",
            message ? message : "(not a string)");
    abort();
}

static char *copy_message(lua_State *L) {
    size_t length = 0;
    const char *text = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &length) : NULL;
    if (text == NULL) return NULL;
    char *copy = malloc(length + 1);
    if (copy != NULL) memcpy(copy, text, length + 1);
    return copy;
}

lua_State *coprod_host_open(coprod_host *host, int *status, char **message) {
    *status = LUA_OK;
    *message = NULL;
    host->enforcing = 1;
    lua_State *L = lua_newstate(limited_alloc, host);
    if (L == NULL) {
        host->enforcing = 0;
        *status = LUA_ERRMEM;
        return NULL;
    }
    host->main_thread = L;
    lua_atpanic(L, at_panic);
    lua_sethook(L, count_hook, LUA_MASKCOUNT, COPROD_HOOK_INTERVAL);
    lua_pushcfunction(L, coprod_open_libraries);
    int result = lua_pcall(L, 0, 0, 0);
    host->enforcing = 0;
    if (result != LUA_OK) {
        *status = result;
        *message = copy_message(L);
        lua_close(L);
        host->main_thread = NULL;
        return NULL;
    }
    host->tripped = COPROD_LIMIT_NONE;
    return L;
}

size_t coprod_host_memory_used(const coprod_host *host) { return host->memory_used; }
size_t coprod_host_memory_limit(const coprod_host *host) { return host->memory_limit; }
uint64_t coprod_host_instruction_limit(const coprod_host *host) { return host->instruction_limit; }
uint64_t coprod_host_instructions_used(const coprod_host *host) { return host->instructions_used; }
void coprod_host_set_limits(coprod_host *host, size_t memory_limit, uint64_t instruction_limit) {
    host->memory_limit = memory_limit;
    host->instruction_limit = instruction_limit;
}
coprod_limit coprod_host_tripped(const coprod_host *host) { return host->tripped; }
const char *coprod_host_trip_source(const coprod_host *host) { return host->trip_source; }
int coprod_host_trip_line(const coprod_host *host) { return host->trip_line; }
void coprod_host_interrupt(coprod_host *host) { host->interrupt_requested = 1; }

// MARK: - Calls

/// The key in the registry under which the message handler leaves {source=, line=, traceback=}
/// for the host.
#define COPROD_LAST_ERROR "coprod.last_error"

/// Returns the error as text (a table, nil, or a value whose __tostring misbehaves still ends as a
/// message; a failure in here becomes LUA_ERRERR) and records where it happened in the registry.
/// It returns a string, not the record, because Lua also calls the current message handler for a
/// "C stack overflow" inside `load`, whose caller then gets the handler's result as its message.
static int message_handler(lua_State *L) {
    /* A string error carries its own position, or none on purpose (error("x", 0)); only for
       other error values is the innermost Lua line recorded. */
    int locate = lua_type(L, 1) != LUA_TSTRING;
    if (locate) {
        if (!luaL_callmeta(L, 1, "__tostring") || lua_type(L, -1) != LUA_TSTRING)
            lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        lua_replace(L, 1);
    }
    lua_settop(L, 1);
    lua_createtable(L, 0, 3);
    lua_Debug ar;
    for (int level = 1; locate && lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushstring(L, ar.short_src);
            lua_setfield(L, -2, "source");
            lua_pushinteger(L, ar.currentline);
            lua_setfield(L, -2, "line");
            break;
        }
    }
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, -2, "traceback");
    lua_setfield(L, LUA_REGISTRYINDEX, COPROD_LAST_ERROR);
    return 1;
}

int coprod_call(lua_State *L, int nargs, int nresults) {
    coprod_host *host = coprod_host_of(L);
    int base = lua_gettop(L) - nargs;
    if (host->call_depth == 0) {
        host->instructions_used = 0;
        host->tripped = COPROD_LIMIT_NONE;
        host->interrupt_requested = 0;
        lua_sethook(L, count_hook, LUA_MASKCOUNT, COPROD_HOOK_INTERVAL);
    }
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, COPROD_LAST_ERROR);
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    int saved = host->enforcing;
    host->enforcing = 1;
    host->call_depth++;
    int status = lua_pcall(L, nargs, nresults, base);
    host->call_depth--;
    host->enforcing = saved;
    lua_remove(L, base);
    return status;
}

void coprod_push_last_error(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, COPROD_LAST_ERROR);
}

int coprod_function_definition(lua_State *L, char *source, size_t size) {
    lua_Debug ar;
    if (size > 0) source[0] = '\0';
    // "S" only reads the prototype: nothing is allocated, so nothing can raise.
    if (!lua_getinfo(L, ">S", &ar) || ar.linedefined <= 0) return 0;
    snprintf(source, size, "%s", ar.short_src);
    return ar.linedefined;
}

int coprod_protected(lua_State *L, int (*fn)(lua_State *), int nargs, int nresults) {
    int base = lua_gettop(L) - nargs + 1;
    lua_pushcfunction(L, fn);
    lua_insert(L, base);
    return lua_pcall(L, nargs, nresults, 0);
}

/// The lua_CFunction behind every Swift function. The Swift side runs with the memory limit
/// lifted and reports failure by status; only after it has returned does this C frame raise.
static int swift_trampoline(lua_State *L) {
    coprod_host *host = coprod_host_of(L);
    int function_id = (int)lua_tointeger(L, lua_upvalueindex(1));
    int saved = host->enforcing;
    host->enforcing = 0;
    int results = host->dispatch(host->swift_host, L, function_id);
    host->enforcing = saved;
    // A limit that tripped in a nested call wins over whatever the Swift function reported.
    if (host->tripped != COPROD_LIMIT_NONE) return coprod_raise_limit(L, host);
    if (results < 0) {
        if (results == -1 && lua_type(L, -1) == LUA_TSTRING) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    if (saved && host->memory_limit > 0 && host->memory_used > host->memory_limit) {
        coprod_trip(host, COPROD_LIMIT_MEMORY, L, 1);
        return coprod_raise_limit(L, host);
    }
    return results;
}

static int push_swift_function(lua_State *L) {
    lua_pushcclosure(L, swift_trampoline, 1);
    return 1;
}

int coprod_push_swift_function(lua_State *L, int function_id) {
    lua_pushinteger(L, function_id);
    return coprod_protected(L, push_swift_function, 1, 1);
}

static int add_searcher(lua_State *L) {
    lua_getglobal(L, "package");
    if (lua_type(L, -1) != LUA_TTABLE) return luaL_error(L, "package library not open");
    lua_getfield(L, -1, "searchers");
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    return 0;
}

int coprod_add_searcher(lua_State *L) { return coprod_protected(L, add_searcher, 1, 0); }

int coprod_load_text(lua_State *L, const char *code, size_t length, const char *chunkname) {
    // lua_load is itself protected; "t" refuses precompiled chunks.
    return luaL_loadbufferx(L, code, length, chunkname, "t");
}

// MARK: - Ctrl-C

static coprod_host *volatile sigint_host = NULL;
static volatile sig_atomic_t sigint_seen = 0;

static void on_sigint(int signal_number) {
    (void)signal_number;
    sigint_seen = 1;
    coprod_host *host = sigint_host;
    if (host != NULL) host->interrupt_requested = 1;
}

void coprod_sigint_install(coprod_host *host) {
    sigint_host = host;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    /* A parent may have started us with SIGINT blocked; Ctrl-C must reach the handler. */
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGINT);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

static void forget_sigint_host(coprod_host *host) {
    if (sigint_host == host) sigint_host = NULL;
}

int coprod_sigint_take(void) {
    int seen = sigint_seen;
    sigint_seen = 0;
    return seen;
}
