/* robots.c - robots.txt parsing and matching: groups, Allow/Disallow with * and $, Crawl-delay. */
#include "robots.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/alloc.h"

enum { MAX_ROBOTS_BYTES = 512 * 1024, MAX_RULES = 10000, MAX_PATTERN = 2048 };

typedef struct rule {
    char *pat;
    size_t len;
    int allow;
} rule;

struct vg_robots {
    rule *rules;
    size_t n, cap;
    long delay_ms;
    int deny_all; /* unreachable robots.txt */
};

/* One group's rules, collected while parsing; kept only if the group applies. */
typedef struct group_rules {
    rule *r;
    size_t n, cap;
    long delay_ms;
} group_rules;

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

/* The form paths and rules are compared in (RFC 9309 2.2.2): a
 * percent-encoded unreserved character decoded ("%70" is "p", "%7E" "~"),
 * any other escape kept with upper-case hex ("%2f" is "%2F", never "/"), and
 * bytes outside printable US-ASCII encoded ("é" is "%C3%A9"). A '%' not
 * followed by two hex digits is kept as it is, on both sides alike. out holds
 * 3 * n + 1 bytes; returns the length written. */
static size_t normalise(const char *in, size_t n, char *out)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        int hi, lo;
        if (c == '%' && i + 2 < n && (hi = hexval(in[i + 1])) >= 0 && (lo = hexval(in[i + 2])) >= 0) {
            unsigned char d = (unsigned char)(hi * 16 + lo);
            if (unreserved(d)) out[o++] = (char)d;
            else { out[o++] = '%'; out[o++] = hex[hi]; out[o++] = hex[lo]; }
            i += 2;
        } else if (c <= 0x20 || c >= 0x7f) {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = 0;
    return o;
}

static int push(rule **arr, size_t *n, size_t *cap, const char *p, size_t len, int allow)
{
    if (*n >= MAX_RULES) return 0;
    if (vg_grow(arr, cap, *n + 1, sizeof **arr)) return -1;
    char *s = vg_malloc(3 * len + 1);
    if (!s) return -1;
    (*arr)[*n].pat = s;
    (*arr)[*n].len = normalise(p, len, s);
    (*arr)[*n].allow = allow;
    (*n)++;
    return 0;
}

static void free_rules(rule *r, size_t n)
{
    for (size_t i = 0; i < n; i++) free(r[i].pat);
    free(r);
}

/* Does agent line value `v` name our product token? ("vigie", "Vigie/1.0") */
static int names_agent(const char *v, size_t vl, const char *agent)
{
    size_t al = strlen(agent);
    size_t tl = 0;
    while (tl < vl && v[tl] != '/' && v[tl] != ' ' && v[tl] != '\t') tl++;
    return tl == al && strncasecmp(v, agent, al) == 0;
}

vg_status vg_robots_all(int allow, vg_robots **out)
{
    vg_robots *r = vg_calloc(1, sizeof *r);
    if (!r) return VG_ERR_NOMEM;
    r->delay_ms = -1;
    r->deny_all = !allow;
    *out = r;
    return VG_OK;
}

/* The state of a parse: two collections, rules for our agent and rules for "*". */
typedef struct parser {
    const char *agent;
    group_rules mine, star;
    int in_agents;          /* last line was a user-agent line */
    int cur_mine, cur_star; /* the current group applies to us / to "*" */
    int saw_mine;
} parser;

/* "key: value # comment" between p and eol: key and value trimmed (value cut
 * at MAX_PATTERN); 0 when the line has no colon. */
static int split_line(const char *p, const char *eol, const char **k, size_t *kl, const char **v, size_t *vl)
{
    const char *line_end = eol;
    const char *hash = memchr(p, '#', (size_t)(line_end - p));
    if (hash) line_end = hash;
    const char *colon = memchr(p, ':', (size_t)(line_end - p));
    if (!colon) return 0;
    const char *ks = p, *ke = colon;
    while (ks < ke && (*ks == ' ' || *ks == '\t')) ks++;
    while (ke > ks && (ke[-1] == ' ' || ke[-1] == '\t')) ke--;
    const char *vs = colon + 1, *ve = line_end;
    while (vs < ve && (*vs == ' ' || *vs == '\t')) vs++;
    while (ve > vs && (ve[-1] == ' ' || ve[-1] == '\t')) ve--;
    *k = ks;
    *kl = (size_t)(ke - ks);
    *v = vs;
    *vl = (size_t)(ve - vs);
    if (*vl > MAX_PATTERN) *vl = MAX_PATTERN;
    return 1;
}

/* User-agent: consecutive agent lines open one group. */
static void agent_line(parser *ps, const char *v, size_t vl)
{
    if (!ps->in_agents) ps->cur_mine = ps->cur_star = 0; /* a new group starts */
    ps->in_agents = 1;
    if (vl == 1 && v[0] == '*') ps->cur_star = 1;
    else if (names_agent(v, vl, ps->agent)) { ps->cur_mine = 1; ps->saw_mine = 1; }
}

/* Crawl-delay in seconds, kept in ms when below a day. */
static void crawl_delay(parser *ps, const char *v, size_t vl)
{
    if (vl == 0 || vl >= 16) return;
    char num[16];
    memcpy(num, v, vl);
    num[vl] = 0;
    double d = strtod(num, NULL);
    if (!(d >= 0 && d < 86400)) return;
    if (ps->cur_mine) ps->mine.delay_ms = (long)(d * 1000);
    if (ps->cur_star) ps->star.delay_ms = (long)(d * 1000);
}

/* Any other line of a group: Allow, Disallow, Crawl-delay (others are
 * ignored). -1 on no memory. */
static int group_line(parser *ps, const char *k, size_t kl, const char *v, size_t vl)
{
    ps->in_agents = 0;
    int allow = kl == 5 && strncasecmp(k, "allow", 5) == 0;
    int disallow = kl == 8 && strncasecmp(k, "disallow", 8) == 0;
    if ((allow || disallow) && vl > 0) {
        if (ps->cur_mine && push(&ps->mine.r, &ps->mine.n, &ps->mine.cap, v, vl, allow)) return -1;
        if (ps->cur_star && push(&ps->star.r, &ps->star.n, &ps->star.cap, v, vl, allow)) return -1;
    } else if (kl == 11 && strncasecmp(k, "crawl-delay", 11) == 0) {
        crawl_delay(ps, v, vl);
    }
    return 0;
}

/* The rules that apply: our agent's group if there is one, else "*". */
static vg_status finish(parser *ps, int oom, vg_robots **out)
{
    vg_robots *r = oom ? NULL : vg_calloc(1, sizeof *r);
    if (!r) {
        free_rules(ps->mine.r, ps->mine.n);
        free_rules(ps->star.r, ps->star.n);
        return VG_ERR_NOMEM;
    }
    group_rules *use = ps->saw_mine ? &ps->mine : &ps->star;
    group_rules *drop = ps->saw_mine ? &ps->star : &ps->mine;
    r->rules = use->r;
    r->n = use->n;
    r->cap = use->cap;
    r->delay_ms = use->delay_ms;
    free_rules(drop->r, drop->n);
    *out = r;
    return VG_OK;
}

vg_status vg_robots_parse(const char *txt, size_t n, const char *agent, vg_robots **out)
{
    *out = NULL;
    if (n > MAX_ROBOTS_BYTES) n = MAX_ROBOTS_BYTES;
    parser ps = {agent, {NULL, 0, 0, -1}, {NULL, 0, 0, -1}, 0, 0, 0, 0};
    const char *p = txt, *end = txt + n;
    int oom = 0;
    while (p < end && !oom) {
        const char *eol = p;
        while (eol < end && *eol != '\n' && *eol != '\r') eol++;
        const char *k, *v;
        size_t kl, vl;
        if (split_line(p, eol, &k, &kl, &v, &vl)) {
            if (kl == 10 && strncasecmp(k, "user-agent", 10) == 0) agent_line(&ps, v, vl);
            else oom = group_line(&ps, k, kl, v, vl) != 0;
        }
        p = eol;
        while (p < end && (*p == '\n' || *p == '\r')) p++;
    }
    return finish(&ps, oom, out);
}

/* Does pattern (with * and a final $) match the start of path? Iterative
 * with one backtrack point per '*', so hostile patterns stay linear-ish. */
static int match(const char *pat, size_t pl, const char *path)
{
    size_t pi = 0, si = 0, star_pi = (size_t)-1, star_si = 0;
    size_t sl = strlen(path);
    for (;;) {
        if (pi < pl && pat[pi] == '$' && pi + 1 == pl) {
            if (si == sl) return 1;
        } else if (pi == pl) {
            return 1; /* prefix matched */
        } else if (pat[pi] == '*') {
            star_pi = ++pi;
            star_si = si;
            continue;
        } else if (si < sl && pat[pi] == path[si]) {
            pi++;
            si++;
            continue;
        }
        if (star_pi == (size_t)-1 || star_si >= sl) return 0;
        pi = star_pi;
        si = ++star_si;
    }
}

int vg_robots_allowed(const vg_robots *r, const char *raw_path)
{
    if (!r) return 1;
    if (strcmp(raw_path, "/robots.txt") == 0) return 1;
    if (r->deny_all) return 0;
    if (!r->n) return 1;
    size_t rl = strlen(raw_path);
    char small[1024], *path = rl < sizeof small / 3 ? small : vg_malloc(3 * rl + 1);
    if (!path) return 0; /* out of memory: not allowed, the cautious answer */
    normalise(raw_path, rl, path);
    size_t best = 0;
    int found = 0, allow = 1;
    for (size_t i = 0; i < r->n; i++) {
        const rule *ru = &r->rules[i];
        if (!match(ru->pat, ru->len, path)) continue;
        if (!found || ru->len > best || (ru->len == best && ru->allow)) {
            best = ru->len;
            allow = ru->allow;
            found = 1;
        }
    }
    if (path != small) free(path);
    return found ? allow : 1;
}

long vg_robots_crawl_delay_ms(const vg_robots *r) { return r ? r->delay_ms : -1; }

void vg_robots_free(vg_robots *r)
{
    if (!r) return;
    free_rules(r->rules, r->n);
    free(r);
}
