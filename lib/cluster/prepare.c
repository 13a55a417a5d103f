/* prepare.c - vg_prepare: a document's near-duplicate signature and story
 * features, made from the document alone, so that loading threads can make
 * them ahead of the one thread that stores (vg_batch_set_prepare). Moved
 * from lib/store/stories.c (vg_db_prepare), which took no database; the
 * result is no longer kept in vg_doc but handed to vg_db_put_prepared. */
#include <string.h>

#include "prepare.h"

vg_status vg_prepare(vg_doc *doc, vg_prepared **out)
{
    if (!doc || !out || !doc->fields[VG_F_TEXT]) return VG_ERR_ARG;
    *out = NULL;
    vg_prepared *p = vg_arena_calloc(doc->arena, 1, sizeof *p);
    if (!p) return VG_ERR_NOMEM;
    vg_status s = vg_dedup_sign(doc->arena, doc->fields[VG_F_TEXT], doc->text_len, &p->sig);
    if (s == VG_OK) s = vg_cl_extract(doc, &p->features);
    if (s != VG_OK) return s;
    *out = p;
    return VG_OK;
}

/* ---------------------------------------------------------------- as bytes
 * Little-endian, fixed widths: a worker on one machine packs, the story
 * writer on another unpacks (lib/store/queue.c keeps the bytes between). */

#define PACK_MAGIC "VGP3" /* VGP1: before own_year; VGP2: before main_name */
/* Every field of vg_cl_doc is packed below: a field added there must be
 * added here (this fails to compile until then; tests/unit/test_pg.c
 * checks the round trip). */
_Static_assert(sizeof(vg_cl_doc) == 104 + VG_CL_LEAD_LEN, "vg_cl_doc changed: pack its new field in vg_prepared_pack");
#define PACK_MAX_TERMS (1u << 20)

static void put_u16(vg_buf *b, uint16_t v) { unsigned char c[2] = {(unsigned char)v, (unsigned char)(v >> 8)}; vg_buf_append(b, c, 2); }
static void put_u32(vg_buf *b, uint32_t v)
{
    unsigned char c[4];
    for (int i = 0; i < 4; i++) c[i] = (unsigned char)(v >> (8 * i));
    vg_buf_append(b, c, 4);
}
static void put_u64(vg_buf *b, uint64_t v)
{
    unsigned char c[8];
    for (int i = 0; i < 8; i++) c[i] = (unsigned char)(v >> (8 * i));
    vg_buf_append(b, c, 8);
}
static void put_f32(vg_buf *b, float f) { uint32_t v; memcpy(&v, &f, 4); put_u32(b, v); }
static void put_f64(vg_buf *b, double f) { uint64_t v; memcpy(&v, &f, 8); put_u64(b, v); }

void vg_prepared_pack(const vg_prepared *p, vg_buf *b)
{
    unsigned char mh[VG_MH_K * 4];
    vg_buf_append(b, PACK_MAGIC, 4);
    put_u64(b, p->sig.token_hash);
    put_u32(b, p->sig.n_words);
    put_u32(b, p->sig.n_shingles);
    vg_dedup_pack(&p->sig, mh);
    vg_buf_append(b, mh, sizeof mh);
    const vg_cl_doc *d = &p->features;
    put_u32(b, (uint32_t)d->n);
    for (size_t i = 0; i < d->n; i++) {
        put_u64(b, (uint64_t)d->terms[i].id);
        put_f32(b, d->terms[i].tf);
        put_f32(b, d->terms[i].w);
    }
    put_u32(b, (uint32_t)d->n_years);
    for (size_t i = 0; i < VG_CL_MAX_YEARS; i++) put_u16(b, d->years[i]);
    put_u16(b, d->pub_year);
    put_u16(b, d->own_year);
    put_u64(b, (uint64_t)d->main_name);
    vg_buf_append(b, d->event_date, sizeof d->event_date);
    vg_buf_append(b, d->lead, sizeof d->lead);
    put_f64(b, d->lat);
    put_f64(b, d->lon);
    put_u32(b, (uint32_t)d->has_coords);
    put_u32(b, (uint32_t)d->fatalities);
    vg_buf_append(b, d->day, sizeof d->day);
}

typedef struct rd { const unsigned char *p; size_t n; int bad; } rd;
static const unsigned char *take(rd *r, size_t k)
{
    if (r->bad || r->n < k) { r->bad = 1; return NULL; }
    const unsigned char *q = r->p;
    r->p += k;
    r->n -= k;
    return q;
}
static uint64_t get_le(rd *r, size_t k)
{
    const unsigned char *q = take(r, k);
    uint64_t v = 0;
    for (size_t i = 0; q && i < k; i++) v |= (uint64_t)q[i] << (8 * i);
    return v;
}
static float get_f32(rd *r) { uint32_t v = (uint32_t)get_le(r, 4); float f; memcpy(&f, &v, 4); return f; }
static double get_f64(rd *r) { uint64_t v = get_le(r, 8); double f; memcpy(&f, &v, 8); return f; }
static void get_str(rd *r, char *dst, size_t k)
{
    const unsigned char *q = take(r, k);
    if (q) memcpy(dst, q, k);
    dst[k - 1] = 0;
}

vg_status vg_prepared_unpack(const void *data, size_t len, vg_arena *a, vg_prepared *p)
{
    memset(p, 0, sizeof *p);
    rd r = {data, len, 0};
    const unsigned char *magic = take(&r, 4);
    if (!magic || memcmp(magic, PACK_MAGIC, 4)) return VG_ERR_FORMAT;
    p->sig.token_hash = get_le(&r, 8);
    p->sig.n_words = (uint32_t)get_le(&r, 4);
    uint32_t n_shingles = (uint32_t)get_le(&r, 4);
    const unsigned char *mh = take(&r, VG_MH_K * 4);
    if (!mh || vg_dedup_unpack(mh, VG_MH_K * 4, &p->sig) != 0) return VG_ERR_FORMAT;
    p->sig.n_shingles = n_shingles; /* unpack assumes a stored signature's shingles */
    if (!n_shingles) memset(p->sig.band, 0, sizeof p->sig.band); /* as vg_dedup_sign leaves a short text's */
    vg_cl_doc *d = &p->features;
    uint32_t n = (uint32_t)get_le(&r, 4);
    if (r.bad || n > PACK_MAX_TERMS || (size_t)n * 16 > r.n) return VG_ERR_FORMAT;
    d->terms = n ? vg_arena_alloc(a, n * sizeof *d->terms) : NULL;
    if (n && !d->terms) return VG_ERR_NOMEM;
    d->n = n;
    for (uint32_t i = 0; i < n; i++) {
        d->terms[i].id = (int64_t)get_le(&r, 8);
        d->terms[i].tf = get_f32(&r);
        d->terms[i].w = get_f32(&r);
    }
    d->n_years = (size_t)get_le(&r, 4);
    if (d->n_years > VG_CL_MAX_YEARS) return VG_ERR_FORMAT;
    for (size_t i = 0; i < VG_CL_MAX_YEARS; i++) d->years[i] = (uint16_t)get_le(&r, 2);
    d->pub_year = (uint16_t)get_le(&r, 2);
    d->own_year = (uint16_t)get_le(&r, 2);
    d->main_name = (int64_t)get_le(&r, 8);
    get_str(&r, d->event_date, sizeof d->event_date);
    get_str(&r, d->lead, sizeof d->lead);
    d->lat = get_f64(&r);
    d->lon = get_f64(&r);
    d->has_coords = (int)(uint32_t)get_le(&r, 4);
    d->fatalities = (int)(uint32_t)get_le(&r, 4);
    get_str(&r, d->day, sizeof d->day);
    return r.bad || r.n ? VG_ERR_FORMAT : VG_OK;
}
