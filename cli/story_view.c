/* story_view.c - `vigie story ID --format table`: one story's accounts side by side for a
 * reader, drawn from the same JSON the library gives (vg_db_story_json), so the two views
 * cannot disagree. */
#include <stdio.h>
#include <string.h>

#include "../lib/core/json.h"
#include "cli.h"

static const char *str_of(const vg_jval *o, const char *key)
{
    const vg_jval *v = o ? vg_json_get(o, key) : NULL;
    if (!v || v->type == VG_JNULL) return "-";
    if (v->type == VG_JSTR || v->type == VG_JNUM) return v->str;
    return "?";
}

static size_t count_of(const vg_jval *o, const char *key)
{
    const vg_jval *v = o ? vg_json_get(o, key) : NULL;
    return v && (v->type == VG_JARR || v->type == VG_JOBJ) ? v->len : 0;
}

static void list(FILE *out, const vg_jval *arr)
{
    for (size_t i = 0; arr && arr->type == VG_JARR && i < arr->len; i++)
        fprintf(out, "%s%s", i ? ", " : "", arr->items[i]->type == VG_JSTR ? arr->items[i]->str : "?");
}

/* "town, country", or the country alone when no town is known. */
static void place(FILE *out, const vg_jval *o)
{
    const char *loc = str_of(o, "location"), *cc = str_of(o, "country");
    if (!strcmp(loc, cc) || !strcmp(loc, "-")) fputs(cc, out);
    else fprintf(out, "%s, %s", loc, cc);
}

/* Who reported it: the outlet, else the document. */
static const char *who(const vg_jval *acc)
{
    const char *o = str_of(acc, "outlet");
    return strcmp(o, "-") ? o : str_of(acc, "doc");
}

int story_view(FILE *out, const char *json, size_t len)
{
    vg_arena *a = vg_arena_new(64 * 1024);
    char err[256];
    vg_jval *s = a ? vg_json_parse(a, json, len, err, sizeof err) : NULL;
    if (!s || s->type != VG_JOBJ) { vg_arena_free(a); return -1; }
    fprintf(out, "Story %s: %s articles (%s duplicates), first report %s, last report %s\n", str_of(s, "story"),
            str_of(s, "articles"), str_of(s, "duplicates"), str_of(s, "first_report"), str_of(s, "last_report"));
    fputs("Outlets: ", out);
    list(out, vg_json_get(s, "outlets"));
    if (!count_of(s, "outlets")) fputs("-", out);
    fputs("; languages: ", out);
    list(out, vg_json_get(s, "languages"));
    fputs("\n\nEvents\n", out);
    const vg_jval *evs = vg_json_get(s, "events");
    for (size_t i = 0; evs && evs->type == VG_JARR && i < evs->len; i++) {
        const vg_jval *e = evs->items[i];
        fprintf(out, "  %-28s %-10s ", str_of(e, "event_type"), str_of(e, "event_date"));
        place(out, e);
        fprintf(out, "  reports %s  killed %s", str_of(e, "reports"), str_of(e, "fatalities_min"));
        if (strcmp(str_of(e, "fatalities_min"), str_of(e, "fatalities_max")))
            fprintf(out, "-%s", str_of(e, "fatalities_max"));
        fputc('\n', out);
    }
    if (!count_of(s, "events")) fputs("  (none)\n", out);

    fputs("\nAccounts\n", out);
    const vg_jval *accs = vg_json_get(s, "accounts");
    for (size_t i = 0; accs && accs->type == VG_JARR && i < accs->len; i++) {
        const vg_jval *c = accs->items[i];
        fprintf(out, "  %s (%s, %s)%s%s\n", who(c), str_of(c, "lang"), str_of(c, "published"),
                strcmp(str_of(c, "dup_of"), "-") ? "  copy of " : "", strcmp(str_of(c, "dup_of"), "-") ? str_of(c, "dup_of") : "");
        fprintf(out, "    title:    %s\n", str_of(c, "title"));
        fprintf(out, "    event:    %s, %s, ", str_of(c, "event_type"), str_of(c, "event_date"));
        place(out, c);
        fputc('\n', out);
        fprintf(out, "    figures:  killed %s, injured %s, arrested %s\n", str_of(c, "fatalities"), str_of(c, "injured"),
                str_of(c, "arrests"));
        fprintf(out, "    source:   %s\n", str_of(c, "attribution"));
        const vg_jval *names = vg_json_get(c, "actor_names");
        for (size_t k = 0; names && names->type == VG_JOBJ && k < names->len; k++) {
            fprintf(out, "    calls %s: ", names->keys[k]);
            list(out, names->items[k]);
            fputc('\n', out);
        }
    }

    fputs("\nWhere they disagree\n", out);
    const vg_jval *dis = vg_json_get(s, "disagreements");
    for (size_t i = 0; dis && dis->type == VG_JARR && i < dis->len; i++) {
        const vg_jval *d = dis->items[i], *vals = vg_json_get(d, "values");
        fprintf(out, "  %s from %s to %s:", str_of(d, "field"), str_of(d, "min"), str_of(d, "max"));
        for (size_t k = 0; vals && vals->type == VG_JARR && k < vals->len; k++)
            fprintf(out, "%s %s %s", k ? "," : "", str_of(vals->items[k], "source"), str_of(vals->items[k], "value"));
        fputc('\n', out);
    }
    if (!count_of(s, "disagreements")) fputs("  nothing flagged\n", out);
    vg_arena_free(a);
    return 0;
}
