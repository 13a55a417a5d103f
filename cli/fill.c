/* fill.c - a batch filled from a reader, for the commands that read documents (extract,
 * analyze, ingest): each refused input goes to the caller's callback, named with a reason. */
#include <stdio.h>

#include "cli.h"

int cli_fill_batch(vg_reader *r, vg_batch *b, const volatile sig_atomic_t *stop, cli_reject_fn on_reject, void *ud,
                   long *n_read)
{
    vg_input in;
    vg_status st = VG_OK;
    char reason[1536];
    while (!(stop && *stop) && !vg_batch_full(b) && (st = vg_reader_next(r, &in)) != VG_END) {
        if (n_read) (*n_read)++;
        if (st != VG_OK) {
            on_reject(vg_reader_error_source(r), vg_reader_error(r), ud);
        } else if ((st = vg_batch_add(b, &in)) != VG_OK) {
            snprintf(reason, sizeof reason, "%s: %s", in.source, vg_strerror(st));
            on_reject(in.source, reason, ud);
        }
    }
    return st != VG_END;
}
