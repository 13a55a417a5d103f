/* json.h - JSON output helpers and a bounded JSON parser into an arena. */
#ifndef VG_JSON_H
#define VG_JSON_H
#include <stddef.h>

#include "arena.h"
#include "buf.h"

/* ---- writing ---- */
/* Append s[0..n) as a JSON string literal (quotes included). Invalid UTF-8
 * bytes become U+FFFD so the output is always valid JSON. */
void vg_json_str(vg_buf *b, const char *s, size_t n);
/* NULL -> null. */
void vg_json_cstr(vg_buf *b, const char *s);
/* ,"key": with a leading comma unless *first; clears *first. */
void vg_json_key(vg_buf *b, int *first, const char *key);

/* ---- parsing ---- */
typedef enum { VG_JNULL, VG_JBOOL, VG_JNUM, VG_JSTR, VG_JARR, VG_JOBJ } vg_jtype;

typedef struct vg_jval vg_jval;
struct vg_jval {
    vg_jtype type;
    const char *str;   /* VG_JSTR: decoded UTF-8, NUL-terminated; VG_JNUM: literal text */
    size_t len;        /* string length; count of items for arrays/objects */
    double num;
    int boolean;
    const char **keys; /* VG_JOBJ: key per item */
    vg_jval **items;   /* VG_JARR / VG_JOBJ */
};

/* Parse one JSON value that must fill s[0..n) (whitespace allowed around).
 * Depth is bounded (64). On error returns NULL and writes a reason with the
 * byte offset into err. */
vg_jval *vg_json_parse(vg_arena *a, const char *s, size_t n, char *err, size_t errlen);
/* Object member by key, or NULL. */
const vg_jval *vg_json_get(const vg_jval *obj, const char *key);

#endif
