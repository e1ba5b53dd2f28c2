// The sandbox: an allow-list of libraries, and wrappers around the few standard functions that
// could escape it (binary chunks, finalisers, stopping the collector) or run unbounded C loops that
// the instruction hook cannot see (string.rep, pattern matching, table.move).
#include <string.h>

#include "host_internal.h"
#include "lauxlib.h"
#include "lualib.h"

/// The seed of math.random, so that two runs of the same script give the same output.
#define COPROD_RANDOM_SEED 20190501

// MARK: - Base functions

/// print, written to the host's sink instead of C's stdout.
static int sandbox_print(lua_State *L) {
    coprod_host *host = coprod_host_of(L);
    int n = lua_gettop(L);
    luaL_Buffer line;
    luaL_buffinit(L, &line);
    for (int i = 1; i <= n; i++) {
        size_t length;
        const char *text = luaL_tolstring(L, i, &length);
        if (i > 1) luaL_addchar(&line, '\t');
        luaL_addvalue(&line);
        (void)text;
        (void)length;
    }
    luaL_addchar(&line, '\n');
    luaL_pushresult(&line);
    size_t length;
    const char *bytes = lua_tolstring(L, -1, &length);
    if (host->write != NULL) host->write(host->swift_host, bytes, length);
    return 0;
}

/// load, text only. The environment is the sandbox's own globals unless the caller gives one.
static int sandbox_load(lua_State *L) {
    int n = lua_gettop(L);
    const char *mode = luaL_optstring(L, 3, "t");
    if (strchr(mode, 'b') != NULL)
        return luaL_error(L, "binary chunks are not allowed in the sandbox (load mode must be \"t\")");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    if (n >= 2) lua_pushvalue(L, 2); else lua_pushnil(L);
    lua_pushliteral(L, "t");
    int nargs = 3;
    if (n >= 4) {  /* an explicit nil environment is not the same as none */
        lua_pushvalue(L, 4);
        nargs = 4;
    }
    lua_call(L, nargs, LUA_MULTRET);
    return lua_gettop(L) - n;
}

/// setmetatable, refusing __gc: a finaliser runs outside the hook, where no limit can stop it.
static int sandbox_setmetatable(lua_State *L) {
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not allowed in the sandbox");
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/// collectgarbage, limited to what cannot stop or tune the collector.
static int sandbox_collectgarbage(lua_State *L) {
    static const char *const options[] = {"collect", "count", "step", NULL};
    int option = luaL_checkoption(L, 1, "collect", options);
    switch (option) {
    case 1: {
        int kilobytes = lua_gc(L, LUA_GCCOUNT);
        int bytes = lua_gc(L, LUA_GCCOUNTB);
        lua_pushnumber(L, (lua_Number)kilobytes + ((lua_Number)bytes / 1024));
        return 1;
    }
    case 2: {
        int step = (int)luaL_optinteger(L, 2, 0);
        lua_pushboolean(L, lua_gc(L, LUA_GCSTEP, step));
        return 1;
    }
    default:
        lua_gc(L, LUA_GCCOLLECT);
        lua_pushinteger(L, 0);
        return 1;
    }
}

/// The message handler xpcall really gets. An error raised from the count hook runs the handler
/// with hooks off (Lua clears `allowhook` while a hook runs), so a Lua handler that loops could
/// never be stopped; once a limit has tripped the handler is skipped and the error passes as is.
static int guarded_message_handler(lua_State *L) {
    if (coprod_host_of(L)->tripped != COPROD_LIMIT_NONE) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int finish_xpcall(lua_State *L, int status, lua_KContext base) {
    (void)status;
    return lua_gettop(L) - (int)base;
}

static int sandbox_xpcall(lua_State *L) {
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_message_handler, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    // With a continuation, so a coroutine may still yield inside the protected function.
    lua_callk(L, lua_gettop(L) - 1, LUA_MULTRET, 0, finish_xpcall);
    return finish_xpcall(L, LUA_OK, 0);
}

// MARK: - Unbounded C loops

/// string.rep: an empty string repeated 2^53 times loops in C without allocating anything.
static int sandbox_rep(lua_State *L) {
    size_t length, separator_length;
    luaL_checklstring(L, 1, &length);
    lua_Integer count = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &separator_length);
    if (count <= 0 || length + separator_length == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    coprod_charge(L, (double)count, "string.rep");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/// table.move: moving a huge range of nils loops in C without allocating anything.
static int sandbox_move(lua_State *L) {
    lua_Integer from = luaL_checkinteger(L, 2);
    lua_Integer to = luaL_checkinteger(L, 3);
    luaL_checkinteger(L, 4);
    if (to >= from) coprod_charge(L, (double)to - (double)from + 1, "table.move");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/// Estimates a pattern function's work before lstrlib runs it (see pattern_cost.c). `kind`:
/// 0 find, 1 match, 2 gmatch, 3 gsub.
static int guarded_pattern(lua_State *L, int kind) {
    size_t subject_length, pattern_length;
    const char *subject = luaL_checklstring(L, 1, &subject_length);
    const char *pattern = luaL_checklstring(L, 2, &pattern_length);
    lua_Integer init = 1;
    if (kind == 0 || kind == 1 || kind == 2) init = luaL_optinteger(L, 3, 1);
    size_t start = 0;
    if (init > 0) start = (size_t)init - 1;
    else if (init < 0 && (size_t)(-init) <= subject_length) start = subject_length - (size_t)(-init);
    if (start > subject_length) start = subject_length;
    int plain = kind == 0 && lua_toboolean(L, 4);
    double steps = plain
        ? (double)(subject_length - start + 1) * (double)(pattern_length + 1)
        : coprod_pattern_cost(subject, subject_length, start, pattern, pattern_length, kind != 2);
    static const char *const names[] = {"string.find", "string.match", "string.gmatch", "string.gsub"};
    coprod_charge(L, steps * COPROD_PATTERN_STEP_WEIGHT, names[kind]);
    // Give back what was only a worst-case bound: the charge is a gate, not a meter.
    coprod_host *host = coprod_host_of(L);
    uint64_t charged = (uint64_t)(steps * COPROD_PATTERN_STEP_WEIGHT);
    host->instructions_used = host->instructions_used > charged ? host->instructions_used - charged : 0;

    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

static int sandbox_find(lua_State *L) { return guarded_pattern(L, 0); }
static int sandbox_match(lua_State *L) { return guarded_pattern(L, 1); }
static int sandbox_gmatch(lua_State *L) { return guarded_pattern(L, 2); }
static int sandbox_gsub(lua_State *L) { return guarded_pattern(L, 3); }

// MARK: - Opening

/// Replaces table[name] with `wrapper`, which gets the original as its first upvalue.
static void wrap_field(lua_State *L, int table, const char *name, lua_CFunction wrapper) {
    lua_getfield(L, table, name);
    lua_pushcclosure(L, wrapper, 1);
    lua_setfield(L, table, name);
}

static void remove_field(lua_State *L, int table, const char *name) {
    lua_pushnil(L);
    lua_setfield(L, table, name);
}

static void open_library(lua_State *L, const char *name, lua_CFunction open) {
    luaL_requiref(L, name, open, 1);
    lua_pop(L, 1);
}

static void open_base(lua_State *L) {
    open_library(L, LUA_GNAME, luaopen_base);
    lua_pushglobaltable(L);
    int globals = lua_gettop(L);
    remove_field(L, globals, "dofile");
    remove_field(L, globals, "loadfile");
    lua_pushcfunction(L, sandbox_print);
    lua_setfield(L, globals, "print");
    lua_pushcfunction(L, sandbox_setmetatable);
    lua_setfield(L, globals, "setmetatable");
    lua_pushcfunction(L, sandbox_collectgarbage);
    lua_setfield(L, globals, "collectgarbage");
    wrap_field(L, globals, "load", sandbox_load);
    wrap_field(L, globals, "xpcall", sandbox_xpcall);
    lua_pop(L, 1);
}

static void open_string(lua_State *L) {
    open_library(L, LUA_STRLIBNAME, luaopen_string);
    lua_getglobal(L, LUA_STRLIBNAME);
    int string = lua_gettop(L);
    remove_field(L, string, "dump");
    wrap_field(L, string, "rep", sandbox_rep);
    wrap_field(L, string, "find", sandbox_find);
    wrap_field(L, string, "match", sandbox_match);
    wrap_field(L, string, "gmatch", sandbox_gmatch);
    wrap_field(L, string, "gsub", sandbox_gsub);
    // Protect the metatable shared by all strings: getmetatable("") answers false.
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 3);
}

static void open_table(lua_State *L) {
    open_library(L, LUA_TABLIBNAME, luaopen_table);
    lua_getglobal(L, LUA_TABLIBNAME);
    wrap_field(L, lua_gettop(L), "move", sandbox_move);
    lua_pop(L, 1);
}

static void open_math(lua_State *L) {
    open_library(L, LUA_MATHLIBNAME, luaopen_math);
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, COPROD_RANDOM_SEED);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
}

/// os, cut to the clock and the calendar.
static void open_os(lua_State *L) {
    static const char *const kept[] = {"time", "date", "clock", "difftime", NULL};
    luaopen_os(L);
    int full = lua_gettop(L);
    lua_createtable(L, 0, 4);
    for (int i = 0; kept[i] != NULL; i++) {
        lua_getfield(L, full, kept[i]);
        lua_setfield(L, -2, kept[i]);
    }
    lua_pushvalue(L, -1);
    lua_setglobal(L, LUA_OSLIBNAME);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, LUA_OSLIBNAME);
    lua_pop(L, 3);
}

/// package, reduced to require with preload: the host adds the searcher for its search paths.
/// No C loaders, no file probing, no Lua path of the system's.
static void open_package(lua_State *L) {
    open_library(L, LUA_LOADLIBNAME, luaopen_package);
    lua_getglobal(L, LUA_LOADLIBNAME);
    int package = lua_gettop(L);
    remove_field(L, package, "loadlib");
    remove_field(L, package, "searchpath");
    lua_pushliteral(L, "");
    lua_setfield(L, package, "path");
    lua_pushliteral(L, "");
    lua_setfield(L, package, "cpath");
    lua_getfield(L, package, "searchers");
    lua_createtable(L, 2, 0);
    lua_rawgeti(L, -2, 1);  /* the preload searcher */
    lua_rawseti(L, -2, 1);
    lua_setfield(L, package, "searchers");
    lua_pop(L, 2);
}

int coprod_open_libraries(lua_State *L) {
    open_base(L);
    open_package(L);
    open_library(L, LUA_COLIBNAME, luaopen_coroutine);
    open_table(L);
    open_string(L);
    open_math(L);
    open_library(L, LUA_UTF8LIBNAME, luaopen_utf8);
    open_os(L);
    return 0;
}
