/* chrome.c - drops page chrome (counters, prompts, related links, credits) from scraped plain text. */
#include "chrome.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <assert.h>
#include <dirent.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/hash.h"
#include "../core/alloc.h"
#include "../core/tsv.h"
#include "../core/utf8.h"
#include "../text/langid.h"

enum { K_EXACT, K_PREFIX, K_REGEX, K_RELATED, K_TAIL };

/* Bounds on what is read from data files and documents. */
enum {
    MAX_RULES = 4096,
    MAX_PATTERN = 512,
    MAX_LINES = 200000,       /* past this, the rest of the text is one line */
    HEADLINE_WORDS = 25,      /* longer unpunctuated lines are paragraphs */
    SENTENCE_WORDS = 20,      /* this long without punctuation still reads as prose */
    SHORT_WORDS = 3,          /* an unpunctuated line this short is never text */
    FURNITURE_WORDS = 12,     /* longest unpunctuated line dropped for standing outside the body */
    MAX_CAPTIONS = 256,       /* caption candidates compared per document */
    MAX_LEARN = 512,          /* lines per document the outlet memory takes in */
    RELATED_MAX = 15,         /* headlines a related block may swallow */
    REPEAT_WORDS = 15,        /* lines longer than this are never "repeated" chrome */
    REPEAT_DOCS = 2,          /* earlier documents of the outlet that must carry a line */
    CACHE_SLOTS = 1 << 15,
};

typedef struct rule {
    int kind;
    char *pat;           /* folded; NULL for regex */
    size_t plen;
    pcre2_code *re;
    /* What PCRE2 knows of a regex's start (pcre2_pattern_info), to skip the lines it cannot
     * match without calling it: 23 regexes tried on every line were most of the rules' cost
     * (pcre2_match 0.18M instructions a document on the English dev texts). */
    uint8_t first[32];   /* anchored at the line's start: the bytes a match may begin with */
    int first_known;     /* first is set */
    uint32_t min_len;    /* characters a match needs at least (a line of fewer bytes has fewer) */
    char lang[8];
    char reason[64];     /* "pattern:fr:abonner": lives as long as the vg_chrome */
} rule;

/* The rules in the order a document tries them: its language's first (so reasons name it),
 * then every other language's (pages mix them); put in order at load, one order for each
 * language with rules and one (lang "") for every other document. A literal rule can only
 * match a line whose folded form starts with its pattern's first byte: each order lists, for
 * each first byte, the rules a line starting so may match, the regexes (which read the line as
 * written) among them, in the order's order. Every line was tried on every rule of its
 * order (match: 36.7M of the 652M instructions of 200 English dev texts, callgrind). */
typedef struct rule_order {
    char lang[8];              /* "": the rules in load order */
    uint32_t start[257];       /* a line whose fold starts with byte b: rules at[start[b]..start[b + 1]) */
    uint16_t *at;              /* rule indexes */
} rule_order;

struct vg_chrome {
    rule *rules;
    size_t n, cap;
    rule_order *orders;
    size_t n_orders;
};

/* One slot per (outlet, line): in how many distinct documents it appeared. */
typedef struct cache_slot {
    uint64_t key;        /* 0 = empty */
    uint64_t last_doc;
    uint32_t docs;
} cache_slot;

struct vg_chrome_cache {
    cache_slot *slots;
    size_t used;
};

void vg_chrome_cache_free(vg_chrome_cache *cache)
{
    if (!cache) return;
    free(cache->slots);
    free(cache);
}

/* ---------------------------------------------------------------- loading */

void vg_chrome_free(vg_chrome *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->rules[i].pat);
        pcre2_code_free(c->rules[i].re);
    }
    free(c->rules);
    for (size_t i = 0; i < c->n_orders; i++) free(c->orders[i].at);
    free(c->orders);
    free(c);
}

/* Folded pattern or line, without the punctuation and spaces around it, so
 * that "S'abonner", "S’ABONNER :" and "s'abonner" compare equal. */
static size_t trim_fold(const char *f, size_t n, size_t *start)
{
    size_t a = 0;
    while (a < n && strchr(" \t:;,.!?-|>*<\"#", f[a]) && f[a]) a++;
    while (n > a && strchr(" \t:;,.!?-|>*\"#", f[n - 1]) && f[n - 1]) n--;
    *start = a;
    return n - a;
}

static int kind_of(const char *s)
{
    static const char *const names[] = {"exact", "prefix", "regex", "related", "tail"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, names[i])) return i;
    return -1;
}

/* r->first and r->min_len from PCRE2's own reading of the pattern: a pattern anchored at the
 * line's start with a set of first bytes (the start bitmap its study made), or one first code
 * unit that is an ASCII letter (caseless: either case; not 'k' or 's', which Unicode caseless
 * matching also meets as U+212A and U+017F) or another ASCII byte. */
static void regex_start(rule *r)
{
    uint32_t opts = 0, type = 0, unit = 0, min_len = 0;
    const uint8_t *bitmap = NULL;
    if (pcre2_pattern_info(r->re, PCRE2_INFO_MINLENGTH, &min_len) == 0) r->min_len = min_len;
    if (pcre2_pattern_info(r->re, PCRE2_INFO_ALLOPTIONS, &opts) != 0 || !(opts & PCRE2_ANCHORED)) return;
    if (pcre2_pattern_info(r->re, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 && bitmap) {
        memcpy(r->first, bitmap, sizeof r->first);
        r->first_known = 1;
        return;
    }
    if (pcre2_pattern_info(r->re, PCRE2_INFO_FIRSTCODETYPE, &type) != 0 || type != 1 ||
        pcre2_pattern_info(r->re, PCRE2_INFO_FIRSTCODEUNIT, &unit) != 0 || unit >= 0x80)
        return;
    int letter = (unit | 0x20) >= 'a' && (unit | 0x20) <= 'z';
    if (letter && ((unit | 0x20) == 'k' || (unit | 0x20) == 's')) return;
    r->first[unit / 8] |= (uint8_t)(1u << (unit % 8));
    if (letter) r->first[(unit ^ 0x20) / 8] |= (uint8_t)(1u << ((unit ^ 0x20) % 8));
    r->first_known = 1;
}

static vg_status add_rule(vg_chrome *c, const char *lang, const char *kind, const char *pat,
                          const char *name, const char *file, int lineno, char *err, size_t errlen)
{
    int k = kind_of(kind);
    if (k < 0 || !*pat || strlen(pat) > MAX_PATTERN || !*name) {
        snprintf(err, errlen, "%s:%d: expected KIND<TAB>PATTERN<TAB>NAME, KIND exact|prefix|regex|related|tail",
                 file, lineno);
        return VG_ERR_RESOURCE;
    }
    if (c->n == MAX_RULES) {
        snprintf(err, errlen, "%s:%d: more than %d chrome rules", file, lineno, MAX_RULES);
        return VG_ERR_RESOURCE;
    }
    if (vg_grow(&c->rules, &c->cap, c->n + 1, sizeof *c->rules)) return VG_ERR_NOMEM;
    rule *r = &c->rules[c->n];
    memset(r, 0, sizeof *r);
    r->kind = k;
    size_t ll = strlen(lang), nl = strlen(name);
    if (ll >= sizeof r->lang || 8 + ll + 1 + nl >= sizeof r->reason) {
        snprintf(err, errlen, "%s:%d: rule name too long", file, lineno);
        return VG_ERR_RESOURCE;
    }
    memcpy(r->lang, lang, ll + 1);
    memcpy(r->reason, "pattern:", 8);
    memcpy(r->reason + 8, lang, ll);
    r->reason[8 + ll] = ':';
    memcpy(r->reason + 9 + ll, name, nl + 1);
    if (k == K_REGEX) {
        int ec;
        PCRE2_SIZE off;
        r->re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                              PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &off, NULL);
        if (!r->re) {
            char msg[128];
            pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
            snprintf(err, errlen, "%s:%d: bad regex at %zu: %s", file, lineno, (size_t)off, msg);
            return VG_ERR_RESOURCE;
        }
        (void)pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE); /* slower but fine without */
        regex_start(r);
    } else {
        size_t fn, a;
        char *f = vg_fold_heap(pat, strlen(pat), &fn);
        if (!f) return VG_ERR_NOMEM;
        size_t len = trim_fold(f, fn, &a);
        memmove(f, f + a, len);
        f[len] = 0;
        r->pat = f;
        r->plen = len;
        if (!len) {
            free(f);
            r->pat = NULL;
            snprintf(err, errlen, "%s:%d: empty pattern", file, lineno);
            return VG_ERR_RESOURCE;
        }
    }
    c->n++;
    return VG_OK;
}

static vg_status load_file(vg_chrome *c, const char *path, const char *lang, char *err, size_t errlen)
{
    vg_tsv t;
    if (vg_tsv_open(&t, path, 2048, err, errlen) != VG_OK) { /* a language without chrome patterns */
        err[0] = 0;
        return VG_OK;
    }
    while (vg_tsv_next(&t) == 1) {
        if (vg_tsv_nfields(&t) < 3) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected KIND<TAB>PATTERN<TAB>NAME");
            break;
        }
        /* NAME keeps any later tab: it is the rest of the line */
        for (size_t i = 3; i < vg_tsv_nfields(&t); i++) vg_tsv_field(&t, i)[-1] = '\t';
        vg_status st = add_rule(c, lang, vg_tsv_field(&t, 0), vg_tsv_field(&t, 1), vg_tsv_field(&t, 2), path,
                                (int)vg_tsv_lineno(&t), err, errlen);
        if (st != VG_OK) {
            vg_tsv_close(&t);
            return st;
        }
    }
    return vg_tsv_close(&t);
}

/* Order o of c's rules (lang first when not ""), listed by the first byte a line must start
 * with for each to match (rule_order). */
static vg_status build_order(const vg_chrome *c, const char *lang, rule_order *o)
{
    size_t ll = strlen(lang);
    assert(ll < sizeof o->lang);
    memcpy(o->lang, lang, ll + 1);
    uint32_t count[257] = {0};
    for (size_t r = 0; r < c->n; r++) {
        if (c->rules[r].kind == K_REGEX) for (int b = 0; b < 256; b++) count[b]++;
        else count[(unsigned char)c->rules[r].pat[0]]++;
    }
    o->start[0] = 0;
    for (int b = 0; b < 256; b++) o->start[b + 1] = o->start[b] + count[b];
    if (!(o->at = vg_calloc(o->start[256] ? o->start[256] : 1, sizeof *o->at))) return VG_ERR_NOMEM;
    uint32_t fill[256];
    memcpy(fill, o->start, sizeof fill);
    for (int pass = *lang ? 0 : 1; pass < 2; pass++)
        for (size_t r = 0; r < c->n; r++) {
            const rule *ru = &c->rules[r];
            if (*lang && (pass == 0) != !strcmp(ru->lang, lang)) continue;
            if (ru->kind == K_REGEX) for (int b = 0; b < 256; b++) o->at[fill[b]++] = (uint16_t)r;
            else { int b = (unsigned char)ru->pat[0]; o->at[fill[b]++] = (uint16_t)r; }
        }
    return VG_OK;
}

/* c->orders: the load order, then one order for each language that has rules. */
static vg_status index_rules(vg_chrome *c)
{
    _Static_assert(MAX_RULES <= UINT16_MAX, "a rule index fits rule_order.at");
    if (!(c->orders = vg_calloc(c->n + 1, sizeof *c->orders))) return VG_ERR_NOMEM;
    vg_status st = build_order(c, "", &c->orders[c->n_orders++]);
    for (size_t r = 0; r < c->n && st == VG_OK; r++) {
        size_t k = 1;
        while (k < c->n_orders && strcmp(c->orders[k].lang, c->rules[r].lang)) k++;
        if (k == c->n_orders) st = build_order(c, c->rules[r].lang, &c->orders[c->n_orders++]);
    }
    return st;
}

/* The order of a document in language lang (NULL: unknown): the language's own, or the load
 * order when it has no rules. NULL when there are no rules. */
static const rule_order *order_for(const vg_chrome *c, const char *lang)
{
    if (!c || !c->n_orders) return NULL;
    for (size_t k = 1; lang && k < c->n_orders; k++)
        if (!strcmp(c->orders[k].lang, lang)) return &c->orders[k];
    return &c->orders[0];
}

vg_status vg_chrome_load(const char *data_dir, vg_chrome **out, char *err, size_t errlen)
{
    *out = NULL;
    vg_chrome *c = vg_calloc(1, sizeof *c);
    if (!c) return VG_ERR_NOMEM;
    DIR *dir = opendir(data_dir);
    if (!dir) { /* no data folder: structure rules still work */
        *out = c;
        return VG_OK;
    }
    /* Language folders in a stable order, so reasons do not depend on readdir. */
    char names[64][8];
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && nn < 64) {
        size_t l = strlen(e->d_name);
        if (l < 2 || l > 3 || e->d_name[0] == '.') continue;
        memcpy(names[nn++], e->d_name, l + 1);
    }
    closedir(dir);
    qsort(names, nn, sizeof names[0], (int (*)(const void *, const void *))strcmp);
    vg_status st = VG_OK;
    for (size_t i = 0; i < nn && st == VG_OK; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/chrome.tsv", data_dir, names[i]);
        st = load_file(c, path, names[i], err, errlen);
    }
    if (st == VG_OK) st = index_rules(c);
    if (st != VG_OK) {
        vg_chrome_free(c);
        return st;
    }
    *out = c;
    return VG_OK;
}

/* ---------------------------------------------------------------- lines */

enum { S_NONE, S_LATIN, S_CYRILLIC, S_GREEK, S_ARABIC, S_HEBREW, S_CJK, S_OTHER, S_COUNT };

static int script_of(int32_t cp)
{
    if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF)) return S_LATIN;
    if (cp >= 0x370 && cp <= 0x3FF) return S_GREEK;
    if (cp >= 0x400 && cp <= 0x52F) return S_CYRILLIC;
    if (cp >= 0x590 && cp <= 0x5FF) return S_HEBREW;
    if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
        (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF)) return S_ARABIC;
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xAC00 && cp <= 0xD7AF)) return S_CJK;
    return S_OTHER;
}

typedef struct line {
    const char *s;       /* trimmed, as written */
    size_t n;
    const char *fold;    /* folded, punctuation around it trimmed */
    size_t fn;
    uint64_t h;          /* of fold */
    int words;
    int terminated;      /* ends a sentence: . ! ? ... before closing quotes */
    int period;          /* ends with . or ... specifically */
    int letters;
    int script_letters[S_COUNT];
    const char *drop;    /* reason, NULL = kept */
    int blank;
} line;

static int is_space_at(const char *s, size_t n, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { *w = 1; return 1; }
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { *w = 2; return 1; }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x8B || (unsigned char)s[i + 2] == 0xAF ||
         (unsigned char)s[i + 2] == 0x89)) { *w = 3; return 1; }
    if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB && (unsigned char)s[i + 2] == 0xBF) { *w = 3; return 1; }
    return 0;
}

static void trim(const char **ps, size_t *pn)
{
    const char *s = *ps;
    size_t n = *pn, w;
    while (n && is_space_at(s, n, 0, &w)) { s += w; n -= w; }
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) { n--; continue; }
        if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0) { n -= 2; continue; }
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            ((unsigned char)s[n - 1] == 0x8B || (unsigned char)s[n - 1] == 0xAF)) { n -= 3; continue; }
        break;
    }
    *ps = s;
    *pn = n;
}

/* Sentence end, looking through closing quotes and brackets: «...», "..."). */
static void ending(line *l)
{
    const unsigned char *s = (const unsigned char *)l->s;
    size_t n = l->n;
    for (;;) {
        if (n && strchr(" \"')]*", s[n - 1]) && s[n - 1]) { n--; continue; }
        if (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xBB) { n -= 2; continue; }           /* » */
        if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 &&
            (s[n - 1] == 0x9D || s[n - 1] == 0x99 || s[n - 1] == 0xBA)) { n -= 3; continue; } /* ” ’ › */
        break;
    }
    if (!n) return;
    if (s[n - 1] == '.') l->terminated = l->period = 1;
    else if (s[n - 1] == '!' || s[n - 1] == '?') l->terminated = 1;
    else if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && s[n - 1] == 0xA6) l->terminated = l->period = 1;
    else if (n >= 2 && s[n - 2] == 0xD8 && s[n - 1] == 0x9F) l->terminated = 1; /* Arabic question mark */
}

/* (Counted in locals: stores through l, read back after every byte since the text's chars may
 * alias them, made this 30 instructions a byte, 2.9% of `vigie analyze` on English texts.) */
static void measure(line *l)
{
    const char *s = l->s;
    size_t n = l->n;
    int in_word = 0, words = 0, latin = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII: a digit, a Latin letter, a space or neither */
            if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
                words += !in_word;
                in_word = 1;
                latin += c > '9';
            } else if (c == ' ' || c == '\t') {
                in_word = 0;
            }
            i++;
            continue;
        }
        size_t len;
        int32_t cp = vg_utf8_decode(s + i, n - i, &len);
        if (vg_is_alnum(cp)) {
            words += !in_word;
            in_word = 1;
            if (!vg_is_digit(cp)) {
                l->letters++;
                l->script_letters[script_of(cp)]++;
            }
        } else if (cp == 0xA0) {
            in_word = 0;
        }
        i += len;
    }
    l->words += words;
    l->letters += latin;
    l->script_letters[S_LATIN] += latin;
    ending(l);
}

static int sentence_like(const line *l) { return l->terminated || l->words >= SENTENCE_WORDS; }
static int headline_like(const line *l) { return !l->blank && !l->period && l->words <= HEADLINE_WORDS; }

static int starts_lower(const line *l)
{
    size_t len;
    int32_t cp = vg_utf8_decode(l->s, l->n, &len);
    /* a letter of a script with no case (Arabic) says nothing of where a sentence starts */
    return vg_is_alnum(cp) && !vg_is_upper(cp) && !vg_is_caseless(cp) && !vg_is_digit(cp);
}

static int is_url(const line *l)
{
    if (!(l->n > 7 && (!strncmp(l->s, "http:", 5) || !strncmp(l->s, "https:", 6) || !strncmp(l->s, "www.", 4))))
        return 0;
    /* Bare, or as tokenised text writes it: "http: / / site. com / path". */
    return memchr(l->s, ' ', l->n) == NULL || (l->n > 9 && !memcmp(l->s + 5, " / / ", 5)) ||
           (l->n > 10 && !memcmp(l->s + 6, " / / ", 5));
}

/* Share/view/comment counters: digits with separators, maybe "12K". */
static int is_counter(const line *l)
{
    int digits = 0;
    for (size_t i = 0; i < l->n; i++) {
        char ch = l->s[i];
        if (ch >= '0' && ch <= '9') digits++;
        else if (ch == ' ' || ch == '.' || ch == ',') continue;
        else if ((ch == 'k' || ch == 'K' || ch == 'M') && i == l->n - 1 && digits) continue;
        else return 0;
    }
    return digits > 0;
}

/* "Membres du groupe Al-Nosra - Sputnik Afrique": a photo caption signed by the
 * outlet: short, unpunctuated, ending in " - " and one to three capitalised words. */
static int caption_suffix(const line *l, const char **suffix, size_t *slen)
{
    if (l->terminated || l->words > 12 || l->n < 5) return 0;
    const char *end = l->s + l->n, *p = NULL;
    for (const char *q = l->s; q + 3 <= end; q++)
        if (!memcmp(q, " - ", 3)) p = q;
    if (!p || p == l->s) return 0;
    p += 3;
    if ((size_t)(end - p) > 40 || memchr(p, ',', (size_t)(end - p))) return 0;
    *suffix = p;
    *slen = (size_t)(end - p);
    int words = 0, at_start = 1;
    for (const char *q = p; q < end;) {
        size_t len;
        int32_t cp = vg_utf8_decode(q, (size_t)(end - q), &len);
        if (cp == ' ') at_start = 1;
        else if (at_start) {
            /* "Courrier du Sahel", "Voice of America": short particles may be lowercase. */
            const char *sp = memchr(q, ' ', (size_t)(end - q));
            size_t wl = (size_t)((sp ? sp : end) - q);
            if (!vg_is_upper(cp) && (words == 0 || wl > 3)) return 0;
            words++;
            at_start = 0;
        }
        q += len;
    }
    return words >= 1 && words <= 4;
}

static int rule_matches(const rule *r, const line *l, pcre2_match_data *md)
{
    /* The text is valid UTF-8 (vg_chrome_strip's contract) and a line is cut at
     * ASCII bytes: checking it again for every regex was most of their cost. */
    if (r->kind == K_REGEX) {
        if (l->n < r->min_len) return 0;
        if (r->first_known && (!l->n || !((r->first[(unsigned char)l->s[0] / 8] >> ((unsigned char)l->s[0] % 8)) & 1))) return 0;
        return md && pcre2_match(r->re, (PCRE2_SPTR)l->s, l->n, 0, PCRE2_NO_UTF_CHECK, md, NULL) >= 0;
    }
    /* a pattern is never empty: its first byte settles most lines before memcmp is called (every
     * line was compared with every literal rule: match was 0.22M instructions a document) */
    if (l->fn < r->plen || l->fold[0] != r->pat[0]) return 0;
    if (r->kind == K_EXACT) return l->fn == r->plen && !memcmp(l->fold, r->pat, r->plen);
    /* prefix, related, tail: a marker starts the line; a long sentence that
     * merely begins with the same word ("Related to this, ...") is text. */
    if (l->terminated && l->words > 15) return 0;
    return !memcmp(l->fold, r->pat, r->plen);
}

/* Marks a line; the removed list is written in document order at the end. */
static void mark(line *l, const char *reason)
{
    if (!l->drop) l->drop = reason;
}

/* The first rule of order o that matches line l, NULL if none. */
static const rule *match(const vg_chrome *c, const rule_order *o, const line *l, pcre2_match_data *md)
{
    if (!o) return NULL;
    /* a line with no folded form (a long sentence, fold_lines) is for the regexes only: they are
     * all under byte 0, which starts no pattern */
    unsigned b = l->fn ? (unsigned char)l->fold[0] : 0;
    for (uint32_t k = o->start[b]; k < o->start[b + 1]; k++)
        if (rule_matches(&c->rules[o->at[k]], l, md)) return &c->rules[o->at[k]];
    return NULL;
}

/* The detected title leaves the text without being chrome. */
static const char TITLE_LINE[] = "title";

/* ---------------------------------------------------------------- outlet memory */

static const char *outlet_of(const vg_doc *doc, size_t *n)
{
    const char *o = doc->fields[VG_F_OUTLET];
    if (o && *o) { *n = strlen(o); return o; }
    const char *src = doc->fields[VG_F_SOURCE];
    const char *slash = src ? strrchr(src, '/') : NULL;
    if (!slash) return NULL; /* stdin or a bare file name: no outlet to learn */
    *n = (size_t)(slash - src);
    return src;
}

/* Linear probing; the table is emptied before it is 3/4 full, so this ends. */
static cache_slot *cache_find(const vg_chrome_cache *c, uint64_t key)
{
    assert(c->used < CACHE_SLOTS);
    size_t i = (size_t)key & (CACHE_SLOTS - 1);
    while (c->slots[i].key && c->slots[i].key != key) i = (i + 1) & (CACHE_SLOTS - 1);
    return &c->slots[i];
}

/* The slot for key, inserted if new; the table starts over when 3/4 full. */
static cache_slot *learn_slot(vg_chrome_cache *cc, uint64_t key)
{
    if (cc->used >= CACHE_SLOTS * 3 / 4) {
        memset(cc->slots, 0, CACHE_SLOTS * sizeof *cc->slots);
        cc->used = 0;
    }
    cache_slot *sl = cache_find(cc, key);
    if (!sl->key) { sl->key = key; cc->used++; }
    return sl;
}

vg_chrome_cache *vg_chrome_cache_new(void)
{
    vg_chrome_cache *cc = vg_calloc(1, sizeof *cc);
    if (cc) cc->slots = vg_calloc(CACHE_SLOTS, sizeof *cc->slots);
    if (!cc || !cc->slots) { vg_chrome_cache_free(cc); return NULL; }
    return cc;
}

void vg_chrome_learn(vg_chrome_memory *mem)
{
    vg_chrome_cache *cc = mem->cache;
    if (!cc || !mem->learn) return;
    for (size_t i = 0; i < mem->n_learn; i++) {
        cache_slot *sl = learn_slot(cc, mem->learn[i]);
        if (sl->last_doc != mem->doc_id) { sl->docs++; sl->last_doc = mem->doc_id; }
    }
    mem->learn = NULL;
    mem->n_learn = 0;
}

static int contains(const char *h, size_t hn, const char *nd, size_t nn)
{
    for (size_t i = 0; nn && i + nn <= hn; i++)
        if (h[i] == nd[0] && !memcmp(h + i, nd, nn)) return 1;
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* ---------------------------------------------------------------- strip */

/* Step 1: the lines of the text, trimmed; past MAX_LINES the rest is one line. */
static vg_status split_lines(vg_arena *a, const char *text, size_t n, line **out, size_t *out_n)
{
    size_t cap = 1;
    for (size_t i = 0; i < n; i++) cap += text[i] == '\n';
    if (cap > MAX_LINES) cap = MAX_LINES;
    line *L = vg_arena_calloc(a, cap, sizeof *L);
    if (!L) return VG_ERR_NOMEM;
    size_t nl = 0;
    for (size_t i = 0; i <= n && nl < cap;) {
        const char *nlp = i < n ? memchr(text + i, '\n', n - i) : NULL;
        size_t end = nlp && nl + 1 < cap ? (size_t)(nlp - text) : n;
        const char *s = text + i;
        size_t len = end - i;
        trim(&s, &len);
        L[nl].s = s;
        L[nl].n = len;
        L[nl].blank = len == 0;
        nl++;
        i = end + 1;
    }
    *out = L;
    *out_n = nl;
    return VG_OK;
}

/* Text wrapped at a fixed width has no line much past 80 columns; scraped
 * paragraphs are one long line each. */
static int wrapped_text(const line *L, size_t nl)
{
    size_t longest = 0, filled = 0;
    for (size_t i = 0; i < nl; i++) {
        if (L[i].n > longest) longest = L[i].n;
        filled += !L[i].blank;
    }
    return filled >= 3 && longest <= 100;
}

/* Does line i + 1 continue line i (the same hard-wrapped paragraph)? */
static int continues(const line *L, size_t i, int wrapped, size_t lead)
{
    if (L[i].blank || L[i + 1].blank || L[i].terminated || L[i].n < 50) return 0;
    /* "...across the region on / Monday, forcing...": a line that stops
     * mid-phrase at wrapping width goes on, whatever case comes next;
     * never the first line, which may be an unpunctuated title. */
    char last = L[i].s[L[i].n - 1];
    int mid_phrase = wrapped && i > lead && L[i].n >= 60 && ((last >= 'a' && last <= 'z') || last == ',');
    if (!starts_lower(&L[i + 1]) && !mid_phrase) return 0;
    /* "loader" under a long prompt is a widget, not the rest of a sentence. */
    return !(L[i + 1].words < 3 && !L[i + 1].terminated);
}

/* Lines q..j-1 as one line, joined by spaces, measured again. */
static vg_status merge_lines(vg_arena *a, const line *L, size_t i, size_t j, size_t len, line *out)
{
    char *m = vg_arena_alloc(a, len);
    if (!m) return VG_ERR_NOMEM;
    size_t k = 0;
    for (size_t q = i; q < j; q++) {
        if (q > i) m[k++] = ' ';
        memcpy(m + k, L[q].s, L[q].n);
        k += L[q].n;
    }
    line merged = {0};
    merged.s = m;
    merged.n = len;
    measure(&merged);
    *out = merged;
    return VG_OK;
}

/* Step 2: lines measured, and hard-wrapped paragraphs (a long unpunctuated
 * line continued by a lowercase one) joined. Every join is decided on the
 * lines as written, then each joined paragraph built once: linear in the
 * size of the text. */
static vg_status join_wrapped(vg_arena *a, line *L, size_t *pnl)
{
    size_t nl = *pnl;
    for (size_t i = 0; i < nl; i++)
        if (!L[i].blank) measure(&L[i]);
    size_t lead = 0;
    while (lead < nl && L[lead].blank) lead++;
    int wrapped = wrapped_text(L, nl);
    unsigned char *join = vg_arena_calloc(a, nl ? nl : 1, 1); /* join[i]: line i continues i-1 */
    if (!join) return VG_ERR_NOMEM;
    for (size_t i = 0; i + 1 < nl; i++) join[i + 1] = (unsigned char)continues(L, i, wrapped, lead);
    size_t out_n = 0;
    for (size_t i = 0; i < nl;) {
        size_t j = i + 1, len = L[i].n;
        while (j < nl && join[j]) len += 1 + L[j++].n;
        if (j == i + 1) { L[out_n++] = L[i++]; continue; }
        line merged;
        if (merge_lines(a, L, i, j, len, &merged)) return VG_ERR_NOMEM;
        L[out_n++] = merged;
        i = j;
    }
    *pnl = out_n;
    return VG_OK;
}

/* Step 3: folded forms and their hashes; returns the document's main script
 * through *main_script. */
static vg_status fold_lines(vg_arena *a, line *L, size_t nl, int *main_script)
{
    int doc_script[S_COUNT] = {0};
    for (size_t i = 0; i < nl; i++) {
        line *l = &L[i];
        if (l->blank) continue;
        for (int s = 0; s < S_COUNT; s++) doc_script[s] += l->script_letters[s];
        /* Long sentences are only ever matched by regex rules: folding them
         * (the costliest step here) would buy nothing. */
        if (l->terminated && l->words > 15) { l->fold = ""; continue; }
        size_t fn, st;
        char *f = vg_fold(a, l->s, l->n, &fn);
        if (!f) return VG_ERR_NOMEM;
        l->fn = trim_fold(f, fn, &st);
        l->fold = f + st;
        l->h = vg_hash64(l->fold, l->fn, 0x6368726f6d65ULL);
    }
    *main_script = S_LATIN;
    for (int s = 0; s < S_COUNT; s++)
        if (doc_script[s] > doc_script[*main_script]) *main_script = s;
    return VG_OK;
}

/* The reason a line's form alone drops it, NULL when it may be text. */
static const char *form_reason(const line *l, int main_script)
{
    if (is_url(l)) return "url";
    if (is_counter(l)) return "counter";
    if (!l->letters) return "no-text";
    if (l->letters >= 3 && l->script_letters[main_script] * 10 < l->letters * 3) return "other-script";
    return NULL;
}

/* The headlines after a related-links marker at line i, across a blank or
 * two, up to the next marker (which starts its own block). */
static void mark_related_block(const vg_chrome *c, const rule_order *o, pcre2_match_data *md, line *L, size_t nl,
                               size_t i)
{
    int blanks = 0, taken = 0;
    for (size_t j = i + 1; j < nl && taken < RELATED_MAX; j++) {
        if (L[j].blank) { if (++blanks > 2) break; continue; }
        blanks = 0;
        if (!headline_like(&L[j])) break;
        const rule *next = match(c, o, &L[j], md);
        if (next && (next->kind == K_RELATED || next->kind == K_TAIL)) break;
        taken++;
        mark(&L[j], "related-block");
    }
}

/* A first guess on the raw start of the page, only to order rules; the
 * language of record is decided later on the clean text. */
static const char *guess_lang(const vg_langid *langid, const char *text, size_t n)
{
    if (!langid) return NULL;
    size_t m = n < 1024 ? n : 1024;
    while (m < n && m > 0 && ((unsigned char)text[m] & 0xC0) == 0x80) m--;
    return vg_langid_guess(langid, text, m);
}

/* Step 4: line-by-line rules (form, script, patterns); a tail marker in the
 * second half of the text drops everything after it. */
static vg_status apply_rules(const vg_chrome *c, const vg_langid *langid, const char *text, size_t n, const char *lang,
                             line *L, size_t nl, int main_script)
{
    if (!lang) lang = guess_lang(langid, text, n);
    const rule_order *o = order_for(c, lang);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    if (!md) return VG_ERR_NOMEM;
    size_t tail_from = nl;
    size_t total_bytes = 0, seen_bytes = 0;
    for (size_t i = 0; i < nl; i++) total_bytes += L[i].n;
    for (size_t i = 0; i < nl; i++) {
        line *l = &L[i];
        seen_bytes += l->n;
        if (l->blank || l->drop) continue; /* drop: taken by a related block */
        const char *why = form_reason(l, main_script);
        if (why) { mark(l, why); continue; }
        const rule *ru = match(c, o, l, md);
        if (!ru) continue;
        mark(l, ru->reason);
        if (ru->kind == K_RELATED) mark_related_block(c, o, md, L, nl, i);
        /* Only near the end: a comment prompt in the first half is odd. */
        if (ru->kind == K_TAIL && seen_bytes * 2 >= total_bytes) {
            tail_from = i + 1;
            break;
        }
    }
    pcre2_match_data_free(md);
    for (size_t i = tail_from; i < nl; i++)
        if (!L[i].blank) mark(&L[i], "tail");
    return VG_OK;
}

/* Is the line t, at index first, a title: short, unpunctuated, followed by a
 * blank or by body text (maybe after a dateline or byline or two)? */
static int title_like(const line *L, size_t nl, size_t first)
{
    const line *t = &L[first];
    if (t->period || t->words < 2 || t->words > 30 || t->n > 300 ||
        t->s[t->n - 1] == ':' || t->s[t->n - 1] == ',')
        return 0;
    size_t nx = first + 1;
    int blank_after = nx < nl && L[nx].blank;
    int body_after = 0;
    for (int meta = 0; nx < nl && meta <= 2; nx++) {
        if (L[nx].blank || L[nx].drop) continue;
        if (sentence_like(&L[nx])) { body_after = L[nx].words >= 4; break; }
        if (L[nx].words > 12) break;
        meta++;
    }
    return blank_after || body_after;
}

/* Step 5: the title, the first line when it reads like one; a body that
 * repeats the title it was given drops the repeat. */
static vg_status find_title(vg_doc *doc, line *L, size_t nl)
{
    size_t first = 0;
    /* Past a few lines of furniture (a URL, a counter) the title still leads. */
    for (int skipped = 0; first < nl && (L[first].blank || (L[first].drop && skipped < 5)); first++)
        skipped += !L[first].blank;
    if (first >= nl || L[first].drop) return VG_OK;
    line *t = &L[first];
    const char *given = doc->fields[VG_F_TITLE];
    if (given) {
        size_t fn, s0;
        char *f = vg_fold(doc->arena, given, strlen(given), &fn);
        if (!f) return VG_ERR_NOMEM;
        size_t gl = trim_fold(f, fn, &s0);
        if (gl == t->fn && !memcmp(f + s0, t->fold, gl)) t->drop = "title-repeat";
    } else if (title_like(L, nl, first)) {
        vg_doc_set(doc, VG_F_TITLE, t->s, t->n);
        t->drop = TITLE_LINE;
    }
    return VG_OK;
}

/* The outlet as a folded phrase: "Courrier du Levant" from the input, or
 * "courrier du levant" from a folder named courrier-du-levant; NULL if none. */
static char *outlet_phrase(const vg_doc *doc, size_t *len)
{
    size_t ol;
    const char *o = outlet_of(doc, &ol);
    *len = 0;
    if (o && !doc->fields[VG_F_OUTLET]) { /* last folder of the path */
        const char *p = o + ol;
        while (p > o && p[-1] != '/') p--;
        ol -= (size_t)(p - o);
        o = p;
    }
    char *oname = NULL;
    if (o && ol && (oname = vg_fold(doc->arena, o, ol, len)) != NULL)
        for (size_t k = 0; k < *len; k++)
            if (oname[k] == '-' || oname[k] == '_') oname[k] = ' ';
    return oname;
}

/* Caption candidates and their signatures ("Sputnik Afrique"). */
typedef struct captions {
    const char **sfx;    /* per line: the signature, NULL if not a candidate */
    size_t *sfl;
    size_t *cand, nc;    /* candidate line indexes, at most MAX_CAPTIONS */
    char *oname;         /* the outlet phrase, or NULL */
    size_t olen;
} captions;

/* Does candidate i's signature name the outlet, or sign another candidate? */
static int caption_signed(vg_arena *a, const captions *cp, size_t i)
{
    int signed_ = 0;
    if (cp->oname && cp->olen) {
        size_t fl;
        char *f = vg_fold(a, cp->sfx[i], cp->sfl[i], &fl);
        signed_ = f && fl >= 4 && cp->olen >= 4 &&
                  (contains(f, fl, cp->oname, cp->olen) || contains(cp->oname, cp->olen, f, fl));
    }
    for (size_t ck = 0; ck < cp->nc && !signed_; ck++) {
        size_t k = cp->cand[ck];
        signed_ = k != i && cp->sfl[k] == cp->sfl[i] && !memcmp(cp->sfx[k], cp->sfx[i], cp->sfl[i]);
    }
    return signed_;
}

/* Step 6: captions signed by the outlet ("Vladimir Poutine - Sputnik
 * Afrique"), and the headline that follows them. A title-case headline looks
 * the same, so the signature must name the outlet or sign two captions. */
static vg_status mark_captions(vg_doc *doc, line *L, size_t nl)
{
    vg_arena *a = doc->arena;
    captions cp = {0};
    cp.sfx = vg_arena_calloc(a, nl ? nl : 1, sizeof *cp.sfx);
    cp.sfl = vg_arena_calloc(a, nl ? nl : 1, sizeof *cp.sfl);
    if (!cp.sfx || !cp.sfl) return VG_ERR_NOMEM;
    cp.oname = outlet_phrase(doc, &cp.olen);
    /* Candidates in a list of their own, bounded: a page of a hundred
     * thousand " - X" lines must not cost their square. */
    cp.cand = vg_arena_alloc(a, MAX_CAPTIONS * sizeof *cp.cand);
    if (!cp.cand) return VG_ERR_NOMEM;
    for (size_t i = 0; i < nl; i++) {
        if (L[i].blank || L[i].drop == TITLE_LINE || cp.nc == MAX_CAPTIONS ||
            !caption_suffix(&L[i], &cp.sfx[i], &cp.sfl[i]))
            cp.sfx[i] = NULL;
        else cp.cand[cp.nc++] = i;
    }
    for (size_t ci = 0; ci < cp.nc; ci++) {
        size_t i = cp.cand[ci];
        if (L[i].drop || !caption_signed(a, &cp, i)) continue;
        mark(&L[i], "caption");
        size_t j = i + 1;
        if (j < nl && L[j].blank) j++;
        if (j < nl && !L[j].drop && headline_like(&L[j]) && !L[j].terminated && !cp.sfx[j])
            mark(&L[j], "related-block");
    }
    return VG_OK;
}

/* Could the line be repeated chrome: short and unpunctuated? */
static int repeat_candidate(const line *l)
{
    return !l->blank && !l->terminated && l->words <= REPEAT_WORDS;
}

/* Step 7a: unpunctuated lines that come back twice in this document. */
static vg_status mark_repeated_here(vg_arena *a, line *L, size_t nl)
{
    size_t nh = 0;
    uint64_t *hs = vg_arena_alloc(a, (nl ? nl : 1) * sizeof *hs);
    if (!hs) return VG_ERR_NOMEM;
    for (size_t i = 0; i < nl; i++)
        if (repeat_candidate(&L[i])) hs[nh++] = L[i].h;
    qsort(hs, nh, sizeof *hs, cmp_u64);
    for (size_t i = 0; i < nl; i++) {
        line *l = &L[i];
        if (!repeat_candidate(l) || l->drop) continue;
        uint64_t *p = bsearch(&l->h, hs, nh, sizeof *hs, cmp_u64);
        if (p && ((p > hs && p[-1] == l->h) || (p + 1 < hs + nh && p[1] == l->h))) mark(l, "repeated");
    }
    return VG_OK;
}

/* Step 7b: unpunctuated lines earlier documents of the same outlet carried. */
static vg_status mark_repeated_by_outlet(vg_chrome_memory *mem, vg_doc *doc, const char *text, size_t n, line *L,
                                         size_t nl)
{
    size_t olen = 0;
    const char *outlet = outlet_of(doc, &olen);
    if (!outlet) return VG_OK;
    vg_chrome_cache *cc = mem->cache;
    if (!cc) { /* a shared cache always exists: this document learns alone */
        if (!(cc = vg_chrome_cache_new())) return VG_ERR_NOMEM;
        mem->cache = cc;
    }
    uint64_t oh = vg_hash64(outlet, olen, 0x6f75746c6574ULL);
    uint64_t doc_id = vg_hash64(text, n, 0) | 1;
    /* Chrome is a handful of lines per page: learning more from one page
     * only floods the table. The cache is only read here and learnt
     * afterwards (vg_chrome_learn): at once for a document of its own, in
     * input order between batches when threads share it. */
    uint64_t *keys = vg_arena_alloc(doc->arena, MAX_LEARN * sizeof *keys);
    if (!keys) return VG_ERR_NOMEM;
    size_t learnt = 0;
    for (size_t i = 0; i < nl && learnt < MAX_LEARN; i++) {
        line *l = &L[i];
        if (!repeat_candidate(l)) continue;
        uint64_t key = (l->h ^ oh) | 1;
        keys[learnt++] = key;
        const cache_slot *sl = cache_find(cc, key);
        if (!l->drop && sl->key && sl->docs >= REPEAT_DOCS && sl->last_doc != doc_id) mark(l, "repeated");
    }
    mem->learn = keys;
    mem->n_learn = learnt;
    mem->doc_id = doc_id;
    if (!mem->shared) vg_chrome_learn(mem);
    return VG_OK;
}

/* Step 8: before the first and after the last real sentence, unpunctuated
 * lines are page furniture; in between, only very short ones are. */
static void mark_furniture(line *L, size_t nl)
{
    size_t fb = nl, lb = 0;
    for (size_t i = 0; i < nl; i++) {
        if (L[i].blank || L[i].drop || !sentence_like(&L[i])) continue;
        if (fb == nl) fb = i;
        lb = i;
    }
    for (size_t i = 0; i < nl; i++) {
        line *l = &L[i];
        if (l->blank || l->drop || sentence_like(l)) continue;
        /* A line that ends on a comma, or introduces what follows at some
         * length, is prose cut by the page, not furniture; so is a standfirst
         * longer than a widget ever is. */
        char last = l->s[l->n - 1];
        int prose = last == ',' || (last == ':' && l->words >= 8) || l->words > FURNITURE_WORDS;
        if ((fb < nl && (i < fb || i > lb) && !prose) || l->words <= SHORT_WORDS) mark(l, "short-no-punct");
    }
}

/* Step 9: the removed lines in document order, then the text: one paragraph
 * per kept line, built in the arena. */
static vg_status write_out(vg_doc *doc, const line *L, size_t nl)
{
    for (size_t i = 0; i < nl; i++)
        if (L[i].drop && L[i].drop != TITLE_LINE && vg_doc_add_removed(doc, L[i].s, L[i].n, L[i].drop))
            return VG_ERR_NOMEM;
    size_t total = 0;
    for (size_t i = 0; i < nl; i++)
        if (!L[i].blank && !L[i].drop) total += L[i].n + 2;
    char *out = vg_arena_alloc(doc->arena, total + 1);
    if (!out) return VG_ERR_NOMEM;
    size_t len = 0;
    for (size_t i = 0; i < nl; i++) {
        if (L[i].blank || L[i].drop) continue;
        if (len) { memcpy(out + len, "\n\n", 2); len += 2; }
        memcpy(out + len, L[i].s, L[i].n);
        len += L[i].n;
    }
    vg_doc_set(doc, VG_F_TEXT, out, len);
    return VG_OK;
}

vg_status vg_chrome_strip(const vg_chrome *c, const vg_langid *langid, vg_chrome_memory *mem, vg_doc *doc,
                          const char *text, size_t n, const char *lang)
{
    line *L;
    size_t nl;
    int main_script;
    vg_status st;
    if ((st = split_lines(doc->arena, text, n, &L, &nl)) ||
        (st = join_wrapped(doc->arena, L, &nl)) ||
        (st = fold_lines(doc->arena, L, nl, &main_script)) ||
        (st = apply_rules(c, langid, text, n, lang, L, nl, main_script)) ||
        (st = find_title(doc, L, nl)) ||
        (st = mark_captions(doc, L, nl)) ||
        (st = mark_repeated_here(doc->arena, L, nl)) ||
        (st = mark_repeated_by_outlet(mem, doc, text, n, L, nl)))
        return st;
    mark_furniture(L, nl);
    return write_out(doc, L, nl);
}
