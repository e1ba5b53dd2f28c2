// Shared between the C files of the bridge; not part of the Swift-visible API.
#ifndef COPROD_HOST_INTERNAL_H
#define COPROD_HOST_INTERNAL_H

#include <signal.h>
#include "coprod_host.h"
#include "lua.h"

/// How many VM instructions run between two calls of the count hook.
#define COPROD_HOOK_INTERVAL 1000

/// Lstrlib's matcher is several times slower per step than a VM instruction; a pattern's
/// estimated steps are weighed by this factor against the instruction budget.
#define COPROD_PATTERN_STEP_WEIGHT 10

struct coprod_host {
    size_t memory_used;
    size_t memory_limit;          /* 0: no limit */
    int enforcing;                /* the allocator refuses growth past the limit only when set */
    uint64_t instruction_limit;   /* 0: no limit */
    uint64_t instructions_used;
    int call_depth;
    coprod_limit tripped;
    volatile sig_atomic_t interrupt_requested;
    char trip_source[LUA_IDSIZE];
    int trip_line;
    lua_State *main_thread;
    void *swift_host;
    coprod_dispatch_fn dispatch;
    coprod_write_fn write;
};

/// Records which limit stopped the script and where, the first time only.
void coprod_trip(coprod_host *host, coprod_limit limit, lua_State *L, int level);

/// Charges `cost` instructions for work done inside a C function the hook cannot see; raises the
/// instruction limit error when the budget cannot cover it. `what` names the work.
void coprod_charge(lua_State *L, double cost, const char *what);

/// Raises the error for the limit that has tripped (never returns).
int coprod_raise_limit(lua_State *L, coprod_host *host);

int coprod_open_libraries(lua_State *L);

#endif
