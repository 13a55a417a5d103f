/* places.c - finds place names in text and resolves each to one gazetteer entry using the rest of the text. */
#include "places.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/utf8.h"

#define MAX_TEXT (8u << 20)   /* past this, only the first 8 MB are read */
#define MAX_SPAN 5            /* tokens in one place name */
#define MAX_CAND 64           /* homonyms examined per mention */
#define N_ISO (26 * 26)
#define ISOLATED_KM 150.0       /* a small town farther than this from every other place named: doubtful */
#define ADMIN_NAMED_BONUS 2.0f  /* a town in the division another name of the text names */

typedef struct tok {
    uint32_t s, e;          /* byte span in the text */
    const char *fold;       /* folded text (arena) */
    uint16_t flen;
    uint8_t upper;          /* starts with a capital */
    uint8_t caps;           /* every letter a capital (acronym) */
    uint8_t sent;           /* first word of a sentence */
    uint8_t glued;          /* only a space, hyphen or apostrophe since the previous token */
    uint8_t apos;           /* an apostrophe right before (Dar'a, Ma'arrat) */
} tok;

typedef struct mention {
    uint32_t t0, t1;        /* tokens t0..t1 inclusive */
    const uint32_t *post;
    uint32_t n_post;
    uint8_t skel, prep, near, admin, stop;
    uint8_t part;           /* glued to capitalised words that are not part of the name */
    uint8_t common;         /* a dictionary word ("Mobile", "Battalion") */
    uint8_t chain;          /* listed next to another name of the same country: "Amra, Vesko" */
    uint8_t caps;           /* written in capitals: an acronym unless it names a country ("RDC", "USA") */
    uint8_t origin;         /* right after an origin word ("from") */
    uint8_t pair;           /* one end of a hyphenated pair ("the Amra-Vesko highway"): a road, seldom the scene */
    uint8_t proper;         /* a name the dictionary knows ("Scott", "Obama"): a person's as often as a place's */
    uint8_t introduced;     /* presented as a settlement: "the town of Amra", "la ville de Vesko" */
    uint8_t landmark;       /* names a street or square ("Lima square", "rue de Paris"), seldom the scene */
    uint8_t closes;         /* right before a closing parenthesis */
    uint8_t listed;         /* written where a division qualifies a name: 1 "Amra, Cardo", 2 "Amra (Vesko, Cardo)" */
    uint8_t person;         /* a person's name: 1 after a title ("le président Obama"), 3 a surname after a
                               first name ("Jovaniel Cordova", kept as a piece of a name); 2 that name
                               alone elsewhere in the text ("Cordova was sued") */
    int32_t qual;           /* the country the text places it in ("Yida, South Sudan", "in South Sudan",
                               "South Sudan's Unity"): that country's entry, -1 none */
    const uint32_t *adm_cc; /* countries whose divisions go by the division word beside it ("state") */
    uint32_t n_adm_cc;
    int32_t best;           /* entry index, -1 none */
    float score, second;
} mention;

static int reading_in_qual(const vg_gazetteer *g, const mention *x);

static int iso_ix(const char *cc)
{
    if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return -1;
    return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

static int ends_sentence(unsigned char c)
{
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == 0xbb;
}

/* Word tokens with the facts place finding needs; folded text only for capitalised
 * tokens and short lowercase ones (connectors, prepositions, demonyms). */
static vg_status tokenize(vg_arena *a, const char *text, size_t n, tok **out, size_t *n_out)
{
    size_t cap = 256, nt = 0;
    tok *t = vg_arena_alloc(a, cap * sizeof *t);
    if (!t) return VG_ERR_NOMEM;
    int sent = 1, glued = 0, apos = 0;
    size_t i = 0;
    while (i < n) {
        size_t len;
        int32_t cp = vg_utf8_decode(text + i, n - i, &len);
        if (!vg_is_alnum(cp)) {
            unsigned char c = (unsigned char)text[i];
            if (ends_sentence(c)) sent = 1;
            /* '&' joins the halves of abbreviations ("J&K") */
            if (!(c == ' ' || c == '-' || c == '\'' || c == '&' || cp == 0x2019 || cp == 0x2010 || cp == 0x2011)) glued = 0;
            apos = apos == 0 && (c == '\'' || cp == 0x2019) && glued ? 1 : 2;
            i += len;
            continue;
        }
        size_t s = i;
        int upper = vg_is_upper(cp), caps = 1, ascii = 1, letters = 0;
        while (i < n) {
            cp = vg_utf8_decode(text + i, n - i, &len);
            if (!vg_is_alnum(cp)) break;
            if (cp >= 0x80) ascii = 0;
            if (!(cp >= '0' && cp <= '9')) {
                letters++;
                if (!vg_is_upper(cp)) caps = 0;
            }
            i += len;
        }
        if (nt == cap) {
            if (cap >= (1u << 22)) break;
            tok *nt2 = vg_arena_grow(a, t, cap * sizeof *t, cap * 2 * sizeof *t);
            if (!nt2) return VG_ERR_NOMEM;
            t = nt2;
            cap *= 2;
        }
        tok *k = &t[nt++];
        memset(k, 0, sizeof *k);
        k->s = (uint32_t)s;
        k->e = (uint32_t)i;
        k->upper = (uint8_t)upper;
        k->caps = (uint8_t)(caps && letters > 1);
        k->sent = (uint8_t)sent;
        k->glued = (uint8_t)glued;
        k->apos = apos == 1;
        apos = 0;
        size_t wl = i - s;
        if (wl <= 64) {
            size_t fl = 0;
            char *f;
            if (ascii) {
                f = vg_arena_alloc(a, wl + 1);
                if (!f) return VG_ERR_NOMEM;
                for (size_t j = 0; j < wl; j++) {
                    char c = text[s + j];
                    f[j] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                }
                f[wl] = 0;
                fl = wl;
            } else {
                f = vg_fold(a, text + s, wl, &fl);
                if (!f) return VG_ERR_NOMEM;
            }
            k->fold = f;
            k->flen = (uint16_t)(fl > 255 ? 255 : fl);
        }
        sent = 0;
        glued = 1;
    }
    *out = t;
    *n_out = nt;
    return VG_OK;
}

/* Key for tokens a..b: folded words joined by spaces, then vg_gz_key. */
static size_t span_key(const tok *t, size_t a, size_t b, char kind, int skel, char *key, size_t cap)
{
    char buf[VG_GZ_KEY_MAX];
    size_t o = 0;
    for (size_t k = a; k <= b; k++) {
        if (!t[k].fold || o + t[k].flen + 2 > sizeof buf) return 0;
        if (k > a) buf[o++] = ' ';
        memcpy(buf + o, t[k].fold, t[k].flen);
        o += t[k].flen;
    }
    return vg_gz_key(kind, buf, o, skel, key, cap);
}

static int word_is(const vg_gazetteer *g, const tok *t, char kind)
{
    if (!t->fold || t->flen + 2 > VG_GZ_KEY_MAX) return 0;
    char key[VG_GZ_KEY_MAX];
    key[0] = kind;
    memcpy(key + 1, t->fold, t->flen);
    key[t->flen + 1] = 0;
    size_t np;
    int found;
    vg_gz_lookup(g, key, t->flen + 1u, &np, &found);
    return found;
}

/* A capitalised word that is neither a function or dictionary word nor a
 * division/approximation word: next to a match, it means the match is only a
 * piece of a longer name ("Tal" in "Tal Amra", "Jean" in "Jean Dupont"). */
static int name_word(const vg_gazetteer *g, const tok *t)
{
    return t->upper && !word_is(g, t, VG_GZ_ADMIN) && !word_is(g, t, VG_GZ_NEAR) && !word_is(g, t, VG_GZ_PREP) &&
           !word_is(g, t, VG_GZ_COMMON);
}

/* "the Amra-Vesko highway", "the Amra-Vesko road": two places joined by a hyphen
 * name a road or a front between them, not one longer name: tokens a and b=a+1
 * are joined by a lone hyphen and each is a place name by itself. */
static int hyphen_pair(const vg_gazetteer *g, const char *text, const tok *t, size_t nt, size_t a, size_t b)
{
    if (t[b].s != t[a].e + 1 || text[t[a].e] != '-' || !t[a].upper || !t[b].upper || t[a].flen < 3) return 0;
    int ka = word_is(g, &t[a], VG_GZ_EXACT), kb = word_is(g, &t[b], VG_GZ_EXACT);
    /* "the Amra-Zzyx road": one end unknown, but a road word says two places are joined */
    int road = b + 1 < nt && t[b + 1].glued && !t[b + 1].sent && word_is(g, &t[b + 1], VG_GZ_AFTER);
    return (ka && kb) || ((ka || kb) && road);
}

/* Can token k continue a place name started before it? Capitals, or short
 * lowercase connectors inside the name ("Deir el-Amra", "Kafr el-Vesko"). */
static int continues(const tok *t, size_t k)
{
    if (!t[k].glued || t[k].sent) return 0;
    if (t[k].upper) return 1;
    return t[k].flen <= 3 && t[k].e - t[k].s <= 3;
}

static double dist_km(double la1, double lo1, double la2, double lo2)
{
    const double r = 0.017453292519943295;
    double x = (lo2 - lo1) * r * cos((la1 + la2) * 0.5 * r), y = (la2 - la1) * r;
    return 6371.0 * sqrt(x * x + y * y);
}

/* Edit distance between two short ASCII-folded strings, letters only. */
static size_t letters_of(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (; *s && o + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c >= 'a' && c <= 'z') out[o++] = (char)c;
    }
    out[o] = 0;
    return o;
}

static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t row[65];
    if (na > 64 || nb > 64) return 64;
    for (size_t j = 0; j <= nb; j++) row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v) v = up + 1;
            if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
        }
    }
    return row[nb];
}

/* A skeleton match is a spelling variant only if the spellings are still close
 * (Amrab/Amrib, Boukardo/Abu Kardo), not any word with the same consonants.
 * a: the mention's letters. */
static int close_spelling(const vg_gazetteer *g, const char *a, size_t na, uint32_t idx)
{
    char b[VG_GZ_KEY_MAX];
    size_t nb = letters_of(vg_gz_str(g, vg_gz_entry_at(g, idx)->name), b, sizeof b);
    const char *bp = b;
    if (nb > 4 && (b[0] == 'a' || b[0] == 'e') && b[1] == 'l' && !(na >= 2 && a[0] == b[0] && a[1] == 'l')) {
        bp += 2; /* "Al Boukardo" against "Boukardo" */
        nb -= 2;
    }
    size_t mx = na > nb ? na : nb;
    size_t diff = na > nb ? na - nb : nb - na;
    if (mx == 0 || diff * 100 > mx * 35) return 0;
    return edit_distance(a, na, bp, nb) * 100 <= mx * 35;
}

/* Keeps the skeleton candidates spelled close to the mention; count of kept. */
static size_t filter_skeleton(const vg_gazetteer *g, vg_arena *ar, const tok *t, size_t t0, size_t t1,
                              const uint32_t **post, size_t np)
{
    char joined[VG_GZ_KEY_MAX], a[VG_GZ_KEY_MAX];
    size_t o = 0;
    for (size_t k = t0; k <= t1 && t[k].fold; k++) {
        if (o + t[k].flen + 1 >= sizeof joined) break;
        memcpy(joined + o, t[k].fold, t[k].flen);
        o += t[k].flen;
    }
    joined[o] = 0;
    size_t na = letters_of(joined, a, sizeof a);
    if (np > 16) np = 16; /* the most important few: a skeleton shared by more is noise anyway */
    uint32_t *kept = vg_arena_alloc(ar, np * sizeof *kept + 1);
    if (!kept) return 0;
    size_t nk = 0;
    for (size_t c = 0; c < np; c++) {
        uint32_t idx = (*post)[c] & ~VG_GZ_PRIMARY;
        /* Spelling variants come from transliteration: "Kardo" is no spelling of Cardeau. */
        if (!(vg_gz_entry_at(g, idx)->flags & VG_GZ_F_TRANSLIT)) continue;
        if (close_spelling(g, a, na, idx)) kept[nk++] = (*post)[c];
    }
    *post = kept;
    return nk;
}

static float base_score(const vg_gz_entry *e, const mention *m, uint32_t post)
{
    float s;
    if (e->kind == VG_PLACE_COUNTRY) s = (post & VG_GZ_PRIMARY) ? 5.0f : 2.5f; /* "Salvador" is not El Salvador */
    else if (e->kind == VG_PLACE_ADMIN1) s = m->admin ? 5.5f : 2.5f;
    else s = 0.25f * e->rank + 0.35f * (float)log10((double)e->population + 1.0);
    if (!(post & VG_GZ_PRIMARY)) s -= 1.0f;
    if (m->skel) s -= 1.0f;
    return s;
}

/* Picks each mention's entry given country votes and, when have_prev, the
 * previous winners of the other mentions (nearby places support each other). */
typedef struct admset {
    uint32_t name[32];
    char cc[32][2];
    uint32_t mention[32]; /* which mention can be read as that division */
    const uint32_t *post[32]; /* its readings: the same name written twice has the same ones */
    uint8_t primary[32];      /* read through the division's main name, not an old or foreign one */
    size_t n;
} admset;

/* Divisions the text may name: every admin1 reading of every (non-skeleton) mention. */
static void collect_admin(const vg_gazetteer *g, const mention *m, size_t nm, admset *s)
{
    s->n = 0;
    for (size_t i = 0; i < nm && s->n < 32; i++) {
        if (m[i].skel) continue;
        for (uint32_t c = 0; c < m[i].n_post && c < MAX_CAND && s->n < 32; c++) {
            const vg_gz_entry *e = vg_gz_entry_at(g, m[i].post[c] & ~VG_GZ_PRIMARY);
            if (e->kind != VG_PLACE_ADMIN1) continue;
            s->name[s->n] = e->name;
            memcpy(s->cc[s->n], e->iso2, 2);
            s->mention[s->n] = (uint32_t)i;
            s->post[s->n] = m[i].post;
            s->primary[s->n] = (m[i].post[c] & VG_GZ_PRIMARY) != 0;
            s->n++;
        }
    }
}

/* 2: e lies in a division another name of the text names ("a village, its oblast");
 * 1: only its own name also reads as its division (a seat named like it); -1: the text
 * names divisions of e's country but not e's; 0: no division of that country
 * named. self: the mention e is read from: a city named like a division
 * (a capital city and the province around it) is no testimony against itself. Names are
 * interned in the file, so equal strings have equal offsets. */
static int admin_agrees(const vg_gz_entry *e, const admset *s, size_t self, const uint32_t *self_post, int rival)
{
    if (e->kind != VG_PLACE_CITY || !e->admin1) return 0;
    int same_cc = 0, own = 0;
    for (size_t k = 0; k < s->n; k++) {
        if (memcmp(s->cc[k], e->iso2, 2)) continue;
        /* "Amra city (Amra, TN)": the same name again is no other testimony */
        if (s->mention[k] == self || s->post[k] == self_post) {
            own |= s->name[k] == e->admin1 && (s->primary[k] || !rival);
            continue;
        }
        same_cc = 1;
        if (s->name[k] == e->admin1) return 2;
    }
    return own ? 1 : same_cc ? -1 : 0;
}

/* Is some town of the mention's readings so named outright? Then a division known by the
 * name only as an old or foreign one ("Amra" for the district of Vesko) does not vouch for its seat. */
static int primary_town(const vg_gazetteer *g, const mention *m)
{
    for (uint32_t c = 0; c < m->n_post && c < MAX_CAND; c++)
        if ((m->post[c] & VG_GZ_PRIMARY) && vg_gz_entry_at(g, m->post[c] & ~VG_GZ_PRIMARY)->kind == VG_PLACE_CITY)
            return 1;
    return 0;
}

static void resolve(const vg_gazetteer *g, mention *m, size_t nm, const float *votes, float vtotal,
                    const int32_t *prev, const admset *adm)
{
    for (size_t i = 0; i < nm; i++) {
        float best = -1e9f, second = -1e9f;
        int32_t bi = -1;
        size_t nc = m[i].n_post < MAX_CAND ? m[i].n_post : MAX_CAND;
        int rival = primary_town(g, &m[i]);
        /* placed in a country by the text: only its readings there; none, no reading at all */
        const vg_gz_entry *q = m[i].qual >= 0 ? vg_gz_entry_at(g, (uint32_t)m[i].qual) : NULL;
        if (q && !reading_in_qual(g, &m[i])) nc = 0;
        for (size_t c = 0; c < nc; c++) {
            uint32_t idx = m[i].post[c] & ~VG_GZ_PRIMARY;
            const vg_gz_entry *e = vg_gz_entry_at(g, idx);
            if (q && memcmp(e->iso2, q->iso2, 2)) continue;
            float s = base_score(e, &m[i], m[i].post[c]);
            int ci = iso_ix(e->iso2);
            if (vtotal > 0 && ci >= 0) s += 2.5f * votes[ci] / vtotal;
            /* "Amra state" is one country's, "Amra department" another's: the word the
             * country uses for its divisions picks among same-named divisions. */
            if (e->kind == VG_PLACE_ADMIN1 && m[i].n_adm_cc) {
                int listed = 0;
                for (uint32_t k = 0; k < m[i].n_adm_cc && !listed; k++)
                    listed = (m[i].adm_cc[k] & ~VG_GZ_PRIMARY) == e->country;
                s += listed ? 0.6f : -0.6f;
            }
            /* "Amra (Vesko)": the division named next to a town picks among homonyms. */
            int agrees = admin_agrees(e, adm, i, m[i].post, rival);
            if (agrees > 0) s += agrees == 2 ? ADMIN_NAMED_BONUS : 1.5f;
            if (prev && e->kind != VG_PLACE_COUNTRY) {
                int near = 0;
                for (size_t j = 0; j < nm && !near; j++) {
                    if (j == i || prev[j] < 0) continue;
                    const vg_gz_entry *o = vg_gz_entry_at(g, (uint32_t)prev[j]);
                    if (o->kind == VG_PLACE_COUNTRY || (uint32_t)prev[j] == idx) continue;
                    if (fabsf(e->lat - o->lat) < 1.5f && dist_km(e->lat, e->lon, o->lat, o->lon) < 150.0) near = 1;
                }
                s += 0.8f * near;
            }
            if (s > best) { second = best; best = s; bi = (int32_t)idx; }
            else if (s > second) second = s;
        }
        /* Without "province"/"governorate" around it, a division's name more often
         * means its seat town, when the seat bears the name (Homs, Idlib). */
        const vg_gz_entry *be = bi >= 0 ? vg_gz_entry_at(g, (uint32_t)bi) : NULL;
        if (be && be->kind == VG_PLACE_ADMIN1 && !m[i].admin) {
            for (size_t c = 0; c < nc; c++) {
                uint32_t idx = m[i].post[c] & ~VG_GZ_PRIMARY;
                const vg_gz_entry *e = vg_gz_entry_at(g, idx);
                if (e->kind == VG_PLACE_CITY && (m[i].post[c] & VG_GZ_PRIMARY) && e->admin1 == be->name &&
                    fabsf(e->lat - be->lat) < 0.05f &&
                    fabsf(e->lon - be->lon) < 0.05f) {
                    bi = (int32_t)idx;
                    break;
                }
            }
        }
        m[i].best = bi;
        m[i].score = best;
        m[i].second = second;
    }
}

/* Does the mention have enough evidence to be a place? A name that is also a
 * common word, an acronym, a sentence's first word or a small place unknown
 * to the text's countries needs a preposition before it or a country context. */
static int accept(const vg_gazetteer *g, const mention *m, const float *votes, float vtotal)
{
    if (m->best < 0) return 0;
    const vg_gz_entry *e = vg_gz_entry_at(g, (uint32_t)m->best);
    int ci = iso_ix(e->iso2);
    float share = vtotal > 0 && ci >= 0 ? votes[ci] / vtotal : 0;
    int context = share >= 0.25f;
    int big = e->kind == VG_PLACE_COUNTRY || e->kind == VG_PLACE_ADMIN1 || e->population >= 100000;
    int primary = 0, div_primary = 0;
    for (uint32_t c = 0; c < m->n_post && c < MAX_CAND; c++) {
        uint32_t idx = m->post[c] & ~VG_GZ_PRIMARY;
        if (idx == (uint32_t)m->best) primary = (m->post[c] & VG_GZ_PRIMARY) != 0;
        /* Also the name of a division of the same country: as good as a large place. */
        const vg_gz_entry *o = vg_gz_entry_at(g, idx);
        if (o->kind == VG_PLACE_ADMIN1 && !memcmp(o->iso2, e->iso2, 2) && !m->skel) {
            big = 1;
            /* the division's own name read as its seat town ("Vesko" for Amra, its seat) */
            if (m->post[c] & VG_GZ_PRIMARY) div_primary = 1;
        }
    }
    primary |= div_primary;
    /* "Amra district", "Vesko State": a division word beside the name says it is a place */
    int evidence = m->prep || m->chain || m->admin || m->qual >= 0;
    /* "near Amra, Cardo", "at the prison (Cardo)": the name qualifies an unknown one; a
     * division or a large place read there is where the text locates it. */
    if (m->listed && !m->skel && (m->listed == 2 || big || e->kind == VG_PLACE_ADMIN2 || e->rank >= 4)) evidence = 1;
    /* A town that also names its division ("in Amra", "in Vesko") is a place even when it
     * is a dictionary word elsewhere: the division is known in its country at large. */
    int division = big && e->kind == VG_PLACE_CITY && e->population < 100000 && evidence && !m->skel;
    if (m->stop && !(m->prep && context)) return 0;
    /* "a village (Amra, UP)": an abbreviated division closing the parenthesis after a name */
    int caps_division = m->caps && m->listed == 2 && m->closes && e->kind == VG_PLACE_ADMIN1;
    if (m->caps && e->kind != VG_PLACE_COUNTRY && !(m->prep && (context || big)) && !caps_division) return 0;

    if (m->caps && e->kind != VG_PLACE_COUNTRY && !m->chain && !caps_division) return 0; /* "OTAN", "UN": organisations */
    /* ...but a division's seat after a preposition ("in Amra") is the place the dictionary knows */
    if (m->proper && e->kind == VG_PLACE_CITY && e->population < 50000 && !(context && evidence) && !division &&
        !(m->prep && e->rank >= 4))
        return 0;
    /* Transliteration skeletons and foreign alternate names match too many
     * ordinary words; they count only inside a country the text is about. */
    if (m->skel && !(context && (m->prep || m->chain || m->admin || m->listed || share >= 0.5f))) return 0;
    /* A foreign or former name alone needs the country, or a preposition before a
     * large place or the only place so called ("near Amra", now Vesko). */
    if (!primary && m->t0 == m->t1 && !context && !(evidence && (big || (m->n_post == 1 && !m->common)))) return 0;
    if (m->part && !context) return 0;
    /* a qualifier ("near Amra, Cardo") counts like a preposition for a dictionary word */
    if (m->common && e->kind != VG_PLACE_COUNTRY && e->population < 500000 &&
        !((m->prep || m->listed) && (context || e->population >= 100000)) && !division &&
        !(m->admin && e->kind == VG_PLACE_ADMIN1))
        return 0;
    if (m->t0 == m->t1 && !big && !context && !evidence) return 0;
    if (e->kind == VG_PLACE_CITY && e->population < 20000 && e->rank < 3 && !context && !evidence) return 0;
    return 1;
}

static void add_vote(const vg_gazetteer *g, float *votes, float *total, uint32_t idx, float w)
{
    const vg_gz_entry *e = vg_gz_entry_at(g, idx);
    int ci = iso_ix(e->iso2);
    if (ci < 0) return;
    votes[ci] += w;
    *total += w;
}

/* Names listed together ("Amra, Vesko Oriental", "Cardo (Cardo, Vesko)")
 * are places of one country: when two neighbours, separated only by a comma or
 * a parenthesis, can both be read in exactly one common country, each is
 * evidence for the other and that country gains a vote. */
static void chain_lists(const vg_gazetteer *g, const char *text, const tok *t, mention *m, size_t nm, float *votes,
                        float *vtotal)
{
    for (size_t i = 0; i + 1 < nm; i++) {
        uint32_t a = t[m[i].t1].e, b = t[m[i + 1].t0].s;
        /* "Amra LGA, Vesko", "Amra province, Syria": a division or settlement word may sit between */
        size_t w = m[i].t1 + 1;
        if (w < m[i + 1].t0 && w + 1 == m[i + 1].t0 &&
            (word_is(g, &t[w], VG_GZ_AFTER) || word_is(g, &t[w], VG_GZ_ADMIN)))
            a = t[w].e;
        if (b - a > 4) continue;
        int sep = 0;
        for (uint32_t k = a; k < b; k++) {
            char c = text[k];
            if (c == ',' || c == '(' || c == ')') sep = 1;
            else if (c != ' ') { sep = 0; break; }
        }
        if (!sep) continue;
        int shared = -1, n_shared = 0;
        size_t na = m[i].n_post < 16 ? m[i].n_post : 16, nb = m[i + 1].n_post < 16 ? m[i + 1].n_post : 16;
        for (size_t x = 0; x < na && n_shared < 2; x++) {
            int cx = iso_ix(vg_gz_entry_at(g, m[i].post[x] & ~VG_GZ_PRIMARY)->iso2);
            if (cx < 0 || cx == shared) continue;
            for (size_t y = 0; y < nb; y++)
                if (iso_ix(vg_gz_entry_at(g, m[i + 1].post[y] & ~VG_GZ_PRIMARY)->iso2) == cx) {
                    shared = cx;
                    n_shared++;
                    break;
                }
        }
        if (n_shared != 1) continue;
        m[i].chain = m[i + 1].chain = 1;
        votes[shared] += 0.5f;
        *vtotal += 0.5f;
    }
}

/* Is the next non-blank byte after e a closing parenthesis? */
static int closes_paren(const char *text, size_t n, size_t e)
{
    while (e < n && text[e] == ' ') e++;
    return e < n && text[e] == ')';
}

/* Is the name at s inside a parenthesis opened right after a capitalised word
 * ("Amra (Vesko", "Amra (Vesko North LGA, Cardo")? Looks back at most 80 bytes. */
static int opens_after_name(const char *text, size_t s)
{
    size_t k = s, lim = s > 80 ? s - 80 : 0;
    while (k > lim && text[k - 1] != '(' && text[k - 1] != ')' && text[k - 1] != '.') k--;
    if (k == lim || text[k - 1] != '(') return 0;
    k--;
    while (k > 0 && text[k - 1] == ' ') k--;
    size_t w = k;
    while (w > 0 && (unsigned char)text[w - 1] != ' ' && text[w - 1] != ',' && text[w - 1] != '(') w--;
    if (w < k && (unsigned char)text[w] >= 'a' && (unsigned char)text[w] <= 'z' && w > 1 && text[w - 1] == ' ') {
        /* "Amra village (Vesko, Cardo)": one lowercase word may sit between the name and the parenthesis */
        k = w - 1;
        w = k;
        while (w > 0 && (unsigned char)text[w - 1] != ' ' && text[w - 1] != ',' && text[w - 1] != '(') w--;
    }
    return w < k && (((unsigned char)text[w] >= 'A' && (unsigned char)text[w] <= 'Z') || (unsigned char)text[w] >= 0xc0);
}

/* "France 2", "France 24 a rapporté": a country's name, a space and a small number, then
 * no lowercase word (unlike "in France 2 people died"), names a broadcaster, not the country. */
static int names_channel(const char *text, const tok *t, size_t nt, size_t j)
{
    if (j + 1 >= nt || t[j + 1].s != t[j].e + 1 || text[t[j].e] != ' ') return 0;
    size_t len = t[j + 1].e - t[j + 1].s;
    if (len > 2) return 0;
    for (size_t k = t[j + 1].s; k < t[j + 1].e; k++)
        if (text[k] < '0' || text[k] > '9') return 0;
    return !(j + 2 < nt && !t[j + 2].upper && t[j + 2].fold && t[j + 2].flen > 1 &&
             (t[j + 2].fold[0] < '0' || t[j + 2].fold[0] > '9'));
}

/* Is token i written right after a capitalised word and a comma ("Amra, Cardo")? */
static int follows_name_comma(const char *text, const tok *t, size_t i)
{
    if (i == 0 || !t[i - 1].upper || t[i - 1].sent) return 0;
    size_t k = t[i - 1].e;
    if (k >= t[i].s || text[k] != ',') return 0;
    for (k++; k < t[i].s; k++)
        if (text[k] != ' ') return 0;
    return 1;
}

static int has_admin_reading(const vg_gazetteer *g, const uint32_t *post, size_t np)
{
    for (size_t c = 0; c < np && c < MAX_CAND; c++)
        if (vg_gz_entry_at(g, post[c] & ~VG_GZ_PRIMARY)->kind == VG_PLACE_ADMIN1) return 1;
    return 0;
}

/* A division reading that is not only an old or foreign name of a division while a
 * town bears the name outright ("Amra" is no name of Vesko's district here). */
static int fair_admin_reading(const vg_gazetteer *g, const uint32_t *post, size_t np)
{
    int town = 0, alt_only = 1;
    for (size_t c = 0; c < np && c < MAX_CAND; c++) {
        const vg_gz_entry *e = vg_gz_entry_at(g, post[c] & ~VG_GZ_PRIMARY);
        if (e->kind == VG_PLACE_CITY && (post[c] & VG_GZ_PRIMARY)) town = 1;
        if (e->kind == VG_PLACE_ADMIN1 && (post[c] & VG_GZ_PRIMARY)) alt_only = 0;
    }
    return has_admin_reading(g, post, np) && !(town && alt_only);
}

/* Is the mention a large town (100,000 or more) with every reading in one country, not iso2? */
static int sure_town_elsewhere(const vg_gazetteer *g, const mention *m, const char *iso2)
{
    const vg_gz_entry *e = vg_gz_entry_at(g, (uint32_t)m->best);
    if (e->kind != VG_PLACE_CITY || e->population < 100000 || !memcmp(e->iso2, iso2, 2)) return 0;
    for (uint32_t c = 0; c < m->n_post && c < MAX_CAND; c++)
        if (memcmp(vg_gz_entry_at(g, m->post[c] & ~VG_GZ_PRIMARY)->iso2, e->iso2, 2)) return 0;
    return 1;
}

static int has_country_reading(const vg_gazetteer *g, const uint32_t *post, size_t np)
{
    for (size_t c = 0; c < np && c < MAX_CAND; c++)
        if (vg_gz_entry_at(g, post[c] & ~VG_GZ_PRIMARY)->kind == VG_PLACE_COUNTRY) return 1;
    return 0;
}

/* Did the mention's winner come from one of its main names? */
static int best_is_primary(const mention *m)
{
    for (uint32_t c = 0; c < m->n_post && c < MAX_CAND; c++)
        if ((m->post[c] & ~VG_GZ_PRIMARY) == (uint32_t)m->best) return (m->post[c] & VG_GZ_PRIMARY) != 0;
    return 0;
}

/* What the words around a mention of tokens [i,j] say about it: a
 * preposition, a division or settlement word, a road's end, a landmark, a
 * qualifier... (the flags of `mention`). Returns 0 when they say it is no
 * place at all (the start of an unknown name, a person's name). */
static int describe_mention(const vg_gazetteer *g, const char *text, size_t n, const tok *t, size_t nt,
                            size_t i, size_t j, int skel, const uint32_t *p, size_t np, mention *x)
{
    for (size_t b = 1; b <= 3 && b <= i; b++) {
        if (b == 1 && word_is(g, &t[i - 1], VG_GZ_PREP)) x->prep = 1; /* also "À Porto" */
        /* "de la RDC", "in the Donbas": a preposition, then a short article */
        if (b == 2 && !t[i - 1].upper && t[i - 1].flen <= 3 && word_is(g, &t[i - 2], VG_GZ_PREP)) x->prep = 1;
        if (t[i - b].upper) break;
        if (word_is(g, &t[i - b], VG_GZ_NEAR)) x->near = 1;
        if (word_is(g, &t[i - b], VG_GZ_ADMIN)) x->admin = 1;
    }
    if (j + 1 < nt && word_is(g, &t[j + 1], VG_GZ_ADMIN)) {
        x->admin = 1;
        char ak[VG_GZ_KEY_MAX];
        if (t[j + 1].fold && t[j + 1].flen + 2u < sizeof ak) {
            size_t an;
            ak[0] = VG_GZ_ADMIN;
            memcpy(ak + 1, t[j + 1].fold, t[j + 1].flen);
            ak[t[j + 1].flen + 1] = 0;
            x->adm_cc = vg_gz_lookup(g, ak, t[j + 1].flen + 1u, &an, NULL);
            x->n_adm_cc = x->adm_cc ? (uint32_t)an : 0;
        }
    }
    /* "Amra highway", "Vesko city": the word after says a settlement is named. */
    if (!skel && j + 1 < nt && t[j + 1].glued && !t[j + 1].sent && word_is(g, &t[j + 1], VG_GZ_AFTER) &&
        !(i > 0 && t[i].glued && t[i - 1].upper && !t[i - 1].sent))
        x->prep = 1;
    int pair_next = j + 1 < nt && hyphen_pair(g, text, t, nt, j, j + 1);
    x->pair = (uint8_t)(pair_next || (i > 0 && hyphen_pair(g, text, t, nt, i - 1, i)));
    /* "the Amra-Vesko road": the road word says both ends are settlements */
    size_t after_pair = pair_next ? j + 2 : j + 1;
    if (x->pair && after_pair < nt && t[after_pair].glued && !t[after_pair].sent &&
        word_is(g, &t[after_pair], VG_GZ_AFTER))
        x->prep = 1;
    if (!x->pair && ((j + 1 < nt && t[j + 1].glued && !t[j + 1].sent && name_word(g, &t[j + 1])) ||
                     (i > 0 && t[i].glued && !t[i].sent && name_word(g, &t[i - 1]))))
        x->part = 1;
    /* "Officer Jovaniel Cordova": a single name right after a first name that is no place
     * is a surname; the text means that person wherever it writes the name alone */
    if (i == j && i > 0 && t[i].glued && !t[i].sent && !t[i - 1].sent && !t[i].apos && text[t[i].s - 1] == ' ' && name_word(g, &t[i - 1]) &&
        !word_is(g, &t[i - 1], VG_GZ_EXACT) && !(i > 1 && word_is(g, &t[i - 2], VG_GZ_PREP)) && !has_country_reading(g, p, np))
        x->person = 3;
    /* "Sam's Club", "McDonald's Restaurant": a name in the possessive before a capitalised
     * word that is no place names a business, as a piece of a longer name */
    if (j + 2 < nt && t[j + 1].apos && t[j + 1].flen == 1 && t[j + 1].fold[0] == 's' && t[j + 2].upper &&
        !t[j + 2].sent && word_is(g, &t[j + 2], VG_GZ_COMMON) && !word_is(g, &t[j + 2], VG_GZ_EXACT) &&
        !word_is(g, &t[j + 2], VG_GZ_ADMIN) && !has_country_reading(g, p, np))
        x->part = 1;
    /* "Qasr" in "Qasr Bin Amra", "Wadi" in "Wadi al-Vesko": the start of an unknown name. */
    if (i == j && j + 1 < nt && t[j + 1].glued && !t[j + 1].sent && word_is(g, &t[i], VG_GZ_GENERIC) &&
        !word_is(g, &t[j + 1], VG_GZ_ADMIN) && !word_is(g, &t[j + 1], VG_GZ_NEAR) &&
        (t[j + 1].upper || (t[j + 1].flen <= 3 && j + 2 < nt && t[j + 2].upper && t[j + 2].glued)))
        return 0;
    /* "le président Obama", "Mr Scott", "général Bernard": a person. */
    if (i > 0 && t[i].glued &&
        (word_is(g, &t[i - 1], VG_GZ_TITLE) ||
         (i > 1 && t[i - 1].upper && t[i - 1].glued && word_is(g, &t[i - 2], VG_GZ_TITLE)))) {
        x->person = 1; /* kept until its namesakes in the text are known (drop_persons) */
        return 1;
    }
    x->common = (uint8_t)(i == j && word_is(g, &t[i], VG_GZ_COMMON));
    x->proper = (uint8_t)(i == j && word_is(g, &t[i], VG_GZ_PROPER));
    x->stop = (uint8_t)(i == j && (word_is(g, &t[i], VG_GZ_STOP) || t[i].sent));
    x->caps = t[i].caps;
    x->origin = (uint8_t)(i > 0 && word_is(g, &t[i - 1], VG_GZ_ORIGIN));
    x->landmark = (uint8_t)((j + 1 < nt && t[j + 1].glued && !t[j + 1].sent && word_is(g, &t[j + 1], VG_GZ_LANDMARK)) ||
                            (i > 1 && !t[i - 1].upper && word_is(g, &t[i - 1], VG_GZ_PREP) &&
                             word_is(g, &t[i - 2], VG_GZ_STREET)));
    x->introduced = (uint8_t)(i > 1 && !t[i - 1].upper && word_is(g, &t[i - 1], VG_GZ_PREP) &&
                              word_is(g, &t[i - 2], VG_GZ_AFTER));
    /* "Amra (Vesko LGA, Cardo)", "Amra (Cardo)": the last name of a
     * parenthesis that follows a name is where a division is written; read as one, it counts
     * as if "state" or "province" stood beside it. */
    if (!skel && !x->admin && closes_paren(text, n, t[j].e) && opens_after_name(text, t[i].s) &&
        fair_admin_reading(g, p, np))
        x->admin = 1;
    x->listed = (uint8_t)(opens_after_name(text, t[i].s) ? 2 : follows_name_comma(text, t, i));
    x->closes = (uint8_t)closes_paren(text, n, t[j].e);
    return 1;
}

/* "clashes in Amra area of Vesko city (Vesko, Cardo)": when a small town
 * lies far from every other place the text names in its country, and in none
 * of their divisions, the text most likely means a homonym the gazetteer lacks,
 * near the others: the town becomes doubtful, so the others come first. */
static void doubt_isolated(vg_place *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i].kind != VG_PLACE_CITY || p[i].population >= 100000 || p[i].confidence <= 0.3f) continue;
        if (p[i].introduced) continue; /* "the town of Amra": the text says which town it means */
        int others = 0, near = 0;
        for (size_t j = 0; j < n && !near; j++) {
            if (j == i || p[j].kind == VG_PLACE_COUNTRY || strcmp(p[j].iso2, p[i].iso2)) continue;
            if (!strcmp(p[j].name, p[i].name)) continue; /* the same name again */
            others++;
            if (dist_km(p[i].lat, p[i].lon, p[j].lat, p[j].lon) < ISOLATED_KM ||
                (p[i].admin1 && p[j].admin1 && !strcmp(p[i].admin1, p[j].admin1)))
                near = 1;
        }
        if (others && !near) p[i].confidence = 0.3f;
    }
}

/* Is mention b the same name as mention a (the same readings)? */
static int same_name(const mention *a, const mention *b)
{
    return a->post == b->post && a->n_post == b->n_post;
}

/* A name the text gives a person ("le président Obama", "Officer Jovaniel Cordova") is that
 * person's where it stands alone too ("Mourad and Cordova", "Cordova was sued"); only a
 * preposition, a division word or an introduction makes it a place there. Removes those
 * mentions; returns how many are left. */
static size_t drop_persons(mention *m, size_t nm)
{
    for (size_t i = 0; i < nm; i++) {
        if (m[i].person != 1 && m[i].person != 3) continue;
        for (size_t k = 0; k < nm; k++)
            if (!m[k].person && same_name(&m[k], &m[i]) && !m[k].prep && !m[k].admin && !m[k].introduced) m[k].person = 2;
    }
    size_t w = 0;
    for (size_t i = 0; i < nm; i++)
        if (m[i].person == 0 || m[i].person == 3) m[w++] = m[i];
    return w;
}

/* The country entry mention x is read as when it is a country's name (a main name), else -1. */
static int32_t country_of_mention(const vg_gazetteer *g, const mention *x)
{
    if (x->skel || !x->n_post || !(x->post[0] & VG_GZ_PRIMARY)) return -1;
    uint32_t idx = x->post[0] & ~VG_GZ_PRIMARY;
    return vg_gz_entry_at(g, idx)->kind == VG_PLACE_COUNTRY ? (int32_t)idx : -1;
}

/* Does the text between mentions a and b place a in b: "Amra, Syria", "Amra (Syria)", "Amra
 * in Syria", "the Amra refugee camp in Syria", "Amra Refugee Camp, Syria" (at most QUAL_GAP
 * words of one clause, then a preposition or a comma)? */
#define QUAL_GAP 3
static int placed_in(const vg_gazetteer *g, const char *text, const tok *t, const mention *a, const mention *b)
{
    uint32_t k0 = a->t1 + 1, k1 = b->t0;
    if (k1 < k0 || k1 - k0 > QUAL_GAP) return 0;
    if (k1 == k0) {
        int sep = 0;
        for (uint32_t p = t[a->t1].e; p < t[b->t0].s; p++) {
            if (text[p] == ',' || text[p] == '(') sep = 1;
            else if (text[p] != ' ') return 0;
        }
        return sep;
    }
    /* "... refugee camp in Syria" or "... Refugee Camp, Syria" */
    int prep = !t[k1 - 1].upper && word_is(g, &t[k1 - 1], VG_GZ_PREP);
    uint32_t last = prep ? k1 - 1 : k1;
    for (uint32_t k = k0; k < last; k++)
        if (!t[k].glued || t[k].sent) return 0;
    /* the name's own noun before it ("Refugee Camp", "refugee camp"), not a verb's object
     * ("Amra fired rockets at Syria") */
    if (last > k0 && !t[last - 1].upper && !word_is(g, &t[last - 1], VG_GZ_AFTER)) return 0;
    if (prep) return t[k1 - 1].glued && !t[k1 - 1].sent;
    for (uint32_t p = t[k1 - 1].e; p < t[b->t0].s; p++)
        if (text[p] != ',' && text[p] != ' ') return 0;
    return text[t[k1 - 1].e] == ',';
}

/* The country each mention is placed in by the text (mention.qual): by the country named
 * right after it, or by "Syria's" right before it; then every mention of the same name
 * follows (one text, one Amra). */
static void qualify(const vg_gazetteer *g, const char *text, const tok *t, mention *m, size_t nm)
{
    for (size_t i = 0; i < nm; i++) m[i].qual = -1;
    for (size_t i = 0; i < nm; i++) {
        if (country_of_mention(g, &m[i]) >= 0) continue;
        int32_t cc = -1;
        /* the country may come after other names of the gap ("Yida Refugee Camp in Syria") */
        for (size_t k = i + 1; k < nm && cc < 0 && m[k].t0 <= m[i].t1 + 1 + QUAL_GAP; k++)
            if (placed_in(g, text, t, &m[i], &m[k])) cc = country_of_mention(g, &m[k]);
        /* "South Sudan's Unity state": a country's possessive */
        if (cc < 0 && i > 0 && m[i].t0 == m[i - 1].t1 + 2 && t[m[i - 1].t1 + 1].apos && t[m[i - 1].t1 + 1].flen == 1 &&
            t[m[i - 1].t1 + 1].fold[0] == 's')
            cc = country_of_mention(g, &m[i - 1]);
        m[i].qual = cc;
    }
    for (size_t i = 0; i < nm; i++)
        for (size_t k = 0; k < nm && m[i].qual < 0; k++)
            if (m[k].qual >= 0 && same_name(&m[k], &m[i]) && country_of_mention(g, &m[i]) < 0) m[i].qual = m[k].qual;
}

/* Has the mention a reading in the country it is placed in? */
static int reading_in_qual(const vg_gazetteer *g, const mention *x)
{
    const vg_gz_entry *q = vg_gz_entry_at(g, (uint32_t)x->qual);
    for (uint32_t c = 0; c < x->n_post && c < MAX_CAND; c++)
        if (!memcmp(vg_gz_entry_at(g, x->post[c] & ~VG_GZ_PRIMARY)->iso2, q->iso2, 2)) return 1;
    return 0;
}

/* A scene the gazetteer lacks in the country the text places it in ("Yida, South Sudan"; the
 * gazetteer knows Yida only as a name of Jeddah): the division of that country the text names
 * nearest to it, else the country, at ACLED's geo_precision 3; never a namesake abroad. */
static void fallback_place(const vg_gazetteer *g, const tok *t, const mention *m, size_t nm, size_t i, vg_place *r)
{
    const vg_gz_entry *q = vg_gz_entry_at(g, (uint32_t)m[i].qual);
    int32_t best = m[i].qual;
    uint32_t bestd = UINT32_MAX;
    for (size_t k = 0; k < nm; k++) {
        if (k == i || m[k].best < 0) continue;
        const vg_gz_entry *e = vg_gz_entry_at(g, (uint32_t)m[k].best);
        if (e->kind != VG_PLACE_ADMIN1 || memcmp(e->iso2, q->iso2, 2)) continue;
        uint32_t d = m[k].t0 > m[i].t0 ? m[k].t0 - m[i].t0 : m[i].t0 - m[k].t0;
        if (d < bestd) { bestd = d; best = m[k].best; }
    }
    vg_gz_place(g, (uint32_t)best, r);
    r->start = t[m[i].t0].s;
    r->end = t[m[i].t1].e;
    r->geo_precision = 3;
    r->confidence = 0.5f;
}

vg_status vg_places_find(const vg_gazetteer *g, vg_arena *a, const char *text, size_t n, const char *lang,
                         vg_place **out, size_t *n_out)
{
    (void)lang; /* word lists from every language are compiled into the gazetteer */
    *out = NULL;
    *n_out = 0;
    if (!g || !a || (!text && n)) return VG_ERR_ARG;
    if (n > MAX_TEXT) n = MAX_TEXT;
    n = vg_utf8_valid_prefix(text, n);
    if (n == 0) return VG_OK;
    tok *t;
    size_t nt;
    vg_status st = tokenize(a, text, n, &t, &nt);
    if (st != VG_OK) return st;

    float *votes = vg_arena_calloc(a, N_ISO, sizeof *votes);
    size_t mcap = 64, nm = 0;
    mention *m = vg_arena_alloc(a, mcap * sizeof *m);
    if (!votes || !m) return VG_ERR_NOMEM;
    float vtotal = 0;
    char key[VG_GZ_KEY_MAX];

    for (size_t i = 0; i < nt; i++) {
        size_t np;
        const uint32_t *p;
        /* Demonyms ("syrien", "Iraqi") only give context; but a demonym before a
         * division word names the division ("Somali region"): asked only of a
         * demonym, it costs no lookup per token. */
        if (t[i].fold && (size_t)t[i].flen + 2 < sizeof key && !t[i].caps) {
            key[0] = VG_GZ_DEMONYM;
            memcpy(key + 1, t[i].fold, t[i].flen);
            key[t[i].flen + 1] = 0;
            p = vg_gz_lookup(g, key, t[i].flen + 1u, &np, NULL);
            if (p && np && !(i + 1 < nt && t[i + 1].glued && !t[i + 1].sent && word_is(g, &t[i + 1], VG_GZ_ADMIN))) {
                /* "Saudi-led", "Turkish-backed": the adjective describes an actor, not where. */
                int compound = t[i].e < n && text[t[i].e] == '-' && i + 1 < nt && t[i + 1].s == t[i].e + 1 &&
                               !t[i + 1].upper;
                add_vote(g, votes, &vtotal, p[0] & ~VG_GZ_PRIMARY, compound ? 0.2f : 1.0f);
                continue;
            }
        }
        /* A name starts at a capital, or at a lowercase article glued to one ("al-Bab"). */
        int art = !t[i].upper && t[i].fold && i + 1 < nt && t[i + 1].upper && t[i + 1].glued && !t[i + 1].sent &&
                  vg_gz_is_article(t[i].fold, t[i].flen);
        if ((!t[i].upper && !art) || !t[i].fold) continue;
        if (t[i].sent && word_is(g, &t[i], VG_GZ_PREP)) continue; /* "À Porto": the name starts after */
        size_t maxj = i;
        while (maxj + 1 < nt && maxj + 1 - i < MAX_SPAN && continues(t, maxj + 1)) maxj++;
        /* Longest exact name first; skip long spans when no key starts with this word. */
        size_t pk = span_key(t, i, i, VG_GZ_EXACT, 0, key, sizeof key);
        int multi = 0;
        if (maxj > i && pk > 1 && pk + 2 < sizeof key) {
            key[pk] = ' ';
            key[pk + 1] = 0;
            multi = vg_gz_has_prefix(g, key, pk + 1);
        }
        if (art) multi = 1;
        int found = 0, skel = 0;
        size_t j = maxj;
        p = NULL;
        np = 0;
        /* Skeletons only for words that are not dictionary words, and names of up to three words. */
        int lone_common = word_is(g, &t[i], VG_GZ_COMMON) || word_is(g, &t[i], VG_GZ_STOP);
        int try_skel = !t[i].caps;
        for (int pass = 0; pass < 1 + try_skel && !found; pass++) {
            for (j = pass == 0 ? (multi ? maxj : i) : (maxj - i > 2 ? i + 2 : maxj);; j--) {
                if (pass == 1 && j == i && lone_common) break; /* "Monde" is not a spelling of Mende */
                /* "Ras" of "Ras Al Ain": rather try the whole name's spellings. */
                if (pass == 0 && j == i && maxj > i && word_is(g, &t[i], VG_GZ_GENERIC)) break;
                if ((t[j].upper && j > i) || (j == i && !art) || (j > i && t[j].apos && t[j].flen <= 2)) {
                    size_t k = span_key(t, i, j, pass ? VG_GZ_SKEL : VG_GZ_EXACT, pass, key, sizeof key);
                    if (k > 1) {
                        p = vg_gz_lookup(g, key, k, &np, NULL);
                        if (p && np) { found = 1; skel = pass; break; }
                    }
                }
                if (j == i) break;
            }
        }
        /* two letters name a place only as an abbreviated division closing a parenthesis ("(Amra, UP)") */
        if (!found || (i == j && t[i].flen < 3 && !(t[i].caps && closes_paren(text, n, t[j].e) && has_admin_reading(g, p, np)))) continue;
        if (art && skel) continue; /* the article-less span is tried next */
        if (skel && t[i].caps) continue;  /* acronyms are not transliterations */
        if (skel && (np = filter_skeleton(g, a, t, i, j, &p, np)) == 0) continue;
        if (nm == mcap) {
            mention *nmv = vg_arena_grow(a, m, mcap * sizeof *m, mcap * 2 * sizeof *m);
            if (!nmv) return VG_ERR_NOMEM;
            m = nmv;
            mcap *= 2;
        }
        mention *x = &m[nm++];
        memset(x, 0, sizeof *x);
        x->t0 = (uint32_t)i;
        x->t1 = (uint32_t)j;
        x->post = p;
        x->n_post = (uint32_t)np;
        x->skel = (uint8_t)skel;
        x->best = -1;
        if (!describe_mention(g, text, n, t, nt, i, j, skel, p, np, x)) {
            nm--;
            continue;
        }
        if (x->person == 1) continue; /* the words after a person's name may start a place's */
        /* Country names are context as soon as they are seen. */
        const vg_gz_entry *e0 = vg_gz_entry_at(g, p[0] & ~VG_GZ_PRIMARY);
        if (e0->kind == VG_PLACE_COUNTRY && names_channel(text, t, nt, j)) {
            nm--;
            i = j + 1;
            continue;
        }
        if (e0->kind == VG_PLACE_COUNTRY && !skel && (p[0] & VG_GZ_PRIMARY))
            add_vote(g, votes, &vtotal, p[0] & ~VG_GZ_PRIMARY, 2.0f);
        i = j;
    }
    nm = drop_persons(m, nm);
    if (nm == 0) return VG_OK;
    qualify(g, text, t, m, nm);
    chain_lists(g, text, t, m, nm, votes, &vtotal);

    /* Pass 1 with the explicit context, then let confident winners vote, then pass 2 with proximity. */
    admset adm;
    collect_admin(g, m, nm, &adm);
    resolve(g, m, nm, votes, vtotal, NULL, &adm);
    int32_t *prev = vg_arena_alloc(a, nm * sizeof *prev);
    float *own = vg_arena_calloc(a, nm, sizeof *own); /* each mention's vote for its own country */
    if (!prev || !own) return VG_ERR_NOMEM;
    for (size_t i = 0; i < nm; i++) {
        prev[i] = accept(g, &m[i], votes, vtotal) ? m[i].best : -1;
        if (prev[i] < 0) continue;
        const vg_gz_entry *e = vg_gz_entry_at(g, (uint32_t)prev[i]);
        if (e->kind == VG_PLACE_COUNTRY) continue; /* already counted */
        float w = e->kind == VG_PLACE_ADMIN1 ? 1.0f : e->population >= 100000 ? 0.7f : 0.3f;
        if (m[i].score - m[i].second < 0.5f) w *= 0.5f;
        if (m[i].skel) w = 0; /* a skeleton match follows the context, it cannot make it */
        add_vote(g, votes, &vtotal, (uint32_t)prev[i], w);
        own[i] = w;
    }
    resolve(g, m, nm, votes, vtotal, prev, &adm);

    vg_place *res = vg_arena_calloc(a, nm, sizeof *res);
    if (!res) return VG_ERR_NOMEM;
    size_t nr = 0;
    int32_t last_ok = -1; /* the last accepted mention */
    for (size_t i = 0; i < nm; i++) {
        if (m[i].best < 0 && m[i].qual >= 0 && !m[i].skel && !m[i].common && !m[i].part) {
            fallback_place(g, t, m, nm, i, &res[nr++]);
            continue;
        }
        if (!accept(g, &m[i], votes, vtotal)) continue;
        /* "Amra town (Vesko, Ouest)": a qualifier read in another country than the large
         * town it qualifies, a town with no namesake abroad, is itself the namesake */
        if (m[i].listed && !m[i].chain && last_ok >= 0 && t[m[i].t0].s - t[m[last_ok].t1].e < 40 &&
            sure_town_elsewhere(g, &m[last_ok], vg_gz_entry_at(g, (uint32_t)m[i].best)->iso2))
            continue;
        last_ok = (int32_t)i;
        vg_place *r = &res[nr++];
        vg_gz_place(g, (uint32_t)m[i].best, r);
        r->start = t[m[i].t0].s;
        r->end = t[m[i].t1].e;
        if (m[i].near && r->kind == VG_PLACE_CITY) r->geo_precision = 2;
        r->origin = m[i].origin;
        r->introduced = m[i].introduced;
        if (r->kind == VG_PLACE_CITY)
            for (uint32_t k = 0; k < m[i].n_post && k < MAX_CAND; k++) {
                const vg_gz_entry *o = vg_gz_entry_at(g, m[i].post[k] & ~VG_GZ_PRIMARY);
                if (o->kind == VG_PLACE_ADMIN1 && !strcmp(o->iso2, r->iso2)) r->division_name = 1;
            }
        float margin = m[i].second > -1e8f ? m[i].score - m[i].second : 2.0f;
        float c = 0.5f + 0.2f * (margin > 2.0f ? 2.0f : margin);
        if (m[i].skel) c -= 0.2f;
        if (m[i].prep) c += 0.1f;
        /* A town in another division than the one the text names is doubtful when
         * its name has homonyms in that country (we may hold the wrong one). */
        const vg_gz_entry *be = vg_gz_entry_at(g, (uint32_t)m[i].best);
        if (admin_agrees(be, &adm, i, m[i].post, primary_town(g, &m[i])) < 0) {
            int homonyms = 0;
            for (uint32_t k = 0; k < m[i].n_post && k < MAX_CAND; k++)
                homonyms += !memcmp(vg_gz_entry_at(g, m[i].post[k] & ~VG_GZ_PRIMARY)->iso2, be->iso2, 2);
            if ((homonyms > 1 || m[i].skel) && !m[i].introduced) c = c > 0.3f ? 0.3f : c;
        }
        if (m[i].part && c > 0.45f) c = 0.45f; /* a piece of a longer name ("Tal" in "Tal Amra") */
        if (m[i].person == 3 && c > 0.3f) c = 0.3f; /* "Jovaniel Cordova": likelier a person than a place */
        if (m[i].pair && c > 0.5f) c = 0.5f;   /* an end of a road: any other town named is likelier the scene */
        if (m[i].landmark && c > 0.45f) c = 0.45f; /* "Lima square" in La Paz: a street named after a town */
        /* Read through an alternate (foreign, former) name in a country the text is not
         * otherwise about: often a place the gazetteer lacks, named like a far one. */
        int ci = iso_ix(be->iso2);
        float others = vtotal - own[i];
        float share = others > 0 && ci >= 0 ? (votes[ci] - own[i]) / others : 0;
        if (!best_is_primary(&m[i]) && be->kind == VG_PLACE_CITY && be->population < 100000 && share < 0.25f &&
            c > 0.5f)
            c = 0.5f;
        r->confidence = c < 0.05f ? 0.05f : c > 1.0f ? 1.0f : c;
    }
    doubt_isolated(res, nr);
    *out = res;
    *n_out = nr;
    return VG_OK;
}

size_t vg_places_primary(const vg_place *p, size_t n)
{
    /* The country the text is about: the one its places point to most. */
    char cc[64][2];
    float w[64];
    size_t ncc = 0, top = 0;
    for (size_t i = 0; i < n; i++) {
        /* a division named outright outweighs a town that may be a homonym ("Amra, Vesko Gerais") */
        float v = p[i].kind == VG_PLACE_COUNTRY ? 0.8f : p[i].kind == VG_PLACE_ADMIN1 ? 1.1f : p[i].confidence;
        size_t k;
        for (k = 0; k < ncc; k++)
            if (!memcmp(cc[k], p[i].iso2, 2)) break;
        if (k == ncc) {
            if (ncc == 64) continue;
            memcpy(cc[ncc], p[i].iso2, 2);
            w[ncc++] = 0;
        }
        w[k] += v;
        if (w[k] > w[top]) top = k;
    }
    /* The event's place: the first town or village named with some confidence,
     * else the first division, else the first country; doubtful towns and
     * places in other countries last. */
    size_t best = n;
    int best_rank = 99;
    for (size_t i = 0; i < n; i++) {
        int r = p[i].kind == VG_PLACE_CITY ? 0 : p[i].kind == VG_PLACE_ADMIN1 ? 2 : 6;
        if (p[i].kind == VG_PLACE_CITY && p[i].confidence < 0.55f) r = p[i].confidence < 0.35f ? 8 : 2;
        /* "fighters from Amra clashed in Vesko": a town of origin after any other town */
        if (p[i].kind == VG_PLACE_CITY && p[i].origin && r == 0) r = 1;
        if (ncc > 1 && memcmp(p[i].iso2, cc[top], 2)) r += 10;
        if (r < best_rank) { best_rank = r; best = i; }
    }
    return best;
}
