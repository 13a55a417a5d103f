/* places.h - place names in text resolved to gazetteer entries with coordinates (internal). */
#ifndef VG_PLACES_H
#define VG_PLACES_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "../core/arena.h"
#include "tokens.h"

typedef enum vg_place_kind { VG_PLACE_COUNTRY = 1, VG_PLACE_ADMIN1, VG_PLACE_ADMIN2, VG_PLACE_CITY, VG_PLACE_OTHER } vg_place_kind;

typedef struct vg_place {
    uint32_t start, end;   /* byte span of the mention in the text */
    const char *name;      /* the gazetteer's name for it (ASCII/English when GeoNames has one) */
    const char *country;   /* country's English short name, as ACLED writes it ("Syria") */
    const char *iso2;      /* ISO 3166-1 alpha-2 */
    const char *admin1;    /* first-level division name, or NULL */
    double lat, lon;
    vg_place_kind kind;
    int geo_precision;     /* ACLED: 1 town, 2 near/part of region, 3 province/country-level */
    long population;
    float confidence;      /* 0..1 */
    int origin;            /* after an origin word ("fighters from X"): rather where they came from than the scene */
    int introduced;        /* presented as a settlement ("the town of X", "la ville de X"): the text
                              vouches for the town, others far from it do not make it doubtful */
    int dateline;          /* opens the text's dateline ("MADRID, May 5 (Reuters) -"): where the report
                              was filed, the scene only when the text names no other town or division */
    int division_name;     /* a town whose name is also its first-level division's ("Idlib", "Oaxaca"):
                              a less specific mention than a town named only for itself */
} vg_place;

typedef struct vg_gazetteer vg_gazetteer;

/* path: the compiled gazetteer (scripts/build-gazetteer.sh). */
vg_status vg_gazetteer_load(const char *path, vg_gazetteer **out, char *err, size_t errlen);
void vg_gazetteer_free(vg_gazetteer *g);

/* Every place mentioned in text[0..n), resolved, in text order. Results and
 * strings live in a (or in the gazetteer). lang: "fr", "en" or NULL. */
vg_status vg_places_find(const vg_gazetteer *g, vg_arena *a, const char *text, size_t n, const char *lang,
                         vg_place **out, size_t *n_out);
/* The same for a language that writes prefixes joined to words (lib/text/clitics.h;
 * NULL: none): "بحلب" is read as "حلب" after a preposition. In a script with no
 * capitals (Arabic) any word the gazetteer knows may be a name, kept only when the
 * words around it say it is a place; a place's span starts after its prefix. */
struct vg_clitics;
vg_status vg_places_find_cl(const vg_gazetteer *g, vg_arena *a, const char *text, size_t n, const char *lang,
                            const struct vg_clitics *clitics, vg_place **out, size_t *n_out);

/* A country the text's other words tie it to, outside its place names: a group or a monitoring
 * mission that acts in that country ("the OSCE SMM", "Houthi forces"); share: 1 for one country,
 * 1/k for each of a group's k countries. */
typedef struct vg_place_hint {
    char iso2[3];
    float share;
} vg_place_hint;
/* vg_places_find_cl, the hints voting for their countries like a demonym does: a name the
 * gazetteer knows in several countries is read in the hinted one ("near Shevchenko").
 * toks[0..ntoks): vg_tokenize's tokens of text (of text[0..n) or more), read instead of
 * tokenizing text again; NULL: the text is tokenized here. */
vg_status vg_places_find_hinted(const vg_gazetteer *g, vg_arena *a, const char *text, size_t n, const char *lang,
                                const struct vg_clitics *clitics, const vg_place_hint *hints, size_t n_hints,
                                const vg_tok *toks, size_t ntoks, vg_place **out, size_t *n_out);

/* vg_places_find_hinted for a language whose script the gazetteer may hold few names in
 * (lib/text/translit.h; NULL: none): a name it knows no other way is read in Latin letters,
 * by its transliteration skeleton, each declined word by its stem ("в Гаваре": Gavar). */
struct vg_translit;
vg_status vg_places_find_translit(const vg_gazetteer *g, vg_arena *a, const char *text, size_t n, const char *lang,
                                  const struct vg_clitics *clitics, const struct vg_translit *translit,
                                  const vg_place_hint *hints, size_t n_hints, const vg_tok *toks, size_t ntoks,
                                  vg_place **out, size_t *n_out);

/* Index in p[0..n) of the place an event most likely happened at: the first
 * town named, else the first first-level division, else the first country;
 * n when there is none. */
size_t vg_places_primary(const vg_place *p, size_t n);

/* The country a demonym of the word lists names ("syrien", "أفغانية": folded, without its
 * clitics): 1 and iso2 filled (NUL-terminated), or 0 when the word is no demonym. */
int vg_gazetteer_demonym(const vg_gazetteer *g, const char *fold, size_t flen, char iso2[3]);
/* Country by name or code in any supported language ("Syrie", "SY", "Syria"). */
const vg_place *vg_gazetteer_country(const vg_gazetteer *g, const char *name, size_t n);
/* The capital of country iso2 (GeoNames feature PPLC; the most populous when a country has several):
 * 1 and *out filled (no span, confidence 0), or 0 when the gazetteer has none. */
int vg_gazetteer_capital(const vg_gazetteer *g, const char *iso2, vg_place *out);


/* ---- Gazetteer internals shared by gazetteer.c (build, load) and places.c (lookup). ---- */

/* Compile the gazetteer. tsv: files from scripts/geo-prepare.py (or a test
 * fixture in the same format); words: data/<lang>/places-*.tsv (demonyms
 * "word<TAB>ISO2", word lists "prep|near|admin|stop|generic|title<TAB>word", "native<TAB>ISO2",
 * "declined<TAB>LANG": names in other scripts also keyed by LANG's stems) and hunspell
 * dictionaries (*.dic: common words). Writes out_path atomically (temporary file
 * + rename). Nothing is left on failure. Not thread-safe (a build-time tool);
 * loading and every lookup are. */
vg_status vg_gazetteer_build(const char *const *tsv, size_t n_tsv, const char *const *words, size_t n_words,
                             const char *out_path, char *err, size_t errlen);

/* One compiled entry, as stored in the mmapped file. */
/* The rank of a national capital (GeoNames PPLC) in vg_gz_entry.rank. */
#define VG_GZ_RANK_CAPITAL 5

typedef struct vg_gz_entry {
    float lat, lon;
    uint32_t population;
    uint32_t name;        /* offset in the string pool */
    uint32_t admin1;      /* offset in the string pool, 0 = none */
    uint32_t country;     /* index of the country's own entry */
    char iso2[4];         /* NUL-terminated */
    uint8_t kind;         /* vg_place_kind */
    uint8_t rank;         /* 9 country, 8 admin1, 5 capital (VG_GZ_RANK_CAPITAL), 4 admin1 seat ... 0 village */
    uint8_t flags;        /* VG_GZ_F_* */
    uint8_t pad;
} vg_gz_entry;

#define VG_GZ_F_TRANSLIT 1 /* spellings of its names vary (transliterated, or several orthographies):
                              spelling skeletons apply; off for "native" countries in the word lists */

#define VG_GZ_PRIMARY 0x80000000u  /* posting flag: the key came from a main name, not an alternate */
#define VG_GZ_KEY_MAX 256

/* Key kinds (first byte of every key). */
#define VG_GZ_EXACT '='     /* normalised name -> entries */
#define VG_GZ_SKEL '~'      /* transliteration skeleton -> entries */
#define VG_GZ_DEMONYM '@'   /* "syrien" -> the country's entry */
#define VG_GZ_PREP '^'      /* a preposition before a place name */
#define VG_GZ_NEAR '%'      /* approximate location word */
#define VG_GZ_ADMIN '&'     /* first-level division word */
#define VG_GZ_STOP '!'      /* listed word: needs evidence to count as a place */
#define VG_GZ_COMMON '?'    /* dictionary word (hunspell): needs evidence unless a country or large city */
#define VG_GZ_GENERIC '#'   /* first word of longer names ("Wadi", "Kafr"): alone before more words, not a place */
#define VG_GZ_PROPER '$'    /* capitalised dictionary word: a known name, often a person's */
#define VG_GZ_TITLE '*'     /* a title before a person's name ("président", "Mr"): what follows is no place */
#define VG_GZ_AFTER '+'     /* a settlement word after a name ("Amra highway", "Vesko city"): evidence like a preposition */
#define VG_GZ_LANDMARK '['  /* a street or square word after a name ("Lima square"): the name is a landmark's */
#define VG_GZ_STREET ']'    /* a street word before "de" and a name ("rue de Paris"): the name is the street's */
#define VG_GZ_ZONE '{'      /* a zone across countries ("the Sahel", "le Maghreb"): a place only with a division word
                             * beside it ("la région du Sahel"), as the division of that name */
#define VG_GZ_ORIGIN '<'    /* a word saying where people come from ("from"): that place is seldom where it happened */
#define VG_GZ_FEATURE '_'   /* a natural feature word after a name ("Nuba Mountains", "Jordan Valley"): the name is the
                             * feature's; a town of that name in a country the text is not about is not it */

#define VG_GZ_STEM '/'      /* "/ru:донецк": a name in a script other than Latin, each word by the language's
                             * Snowball stemmer (places-words.tsv "declined<TAB>ru"), so "в Донецке" finds Donetsk;
                             * the key "/ru:" alone says the gazetteer has them for that language */

#define VG_GZ_LOCAL ':'     /* ":es=alepo": a name read only in texts of that language (places.tsv column 11) */
#define VG_GZ_WORD ';'      /* ";fi": a word of the word lists or a demonym, of any class (the place finder
                               reads a word without its clitics when the gazetteer knows it: one look-up) */

#define VG_GZ_KEY_SKEL 1    /* vg_gz_key mode: transliteration skeleton */
#define VG_GZ_KEY_NOART 2   /* vg_gz_key mode: drop a leading article */

/* The Arabic article as Latin-script text writes it ("al", "el", "ad", "ash"...): rows
 * "article<TAB>al" of the word lists (data/ar/places-words.tsv), folded; kept in the compiled
 * gazetteer so that lookups normalise names as the build did. */
#define VG_GZ_MAX_ARTICLES 32
typedef struct vg_gz_articles {
    uint32_t n;
    char w[VG_GZ_MAX_ARTICLES][8]; /* NUL-terminated */
} vg_gz_articles;
/* Adds the "article" rows of word list path to *a (a .dic or a missing class adds nothing);
 * VG_ERR_RESOURCE with FILE:LINE in err for an article too long or too many. */
vg_status vg_gz_articles_read(const char *path, vg_gz_articles *a, char *err, size_t errlen);
/* The gazetteer's articles (never NULL for a loaded gazetteer). */
const vg_gz_articles *vg_gz_articles_of(const vg_gazetteer *g);

/* Normalise folded text (vg_fold output) into a lookup key after the kind byte:
 * tokens of letters/digits joined by one space, a final -ah/-eh/-ih "h" dropped;
 * mode VG_GZ_KEY_NOART drops a leading Arabic article (arts: al-, el-, ad-...);
 * VG_GZ_KEY_SKEL gives the transliteration skeleton (articles dropped, vowels
 * dropped, digraphs and doubled consonants merged).
 * Returns the key length (0: no key, e.g. skeleton too short), out NUL-terminated. */
size_t vg_gz_key(const vg_gz_articles *arts, char kind, const char *folded, size_t n, int mode, char *out, size_t cap);

/* The key of an exact key (from vg_gz_key) for texts of one language only: ":es" + key. 0 when
 * it does not fit or lang is not a 1-3 letter code. */
size_t vg_gz_local_key(const char *lang, const char *key, size_t k, char *out, size_t cap);

struct vg_stemmer;
/* The stemmed key of a name as written ("Донецке" -> "/ru:донецк", lang "ru"): each word
 * lower-cased with its accents (Snowball reads "й"), stemmed by s, then folded. 0 (no key)
 * when the folded name is all ASCII (Latin names are keyed as written), a stem is shorter
 * than two letters, the name has more than 8 words or the key does not fit cap. */
size_t vg_gz_stem_key(const char *name, size_t n, const char *lang, struct vg_stemmer *s, char *out, size_t cap);

/* Is folded t[0..n) an Arabic article as transliterated (al, el, ad, ash...)? arts may be NULL (none). */
int vg_gz_is_article(const vg_gz_articles *arts, const char *t, size_t n);

/* Postings for a key (from vg_gz_key): NULL when absent. n_post may be 0 for word-list keys. */
const uint32_t *vg_gz_lookup(const vg_gazetteer *g, const char *key, size_t n, size_t *n_post, int *found);
/* Is the folded word fold[0..flen) in the word list of key kind `kind` (VG_GZ_PREP,
 * VG_GZ_AFTER, VG_GZ_COMMON...)? */
int vg_gz_word_is(const vg_gazetteer *g, const char *fold, size_t flen, char kind);
/* Can a multi-word name start with this word? prefix: an exact key of one word
 * plus a trailing space ("=deir "). */
int vg_gz_has_prefix(const vg_gazetteer *g, const char *prefix, size_t n);
const vg_gz_entry *vg_gz_entry_at(const vg_gazetteer *g, uint32_t idx);
const char *vg_gz_str(const vg_gazetteer *g, uint32_t off);
size_t vg_gz_entry_count(const vg_gazetteer *g);
/* Fill a vg_place (strings point into the mapped file) from an entry index. */
void vg_gz_place(const vg_gazetteer *g, uint32_t idx, vg_place *p);

#endif
