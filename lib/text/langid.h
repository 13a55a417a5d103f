/* langid.h - which language a text is in (libexttextcat n-gram models). */
#ifndef VG_LANGID_H
#define VG_LANGID_H
#include <stddef.h>

#include "vigie.h"

typedef struct vg_langid vg_langid;

vg_status vg_langid_load(const char *data_dir, vg_langid **out, char *err, size_t errlen);
void vg_langid_free(vg_langid *l);
/* ISO 639-1 code ("fr", "en", "de", ...) or "und" when the text is too short
 * or unclear. The string is static or owned by l. Thread-safe. */
const char *vg_langid_detect(const vg_langid *l, const char *text, size_t n);
/* A cheap guess from common words only (data/<lang>/stopwords.txt), NULL when
 * no language stands out. For ordering things, not for the language of record. */
const char *vg_langid_guess(const vg_langid *l, const char *text, size_t n);

#endif
