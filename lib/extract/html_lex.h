/* html_lex.h - fast forgiving HTML tokenizer with light tree rules, streaming balanced start/end events (internal). */
#ifndef VG_HTML_LEX_H
#define VG_HTML_LEX_H
#include <stddef.h>

/* Why not libxml2's HTML parser: it decodes the page one character at a
 * time (xmlNextChar) and by itself runs at about a third of the speed the
 * extractor needs. This tokenizer scans bytes with memchr, decodes only the
 * attributes the extractor reads, and applies the few HTML tree rules that
 * matter for text: void elements, raw-text elements (script, style, title,
 * textarea, noscript...), implied end tags (p, li, dt/dd, td/th/tr, option),
 * and end tags that close what was left open inside them. Every start gets
 * exactly one end; nesting is bounded (VG_HTML_LEX_DEPTH): deeper start tags
 * are dropped, not nested. Comments, doctypes and processing instructions
 * are skipped. */

enum { VG_HTML_LEX_DEPTH = 256, VG_HTML_LEX_ATTRS = 32 };

typedef struct vg_html_lex_cb {
    /* name: lower-case tag name; atts: NULL-terminated name/value pairs of
     * the attributes the extractor reads (names lower case, values with
     * character references decoded), valid during the call only. */
    void (*start)(void *ud, const char *name, const char **atts);
    void (*end)(void *ud, const char *name);
    /* Text with character references decoded, UTF-8 in, UTF-8 out; a run
     * may arrive in several pieces. */
    void (*text)(void *ud, const char *s, size_t n);
} vg_html_lex_cb;

/* s[0..n): the page as UTF-8. Returns 0, or -1 when out of memory. */
int vg_html_lex(const char *s, size_t n, const vg_html_lex_cb *cb, void *ud);

#endif
