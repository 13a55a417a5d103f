/* chrome.c - PLACEHOLDER until the chrome-removal module lands: first line is the title. */
#include "chrome.h"

#include <stdlib.h>
#include <string.h>

struct vg_chrome { int unused; };

vg_status vg_chrome_load(const char *data_dir, vg_chrome **out, char *err, size_t errlen)
{
    (void)data_dir; (void)err; (void)errlen;
    *out = calloc(1, sizeof **out);
    return *out ? VG_OK : VG_ERR_NOMEM;
}

void vg_chrome_free(vg_chrome *c) { free(c); }

vg_status vg_chrome_strip(const vg_chrome *c, vg_doc *doc, const char *text, size_t n, const char *lang)
{
    (void)c; (void)lang;
    vg_doc_set(doc, VG_F_TEXT, text, n);
    return VG_OK;
}
