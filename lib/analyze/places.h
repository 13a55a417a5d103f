/* places.h - place names in text resolved to gazetteer entries with coordinates (internal). */
#ifndef VG_PLACES_H
#define VG_PLACES_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "../core/arena.h"

typedef enum vg_place_kind { VG_PLACE_COUNTRY = 1, VG_PLACE_ADMIN1, VG_PLACE_ADMIN2, VG_PLACE_CITY, VG_PLACE_OTHER } vg_place_kind;

typedef struct vg_place {
    uint32_t start, end;   /* byte span of the mention in the text */
    const char *name;      /* the gazetteer's name for it (ASCII/English when GeoNames has one) */
    const char *country;   /* country's English short name, as ACLED writes it ("Syria") */
    const char *iso2;      /* ISO 3166-1 alpha-2 */
    const char *admin1;    /* first-level division name, or NULL */
    double lat, lon;
    vg_place_kind kind;
    int geo_precision;     /* ACLED: 1 town, 2 near/part of region, 3 province/country-level */
    long population;
    float confidence;      /* 0..1 */
} vg_place;

typedef struct vg_gazetteer vg_gazetteer;

/* path: the compiled gazetteer (scripts/build-gazetteer.sh). */
vg_status vg_gazetteer_load(const char *path, vg_gazetteer **out, char *err, size_t errlen);
void vg_gazetteer_free(vg_gazetteer *g);

/* Every place mentioned in text[0..n), resolved, in text order. Results and
 * strings live in a (or in the gazetteer). lang: "fr", "en" or NULL. */
vg_status vg_places_find(const vg_gazetteer *g, vg_arena *a, const char *text, size_t n, const char *lang,
                         vg_place **out, size_t *n_out);

/* Country by name or code in any supported language ("Syrie", "SY", "Syria"). */
const vg_place *vg_gazetteer_country(const vg_gazetteer *g, const char *name, size_t n);

#endif
