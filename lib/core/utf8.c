/* utf8.c - UTF-8 checks and conversions; Unicode tables come from utf8proc. */
#include "utf8.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"

size_t vg_utf8_valid_prefix(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            /* more ASCII (most of a text in Latin script) eight bytes at a time */
            for (uint64_t w; i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ULL));) i += 8;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) { /* two bytes (Cyrillic, Arabic, Latin accents): a continuation byte is all they need */
            if (n - i > 1 && (s[i + 1] & 0xC0) == 0x80) { i += 2; continue; }
            return i;
        }
        size_t need;
        uint32_t cp, min;
        if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
        else return i;
        if (n - i <= need) return i;
        for (size_t k = 1; k <= need; k++) {
            unsigned cc = s[i + k];
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += need + 1;
    }
    return n;
}

int32_t vg_utf8_decode_multibyte(const char *s, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s; /* two-byte characters: vg_utf8_decode */
    if (u[0] >= 0xE0 && u[0] <= 0xEF && vg_utf8_char_len(s, n) == 3) {
        *len = 3;
        return (int32_t)(((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu));
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n > 4 ? 4 : n), &cp);
    if (r <= 0) { *len = 1; return 0xFFFD; }
    *len = (size_t)r;
    return cp;
}

size_t vg_utf8_encode(int32_t cp, char *out)
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

int vg_looks_binary(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t ctl = 0, check = n < 65536 ? n : 65536;
    if (memchr(s, 0, n)) return 1;
    for (size_t i = 0; i < check; i++) {
        unsigned c = s[i];
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ctl++;
    }
    /* A few stray controls happen in scraped text; binary has them everywhere. */
    return check && ctl * 100 > check;
}

/* 0x80..0x9F in Windows-1252; 0 marks bytes 1252 leaves undefined. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

char *vg_cp1252_to_utf8(vg_arena *a, const char *str, size_t n, size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n > (((size_t)-1) - 1) / 3) return NULL;
    char *out = vg_arena_alloc(a, n * 3 + 1), *o = out;
    if (!out) return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c < 0x80) { *o++ = (char)c; continue; }
        int32_t cp = c;
        if (c < 0xA0) {
            cp = cp1252_high[c - 0x80];
            if (!cp) return NULL;
        }
        o += vg_utf8_encode(cp, o);
    }
    *o = 0;
    *out_len = (size_t)(o - out);
    return out;
}

static char *map_into_arena(vg_arena *a, const char *s, size_t n, int options, size_t *out_len)
{
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m, (utf8proc_option_t)options);
    if (r < 0) return NULL;
    char *out = vg_arena_strndup(a, (const char *)m, (size_t)r);
    free(m);
    if (out) *out_len = (size_t)r;
    return out;
}

/* One code point of valid UTF-8 at s[0..n) (n > 0), its length in *len; -1 when the
 * bytes there are not valid UTF-8. */
static int32_t decode_strict(const unsigned char *s, size_t n, size_t *len)
{
    size_t need = vg_utf8_char_len((const char *)s, n);
    if (!need) return -1;
    *len = need;
    if (need == 1) return s[0];
    int32_t cp = s[0] & (0x7F >> need);
    for (size_t k = 1; k < need; k++) cp = (cp << 6) | (s[k] & 0x3F);
    return cp;
}

/* Does text normalise to NFC on either side of cp on its own: is there a
 * normalisation boundary before cp (it never combines with what precedes it)
 * and is cp its own NFC? Then runs of such characters are copied as they are
 * (UAX #15's stable code points) and only what lies between runs goes through
 * utf8proc: normalising whole articles, whose accented letters are almost all
 * composed already, was the costliest step of reading French text.
 * Conservative: a mark of any combining class and the Hangul jamo (which
 * compose with the letter before them) are never stable. */
static int nfc_stable_uncached(int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class || p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
        p->category == UTF8PROC_CATEGORY_ME || (cp >= 0x1100 && cp <= 0x11FF))
        return 0;
    if (p->decomp_seqindex == UINT16_MAX || p->decomp_type) return 1; /* no canonical decomposition */
    /* a composed letter ("é") is stable unless NFC replaces it (singletons, exclusions) */
    utf8proc_uint8_t enc[4], *m = NULL;
    utf8proc_ssize_t len = utf8proc_encode_char(cp, enc);
    utf8proc_ssize_t r = utf8proc_map(enc, len, &m, (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    int same = r == len && !memcmp(m, enc, (size_t)len);
    free(m);
    return same;
}

/* nfc_stable_uncached for the alphabets news is written in, worked out once:
 * most of them is composed letters, each a utf8proc_map to check. */
enum { NFC_TABLE_END = 0x3000 };
static uint8_t nfc_stable_table[NFC_TABLE_END];
static pthread_once_t nfc_table_once = PTHREAD_ONCE_INIT;

static void nfc_table_build(void)
{
    for (int32_t cp = 0; cp < NFC_TABLE_END; cp++) nfc_stable_table[cp] = (uint8_t)nfc_stable_uncached(cp);
}

int vg_utf8_nfc_stable(int32_t cp)
{
    if (cp >= NFC_TABLE_END) return nfc_stable_uncached(cp);
    pthread_once(&nfc_table_once, nfc_table_build);
    return nfc_stable_table[cp];
}

/* Where the next character that is not NFC-stable starts at or after i; n when
 * there is none, (size_t)-1 at bytes that are not valid UTF-8. */
static size_t next_unstable(const unsigned char *s, size_t n, size_t i)
{
    while (i < n) {
        if (s[i] < 0x80) { i++; continue; }
        size_t len;
        int32_t cp = decode_strict(s + i, n - i, &len);
        if (cp < 0) return (size_t)-1;
        if (!vg_utf8_nfc_stable(cp)) return i;
        i += len;
    }
    return n;
}

/* Where the run of characters that are not NFC-stable starting at i ends. */
static size_t unstable_end(const unsigned char *s, size_t n, size_t i)
{
    while (i < n) {
        size_t len;
        int32_t cp = decode_strict(s + i, n - i, &len);
        if (cp < 0 || cp < 0x80 || vg_utf8_nfc_stable(cp)) break;
        i += len;
    }
    return i;
}

char *vg_utf8_nfc(vg_arena *a, const char *str, size_t n, size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t u = next_unstable(s, n, 0);
    if (u == n) { *out_len = n; return vg_arena_strndup(a, str, n); } /* already NFC, the common case */
    if (u == (size_t)-1) return map_into_arena(a, str, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE, out_len);
    /* Stable runs as they are; each stretch between them from the stable
     * character before it (which its marks may join) through utf8proc. */
    vg_buf out = VG_BUF_INIT;
    size_t done = 0;
    while (u < n) {
        size_t seg = u;
        if (seg > done) /* back one character, a stable one */
            for (seg--; seg > done && (s[seg] & 0xC0) == 0x80;) seg--;
        size_t end = unstable_end(s, n, u); /* > u: next_unstable decoded the character at u */
        vg_buf_append(&out, s + done, seg - done);
        utf8proc_uint8_t *m = NULL;
        utf8proc_ssize_t r = utf8proc_map(s + seg, (utf8proc_ssize_t)(end - seg), &m,
                                          (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
        if (r < 0) { vg_buf_free(&out); return NULL; }
        vg_buf_append(&out, m, (size_t)r);
        free(m);
        done = end;
        u = next_unstable(s, n, end);
        if (u == (size_t)-1) { vg_buf_free(&out); return map_into_arena(a, str, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE, out_len); }
    }
    vg_buf_append(&out, s + done, n - done);
    char *r = out.failed ? NULL : vg_arena_strndup(a, out.data ? out.data : "", out.len);
    if (r) *out_len = out.len;
    vg_buf_free(&out);
    return r;
}

/* Apostrophes, quotes and dashes folded to ASCII so "l’armée" == "l'armée";
 * and the Arabic script's variants of one letter, digit or sign folded to one
 * form, the way Arabic search engines normalise (utf8proc's own folding
 * already strips the harakat and the hamza of أ إ آ ؤ ئ, and maps presentation
 * forms): alef wasla to alef, taa marbuta to haa, alef maqsura and Persian
 * yeh to yeh, Persian kaf to kaf; Arabic-Indic and Persian digits to ASCII
 * digits, so that every reader of numbers sees "17" in "١٧"; the Arabic
 * comma, semicolon, question mark, decimal and thousands signs and percent
 * to their ASCII forms. 0 deletes the character (tatweel, a stretching
 * stroke with no meaning). Never longer than the input in UTF-8. */
static int32_t fold_punct(int32_t cp)
{
    if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032: case 0x00B4: case 0x0060:
        return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
        return '-';
    case 0x00A0: case 0x202F: case 0x2009: case 0x2007:
        return ' ';
    case 0x060C: case 0x066C: return ',';
    case 0x061B: return ';';
    case 0x061F: return '?';
    case 0x066B: return '.';
    case 0x066A: return '%';
    case 0x0640: return 0;
    case 0x0671: return 0x0627;
    case 0x0629: return 0x0647;
    case 0x0649: case 0x06CC: return 0x064A;
    case 0x06A9: return 0x0643;
    default:
        return cp;
    }
}

#define FOLD_OPTS ((utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | \
                                       UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE))

size_t vg_fold_reference(const char *s, size_t n, char *out, size_t cap);

/* The fold of one character as vg_fold_reference folds it alone, worked out
 * once for the two-byte characters (Latin, Greek, Cyrillic, Hebrew and Arabic
 * letters, Arabic digits and signs) and the general punctuation (’ – …):
 * words of them are folded by looking their characters up rather than through
 * utf8proc, which was most of tokenizing French, Russian or Arabic text. A
 * word's fold is its characters' folds end to end: marks are stripped, and
 * nothing else in these blocks combines with what precedes it (only marks and
 * the Hangul jamo do); tests/unit/test_core.c compares every entry, between
 * letters and before a mark, with utf8proc's fold of the whole. */
typedef struct char_fold {
    uint8_t len;         /* FOLD_UNKNOWN: longer than s, utf8proc decides */
    char s[7];
} char_fold;
enum { TWO_BYTE_END = 0x800, PUNCT_FIRST = 0x2000, PUNCT_END = 0x2070, FOLD_UNKNOWN = 0xFF };
static char_fold fold_two_byte[TWO_BYTE_END - 0x80], fold_general_punct[PUNCT_END - PUNCT_FIRST];
static pthread_once_t fold_tables_once = PTHREAD_ONCE_INIT;

static void char_fold_set(char_fold *f, int32_t cp)
{
    char in[4], out[16];
    size_t r = vg_fold_reference(in, vg_utf8_encode(cp, in), out, sizeof out);
    f->len = r <= sizeof f->s ? (uint8_t)r : FOLD_UNKNOWN;
    if (f->len != FOLD_UNKNOWN) memcpy(f->s, out, r);
}

static void fold_tables_build(void)
{
    for (int32_t cp = 0x80; cp < TWO_BYTE_END; cp++) char_fold_set(&fold_two_byte[cp - 0x80], cp);
    for (int32_t cp = PUNCT_FIRST; cp < PUNCT_END; cp++) char_fold_set(&fold_general_punct[cp - PUNCT_FIRST], cp);
}

/* The table entry of the character at s[0..n) (not ASCII), its length in
 * *len; NULL for characters not in the tables (or not valid UTF-8). */
static const char_fold *char_fold_of(const unsigned char *s, size_t n, size_t *len)
{
    if (s[0] >= 0xC2 && s[0] <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
        *len = 2;
        return &fold_two_byte[(((s[0] & 0x1F) << 6) | (s[1] & 0x3F)) - 0x80];
    }
    if (s[0] == 0xE2 && n >= 3 && (s[1] == 0x80 || s[1] == 0x81) && (s[2] & 0xC0) == 0x80) {
        int32_t cp = 0x2000 | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        *len = 3;
        return cp < PUNCT_END ? &fold_general_punct[cp - PUNCT_FIRST] : NULL;
    }
    return NULL;
}

/* Folds text made only of ASCII (but NUL) and the characters of the tables above
 * without utf8proc; the same bytes as the general path. Returns the length, or
 * (size_t)-1 when s holds anything else or out[cap] is too small. */
static size_t fold_fast(const char *str, size_t n, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t o = 0;
    int tables = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c < 0x80) { /* controls fold to themselves, but NUL ends utf8proc's reading */
            if (c == 0 || o + 2 > cap) return (size_t)-1;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c == '`' ? '\'' : c);
            i++;
            continue;
        }
        if (!tables++) pthread_once(&fold_tables_once, fold_tables_build);
        size_t len;
        const char_fold *f = char_fold_of(s + i, n - i, &len);
        if (!f || f->len == FOLD_UNKNOWN || o + f->len + 1 > cap) return (size_t)-1;
        memcpy(out + o, f->s, f->len);
        o += f->len;
        i += len;
    }
    out[o] = 0;
    return o;
}


size_t vg_fold_into(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = fold_fast(s, n, out, cap);
    if (k != (size_t)-1) return k;
    return vg_fold_reference(s, n, out, cap);
}

size_t vg_fold_reference(const char *s, size_t n, char *out, size_t cap)
{
    /* A stack buffer of code points: the heap round trip of utf8proc_map was a
     * visible share of indexing French text, where most folded strings are words. */
    enum { MAX_CPS = 256 };
    utf8proc_int32_t cps[MAX_CPS];
    utf8proc_ssize_t r = utf8proc_decompose_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cps, MAX_CPS,
                                                   FOLD_OPTS, NULL, NULL);
    if (r < 0) return 0;
    if (r > MAX_CPS) return (size_t)-1;
    /* Typographic punctuation survives decomposition as itself, so folding it
     * here gives what folding the composed text gives. */
    utf8proc_ssize_t w = 0;
    for (utf8proc_ssize_t i = 0; i < r; i++) {
        int32_t f = fold_punct(cps[i]);
        if (f) cps[w++] = f;
    }
    r = utf8proc_reencode(cps, w, FOLD_OPTS);
    if (r < 0 || (size_t)r >= cap) return 0;
    memcpy(out, cps, (size_t)r);
    out[r] = 0;
    return (size_t)r;
}

static char *fold_to(const char *s, size_t n, size_t *out_len)
{
    if (n < 4096) { /* a fold is rarely longer than its text (the fast path gives up when it is) */
        char *o = malloc(n + 3);
        if (!o) return NULL;
        size_t k = fold_fast(s, n, o, n + 3);
        if (k != (size_t)-1) { *out_len = k; return o; }
        free(o);
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m, FOLD_OPTS);
    if (r < 0) return NULL;
    /* Punctuation folding never makes a string longer (3-byte -> 1-byte). */
    char *o = (char *)m, *w = o;
    for (utf8proc_ssize_t i = 0; i < r;) {
        assert(w <= o + i); /* in place: writing never overtakes reading */
        size_t len;
        int32_t cp = vg_utf8_decode(o + i, (size_t)(r - i), &len);
        int32_t f = fold_punct(cp);
        if (f == cp) { memmove(w, o + i, len); w += len; }
        else if (f) {
            char enc[4];
            size_t fl = vg_utf8_encode(f, enc);
            assert(fl <= len); /* so writing in place never overtakes reading */
            memcpy(w, enc, fl);
            w += fl;
        }
        i += (utf8proc_ssize_t)len;
    }
    *w = 0;
    *out_len = (size_t)(w - o);
    return o;
}

/* vg_lower_heap of a word of ASCII and basic Cyrillic letters (U+0400-U+045F) only, which
 * case-fold one for one and compose with nothing: the capitals lowered here, byte by byte
 * (utf8proc_map was 7% of `vigie analyze`'s instructions on the Russian dev texts, called for
 * every word a name's stem is looked up by). NULL when s holds anything else, or no memory. */
static char *lower_cyrillic(const char *s, size_t n, size_t *out_len)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) continue;
        if ((c != 0xD0 && c != 0xD1) || i + 1 >= n) return NULL; /* U+0400-U+047F lead bytes */
        unsigned char c1 = (unsigned char)s[++i];
        if ((c1 & 0xC0) != 0x80 || (c == 0xD1 && c1 >= 0xA0)) return NULL; /* past U+045F */
    }
    char *o = malloc(n + 1);
    if (!o) return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { o[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c); continue; }
        unsigned cp = ((c & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu);
        if (cp < 0x410) cp += 0x50;                     /* Ѐ-Џ -> ѐ-џ */
        else if (cp < 0x430) cp += 0x20;                /* А-Я -> а-я */
        o[i] = (char)(0xC0 | (cp >> 6));
        o[i + 1] = (char)(0x80 | (cp & 0x3F));
        i++;
    }
    o[n] = 0;
    *out_len = n;
    return o;
}

char *vg_lower_heap(const char *s, size_t n, size_t *out_len)
{
    char *fast = n ? lower_cyrillic(s, n, out_len) : NULL;
    if (fast) return fast;
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
                                      (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
    if (r < 0) return NULL;
    *out_len = (size_t)r;
    return (char *)m;
}

char *vg_fold_heap(const char *s, size_t n, size_t *out_len)
{
    return fold_to(s, n, out_len);
}

char *vg_fold(vg_arena *a, const char *s, size_t n, size_t *out_len)
{
    if (n < 4096) { /* straight into the arena: most words take the fast path */
        char *o = vg_arena_alloc(a, n + 3);
        if (!o) return NULL;
        size_t k = fold_fast(s, n, o, n + 3);
        if (k != (size_t)-1) { *out_len = k; return o; }
    }
    size_t len;
    char *m = fold_to(s, n, &len);
    if (!m) return NULL;
    char *out = vg_arena_strndup(a, m, len);
    free(m);
    if (out) *out_len = len;
    return out;
}

static int category_alnum(utf8proc_category_t c)
{
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) ||
           c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
}

/* The classes of the two-byte characters (Latin, Greek, Cyrillic, Hebrew, Arabic), worked out
 * once from utf8proc: reading an Arabic or Russian text asks for every letter's, and
 * utf8proc_category was a tenth of the work of chrome's line measures and the language vote on
 * the Arabic dev texts. */
enum { CLASS_ALNUM = 1, CLASS_UPPER = 2, CLASS_CASELESS = 4 };
static uint8_t class_two_byte[TWO_BYTE_END - 0x80];
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static void class_table_build(void)
{
    for (int32_t cp = 0x80; cp < TWO_BYTE_END; cp++) {
        utf8proc_category_t c = utf8proc_category(cp);
        class_two_byte[cp - 0x80] = (uint8_t)((category_alnum(c) ? CLASS_ALNUM : 0) |
                                              (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT ? CLASS_UPPER : 0) |
                                              (c == UTF8PROC_CATEGORY_LO ? CLASS_CASELESS : 0));
    }
}

static int two_byte_class(int32_t cp)
{
    pthread_once(&class_once, class_table_build);
    return class_two_byte[cp - 0x80];
}

int vg_is_alnum_unicode(int32_t cp)
{
    if (cp >= 0x80 && cp < TWO_BYTE_END) return (two_byte_class(cp) & CLASS_ALNUM) != 0;
    return category_alnum(utf8proc_category(cp));
}

int vg_is_upper_unicode(int32_t cp)
{
    if (cp >= 0x80 && cp < TWO_BYTE_END) return (two_byte_class(cp) & CLASS_UPPER) != 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

int vg_is_caseless(int32_t cp)
{
    if (cp >= 0x80 && cp < TWO_BYTE_END) return (two_byte_class(cp) & CLASS_CASELESS) != 0;
    return cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LO;
}
