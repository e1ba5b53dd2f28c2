// The C half of coprod's Lua bridge.
//
// Everything here may raise Lua errors, because it is C: a longjmp through C frames is harmless.
// Swift never calls a raising Lua API function itself. It calls the functions below, which either
// run the raising work under lua_pcall or are lua_CFunctions that Lua itself calls.
#ifndef COPROD_HOST_H
#define COPROD_HOST_H

#include <stddef.h>
#include <stdint.h>

typedef struct lua_State lua_State;

/// Which limit stopped a script, if any.
typedef enum {
    COPROD_LIMIT_NONE = 0,
    COPROD_LIMIT_INSTRUCTIONS = 1,
    COPROD_LIMIT_MEMORY = 2,
    COPROD_LIMIT_INTERRUPTED = 3,
} coprod_limit;

/// Runs a registered Swift function. Returns the number of results pushed, or -1 after pushing
/// an error message (the caller's position is put in front) or -2 (raised as it is); the C
/// trampoline raises it once the Swift frame has returned.
typedef int (*coprod_dispatch_fn)(void *swift_host, lua_State *L, int function_id);

/// Receives what `print` writes.
typedef void (*coprod_write_fn)(void *swift_host, const char *bytes, size_t length);

/// Per-state bookkeeping: the allocator's user data, the limits, and the way back into Swift.
typedef struct coprod_host coprod_host;

coprod_host *coprod_host_create(size_t memory_limit, uint64_t instruction_limit,
                                void *swift_host, coprod_dispatch_fn dispatch,
                                coprod_write_fn write);
/// Sets the pointer handed back to `dispatch` and `write` (the Swift object owning the state).
void coprod_host_attach(coprod_host *host, void *swift_host);
/// Frees the bookkeeping; call after lua_close.
void coprod_host_destroy(coprod_host *host);

/// Creates a state that allocates through the host's limiting allocator and opens the sandboxed
/// libraries, all protected. Returns NULL on failure; `status` then says why (a LUA_ERR* code) and,
/// when the failure happened after the state existed, `message` holds a copy of the error text
/// (free it with free()).
lua_State *coprod_host_open(coprod_host *host, int *status, char **message);

/// The host a state belongs to (its allocator's user data).
coprod_host *coprod_host_of(lua_State *L);

size_t coprod_host_memory_used(const coprod_host *host);
size_t coprod_host_memory_limit(const coprod_host *host);
uint64_t coprod_host_instruction_limit(const coprod_host *host);
uint64_t coprod_host_instructions_used(const coprod_host *host);
void coprod_host_set_limits(coprod_host *host, size_t memory_limit, uint64_t instruction_limit);

/// The limit that stopped the last call, and where (source and line; line 0 when unknown).
coprod_limit coprod_host_tripped(const coprod_host *host);
const char *coprod_host_trip_source(const coprod_host *host);
int coprod_host_trip_line(const coprod_host *host);

/// Asks the running script to stop at its next instruction (safe from a signal handler).
void coprod_host_interrupt(coprod_host *host);

/// Calls the function below `nargs` arguments with limits enforced. On error the stack holds the
/// message, and coprod_push_last_error pushes {source=, line=, traceback=} (or nil).
int coprod_call(lua_State *L, int nargs, int nresults);
void coprod_push_last_error(lua_State *L);

/// Pops the function on top of the stack and says where it is written: its chunk as Lua's own
/// messages name it (into `source`, `size` bytes with the NUL) and, returned, the line of its
/// `function`; 0 for a function written in C or a whole chunk. Never raises.
int coprod_function_definition(lua_State *L, char *source, size_t size);

/// Runs `fn` protected with the given arguments (already on the stack), limits off. Used by the
/// Swift side for API calls that may raise (e.g. allocation).
int coprod_protected(lua_State *L, int (*fn)(lua_State *), int nargs, int nresults);

/// Pushes a Lua function that calls back into Swift's registered function `function_id`.
/// `name` is used in error messages.
int coprod_push_swift_function(lua_State *L, int function_id);

/// Appends the function on top of the stack to package.searchers (pops it).
int coprod_add_searcher(lua_State *L);

/// Loads text (never binary) as a chunk, leaving the function or an error message on the stack.
int coprod_load_text(lua_State *L, const char *code, size_t length, const char *chunkname);

/// Rejects or accepts a pattern search before it runs: lstrlib's matcher cannot be interrupted by
/// the instruction hook, so its worst-case work is estimated first. Exposed for tests.
double coprod_pattern_cost(const char *subject, size_t subject_length, size_t init,
                           const char *pattern, size_t pattern_length, int anchored_allowed);

/// Formats a float exactly as Lua's tostring does ("%.14g", then ".0" if it reads as an integer).
/// Returns the length written.
int coprod_format_number(double value, char *buffer, size_t size);

/// Ctrl-C for an interactive session: SIGINT interrupts the script running in `host` (at its next
/// instruction) and is remembered; coprod_sigint_take says whether one came since the last call.
/// The handler is installed without SA_RESTART, so a blocking read returns.
void coprod_sigint_install(coprod_host *host);
int coprod_sigint_take(void);

/// The default print sink: C's buffered stdout (Swift 6 cannot touch `stdout` directly).
void coprod_stdout_write(const void *bytes, size_t length);
/// Flushes stdout. Returns 0, or the errno of the first write to it that failed (a full disk, a
/// closed pipe), so that a command whose output was lost does not exit as if it succeeded.
int coprod_stdout_flush(void);
/// Whether a write to stdout has failed: a long output can stop early.
int coprod_stdout_failed(void);

#endif
