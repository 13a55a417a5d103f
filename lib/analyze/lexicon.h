/* lexicon.h - phrase tables from data/<lang>/ TSV files, matched on folded tokens (internal). */
#ifndef VG_LEXICON_H
#define VG_LEXICON_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "tokens.h"
#include "../core/arena.h"

#define VG_LEX_MAX_COLS 4
#define VG_LEX_MAX_TOKS 12

typedef struct vg_lex_entry {
    uint32_t ntok;
    const char **toks;     /* folded tokens of the phrase */
    const uint32_t *tok_len; /* ... their lengths */
    uint32_t prefix_last;  /* phrase ended with '*': last token matches as a prefix */
    const char *cols[VG_LEX_MAX_COLS]; /* the other TSV columns as written ("" if absent) */
    uint32_t ncols;
    int cls;               /* cols[0] resolved by vg_lex_load_classes (its index in names); -1 otherwise */
    uint32_t next;         /* bucket chain (index + 1; 0 ends) */
    uint32_t same;         /* next row with the very same phrase (index + 1; 0 ends) */
    uint32_t is_dup;       /* reached only through `same` of the first such row */
} vg_lex_entry;

typedef struct vg_lexicon vg_lexicon;
struct vg_clitics;

/* Loads a TSV file: `phrase<TAB>col1<TAB>col2...`; '#' starts a comment
 * line. A phrase token ending in '*' matches any word starting with it
 * ("tu*" matches tué, tués, tuée). Missing file: VG_ERR_IO (callers decide
 * whether that is fatal). Appends to *lex if it is not NULL (several
 * languages in one table). */
vg_status vg_lex_load(const char *path, vg_lexicon **lex, char *err, size_t errlen);
/* The same for a table whose second column is a class: each row's class must
 * be one of names[0..n) and is kept as its index in vg_lex_entry.cls; an
 * unknown or missing one is VG_ERR_RESOURCE, "FILE:LINE: unknown class 'X'
 * (one of: ...)" in err. */
vg_status vg_lex_load_classes(const char *path, vg_lexicon **lex, const char *const *names, size_t n, char *err,
                              size_t errlen);
vg_lexicon *vg_lex_new(void);
/* Adds one phrase; cols may hold ncols strings (copied). */
vg_status vg_lex_add(vg_lexicon *lex, const char *phrase, size_t n, const char *const *cols, size_t ncols);
void vg_lex_free(vg_lexicon *lex); /* accepts NULL */
/* Adds, for every one-word phrase not ending in `suffix`, the same row with
 * `suffix` appended to the word ("turc" -> "turcs"), unless that phrase is
 * already there. */
vg_status vg_lex_add_suffixed(vg_lexicon *lex, const char *suffix);
size_t vg_lex_size(const vg_lexicon *lex);
/* The language's attached prefixes (lib/text/clitics.h; not owned, must
 * outlive the table; NULL: none): a phrase's first word also matches a text
 * word that carries one of them ("القصف" matches "وبالقصف"), through the
 * token's forms made by vg_tok_clitic_forms. */
void vg_lex_set_clitics(vg_lexicon *lex, const struct vg_clitics *clitics);

/* Longest phrase starting at toks[i] (not crossing `end`); NULL if none.
 * With clitics, toks[i] is also read without each prefix it carries; the
 * word as written wins a tie.
 * *len gets the number of tokens matched. Rows repeating a phrase (one
 * phrase, several meanings) follow through vg_lex_next_same(). Read-only:
 * thread-safe. */
const vg_lex_entry *vg_lex_match(const vg_lexicon *lex, const vg_tok *toks, size_t end, size_t i, size_t *len);
const vg_lex_entry *vg_lex_next_same(const vg_lexicon *lex, const vg_lex_entry *e);
/* Does a row of class cls (vg_lex_load_classes) match at token i (0 when i >= end)? Any row
 * of the phrase counts, not only the first; its length in tokens in *len. */
int vg_lex_match_class(const vg_lexicon *lex, const vg_tok *toks, size_t end, size_t i, int cls, size_t *len);
/* Does a row of class cls match starting anywhere in [s0,s1) (and within it)? */
int vg_lex_class_in(const vg_lexicon *lex, const vg_tok *toks, size_t s0, size_t s1, int cls);
/* What vg_lex_match finds at each token of one text, for a table read at the same tokens again
 * and again (the analyser asks its cue table about a word four times a document, on average):
 * each token's longest match with no end, looked up once. A match that ends past the `end` a
 * caller gives is looked up again under it (the longest match within end is the same unless it
 * is longer than end allows). Not thread-safe: one memo per document. */
typedef struct vg_lex_memo {
    const vg_lexicon *lex;
    const vg_lex_entry *rows; /* the table's rows (a slot holds an index) */
    const vg_tok *toks;       /* the text's tokens; look-ups on other tokens are not remembered */
    size_t nt;
    uint32_t *at;             /* a slot a token, VG_LEX_MEMO_UNKNOWN: not looked up yet; NULL: no memo */
} vg_lex_memo;
enum { VG_LEX_MEMO_UNKNOWN = 0, VG_LEX_MEMO_NONE = 1, VG_LEX_MEMO_LEN_BITS = 4 };

/* A memo of lex's look-ups on toks[0..nt) (slots from arena), or none (at NULL: every look-up
 * goes to vg_lex_match) when remember is 0 or memory runs out. */
void vg_lex_memo_init(vg_lex_memo *m, const vg_lexicon *lex, const vg_tok *toks, size_t nt, vg_arena *arena,
                      int remember);
/* vg_lex_memo_match's look-up when the slot does not answer. */
const vg_lex_entry *vg_lex_memo_fill(vg_lex_memo *m, const vg_tok *toks, size_t end, size_t i, size_t *len);
/* vg_lex_match(m->lex, toks, end, i, len), remembered when toks are m's tokens. */
static inline const vg_lex_entry *vg_lex_memo_match(vg_lex_memo *m, const vg_tok *toks, size_t end, size_t i,
                                                    size_t *len)
{
    if (m->at && toks == m->toks && i < end && end <= m->nt) {
        uint32_t v = m->at[i];
        if (v == VG_LEX_MEMO_NONE) {
            if (len) *len = 0;
            return NULL;
        }
        size_t n = v & ((1u << VG_LEX_MEMO_LEN_BITS) - 1);
        if (v != VG_LEX_MEMO_UNKNOWN && i + n <= end) {
            if (len) *len = n;
            return &m->rows[(v >> VG_LEX_MEMO_LEN_BITS) - 1];
        }
    }
    return vg_lex_memo_fill(m, toks, end, i, len);
}
/* Does m remember that no row of its table starts at toks[i], whatever the end? 0 when it
 * does not (a row does, or i was not looked up yet, or toks are not m's). */
static inline int vg_lex_memo_none(const vg_lex_memo *m, const vg_tok *toks, size_t i)
{
    return m && m->at && toks == m->toks && i < m->nt && m->at[i] == VG_LEX_MEMO_NONE;
}
/* vg_lex_match_class and vg_lex_class_in through the memo. */
int vg_lex_memo_match_class(vg_lex_memo *m, size_t end, size_t i, int cls, size_t *len);
int vg_lex_memo_class_in(vg_lex_memo *m, size_t s0, size_t s1, int cls);

/* The first row whose column `col` (0: the first after the phrase) is `value`, or NULL;
 * a scan of the whole table. */
const vg_lex_entry *vg_lex_find(const vg_lexicon *lex, size_t col, const char *value);

#endif
