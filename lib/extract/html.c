/* html.c - main text of an HTML page: streamed tags into a compact block list, then readability-style scoring. */
#include "html.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/alloc.h"
#include "../core/utf8.h"
#include "html_charset.h"
#include "html_hints.h"
#include "html_lex.h"
#include "html_meta.h"

/* The page is tokenized once (html_lex.c), streaming events: no DOM. What the extraction needs is
 * kept: block-level elements as nodes (parent, tag, class/id weight) and the
 * text between block boundaries as blocks pointing at their node. Scoring
 * then runs over these arrays, which are a small fraction of a tree. */

enum {
    MAX_STACK = 256,          /* element nesting we track; deeper is flattened */
    MAX_NODES = 1 << 20,      /* block elements per page */
    MAX_BLOCKS = 1 << 20,
    MAX_TEXT = 16 << 20,      /* bytes of collected text */
    MAX_TITLE = 1024,
    MAX_LD = 512 * 1024,      /* one JSON-LD script */
};
/* the limits as the messages say them */
_Static_assert(MAX_NODES == 1048576 && MAX_BLOCKS == 1048576 && MAX_TEXT == 16 << 20, "update the messages");

typedef enum tag {
    T_INLINE = 0, T_A, T_BR, T_SKIP, T_TITLE, T_META, T_LINK, T_TIME, T_SCRIPT, T_HTML, T_IMG,
    /* block-level from here */
    T_BLOCK_FIRST,
    T_P = T_BLOCK_FIRST, T_DIV, T_H1, T_H2, T_H3, T_H4, T_H5, T_H6, T_LI, T_UL, T_OL, T_DL, T_DT, T_DD,
    T_BLOCKQUOTE, T_PRE, T_TABLE, T_TR, T_TD, T_TH, T_ARTICLE, T_MAIN, T_SECTION, T_BODY, T_NAV,
    T_ASIDE, T_FOOTER, T_HEADER, T_FORM, T_FIGURE, T_FIGCAPTION, T_ADDRESS, T_HR, T_OTHERBLOCK,
} tag;

#define IS_HEADING(t) ((t) >= T_H1 && (t) <= T_H6)

enum { N_REMOVE = 1, N_BODY = 2, N_SCORED = 4, N_CHROME = 8, N_CARD = 16 };

typedef struct node {
    int32_t parent;
    uint8_t tag, flags;
    int16_t hint;
    uint32_t text, link;   /* bytes of text / link text in the subtree */
    uint32_t good;         /* bytes of paragraph text that voted, in the subtree */
    uint16_t items, linked; /* lists: item blocks, and those holding a link */
    float score;
} node;

typedef struct block {
    uint32_t start, len, link;
    int32_t node;
} block;

typedef struct frame {
    uint8_t tag, skip;
    int32_t node;
} frame;

typedef struct sax {
    vg_doc *doc;
    const vg_html_hints *hints;
    vg_html_meta meta;
    frame stack[MAX_STACK];
    int depth, overflow;
    int skip, in_a, in_pre, in_title, in_ld;
    node *nodes;
    size_t n_nodes, cap_nodes;
    block *blocks;
    size_t n_blocks, cap_blocks;
    vg_buf text;           /* all block text, blocks index into it */
    size_t cur_start, cur_link;
    int space;             /* last byte written was a space (or block start) */
    vg_buf title, ld;
    int32_t h1_node;
    int failed;            /* out of memory or past a limit */
    const char *past;      /* the limit passed, for the message; NULL: out of memory */
} sax;

/* The elements the extraction tells apart, sorted by name (strcmp order) for
 * bsearch; any other element is inline. Names from html_lex.c are lower case. */
typedef struct tag_name { const char *name; tag t; } tag_name;
static const tag_name TAGS[] = {
    {"a", T_A}, {"address", T_ADDRESS}, {"article", T_ARTICLE}, {"aside", T_ASIDE},
    {"audio", T_SKIP}, {"blockquote", T_BLOCKQUOTE}, {"body", T_BODY}, {"br", T_BR},
    {"button", T_SKIP}, {"canvas", T_SKIP}, {"center", T_OTHERBLOCK}, {"dd", T_DD},
    {"details", T_OTHERBLOCK}, {"dialog", T_OTHERBLOCK}, {"div", T_DIV}, {"dl", T_DL},
    {"dt", T_DT}, {"embed", T_SKIP}, {"fieldset", T_OTHERBLOCK}, {"figcaption", T_FIGCAPTION},
    {"figure", T_FIGURE}, {"footer", T_FOOTER}, {"form", T_FORM}, {"h1", T_H1}, {"h2", T_H2},
    {"h3", T_H3}, {"h4", T_H4}, {"h5", T_H5}, {"h6", T_H6}, {"head", T_SKIP}, {"header", T_HEADER},
    {"hgroup", T_OTHERBLOCK}, {"hr", T_HR}, {"html", T_HTML}, {"iframe", T_SKIP}, {"img", T_IMG},
    {"input", T_SKIP}, {"li", T_LI}, {"link", T_LINK}, {"main", T_MAIN}, {"math", T_SKIP},
    {"menu", T_SKIP}, {"meta", T_META}, {"nav", T_NAV}, {"noscript", T_SKIP}, {"object", T_SKIP},
    {"ol", T_OL}, {"option", T_SKIP}, {"p", T_P}, {"pre", T_PRE}, {"script", T_SCRIPT},
    {"section", T_SECTION}, {"select", T_SKIP}, {"style", T_SKIP}, {"svg", T_SKIP},
    {"table", T_TABLE}, {"td", T_TD}, {"template", T_SKIP}, {"textarea", T_SKIP}, {"th", T_TH},
    {"time", T_TIME}, {"title", T_TITLE}, {"tr", T_TR}, {"ul", T_UL}, {"video", T_SKIP},
};

static int cmp_tag_name(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const tag_name *)elem)->name);
}

#ifndef NDEBUG
static int tags_sorted(void)
{
    for (size_t i = 1; i < sizeof TAGS / sizeof TAGS[0]; i++)
        if (strcmp(TAGS[i - 1].name, TAGS[i].name) >= 0) return 0;
    return 1;
}
#endif

static tag tag_of(const char *n)
{
    const tag_name *e = bsearch(n, TAGS, sizeof TAGS / sizeof TAGS[0], sizeof TAGS[0], cmp_tag_name);
    return e ? e->t : T_INLINE;
}

static const char *attr(const char **atts, const char *name)
{
    if (!atts) return NULL;
    for (size_t i = 0; atts[i] && i < 512; i += 2)
        if (!strcmp(atts[i], name)) return atts[i + 1] ? atts[i + 1] : "";
    return NULL;
}

static int has_word_ci(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] && ((s[i] | 32) == w[i])) i++;
        if (i == n) return 1;
    }
    return 0;
}

/* style="display:none", hidden, aria-hidden: the reader never sees it. */
static int is_hidden(const char **atts)
{
    if (attr(atts, "hidden")) return 1;
    const char *st = attr(atts, "style");
    if (st && (has_word_ci(st, "display:none") || has_word_ci(st, "display: none") ||
               has_word_ci(st, "visibility:hidden")))
        return 1;
    return 0;
}

/* ---- text collection ---- */

static void flush(sax *s)
{
    size_t end = s->text.len;
    while (end > s->cur_start && s->text.data[end - 1] == ' ') end--;
    if (end > s->cur_start && s->depth > 0 && !s->failed) {
        if (s->n_blocks >= MAX_BLOCKS || vg_grow(&s->blocks, &s->cap_blocks, s->n_blocks + 1, sizeof *s->blocks)) {
            if (s->n_blocks >= MAX_BLOCKS) s->past = "more than 1,048,576 blocks of text";
            s->failed = 1;
            return;
        }
        /* the block belongs to the innermost block element open */
        int32_t nd = -1;
        for (int i = s->depth - 1; i >= 0 && nd < 0; i--) nd = s->stack[i].node;
        size_t len = end - s->cur_start;
        s->blocks[s->n_blocks++] = (block){(uint32_t)s->cur_start, (uint32_t)len,
                                           (uint32_t)(s->cur_link < len ? s->cur_link : len), nd};
        s->text.len = end;
        vg_buf_putc(&s->text, '\n'); /* separator so blocks stay NUL-free strings apart */
    } else {
        s->text.len = s->cur_start;
    }
    s->cur_start = s->text.len;
    s->cur_link = 0;
    s->space = 1;
}

static void add_text(sax *s, const char *p, size_t n)
{
    if (s->text.len + n > MAX_TEXT) {
        s->past = "more than 16 MiB of text";
        s->failed = 1;
        return;
    }
    if (vg_buf_reserve(&s->text, n + 1)) { s->failed = 1; return; }
    char *w = s->text.data + s->text.len;
    size_t before = s->text.len;
    if (s->in_pre) {
        memcpy(w, p, n);
        w += n;
        s->space = n && (p[n - 1] == ' ' || p[n - 1] == '\n');
    } else {
        int sp = s->space;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)p[i];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                if (!sp) { *w++ = ' '; sp = 1; }
            } else if (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0xA0) {
                /* no-break space: a space for the reader */
                if (!sp) { *w++ = ' '; sp = 1; }
                i++;
            } else if (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0xAD) {
                i++; /* soft hyphen (&shy;): invisible, and it splits words */
            } else if (c == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 && (unsigned char)p[i + 2] == 0x8B) {
                i += 2; /* zero-width space */
            } else {
                *w++ = (char)c;
                sp = 0;
            }
        }
        s->space = sp;
    }
    s->text.len = (size_t)(w - s->text.data);
    s->text.data[s->text.len] = 0;
    if (s->in_a) s->cur_link += s->text.len - before;
}

static int32_t new_node(sax *s, tag t, const char **atts)
{
    if (s->n_nodes >= MAX_NODES || vg_grow(&s->nodes, &s->cap_nodes, s->n_nodes + 1, sizeof *s->nodes)) {
        if (s->n_nodes >= MAX_NODES) s->past = "more than 1,048,576 block elements";
        s->failed = 1;
        return -1;
    }
    int32_t parent = -1;
    for (int i = s->depth - 1; i >= 0 && parent < 0; i--) parent = s->stack[i].node;
    node *nd = &s->nodes[s->n_nodes];
    memset(nd, 0, sizeof *nd);
    nd->parent = parent;
    nd->tag = (uint8_t)t;
    int rm = 0, w = 0;
    const char *cl = attr(atts, "class"), *id = attr(atts, "id");
    if (cl) {
        int r;
        w += vg_html_hints_weigh(s->hints, cl, strlen(cl), &r);
        rm |= r;
    }
    if (id) {
        int r;
        w += vg_html_hints_weigh(s->hints, id, strlen(id), &r);
        rm |= r;
    }
    const char *ip = attr(atts, "itemprop");
    if (ip && has_word_ci(ip, "articlebody")) { nd->flags |= N_BODY; w += 25; rm = 0; }
    const char *role = attr(atts, "role");
    if (role && (!strcmp(role, "navigation") || !strcmp(role, "complementary") || !strcmp(role, "contentinfo") ||
                 !strcmp(role, "banner") || !strcmp(role, "dialog") || !strcmp(role, "alert")))
        rm = 1;
    if (t == T_NAV || t == T_ASIDE || t == T_FOOTER || t == T_FIGCAPTION) { nd->flags |= N_CHROME; rm = 1; }
    if (rm && w >= 0 && !(nd->flags & N_CHROME)) rm = w < 25; /* e.g. class="content comments" */
    if (rm) nd->flags |= N_REMOVE;
    nd->hint = (int16_t)(w > 100 ? 100 : w < -100 ? -100 : w);
    return (int32_t)s->n_nodes++;
}

/* <meta property|name|itemprop|http-equiv content>: page metadata. */
static void on_meta(sax *s, const char **atts)
{
    const char *k = attr(atts, "property");
    if (!k) k = attr(atts, "name");
    if (!k) k = attr(atts, "itemprop");
    if (!k) k = attr(atts, "http-equiv");
    const char *v = attr(atts, "content");
    if (k && v) vg_html_meta_tag(s->doc->arena, &s->meta, k, v);
}

/* <link rel=canonical href=http(s)://...>: the page's own URL. */
static void on_link(sax *s, const char **atts)
{
    const char *rel = attr(atts, "rel"), *href = attr(atts, "href");
    if (rel && href && !strcmp(rel, "canonical") && (!strncmp(href, "http://", 7) || !strncmp(href, "https://", 8)) &&
        !s->meta.url[VG_MC_OG])
        s->meta.url[VG_MC_OG] = vg_arena_strndup(s->doc->arena, href, strnlen(href, 2048));
}

/* <html lang>: the page's declared language. */
static void on_html(sax *s, const char **atts)
{
    const char *l = attr(atts, "lang");
    if (!l) l = attr(atts, "xml:lang");
    if (l && !s->meta.lang[VG_MC_OG]) s->meta.lang[VG_MC_OG] = vg_arena_strndup(s->doc->arena, l, strnlen(l, 32));
}

/* <time datetime>: a date, the publication date when itemprop says so. */
static void on_time(sax *s, const char **atts)
{
    const char *dt = attr(atts, "datetime");
    const char *ip = attr(atts, "itemprop");
    int slot = ip && has_word_ci(ip, "datepublished") ? VG_MC_META : VG_MC_TAG;
    char iso[32];
    if (dt && !s->meta.published[slot] && vg_html_norm_date(dt, strnlen(dt, 64), iso))
        s->meta.published[slot] = vg_arena_strdup(s->doc->arena, iso);
}

/* What an element says about the page by its tag; 1 when its text is not
 * body text (title, script, style...). */
static int head_element(sax *s, tag t, const char **atts)
{
    switch (t) {
    case T_META: on_meta(s, atts); return 0;
    case T_LINK: on_link(s, atts); return 0;
    case T_HTML: on_html(s, atts); return 0;
    case T_TIME: on_time(s, atts); return 0;
    case T_TITLE:
        if (!s->title.len) s->in_title = 1;
        return 1;
    case T_SCRIPT: {
        const char *ty = attr(atts, "type");
        if (ty && has_word_ci(ty, "ld+json")) { s->in_ld = 1; vg_buf_clear(&s->ld); }
        return 1;
    }
    case T_SKIP: return 1;
    default: return 0;
    }
}

/* What any element's attributes say: a microdata publication date; and
 * whether its text is hidden or inline chrome (returns skip, updated). */
static int attr_effects(sax *s, tag t, const char **atts, int skip)
{
    const char *ip = attr(atts, "itemprop");
    if (ip && has_word_ci(ip, "datepublished") && !s->meta.published[VG_MC_META]) {
        const char *v = attr(atts, "content");
        if (!v) v = attr(atts, "datetime");
        char iso[32];
        if (v && vg_html_norm_date(v, strnlen(v, 64), iso)) s->meta.published[VG_MC_META] = vg_arena_strdup(s->doc->arena, iso);
    }
    if (!skip && t != T_BODY && t != T_HTML && is_hidden(atts)) skip = 1;
    /* inline chrome (a caption or share span inside a paragraph) has no
     * node of its own to be dropped with: skip its text */
    if (!skip && (t == T_INLINE || t == T_A) && !s->skip) {
        const char *cl = attr(atts, "class");
        int rm = 0;
        if (cl && vg_html_hints_weigh(s->hints, cl, strlen(cl), &rm) <= -15 && rm) skip = 1;
    }
    return skip;
}

/* A line break inside a paragraph: kept as "\n" (or as itself in <pre>). */
static void line_break(sax *s)
{
    if (s->in_pre) { add_text(s, "\n", 1); return; }
    if (s->text.len <= s->cur_start) return;
    while (s->text.len > s->cur_start && s->text.data[s->text.len - 1] == ' ') s->text.len--;
    if (s->text.len > s->cur_start && s->text.data[s->text.len - 1] != '\n') vg_buf_putc(&s->text, '\n');
    s->space = 1;
}

/* An element whose text is read: a block starts a node, <br> breaks the
 * line, <a> counts link text, <pre> keeps spacing. */
static void open_element(sax *s, frame *f, tag t, const char **atts)
{
    if (t >= T_BLOCK_FIRST) {
        flush(s);
        if (t != T_HR) f->node = new_node(s, t, atts);
        if (t == T_H1 && s->h1_node < 0) s->h1_node = f->node;
    } else if (t == T_BR) {
        line_break(s);
    } else if (t == T_A) {
        s->in_a++;
    }
    if (t == T_PRE) s->in_pre++;
}

static void sax_start(void *ud, const char *name, const char **atts)
{
    sax *s = ud;
    if (s->failed) return;
    if (s->depth >= MAX_STACK) { s->overflow++; return; }
    tag t = tag_of(name);
    frame *f = &s->stack[s->depth];
    f->tag = (uint8_t)t;
    f->node = -1;
    int skip = head_element(s, t, atts);
    if (t != T_META && t != T_LINK && atts) skip = attr_effects(s, t, atts, skip);
    f->skip = (uint8_t)skip;
    if (f->skip) s->skip++; /* no flush: a button or icon inside a paragraph does not split it */
    else if (!s->skip) open_element(s, f, t, atts);
    s->depth++;
}

static void sax_end(void *ud, const char *name)
{
    sax *s = ud;
    (void)name;
    if (s->failed) return;
    if (s->overflow) { s->overflow--; return; }
    if (s->depth <= 1) return; /* never the root */
    frame *f = &s->stack[s->depth - 1];
    tag t = (tag)f->tag;
    if (f->skip) {
        s->skip--;
        if (t == T_TITLE) s->in_title = 0;
        if (t == T_SCRIPT && s->in_ld) {
            s->in_ld = 0;
            if (s->ld.len && !s->ld.failed) vg_html_meta_jsonld(s->doc->arena, &s->meta, s->ld.data, s->ld.len);
            vg_buf_clear(&s->ld);
        }
    } else if (!s->skip) {
        if (t >= T_BLOCK_FIRST) {
            size_t nb = s->n_blocks;
            flush(s);
            if (t == T_H1 && f->node == s->h1_node && !s->meta.h1 && s->n_blocks > nb) {
                const block *b = &s->blocks[s->n_blocks - 1];
                s->meta.h1 = vg_arena_strndup(s->doc->arena, s->text.data + b->start, b->len);
            }
        } else if (t == T_A && s->in_a > 0) {
            s->in_a--;
        }
        if (t == T_PRE && s->in_pre > 0) s->in_pre--;
    }
    s->depth--;
}

static void sax_chars(void *ud, const char *ch, size_t len)
{
    sax *s = ud;
    if (s->failed || len == 0) return;
    if (s->skip) {
        if (s->in_title && s->title.len + len < MAX_TITLE) vg_buf_append(&s->title, ch, len);
        if (s->in_ld && s->ld.len + len < MAX_LD) vg_buf_append(&s->ld, ch, len);
        return;
    }
    add_text(s, ch, len);
}

/* ---- scoring ---- */

static int count_commas(const char *p, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++) c += p[i] == ',';
    return c;
}

static float base_score(const node *nd)
{
    float b = 0;
    switch ((tag)nd->tag) {
    case T_DIV: b = 5; break;
    case T_PRE: case T_TD: case T_BLOCKQUOTE: b = 3; break;
    case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT: case T_LI: case T_FORM: b = -3; break;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_TH: b = -5; break;
    default: break;
    }
    return b + nd->hint;
}

static float link_density(const node *nd)
{
    return nd->text ? (float)nd->link / (float)nd->text : 0.f;
}

static void totals(sax *s)
{
    node *N = s->nodes;
    size_t nn = s->n_nodes;
    /* subtree text and link totals */
    uint64_t total = 0;
    for (size_t b = 0; b < s->n_blocks; b++) {
        const block *bl = &s->blocks[b];
        total += bl->len;
        for (int32_t k = bl->node, hops = 0; k >= 0 && hops < MAX_STACK + 8; k = N[k].parent, hops++) {
            N[k].text += bl->len;
            N[k].link += bl->link;
        }
    }
    for (size_t b = 0; b < s->n_blocks; b++) {
        const block *bl = &s->blocks[b];
        int32_t li = bl->node, list = li >= 0 ? N[li].parent : -1;
        if (li < 0 || N[li].tag != T_LI || list < 0 || (N[list].tag != T_UL && N[list].tag != T_OL)) continue;
        if (N[list].items < UINT16_MAX) N[list].items++;
        if (bl->link && N[list].linked < UINT16_MAX) N[list].linked++;
    }
    /* A class word is a weak signal on a wrapper that holds most of the
     * page ("page-ad-margins" around everything): only words that are
     * strongly chrome (comments) remove that much text. */
    for (size_t i = 0; i < nn; i++)
        if ((N[i].flags & N_REMOVE) && N[i].hint > -40 && (uint64_t)N[i].text * 2 > total) N[i].flags &= (uint8_t)~N_REMOVE;
}

/* use_hints 0: a second chance for pages whose markup misleads the hints
 * (an article inside an element named like a menu). */
static int32_t choose_root(sax *s, uint8_t *rm_any, int use_hints)
{
    node *N = s->nodes;
    size_t nn = s->n_nodes;
    for (size_t i = 0; i < nn; i++) {
        int32_t p = N[i].parent;
        rm_any[i] = (uint8_t)(use_hints && ((N[i].flags & N_REMOVE) || (p >= 0 && rm_any[p])));
        N[i].flags &= (uint8_t)~N_SCORED;
        N[i].score = 0;
        N[i].good = 0;
    }
    /* each paragraph votes for its parent and grandparents */
    for (size_t b = 0; b < s->n_blocks; b++) {
        const block *bl = &s->blocks[b];
        if (bl->node < 0 || bl->len < 25 || rm_any[bl->node]) continue;
        tag t = (tag)N[bl->node].tag;
        if (IS_HEADING(t) || t == T_LI || t == T_DT || t == T_TH || t == T_TR) continue;
        if (bl->link * 2 > bl->len) continue;
        float sc = 1.f + (float)count_commas(s->text.data + bl->start, bl->len) + (float)(bl->len / 100 > 3 ? 3 : bl->len / 100);
        for (int32_t g = bl->node, hops = 0; g >= 0 && hops < MAX_STACK + 8; g = N[g].parent, hops++) N[g].good += bl->len;
        int32_t k = N[bl->node].parent;
        for (int level = 0; k >= 0 && level < 5; level++, k = N[k].parent) {
            if (!(N[k].flags & N_SCORED)) { N[k].score = base_score(&N[k]); N[k].flags |= N_SCORED; }
            float div = level == 0 ? 1.f : level == 1 ? 2.f : (float)level * 3.f;
            N[k].score += sc / div;
        }
    }
    int32_t top = -1;
    float best = 0;
    for (size_t i = 0; i < nn; i++) {
        if (!(N[i].flags & N_SCORED)) continue;
        N[i].score *= 1.f - link_density(&N[i]);
        if (top < 0 || N[i].score > best) { best = N[i].score; top = (int32_t)i; }
    }
    if (top < 0) return -1;
    /* climb while the parent scores better: the article is often split
     * into several sibling containers */
    float last = N[top].score;
    for (int32_t p = N[top].parent; p >= 0 && N[p].tag != T_BODY; p = N[p].parent) {
        if (!(N[p].flags & N_SCORED)) continue;
        if (N[p].score < last / 3) break;
        if (N[p].score > last) { top = p; }
        last = N[p].score;
    }
    /* An article split into several containers (by ads, pull quotes,
     * "read more" boxes) leaves the best-scored one holding part of it:
     * climb to an ancestor that holds clearly more paragraph text while
     * staying low in links. */
    int32_t up = top;
    for (int32_t p = N[top].parent; p >= 0 && N[p].tag != T_BODY; p = N[p].parent) {
        if (rm_any[p]) break;
        if ((float)N[p].good >= 1.5f * (float)N[up].good && link_density(&N[p]) <= 0.3f) up = p;
    }
    top = up;
    /* microdata says where the body is: trust it when it holds real text */
    for (size_t i = 0; i < nn; i++) {
        if (!(N[i].flags & N_BODY)) continue;
        if (N[i].text >= 200 && N[i].text * 2 >= N[top].text - N[top].link) { top = (int32_t)i; break; }
    }
    return top;
}

static int ends_sentence(const char *p, size_t n)
{
    while (n && (p[n - 1] == ' ' || p[n - 1] == '"' || p[n - 1] == ')')) n--;
    if (!n) return 0;
    char c = p[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',') return 1;
    /* closing quotes and ellipsis in UTF-8 */
    if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 && (unsigned char)c == 0xBB) return 1;
    if (n >= 3 && (unsigned char)p[n - 3] == 0xE2 && (unsigned char)p[n - 2] == 0x80) return 1;
    return 0;
}

static int has_sentence_break(const char *p, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (p[i] == '.' && p[i + 1] == ' ') return 1;
    return 0;
}

/* "Updated 11:21 pm CST, Tuesday, November 19, 2019", "PUBLISHED: 10:48,
 * Tue, Nov 19, 2019", "2018-08-16 | by X": a short line that carries a year
 * or a clock time and is not a sentence is a dateline, not body text. */
static int is_dateline(const char *p, size_t n)
{
    if (n > 100 || memchr(p, '@', n)) return 0; /* "— Name (@handle) November 18, 2019" closes a quoted tweet */
    size_t e = n;
    while (e && p[e - 1] == ' ') e--;
    if (e && (p[e - 1] == '.' || p[e - 1] == '!' || p[e - 1] == '?') && !(e >= 2 && p[e - 2] >= '0' && p[e - 2] <= '9'))
        return 0;
    for (size_t i = 0; i + 4 <= n; i++) {
        int before = i == 0 || !(p[i - 1] >= '0' && p[i - 1] <= '9');
        if (before && (p[i] == '1' || p[i] == '2') && (p[i + 1] == '9' || p[i + 1] == '0') && p[i + 2] >= '0' &&
            p[i + 2] <= '9' && p[i + 3] >= '0' && p[i + 3] <= '9' && (i + 4 == n || !(p[i + 4] >= '0' && p[i + 4] <= '9')))
            return 1;
        if (p[i] >= '0' && p[i] <= '9' && p[i + 1] == ':' && p[i + 2] >= '0' && p[i + 2] <= '5' && p[i + 3] >= '0' &&
            p[i + 3] <= '9')
            return 1;
    }
    return 0;
}

/* Mostly URLs (image metadata leaking from hidden markup). */
static int is_url_line(const char *p, size_t n)
{
    size_t in_url = 0;
    for (size_t i = 0; i < n;) {
        if (n - i > 7 && (!memcmp(p + i, "http://", 7) || !memcmp(p + i, "https://", 8))) {
            size_t j = i;
            while (j < n && p[j] != ' ' && p[j] != '\n') j++;
            in_url += j - i;
            i = j;
        } else {
            i++;
        }
    }
    return in_url * 2 > n;
}

static int same_text(const char *a, size_t an, const char *b)
{
    if (!b) return 0;
    while (*b == ' ' || *b == '\n' || *b == '\t') b++;
    size_t bn = strlen(b);
    while (bn && (b[bn - 1] == ' ' || b[bn - 1] == '\n' || b[bn - 1] == '\t')) bn--;
    return an == bn && !memcmp(a, b, an);
}

static int is_headline(const sax *s, const char *p, size_t n)
{
    if (same_text(p, n, s->meta.h1)) return 1;
    for (int i = 0; i < VG_MC_N; i++)
        if (same_text(p, n, s->meta.title[i])) return 1;
    return 0;
}

/* What went, for `vigie extract --removed`; bounded so a huge page does not
 * turn its navigation into megabytes of report. */
static void dropped(sax *s, const char *p, size_t n, const char *reason)
{
    if (s->doc->n_removed < 2000) vg_doc_add_removed(s->doc, p, n, reason);
}

/* A short paragraph (node i) with a sentence break in it. */
static int has_sentence_block(const sax *s, size_t i)
{
    for (size_t b = 0; b < s->n_blocks; b++)
        if (s->blocks[b].node == (int32_t)i && has_sentence_break(s->text.data + s->blocks[b].start, s->blocks[b].len))
            return 1;
    return 0;
}

/* Does sibling i of the chosen root join the article? thr: the score it needs. */
static int sibling_joins(const sax *s, int32_t top, size_t i, float thr)
{
    const node *N = s->nodes;
    /* class words inflate scores: a sibling also needs a real share of
     * paragraph text (teasers beside the story do not) */
    if ((N[i].flags & N_SCORED) && N[i].score >= thr && (float)N[i].good >= 0.2f * (float)N[top].good) return 1;
    if (N[i].tag != T_P || !N[i].text) return 0;
    float ld = link_density(&N[i]);
    if (N[i].text > 80) return ld < 0.25f;
    return ld == 0 && has_sentence_block(s, i); /* short paragraph with a sentence in it */
}

/* sel[i] = 1 for the roots of the article: the chosen root and the siblings
 * that join it, or every top-level node when none was chosen. */
static void select_roots(const sax *s, int32_t top, uint8_t *sel)
{
    const node *N = s->nodes;
    size_t nn = s->n_nodes;
    memset(sel, 0, nn);
    if (top < 0) {
        for (size_t i = 0; i < nn; i++)
            if (N[i].parent < 0) sel[i] = 1;
        return;
    }
    sel[top] = 1;
    int32_t par = N[top].parent;
    float thr = N[top].score * 0.2f;
    if (thr < 10) thr = 10;
    if (par < 0) return;
    for (size_t i = (size_t)par + 1; i < nn; i++) {
        if (N[i].parent != par || (int32_t)i == top || (N[i].flags & N_REMOVE)) continue;
        if (sibling_joins(s, top, i, thr)) sel[i] = 1;
    }
}

/* Teaser cards (a linked headline and an excerpt, for another story) sit
 * beside or below the article: a small element that starts with a fully
 * linked heading is one. */
static void mark_cards(sax *s, int32_t top)
{
    node *N = s->nodes;
    for (size_t b = 0; b < s->n_blocks; b++) {
        const block *bl = &s->blocks[b];
        if (bl->node < 0 || !IS_HEADING(N[bl->node].tag) || bl->link * 10 < bl->len * 9) continue;
        int32_t a = N[bl->node].parent;
        for (int up = 0; a >= 0 && a != top && up < 4; up++, a = N[a].parent) {
            if (N[a].text < bl->len + 40) continue;
            if (N[a].text < 800 && N[a].text * 4 < N[top].text) N[a].flags |= N_CARD;
            break;
        }
    }
}

/* Is node i removed with everything below it? */
static int removed_node(const sax *s, int32_t top, size_t i)
{
    const node *N = s->nodes;
    /* a weakly hinted element holding most of the article is its wrapper,
     * not chrome ("article-meta-wrap" around everything) */
    int rm = (N[i].flags & N_CARD) || ((N[i].flags & N_REMOVE) &&
             !(top >= 0 && N[i].hint > -40 && !(N[i].flags & N_CHROME) && N[i].text * 2 > N[top].text));
    /* every item a link ("More stories"): a link list, not prose */
    if ((N[i].tag == T_UL || N[i].tag == T_OL) && N[i].items >= 2 && N[i].linked == N[i].items &&
        link_density(&N[i]) >= 0.35f && N[i].text < 150u * N[i].items)
        rm = 1;
    return rm;
}

/* Why a block of a kept node is dropped all the same, NULL to keep it. */
static const char *block_drop_reason(const sax *s, const block *bl)
{
    const node *N = s->nodes;
    const char *p = s->text.data + bl->start;
    tag t = (tag)N[bl->node].tag;
    /* the headline is metadata (VG_F_TITLE), not body text */
    if (IS_HEADING(t) && is_headline(s, p, bl->len)) return "html-headline";
    if ((bl->link * 2 > bl->len && !IS_HEADING(t)) || (bl->link && bl->link * 10 > bl->len * 9)) return "html-links";
    if (IS_HEADING(t)) return NULL;
    int quoted = t == T_BLOCKQUOTE || (N[bl->node].parent >= 0 && N[N[bl->node].parent].tag == T_BLOCKQUOTE);
    if (quoted) return NULL;
    if (is_dateline(p, bl->len)) return "html-dateline";
    if (is_url_line(p, bl->len)) return "url";
    return NULL;
}

/* Why a block outside the kept nodes went: inside the root it was chrome. */
static const char *outside_reason(const sax *s, const block *bl, int32_t top)
{
    const node *N = s->nodes;
    int inside = 0;
    for (int32_t k = bl->node, hops = 0; k >= 0 && hops < MAX_STACK + 8 && !inside; k = N[k].parent, hops++)
        inside = k == top;
    return inside ? "html-chrome" : "html-outside-article";
}

/* The kept blocks into out, paragraphs apart; in[node] == 2 marks kept nodes. */
static void write_blocks(sax *s, int32_t top, const uint8_t *in, vg_buf *out)
{
    size_t last_good = out->len;
    for (size_t b = 0; b < s->n_blocks; b++) {
        const block *bl = &s->blocks[b];
        const char *p = s->text.data + bl->start;
        const char *why = bl->node < 0 || in[bl->node] != 2 ? outside_reason(s, bl, top) : block_drop_reason(s, bl);
        if (why) { dropped(s, p, bl->len, why); continue; }
        if (out->len) vg_buf_append(out, "\n\n", 2);
        vg_buf_append(out, p, bl->len);
        /* headings and label-like lines at the very end are the start of
         * whatever follows the article ("Related", "Comments") */
        if (!IS_HEADING(s->nodes[bl->node].tag) && (bl->len >= 60 || ends_sentence(p, bl->len))) last_good = out->len;
    }
    if (last_good < out->len) out->len = last_good;
    if (out->data) out->data[out->len] = 0;
}

static void assemble(sax *s, int32_t top, uint8_t *sel, vg_buf *out)
{
    select_roots(s, top, sel);
    if (top >= 0) mark_cards(s, top);
    /* sel[i] == 1 marks roots; it becomes in[i] == 2 for "inside the
     * selection and not removed below it" */
    uint8_t *in = sel;
    for (size_t i = 0; i < s->n_nodes; i++) {
        if (sel[i] == 1) { in[i] = 2; continue; }
        int32_t p = s->nodes[i].parent;
        in[i] = (uint8_t)(p >= 0 && in[p] == 2 && !removed_node(s, top, i) ? 2 : 0);
    }
    write_blocks(s, top, in, out);
}

/* True when no code point of s can change under NFC: all below U+0300
 * (no combining marks; nothing there decomposes) or common punctuation
 * U+2002..U+206F and the euro sign. Saves utf8proc on most EN/FR pages. */
static int nfc_stable(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0xCC) {
            if (c >= 0xC0) i++;
            continue;
        }
        if (c == 0xE2 && i + 2 < n) {
            uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            if ((cp >= 0x2002 && cp <= 0x206F) || cp == 0x20AC) { i += 2; continue; }
        }
        return 0;
    }
    return 1;
}

vg_status vg_html_extract(vg_doc *doc, const vg_html_hints *hints, const char *html, size_t n, const char *charset)
{
    assert(tags_sorted()); /* tag_of() searches it */
    const char *u;
    size_t ulen;
    vg_status st = vg_html_to_utf8(doc->arena, html, n, charset, &u, &ulen);
    if (st == VG_ERR_BINARY) { vg_doc_fail(doc, "binary data, not an HTML page"); return st; }
    if (st != VG_OK) return st;
    if (ulen > INT32_MAX) return VG_ERR_TOO_LARGE;

    sax *s = vg_calloc(1, sizeof *s);
    if (!s) return VG_ERR_NOMEM;
    s->doc = doc;
    s->hints = hints;
    s->h1_node = -1;
    s->space = 1;

    /* a root node for text outside any element (a feed's plain description) */
    s->stack[0] = (frame){T_BODY, 0, new_node(s, T_BODY, NULL)};
    s->depth = 1;
    const vg_html_lex_cb cb = {sax_start, sax_end, sax_chars};
    if (vg_html_lex(u, ulen, &cb, s) != 0) s->failed = 1;
    flush(s);

    st = VG_OK;
    vg_buf out = VG_BUF_INIT;
    if (s->failed) {
        /* say which limit: a page past one is refused for its size, not for memory */
        st = s->past ? VG_ERR_TOO_LARGE : VG_ERR_NOMEM;
        if (s->past) vg_doc_fail(doc, "HTML page has %s, the most one page may hold", s->past);
        else vg_doc_fail(doc, "out of memory extracting the HTML page");
    } else {
        uint8_t *scratch = vg_malloc(s->n_nodes * 2 + 1);
        if (!scratch) st = VG_ERR_NOMEM;
        else {
            totals(s);
            int32_t top = choose_root(s, scratch, 1);
            if (top < 0 || s->nodes[top].text - s->nodes[top].link < 200) {
                int32_t again = choose_root(s, scratch, 0);
                if (again >= 0 && (top < 0 || s->nodes[again].text > s->nodes[top].text)) top = again;
                else if (top >= 0) choose_root(s, scratch, 1); /* restore the first scores */
            }
            assemble(s, top, scratch + s->n_nodes, &out);
            free(scratch);
            if (out.failed) st = VG_ERR_NOMEM;
        }
    }
    if (st == VG_OK) {
        if (s->title.len && !s->meta.title[VG_MC_TAG])
            s->meta.title[VG_MC_TAG] = vg_arena_strndup(doc->arena, s->title.data, s->title.len);
        vg_html_meta_finish(doc, &s->meta);
        if (out.len) {
            size_t nl = out.len, vl = vg_utf8_valid_prefix(out.data, out.len);
            const char *nfc = vl != out.len ? NULL : nfc_stable(out.data, out.len) ? out.data
                                                  : vg_utf8_nfc(doc->arena, out.data, out.len, &nl);
            if (vl != out.len) {
                /* the input was valid UTF-8; this only guards against surprises */
                const char *r;
                size_t rl;
                if (vg_html_to_utf8(doc->arena, out.data, out.len, "utf-8", &r, &rl) == VG_OK)
                    nfc = vg_utf8_nfc(doc->arena, r, rl, &nl);
            }
            if (!nfc) st = VG_ERR_NOMEM;
            else vg_doc_set(doc, VG_F_TEXT, nfc, nl);
        } else {
            vg_doc_fail(doc, "no article text found in the HTML page");
            st = VG_ERR_EMPTY;
        }
    }
    vg_buf_free(&out);
    vg_buf_free(&s->text);
    vg_buf_free(&s->title);
    vg_buf_free(&s->ld);
    free(s->nodes);
    free(s->blocks);
    free(s);
    return st;
}
