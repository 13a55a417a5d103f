/* feed.c - PLACEHOLDER until the feed parser lands. */
#include <stdio.h>

#include "formats.h"

vg_status vg_feed_parse(vg_arena *a, const char *data, size_t n, vg_feed_item **items, size_t *n_items,
                        char *feed_title_out[1], char *err, size_t errlen)
{
    (void)a; (void)data; (void)n; (void)items; (void)n_items; (void)feed_title_out;
    snprintf(err, errlen, "feeds not supported yet");
    return VG_ERR_FORMAT;
}
