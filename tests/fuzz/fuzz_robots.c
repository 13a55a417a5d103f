/* fuzz_robots.c - libFuzzer target for the robots.txt parser and matcher. */
#include <stdint.h>
#include <string.h>

#include "../../lib/fetch/robots.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the first line (up to 200 bytes) is a path to test, the rest robots.txt */
    char path[256] = "/";
    size_t i = 0;
    while (i < size && i < 200 && data[i] != '\n') i++;
    memcpy(path + 1, data, i);
    path[i + 1] = 0;
    for (size_t j = 1; j <= i; j++) if (!path[j]) path[j] = 'x';
    vg_robots *r = NULL;
    if (vg_robots_parse((const char *)data + i, size - i, "vigie", &r) != VG_OK) return 0;
    (void)vg_robots_allowed(r, path);
    (void)vg_robots_allowed(r, "/");
    (void)vg_robots_crawl_delay_ms(r);
    vg_robots_free(r);
    return 0;
}
