/* curl_lib.c - the libcurl functions vigie calls, opening libcurl at the first one (core/dynlib.c
 * says why). Each forwards to the library's own; without the library, each fails the way
 * libcurl says it may (an error code, NULL, nothing done). */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <stdarg.h>

#include "../core/dynlib.h"

/* The table (core/dynlib.h): X returns a value (its value without libcurl last), V nothing;
 * S: variadic, forwarded below */
#define CURL_FUNCS(X, V, S)                                                                                     \
    X(CURLcode, curl_global_init, (long flags), (flags), CURLE_FAILED_INIT)                                      \
    X(CURL *, curl_easy_init, (void), (), NULL)                                                                  \
    V(curl_easy_cleanup, (CURL * curl), (curl))                                                                  \
    V(curl_easy_reset, (CURL * curl), (curl))                                                                    \
    X(CURLcode, curl_easy_perform, (CURL * curl), (curl), CURLE_FAILED_INIT)                                     \
    X(const char *, curl_easy_strerror, (CURLcode code), (code), "libcurl not loaded")                          \
    V(curl_free, (void *p), (p))                                                                                 \
    X(struct curl_slist *, curl_slist_append, (struct curl_slist * list, const char *data), (list, data), NULL)  \
    V(curl_slist_free_all, (struct curl_slist * list), (list))                                                   \
    X(CURLU *, curl_url, (void), (), NULL)                                                                       \
    V(curl_url_cleanup, (CURLU * handle), (handle))                                                              \
    X(CURLUcode, curl_url_get, (CURLU * handle, CURLUPart what, char **part, unsigned int flags),                \
      (handle, what, part, flags), CURLUE_OUT_OF_MEMORY)                                                         \
    X(CURLUcode, curl_url_set, (CURLU * handle, CURLUPart what, const char *part, unsigned int flags),           \
      (handle, what, part, flags), CURLUE_OUT_OF_MEMORY)                                                         \
    S(curl_easy_setopt) S(curl_easy_getinfo)

VG_DYNLIB_SHIM(CURL_FUNCS, "libcurl.so.4", "libcurl.so")

/* The option's one argument, of the type its number's range says (curl.h: CURLOPTTYPE_*). */
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...)
{
    if (!vg_dynlib_ready(&lib)) return CURLE_FAILED_INIT;
    CURLcode (*f)(CURL *, CURLoption, ...) = (CURLcode(*)(CURL *, CURLoption, ...))fns[F_curl_easy_setopt];
    va_list ap;
    va_start(ap, option);
    CURLcode rc;
    if (option < CURLOPTTYPE_OBJECTPOINT) rc = f(curl, option, va_arg(ap, long));
    else if (option < CURLOPTTYPE_FUNCTIONPOINT) rc = f(curl, option, va_arg(ap, void *));
    else if (option < CURLOPTTYPE_OFF_T) rc = f(curl, option, va_arg(ap, void (*)(void)));
    else if (option < CURLOPTTYPE_BLOB) rc = f(curl, option, va_arg(ap, curl_off_t));
    else rc = f(curl, option, va_arg(ap, void *));
    va_end(ap);
    return rc;
}

/* Every CURLINFO_* takes one pointer. */
CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...)
{
    if (!vg_dynlib_ready(&lib)) return CURLE_FAILED_INIT;
    CURLcode (*f)(CURL *, CURLINFO, ...) = (CURLcode(*)(CURL *, CURLINFO, ...))fns[F_curl_easy_getinfo];
    va_list ap;
    va_start(ap, info);
    CURLcode rc = f(curl, info, va_arg(ap, void *));
    va_end(ap);
    return rc;
}
