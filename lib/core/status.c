/* status.c - messages for vg_status. */
#include "vigie.h"

const char *vg_strerror(vg_status s)
{
    static const char *const msg[VG_STATUS_COUNT] = {
        [VG_OK] = "ok",
        [VG_END] = "end of input",
        [VG_ERR_NOMEM] = "out of memory",
        [VG_ERR_ARG] = "bad argument",
        [VG_ERR_IO] = "input/output error",
        [VG_ERR_EMPTY] = "empty input",
        [VG_ERR_TOO_LARGE] = "input too large",
        [VG_ERR_BINARY] = "binary data, not text",
        [VG_ERR_ENCODING] = "text in an unknown encoding",
        [VG_ERR_JSON] = "malformed JSON",
        [VG_ERR_FORMAT] = "unexpected format",
        [VG_ERR_TRUNCATED] = "truncated input",
        [VG_ERR_LOOP] = "directory loop",
        [VG_ERR_DB] = "database error",
        [VG_ERR_DB_CORRUPT] = "damaged database, or not a vigie one",
        [VG_ERR_DB_READONLY] = "database is read-only",
        [VG_ERR_DB_FULL] = "disk full",
        [VG_ERR_NOT_FOUND] = "not found",
        [VG_ERR_RESOURCE] = "missing or bad resource file",
        [VG_ERR_NETWORK] = "network error",
        [VG_ERR_TIMEOUT] = "query budget exceeded",
    };
    if ((unsigned)s >= VG_STATUS_COUNT || !msg[s]) return "unknown status";
    return msg[s];
}
