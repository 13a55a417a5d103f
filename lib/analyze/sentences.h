/* sentences.h - sentence boundaries over tokens, aware of abbreviations, initials and decimals (internal). */
#ifndef VG_SENTENCES_H
#define VG_SENTENCES_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "lexicon.h"
#include "tokens.h"

typedef struct vg_sent {
    size_t t0, t1;        /* tokens [t0, t1) */
    uint32_t start, end;  /* bytes in the text */
} vg_sent;

/* abbrev: words that a period does not end ("M", "Gen", "Dr"), folded,
 * may be NULL. A paragraph break (newline) always ends a sentence. */
vg_status vg_sentences(vg_arena *a, const char *text, const vg_tok *t, size_t nt, const vg_lexicon *abbrev,
                       vg_sent **out, size_t *n_out);

#endif
