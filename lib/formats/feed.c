/* feed.c - RSS 2.0, RSS 1.0 (RDF) and Atom feeds parsed with libxml2 into items. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "formats.h"

enum { MAX_ITEMS = 20000, MAX_FEED_BYTES = 64 * 1024 * 1024 };

typedef enum { KIND_RSS, KIND_RDF, KIND_ATOM } feed_kind;

static int is(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

/* Namespace prefix-independent check: content:encoded, dc:creator... */
static int in_ns(const xmlNode *n, const char *uri_part)
{
    return n->ns && n->ns->href && strstr((const char *)n->ns->href, uri_part);
}

/* Text of an element, trimmed, from the arena (NULL when empty). */
static char *text_of(vg_arena *a, xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) return NULL;
    const char *s = (const char *)c, *e = s + strlen(s);
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) e--;
    char *out = e > s ? vg_arena_strndup(a, s, (size_t)(e - s)) : NULL;
    xmlFree(c);
    return out;
}

/* Atom xhtml content: the markup of the children, serialised. */
static char *markup_of(vg_arena *a, xmlDoc *doc, xmlNode *n, size_t *len)
{
    xmlBuffer *b = xmlBufferCreate();
    if (!b) return NULL;
    for (xmlNode *c = n->children; c; c = c->next) xmlNodeDump(b, doc, c, 0, 0);
    const char *s = (const char *)xmlBufferContent(b);
    size_t l = (size_t)xmlBufferLength(b);
    char *out = l ? vg_arena_strndup(a, s, l) : NULL;
    *len = out ? l : 0;
    xmlBufferFree(b);
    return out;
}

static int month_of(const char *m)
{
    static const char *names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(m, names[i], 3) == 0) return i + 1;
    return 0;
}

/* RFC 822 zone names that RSS feeds use, as minutes east of UTC. */
static int zone_of(const char *z, int *minutes)
{
    static const struct { const char *name; int off; } zones[] = {
        {"GMT", 0}, {"UT", 0}, {"UTC", 0}, {"Z", 0}, {"EST", -300}, {"EDT", -240}, {"CST", -360},
        {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"CET", 60}, {"CEST", 120},
    };
    if ((z[0] == '+' || z[0] == '-') && strlen(z) >= 5) {
        int h = (z[1] - '0') * 10 + (z[2] - '0'), m = (z[z[3] == ':' ? 4 : 3] - '0') * 10 + (z[z[3] == ':' ? 5 : 4] - '0');
        if (h < 0 || h > 23 || m < 0 || m > 59) return 0;
        *minutes = (z[0] == '-' ? -1 : 1) * (h * 60 + m);
        return 1;
    }
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
        if (strcasecmp(z, zones[i].name) == 0) { *minutes = zones[i].off; return 1; }
    return 0;
}

static char *iso(vg_arena *a, int y, int mo, int d, int h, int mi, int s, int has_time, int has_zone, int zone)
{
    if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
        s < 0 || s > 60)
        return NULL;
    char out[40];
    if (!has_time) snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
    else if (!has_zone) snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
    else if (zone == 0) snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
    else
        snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, h, mi, s, zone < 0 ? '-' : '+',
                 abs(zone) / 60, abs(zone) % 60);
    return vg_arena_strdup(a, out);
}

/* "Mon, 23 Nov 2026 10:00:00 +0100" (weekday optional, seconds optional). */
static char *from_rfc822(vg_arena *a, const char *s)
{
    const char *p = strchr(s, ',');
    p = p ? p + 1 : s;
    int d, y, h = 0, mi = 0, sec = 0, n = 0;
    char mon[16], zone[16] = "";
    if (sscanf(p, " %d %15s %d %n", &d, mon, &y, &n) < 3) return NULL;
    if (y < 100) y += y < 70 ? 2000 : 1900;
    int mo = month_of(mon);
    const char *t = p + n;
    int has_time = 0, k = 0;
    if (sscanf(t, "%d:%d:%d %n", &h, &mi, &sec, &k) == 3) has_time = 1;
    else if ((k = 0, sscanf(t, "%d:%d %n", &h, &mi, &k)) == 2) { has_time = 1; sec = 0; }
    int zmin = 0, has_zone = 0;
    if (has_time && k > 0 && sscanf(t + k, "%15s", zone) == 1) has_zone = zone_of(zone, &zmin);
    return iso(a, y, mo, d, h, mi, sec, has_time, has_zone, zmin);
}

/* "2026-11-23", "2026-11-23T10:00:00.123+01:00", "2026-11-23 10:00Z". */
static char *from_iso(vg_arena *a, const char *s)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10) return NULL;
    const char *t = s + n;
    if (*t != 'T' && *t != ' ') return iso(a, y, mo, d, 0, 0, 0, 0, 0, 0);
    t++;
    int k = 0;
    if (sscanf(t, "%2d:%2d%n", &h, &mi, &k) != 2) return iso(a, y, mo, d, 0, 0, 0, 0, 0, 0);
    t += k;
    if (*t == ':' && sscanf(t + 1, "%2d%n", &sec, &k) == 1) t += 1 + k;
    while (*t == '.' || *t == ',' || (*t >= '0' && *t <= '9')) t++; /* fractions */
    int zmin = 0, has_zone = *t && zone_of(t, &zmin);
    return iso(a, y, mo, d, h, mi, sec, 1, has_zone, zmin);
}

static char *norm_date(vg_arena *a, const char *s)
{
    if (!s) return NULL;
    char *r = (s[0] >= '0' && s[0] <= '9' && strlen(s) >= 10 && s[4] == '-') ? from_iso(a, s) : from_rfc822(a, s);
    return r;
}

/* RSS <author> is "mail@host (Name)": keep the name when there is one. */
static char *clean_author(vg_arena *a, char *s)
{
    if (!s) return NULL;
    char *open = strchr(s, '('), *close = open ? strrchr(open, ')') : NULL;
    if (open && close && close > open + 1 && strchr(s, '@') && strchr(s, '@') < open)
        return vg_arena_strndup(a, open + 1, (size_t)(close - open - 1));
    return s;
}

static void parse_rss_item(vg_arena *a, xmlNode *it, vg_feed_item *out)
{
    char *date = NULL, *desc = NULL, *encoded = NULL;
    for (xmlNode *c = it->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is(c, "title") && !out->title) out->title = text_of(a, c);
        else if (is(c, "link") && !out->link) out->link = text_of(a, c);
        else if (is(c, "guid") && !out->id) out->id = text_of(a, c);
        else if (is(c, "pubDate") && !date) date = text_of(a, c);
        else if (is(c, "date") && in_ns(c, "purl.org/dc") && !date) date = text_of(a, c);
        else if (is(c, "author") && !out->author) out->author = clean_author(a, text_of(a, c));
        else if (is(c, "creator") && in_ns(c, "purl.org/dc") && !out->author) out->author = text_of(a, c);
        else if (is(c, "encoded") && in_ns(c, "purl.org/rss/1.0/modules/content") && !encoded) encoded = text_of(a, c);
        else if (is(c, "description") && !desc) desc = text_of(a, c);
    }
    if (!out->id) {
        xmlChar *about = xmlGetProp(it, (const xmlChar *)"about"); /* RSS 1.0 rdf:about */
        if (about) { out->id = vg_arena_strdup(a, (const char *)about); xmlFree(about); }
    }
    if (!out->link && out->id && (strncmp(out->id, "http://", 7) == 0 || strncmp(out->id, "https://", 8) == 0))
        out->link = out->id;
    out->published = norm_date(a, date);
    out->content = encoded ? encoded : desc;
    out->content_len = out->content ? strlen(out->content) : 0;
    /* RSS descriptions are entity-encoded HTML by convention */
    out->content_is_html = out->content != NULL;
}

static void parse_atom_entry(vg_arena *a, xmlDoc *doc, xmlNode *e, vg_feed_item *out)
{
    char *published = NULL, *updated = NULL;
    xmlNode *content = NULL, *summary = NULL;
    for (xmlNode *c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is(c, "title") && !out->title) out->title = text_of(a, c);
        else if (is(c, "id") && !out->id) out->id = text_of(a, c);
        else if (is(c, "published") && !published) published = text_of(a, c);
        else if (is(c, "updated") && !updated) updated = text_of(a, c);
        else if (is(c, "content") && !content) content = c;
        else if (is(c, "summary") && !summary) summary = c;
        else if (is(c, "author") && !out->author) {
            for (xmlNode *n = c->children; n; n = n->next)
                if (is(n, "name")) { out->author = text_of(a, n); break; }
        } else if (is(c, "link")) {
            xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel"), *href = xmlGetProp(c, (const xmlChar *)"href");
            int alternate = !rel || strcmp((const char *)rel, "alternate") == 0;
            if (href && alternate && !out->link) out->link = vg_arena_strdup(a, (const char *)href);
            xmlFree(rel);
            xmlFree(href);
        }
    }
    out->published = norm_date(a, published ? published : updated);
    xmlNode *body = content ? content : summary;
    if (body) {
        xmlChar *type = xmlGetProp(body, (const xmlChar *)"type");
        const char *t = type ? (const char *)type : "text";
        if (strcmp(t, "xhtml") == 0) {
            out->content = markup_of(a, doc, body, &out->content_len);
            out->content_is_html = 1;
        } else {
            out->content = text_of(a, body);
            out->content_len = out->content ? strlen(out->content) : 0;
            out->content_is_html = strcmp(t, "html") == 0 || strstr(t, "html") != NULL;
        }
        xmlFree(type);
    }
}

vg_status vg_feed_parse(vg_arena *a, const char *data, size_t n, vg_feed_item **items, size_t *n_items,
                        char *feed_title_out[1], char *err, size_t errlen)
{
    *items = NULL;
    *n_items = 0;
    if (feed_title_out) feed_title_out[0] = NULL;
    if (err && errlen) err[0] = 0;
    if (n > MAX_FEED_BYTES || n > INT_MAX) {
        snprintf(err, errlen, "feed larger than %d bytes", MAX_FEED_BYTES);
        return VG_ERR_TOO_LARGE;
    }
    xmlParserCtxt *ctx = xmlNewParserCtxt();
    if (!ctx) return VG_ERR_NOMEM;
    /* no network, no external entities or DTD loading; libxml2 keeps its
     * default depth and entity-amplification limits (no XML_PARSE_HUGE) */
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    xmlDoc *doc = xmlCtxtReadMemory(ctx, data, (int)n, NULL, NULL, opts);
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctx);
        /* a feed declared (or defaulting to) UTF-8 but written in Latin-1 /
         * cp1252 is common: read it once more as windows-1252 */
        if (e && e->code == XML_ERR_INVALID_CHAR && e->domain == XML_FROM_PARSER) {
            xmlCtxtReset(ctx);
            doc = xmlCtxtReadMemory(ctx, data, (int)n, NULL, "windows-1252", opts);
        }
    }
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctx);
        char msg[160] = "";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            size_t l = strlen(msg);
            while (l && (msg[l - 1] == '\n' || msg[l - 1] == ' ')) msg[--l] = 0;
            for (char *q = msg; *q; q++)
                if (*q == '\n') *q = ' ';
        }
        snprintf(err, errlen, "not a feed: not well-formed XML (line %d: %s)", e ? e->line : 0,
                 msg[0] ? msg : "parse error");
        xmlFreeParserCtxt(ctx);
        return VG_ERR_FORMAT;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    feed_kind kind;
    if (is(root, "rss")) kind = KIND_RSS;
    else if (is(root, "RDF")) kind = KIND_RDF;
    else if (is(root, "feed")) kind = KIND_ATOM;
    else {
        snprintf(err, errlen, "not a feed: XML root element is <%.60s>, not <rss>, <rdf:RDF> or <feed>",
                 root ? (const char *)root->name : "");
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctx);
        return VG_ERR_FORMAT;
    }
    /* RSS 2.0: rss/channel/item; RSS 1.0: rdf:RDF/item beside rdf:RDF/channel; Atom: feed/entry */
    xmlNode *container = root;
    xmlNode *channel = NULL;
    for (xmlNode *c = root->children; c; c = c->next)
        if (is(c, "channel")) { channel = c; break; }
    if (kind == KIND_RSS) {
        if (!channel) {
            snprintf(err, errlen, "not a feed: <rss> without <channel>");
            xmlFreeDoc(doc);
            xmlFreeParserCtxt(ctx);
            return VG_ERR_FORMAT;
        }
        container = channel;
    }
    xmlNode *title_holder = kind == KIND_ATOM ? root : channel;
    if (feed_title_out && title_holder)
        for (xmlNode *c = title_holder->children; c; c = c->next)
            if (is(c, "title")) { feed_title_out[0] = text_of(a, c); break; }

    const char *item_name = kind == KIND_ATOM ? "entry" : "item";
    size_t count = 0;
    for (xmlNode *c = container->children; c; c = c->next)
        if (is(c, item_name)) count++;
    if (count > MAX_ITEMS) count = MAX_ITEMS;
    vg_feed_item *out = count ? vg_arena_calloc(a, count, sizeof *out) : NULL;
    if (count && !out) {
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctx);
        return VG_ERR_NOMEM;
    }
    size_t i = 0;
    for (xmlNode *c = container->children; c && i < count; c = c->next) {
        if (!is(c, item_name)) continue;
        if (kind == KIND_ATOM) parse_atom_entry(a, doc, c, &out[i]);
        else parse_rss_item(a, c, &out[i]);
        i++;
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctx);
    *items = out;
    *n_items = i;
    return VG_OK;
}
