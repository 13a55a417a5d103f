/* serve.h - what the server's files share: one request as the router sees it, and its answer. */
#ifndef VG_SERVE_H
#define VG_SERVE_H
#include <stddef.h>

#include "vigie.h"
#include "params.h"
#include "../core/buf.h"

/* Largest page of /api/events (and /api/stories); its default. */
#define VG_SV_MAX_PAGE 1000
#define VG_SV_DEFAULT_PAGE 100
/* Largest export (/api/events.csv, .geojson, .jsonl) in one response; its default. */
#define VG_SV_MAX_EXPORT 20000
#define VG_SV_DEFAULT_EXPORT 5000
/* Largest search answer. */
#define VG_SV_MAX_SEARCH 100
#define VG_SV_DEFAULT_SEARCH 20

/* A file built into the binary (generated from web/ and the OpenAPI document
 * by scripts/embed-assets.py into the build folder's gen/assets.c). */
typedef struct vg_sv_asset {
    const char *path;   /* "/index.html" */
    const char *type;   /* Content-Type */
    const unsigned char *data;
    size_t len;
    const char *etag;   /* "\"<16 hex>\"", a hash of the bytes */
} vg_sv_asset;
extern const vg_sv_asset vg_sv_assets[];
extern const size_t vg_sv_n_assets;
/* The asset at path, or NULL. */
const vg_sv_asset *vg_sv_asset_find(const char *path);

/* One request's answer, filled by a handler. */
typedef struct vg_sv_answer {
    int status;
    const char *type;           /* Content-Type */
    vg_buf body;                /* the bytes, unless fixed is set */
    const unsigned char *fixed; /* an asset's bytes (not copied) */
    size_t fixed_len;
    const char *etag;           /* fixed's ETag; NULL: a hash of the body */
    char headers[4][2][160];    /* extra headers: name, value */
    size_t n_headers;
    int no_store;               /* an error: never cached */
} vg_sv_answer;

/* What a handler gets: the request target, the thread's database connection
 * (NULL when it could not be opened: db_error says why), the server's
 * environment (country names; may be NULL). */
typedef struct vg_sv_request {
    const vg_sv_target *target;
    vg_db *db;
    const char *db_error;
    const vg_env *env;
} vg_sv_request;

/* Routes a GET (or HEAD) request: the API under /api/, else a built-in file. */
void vg_sv_route(const vg_sv_request *rq, vg_sv_answer *a);

/* A JSON error answer: {"error":{"status":..,"parameter":..,"message":..}}. */
void vg_sv_error(vg_sv_answer *a, int status, const char *parameter, const char *message);
void vg_sv_header(vg_sv_answer *a, const char *name, const char *value);

#endif
