/* analyze_int.h - what the analyser's files share: per-language resources and the per-document context (internal to lib/analyze). */
#ifndef VG_ANALYZE_INT_H
#define VG_ANALYZE_INT_H
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "classes.h"
#include "dates.h"
#include "gate.h"
#include "lexicon.h"
#include "numbers.h"
#include "places.h"
#include "sentences.h"
#include "taxonomy.h"
#include "tokens.h"

#define MAX_LANGS 8

enum { L_TRIGGERS, L_CUES, L_ACTORS, L_NUMBERS, L_CASUALTIES, L_ATTRIBUTION, L_ABBREV, L_MONTHS, L_WEEKDAYS, L_RELDATES,
       L_DEMONYMS, L_GATE, L_COUNT };

typedef struct lang_res {
    char code[8];
    vg_lexicon *lex[L_COUNT];
    vg_date_words dates;    /* dates.tsv: numeric order, day suffixes, joining words */
    struct vg_clitics *clitics; /* data/<lang>/clitics.tsv; NULL: the language attaches none */
    struct vg_translit *translit; /* data/<lang>/translit.tsv; NULL: none (places.h vg_places_find_translit) */
    float extra_row_offset; /* data/<lang>/calibration.tsv: the language's own calibration of the rows besides the
                             * lead in whole articles (confidence.c); 0 without the file */
} lang_res;

struct vg_analyzer {
    lang_res langs[MAX_LANGS];
    size_t n_langs;
    vg_gazetteer *gaz;
    int row_features;   /* VIGIE_ROW_FEATURES set: rows' confidence features on stderr (incidents.c) */
    vg_gate *gate;          /* NULL: no data/gate/model.txt, every text passes */
};

typedef struct ctx {
    const vg_analyzer *an;
    const lang_res *L;
    vg_doc *doc;
    const char *text;
    size_t n;
    vg_tok *t;
    size_t nt;
    vg_sent *s;
    size_t ns;
    uint32_t *sent_no;      /* each sentence's number before clauses were parted (clauses.c); NULL: none were */
    size_t ns_text;         /* ... and how many there were then */
    vg_date pub;
    vg_date ref;            /* what dates are read against: publication, else the first full date in the text */
    vg_date_lex dl;
    vg_place *places;
    size_t n_places;
    unsigned char *in_date; /* token is part of a date expression */
    unsigned char *in_related; /* token is in links to other articles ("Lire aussi : ..."); NULL: none */
    size_t dateline_end;    /* tokens before it are the text's own dateline (vg_an_text_dateline) */
    uint32_t (*attr)[2];    /* byte spans naming a source ("une source militaire à Damas") */
    size_t n_attr;
    vg_place *scene;        /* places that can be an event's scene (pick_place), made once */
    size_t n_scene, scene_pick;
    int scene_ready;
    struct actor *doc_actors[2]; /* the whole text's actors, by name [0] and by alias [1], made once */
    int n_doc_actors[2];
    int crowd_cause;        /* does the text name a killing a crowd rose against? -1: not read yet (counts.c) */
    vg_lex_memo *lm;        /* [L_COUNT]: each table's look-ups at the text's tokens, remembered (vg_an_match) */
} ctx;

/* The longest phrase of table `which` (L_TRIGGERS...) at token i of the text, not crossing end, as
 * vg_lex_match(c->L->lex[which], c->t, end, i, len): most tables are asked about the same tokens
 * again and again (vg_lex_match was 19% of analyze's instructions on the English dev texts, at
 * 9,300 look-ups a document), and their answer at a token is looked up once (c->lm, analyze.c's
 * `remembered`). */
static inline const vg_lex_entry *vg_an_match(const ctx *c, int which, size_t end, size_t i, size_t *len)
{
    return c->lm && c->lm[which].at ? vg_lex_memo_match(&c->lm[which], c->t, end, i, len)
                                    : vg_lex_match(c->L->lex[which], c->t, end, i, len);
}
/* vg_lex_match_class and vg_lex_class_in on the text's tokens, as vg_an_match. */
static inline int vg_an_match_class(const ctx *c, int which, size_t end, size_t i, int cls, size_t *len)
{
    return c->lm ? vg_lex_memo_match_class(&c->lm[which], end, i, cls, len)
                 : vg_lex_match_class(c->L->lex[which], c->t, end, i, cls, len);
}
static inline int vg_an_class_in(const ctx *c, int which, size_t s0, size_t s1, int cls)
{
    return c->lm ? vg_lex_memo_class_in(&c->lm[which], s0, s1, cls) : vg_lex_class_in(c->L->lex[which], c->t, s0, s1, cls);
}

/* Sentence k's number in the text before clauses were parted (clauses.c): what its place in the
 * text weighs (vg_an_lede_weight). */
static inline size_t vg_an_sent_no(const ctx *c, size_t k) { return c->sent_no ? c->sent_no[k] : k; }
/* How many sentences the text has, clauses parted or not (the length a row's confidence reads). */
static inline size_t vg_an_text_sentences(const ctx *c) { return c->sent_no ? c->ns_text : c->ns; }

/* The resources of language `code` exactly, or NULL (analyze.c). */
const lang_res *vg_an_lang(const vg_analyzer *a, const char *code);
/* The first token of the sentence holding token k. */
size_t vg_an_sentence_start(const ctx *c, size_t k);
/* The first token that starts at or after byte offset `byte` (c->nt when none). */
size_t vg_an_token_from(const ctx *c, uint32_t byte);

/* Is [s, e) inside a source's description, other than one starting at
 * `except` (UINT32_MAX: none)? */
static inline int vg_an_in_attr(const ctx *c, uint32_t s, uint32_t e, uint32_t except)
{
    for (size_t a = 0; a < c->n_attr; a++)
        if (s >= c->attr[a][0] && e <= c->attr[a][1] && c->attr[a][0] != except) return 1;
    return 0;
}


/* The sub-type a triggers.tsv row counts for (its class, resolved at load); *mod: a "+Sub" row, which
 * counts only next to a protest. */
static inline int vg_an_trigger_sub(const vg_lex_entry *e, int *mod)
{
    assert(e->cls >= 0 && e->cls < VG_TRIGGER_CLASSES);
    *mod = e->cls >= VG_SUB_COUNT;
    return e->cls - (*mod ? VG_SUB_COUNT : 0);
}

/* The weight a triggers.tsv row gives its sub-type (its second column; empty or 0 reads as 1). */
static inline float vg_an_trigger_weight(const vg_lex_entry *e)
{
    float w = (float)atof(e->cols[1]);
    return w == 0 ? 1 : w;
}

/* vague: the figure is a word such as "several", "plusieurs" (numbers.tsv "vague"), which a figure told later replaces */
/* above: the figure is a lower bound its lead-in makes strict ("more than 40", numbers.tsv "above") */
typedef struct count { long value; int found; size_t t0, t1; int vague; int above; } count;
typedef struct actor { const vg_lex_entry *e; size_t t0, t1; } actor;
#define VG_AN_DOC_ACTORS 8
/* actors.c: the first VG_AN_DOC_ACTORS actors of the whole text (as
 * vg_an_find_actors over it), found once per document; NULL on no memory. */
const actor *vg_an_doc_actors(ctx *c, int by_alias, int *n);

/* ACLED's interaction codes, actors.tsv's second column (0: a label that
 * names no party, such as a heading). */
enum {
    VG_INTER_STATE = 1, VG_INTER_REBELS, VG_INTER_POLITICAL_MILITIA, VG_INTER_IDENTITY_MILITIA,
    VG_INTER_RIOTERS, VG_INTER_PROTESTERS, VG_INTER_CIVILIANS, VG_INTER_EXTERNAL
};
static inline int vg_an_inter(const actor *a) { return atoi(a->e->cols[1]); }
/* A militia named by no group ("militia", "militiamen": actors.tsv's
 * "Militia ({country})"), which the words around it may tie to a people,
 * a clan or a place. */
static inline int vg_an_unnamed_militia(const actor *a) { return !strncmp(a->e->cols[0], "Militia (", 9); }
/* State forces, rebels and militias: the parties that carry arms. */
static inline int vg_an_inter_armed(int it) { return it >= VG_INTER_STATE && it <= VG_INTER_IDENTITY_MILITIA; }

/* counts.c: casualty figures in tokens [t0,t1) (see there). */
/* vg_an_counts flags: count the deaths a sentence names as a protest's or a riot's
 * cause ("riots over the police killing of a teenager"), for the killing's own row. */
#define VG_COUNT_CAUSES 1u
/* ...or count for a crowd's own row: in a text that names a killing as a crowd's cause, one
 * death told again elsewhere ("Gray was killed on March 9") is that killing, not the crowd's,
 * unless its clause names a protester or a rioter. */
#define VG_COUNT_CROWD 2u
void vg_an_counts(ctx *c, size_t t0, size_t t1, unsigned flags, count *killed, count *injured, count *arrested, count *note);
/* The death toll the document's headline (its title, not in the text) gives, read as one sentence: 1
 * and *killed when it gives one; killed's tokens are the headline's, not the text's (counts.c). */
int vg_an_title_killed(ctx *c, unsigned flags, count *killed);
/* Does the text name a killing as what a crowd rose against ("riots over the police shooting of a
 * teenager", "protests following the fatal shooting of ...")? Read once per text (counts.c). */
int vg_an_crowd_cause(ctx *c);
/* actors.c: actors named in tokens [t0,t1); their ACLED names. */
int vg_an_find_actors(ctx *c, size_t t0, size_t t1, actor *out, int max, int by_alias);
const char *vg_an_actor_name(ctx *c, const vg_lex_entry *e, const char *country);
const char *vg_an_generic_actor(ctx *c, const char *what, const char *country);
/* The class (VG_CUE_NEG, VG_CUE_AGENT...) of the cues.tsv phrase at token i, or -1. */
int vg_an_cue(const ctx *c, size_t end, size_t i, size_t *len);
/* The country state forces are named after ("Turkish border guards"), or NULL. */
const vg_place *vg_an_forces_country(const ctx *c, const actor *a);
/* "Tiv Ethnic Militia" for "Tiv militias", or NULL (see actors.c). */
const char *vg_an_ethnic_name(const ctx *c, const actor *a);
/* Is the actor the subject of a passive casualty verb ("soldiers were killed")? */
int vg_an_is_victim(const ctx *c, const actor *a, size_t end);
/* roles.c: reorders the actors ac[0..*na) so that ac[*i1] is who did it and
 * ac[*i2] the other party (-1: none); may append earlier mentions to ac
 * (room for 8). */
void vg_an_order_roles(ctx *c, size_t main_k, int sub, const char *event_type, actor *ac, int *na, int *i1, int *i2);
/* dateline.c: a dateline opening one of the first lines ("ATHENS, May 5 (Reuters) -",
 * "22 juin 2012. -"): the publication date, its year 0 when not written; *end: the
 * token after its dash (what comes before is no part of any sentence's dates). */
int vg_an_text_dateline(const ctx *c, vg_date *out, size_t *end);
/* attribution.c: the first source named in tokens [t0,t1), as byte offsets. */
int vg_an_find_attribution(ctx *c, size_t t0, size_t t1, uint32_t *bs, uint32_t *be);

#endif
