/* params.h - a request target (path and query string) split and decoded, bounded, for the server's router. */
#ifndef VG_SERVE_PARAMS_H
#define VG_SERVE_PARAMS_H
#include <stddef.h>

/* Longest request target taken (path and query): a full-text query of
 * VG_QUERY_MAX_BYTES percent-encoded fits. Longer is a 414. */
#define VG_SV_MAX_TARGET 16384
/* Most parameters in one query string. */
#define VG_SV_MAX_PARAMS 32

typedef struct vg_sv_target {
    const char *path;                  /* as sent (not decoded): routes and assets match it byte for byte */
    size_t n;                          /* parameters */
    const char *names[VG_SV_MAX_PARAMS];
    const char *values[VG_SV_MAX_PARAMS]; /* decoded; "" for "name" or "name=" */
    char buf[2 * VG_SV_MAX_TARGET + 2]; /* what the pointers point into: "?a&b" decodes to a\0\0b\0\0 */
} vg_sv_target;

/* Splits target[0..len) ("/path?a=1&b=x%20y") into t. Percent escapes and
 * '+' are decoded in names and values. Refused (-1, a message naming the
 * parameter in err): a target past VG_SV_MAX_TARGET or with more than
 * VG_SV_MAX_PARAMS parameters, a bad escape, a decoded control byte or NUL,
 * invalid UTF-8, an empty name, a name given twice, a path not starting
 * with '/'. 0 on success. */
int vg_sv_parse_target(const char *target, size_t len, vg_sv_target *t, char *err, size_t errlen);
/* The value of a parameter, or NULL. */
const char *vg_sv_param(const vg_sv_target *t, const char *name);

#endif
