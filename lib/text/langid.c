/* langid.c - language identification: libexttextcat n-grams, common words for short texts. */
#include "langid.h"

#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libexttextcat/textcat.h>

#include "../core/alloc.h"
#include "../core/hash.h"
#include "../core/tsv.h"
#include "../core/utf8.h"

/* N-gram profiles need a few hundred characters; below this, a language's
 * share of common words (data/<lang>/stopwords.txt) is the better witness. */
enum { SHORT_TEXT = 400, MAX_WORDLANGS = 16, MAX_WORDS = 20000, MAX_CODES = 64 };

typedef struct wordlist {
    char code[8];
    uint64_t *h;   /* hashes of folded words (while loading) */
    size_t n;
} wordlist;

/* Every list's words in one table: a word's hash and the lists holding it (bit k: words[k]).
 * by_words looks each word of a text up once here instead of once in each sorted list (five
 * binary searches a word; by_words was 2.4% of analyze's instructions on the English dev
 * texts, called on every document's first 1 KB by chrome.c and for short texts; now 25,000
 * to 50,000 instructions a document less). */
typedef struct word_slot {
    uint64_t h;
    uint16_t lists; /* 0: empty slot */
} word_slot;

#ifndef VG_TEXTCAT_DIR
#define VG_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* textcat_Classify writes into its handle, so threads that detect at the same
 * time each need one: handles are made on demand, up to POOL. */
enum { POOL = 16 };

typedef struct tc_handle {
    void *tc;
    pthread_mutex_t lock;
} tc_handle;

struct vg_langid {
    char conf[4096];
    tc_handle pool[POOL];
    _Atomic int n_pool;        /* handles ready; pool[i] is complete before n_pool passes i */
    pthread_mutex_t grow;      /* held while a handle is added */
    wordlist words[MAX_WORDLANGS];
    size_t nwords;
    word_slot *slots;
    size_t slot_mask;
    char codes[MAX_CODES][4]; /* the languages langid.conf lists, "ar" from "ar--utf8" */
    size_t ncodes;
};

static uint64_t word_hash(const char *w, size_t n) { return vg_hash64(w, n, 0x73746f70ULL); }

/* The codes of the languages langid.conf lists (`MODEL<TAB>CODE--utf8`), the
 * only ones detect() reports. */
static vg_status load_codes(vg_langid *l, const char *conf, char *err, size_t errlen)
{
    vg_tsv t;
    if (vg_tsv_open(&t, conf, 0, err, errlen) != VG_OK) return VG_ERR_RESOURCE;
    while (vg_tsv_next(&t) == 1) {
        const char *name = vg_tsv_field(&t, 1), *dash = strstr(name, "--");
        size_t cl = dash ? (size_t)(dash - name) : 0;
        if (vg_tsv_nfields(&t) != 2 || cl < 2 || cl > 3) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected MODEL<TAB>CODE--utf8");
            break;
        }
        if (l->ncodes == MAX_CODES) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "more than %d languages", MAX_CODES); break; }
        memcpy(l->codes[l->ncodes], name, cl);
        l->codes[l->ncodes++][cl] = 0;
    }
    return vg_tsv_close(&t) == VG_OK ? VG_OK : VG_ERR_RESOURCE;
}

/* The lists' hashes into l->slots; the lists' own arrays are freed. */
static vg_status index_words(vg_langid *l)
{
    _Static_assert(MAX_WORDLANGS <= 16, "word_slot.lists has a bit per list");
    size_t total = 0, cap = 64;
    for (size_t k = 0; k < l->nwords; k++) total += l->words[k].n;
    while (cap < total * 2) cap *= 2;
    if (!(l->slots = vg_calloc(cap, sizeof *l->slots))) return VG_ERR_NOMEM;
    l->slot_mask = cap - 1;
    for (size_t k = 0; k < l->nwords; k++) {
        for (size_t i = 0; i < l->words[k].n; i++) {
            uint64_t h = l->words[k].h[i];
            size_t j = (size_t)h & l->slot_mask;
            while (l->slots[j].lists && l->slots[j].h != h) j = (j + 1) & l->slot_mask;
            l->slots[j].h = h;
            l->slots[j].lists |= (uint16_t)(1u << k);
        }
        free(l->words[k].h);
        l->words[k].h = NULL;
    }
    return VG_OK;
}

/* The lists holding the word of hash h (bit k: words[k]). */
static unsigned lists_of(const vg_langid *l, uint64_t h)
{
    for (size_t j = (size_t)h & l->slot_mask;; j = (j + 1) & l->slot_mask) { /* half empty: ends */
        if (!l->slots[j].lists) return 0;
        if (l->slots[j].h == h) return l->slots[j].lists;
    }
}

/* data/<lang>/stopwords.txt: one word per line, '#' comments. Missing is fine. */
static vg_status load_words(vg_langid *l, const char *data_dir, char *err, size_t errlen)
{
    DIR *dir = opendir(data_dir);
    if (!dir) return VG_OK;
    struct dirent *e;
    vg_status st = VG_OK;
    while (st == VG_OK && (e = readdir(dir)) && l->nwords < MAX_WORDLANGS) {
        size_t cl = strlen(e->d_name);
        if (cl < 2 || cl > 3 || e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/stopwords.txt", data_dir, e->d_name);
        vg_tsv t;
        if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) { /* a language without a word list */
            err[0] = 0;
            continue;
        }
        wordlist *w = &l->words[l->nwords];
        memcpy(w->code, e->d_name, cl + 1);
        size_t cap = 0;
        while (vg_tsv_next(&t) == 1) {
            const char *line = vg_tsv_field(&t, 0);
            if (vg_tsv_nfields(&t) != 1) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected one word a line"); break; }
            if (w->n == MAX_WORDS) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "more than %d words", MAX_WORDS); break; }
            size_t fn;
            char *fw = vg_fold_heap(line, strlen(line), &fn);
            if (!fw) { vg_tsv_fail(&t, VG_ERR_NOMEM, "%s", vg_strerror(VG_ERR_NOMEM)); break; }
            if (vg_grow(&w->h, &cap, w->n + 1, sizeof *w->h)) {
                free(fw);
                vg_tsv_fail(&t, VG_ERR_NOMEM, "%s", vg_strerror(VG_ERR_NOMEM));
                break;
            }
            w->h[w->n++] = word_hash(fw, fn);
            free(fw);
        }
        st = vg_tsv_close(&t);
        l->nwords++;
    }
    closedir(dir);
    return st == VG_OK ? index_words(l) : st;
}

/* Which word list covers the most words of s; NULL unless it wins clearly. */
static const char *by_words(const vg_langid *l, const char *s, size_t n)
{
    if (!l->nwords) return NULL;
    size_t fn;
    char *f = vg_fold_heap(s, n, &fn);
    if (!f) return NULL;
    size_t hits[MAX_WORDLANGS] = {0}, tokens = 0;
    for (size_t i = 0; i < fn;) {
        size_t len;
        int32_t cp = vg_utf8_decode(f + i, fn - i, &len);
        if (!vg_is_alnum(cp)) { i += len; continue; }
        size_t start = i;
        while (i < fn) {
            cp = vg_utf8_decode(f + i, fn - i, &len);
            if (!vg_is_alnum(cp)) break;
            i += len;
        }
        tokens++;
        unsigned in = lists_of(l, word_hash(f + start, i - start));
        for (size_t k = 0; in && k < l->nwords; k++) hits[k] += (in >> k) & 1;
    }
    free(f);
    size_t best = 0, second = 0;
    for (size_t k = 1; k < l->nwords; k++)
        if (hits[k] > hits[best]) best = k;
    for (size_t k = 0; k < l->nwords; k++)
        if (k != best && hits[k] > second) second = hits[k];
    /* Two words and an eighth of the text, twice the runner-up: enough for a
     * headline or a caption, never decided by one shared word like "a". */
    if (hits[best] >= 2 && hits[best] * 8 >= tokens && hits[best] >= 2 * second + 1)
        return l->words[best].code;
    return NULL;
}

vg_status vg_langid_load(const char *data_dir, vg_langid **out, char *err, size_t errlen)
{
    *out = NULL;
    char conf[4096];
    snprintf(conf, sizeof conf, "%s/langid.conf", data_dir);
    vg_langid *l = vg_calloc(1, sizeof *l);
    if (!l) return VG_ERR_NOMEM;
    snprintf(l->conf, sizeof l->conf, "%s", conf);
    l->pool[0].tc = special_textcat_Init(conf, VG_TEXTCAT_DIR);
    if (!l->pool[0].tc) {
        snprintf(err, errlen, "%s: cannot load language models (listed there, from %s; "
                 "package libexttextcat-data)", conf, VG_TEXTCAT_DIR);
        free(l);
        return VG_ERR_RESOURCE;
    }
    pthread_mutex_init(&l->pool[0].lock, NULL);
    pthread_mutex_init(&l->grow, NULL);
    atomic_store(&l->n_pool, 1);
    vg_status st = load_codes(l, conf, err, errlen);
    if (st == VG_OK) st = load_words(l, data_dir, err, errlen);
    if (st != VG_OK) {
        vg_langid_free(l);
        return st;
    }
    *out = l;
    return VG_OK;
}

void vg_langid_free(vg_langid *l)
{
    if (!l) return;
    for (int i = 0; i < atomic_load(&l->n_pool); i++) {
        textcat_Done(l->pool[i].tc);
        pthread_mutex_destroy(&l->pool[i].lock);
    }
    pthread_mutex_destroy(&l->grow);
    for (size_t i = 0; i < l->nwords; i++) free(l->words[i].h);
    free(l->slots);
    free(l);
}

/* "[fr--utf8][en--utf8]" -> "fr" when one language stands out; the code is
 * one of l's (langid.conf's) or the static "und". */
static const char *code_of(const vg_langid *l, const char *res)
{
    if (!res || res[0] != '[') return "und";
    /* Several candidates means textcat could not separate them: trust the first
     * only when it is one of two (fr/en confusions are rare in real text). */
    size_t n = 0;
    for (const char *p = res; (p = strchr(p, '[')); p++) n++;
    if (n > 2) return "und";
    for (size_t i = 0; i < l->ncodes; i++) {
        size_t kl = strlen(l->codes[i]);
        if (!strncmp(res + 1, l->codes[i], kl) && (res[1 + kl] == '-')) return l->codes[i];
    }
    return "und";
}

/* A free handle, locked: an idle one, else a new one, else wait for the first. */
static tc_handle *take_handle(vg_langid *l)
{
    int n = atomic_load(&l->n_pool);
    for (int i = 0; i < n; i++)
        if (pthread_mutex_trylock(&l->pool[i].lock) == 0) return &l->pool[i];
    pthread_mutex_lock(&l->grow);
    n = atomic_load(&l->n_pool);
    if (n < POOL) {
        void *tc = special_textcat_Init(l->conf, VG_TEXTCAT_DIR);
        if (tc) {
            l->pool[n].tc = tc;
            pthread_mutex_init(&l->pool[n].lock, NULL);
            pthread_mutex_lock(&l->pool[n].lock);
            atomic_store(&l->n_pool, n + 1);
            pthread_mutex_unlock(&l->grow);
            return &l->pool[n];
        }
    }
    pthread_mutex_unlock(&l->grow);
    pthread_mutex_lock(&l->pool[0].lock);
    return &l->pool[0];
}

const char *vg_langid_detect(const vg_langid *cl, const char *text, size_t n)
{
    vg_langid *l = (vg_langid *)cl;
    /* The start of an article decides; cut on a character boundary. */
    /* n-gram cost grows with the sample (textcat sorts its n-grams): 1536 -> 1024 bytes took 0.23M
     * instructions off each ar/ru/es document, with the same language on every eval set */
    enum { SAMPLE = 1024 };
    size_t len = n < SAMPLE ? n : SAMPLE;
    while (len < n && len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--;
    tc_handle *h = take_handle(l);
    const char *res = textcat_Classify(h->tc, text, len);
    const char *code = code_of(l, res);
    pthread_mutex_unlock(&h->lock);
    if (len < SHORT_TEXT || !strcmp(code, "und")) {
        const char *w = by_words(l, text, len);
        if (w) return w; /* static: lives in l */
    }
    return code;
}

const char *vg_langid_guess(const vg_langid *l, const char *text, size_t n)
{
    return by_words(l, text, n);
}
