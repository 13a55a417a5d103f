/* jsonl.h - one JSONL article line into a vg_input (internal). */
#ifndef VG_JSONL_H
#define VG_JSONL_H
#include <stddef.h>

#include "vigie.h"
#include "../core/arena.h"
#include "../core/json.h"

/* Parses line[0..n) (no newline) into in->data/len, content_type, ext_id
 * (the "id", NULL when absent), title, url, published, outlet, lang.
 * Strings are allocated from a. VG_END: a blank line, skip it. Otherwise
 * VG_OK or a rejection with the reason (no source prefix) in err:
 * VG_ERR_JSON (not JSON), VG_ERR_FORMAT (wrong type, no text), VG_ERR_EMPTY. */
/* The same checks on an already parsed value (an element of a JSON array,
 * a whole .json file). */
vg_status vg_jsonl_object(const vg_jval *v, vg_input *in, char *err, size_t errlen);
vg_status vg_jsonl_line(vg_arena *a, const char *line, size_t n, vg_input *in, char *err, size_t errlen);

#endif
