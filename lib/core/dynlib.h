/* dynlib.h - a shared library opened the first time one of its functions is called (internal). */
#ifndef VG_DYNLIB_H
#define VG_DYNLIB_H
#include <pthread.h>
#include <stddef.h>

/* One library: its file names (soname first), the symbols wanted, where their addresses go. */
typedef struct vg_dynlib {
    const char *const *names;   /* NULL-terminated */
    const char *const *syms;    /* n symbols */
    size_t n;
    void (**fns)(void);         /* n addresses, set by vg_dynlib_ready */
    pthread_once_t once;
    int ok;
    char err[256];
} vg_dynlib;

/* Opens the library and resolves every symbol, once (thread-safe): 1 when they all are.
 * Otherwise 0, with the reason in lib->err, said once on stderr ("vigie: ..."). */
int vg_dynlib_ready(vg_dynlib *lib);

/* A shim (fetch/curl_lib.c, store/pq_lib.c, serve/mhd_lib.c) lists the library's functions it
 * lends in a table FUNCS(X, V, S), one entry a function:
 *   X(return type, name, (parameters), (arguments), value without the library)
 *   V(name, (parameters), (arguments))  a function that returns nothing
 *   S(name)                             resolved only: the shim writes its forwarder (variadic)
 * VG_DYNLIB_SHIM(FUNCS, file names...) then defines, static in the shim: F_<name> (an index) and
 * N_FUNCS, the addresses fns[N_FUNCS], the library lib (file names soname first) and, for every X
 * and V, the function itself: it opens the library at its first call (vg_dynlib_ready) and
 * forwards to the library's own, or returns the value without the library when it is not there. */
#define VG_DYNLIB_ENUM_X_(ret, name, params, args, fail) F_##name,
#define VG_DYNLIB_ENUM_V_(name, params, args) F_##name,
#define VG_DYNLIB_ENUM_S_(name) F_##name,
#define VG_DYNLIB_NAME_X_(ret, name, params, args, fail) #name,
#define VG_DYNLIB_NAME_V_(name, params, args) #name,
#define VG_DYNLIB_NAME_S_(name) #name,
#define VG_DYNLIB_FORWARD_X_(ret, name, params, args, fail)                                                  \
    ret name params                                                                                          \
    {                                                                                                        \
        if (!vg_dynlib_ready(&lib)) return fail;                                                             \
        return ((ret(*) params)fns[F_##name]) args;                                                          \
    }
#define VG_DYNLIB_FORWARD_V_(name, params, args)                                                             \
    void name params                                                                                         \
    {                                                                                                        \
        if (vg_dynlib_ready(&lib)) ((void(*) params)fns[F_##name]) args;                                     \
    }
#define VG_DYNLIB_FORWARD_S_(name)
#define VG_DYNLIB_SHIM(FUNCS, ...)                                                                           \
    enum { FUNCS(VG_DYNLIB_ENUM_X_, VG_DYNLIB_ENUM_V_, VG_DYNLIB_ENUM_S_) N_FUNCS };                         \
    static const char *const syms[N_FUNCS] = {FUNCS(VG_DYNLIB_NAME_X_, VG_DYNLIB_NAME_V_, VG_DYNLIB_NAME_S_)}; \
    static const char *const names[] = {__VA_ARGS__, NULL};                                                  \
    static void (*fns[N_FUNCS])(void);                                                                       \
    static vg_dynlib lib = {names, syms, N_FUNCS, fns, PTHREAD_ONCE_INIT, 0, ""};                            \
    FUNCS(VG_DYNLIB_FORWARD_X_, VG_DYNLIB_FORWARD_V_, VG_DYNLIB_FORWARD_S_)

#endif
