/* warc.c - PLACEHOLDER until the WARC reader lands. */
#include <unistd.h>

#include "formats.h"

vg_status vg_warc_open(int fd, const char *name, size_t max_record, vg_warc **out)
{
    (void)name; (void)max_record;
    close(fd);
    *out = NULL;
    return VG_ERR_FORMAT;
}
vg_status vg_warc_next(vg_warc *w, vg_warc_record *rec, char *err, size_t errlen) { (void)w; (void)rec; (void)err; (void)errlen; return VG_END; }
void vg_warc_close(vg_warc *w) { (void)w; }
