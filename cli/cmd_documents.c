/* cmd_documents.c - `extract` and `analyze`: stateless, one JSON line per document. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char extract_help[] =
    "usage: vigie extract [--format jsonl|json] [--removed] INPUT...\n"
    "Clean text and metadata of each document; no database.\n"
    "INPUT: files, folders (recursive) or - for stdin; text, JSONL, HTML, WARC, RSS/Atom, gzip.\n"
    "  --format jsonl   one JSON object per line (default)\n"
    "  --format json    one JSON array\n"
    "  --removed        list the dropped chrome lines instead of counting them\n"
    "  --threads N      documents processed at once (default: one per CPU; output order is kept)\n"
    "  --data DIR       language resources (default: the installed data/)\n"
    "Fields: doc source format title lang published outlet url authors hash text removed\n";

static const char analyze_help[] =
    "usage: vigie analyze [--format jsonl|json] INPUT...\n"
    "Each document with its events (ACLED fields, evidence spans); no database.\n"
    "  --format jsonl|json   as for extract\n"
    "  --min-confidence X    events at or above X, 0 to 1 (default: the library's\n"
    "                        VG_DEFAULT_MIN_CONFIDENCE; 0 shows all)\n"
    "  --threads N           documents analysed at once (default: one per CPU)\n"
    "  --data DIR            language resources\n";

struct refused {
    const char *cmd;
    long n;
};

static void report_refused(const char *source, const char *reason, void *ud)
{
    struct refused *r = ud;
    (void)source;
    cli_err("vigie %s: rejected %s\n", r->cmd, reason);
    r->n++;
}

static int run(int argc, char **argv, int analyze)
{
    const char *cmd = analyze ? "analyze" : "extract";
    cli_opts o;
    /* --gate-features (analyze, not in the help): the document gate's input, for scripts/train-gate.sh */
    if (cli_parse(argc, argv, cmd, analyze ? "format data removed threads quiet q min-confidence gate-features" : "format data removed threads quiet q", &o))
        return EXIT_USAGE;
    if (o.help) { fputs(analyze ? analyze_help : extract_help, stdout); return EXIT_OK; }
    int as_array = 0;
    if (o.format && !strcmp(o.format, "json")) as_array = 1;
    else if (o.format && strcmp(o.format, "jsonl")) {
        cli_err("vigie %s: --format must be jsonl or json, not '%s'\n", cmd, o.format);
        return EXIT_USAGE;
    }
    if (o.n_args == 0) { fputs(analyze ? analyze_help : extract_help, stderr); return EXIT_USAGE; }
    vg_env *env = cli_env(&o);
    if (!env) return EXIT_FAIL;
    if (analyze && vg_env_warning(env) && !o.quiet) cli_err("vigie %s: warning: %s\n", cmd, vg_env_warning(env));
    vg_reader *r = NULL;
    vg_batch *batch = NULL;
    vg_reader_options ro = cli_reader_options();
    vg_status st = vg_reader_open(o.args, (size_t)o.n_args, &ro, &r);
    if (st == VG_OK) st = vg_batch_create(env, o.threads, 0, &batch);
    if (st != VG_OK) {
        cli_err("vigie %s: %s\n", cmd, vg_strerror(st));
        vg_reader_close(r);
        vg_env_close(env);
        return EXIT_FAIL;
    }
    unsigned what = analyze ? VG_JSON_EXTRACT | VG_JSON_EVENTS : VG_JSON_EXTRACT;
    if (o.removed) what |= VG_JSON_REMOVED;
    if (o.gate_features) what |= VG_JSON_GATE;
    long n_ok = 0, n_bad = 0;
    if (as_array) fputs("[", stdout);
    struct refused refused = {cmd, 0};
    int more = 1;
    while (more) {
        /* Fill a batch; the reader's own rejections are reported as they come. */
        more = cli_fill_batch(r, batch, NULL, report_refused, &refused, NULL);
        vg_batch_load(batch);
        if (analyze) vg_batch_analyze(batch);
        for (size_t i = 0; i < vg_batch_count(batch); i++) {
            vg_doc *doc = vg_batch_doc(batch, i, &st);
            const vg_input *bi = vg_batch_input(batch, i);
            if (st != VG_OK) {
                cli_err("vigie %s: rejected %s%s%.0llu: %s\n", cmd, bi->source, bi->record ? ":" : "",
                        (unsigned long long)bi->record, vg_doc_error(doc));
                n_bad++;
                continue;
            }
            const char *json;
            size_t len;
            if (vg_doc_json_min(doc, what, o.min_confidence, &json, &len) != VG_OK) { n_bad++; continue; }
            if (as_array && n_ok) fputs(",\n", stdout);
            fwrite(json, 1, len, stdout);
            if (!as_array) fputc('\n', stdout);
            n_ok++;
        }
        vg_batch_clear(batch);
    }
    if (as_array) fputs("]\n", stdout);
    n_bad += refused.n;
    vg_batch_free(batch);
    vg_reader_close(r);
    vg_env_close(env);
    if (!o.quiet && n_bad) cli_err("vigie %s: %ld documents, %ld rejected\n", cmd, n_ok, n_bad);
    if (fflush(stdout) != 0) { perror("vigie: stdout"); return EXIT_FAIL; }
    return n_ok || !n_bad ? EXIT_OK : EXIT_FAIL;
}

int cmd_extract(int argc, char **argv) { return run(argc, argv, 0); }
int cmd_analyze(int argc, char **argv) { return run(argc, argv, 1); }
