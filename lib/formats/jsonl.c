/* jsonl.c - validates one JSONL article: an object with a non-empty "text" or "html" string and optional string metadata. */
#include "jsonl.h"

#include <stdio.h>
#include <string.h>

#include "../core/json.h"

static const char *type_name(vg_jtype t)
{
    switch (t) {
    case VG_JNULL: return "null";
    case VG_JBOOL: return "a boolean";
    case VG_JNUM: return "a number";
    case VG_JSTR: return "a string";
    case VG_JARR: return "an array";
    case VG_JOBJ: return "an object";
    }
    return "a value";
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n' && s[i] != '\f' && s[i] != '\v') return 0;
    return 1;
}

/* A metadata member: string (kept), null (absent), number when numbers_ok
 * (its literal), anything else rejects the line. */
static int meta(const vg_jval *obj, const char *key, int numbers_ok, const char **out, char *err, size_t errlen)
{
    *out = NULL;
    const vg_jval *v = vg_json_get(obj, key);
    if (!v || v->type == VG_JNULL) return 0;
    if (v->type == VG_JSTR || (numbers_ok && v->type == VG_JNUM)) {
        *out = v->str;
        if (v->type == VG_JSTR && v->len == 0) *out = NULL; /* "" says nothing */
        return 0;
    }
    snprintf(err, errlen, "\"%s\" is %s, not a string", key, type_name(v->type));
    return -1;
}

vg_status vg_jsonl_line(vg_arena *a, const char *line, size_t n, vg_input *in, char *err, size_t errlen)
{
    if (errlen) err[0] = 0;
    if (blank(line, n)) return VG_END;
    char why[160];
    vg_jval *v = vg_json_parse(a, line, n, why, sizeof why);
    if (!v) {
        snprintf(err, errlen, "not JSON: %s", why[0] ? why : "parse error");
        return VG_ERR_JSON;
    }
    if (v->type != VG_JOBJ) {
        snprintf(err, errlen, "the line is %s, not a JSON object", type_name(v->type));
        return VG_ERR_FORMAT;
    }
    return vg_jsonl_object(v, in, err, errlen);
}

vg_status vg_jsonl_object(const vg_jval *v, vg_input *in, char *err, size_t errlen)
{
    if (errlen) err[0] = 0;
    if (v->type != VG_JOBJ) {
        snprintf(err, errlen, "%s, not a JSON object", type_name(v->type));
        return VG_ERR_FORMAT;
    }
    const vg_jval *text = vg_json_get(v, "text"), *html = vg_json_get(v, "html");
    if (text && text->type == VG_JNULL) text = NULL;
    if (html && html->type == VG_JNULL) html = NULL;
    if (text && text->type != VG_JSTR) {
        snprintf(err, errlen, "\"text\" is %s, not a string", type_name(text->type));
        return VG_ERR_FORMAT;
    }
    if (html && html->type != VG_JSTR) {
        snprintf(err, errlen, "\"html\" is %s, not a string", type_name(html->type));
        return VG_ERR_FORMAT;
    }
    if (!text && !html) {
        snprintf(err, errlen, "no \"text\" or \"html\" member");
        return VG_ERR_FORMAT;
    }
    /* Clean text wins when both are given; the HTML is the fallback. */
    const vg_jval *body = text && !blank(text->str, text->len) ? text : html;
    if (!body || blank(body->str, body->len)) {
        snprintf(err, errlen, "empty \"%s\"", text ? "text" : "html");
        return VG_ERR_EMPTY;
    }
    if (meta(v, "id", 1, &in->ext_id, err, errlen) || meta(v, "title", 0, &in->title, err, errlen) ||
        meta(v, "url", 0, &in->url, err, errlen) || meta(v, "published", 1, &in->published, err, errlen) ||
        meta(v, "outlet", 0, &in->outlet, err, errlen) || meta(v, "lang", 0, &in->lang, err, errlen))
        return VG_ERR_FORMAT;
    in->data = body->str;
    in->len = body->len;
    in->content_type = body == html ? "html" : "text";
    return VG_OK;
}
