/* cli.h - shared pieces of the vigie command: options and output formats. */
#ifndef VG_CLI_H
#define VG_CLI_H
#include <signal.h>
#include <stdio.h>

#include "vigie.h"

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct cli_opts {
    const char *db;       /* --db, $VIGIE_DB, ./vigie.db */
    const char *format;   /* --format */
    const char *data;     /* --data */
    const char *since, *until, *country, *type, *lang;
    const char *sub_type, *actor, *story, *doc; /* events filters */
    double min_confidence; /* --min-confidence, or VG_DEFAULT_MIN_CONFIDENCE */
    long limit;
    int quiet, removed, help, wide;
    int gate_features;        /* analyze: hidden, the gate's features for scripts/train-gate.sh */
    int queue;                /* ingest, watch: queue documents for workers (PostgreSQL) */
    int until_empty;          /* worker: stop once the queue is empty */
    unsigned batch;
    unsigned threads;     /* --threads: 0 = one per CPU */
    const char **args;    /* positional arguments */
    int n_args;
} cli_opts;

/* Parses argv after the command name. `allowed` lists the long options the
 * command takes ("db format since ..."). Prints the problem and returns -1. */
int cli_parse(int argc, char **argv, const char *cmd, const char *allowed, cli_opts *o);
const char *cli_db_path(const cli_opts *o);
/* Opens the --db database (flags: vg_db_open's), printing "vigie CMD: cannot
 * open database ..." and why on failure (NULL). */
vg_db *cli_open_db(const char *cmd, const cli_opts *o, unsigned flags);
/* A numeric option's value (name without "--": "batch") checked against the
 * range options.c gives it; prints the range and returns -1 when outside. */
int cli_number(const char *cmd, const char *name, const char *val, long *out);
/* Opens the environment, printing why on failure. */
vg_env *cli_env(const cli_opts *o);
/* Reader options from the environment ($VIGIE_MAX_DOC_BYTES). */
vg_reader_options cli_reader_options(void);

/* fill.c: adds inputs from r to b until b is full, the input ends or *stop
 * (may be NULL) is set; each input refused by the reader or the batch goes to
 * on_reject(source, reason, ud), the reason naming it. Counts every input
 * read into *n_read (may be NULL). Returns 0 once the input has ended. */
typedef void (*cli_reject_fn)(const char *source, const char *reason, void *ud);
int cli_fill_batch(vg_reader *r, vg_batch *b, const volatile sig_atomic_t *stop, cli_reject_fn on_reject, void *ud,
                   long *n_read);

/* escape.c: text from outside printed safely. cli_err is fprintf(stderr, ...) with
 * every control byte of the message escaped (vg_escape_control: \n, \t, \r, \xHH;
 * C1 as \u0080) but a final newline: one file name cannot forge a log line. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* cell.c: a table cell, s (not NULL) in exactly `width` characters (code points):
 * cut to width - 1 and an ellipsis when wider, else padded on the side `align`
 * says (CLI_ALIGN_NONE: not padded, a line's last cell); control bytes as spaces. */
typedef enum { CLI_ALIGN_LEFT, CLI_ALIGN_RIGHT, CLI_ALIGN_NONE } cli_align;
void cli_cell(FILE *out, const char *s, size_t width, cli_align align);
size_t cli_width(const char *s);                        /* characters (code points) in s */
void cli_put_visible(FILE *out, const char *s, size_t n); /* s[0..n), control bytes as spaces */

/* Row output: one writer for every query command. */
typedef struct row_writer row_writer;
row_writer *row_writer_new(FILE *out, const char *format); /* NULL: unknown format */
int row_writer_cb(const vg_row *row, void *ud);            /* a vg_row_cb */
void row_writer_finish(row_writer *w);                     /* flushes, frees */
int row_writer_rows(const row_writer *w);

/* events_view.c: `vigie events --format table`, one 160-column line per event and its
 * evidence sentence wrapped beneath; finish prints "N events" when the query went
 * through (complete) and returns N. */
typedef struct events_view events_view;
events_view *events_view_new(FILE *out);
int events_view_cb(const vg_row *row, void *ud); /* a vg_row_cb */
long events_view_finish(events_view *v, int complete);

int cmd_ingest(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_articles(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_story(int argc, char **argv);
int cmd_watch(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_worker(int argc, char **argv);
int cmd_status(int argc, char **argv);

#endif
