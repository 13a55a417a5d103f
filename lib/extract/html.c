/* html.c - PLACEHOLDER until the HTML extractor lands. */
#include "html.h"

vg_status vg_html_extract(vg_doc *doc, const char *html, size_t n, const char *charset)
{
    (void)html; (void)n; (void)charset;
    vg_doc_fail(doc, "HTML extraction not built yet");
    return VG_ERR_FORMAT;
}
