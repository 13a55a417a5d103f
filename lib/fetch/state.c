/* state.c - fetcher state in SQLite: one row per URL with its validators and whether it is done. */
#include "state.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/alloc.h"

struct vg_fetch_state {
    sqlite3 *db;
    sqlite3_stmt *get_val, *set_val, *seen, *mark;
};

static const char schema[] =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS fetch_validators(url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, at INTEGER);"
    "CREATE TABLE IF NOT EXISTS fetch_seen(url TEXT PRIMARY KEY, at INTEGER);";

vg_status vg_fetch_state_open(const char *path, vg_fetch_state **out, char *err, size_t errlen)
{
    *out = NULL;
    vg_fetch_state *s = vg_calloc(1, sizeof *s);
    if (!s) return VG_ERR_NOMEM;
    if (sqlite3_open_v2(path ? path : ":memory:", &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_busy_timeout(s->db, 5000);
    if (sqlite3_exec(s->db, schema, NULL, NULL, NULL) != SQLITE_OK) goto fail;
    if (sqlite3_prepare_v2(s->db, "SELECT etag, last_modified FROM fetch_validators WHERE url = ?", -1, &s->get_val,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO fetch_validators(url, etag, last_modified, at) VALUES (?, ?, ?, ?)",
                           -1, &s->set_val, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "SELECT 1 FROM fetch_seen WHERE url = ?", -1, &s->seen, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO fetch_seen(url, at) VALUES (?, ?)", -1, &s->mark, NULL) !=
            SQLITE_OK)
        goto fail;
    *out = s;
    return VG_OK;
fail:
    snprintf(err, errlen, "fetch state %s: %s", path ? path : ":memory:", s->db ? sqlite3_errmsg(s->db) : "no memory");
    vg_fetch_state_close(s);
    return VG_ERR_DB;
}

void vg_fetch_state_close(vg_fetch_state *s)
{
    if (!s) return;
    sqlite3_finalize(s->get_val);
    sqlite3_finalize(s->set_val);
    sqlite3_finalize(s->seen);
    sqlite3_finalize(s->mark);
    sqlite3_close(s->db);
    free(s);
}

static void copy_col(sqlite3_stmt *st, int col, char *dst, size_t len)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    snprintf(dst, len, "%s", v ? (const char *)v : "");
}

vg_status vg_fetch_state_validators(vg_fetch_state *s, const char *url, char *etag, size_t etag_len, char *lm,
                                    size_t lm_len)
{
    etag[0] = lm[0] = 0;
    sqlite3_reset(s->get_val);
    sqlite3_bind_text(s->get_val, 1, url, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s->get_val);
    if (rc == SQLITE_ROW) {
        copy_col(s->get_val, 0, etag, etag_len);
        copy_col(s->get_val, 1, lm, lm_len);
    }
    sqlite3_reset(s->get_val);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? VG_OK : VG_ERR_DB;
}

vg_status vg_fetch_state_set_validators(vg_fetch_state *s, const char *url, const char *etag, const char *lm)
{
    sqlite3_reset(s->set_val);
    sqlite3_bind_text(s->set_val, 1, url, -1, SQLITE_TRANSIENT);
    if (etag && *etag) sqlite3_bind_text(s->set_val, 2, etag, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s->set_val, 2);
    if (lm && *lm) sqlite3_bind_text(s->set_val, 3, lm, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s->set_val, 3);
    sqlite3_bind_int64(s->set_val, 4, (sqlite3_int64)time(NULL));
    int rc = sqlite3_step(s->set_val);
    sqlite3_reset(s->set_val);
    return rc == SQLITE_DONE ? VG_OK : VG_ERR_DB;
}

int vg_fetch_state_seen(vg_fetch_state *s, const char *url)
{
    sqlite3_reset(s->seen);
    sqlite3_bind_text(s->seen, 1, url, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s->seen);
    sqlite3_reset(s->seen);
    return rc == SQLITE_ROW;
}

vg_status vg_fetch_state_mark_seen(vg_fetch_state *s, const char *url)
{
    sqlite3_reset(s->mark);
    sqlite3_bind_text(s->mark, 1, url, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s->mark, 2, (sqlite3_int64)time(NULL));
    int rc = sqlite3_step(s->mark);
    sqlite3_reset(s->mark);
    return rc == SQLITE_DONE ? VG_OK : VG_ERR_DB;
}
