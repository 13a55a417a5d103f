/* countries.c - the country a person names: a name in any language the gazetteer knows, an
 * ISO 3166-1 alpha-2 code, or an alpha-3 one (Debian's iso-codes table, which also gives
 * English names when no gazetteer is built). No country list lives in C. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze_int.h"
#include "places.h"
#include "../core/alloc.h"
#include "../core/arena.h"
#include "../core/json.h"

#ifndef VG_ISO3166_JSON
#define VG_ISO3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"
#endif

/* The "3166-1" array of Debian's iso-codes, or NULL (file missing or unreadable). */
static const vg_jval *iso_table(vg_arena *a, char **text)
{
    FILE *f = fopen(VG_ISO3166_JSON, "rb");
    if (!f) return NULL;
    char *s = NULL;
    size_t n = 0, cap = 0, got;
    char buf[65536];
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        if (n + got > cap) {
            cap = (n + got) * 2;
            char *t = vg_realloc(s, cap);
            if (!t) { free(s); fclose(f); return NULL; }
            s = t;
        }
        memcpy(s + n, buf, got);
        n += got;
    }
    fclose(f);
    char err[128];
    const vg_jval *root = s ? vg_json_parse(a, s, n, err, sizeof err) : NULL;
    *text = s; /* values may point into it: freed by the caller */
    const vg_jval *t = root ? vg_json_get(root, "3166-1") : NULL;
    return t && t->type == VG_JARR ? t : NULL;
}

static const char *field(const vg_jval *o, const char *k)
{
    const vg_jval *v = vg_json_get(o, k);
    return v && v->type == VG_JSTR ? v->str : NULL;
}

/* The alpha-2 code of the iso-codes entry whose `key` is s (case-insensitive). */
static const char *iso_find(const vg_jval *t, const char *const *keys, size_t nk, const char *s)
{
    for (size_t i = 0; t && i < t->len; i++)
        for (size_t k = 0; k < nk; k++) {
            const char *v = field(t->items[i], keys[k]);
            if (v && !strcasecmp(v, s)) return field(t->items[i], "alpha_2");
        }
    return NULL;
}

/* The iso-codes table, read and parsed on first use only: the gazetteer, when built,
 * answers most names without it. */
typedef struct iso_codes {
    vg_arena *a;
    char *json;
    const vg_jval *t;
    int read, nomem;
} iso_codes;

static const vg_jval *iso_codes_get(iso_codes *ic)
{
    if (!ic->read) {
        ic->read = 1;
        ic->a = vg_arena_new(1 << 16);
        ic->nomem = !ic->a;
        if (ic->a) ic->t = iso_table(ic->a, &ic->json);
    }
    return ic->t;
}

static int all_letters(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isalpha((unsigned char)s[i])) return 0;
    return 1;
}

vg_status vg_an_country_code(const vg_analyzer *an, const char *text, char iso2[3])
{
    iso2[0] = 0;
    while (*text == ' ') text++;
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ') n--;
    if (n == 0 || n > 200) return VG_ERR_NOT_FOUND;
    char s[201];
    memcpy(s, text, n);
    s[n] = 0;
    const vg_gazetteer *g = an ? an->gaz : NULL;
    iso_codes ic = {0};
    const char *code = NULL;
    char up[4] = "";
    if ((n == 2 || n == 3) && all_letters(s, n)) {
        for (size_t i = 0; i < n; i++) up[i] = (char)toupper((unsigned char)s[i]);
        up[n] = 0;
        static const char *const a2[] = {"alpha_2"}, *const a3[] = {"alpha_3"};
        const vg_place *p = n == 2 && g ? vg_gazetteer_country(g, up, 2) : NULL;
        code = p ? p->iso2 : iso_find(iso_codes_get(&ic), n == 2 ? a2 : a3, 1, up);
    }
    if (!code && g) {
        const vg_place *p = vg_gazetteer_country(g, s, n);
        if (p) code = p->iso2;
    }
    if (!code) {
        static const char *const names[] = {"name", "common_name", "official_name"};
        code = iso_find(iso_codes_get(&ic), names, 3, s);
    }
    vg_status st = ic.nomem ? VG_ERR_NOMEM : VG_ERR_NOT_FOUND;
    if (code && strlen(code) == 2) {
        memcpy(iso2, code, 3);
        st = VG_OK;
    }
    vg_arena_free(ic.a);
    free(ic.json);
    return st;
}
