/* translit.h - a language's letters written in Latin (data/<lang>/translit.tsv): the spelling
 * under which a gazetteer with no name in that script may still know a place. */
#ifndef VG_TRANSLIT_H
#define VG_TRANSLIT_H
#include <stddef.h>

#include "vigie.h"

typedef struct vg_translit vg_translit;

/* Rows "LETTERS<TAB>LATIN[<TAB>ALT]": folded letters of the script (one or more characters;
 * a "^" before them: only at a word's start), their Latin spelling (lowercase ASCII letters,
 * empty for a letter not written in Latin, a final "-" where the word splits: the Arabic article
 * "^ال" is "al-") and
 * optionally a second spelling (Arabic "ب" is b, and p in the names of languages that have
 * one: Silopi). The longest row that matches is used. A missing file is VG_ERR_IO (no table:
 * the caller decides); a bad row is VG_ERR_RESOURCE with "FILE:LINE: ..." in err. *out is
 * NULL on failure. */
vg_status vg_translit_load(const char *path, vg_translit **out, char *err, size_t errlen);
void vg_translit_free(vg_translit *t); /* accepts NULL */

/* Does some row have a second spelling? */
int vg_translit_has_alt(const vg_translit *t);

/* Folded text w[0..n) in Latin letters in out[0..cap), NUL-terminated; alt: every letter
 * with a second spelling written with it. Characters that are no letters (space, hyphen,
 * apostrophe) become a space; ASCII letters and digits are kept. Returns the length, or 0
 * when a letter is in no row (another script) or out is too small. */
size_t vg_translit_apply(const vg_translit *t, const char *w, size_t n, int alt, char *out, size_t cap);

#endif
