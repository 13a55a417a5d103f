/* langid.c - language identification: libexttextcat n-grams, common words for short texts. */
#include "langid.h"

#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libexttextcat/textcat.h>

#include "../core/alloc.h"
#include "../core/hash.h"
#include "../core/tsv.h"
#include "../core/utf8.h"

/* N-gram profiles need a few hundred characters; below this, a language's
 * share of common words (data/<lang>/stopwords.txt) is the better witness. */
enum { SHORT_TEXT = 400, MAX_WORDLANGS = 16, MAX_WORDS = 20000, MAX_CODES = 64, SEEN_WORDS = 4096 };

/* The weights: when the word lists' vote on a text's first 1 KB settles its language without the
 * n-grams (textcat was 27-31% of `vigie analyze`'s instructions a document). The winner must hold
 * SETTLE_KINDS different words of its list, SETTLE_SHARE_PCT percent of the text's words and
 * SETTLE_MARGIN times the runner-up's hits (+1). Chosen on the dev texts (496 ECB+ dev, the five
 * hand-coded article sets, the five seeds: 681) and, for the languages vigie identifies but does
 * not read, on sentences of other languages (lingua-rs test data, 75 languages, texts of 120 to
 * 2,000 bytes: 11,016): at 5 / 12% / 4 the vote settles 675 of the 681 dev texts, each one as
 * textcat says, and 1,334 of the 11,016 others, never against textcat in a language
 * langid.conf lists (2 Catalan texts holding an English sentence, 'und' for textcat, read as
 * English). 4 words a kind: 5 Irish texts ('is', 'an') settle English; share 8%: 8 texts of
 * unlisted languages; 15%: 4 dev texts fewer; margin 3: 4 unlisted. */
enum { SETTLE_KINDS = 5, SETTLE_SHARE_PCT = 12, SETTLE_MARGIN = 4 };

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
        char model[4096];
        snprintf(model, sizeof model, "%s%s", VG_TEXTCAT_DIR, vg_tsv_field(&t, 0));
        if (access(model, R_OK) != 0) {
            vg_tsv_fail(&t, VG_ERR_RESOURCE, "cannot read the language model %s (package libexttextcat-data)", model);
            break;
        }
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
static unsigned lists_of(const vg_langid *l, uint64_t h, size_t *slot)
{
    for (size_t j = (size_t)h & l->slot_mask;; j = (j + 1) & l->slot_mask) { /* half empty: ends */
        *slot = j;
        if (!l->slots[j].lists) return 0;
        if (l->slots[j].h == h) return l->slots[j].lists;
    }
}

/* One list: path's words, one a line ('#' comments), as words[nwords] for language code. A
 * missing file is fine (1: loaded, 0: none). */
static vg_status load_list(vg_langid *l, const char *path, const char *code, int *loaded, char *err, size_t errlen)
{
    *loaded = 0;
    vg_tsv t;
    if (vg_tsv_open(&t, path, 0, err, errlen) != VG_OK) { /* a language without a word list */
        err[0] = 0;
        return VG_OK;
    }
    wordlist *w = &l->words[l->nwords];
    snprintf(w->code, sizeof w->code, "%s", code);
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
    l->nwords++;
    *loaded = 1;
    return vg_tsv_close(&t);
}

/* The word lists: data/<lang>/stopwords.txt of every language folder (the languages read), then
 * data/langid/<code>.txt for each other language langid.conf lists (languages told apart but not
 * read: their words stand against the read languages' in the vote). */
static vg_status load_words(vg_langid *l, const char *data_dir, char *err, size_t errlen)
{
    DIR *dir = opendir(data_dir);
    vg_status st = VG_OK;
    struct dirent *e;
    while (dir && st == VG_OK && (e = readdir(dir)) && l->nwords < MAX_WORDLANGS) {
        size_t cl = strlen(e->d_name);
        if (cl < 2 || cl > 3 || e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/stopwords.txt", data_dir, e->d_name);
        int loaded;
        st = load_list(l, path, e->d_name, &loaded, err, errlen);
    }
    if (dir) closedir(dir);
    for (size_t i = 0; st == VG_OK && i < l->ncodes; i++) {
        int have = 0;
        for (size_t k = 0; k < l->nwords && !have; k++) have = !strcmp(l->words[k].code, l->codes[i]);
        if (have) continue;
        if (l->nwords == MAX_WORDLANGS) {
            snprintf(err, errlen, "%s: more than %d word lists", data_dir, MAX_WORDLANGS);
            return VG_ERR_RESOURCE;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/langid/%s.txt", data_dir, l->codes[i]);
        int loaded;
        st = load_list(l, path, l->codes[i], &loaded, err, errlen);
    }
    return st == VG_OK ? index_words(l) : st;
}

/* The vote of the word lists on s[0..n): hits[k], the words of s in words[k], and kinds[k], how
 * many different words of words[k] s holds; the number of words of s in *tokens. */
static void vote(const vg_langid *l, const char *s, size_t n, size_t *hits, size_t *kinds, size_t *tokens)
{
    memset(hits, 0, MAX_WORDLANGS * sizeof *hits);
    memset(kinds, 0, MAX_WORDLANGS * sizeof *kinds);
    *tokens = 0;
    if (!l->nwords) return;
    size_t fn;
    char *f = vg_fold_heap(s, n, &fn);
    if (!f) return;
    uint64_t seen[SEEN_WORDS / 64] = {0}; /* a bit a slot of the table: its word was met */
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
        (*tokens)++;
        size_t slot;
        unsigned in = lists_of(l, word_hash(f + start, i - start), &slot);
        if (!in) continue;
        int first = slot >= SEEN_WORDS || !((seen[slot / 64] >> (slot % 64)) & 1);
        if (slot < SEEN_WORDS) seen[slot / 64] |= 1ull << (slot % 64);
        for (size_t k = 0; k < l->nwords; k++) {
            hits[k] += (in >> k) & 1;
            kinds[k] += first && ((in >> k) & 1);
        }
    }
    free(f);
}

/* The list with the most hits (the first on a tie) and the runner-up's hits. */
static size_t best_of(const vg_langid *l, const size_t *hits, size_t *second)
{
    size_t best = 0;
    *second = 0;
    for (size_t k = 1; k < l->nwords; k++)
        if (hits[k] > hits[best]) best = k;
    for (size_t k = 0; k < l->nwords; k++)
        if (k != best && hits[k] > *second) *second = hits[k];
    return best;
}

/* The language of a short text by its words (hits[k] of tokens, from vote): the list that wins
 * clearly, else NULL. */
static const char *by_words_of(const vg_langid *l, const size_t *hits, size_t tokens)
{
    if (!l->nwords) return NULL;
    size_t second, best = best_of(l, hits, &second);
    /* Two words and an eighth of the text, twice the runner-up: enough for a
     * headline or a caption, never decided by one shared word like "a". */
    if (hits[best] >= 2 && hits[best] * 8 >= tokens && hits[best] >= 2 * second + 1)
        return l->words[best].code;
    return NULL;
}

/* Which word list covers the most words of s; NULL unless it wins clearly. */
static const char *by_words(const vg_langid *l, const char *s, size_t n)
{
    size_t hits[MAX_WORDLANGS], kinds[MAX_WORDLANGS], tokens;
    vote(l, s, n, hits, kinds, &tokens);
    return by_words_of(l, hits, tokens);
}

/* The language the vote settles on its own (the weights above), else NULL: textcat decides. */
static const char *settled(const vg_langid *l, const size_t *hits, const size_t *kinds, size_t tokens)
{
    if (!l->nwords) return NULL;
    size_t second, best = best_of(l, hits, &second);
    if (kinds[best] >= SETTLE_KINDS && hits[best] * 100 >= SETTLE_SHARE_PCT * tokens &&
        hits[best] >= SETTLE_MARGIN * second + 1)
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
    pthread_mutex_init(&l->grow, NULL);
    /* textcat's handles are made when a text first needs one (take_handle): the vote settles
     * most texts, and reading the 13 models cost every start 3-4 ms; the files are checked here */
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

/* A free handle, locked: an idle one, else a new one, else wait for the first; NULL when none
 * can be made (the models do not load). */
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
    if (!n) return NULL;
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
    size_t hits[MAX_WORDLANGS], kinds[MAX_WORDLANGS], tokens;
    vote(l, text, len, hits, kinds, &tokens);
    const char *w = settled(l, hits, kinds, tokens);
    if (w) return w; /* static: lives in l */
    tc_handle *h = take_handle(l);
    const char *code = h ? code_of(l, textcat_Classify(h->tc, text, len)) : "und";
    if (h) pthread_mutex_unlock(&h->lock);
    if (len < SHORT_TEXT || !strcmp(code, "und")) {
        w = by_words_of(l, hits, tokens);
        if (w) return w;
    }
    return code;
}

const char *vg_langid_guess(const vg_langid *l, const char *text, size_t n)
{
    return by_words(l, text, n);
}
