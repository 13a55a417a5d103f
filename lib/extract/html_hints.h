/* html_hints.h - class/id words that say article text or page chrome (internal). */
#ifndef VG_HTML_HINTS_H
#define VG_HTML_HINTS_H
#include <stddef.h>

#include "vigie.h"

typedef struct vg_html_hints vg_html_hints;

/* Loads data_dir/html_hints.tsv. On failure *out is NULL and err says why. */
vg_status vg_html_hints_load(const char *data_dir, vg_html_hints **out, char *err, size_t errlen);
/* Built from TSV text in memory (tests, fuzzing). */
vg_status vg_html_hints_parse(const char *tsv, size_t n, vg_html_hints **out, char *err, size_t errlen);
void vg_html_hints_free(vg_html_hints *h); /* accepts NULL */

/* Weight of a class or id attribute value s[0..n) (sum over its words,
 * clamped to +-100); *remove set when a "remove" word is there and the sum
 * is negative. h may be NULL (weight 0). */
int vg_html_hints_weigh(const vg_html_hints *h, const char *s, size_t n, int *remove);

#endif
