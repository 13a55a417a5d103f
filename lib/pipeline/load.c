/* load.c - vg_doc: load one input through extract/normalise/language, then analyse. */
#include "pipeline.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/hash.h"
#include "../core/utf8.h"
#include "../analyze/analyze.h"
#include "../extract/html.h"
#include "../extract/html_charset.h"
#include "../text/langid.h"
#include "env.h"

vg_status vg_doc_create(const vg_env *env, vg_doc **out)
{
    *out = NULL;
    if (!env) return VG_ERR_ARG;
    vg_doc *d = vg_calloc(1, sizeof *d);
    if (!d) return VG_ERR_NOMEM;
    d->pipe = vg_calloc(1, sizeof *d->pipe);
    d->arena = vg_arena_new(256 * 1024);
    if (!d->pipe || !d->arena) { vg_doc_free(d); return VG_ERR_NOMEM; }
    d->pipe->env = env;
    d->data_dir = env->data_dir;
    *out = d;
    return VG_OK;
}

void vg_doc_free(vg_doc *d)
{
    if (!d) return;
    if (d->pipe && !d->pipe->chrome.shared) vg_chrome_cache_free(d->pipe->chrome.cache);
    free(d->pipe);
    vg_arena_free(d->arena);
    vg_buf_free(&d->out);
    free(d);
}

static int is_lang_code(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n < 2 || n > 3) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z') return 0;
    return 1;
}

/* Bytes to valid NFC UTF-8 with "\n" line ends, or a rejection. */
static vg_status decode_text(vg_doc *d, const char *s, size_t n, const char **out, size_t *out_len)
{
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; n -= 3; }
    if (n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                   ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF))) {
        /* UTF-16 with its byte-order mark: to UTF-8 (iconv) before anything else */
        const char *u8;
        size_t u8len;
        vg_status st = vg_html_to_utf8(d->arena, s, n, NULL, &u8, &u8len);
        if (st == VG_ERR_BINARY) {
            vg_doc_fail(d, "binary data after a UTF-16 byte-order mark, not text");
            return st;
        }
        if (st != VG_OK) return st;
        s = u8;
        n = u8len;
    }
    if (vg_looks_binary(s, n)) {
        vg_doc_fail(d, "binary data (NUL bytes or control characters), not text");
        return VG_ERR_BINARY;
    }
    size_t ok = vg_utf8_valid_prefix(s, n);
    size_t len = n;
    const char *u = s;
    if (ok != n) {
        u = vg_cp1252_to_utf8(d->arena, s, n, &len);
        if (!u) {
            vg_doc_fail(d, "invalid UTF-8 at byte %zu and not Windows-1252 either", ok);
            return VG_ERR_ENCODING;
        }
    }
    /* CRLF and lone CR to LF; other C0 controls (but tab) to spaces. */
    char *t = vg_arena_alloc(d->arena, len + 1), *w = t;
    if (!t) return VG_ERR_NOMEM;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)u[i];
        if (c == '\r') { *w++ = '\n'; if (i + 1 < len && u[i + 1] == '\n') i++; }
        else if (c < 0x20 && c != '\n' && c != '\t') *w++ = ' ';
        else *w++ = (char)c;
    }
    *w = 0;
    char *nfc = vg_utf8_nfc(d->arena, t, (size_t)(w - t), out_len);
    if (!nfc) return VG_ERR_NOMEM;
    *out = nfc;
    return VG_OK;
}

static int only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t') return 0;
    return 1;
}

/* Plain text has no metadata: a dateline the chrome pass set aside is the best
 * publication date there is (relative dates in the text are resolved against it);
 * then the other lines that date a page: a short unpunctuated line ("Thu Nov 10,
 * 2011 3: 00pm EST"), the article's URL (".../2011/11/10/..."). */
static void published_from_dateline(vg_doc *d, const vg_env *env)
{
    const char *lang = d->fields[VG_F_LANG];
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < d->n_removed; i++) {
            const vg_removed *r = &d->removed[i];
            if (pass == 0 ? !vg_removed_is_dateline(r) : vg_removed_is_dateline(r) || !vg_removed_dates_page(r)) continue;
            char day[17];
            if (vg_analyze_dateline(env->analyzer, d->arena, lang, r->text, r->len, day)) {
                vg_doc_set(d, VG_F_PUBLISHED, day, strlen(day));
                return;
            }
        }
    /* plain text: a dateline the reader took into the title (its first lines ran together) */
    const char *title = d->fields[VG_F_TITLE], *format = d->fields[VG_F_FORMAT];
    char day[17];
    if (title && format && !strcmp(format, "text") &&
        vg_analyze_title_date(env->analyzer, d->arena, lang, title, strlen(title), day))
        vg_doc_set(d, VG_F_PUBLISHED, day, strlen(day));
}

vg_status vg_doc_load(vg_doc *d, const vg_input *in)
{
    assert(d->pipe); /* made by vg_doc_create */
    vg_doc_reset(d);
    vg_chrome_memory *chrome = &d->pipe->chrome;
    chrome->learn = NULL; /* in the arena just reset */
    chrome->n_learn = 0;

    if (!in || (!in->data && in->len)) return VG_ERR_ARG;
    const struct { vg_field f; const char *v; } meta[] = {
        {VG_F_SOURCE, in->source}, {VG_F_EXT_ID, in->ext_id}, {VG_F_FORMAT, in->format},
        {VG_F_TITLE, in->title}, {VG_F_URL, in->url}, {VG_F_OUTLET, in->outlet},
        {VG_F_PUBLISHED, in->published},
    };
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++)
        if (meta[i].v && *meta[i].v) vg_doc_set(d, meta[i].f, meta[i].v, strlen(meta[i].v));
    if (is_lang_code(in->lang)) vg_doc_set(d, VG_F_LANG, in->lang, strlen(in->lang));

    if (in->len == 0 || only_space(in->data, in->len)) {
        vg_doc_fail(d, "empty document");
        return VG_ERR_EMPTY;
    }
    const vg_env *env = d->pipe->env;
    vg_status st;
    if (in->content_type && strcmp(in->content_type, "html") == 0) {
        st = vg_html_extract(d, env->html_hints, in->data, in->len, in->charset);
        if (st != VG_OK) {
            if (!d->error[0]) vg_doc_fail(d, "%s", vg_strerror(st));
            return st;
        }
    } else {
        const char *text;
        size_t len;
        if ((st = decode_text(d, in->data, in->len, &text, &len)) != VG_OK) return st;
        if ((st = vg_chrome_strip(env->chrome, env->langid, chrome, d, text, len, d->fields[VG_F_LANG])) != VG_OK) {
            if (!d->error[0]) vg_doc_fail(d, "%s", vg_strerror(st));
            return st;
        }
    }
    const char *text = d->fields[VG_F_TEXT];
    if (!text || only_space(text, d->text_len)) {
        vg_doc_fail(d, "no article text left after extraction");
        return VG_ERR_EMPTY;
    }
    if (!d->fields[VG_F_LANG]) {
        const char *lang = vg_langid_detect(env->langid, text, d->text_len);
        vg_doc_set(d, VG_F_LANG, lang, strlen(lang));
    }
    if (!d->fields[VG_F_PUBLISHED]) published_from_dateline(d, env);
    d->content_hash = vg_hash64(text, d->text_len, 0);
    char hex[17];
    vg_hash_hex(d->content_hash, hex);
    vg_doc_set(d, VG_F_HASH, hex, 16);
    return VG_OK;
}

vg_status vg_doc_analyze(vg_doc *d)
{
    assert(d->pipe);
    if (!d->fields[VG_F_TEXT]) return VG_ERR_ARG;
    if (d->analyzed) return VG_OK;
    vg_status st = vg_analyze(d->pipe->env->analyzer, d);
    if (st == VG_OK) d->analyzed = 1;
    else if (!d->error[0]) vg_doc_fail(d, "analysis failed: %s", vg_strerror(st));
    return st;
}

