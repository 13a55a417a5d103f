/* test_serve.c - the server's request target parser and parameter checks (lib/serve/), and the store's API reads. */
#include <stdlib.h>
#include <string.h>

#include "../../lib/serve/serve.h"
#include "test.h"

static vg_sv_target *parse(const char *s, int *rc, char *err)
{
    vg_sv_target *t = malloc(sizeof *t);
    *rc = vg_sv_parse_target(s, strlen(s), t, err, 256);
    return t;
}

TEST(serve_target_splits_and_decodes)
{
    char err[256];
    int rc;
    vg_sv_target *t = parse("/api/events?q=air+strike%20%C3%A9&country=SY&empty=&flag&&", &rc, err);
    CHECK_INT(rc, 0);
    CHECK_STR(t->path, "/api/events");
    CHECK_INT(t->n, 4);
    CHECK_STR(vg_sv_param(t, "q"), "air strike \xc3\xa9");
    CHECK_STR(vg_sv_param(t, "country"), "SY");
    CHECK_STR(vg_sv_param(t, "empty"), "");
    CHECK_STR(vg_sv_param(t, "flag"), "");
    CHECK(vg_sv_param(t, "nope") == NULL);
    free(t);
    t = parse("/", &rc, err);
    CHECK_INT(rc, 0);
    CHECK_STR(t->path, "/");
    CHECK_INT(t->n, 0);
    free(t);
    t = parse("/a?b", &rc, err); /* the densest target: every byte decodes to itself and two NULs */
    CHECK_INT(rc, 0);
    CHECK_STR(t->names[0], "b");
    free(t);
}

TEST(serve_target_refusals_name_the_parameter)
{
    static const struct { const char *target, *err; } bad[] = {
        {"/api/events?q=%ZZ", "q: "},           /* bad escape */
        {"/api/events?q=%4", "q: "},            /* cut escape */
        {"/api/events?q=%00", "q: "},           /* NUL */
        {"/api/events?q=a%0Ab", "q: "},         /* control byte */
        {"/api/events?q=%C3%28", "q: "},        /* invalid UTF-8 */
        {"/api/events?limit=1&limit=2", "limit: given more than once"},
        {"/api/events?=1", "a parameter has no name"},
        {"api/events", "request target does not start with '/'"},
        {"/api/ev ents", "path: "},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[256] = "";
        int rc;
        vg_sv_target *t = parse(bad[i].target, &rc, err);
        CHECK_INT(rc, -1);
        if (strncmp(err, bad[i].err, strlen(bad[i].err))) CHECK_STR(err, bad[i].err);
        free(t);
    }
}

TEST(serve_target_bounds)
{
    size_t n = VG_SV_MAX_TARGET + 1;
    char *s = malloc(n + 1);
    memset(s, 'a', n);
    s[0] = '/';
    s[n] = 0;
    char err[256];
    int rc;
    vg_sv_target *t = parse(s, &rc, err);
    CHECK_INT(rc, -1);
    free(t);
    /* 33 parameters: one too many */
    char many[512] = "/x?";
    for (int i = 0; i <= VG_SV_MAX_PARAMS; i++) snprintf(many + strlen(many), sizeof many - strlen(many), "p%d=1&", i);
    t = parse(many, &rc, err);
    CHECK_INT(rc, -1);
    free(t);
    free(s);
}

/* A route's answer with no database: the parameter checks run, the query does not. */
static int route_status(const char *target, char *param, size_t cap)
{
    char err[256];
    int rc;
    vg_sv_target *t = parse(target, &rc, err);
    if (rc != 0) { free(t); return -1; }
    vg_sv_request rq = {t, NULL, "no database", NULL};
    vg_sv_answer a;
    memset(&a, 0, sizeof a);
    vg_sv_route(&rq, &a);
    *param = 0;
    const char *p = a.body.data ? strstr(a.body.data, "\"parameter\":\"") : NULL;
    if (p) {
        p += 13;
        size_t n = strcspn(p, "\"");
        snprintf(param, cap, "%.*s", (int)(n < cap ? n : cap - 1), p);
    }
    int st = a.status;
    vg_buf_free(&a.body);
    free(t);
    return st;
}

TEST(serve_routes_check_parameters_before_the_database)
{
    char param[64];
    static const struct { const char *target; int status; const char *param; } cases[] = {
        {"/api/events", 503, ""}, /* good: reaches the (missing) database */
        {"/api/events?limit=1001", 400, "limit"},
        {"/api/events?limit=12abc", 400, "limit"},
        {"/api/events?min_confidence=0x1", 400, "min_confidence"},
        {"/api/events?min_confidence=nan", 400, "min_confidence"},
        {"/api/events?bbox=1,2,3", 400, "bbox"},
        {"/api/events?bbox=1,2,3,4,5", 400, "bbox"},
        {"/api/events?bbox=0,50,10,40", 400, "bbox"},
        {"/api/events?total=yes", 400, "total"},
        {"/api/events?cursor=%21", 400, "cursor"},
        {"/api/events?colour=red", 400, "colour"},
        {"/api/events?actor=", 400, "actor"},
        {"/api/events?country=Narnia", 400, "country"},
        {"/api/events.csv?limit=20000", 503, ""},
        {"/api/search", 400, "q"},
        {"/api/stats?limit=5", 400, "limit"},
        {"/api/health?x", 400, "x"},
        {"/api/nowhere", 404, ""},
        {"/index.html", 200, ""},
        {"/", 200, ""},
        {"/etc/passwd", 404, ""},
        {"/api/openapi.json", 200, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int st = route_status(cases[i].target, param, sizeof param);
        if (st != cases[i].status) CHECK_STR(cases[i].target, "wrong status");
        CHECK_STR(param, cases[i].param);
    }
}
