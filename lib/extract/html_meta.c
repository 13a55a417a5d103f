/* html_meta.c - choose and normalise page metadata: title, date, outlet, authors, URL, language. */
#include "html_meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/json.h"
#include "../core/utf8.h"

static int ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y) return 0;
    }
    return *a == *b;
}

/* Keep the first candidate of each kind; SAX strings die with the callback, so copy. */
static void put(vg_arena *a, const char **slot, const char *v)
{
    if (!*slot && v && *v) *slot = vg_arena_strndup(a, v, strnlen(v, 4096));
}


/* Dates are kept only when they parse: a placeholder ("0001-01-01") must
 * not hide a real date given later. */
static void put_date(vg_arena *a, const char **slot, const char *v)
{
    char iso[32];
    if (!*slot && v && *v && vg_html_norm_date(v, strnlen(v, 64), iso)) *slot = vg_arena_strdup(a, iso);
}

static int ends_with_ci(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    if (m > n) return 0;
    for (size_t i = 0; i < m; i++) {
        int c = (unsigned char)s[n - m + i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != suf[i]) return 0;
    }
    return 1;
}

static int is_url(const char *s) { return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8); }

void vg_html_meta_tag(vg_arena *a, vg_html_meta *m, const char *key, const char *value)
{
    if (!key || !value || !*value) return;
    static const char *const pub[] = {"article:published_time", "og:article:published_time", "datepublished",
                                      "article.published", "published_time", "publishdate", "pubdate",
                                      "publish-date", "dc.date.issued", "dcterms.issued", "dcterms.created",
                                      "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date",
                                      "og:published_time", "article:published", "datecreated", NULL};
    for (int i = 0; pub[i]; i++)
        if (ieq(key, pub[i])) { put_date(a, &m->published[i < 2 ? VG_MC_OG : VG_MC_META], value); return; }
    /* site-specific names: "sn-post-date", "article.publish_date" ... */
    if ((ends_with_ci(key, "date") || ends_with_ci(key, "published")) && !strstr(key, "odif") && !strstr(key, "pdate") &&
        !strstr(key, "xpir")) {
        put_date(a, &m->published[VG_MC_TAG], value);
        return;
    }
    if (ieq(key, "og:title")) put(a, &m->title[VG_MC_OG], value);
    else if (ieq(key, "twitter:title") || ieq(key, "headline") || ieq(key, "dc.title")) put(a, &m->title[VG_MC_META], value);
    else if (ieq(key, "og:site_name")) put(a, &m->outlet[VG_MC_OG], value);
    else if (ieq(key, "application-name") || ieq(key, "publisher") || ieq(key, "dc.publisher") || ieq(key, "twitter:site")) {
        if (value[0] != '@') put(a, &m->outlet[VG_MC_META], value);
    } else if (ieq(key, "og:url")) { if (is_url(value)) put(a, &m->url[VG_MC_LD], value); }
    else if (ieq(key, "author") || ieq(key, "article:author") || ieq(key, "dc.creator") || ieq(key, "sailthru.author") ||
             ieq(key, "parsely-author") || ieq(key, "byl") || ieq(key, "dcterms.creator")) {
        if (!is_url(value)) put(a, &m->authors[VG_MC_META], value);
    } else if (ieq(key, "content-language") || ieq(key, "language") || ieq(key, "dc.language")) put(a, &m->lang[VG_MC_META], value);
    else if (ieq(key, "og:locale")) put(a, &m->lang[VG_MC_TAG], value);
}

/* ---- JSON-LD ---- */

static const char *jstr(const vg_jval *v)
{
    return v && v->type == VG_JSTR && v->len ? v->str : NULL;
}

static int type_is_article(const vg_jval *t)
{
    if (!t) return 0;
    if (t->type == VG_JARR) {
        for (size_t i = 0; i < t->len; i++)
            if (type_is_article(t->items[i])) return 1;
        return 0;
    }
    const char *s = jstr(t);
    return s && (strstr(s, "Article") || strstr(s, "BlogPosting") || strstr(s, "Report") || !strcmp(s, "WebPage"));
}

static const char *name_of(const vg_jval *v)
{
    if (!v) return NULL;
    if (v->type == VG_JSTR) return jstr(v);
    if (v->type == VG_JOBJ) return jstr(vg_json_get(v, "name"));
    if (v->type == VG_JARR && v->len) return name_of(v->items[0]);
    return NULL;
}

static const char *authors_of(vg_arena *a, const vg_jval *v)
{
    if (!v) return NULL;
    if (v->type != VG_JARR) {
        const char *s = name_of(v);
        return s && !is_url(s) ? s : NULL;
    }
    vg_buf b = VG_BUF_INIT;
    for (size_t i = 0; i < v->len && i < 16; i++) {
        const char *s = name_of(v->items[i]);
        if (!s || is_url(s)) continue;
        if (b.len) vg_buf_puts(&b, "; ");
        vg_buf_puts(&b, s);
    }
    const char *r = b.len && !b.failed ? vg_arena_strndup(a, b.data, b.len) : NULL;
    vg_buf_free(&b);
    return r;
}

static void ld_object(vg_arena *a, vg_html_meta *m, const vg_jval *o, int depth)
{
    if (!o || depth > 4) return;
    if (o->type == VG_JARR) {
        for (size_t i = 0; i < o->len && i < 64; i++) ld_object(a, m, o->items[i], depth + 1);
        return;
    }
    if (o->type != VG_JOBJ) return;
    const vg_jval *g = vg_json_get(o, "@graph");
    if (g) ld_object(a, m, g, depth + 1);
    if (!type_is_article(vg_json_get(o, "@type"))) {
        /* any other typed object (ClaimReview, VideoObject...) still dates the page */
        put_date(a, &m->published[VG_MC_TAG], jstr(vg_json_get(o, "datePublished")));
        return;
    }
    int page = jstr(vg_json_get(o, "@type")) && !strcmp(jstr(vg_json_get(o, "@type")), "WebPage");
    if (!page) put(a, &m->title[VG_MC_LD], jstr(vg_json_get(o, "headline")));
    put_date(a, &m->published[VG_MC_LD], jstr(vg_json_get(o, "datePublished")));
    if (!page) put(a, &m->authors[VG_MC_LD], authors_of(a, vg_json_get(o, "author")));
    put(a, &m->outlet[VG_MC_LD], name_of(vg_json_get(o, "publisher")));
    if (!page && !m->ld_body) m->ld_body = jstr(vg_json_get(o, "articleBody")); /* arena-owned already */
    const char *u = jstr(vg_json_get(o, "url"));
    if (!u) {
        const vg_jval *me = vg_json_get(o, "mainEntityOfPage");
        u = me && me->type == VG_JOBJ ? jstr(vg_json_get(me, "@id")) : jstr(me);
    }
    if (u && is_url(u) && !page) put(a, &m->url[VG_MC_META], u);
    put(a, &m->lang[VG_MC_META], jstr(vg_json_get(o, "inLanguage")));
}

void vg_html_meta_jsonld(vg_arena *a, vg_html_meta *m, const char *s, size_t n)
{
    char err[128];
    /* Pages leave raw newlines and tabs inside strings; the JSON parser
     * (rightly) refuses them, so blank them first. */
    char *c = vg_arena_strndup(a, s, n);
    if (!c) return;
    for (size_t i = 0; i < n; i++)
        if (c[i] == '\n' || c[i] == '\r' || c[i] == '\t') c[i] = ' ';
    /* Some pages wrap it in <!-- --> or CDATA markers. */
    size_t b = 0, e = n;
    while (b < e && c[b] != '{' && c[b] != '[') b++;
    while (e > b && c[e - 1] != '}' && c[e - 1] != ']') e--;
    if (b >= e) return;
    vg_jval *v = vg_json_parse(a, c + b, e - b, err, sizeof err);
    if (v) ld_object(a, m, v, 0);
}

/* ---- dates ---- */

static int digits(const char *s, size_t n, size_t at, int k, int *val)
{
    if (at + (size_t)k > n) return 0;
    int v = 0;
    for (int i = 0; i < k; i++) {
        char c = s[at + (size_t)i];
        if (c < '0' || c > '9') return 0;
        v = v * 10 + (c - '0');
    }
    *val = v;
    return 1;
}

static int valid_ymd(int y, int mo, int d) { return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31; }

static int month_name(const char *s, size_t n)
{
    static const char *const mon[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (n < 3) return 0;
    char t[3] = {(char)(s[0] | 32), (char)(s[1] | 32), (char)(s[2] | 32)};
    for (int i = 0; i < 12; i++)
        if (!memcmp(t, mon[i], 3)) return i + 1;
    return 0;
}

/* The time zone at s[j] ("Z", "+02:00", "-0500") as written in out (at most
 * 15 bytes), "" when there is none or it is out of range. */
static void iso_zone(const char *s, size_t n, size_t j, char tz[16])
{
    int oh, om;
    tz[0] = 0;
    if (j < n && s[j] == 'Z') strcpy(tz, "Z");
    else if (j < n && (s[j] == '+' || s[j] == '-') && digits(s, n, j + 1, 2, &oh)) {
        size_t k = j + 3;
        if (k < n && s[k] == ':') k++;
        if (!digits(s, n, k, 2, &om)) om = 0;
        if (oh < 15 && om < 60) snprintf(tz, 16, "%c%02u:%02u", s[j], (unsigned)oh % 100u, (unsigned)om % 100u);
    }
}

/* "THH:MM[:SS][.fff][zone]" at s[i] after an ISO day: appended to out
 * ("YYYY-MM-DD" so far) when the hour and minute are valid. */
static void iso_time(const char *s, size_t n, size_t i, char *out)
{
    int hh, mm, ss = 0;
    if (!(i < n && (s[i] == 'T' || s[i] == ' ') && digits(s, n, i + 1, 2, &hh) && i + 3 < n && s[i + 3] == ':' &&
          digits(s, n, i + 4, 2, &mm) && hh < 24 && mm < 60))
        return;
    size_t j = i + 6;
    if (j < n && s[j] == ':' && digits(s, n, j + 1, 2, &ss)) j += 3;
    while (j < n && (s[j] == '.' || (s[j] >= '0' && s[j] <= '9'))) j++; /* fractions */
    char tz[16];
    iso_zone(s, n, j, tz);
    snprintf(out + 10, 22, "T%02u:%02u:%02u%.6s", (unsigned)hh % 100u, (unsigned)mm % 100u, (unsigned)(ss > 59 ? 59 : ss) % 100u, tz);
}

/* "2020-05-09", "2020/05/09", "20200509", maybe with a time: 1 when s starts
 * with a valid one (written to out). */
static int iso_date(const char *s, size_t n, char *out)
{
    int y, mo, d;
    size_t i;
    if (!digits(s, n, 0, 4, &y)) return 0;
    if (n >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4] && digits(s, n, 5, 2, &mo) &&
        digits(s, n, 8, 2, &d))
        i = 10;
    else if (digits(s, n, 4, 2, &mo) && digits(s, n, 6, 2, &d))
        i = 8;
    else
        return 0;
    if (!valid_ymd(y, mo, d)) return 0;
    snprintf(out, 32, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)mo % 100u, (unsigned)d % 100u);
    iso_time(s, n, i, out);
    return 1;
}

/* "Sat, 09 May 2020 ..." / "May 9, 2020" / "9 May 2020": 1 when valid. */
static int written_date(const char *s, size_t n, char *out)
{
    const char *p = s, *e = s + n;
    int day = 0, mon = 0, year = 0;
    while (p < e && !(day && mon && year)) {
        if (*p >= '0' && *p <= '9') {
            int v = 0, k = 0;
            while (p < e && *p >= '0' && *p <= '9' && k < 5) { v = v * 10 + (*p - '0'); p++; k++; }
            if (k == 4) year = v;
            else if (k <= 2 && !day) day = v;
            else if (k > 2) return 0;
            continue;
        }
        if ((*p | 32) >= 'a' && (*p | 32) <= 'z') {
            const char *w = p;
            while (p < e && (*p | 32) >= 'a' && (*p | 32) <= 'z') p++;
            if (!mon) mon = month_name(w, (size_t)(p - w));
            continue;
        }
        p++;
    }
    if (!(day && mon && year) || !valid_ymd(year, mon, day)) return 0;
    snprintf(out, 32, "%04u-%02u-%02u", (unsigned)year % 10000u, (unsigned)mon % 100u, (unsigned)day % 100u);
    return 1;
}

int vg_html_norm_date(const char *s, size_t n, char *out)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\n')) { s++; n--; }
    int y;
    if (digits(s, n, 0, 4, &y)) return iso_date(s, n, out); /* a leading year is ISO or nothing */
    return written_date(s, n, out);
}

int vg_html_url_date(const char *url, char *out)
{
    if (!url) return 0;
    size_t n = strlen(url);
    for (size_t i = 0; i + 9 < n; i++) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
        int y, mo, d;
        const char *s = url + i + 1;
        size_t m = n - i - 1;
        if (!digits(s, m, 0, 4, &y) || y < 1990 || y > 2100) continue;
        if (m >= 10 && (s[4] == '/' || s[4] == '-') && s[7] == s[4] && digits(s, m, 5, 2, &mo) && digits(s, m, 8, 2, &d) &&
            (m == 10 || s[10] == '/' || s[10] == '-' || s[10] == '_' || s[10] == '.')) {
            if (valid_ymd(y, mo, d)) { snprintf(out, 32, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)mo % 100u, (unsigned)d % 100u); return 1; }
        }
        if (m >= 8 && digits(s, m, 4, 2, &mo) && digits(s, m, 6, 2, &d) &&
            (m == 8 || s[8] == '/' || s[8] == '-' || s[8] == '_' || s[8] == '.') && valid_ymd(y, mo, d)) {
            snprintf(out, 32, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)mo % 100u, (unsigned)d % 100u);
            return 1;
        }
    }
    return 0;
}

/* ---- titles ---- */

/* Compare ignoring case, accents, spaces and punctuation. */
static int loose_eq(const char *a, size_t an, const char *b, size_t bn)
{
    size_t fa, fb;
    char *x = vg_fold_heap(a, an, &fa), *y = vg_fold_heap(b, bn, &fb);
    int eq = 0;
    if (x && y) {
        size_t i = 0, j = 0;
        eq = 1;
        for (;;) {
            while (i < fa && !((x[i] >= 'a' && x[i] <= 'z') || (x[i] >= '0' && x[i] <= '9') || (unsigned char)x[i] >= 0x80)) i++;
            while (j < fb && !((y[j] >= 'a' && y[j] <= 'z') || (y[j] >= '0' && y[j] <= '9') || (unsigned char)y[j] >= 0x80)) j++;
            if (i == fa || j == fb) { eq = i == fa && j == fb; break; }
            if (x[i] != y[j]) { eq = 0; break; }
            i++; j++;
        }
    }
    free(x);
    free(y);
    return eq;
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ';
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

size_t vg_html_strip_title(const char *t, size_t n, const char *outlet, int from_title_tag)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " : ", NULL};
    for (int k = 0; seps[k]; k++) {
        size_t sl = strlen(seps[k]);
        /* last occurrence: "Story - Section - Site" keeps "Story - Section" at first */
        for (size_t i = n; i-- > 0;) {
            if (i + sl > n || memcmp(t + i, seps[k], sl) != 0) continue;
            const char *tail = t + i + sl;
            size_t tl = n - i - sl;
            int drop = outlet && loose_eq(tail, tl, outlet, strlen(outlet));
            if (!drop && from_title_tag && k != 7 && count_words(tail, tl) <= 4 && count_words(t, i) >= 3) drop = 1;
            if (drop) return vg_html_strip_title(t, i, outlet, from_title_tag);
            /* "Site | Story" would need the start moved: the title is kept whole */
            break;
        }
    }
    return n;
}

/* ---- finish ---- */

static const char *first(const char *const *c)
{
    for (int i = 0; i < VG_MC_N; i++)
        if (c[i]) return c[i];
    return NULL;
}

static void set_trim(vg_doc *d, vg_field f, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\n' || *s == '\t')) { s++; n--; }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t')) n--;
    if (n > 1024) n = 1024;
    while (n && ((unsigned char)s[n] & 0xC0) == 0x80) n--; /* whole characters */
    if (n) vg_doc_set(d, f, s, n);
}

/* "fr-FR", "fr_FR", "FR" -> "fr" */
static int norm_lang(const char *s, char *out)
{
    size_t k = 0;
    while (s[k] && k < 4 && ((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z')) { out[k] = (char)(s[k] | 32); k++; }
    out[k] = 0;
    return (k == 2 || k == 3) && (!s[k] || s[k] == '-' || s[k] == '_' || s[k] == ' ' || s[k] == ',');
}

static const char *host_of(const char *url, char *buf, size_t cap)
{
    const char *p = strstr(url, "://");
    if (!p) return NULL;
    p += 3;
    if (!strncmp(p, "www.", 4)) p += 4;
    size_t k = 0;
    while (p[k] && p[k] != '/' && p[k] != ':' && p[k] != '?' && k < cap - 1) { buf[k] = p[k]; k++; }
    buf[k] = 0;
    return k ? buf : NULL;
}

void vg_html_meta_finish(vg_doc *d, vg_html_meta *m)
{
    const char *url = d->fields[VG_F_URL];
    if (!url && (url = first(m->url))) set_trim(d, VG_F_URL, url, strlen(url));
    url = d->fields[VG_F_URL];

    const char *outlet = d->fields[VG_F_OUTLET];
    char host[256];
    if (!outlet) {
        const char *o = first(m->outlet);
        if (!o && url) o = host_of(url, host, sizeof host);
        if (o) set_trim(d, VG_F_OUTLET, o, strlen(o));
        outlet = d->fields[VG_F_OUTLET];
    }

    if (!d->fields[VG_F_TITLE]) {
        const char *t = NULL;
        int tag = 0;
        for (int i = 0; i < VG_MC_N && !t; i++) t = m->title[i], tag = i == VG_MC_TAG;
        if (m->h1 && (!t || tag)) t = m->h1, tag = 0;
        if (t) {
            /* collapse spaces first so separators match */
            size_t n = strlen(t);
            char *c = vg_arena_alloc(d->arena, n + 1), *w = c;
            if (c) {
                int sp = 1;
                for (size_t i = 0; i < n; i++) {
                    char ch = t[i] == '\n' || t[i] == '\t' || t[i] == '\r' ? ' ' : t[i];
                    if (ch == ' ' && sp) continue;
                    sp = ch == ' ';
                    *w++ = ch;
                }
                while (w > c && w[-1] == ' ') w--;
                *w = 0;
                size_t keep = vg_html_strip_title(c, (size_t)(w - c), outlet, tag);
                set_trim(d, VG_F_TITLE, c, keep);
            }
        }
    }

    if (!d->fields[VG_F_PUBLISHED]) {
        char iso[32];
        for (int i = 0; i < VG_MC_N; i++) {
            const char *p = m->published[i]; /* stored normalised (put_date, html.c) */
            if (p) { vg_doc_set(d, VG_F_PUBLISHED, p, strlen(p)); break; }
        }
        if (!d->fields[VG_F_PUBLISHED] && url && vg_html_url_date(url, iso)) vg_doc_set(d, VG_F_PUBLISHED, iso, strlen(iso));
    }

    if (!d->fields[VG_F_AUTHORS]) {
        const char *a = first(m->authors);
        if (a) set_trim(d, VG_F_AUTHORS, a, strlen(a));
    }

    if (!d->fields[VG_F_LANG]) {
        char l[8];
        for (int i = 0; i < VG_MC_N; i++)
            if (m->lang[i] && norm_lang(m->lang[i], l)) { vg_doc_set(d, VG_F_LANG, l, strlen(l)); break; }
    }
}
