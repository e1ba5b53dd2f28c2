// Swift cannot import Lua's function-like macros or its variadic functions. Each static inline
// function below stands in for one of them, under a `coprod_` name so that it never collides with
// the macro it replaces. Only the LuaHost module and the CLuaSandbox C target use this header.
#ifndef COPROD_CLUA_SHIM_H
#define COPROD_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

/// `LUA_REGISTRYINDEX` is a macro built from `LUAI_MAXSTACK`.
static inline int coprod_registryindex(void) { return LUA_REGISTRYINDEX; }

/// `lua_upvalueindex(i)` is a macro.
static inline int coprod_upvalueindex(int i) { return lua_upvalueindex(i); }

/// `lua_pcall` is a macro over `lua_pcallk`.
static inline int coprod_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}

/// `lua_pop` is a macro over `lua_settop`.
static inline void coprod_pop(lua_State *L, int n) { lua_pop(L, n); }

/// `lua_newtable` is a macro over `lua_createtable`.
static inline void coprod_newtable(lua_State *L) { lua_newtable(L); }

/// `lua_tostring` is a macro over `lua_tolstring`.
static inline const char *coprod_tostring(lua_State *L, int i) { return lua_tostring(L, i); }

/// `lua_isnoneornil` and friends are macros over `lua_type`.
static inline int coprod_isnoneornil(lua_State *L, int i) { return lua_isnoneornil(L, i); }

/// `lua_insert` and `lua_remove` are macros over `lua_rotate`.
static inline void coprod_insert(lua_State *L, int i) { lua_insert(L, i); }
static inline void coprod_remove(lua_State *L, int i) { lua_remove(L, i); }

/// `lua_pushglobaltable` is a macro over `lua_rawgeti` on the registry.
static inline void coprod_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }

/// `lua_gc` is variadic in 5.4; these are the two requests the host makes.
static inline int coprod_gc_count_kb(lua_State *L) { return lua_gc(L, LUA_GCCOUNT, 0); }
static inline int coprod_gc_collect(lua_State *L) { return lua_gc(L, LUA_GCCOLLECT, 0); }

#endif
