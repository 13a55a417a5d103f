/* dynlib.c - libraries that only some commands need, opened at their first call.
 *
 * libcurl (fetch), libpq (the PostgreSQL store) and libmicrohttpd (serve) pull in some thirty
 * more libraries (TLS, Kerberos, LDAP, compression): loaded and relocated by the dynamic linker
 * at every start, they cost ~25 ms of CPU to every `vigie` process, `vigie analyze` on a few
 * lines included (start-up, perf cpu-clock: an empty program linked with vigie's libraries 55
 * ms, without these three 21 ms). Their functions are defined by a shim each (fetch/curl_lib.c,
 * store/pq_lib.c, serve/mhd_lib.c) that opens the library here at its first call. */
#include "dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* The library being opened by vg_dynlib_ready's pthread_once (which takes no argument). */
static _Thread_local vg_dynlib *opening;

static void open_lib(void)
{
    vg_dynlib *lib = opening;
    void *h = NULL;
    const char *why = "no file name";
    for (const char *const *n = lib->names; *n && !h; n++) {
        h = dlopen(*n, RTLD_NOW | RTLD_LOCAL);
        if (!h) why = dlerror();
    }
    if (!h) {
        snprintf(lib->err, sizeof lib->err, "cannot load %s: %s", lib->names[0], why ? why : "unknown error");
        fprintf(stderr, "vigie: %s\n", lib->err);
        return;
    }
    for (size_t i = 0; i < lib->n; i++) {
        void *p = dlsym(h, lib->syms[i]);
        if (!p) {
            snprintf(lib->err, sizeof lib->err, "%s: no symbol %s", lib->names[0], lib->syms[i]);
            fprintf(stderr, "vigie: %s\n", lib->err);
            return; /* the handle stays open: a library is never closed */
        }
        memcpy(&lib->fns[i], &p, sizeof p); /* a data pointer to a function pointer, as POSIX allows */
    }
    lib->ok = 1;
}

int vg_dynlib_ready(vg_dynlib *lib)
{
    opening = lib;
    pthread_once(&lib->once, open_lib);
    return lib->ok;
}
