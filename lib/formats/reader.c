/* reader.c - PLACEHOLDER until the readers land: each path is one plain-text file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"

struct vg_reader {
    char **paths;
    size_t n, next;
    char *data;
    char err[1024];
};

vg_status vg_reader_open(const char *const *paths, size_t n, const vg_reader_options *opts, vg_reader **out)
{
    (void)opts;
    vg_reader *r = calloc(1, sizeof *r);
    if (!r) return VG_ERR_NOMEM;
    r->paths = calloc(n ? n : 1, sizeof *r->paths);
    for (size_t i = 0; i < n; i++) r->paths[i] = strdup(paths[i]);
    r->n = n;
    *out = r;
    return VG_OK;
}

vg_status vg_reader_next(vg_reader *r, vg_input *in)
{
    free(r->data);
    r->data = NULL;
    if (r->next >= r->n) return VG_END;
    const char *p = r->paths[r->next++];
    FILE *f = fopen(p, "rb");
    if (!f) { snprintf(r->err, sizeof r->err, "%s: cannot open", p); return VG_ERR_IO; }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    r->data = malloc((size_t)len + 1);
    size_t got = fread(r->data, 1, (size_t)len, f);
    fclose(f);
    memset(in, 0, sizeof *in);
    in->source = p;
    const char *slash = strrchr(p, '/');
    in->ext_id = slash ? slash + 1 : p;
    in->format = "text";
    in->content_type = "text";
    in->data = r->data;
    in->len = got;
    return VG_OK;
}

const char *vg_reader_error(const vg_reader *r) { return r->err; }
const char *vg_reader_error_source(const vg_reader *r) { return r->err; }

void vg_reader_close(vg_reader *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) free(r->paths[i]);
    free(r->paths);
    free(r->data);
    free(r);
}
