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

#endif
