/* fuzz_feed.c - libFuzzer target for the RSS/Atom feed parser. */
#include <stdint.h>
#include <string.h>

#include "../../lib/core/arena.h"
#include "../../lib/formats/formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_arena *a = vg_arena_new(1 << 16);
    if (!a) return 0;
    vg_feed_item *items;
    size_t n;
    char *title, err[256];
    if (vg_feed_parse(a, (const char *)data, size, &items, &n, &title, err, sizeof err) == VG_OK) {
        volatile size_t sum = 0;
        for (size_t i = 0; i < n; i++) {
            const char *s[] = {items[i].title, items[i].link, items[i].published, items[i].author, items[i].id};
            for (size_t j = 0; j < sizeof s / sizeof s[0]; j++) sum += s[j] ? strlen(s[j]) : 0;
            for (size_t j = 0; j < items[i].content_len; j++) sum += (unsigned char)items[i].content[j];
        }
        (void)sum;
    }
    vg_arena_free(a);
    return 0;
}
