/* story.c - vg_story_text: one story's accounts side by side for a reader
 * (`vigie story ID --format table`), drawn from the same JSON the library gives
 * (vg_db_story_json), so the two views cannot disagree. Moved from
 * cli/story_view.c so the command needs nothing but vigie.h. */
#include <string.h>

#include "vigie.h"
#include "../core/buf.h"
#include "../core/json.h"

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

static void list(vg_buf *out, const vg_jval *arr)
{
    for (size_t i = 0; arr && arr->type == VG_JARR && i < arr->len; i++)
        vg_buf_printf(out, "%s%s", i ? ", " : "", arr->items[i]->type == VG_JSTR ? arr->items[i]->str : "?");
}

/* "town, country", or the country alone when no town is known. */
static void place(vg_buf *out, const vg_jval *o)
{
    const char *loc = str_of(o, "location"), *cc = str_of(o, "country");
    if (!strcmp(loc, cc) || !strcmp(loc, "-")) vg_buf_puts(out, cc);
    else vg_buf_printf(out, "%s, %s", loc, cc);
}

/* Who reported it: the outlet, else the document. */
static const char *who(const vg_jval *acc)
{
    const char *o = str_of(acc, "outlet");
    return strcmp(o, "-") ? o : str_of(acc, "doc");
}

/* The whole view of story s into out. */
static void write_story(vg_buf *out, const vg_jval *s)
{
    vg_buf_printf(out, "Story %s: %s articles (%s duplicates), first report %s, last report %s\n", str_of(s, "story"),
            str_of(s, "articles"), str_of(s, "duplicates"), str_of(s, "first_report"), str_of(s, "last_report"));
    if (strcmp(str_of(s, "undated_accounts"), "0") && strcmp(str_of(s, "undated_accounts"), "-"))
        vg_buf_printf(out, "Date unknown for %s of its articles (no publication day, no date in its text)\n",
                      str_of(s, "undated_accounts"));
    vg_buf_puts(out, "Outlets: ");
    list(out, vg_json_get(s, "outlets"));
    if (!count_of(s, "outlets")) vg_buf_puts(out, "-");
    vg_buf_puts(out, "; languages: ");
    list(out, vg_json_get(s, "languages"));
    vg_buf_puts(out, "\n\nEvents\n");
    const vg_jval *evs = vg_json_get(s, "events");
    for (size_t i = 0; evs && evs->type == VG_JARR && i < evs->len; i++) {
        const vg_jval *e = evs->items[i];
        vg_buf_printf(out, "  %-28s %-10s ", str_of(e, "event_type"), str_of(e, "event_date"));
        place(out, e);
        vg_buf_printf(out, "  reports %s  killed %s", str_of(e, "reports"), str_of(e, "fatalities_min"));
        if (strcmp(str_of(e, "fatalities_min"), str_of(e, "fatalities_max")))
            vg_buf_printf(out, "-%s", str_of(e, "fatalities_max"));
        vg_buf_putc(out, '\n');
    }
    if (!count_of(s, "events")) vg_buf_puts(out, "  (none)\n");

    vg_buf_puts(out, "\nAccounts\n");
    const vg_jval *accs = vg_json_get(s, "accounts");
    for (size_t i = 0; accs && accs->type == VG_JARR && i < accs->len; i++) {
        const vg_jval *c = accs->items[i];
        const vg_jval *unknown = vg_json_get(c, "date_unknown");
        const char *when = unknown && unknown->type == VG_JBOOL && unknown->boolean ? "date unknown" : str_of(c, "published");
        const char *text_date = str_of(c, "text_date");
        int from_text = !strcmp(when, "-") && strcmp(text_date, "-");
        if (from_text) when = text_date;
        vg_buf_printf(out, "  %s (%s, %s%s)%s%s\n", who(c), str_of(c, "lang"), when, from_text ? ", read from its text" : "",
                strcmp(str_of(c, "dup_of"), "-") ? "  copy of " : "", strcmp(str_of(c, "dup_of"), "-") ? str_of(c, "dup_of") : "");
        vg_buf_printf(out, "    title:    %s\n", str_of(c, "title"));
        vg_buf_printf(out, "    event:    %s, %s, ", str_of(c, "event_type"), str_of(c, "event_date"));
        place(out, c);
        vg_buf_putc(out, '\n');
        vg_buf_printf(out, "    figures:  killed %s, injured %s, arrested %s\n", str_of(c, "fatalities"), str_of(c, "injured"),
                str_of(c, "arrests"));
        vg_buf_printf(out, "    source:   %s\n", str_of(c, "attribution"));
        const vg_jval *names = vg_json_get(c, "actor_names");
        for (size_t k = 0; names && names->type == VG_JOBJ && k < names->len; k++) {
            vg_buf_printf(out, "    calls %s: ", names->keys[k]);
            list(out, names->items[k]);
            vg_buf_putc(out, '\n');
        }
    }

    vg_buf_puts(out, "\nWhere they disagree\n");
    const vg_jval *dis = vg_json_get(s, "disagreements");
    for (size_t i = 0; dis && dis->type == VG_JARR && i < dis->len; i++) {
        const vg_jval *d = dis->items[i], *vals = vg_json_get(d, "values");
        vg_buf_printf(out, "  %s from %s to %s:", str_of(d, "field"), str_of(d, "min"), str_of(d, "max"));
        for (size_t k = 0; vals && vals->type == VG_JARR && k < vals->len; k++)
            vg_buf_printf(out, "%s %s %s", k ? "," : "", str_of(vals->items[k], "source"), str_of(vals->items[k], "value"));
        vg_buf_putc(out, '\n');
    }
    if (!count_of(s, "disagreements")) vg_buf_puts(out, "  nothing flagged\n");
}

vg_status vg_story_text(const char *json, size_t len, char **text, size_t *text_len)
{
    *text = NULL;
    if (text_len) *text_len = 0;
    vg_arena *a = vg_arena_new(64 * 1024);
    if (!a) return VG_ERR_NOMEM;
    char err[256];
    vg_jval *s = vg_json_parse(a, json, len, err, sizeof err);
    if (!s || s->type != VG_JOBJ) { vg_arena_free(a); return VG_ERR_FORMAT; }
    vg_buf out = {0};
    write_story(&out, s);
    vg_arena_free(a);
    if (out.failed || !out.data) { vg_buf_free(&out); return VG_ERR_NOMEM; }
    *text = out.data; /* the buffer's heap block is the caller's now */
    if (text_len) *text_len = out.len;
    return VG_OK;
}
