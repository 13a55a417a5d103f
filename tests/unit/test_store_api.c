/* test_store_api.c - the store's reads for the HTTP API (lib/store/api.c): stable keys, keyset
 * pages to the end, filters that name themselves when wrong, the database version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/core/hash.h"
#include "../../lib/doc/doc.h"
#include "test.h"

static void api_tmp(char *out, size_t n)
{
    const char *t = getenv("TMPDIR");
    snprintf(out, n, "%s/vg-test-%d-api.db", t && *t ? t : "/tmp", (int)getpid());
    char side[600];
    unlink(out);
    snprintf(side, sizeof side, "%s-wal", out); unlink(side);
    snprintf(side, sizeof side, "%s-shm", out); unlink(side);
}

/* One article "id" with events dated as given ("XXXX-..." for an unknown year). */
static void put(vg_db *db, const char *id, const char *text, const char *const *dates, int n, int fatalities)
{
    vg_doc *d = calloc(1, sizeof *d);
    d->arena = vg_arena_new(0);
    vg_doc_reset(d);
    vg_doc_set(d, VG_F_SOURCE, id, strlen(id));
    vg_doc_set(d, VG_F_EXT_ID, id, strlen(id));
    vg_doc_set(d, VG_F_LANG, "en", 2);
    vg_doc_set(d, VG_F_TEXT, text, strlen(text));
    d->content_hash = vg_hash64(text, strlen(text), 0);
    for (int i = 0; i < n; i++) {
        vg_event *e = vg_doc_add_event(d);
        memcpy(e->event_date, dates[i], 11);
        e->event_type = "Battles";
        e->sub_event_type = "Armed clash";
        e->country = "Syria"; e->iso = "SY";
        e->latitude = 36.2; e->longitude = 37.16; e->has_coords = 1;
        e->fatalities = fatalities;
        e->confidence = 0.9f;
        e->sent_end = (uint32_t)strlen(text);
        vg_event_add_evidence(d, e, "fatalities", 0, 5, 0.9f);
    }
    vg_put_result r;
    CHECK_INT(vg_db_put(db, d, &r), VG_OK);
    vg_doc_free(d);
}

typedef struct page { int n; char ids[16][160]; char cursor[128]; } page;
static int take(const vg_row *r, void *ud)
{
    page *p = ud;
    for (size_t i = 0; i < r->n; i++) {
        if (!strcmp(r->names[i], "id") && p->n < 16) snprintf(p->ids[p->n], sizeof p->ids[0], "%s", r->values[i]);
        if (!strcmp(r->names[i], "cursor")) snprintf(p->cursor, sizeof p->cursor, "%s", r->values[i]);
    }
    p->n++;
    return 0;
}

TEST(store_api_pages_keys_and_filters)
{
    char path[512];
    api_tmp(path, sizeof path);
    vg_db *db = NULL;
    CHECK_INT(vg_db_open(path, 0, &db), VG_OK);
    if (!db) return;
    const char *d1[] = {"2024-05-01", "2024-05-03"}, *d2[] = {"XXXX-04-30"}, *d3[] = {"2024-05-02"};
    put(db, "a", "Clashes near Aleppo killed three.", d1, 2, 3);
    put(db, "b", "Clashes somewhere, year unknown.", d2, 1, 0);
    put(db, "c", "Fighting in Idlib killed ten.", d3, 1, 10);
    CHECK_INT(vg_db_commit(db), VG_OK);

    /* all at once, then one per page through the cursor: the same order, dated first */
    vg_query q = {0};
    page all = {0};
    CHECK_INT(vg_db_event_page(db, &q, take, &all), VG_OK);
    CHECK_INT(all.n, 4);
    char cursor[128] = "";
    for (int i = 0; i < 4; i++) {
        page p = {0};
        vg_query one = {0};
        one.limit = 1;
        one.after = *cursor ? cursor : NULL;
        CHECK_INT(vg_db_event_page(db, &one, take, &p), VG_OK);
        CHECK_INT(p.n, 1);
        CHECK_STR(p.ids[0], all.ids[i]);
        snprintf(cursor, sizeof cursor, "%s", p.cursor);
    }
    page end = {0};
    vg_query last = {0};
    last.after = cursor;
    CHECK_INT(vg_db_event_page(db, &last, take, &end), VG_OK);
    CHECK_INT(end.n, 0);
    CHECK(strstr(all.ids[3], "-0") != NULL); /* the undated one comes last */

    /* keys: "<hash>-<hex of 'a'>-<rank>"; an event opens with its article's text and evidence */
    const char *json;
    size_t len;
    int found = 0;
    for (int i = 0; i < 4; i++) {
        if (!strstr(all.ids[i], "-61-")) continue;
        found++;
        CHECK_INT(vg_db_event_json(db, all.ids[i], &json, &len), VG_OK);
        CHECK(strstr(json, "\"evidence\":[{\"field\":\"fatalities\",\"start\":0,\"end\":5,\"text\":\"Clash\"") != NULL);
        CHECK(strstr(json, "Clashes near Aleppo") != NULL);
    }
    CHECK_INT(found, 2);
    CHECK_INT(vg_db_event_json(db, "not-a-key", &json, &len), VG_ERR_ARG);
    CHECK_INT(vg_db_event_json(db, "0000000000000000-61-0", &json, &len), VG_ERR_NOT_FOUND);
    char key[200];
    snprintf(key, sizeof key, "%.*s-9", (int)(strrchr(all.ids[0], '-') - all.ids[0]), all.ids[0]);
    CHECK_INT(vg_db_event_json(db, key, &json, &len), VG_ERR_NOT_FOUND); /* rank past the article's events */

    /* filters */
    long long n = 0;
    vg_query f = {0};
    f.min_fatalities = 5;
    CHECK_INT(vg_db_event_count(db, &f, &n), VG_OK);
    CHECK_INT(n, 1);
    vg_query box = {0};
    box.has_bbox = 1;
    box.bbox[0] = 37; box.bbox[1] = 36; box.bbox[2] = 38; box.bbox[3] = 37;
    CHECK_INT(vg_db_event_count(db, &box, &n), VG_OK);
    CHECK_INT(n, 4);
    box.bbox[0] = 38; box.bbox[2] = 39;
    CHECK_INT(vg_db_event_count(db, &box, &n), VG_OK);
    CHECK_INT(n, 0);
    vg_query bad = {0};
    bad.event_type = "Picnic";
    CHECK_INT(vg_db_event_count(db, &bad, &n), VG_ERR_ARG);
    CHECK(!strncmp(vg_db_error(db), "event_type: ", 12));
    vg_query badc = {0};
    badc.after = "nonsense";
    page none = {0};
    CHECK_INT(vg_db_event_page(db, &badc, take, &none), VG_ERR_ARG);
    CHECK(!strncmp(vg_db_error(db), "cursor: ", 8));
    vg_query bads = {0};
    bads.updated_since = "2024-13";
    CHECK_INT(vg_db_event_count(db, &bads, &n), VG_ERR_ARG);
    CHECK(!strncmp(vg_db_error(db), "updated_since: ", 15));

    /* the version moves when another connection commits, not otherwise */
    vg_db *ro = NULL;
    CHECK_INT(vg_db_open(path, VG_DB_READONLY, &ro), VG_OK);
    int64_t v0 = 0, v1 = 0, v2 = 0;
    CHECK_INT(vg_db_version(ro, &v0), VG_OK);
    CHECK_INT(vg_db_version(ro, &v1), VG_OK);
    CHECK(v0 == v1);
    const char *d4[] = {"2024-06-01"};
    put(db, "d", "A fourth report of clashes.", d4, 1, 1);
    CHECK_INT(vg_db_commit(db), VG_OK);
    CHECK_INT(vg_db_version(ro, &v2), VG_OK);
    CHECK(v2 != v1);
    vg_db_close(ro);
    vg_db_close(db);
    unlink(path);
}
