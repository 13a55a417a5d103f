/* clitics.h - a language's attached prefixes (Arabic و ف ب ك ل and the article
 * ال), read from data/<lang>/clitics.tsv, and the forms of a word without them. */
#ifndef VG_CLITICS_H
#define VG_CLITICS_H
#include <stddef.h>

#include "vigie.h"

typedef struct vg_clitics vg_clitics;

/* Rules "prefix<TAB>replacement<TAB>flags", tried in file order: a word that
 * starts with `prefix` (folded) and keeps at least VG_CLITIC_MIN_REST letters
 * after it is also read as `replacement` (folded, often empty) followed by the
 * rest ("وبالقصف" -> "القصف" by the rule "وب<TAB>", "للجيش" -> "الجيش" by
 * "لل<TAB>ال"). flags: empty, or "prep" when the prefix holds a preposition
 * ("ب" in, "ل" to): a place name after it is introduced as one.
 * A missing file is VG_ERR_IO (no rules: the caller decides); a bad row is
 * VG_ERR_RESOURCE with "FILE:LINE: ..." in err. *out is NULL on failure. */
vg_status vg_clitics_load(const char *path, vg_clitics **out, char *err, size_t errlen);
void vg_clitics_free(vg_clitics *c); /* accepts NULL */
size_t vg_clitics_count(const vg_clitics *c); /* 0 for NULL */
/* Could a rule apply to folded word w[0..n): does it start with the first
 * character of a prefix? 0 means vg_clitics_apply gives 0 for every rule. */
int vg_clitics_may_strip(const vg_clitics *c, const char *w, size_t n);

#define VG_CLITIC_MIN_REST 2 /* letters a word keeps: "بر" is no "ب" + "ر" */

/* Rule k applied to folded word w[0..n): the word without its prefix (and with
 * the replacement) in out[0..cap), NUL-terminated; returns its length, or 0
 * when the word does not start with the prefix, too little would be left, or
 * it does not fit. *prep (may be NULL) gets the rule's "prep" flag. */
size_t vg_clitics_apply(const vg_clitics *c, size_t k, const char *w, size_t n, char *out, size_t cap, int *prep);
/* The first rule from k on whose prefix w[0..n) starts with and is longer than (the rules
 * vg_clitics_apply may apply, in order); vg_clitics_count(c) when none. Callers step through
 * these instead of asking vg_clitics_apply about every rule. */
size_t vg_clitics_next(const vg_clitics *c, size_t k, const char *w, size_t n);
/* Does folded word w[0..n) start with a prefix of a rule flagged "and" (a conjunction written
 * joined to the next word, Arabic "و": "واشتباك" and a clash), keeping VG_CLITIC_MIN_REST letters
 * after it? Such a word may open a clause of its own (lib/analyze/clauses.c). */
int vg_clitics_conjunction(const vg_clitics *c, const char *w, size_t n);

#endif
