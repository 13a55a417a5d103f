/* robots.h - robots.txt (RFC 9309): which paths one user agent may fetch, and its crawl delay. */
#ifndef VG_ROBOTS_H
#define VG_ROBOTS_H
#include <stddef.h>

#include "vigie.h"

typedef struct vg_robots vg_robots;

/* Parse robots.txt text (at most the first 512 KiB are read, as RFC 9309
 * allows) for the product token `agent` (e.g. "vigie"): its own groups if
 * any name it, else the "*" groups. Never fails on bad lines (they are
 * ignored); VG_ERR_NOMEM only. *out is freed with vg_robots_free. */
vg_status vg_robots_parse(const char *txt, size_t n, const char *agent, vg_robots **out);
/* Rules that allow everything (robots.txt missing) or nothing (unreachable). */
vg_status vg_robots_all(int allow, vg_robots **out);
/* path: the URL's path plus "?query", starting with '/'. 1 allowed, 0 not.
 * The longest matching rule wins; on a tie Allow wins. Path and rules are
 * compared percent-normalised (RFC 9309 2.2.2): "/%70rivate/" matches
 * "Disallow: /private/", "/~user/" matches "Disallow: /%7Euser/", "%2F" is
 * never "/". */
int vg_robots_allowed(const vg_robots *r, const char *path);
/* Crawl-delay in milliseconds, or -1 when the group gives none. */
long vg_robots_crawl_delay_ms(const vg_robots *r);
void vg_robots_free(vg_robots *r); /* accepts NULL */

#endif
