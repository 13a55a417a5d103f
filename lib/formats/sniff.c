/* sniff.c - format detection from content: magic strings, the XML root element, tags, JSON objects per line. */
#include "sniff.h"

#include <string.h>
#include <strings.h>

#include "../core/arena.h"
#include "../core/json.h"

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* memmem is a GNU extension; this is small enough to own. */
static const char *find(const char *h, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        const char *c = memchr(h + i, needle[0], n - i - k + 1);
        if (!c) return NULL;
        i = (size_t)(c - h);
        if (memcmp(c, needle, k) == 0) return c;
    }
    return NULL;
}

static size_t skip_space(const char *p, size_t n, size_t i)
{
    while (i < n && is_space((unsigned char)p[i])) i++;
    return i;
}

static int starts_ci(const char *p, size_t n, size_t i, const char *lit)
{
    size_t k = strlen(lit);
    return i + k <= n && strncasecmp(p + i, lit, k) == 0;
}

/* Skip "<?...?>", "<!-- -->" and "<!DOCTYPE ...>" before the root element. Returns the
 * index of the root's '<' or n. */
static size_t skip_prolog(const char *p, size_t n, size_t i)
{
    for (;;) {
        i = skip_space(p, n, i);
        if (i + 1 >= n || p[i] != '<') return i;
        const char *end = NULL, *close = "?>";
        if (p[i + 1] == '?') end = find(p + i, n - i, close);
        else if (starts_ci(p, n, i, "<!--")) end = find(p + i + 4, n - i - 4, close = "-->");
        else if (p[i + 1] == '!') {
            /* <!DOCTYPE x [ internal subset ]>: its declarations hold '>' too */
            size_t j = i + 2;
            while (j < n && p[j] != '>' && p[j] != '[') j++;
            if (j < n && p[j] == '[') {
                const char *sub = find(p + j, n - j, "]");
                j = sub ? (size_t)(sub - p) : n;
            }
            end = j < n ? memchr(p + j, '>', n - j) : NULL;
            close = ">";
        }
        else return i;
        if (!end) return n;
        i = (size_t)(end - p) + strlen(close);
    }
}

static int root_is(const char *p, size_t n, size_t i, const char *name)
{
    size_t k = strlen(name);
    if (i + 1 + k > n || strncasecmp(p + i + 1, name, k) != 0) return 0;
    if (i + 1 + k == n) return 1;
    char c = p[i + 1 + k];
    return is_space((unsigned char)c) || c == '>' || c == '/';
}

static int has_html_tags(const char *p, size_t n)
{
    static const char *const tags[] = {"<html", "<head", "<body", "<div", "<p>", "<p ", "<br", "<meta",
                                       "<title", "<article", "<a href", "<span", "<table", "<h1", "<h2"};
    for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
        size_t k = strlen(tags[t]);
        for (size_t i = 0; i + k <= n; i++) {
            const char *lt = memchr(p + i, '<', n - i);
            if (!lt) break;
            i = (size_t)(lt - p);
            if (i + k <= n && strncasecmp(lt, tags[t], k) == 0) return 1;
        }
    }
    return 0;
}

/* Does some complete line of p[0..n) parse as a JSON object? -1: no complete line. */
static int a_line_is_object(const char *p, size_t n, int at_end)
{
    char arena_mem_err[128];
    vg_arena *a = vg_arena_new(16 * 1024);
    if (!a) return -1;
    int seen = -1;
    size_t i = 0;
    for (int lines = 0; i < n && lines < 8; lines++) {
        const char *nl = memchr(p + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - p) : (at_end ? n : (size_t)-1);
        if (end == (size_t)-1) break;
        size_t b = skip_space(p, end, i);
        if (b < end) {
            vg_jval *v = vg_json_parse(a, p + b, end - b, arena_mem_err, sizeof arena_mem_err);
            vg_arena_reset(a);
            if (v && v->type == VG_JOBJ) { seen = 1; break; }
            seen = 0;
        }
        i = end + 1;
    }
    vg_arena_free(a);
    return seen;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcasecmp(s + a - b, suf) == 0;
}

/* UTF-16 with a byte-order mark: its characters below 128 as bytes (others
 * as '?'), enough to tell an HTML page or a feed from plain text. Both are
 * decoded later (iconv); other formats are read as UTF-8 only, so a UTF-16
 * file is one of those three. */
static vg_kind sniff_utf16(const unsigned char *p, size_t n, int at_end, const char *name)
{
    char a[4096];
    size_t k = 0;
    int le = p[0] == 0xFF;
    for (size_t j = 2; j + 1 < n && k < sizeof a; j += 2) {
        unsigned cu = le ? (unsigned)p[j] | (unsigned)p[j + 1] << 8 : (unsigned)p[j] << 8 | (unsigned)p[j + 1];
        a[k++] = cu < 0x80 ? (char)cu : '?';
    }
    vg_kind kind = vg_sniff(a, k, at_end && k < sizeof a, name);
    return kind == VG_KIND_HTML || kind == VG_KIND_FEED ? kind : VG_KIND_TEXT;
}

vg_kind vg_sniff(const char *p, size_t n, int at_end, const char *name)
{
    size_t i = 0;
    const unsigned char *u = (const unsigned char *)p;
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return sniff_utf16(u, n, at_end, name);
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) i = 3;
    i = skip_space(p, n, i);
    if (n - i >= 5 && memcmp(p + i, "WARC/", 5) == 0) return VG_KIND_WARC;
    if (i < n && p[i] == '{') {
        int obj = a_line_is_object(p + i, n - i, at_end);
        if (obj != 0) return VG_KIND_JSONL; /* an object, or a first line longer than we looked at */
        if (name && (ends_with(name, ".jsonl") || ends_with(name, ".ndjson") || ends_with(name, ".jsonl.gz") ||
                     ends_with(name, ".ndjson.gz")))
            return VG_KIND_JSONL;
        /* No line is an object. A pretty-printed one has "{" alone on its first
         * line, then a member name; broken JSONL lines do not, and stay JSONL-less text. */
        size_t k = i + 1;
        while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r')) k++;
        if (k < n && p[k] == '\n') {
            k = skip_space(p, n, k);
            if (k < n && p[k] == '"') return VG_KIND_JSON;
        }
        /* '{"' is damaged JSONL far more often than prose: read it line by line
         * so each bad line is named. */
        if (k < n && p[k] == '"') return VG_KIND_JSONL;
        return VG_KIND_TEXT;
    }
    if (i < n && p[i] == '[') {
        /* An array of article objects: '[' then '{' then a member name. */
        size_t k = skip_space(p, n, i + 1);
        if (k < n && p[k] == '{') {
            k = skip_space(p, n, k + 1);
            if (k < n && p[k] == '"') return VG_KIND_JSON;
        }
    }
    if (i < n && p[i] == '<') {
        if (starts_ci(p, n, i, "<!doctype html") || root_is(p, n, i, "html")) return VG_KIND_HTML;
        size_t r = skip_prolog(p, n, i);
        if (r < n) {
            if (root_is(p, n, r, "rss") || root_is(p, n, r, "feed") || root_is(p, n, r, "rdf:RDF"))
                return VG_KIND_FEED;
            if (root_is(p, n, r, "html")) return VG_KIND_HTML;
        }
        if (has_html_tags(p, n)) return VG_KIND_HTML;
    }
    return VG_KIND_TEXT;
}
