/* gazetteer.c - compiles place names into one sorted-key binary file, and maps it read-only for lookups. */
#include "places.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/alloc.h"
#include "../core/hash.h"
#include "../core/tsv.h"
#include "../core/utf8.h"
#include "../text/stem.h"

/* File layout (native little-endian, every section 8-byte aligned):
 *   header | entries[n_entries] | keys[n_keys] | postings[n_post] (u32) | string pool | hash[n_slots]
 * A key is {string offset, first posting, posting count}; keys are sorted by
 * strcmp of their strings, and an open-addressing table (key index + 1 per
 * slot, vg_hash64 of the key string) finds one in a probe or two: no parsing,
 * no work at load. Multi-word names also leave a marker key "=first " so a
 * lookup knows when a longer name may start with a word. */
#define GZ_MAGIC "VGGAZ005"
#define MAX_PLACE_LINE (1u << 20) /* one place's names never need a megabyte */

typedef struct gz_header {
    char magic[8];
    uint32_t n_entries, n_keys, n_post, str_size;
    uint64_t off_entries, off_keys, off_post, off_str;
    uint64_t off_hash, n_slots;
    uint32_t idx_bits, pad; /* a slot: key index + 1 in the low idx_bits, hash fingerprint above */
    vg_gz_articles arts;    /* the word lists' "article" rows, as the keys were made with */
} gz_header;

typedef struct gz_key {
    uint32_t str, post, n;
} gz_key;

/* The keys of the kinds with few keys (word lists: demonyms, prepositions,
 * division words...; every kind but names, skeletons, stems and dictionary
 * words) in a small table of their own (words_of builds it). Most lookups are of
 * those kinds and miss ('@' for every word of a text: demonym_vote): in the
 * file's 16 MB slot table each cost a cache and TLB miss, in this 128 KB one
 * an L2 hit. English dev texts: 82% of 1,325 lookups per document; find_key
 * was 12.8% of `vigie analyze`'s time (perf). */
#define WORD_KIND_MAX 8192 /* a kind with more keys stays in the file's table alone */
typedef struct word_slot {
    uint32_t fp;    /* the key hash's high half */
    uint32_t key;   /* key index + 1, 0 = empty */
} word_slot;

typedef struct word_index {
    uint8_t kind[256];  /* 1: every key of this kind (first byte) is in slots */
    word_slot *slots;
    size_t mask;
    /* A Bloom filter of the same keys by a hash that reads 8 bytes at a time (quick_hash), two
     * bits a key: most look-ups of these kinds miss ('@' for every word of a text, demonym_vote;
     * '^', '&', '+', '%'... beside every name: 1,100 of the 1,350 look-ups an English dev text
     * makes), and vg_hash64, a byte at a time, was 7% of `vigie analyze`'s time (perf). */
    uint64_t *bloom;    /* NULL: no filter */
} word_index;
enum { BLOOM_BITS = 1 << 17 }; /* 16 KB for the 5,400 keys: 0.6% of misses pass */

struct vg_gazetteer {
    void *map;
    size_t map_len;
    const gz_header *h;
    const vg_gz_entry *entries;
    const gz_key *keys;
    const uint32_t *post;
    const char *str;
    const uint32_t *slots;
    uint64_t slot_mask;
    uint32_t idx_bits, idx_mask;
    vg_place *countries;            /* one resolved vg_place per country entry */
    uint16_t country_of[26 * 26];   /* iso2 -> countries index + 1 */
    uint32_t capital_of[26 * 26];   /* iso2 -> entry index + 1 of its capital (GeoNames PPLC: rank 5), 0: none */
    word_index words;               /* the word lists' keys again, in memory (words_of) */
    _Atomic int words_ready;        /* words is built */
    pthread_mutex_t words_lock;     /* held while it is built */
};

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ keys */

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Is t[0..n) one of the articles? */
static int is_article(const vg_gz_articles *a, const char *t, size_t n)
{
    for (uint32_t i = 0; a && i < a->n; i++)
        if (strlen(a->w[i]) == n && memcmp(a->w[i], t, n) == 0) return 1;
    return 0;
}

int vg_gz_is_article(const vg_gz_articles *a, const char *t, size_t n)
{
    return is_article(a, t, n);
}

vg_status vg_gz_articles_read(const char *path, vg_gz_articles *a, char *err, size_t errlen)
{
    size_t pl = strlen(path);
    if (pl > 4 && !strcmp(path + pl - 4, ".dic")) return VG_OK;
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) return VG_ERR_IO;
    while (vg_tsv_next(&t) == 1) {
        if (vg_tsv_nfields(&t) < 2 || strcmp(vg_tsv_field(&t, 0), "article")) continue;
        const char *w = vg_tsv_field(&t, 1);
        char f[16];
        size_t k = vg_fold_into(w, strlen(w), f, sizeof f);
        if (k == 0 || k == (size_t)-1 || k >= sizeof a->w[0]) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "an article of 1 to %zu letters expected", sizeof a->w[0] - 1);
            break;
        }
        if (is_article(a, f, k)) continue;
        if (a->n == VG_GZ_MAX_ARTICLES) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "more than %d articles", VG_GZ_MAX_ARTICLES); break; }
        memcpy(a->w[a->n++], f, k + 1);
    }
    return vg_tsv_close(&t);
}

typedef struct span {
    size_t off, len;
} span;

/* Letters of one token reduced to its consonant skeleton: common transliteration
 * variants (ou/u, Kardal/Kerdal, Zolem/Zolim, -iyah/-ieh, q/k, ch/sh, doubled
 * consonants) land on the same string. Returns bytes written. */
static size_t skel_token(const char *t, size_t n, char *out, size_t cap, char *last)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = t[i], nx = i + 1 < n ? t[i + 1] : 0, r;
        if ((unsigned char)c >= 0x80) return (size_t)-1;
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w') continue;
        if (nx == 'h' && (c == 'c' || c == 's')) { r = 's'; i++; }
        else if (nx == 'h' && c == 'k') { r = 'k'; i++; }
        else if (nx == 'h' && c == 'g') { r = 'g'; i++; }
        else if (nx == 'h' && c == 'p') { r = 'f'; i++; }
        else if (nx == 'h' && (c == 't' || c == 'd' || c == 'z')) { r = c; i++; }
        else if (c == 'd' && nx == 'j') { r = 'j'; i++; }
        else if (c == 'q' || c == 'c') r = 'k';
        else if (c == 'h' && i + 1 == n && i > 0) continue; /* Raqqah, Sukriyah, -ieh */
        else r = c;
        if (r == *last) continue;                          /* Lattaquie, Raqqa */
        if (o + 1 >= cap) return (size_t)-1;
        out[o++] = r;
        *last = r;
    }
    return o;
}

size_t vg_gz_key(const vg_gz_articles *arts, char kind, const char *s, size_t n, int mode, char *out, size_t cap)
{
    int skeleton = (mode & VG_GZ_KEY_SKEL) != 0;
    span tok[16];
    size_t nt = 0;
    for (size_t i = 0; i < n;) {
        if (!is_word_byte((unsigned char)s[i])) { i++; continue; }
        size_t j = i;
        while (j < n && is_word_byte((unsigned char)s[j])) j++;
        if (nt == 16) return 0;
        tok[nt].off = i;
        tok[nt].len = j - i;
        nt++;
        i = j;
    }
    if (nt == 0 || cap < 4) return 0;
    size_t first = 0;
    if (nt > 1 && (mode & (VG_GZ_KEY_SKEL | VG_GZ_KEY_NOART)) && is_article(arts, s + tok[0].off, tok[0].len)) first = 1;
    size_t o = 0;
    out[o++] = kind;
    if (!skeleton) {
        for (size_t k = first; k < nt; k++) {
            size_t len = tok[k].len;
            if (o + len + 2 > cap) return 0;
            if (k > first) out[o++] = ' ';
            /* Inside a name the article's form varies with the next letter and the
             * transliteration (Tell ash-Amra / esh-Amra, Deir ez-Vesko / al-Vesko): one form. */
            if (k > 0 && k + 1 < nt && is_article(arts, s + tok[k].off, len)) {
                memcpy(out + o, "al", 2);
                o += 2;
                continue;
            }
            memcpy(out + o, s + tok[k].off, len);
            /* Final -h after a vowel is a transliteration choice: Raqqah/Raqqa, Hasakah/Hasaka. */
            if (len > 3 && out[o + len - 1] == 'h' && strchr("aei", out[o + len - 2])) len--;
            o += len;
        }
        out[o] = 0;
        return o;
    }
    char last = 0;
    for (size_t k = first; k < nt; k++) {
        if (nt - first > 1 && is_article(arts, s + tok[k].off, tok[k].len)) continue;
        size_t w = skel_token(s + tok[k].off, tok[k].len, out + o, cap - o - 1, &last);
        if (w == (size_t)-1) return 0;
        o += w;
    }
    out[o] = 0;
    /* Fewer than three consonants match too many unrelated names. */
    if (o - 1 < 3) return 0;
    return o;
}

/* s NULL: the words as written, folded (the key a declined form's stem may equal) */
static size_t stem_key(const char *name, size_t n, const char *lang, struct vg_stemmer *s, char *out, size_t cap)
{
    size_t ll = strlen(lang), o = 0, words = 0;
    if (ll + 3 >= cap) return 0;
    out[o++] = VG_GZ_STEM;
    memcpy(out + o, lang, ll);
    o += ll;
    out[o++] = ':';
    int ascii = 1;
    for (size_t i = 0; i < n;) {
        size_t l;
        if (!vg_is_alnum(vg_utf8_decode(name + i, n - i, &l))) { i += l; continue; }
        size_t j = i + l;
        while (j < n && vg_is_alnum(vg_utf8_decode(name + j, n - j, &l))) j += l;
        size_t lw, sl, fl = 0;
        char *low = vg_lower_heap(name + i, j - i, &lw);
        const char *st = !low ? NULL : s ? vg_stem(s, low, lw, &sl) : low;
        if (!s) sl = lw;
        char *f = st ? vg_fold_heap(st, sl, &fl) : NULL;
        free(low);
        size_t letters = 0;
        for (size_t k = 0; k < fl; k++) {
            letters += ((unsigned char)f[k] & 0xC0) != 0x80;
            ascii &= (unsigned char)f[k] < 0x80;
        }
        int ok = f && letters >= 2 && ++words <= 8 && o + fl + 2 <= cap;
        if (ok) {
            if (words > 1) out[o++] = ' ';
            memcpy(out + o, f, fl);
            o += fl;
        }
        free(f);
        if (!ok) return 0;
        i = j;
    }
    if (ascii || !words) return 0;
    out[o] = 0;
    return o;
}

size_t vg_gz_stem_key(const char *name, size_t n, const char *lang, struct vg_stemmer *s, char *out, size_t cap)
{
    return stem_key(name, n, lang, s, out, cap);
}

/* ------------------------------------------------------------------ build */

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static int sbuf_add(sbuf *b, const char *s, size_t n, uint32_t *off)
{
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 1 << 20;
        while (nc < b->len + n + 1) nc *= 2;
        if (nc > UINT32_MAX) return -1;
        char *np = vg_realloc(b->p, nc);
        if (!np) return -1;
        b->p = np;
        b->cap = nc;
    }
    *off = (uint32_t)b->len;
    memcpy(b->p + b->len, s, n);
    b->p[b->len + n] = 0;
    b->len += n + 1;
    return 0;
}

/* Interned strings (display names, admin1 names) so the pool holds each once. */
typedef struct intern {
    uint32_t *slot; /* offset+1, 0 = empty */
    size_t cap, n;
} intern;

static int intern_add(intern *t, sbuf *pool, const char *s, size_t n, uint32_t *off)
{
    if ((t->n + 1) * 2 > t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 1 << 16;
        uint32_t *ns = vg_calloc(nc, sizeof *ns);
        if (!ns) return -1;
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slot[i]) continue;
            const char *e = pool->p + t->slot[i] - 1;
            size_t h = vg_hash64(e, strlen(e), 0) & (nc - 1);
            while (ns[h]) h = (h + 1) & (nc - 1);
            ns[h] = t->slot[i];
        }
        free(t->slot);
        t->slot = ns;
        t->cap = nc;
    }
    size_t h = vg_hash64(s, n, 0) & (t->cap - 1);
    while (t->slot[h]) {
        const char *e = pool->p + t->slot[h] - 1;
        if (strlen(e) == n && memcmp(e, s, n) == 0) { *off = t->slot[h] - 1; return 0; }
        h = (h + 1) & (t->cap - 1);
    }
    if (sbuf_add(pool, s, n, off) < 0) return -1;
    t->slot[h] = *off + 1;
    t->n++;
    return 0;
}

typedef struct pair {
    uint32_t key;  /* offset in the key pool */
    uint32_t post; /* entry index | VG_GZ_PRIMARY, or UINT32_MAX for a word-list key */
} pair;

typedef struct builder {
    vg_gz_entry *e;
    size_t ne, cape;
    pair *p;
    size_t np, capp;
    sbuf strs, keys;
    intern names;
    uint32_t country_of[26 * 26]; /* iso2 -> entry index + 1 */
    uint8_t native[26 * 26];      /* names written natively in Latin script, one spelling */
    vg_gz_articles arts;          /* the word lists' "article" rows, read before any name is keyed */
    struct { char code[8]; vg_stemmer *s; } stem[8]; /* "declined" languages: names keyed by stems too */
    size_t n_stem;
} builder;

static const char *g_keypool; /* qsort has no context argument; the build is single-threaded */
static const vg_gz_entry *g_entries;

static uint64_t importance(const vg_gz_entry *e)
{
    return ((uint64_t)e->rank << 32) | e->population;
}

static int pair_cmp(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    int c = strcmp(g_keypool + x->key, g_keypool + y->key);
    if (c) return c;
    if (x->post == UINT32_MAX || y->post == UINT32_MAX) return (x->post > y->post) - (x->post < y->post);
    uint64_t ix = importance(&g_entries[x->post & ~VG_GZ_PRIMARY]);
    uint64_t iy = importance(&g_entries[y->post & ~VG_GZ_PRIMARY]);
    if (ix != iy) return ix > iy ? -1 : 1;
    return (x->post & ~VG_GZ_PRIMARY) < (y->post & ~VG_GZ_PRIMARY) ? -1
         : (x->post & ~VG_GZ_PRIMARY) > (y->post & ~VG_GZ_PRIMARY) ? 1 : 0;
}

static int add_pair(builder *b, const char *key, size_t klen, uint32_t post)
{
    if (b->np == b->capp) {
        size_t nc = b->capp ? b->capp * 2 : 1 << 16;
        pair *np = vg_realloc(b->p, nc * sizeof *np);
        if (!np) return -1;
        b->p = np;
        b->capp = nc;
    }
    uint32_t off;
    if (sbuf_add(&b->keys, key, klen, &off) < 0) return -1;
    b->p[b->np].key = off;
    b->p[b->np].post = post;
    b->np++;
    return 0;
}

/* Skeletons of the current entry's main names: an alternate spelling with the
 * same skeleton (Amreb for Amrib) is a transliteration, as good as a main name;
 * one without (Colonia for Koeln) is a foreign exonym and weighs less. */
static char g_prim_skel[16][VG_GZ_KEY_MAX];
static size_t g_n_prim_skel;

/* The keys of one name: exact, exact without a leading article (weaker: "Bab"
 * for "Al Bab", but also "Salvador" for "El Salvador"), and the skeleton. */
static int add_name(builder *b, const char *name, size_t n, uint32_t post)
{
    size_t flen;
    char *f = vg_fold_heap(name, vg_utf8_valid_prefix(name, n), &flen);
    if (!f) return -1;
    char key[VG_GZ_KEY_MAX], sk[VG_GZ_KEY_MAX];
    int rc = 0;
    size_t ks = vg_gz_key(&b->arts, VG_GZ_SKEL, f, flen, VG_GZ_KEY_SKEL, sk, sizeof sk);
    if (post & VG_GZ_PRIMARY) {
        if (ks > 1 && g_n_prim_skel < 16) memcpy(g_prim_skel[g_n_prim_skel++], sk, ks + 1);
    } else if (ks > 1) {
        for (size_t i = 0; i < g_n_prim_skel; i++)
            if (!strcmp(g_prim_skel[i], sk)) { post |= VG_GZ_PRIMARY; break; }
    }
    size_t k = vg_gz_key(&b->arts, VG_GZ_EXACT, f, flen, 0, key, sizeof key);
    if (k > 1 && add_pair(b, key, k, post) < 0) rc = -1;
    char *sp = k > 1 ? strchr(key, ' ') : NULL;
    if (!rc && sp && add_pair(b, key, (size_t)(sp - key) + 1, UINT32_MAX) < 0) rc = -1;
    char key2[VG_GZ_KEY_MAX];
    size_t k2 = vg_gz_key(&b->arts, VG_GZ_EXACT, f, flen, VG_GZ_KEY_NOART, key2, sizeof key2);
    if (!rc && k2 > 1 && k2 != k && add_pair(b, key2, k2, post & ~VG_GZ_PRIMARY) < 0) rc = -1;
    sp = k2 > 1 && k2 != k ? strchr(key2, ' ') : NULL;
    if (!rc && sp && add_pair(b, key2, (size_t)(sp - key2) + 1, UINT32_MAX) < 0) rc = -1;
    if (!rc && ks > 1) {
        ks = vg_gz_key(&b->arts, VG_GZ_SKEL, f, flen, VG_GZ_KEY_SKEL, sk, sizeof sk);
        if (add_pair(b, sk, ks, post) < 0) rc = -1;
    }
    for (size_t i = 0; !rc && k > 1 && i < b->n_stem; i++) {
        /* stems ("харьк"), and the words whole: the stem of a declined form ("Харькове" ->
         * "харьков") is often the name itself */
        size_t k3 = stem_key(name, n, b->stem[i].code, b->stem[i].s, key2, sizeof key2);
        if (k3 > 1 && add_pair(b, key2, k3, post) < 0) rc = -1;
        k3 = rc ? 0 : stem_key(name, n, b->stem[i].code, NULL, key2, sizeof key2);
        if (k3 > 1 && add_pair(b, key2, k3, post) < 0) rc = -1;
    }
    free(f);
    return rc;
}

size_t vg_gz_local_key(const char *lang, const char *key, size_t k, char *out, size_t cap)
{
    size_t ll = strlen(lang);
    if (k < 2 || ll == 0 || ll > 3 || 1 + ll + k + 1 > cap) return 0;
    out[0] = VG_GZ_LOCAL;
    memcpy(out + 1, lang, ll);
    memcpy(out + 1 + ll, key, k + 1);
    return 1 + ll + k;
}

/* "es:Alepo": a name read only in texts of that language (its exact key under ":es"), and the
 * mark that a longer name may start with its first word. */
static int add_local_name(builder *b, const char *item, size_t n, uint32_t post)
{
    const char *colon = memchr(item, ':', n);
    if (!colon || colon == item || colon - item > 3) return 0;
    char lang[4];
    memcpy(lang, item, (size_t)(colon - item));
    lang[colon - item] = 0;
    size_t flen;
    char *f = vg_fold_heap(colon + 1, vg_utf8_valid_prefix(colon + 1, n - (size_t)(colon + 1 - item)), &flen);
    if (!f) return -1;
    char key[VG_GZ_KEY_MAX], lk[VG_GZ_KEY_MAX];
    size_t k = vg_gz_key(&b->arts, VG_GZ_EXACT, f, flen, 0, key, sizeof key);
    free(f);
    size_t kl = k > 1 ? vg_gz_local_key(lang, key, k, lk, sizeof lk) : 0;
    if (kl > 1 && add_pair(b, lk, kl, post) < 0) return -1;
    char *sp = kl > 1 ? strchr(lk, ' ') : NULL;
    if (sp && add_pair(b, lk, (size_t)(sp - lk) + 1, UINT32_MAX) < 0) return -1;
    return 0;
}

static int iso_index(const char *cc)
{
    if (strlen(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return -1;
    return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

static int add_names(builder *b, char *list, uint32_t post, int local)
{
    if (!*list) return 0;
    char *p = list;
    while (p) {
        char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n && n < 200 && (local ? add_local_name(b, p, n, post) : add_name(b, p, n, post)) < 0) return -1;
        p = bar ? bar + 1 : NULL;
    }
    return 0;
}

static vg_status read_places(builder *b, const char *path, char *err, size_t errlen)
{
    vg_tsv t;
    if (vg_tsv_open(&t, path, MAX_PLACE_LINE, err, errlen) != VG_OK) return VG_ERR_IO;
    vg_status st = VG_OK;
    while (st == VG_OK && vg_tsv_next(&t) == 1) {
        char *fld[11];
        if (vg_tsv_nfields(&t) < 9 || vg_tsv_nfields(&t) > 11) {
            vg_tsv_fail(&t, VG_ERR_FORMAT, "expected 9 to 11 tab-separated fields");
            break;
        }
        for (size_t i = 0; i < 11; i++) fld[i] = vg_tsv_field(&t, i);
        int ci = iso_index(fld[1]);
        if (ci < 0) continue;
        if (b->ne == b->cape) {
            size_t nc = b->cape ? b->cape * 2 : 1 << 14;
            vg_gz_entry *ne = vg_realloc(b->e, nc * sizeof *ne);
            if (!ne) { st = VG_ERR_NOMEM; break; }
            b->e = ne;
            b->cape = nc;
        }
        vg_gz_entry *e = &b->e[b->ne];
        memset(e, 0, sizeof *e);
        e->lat = strtof(fld[4], NULL);
        e->lon = strtof(fld[5], NULL);
        long pop = strtol(fld[6], NULL, 10);
        e->population = pop < 0 ? 0 : pop > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)pop;
        e->rank = (uint8_t)strtol(fld[7], NULL, 10);
        e->kind = fld[0][0] == 'C' ? VG_PLACE_COUNTRY : fld[0][0] == 'A' ? VG_PLACE_ADMIN1 : VG_PLACE_CITY;
        memcpy(e->iso2, fld[1], 2);
        if (intern_add(&b->names, &b->strs, fld[2], strlen(fld[2]), &e->name) < 0) { st = VG_ERR_NOMEM; break; }
        if (*fld[3] && intern_add(&b->names, &b->strs, fld[3], strlen(fld[3]), &e->admin1) < 0) {
            st = VG_ERR_NOMEM;
            break;
        }
        uint32_t idx = (uint32_t)b->ne++;
        g_n_prim_skel = 0;
        if (e->kind == VG_PLACE_COUNTRY) b->country_of[ci] = idx + 1;
        if (add_names(b, fld[8], idx | VG_GZ_PRIMARY, 0) < 0 || add_names(b, fld[9], idx, 0) < 0 ||
            add_names(b, fld[10], idx | VG_GZ_PRIMARY, 1) < 0) {
            st = VG_ERR_NOMEM;
            break;
        }
    }
    vg_status rst = vg_tsv_close(&t);
    return st != VG_OK ? st : rst;
}

/* A hunspell dictionary (.dic): its lowercase words are the language's common
 * words; a place named like one ("Mobile", "Battalion") needs evidence. */
static vg_status read_dic(builder *b, FILE *f)
{
    char line[512];
    if (!fgets(line, sizeof line, f)) return VG_OK; /* first line: word count */
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "/\t \r\n");
        if (len < 3 || len > 60) continue;
        size_t cl;
        int32_t cp = vg_utf8_decode(line, len, &cl);
        if (!vg_is_alnum(cp) || (cp >= '0' && cp <= '9')) continue;
        if (vg_utf8_valid_prefix(line, len) != len) continue;
        /* Capitalised entries are names the dictionary knows: famous places, but
         * also first names and surnames ("Scott", "Obama", "Bernard"). */
        char kind = VG_GZ_COMMON;
        if (vg_is_upper(cp)) {
            if (cl < len && vg_is_upper(vg_utf8_decode(line + cl, len - cl, &cl))) continue; /* acronym */
            kind = VG_GZ_PROPER;
        }
        size_t flen;
        char *fw = vg_fold_heap(line, len, &flen);
        if (!fw) return VG_ERR_NOMEM;
        char key[VG_GZ_KEY_MAX];
        size_t k = vg_gz_key(&b->arts, kind, fw, flen, 0, key, sizeof key - 1);
        free(fw);
        if (k <= 1 || strchr(key, ' ')) continue;
        if (add_pair(b, key, k, UINT32_MAX) < 0) return VG_ERR_NOMEM;
        if (kind == VG_GZ_COMMON && key[k - 1] != 's') {
            key[k] = 's';
            key[k + 1] = 0;
            if (add_pair(b, key, k + 1, UINT32_MAX) < 0) return VG_ERR_NOMEM;
        }
    }
    return VG_OK;
}

/* "declined<TAB>ru" rows of the word lists: the languages whose stemmers key the names in
 * other scripts than Latin (their place names take case endings: "в Донецке"). */
static vg_status read_declined(builder *b, const char *path, char *err, size_t errlen)
{
    size_t pl = strlen(path);
    if (pl > 4 && !strcmp(path + pl - 4, ".dic")) return VG_OK;
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) return VG_ERR_IO;
    while (vg_tsv_next(&t) == 1) {
        if (vg_tsv_nfields(&t) < 2 || strcmp(vg_tsv_field(&t, 0), "declined")) continue;
        const char *code = vg_tsv_field(&t, 1);
        size_t i = 0;
        while (i < b->n_stem && strcmp(b->stem[i].code, code)) i++;
        if (i < b->n_stem) continue;
        vg_stemmer *s = strlen(code) < sizeof b->stem[0].code ? vg_stemmer_new(code, strlen(code)) : NULL;
        if (!s) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "no Snowball stemmer for '%s'", code); break; }
        if (b->n_stem == sizeof b->stem / sizeof *b->stem) {
            vg_stemmer_free(s);
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "more than %zu declined languages", sizeof b->stem / sizeof *b->stem);
            break;
        }
        memcpy(b->stem[b->n_stem].code, code, strlen(code) + 1);
        b->stem[b->n_stem++].s = s;
    }
    return vg_tsv_close(&t);
}

/* Classes of places-words.tsv rows, `class<TAB>word`. */
static const char *const word_class_names[] = {"native", "prep",  "near",  "origin",   "admin", "stop",
                                               "generic", "title", "after", "landmark", "street", "feature",
                                               "zone"};
static const char word_class_kind[] = {0,           VG_GZ_PREP,  VG_GZ_NEAR,  VG_GZ_ORIGIN,
                                       VG_GZ_ADMIN, VG_GZ_STOP,  VG_GZ_GENERIC, VG_GZ_TITLE,
                                       VG_GZ_AFTER, VG_GZ_LANDMARK, VG_GZ_STREET, VG_GZ_FEATURE,
                                       VG_GZ_ZONE};

/* Word lists and demonyms; folded so "à" and "a" are one key. */
static vg_status read_words(builder *b, const char *path, char *err, size_t errlen)
{
    size_t pl = strlen(path);
    if (pl > 4 && !strcmp(path + pl - 4, ".dic")) {
        FILE *f = fopen(path, "r");
        if (!f) { set_err(err, errlen, "%s: %s", path, strerror(errno)); return VG_ERR_IO; }
        vg_status st = read_dic(b, f);
        fclose(f);
        return st;
    }
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) return VG_ERR_IO;
    vg_status st = VG_OK;
    while (st == VG_OK && vg_tsv_next(&t) == 1) {
        char *fld[3] = {vg_tsv_field(&t, 0), vg_tsv_field(&t, 1), vg_tsv_field(&t, 2)};
        size_t nf = vg_tsv_nfields(&t);
        if (nf < 2) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected CLASS<TAB>WORD or WORD<TAB>ISO2");
            break;
        }
        char kind = 0;
        const char *word = fld[1];
        uint32_t post = UINT32_MAX;
        int ci = iso_index(fld[1]);
        if (!strcmp(fld[0], "native")) { /* country whose names have one Latin spelling */
            if (ci >= 0) b->native[ci] = 1;
            continue;
        }
        if (!strcmp(fld[0], "declined") || !strcmp(fld[0], "article")) continue; /* read before the places */
        if (ci >= 0) { /* demonym: word, ISO2 */
            if (!b->country_of[ci]) continue;
            kind = VG_GZ_DEMONYM;
            word = fld[0];
            post = b->country_of[ci] - 1;
        } else {
            int c = vg_tsv_enum(&t, 0, "class", word_class_names, sizeof word_class_names / sizeof *word_class_names);
            if (c < 0) break;
            kind = word_class_kind[c];
        }
        size_t flen;
        char *fw = vg_fold_heap(word, vg_utf8_valid_prefix(word, strlen(word)), &flen);
        if (!fw) { st = VG_ERR_NOMEM; break; }
        char key[VG_GZ_KEY_MAX];
        size_t k = vg_gz_key(&b->arts, kind, fw, flen, 0, key, sizeof key - 1);
        if (kind == VG_GZ_DEMONYM && k > 1) { /* also as a common word: "Syrian" is not a place */
            char ck[VG_GZ_KEY_MAX];
            memcpy(ck, key, k + 1);
            ck[0] = VG_GZ_COMMON;
            if (add_pair(b, ck, k, UINT32_MAX) < 0) { free(fw); st = VG_ERR_NOMEM; break; }
        }
        int rc = 0;
        int listed = 0;
        if (k > 1) { /* one marker for any listed word: a word with its prefixes set aside is looked up once */
            char wk[VG_GZ_KEY_MAX];
            memcpy(wk, key, k + 1);
            wk[0] = VG_GZ_WORD;
            rc = add_pair(b, wk, k, UINT32_MAX);
        }
        if (!rc && k > 1 && kind == VG_GZ_ADMIN && nf >= 3) {
            /* "state<TAB>VE,SD,NG": the countries whose divisions go by that word */
            for (char *c = fld[2]; *c && !rc;) {
                char two[3] = {c[0], c[0] ? c[1] : 0, 0};
                int cc = iso_index(two);
                if (cc >= 0 && b->country_of[cc]) { rc = add_pair(b, key, k, b->country_of[cc] - 1); listed = 1; }
                while (*c && *c != ',') c++;
                while (*c == ',' || *c == ' ') c++;
            }
        }
        if (k > 1 && !listed && !rc) {
            rc = add_pair(b, key, k, post);
            if (!rc && kind == VG_GZ_DEMONYM && k + 1 < sizeof key && key[k - 1] != 's') {
                key[k] = 's'; /* plural: syriens, Syrians */
                key[k + 1] = 0;
                rc = add_pair(b, key, k + 1, post);
            }
        }
        free(fw);
        if (rc) { st = VG_ERR_NOMEM; break; }
    }
    vg_status rst = vg_tsv_close(&t);
    return st != VG_OK ? st : rst;
}

static int write_all(FILE *f, const void *p, size_t n)
{
    return n == 0 || fwrite(p, 1, n, f) == n ? 0 : -1;
}

static int pad8(FILE *f, uint64_t *pos)
{
    static const char z[8];
    size_t p = (size_t)((8 - (*pos & 7)) & 7);
    *pos += p;
    return write_all(f, z, p);
}

static void builder_free(builder *b)
{
    free(b->e);
    free(b->p);
    free(b->strs.p);
    free(b->keys.p);
    free(b->names.slot);
    for (size_t i = 0; i < b->n_stem; i++) vg_stemmer_free(b->stem[i].s);
}

/* The places files, keyed by stems too for the "declined" languages the word lists name; then
 * the key "/ru:" alone, which tells lookups the gazetteer has stems for that language. */
static vg_status read_all_places(builder *b, const char *const *tsv, size_t n_tsv, const char *const *words,
                                 size_t n_words, char *err, size_t errlen)
{
    vg_status st = VG_OK;
    for (size_t i = 0; st == VG_OK && i < n_words; i++) st = read_declined(b, words[i], err, errlen);
    for (size_t i = 0; st == VG_OK && i < n_words; i++) st = vg_gz_articles_read(words[i], &b->arts, err, errlen);
    for (size_t i = 0; st == VG_OK && i < n_tsv; i++) st = read_places(b, tsv[i], err, errlen);
    for (size_t i = 0; st == VG_OK && i < b->n_stem; i++) {
        char mk[16];
        int ml = snprintf(mk, sizeof mk, "%c%s:", VG_GZ_STEM, b->stem[i].code);
        if (add_pair(b, mk, (size_t)ml, UINT32_MAX) < 0) st = VG_ERR_NOMEM;
    }
    return st;
}

vg_status vg_gazetteer_build(const char *const *tsv, size_t n_tsv, const char *const *words, size_t n_words,
                             const char *out_path, char *err, size_t errlen)
{
    builder b;
    memset(&b, 0, sizeof b);
    uint32_t zero;
    vg_status st = VG_OK;
    if (sbuf_add(&b.strs, "", 0, &zero) < 0 || sbuf_add(&b.keys, "", 0, &zero) < 0) st = VG_ERR_NOMEM;
    if (st == VG_OK) st = read_all_places(&b, tsv, n_tsv, words, n_words, err, errlen);
    /* Each entry's country; an entry whose country has no entry of its own points at itself. */
    for (size_t i = 0; st == VG_OK && i < b.ne; i++) {
        int ci = iso_index(b.e[i].iso2);
        b.e[i].country = ci >= 0 && b.country_of[ci] ? b.country_of[ci] - 1 : (uint32_t)i;
    }
    for (size_t i = 0; st == VG_OK && i < n_words; i++) st = read_words(&b, words[i], err, errlen);
    for (size_t i = 0; st == VG_OK && i < b.ne; i++) {
        int ci = iso_index(b.e[i].iso2);
        if (ci >= 0 && !b.native[ci]) b.e[i].flags |= VG_GZ_F_TRANSLIT;
    }
    if (st != VG_OK) { builder_free(&b); return st; }
    if (b.keys.len > UINT32_MAX || b.np > UINT32_MAX) { builder_free(&b); return VG_ERR_TOO_LARGE; }

    g_keypool = b.keys.p;
    g_entries = b.e;
    qsort(b.p, b.np, sizeof *b.p, pair_cmp);

    /* Group equal keys; drop repeated (key, entry) pairs keeping the primary flag. */
    gz_key *keys = vg_malloc((b.np + 1) * sizeof *keys);
    uint32_t *post = vg_malloc((b.np + 1) * sizeof *post);
    sbuf kstr = {0};
    size_t nk = 0, npost = 0;
    if (!keys || !post) st = VG_ERR_NOMEM;
    for (size_t i = 0; st == VG_OK && i < b.np;) {
        const char *ks = b.keys.p + b.p[i].key;
        size_t j = i;
        while (j < b.np && strcmp(b.keys.p + b.p[j].key, ks) == 0) j++;
        uint32_t off;
        if (sbuf_add(&kstr, ks, strlen(ks), &off) < 0) { st = VG_ERR_NOMEM; break; }
        keys[nk].str = off;
        keys[nk].post = (uint32_t)npost;
        for (size_t k = i; k < j; k++) {
            if (b.p[k].post == UINT32_MAX) continue;
            uint32_t id = b.p[k].post & ~VG_GZ_PRIMARY;
            size_t d;
            for (d = keys[nk].post; d < npost; d++)
                if ((post[d] & ~VG_GZ_PRIMARY) == id) break;
            if (d < npost) post[d] |= b.p[k].post & VG_GZ_PRIMARY;
            else if (npost - keys[nk].post < 4096) post[npost++] = b.p[k].post;
        }
        keys[nk].n = (uint32_t)(npost - keys[nk].post);
        nk++;
        i = j;
    }

    /* Hash table over the key strings. */
    size_t slots_n = 1024;
    while (slots_n < nk * 2) slots_n *= 2;
    uint32_t *slots = st == VG_OK ? vg_calloc(slots_n, sizeof *slots) : NULL;
    if (st == VG_OK && !slots) st = VG_ERR_NOMEM;
    uint32_t idx_bits = 1;
    while (idx_bits < 32 && ((uint64_t)1 << idx_bits) <= nk + 1) idx_bits++;
    for (size_t i = 0; st == VG_OK && i < nk; i++) {
        const char *ks = kstr.p + keys[i].str;
        uint64_t hv = vg_hash64(ks, strlen(ks), 0);
        size_t hsl = hv & (slots_n - 1);
        while (slots[hsl]) hsl = (hsl + 1) & (slots_n - 1);
        /* Fingerprint from the hash's top bits: most misses end without touching a key. */
        uint32_t fp = idx_bits < 32 ? (uint32_t)(hv >> (32 + idx_bits)) << idx_bits : 0;
        slots[hsl] = fp | ((uint32_t)i + 1);
    }

    /* The file uses one pool: entry strings first, then key strings shifted by its size. */
    char tmp[4096];
    FILE *f = NULL;
    if (st == VG_OK) {
        snprintf(tmp, sizeof tmp, "%s.tmp.%ld", out_path, (long)getpid());
        f = fopen(tmp, "wb");
        if (!f) { set_err(err, errlen, "%s: %s", tmp, strerror(errno)); st = VG_ERR_IO; }
    }
    if (st == VG_OK) {
        for (size_t i = 0; i < nk; i++) keys[i].str += (uint32_t)b.strs.len;
        gz_header h;
        memset(&h, 0, sizeof h);
        memcpy(h.magic, GZ_MAGIC, 8);
        h.n_entries = (uint32_t)b.ne;
        h.n_keys = (uint32_t)nk;
        h.n_post = (uint32_t)npost;
        h.str_size = (uint32_t)(b.strs.len + kstr.len);
        uint64_t pos = sizeof h;
        h.off_entries = pos;
        pos += b.ne * sizeof *b.e;
        pos = (pos + 7) & ~(uint64_t)7;
        h.off_keys = pos;
        pos += nk * sizeof *keys;
        pos = (pos + 7) & ~(uint64_t)7;
        h.off_post = pos;
        pos += npost * sizeof *post;
        pos = (pos + 7) & ~(uint64_t)7;
        h.off_str = pos;
        pos += b.strs.len + kstr.len;
        pos = (pos + 7) & ~(uint64_t)7;
        h.off_hash = pos;
        h.n_slots = slots_n;
        h.idx_bits = idx_bits;
        h.arts = b.arts;
        uint64_t w = 0;
        int bad = write_all(f, &h, sizeof h);
        w += sizeof h;
        bad |= write_all(f, b.e, b.ne * sizeof *b.e);
        w += b.ne * sizeof *b.e;
        bad |= pad8(f, &w);
        bad |= write_all(f, keys, nk * sizeof *keys);
        w += nk * sizeof *keys;
        bad |= pad8(f, &w);
        bad |= write_all(f, post, npost * sizeof *post);
        w += npost * sizeof *post;
        bad |= pad8(f, &w);
        bad |= write_all(f, b.strs.p, b.strs.len);
        bad |= write_all(f, kstr.p, kstr.len);
        w += b.strs.len + kstr.len;
        bad |= pad8(f, &w);
        bad |= write_all(f, slots, slots_n * sizeof *slots);
        if (fclose(f) != 0) bad = 1;
        if (bad || rename(tmp, out_path) != 0) {
            set_err(err, errlen, "%s: %s", out_path, strerror(errno));
            unlink(tmp);
            st = VG_ERR_IO;
        }
    }
    free(keys);
    free(post);
    free(slots);
    free(kstr.p);
    builder_free(&b);
    return st;
}

/* ------------------------------------------------------------------ load */

/* The countries' own entries, resolved once, and each country's capital: what
 * vg_gazetteer_country and vg_gazetteer_capital answer from. */
static vg_status index_countries(vg_gazetteer *g)
{
    const gz_header *h = g->h;
    const vg_gz_entry *e = g->entries;
    size_t nc = 0;
    for (uint32_t i = 0; i < h->n_entries; i++) nc += e[i].kind == VG_PLACE_COUNTRY;
    g->countries = vg_calloc(nc ? nc : 1, sizeof *g->countries);
    if (!g->countries) return VG_ERR_NOMEM;
    nc = 0;
    for (uint32_t i = 0; i < h->n_entries; i++) {
        int ci = (e[i].iso2[0] - 'A') * 26 + (e[i].iso2[1] - 'A');
        if (e[i].kind != VG_PLACE_COUNTRY || ci < 0 || ci >= 26 * 26 || g->country_of[ci]) continue;
        vg_gz_place(g, i, &g->countries[nc]);
        g->countries[nc].confidence = 1.0f;
        g->country_of[ci] = (uint16_t)++nc;
    }
    /* a country with several seats of government (PPLC) keeps its most populous */
    for (uint32_t i = 0; i < h->n_entries; i++) {
        int ci = (e[i].iso2[0] - 'A') * 26 + (e[i].iso2[1] - 'A');
        if (e[i].kind != VG_PLACE_CITY || e[i].rank != VG_GZ_RANK_CAPITAL || ci < 0 || ci >= 26 * 26) continue;
        if (!g->capital_of[ci] || e[i].population > e[g->capital_of[ci] - 1].population) g->capital_of[ci] = i + 1;
    }
    return VG_OK;
}

/* Is key k (an index the caller checked) the string key[0..n)? Checks the key's fields, as the file is trusted only so far. */
static int key_is(const vg_gazetteer *g, uint32_t k, const char *key, size_t n)
{
    const gz_key *e = &g->keys[k];
    if (e->str >= g->h->str_size || (uint64_t)e->post + e->n > g->h->n_post) return 0;
    const char *ks = g->str + e->str;
    return strncmp(ks, key, n) == 0 && ks[n] == 0;
}

/* The first byte of key k, or -1 for a damaged key. */
static int key_kind(const vg_gazetteer *g, uint32_t k)
{
    return g->keys[k].str < g->h->str_size ? (unsigned char)g->str[g->keys[k].str] : -1;
}

/* Counts the keys of each kind in keys [lo, hi) (sorted, so a kind's keys are
 * consecutive) by halving until a range holds one kind: a few hundred key
 * reads, not 1.7 million. 0 on a damaged key. */
static int count_kinds(const vg_gazetteer *g, uint32_t lo, uint32_t hi, uint32_t *count, uint32_t *first)
{
    if (lo >= hi) return 1;
    int a = key_kind(g, lo), b = key_kind(g, hi - 1);
    if (a < 0 || b < 0) return 0;
    if (a == b) {
        if (!count[a]) first[a] = lo;
        count[a] += hi - lo;
        return 1;
    }
    uint32_t mid = lo + (hi - lo) / 2;
    return count_kinds(g, lo, mid, count, first) && count_kinds(g, mid, hi, count, first);
}

/* Builds g->words; on a damaged file or no memory it stays empty and every lookup goes to the file's table. */
static uint64_t quick_hash(const char *s, size_t n)
{
    uint64_t h = (uint64_t)n * 0x9e3779b97f4a7c15ULL, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s + i, n - i);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 29);
}

static void bloom_add(uint64_t *bloom, uint64_t h)
{
    size_t a = h & (BLOOM_BITS - 1), b = (h >> 32) & (BLOOM_BITS - 1);
    bloom[a / 64] |= 1ULL << (a % 64);
    bloom[b / 64] |= 1ULL << (b % 64);
}

static int bloom_may_hold(const uint64_t *bloom, uint64_t h)
{
    size_t a = h & (BLOOM_BITS - 1), b = (h >> 32) & (BLOOM_BITS - 1);
    return ((bloom[a / 64] >> (a % 64)) & 1) && ((bloom[b / 64] >> (b % 64)) & 1);
}

static void build_word_index(vg_gazetteer *g)
{
    uint32_t count[256] = {0}, first[256] = {0};
    if (!count_kinds(g, 0, g->h->n_keys, count, first)) return;
    size_t n = 0;
    for (int c = 0; c < 256; c++)
        if (count[c] && count[c] <= WORD_KIND_MAX) n += count[c];
    if (!n) return;
    size_t cap = 1024;
    while (cap < n * 2) cap *= 2;
    word_slot *slots = vg_calloc(cap, sizeof *slots);
    if (!slots) return;
    uint64_t *bloom = vg_calloc(BLOOM_BITS / 64, sizeof *bloom); /* NULL: look-ups go without it */
    for (int c = 0; c < 256; c++) {
        if (!count[c] || count[c] > WORD_KIND_MAX) continue;
        for (uint32_t k = first[c]; k < first[c] + count[c]; k++) {
            if (g->keys[k].str >= g->h->str_size) { free(slots); free(bloom); return; }
            const char *ks = g->str + g->keys[k].str; /* the pool ends with a NUL (checked at load) */
            size_t kl = strlen(ks);
            uint64_t hv = vg_hash64(ks, kl, 0);
            size_t i = hv & (cap - 1);
            while (slots[i].key) i = (i + 1) & (cap - 1);
            slots[i].fp = (uint32_t)(hv >> 32);
            slots[i].key = k + 1;
            if (bloom) bloom_add(bloom, quick_hash(ks, kl));
        }
        g->words.kind[c] = 1;
    }
    g->words.slots = slots;
    g->words.mask = cap - 1;
    g->words.bloom = bloom;
}

/* The word index, built by the first lookup that needs it rather than at load: building
 * reads keys and strings here and there in 48 MB, and the kernel maps the 64 KB around each
 * page read, which brought 3.8 MB into the resident set of commands that never look a name
 * up (`vigie extract` on a huge line: peak RSS 62.9 -> 66.0 MB under the sanitizers). */
static const word_index *words_of(const vg_gazetteer *cg)
{
    vg_gazetteer *g = (vg_gazetteer *)cg; /* the index is a cache: built once, then read-only */
    if (atomic_load_explicit(&g->words_ready, memory_order_acquire)) return &g->words;
    pthread_mutex_lock(&g->words_lock);
    if (!atomic_load_explicit(&g->words_ready, memory_order_relaxed)) {
        build_word_index(g);
        atomic_store_explicit(&g->words_ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&g->words_lock);
    return &g->words;
}

static int64_t find_word_key(const vg_gazetteer *g, uint64_t hv, const char *key, size_t n)
{
    const word_index *w = words_of(g);
    uint32_t fp = (uint32_t)(hv >> 32);
    for (size_t i = hv & w->mask;; i = (i + 1) & w->mask) { /* half empty: a probe ends */
        const word_slot *s = &w->slots[i];
        if (!s->key) return -1;
        if (s->fp == fp && key_is(g, s->key - 1, key, n)) return s->key - 1;
    }
}

vg_status vg_gazetteer_load(const char *path, vg_gazetteer **out, char *err, size_t errlen)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { set_err(err, errlen, "%s: %s", path, strerror(errno)); return VG_ERR_IO; }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || sb.st_size < (off_t)sizeof(gz_header)) {
        close(fd);
        set_err(err, errlen, "%s: not a vigie gazetteer", path);
        return VG_ERR_FORMAT;
    }
    size_t len = (size_t)sb.st_size;
    void *m = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    if (m == MAP_FAILED) { set_err(err, errlen, "%s: %s", path, strerror(errno)); return VG_ERR_IO; }
    const gz_header *h = m;
    /* The header and the entries checked once here; keys, slots and postings when used. */
    int ok = memcmp(h->magic, GZ_MAGIC, 8) == 0 && h->off_entries == sizeof *h &&
             h->off_keys >= h->off_entries + (uint64_t)h->n_entries * sizeof(vg_gz_entry) &&
             h->off_post >= h->off_keys + (uint64_t)h->n_keys * sizeof(gz_key) &&
             h->off_str >= h->off_post + (uint64_t)h->n_post * 4 && h->off_str + h->str_size <= len &&
             h->str_size > 0 && (h->off_keys & 7) == 0 && (h->off_post & 7) == 0 &&
             h->off_hash >= h->off_str + h->str_size && (h->off_hash & 7) == 0 && h->n_slots > 0 &&
             (h->n_slots & (h->n_slots - 1)) == 0 && h->n_slots <= len / 4 && h->off_hash + h->n_slots * 4 <= len;
    const char *str = (const char *)m + (ok ? h->off_str : 0);
    ok = ok && str[h->str_size - 1] == 0;
    const vg_gz_entry *e = (const void *)((const char *)m + h->off_entries);
    const gz_key *k = (const void *)((const char *)m + (ok ? h->off_keys : 0));
    const uint32_t *p = (const void *)((const char *)m + (ok ? h->off_post : 0));
    for (uint32_t i = 0; ok && i < h->n_entries; i++)
        ok = e[i].name < h->str_size && e[i].admin1 < h->str_size && e[i].country < h->n_entries &&
             e[i].iso2[2] == 0;
    /* Keys, slots and postings are checked when used (find_key, vg_gz_lookup), so loading costs
     * nothing per key: reading the 1.5M postings here faulted 5.8 MB of the file in at every start
     * (90 of the gazetteer's 227 page faults, 6-7 of its 13-19 ms, `vigie analyze` start-up). */
    const uint32_t *slots = (const void *)((const char *)m + (ok ? h->off_hash : 0));
    ok = ok && h->arts.n <= VG_GZ_MAX_ARTICLES;
    for (uint32_t i = 0; ok && i < h->arts.n; i++) ok = memchr(h->arts.w[i], 0, sizeof h->arts.w[i]) != NULL;
    ok = ok && h->idx_bits >= 1 && h->idx_bits <= 32 && (h->idx_bits == 32 || ((uint64_t)h->n_keys + 1) < ((uint64_t)1 << h->idx_bits));
    if (!ok) {
        munmap(m, len);
        set_err(err, errlen, "%s: not a vigie gazetteer or damaged (rebuild with scripts/build-gazetteer.sh)", path);
        return VG_ERR_FORMAT;
    }
    vg_gazetteer *g = vg_calloc(1, sizeof *g);
    if (!g) { munmap(m, len); return VG_ERR_NOMEM; }
    pthread_mutex_init(&g->words_lock, NULL);
    g->map = m;
    g->map_len = len;
    g->h = h;
    g->entries = e;
    g->keys = k;
    g->post = p;
    g->str = str;
    g->slots = slots;
    g->slot_mask = h->n_slots - 1;
    g->idx_bits = h->idx_bits;
    g->idx_mask = h->idx_bits == 32 ? UINT32_MAX : (uint32_t)(((uint64_t)1 << h->idx_bits) - 1);
    if (index_countries(g) != VG_OK) { vg_gazetteer_free(g); return VG_ERR_NOMEM; }
    *out = g;
    return VG_OK;
}

void vg_gazetteer_free(vg_gazetteer *g)
{
    if (!g) return;
    munmap(g->map, g->map_len);
    free(g->countries);
    free(g->words.slots);
    free(g->words.bloom);
    pthread_mutex_destroy(&g->words_lock);
    free(g);
}

static int64_t find_key(const vg_gazetteer *g, const char *key, size_t n)
{
    const word_index *w = words_of(g);
    if (w->kind[(unsigned char)key[0]]) {
        if (w->bloom && !bloom_may_hold(w->bloom, quick_hash(key, n))) return -1;
        return find_word_key(g, vg_hash64(key, n, 0), key, n);
    }
    uint64_t hv = vg_hash64(key, n, 0);
    uint64_t i = hv & g->slot_mask;
    uint32_t fp = g->idx_bits < 32 ? (uint32_t)(hv >> (32 + g->idx_bits)) << g->idx_bits : 0;
    for (uint64_t probes = 0; probes <= g->slot_mask; probes++, i = (i + 1) & g->slot_mask) {
        uint32_t s = g->slots[i];
        if (!s) return -1;
        if ((s & ~g->idx_mask) != fp) continue;
        uint32_t k = (s & g->idx_mask) - 1;
        if (k >= g->h->n_keys) return -1; /* damaged file */
        const gz_key *e = &g->keys[k];
        if (e->str >= g->h->str_size || (uint64_t)e->post + e->n > g->h->n_post) return -1;
        const char *ks = g->str + e->str;
        if (strncmp(ks, key, n) == 0 && ks[n] == 0) return k;
    }
    return -1;
}

const uint32_t *vg_gz_lookup(const vg_gazetteer *g, const char *key, size_t n, size_t *n_post, int *found)
{
    *n_post = 0;
    if (found) *found = 0;
    if (!g || !n) return NULL;
    int64_t i = find_key(g, key, n);
    if (i < 0) return NULL;
    const uint32_t *p = g->post + g->keys[i].post; /* in the file: find_key checked the key's span */
    for (uint32_t k = 0; k < g->keys[i].n; k++)
        if ((p[k] & ~VG_GZ_PRIMARY) >= g->h->n_entries) return NULL; /* damaged: no entry */
    if (found) *found = 1;
    *n_post = g->keys[i].n;
    return p;
}

int vg_gz_has_prefix(const vg_gazetteer *g, const char *prefix, size_t n)
{
    /* Only word prefixes ("=deir ") are recorded, as marker keys. */
    if (!g || !n) return 0;
    return find_key(g, prefix, n) >= 0;
}

const vg_gz_entry *vg_gz_entry_at(const vg_gazetteer *g, uint32_t idx)
{
    return idx < g->h->n_entries ? &g->entries[idx] : NULL;
}

const char *vg_gz_str(const vg_gazetteer *g, uint32_t off)
{
    return off < g->h->str_size ? g->str + off : "";
}

const vg_gz_articles *vg_gz_articles_of(const vg_gazetteer *g)
{
    return &g->h->arts;
}

size_t vg_gz_entry_count(const vg_gazetteer *g)
{
    return g ? g->h->n_entries : 0;
}

void vg_gz_place(const vg_gazetteer *g, uint32_t idx, vg_place *p)
{
    const vg_gz_entry *e = &g->entries[idx];
    const vg_gz_entry *c = &g->entries[e->country];
    p->name = g->str + e->name;
    p->country = g->str + c->name;
    p->iso2 = e->iso2;
    p->admin1 = e->kind == VG_PLACE_ADMIN1 ? g->str + e->name : e->admin1 ? g->str + e->admin1 : NULL;
    p->lat = e->lat;
    p->lon = e->lon;
    p->kind = (vg_place_kind)e->kind;
    p->geo_precision = e->kind == VG_PLACE_CITY ? 1 : 3;
    p->population = e->population;
}

const vg_place *vg_gazetteer_country(const vg_gazetteer *g, const char *name, size_t n)
{
    if (!g || !name || !n || n > 200) return NULL;
    if (n == 2 && name[0] >= 'A' && name[0] <= 'Z' && name[1] >= 'A' && name[1] <= 'Z') {
        int ci = (name[0] - 'A') * 26 + (name[1] - 'A');
        return g->country_of[ci] ? &g->countries[g->country_of[ci] - 1] : NULL;
    }
    size_t flen;
    char *f = vg_fold_heap(name, vg_utf8_valid_prefix(name, n), &flen);
    if (!f) return NULL;
    char key[VG_GZ_KEY_MAX];
    size_t k = vg_gz_key(&g->h->arts, VG_GZ_EXACT, f, flen, 0, key, sizeof key);
    free(f);
    size_t np;
    const uint32_t *p = vg_gz_lookup(g, key, k, &np, NULL);
    for (size_t i = 0; p && i < np; i++) {
        const vg_gz_entry *e = &g->entries[p[i] & ~VG_GZ_PRIMARY];
        if (e->kind != VG_PLACE_COUNTRY) continue;
        int ci = (e->iso2[0] - 'A') * 26 + (e->iso2[1] - 'A');
        return ci >= 0 && ci < 26 * 26 && g->country_of[ci] ? &g->countries[g->country_of[ci] - 1] : NULL;
    }
    return NULL;
}

int vg_gazetteer_capital(const vg_gazetteer *g, const char *iso2, vg_place *out)
{
    if (!g || !iso2 || iso2[0] < 'A' || iso2[0] > 'Z' || iso2[1] < 'A' || iso2[1] > 'Z') return 0;
    uint32_t idx = g->capital_of[(iso2[0] - 'A') * 26 + (iso2[1] - 'A')];
    if (!idx) return 0;
    memset(out, 0, sizeof *out);
    vg_gz_place(g, idx - 1, out);
    return 1;
}
