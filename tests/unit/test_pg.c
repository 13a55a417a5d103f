/* test_pg.c - the PostgreSQL store's pieces that need no server: a search
 * query as a tsquery (lib/store/pg_search.c), the statement text rendered
 * for PostgreSQL (sql.c), what a worker keeps for the story writer as bytes
 * (lib/cluster/prepare.c). The store itself runs against a real server in
 * tests/scenarios/pg_*.sh. */
#include <stdlib.h>

#include "test.h"
#include "../../lib/cluster/prepare.h"
#include "../../lib/core/buf.h"
#include "../../lib/store/internal.h"
#include "../../lib/text/stem.h"

static const char *tsq(const char *q, int with_fr, vg_buf *b)
{
    vg_stemmer *fr = with_fr ? vg_stemmer_new("fr", 2) : NULL;
    vg_stemmer *langs[1] = {fr};
    char err[200];
    vg_buf_clear(b);
    vg_status s = vg_pg_tsquery(q, langs, fr ? 1 : 0, b, NULL, err, sizeof err);
    vg_stemmer_free(fr);
    if (s != VG_OK) { vg_buf_clear(b); vg_buf_puts(b, "ERR "); vg_buf_puts(b, err); }
    return b->data ? b->data : "";
}

TEST(pg_tsquery_words)
{
    vg_buf b = VG_BUF_INIT;
    CHECK_STR(tsq("army", 0, &b), "(('army'))");
    CHECK_STR(tsq("army police", 0, &b), "(('army')) & (('police'))");
    /* a word is its folded form or its stem in a stored language */
    CHECK_STR(tsq("Frappes", 1, &b), "(('frappes' | 'frapp'))");
    /* several tokens in one word or a phrase: in sequence */
    CHECK_STR(tsq("al-Fashir", 0, &b), "(('al') <-> ('fashir'))");
    CHECK_STR(tsq("\"forces de\"", 0, &b), "(('forces') <-> ('de'))");
    /* prefix: the folded form only */
    CHECK_STR(tsq("frap*", 1, &b), "('frap':*)");
    vg_buf_free(&b);
}

TEST(pg_tsquery_operators)
{
    vg_buf b = VG_BUF_INIT;
    /* FTS5's precedence: NOT, then AND (written or not), then OR */
    CHECK_STR(tsq("a OR b c", 0, &b), "(('a')) | (('b')) & (('c'))");
    CHECK_STR(tsq("a NOT b OR c", 0, &b), "(('a')) & !(('b')) | (('c'))");
    CHECK_STR(tsq("(a OR b) AND c", 0, &b), "((('a')) | (('b'))) & (('c'))");
    vg_buf_free(&b);
}

TEST(pg_tsquery_quotes_and_errors)
{
    vg_buf b = VG_BUF_INIT;
    /* a quote in a word is doubled inside the lexeme: text never closes it */
    CHECK_STR(tsq("O'Brien", 0, &b), "(('o') <-> ('brien'))");
    CHECK(strstr(tsq("a OR", 0, &b), "ERR query syntax") != NULL);
    CHECK(strstr(tsq("(a", 0, &b), "ERR query syntax") != NULL);
    CHECK(strstr(tsq("a)", 0, &b), "ERR query syntax") != NULL);
    CHECK_STR(tsq("\"unbalanced", 0, &b), "ERR query syntax: unterminated string"); /* as FTS5 */
    CHECK(strstr(tsq("title:a", 0, &b), "not supported") != NULL);
    CHECK(strstr(tsq("NEAR(a b)", 0, &b), "not supported") != NULL);
    /* deep nesting is refused, not recursed into */
    char deep[400];
    memset(deep, '(', sizeof deep - 1);
    deep[sizeof deep - 1] = 0;
    CHECK(strstr(tsq(deep, 0, &b), "ERR") != NULL);
    /* a word with nothing to index matches nothing */
    CHECK_STR(tsq("\"...\"", 0, &b), "('_')");
    vg_buf_free(&b);
}

/* What a queue worker keeps for the story writer comes back as it was:
 * every field of the signature and the features (the writer on another
 * machine must weigh exactly what a single ingest would). */
TEST(pg_prepared_round_trip)
{
    vg_env *env = NULL;
    CHECK(vg_env_open(vg_test_data_dir(), &env, NULL, 0) == VG_OK);
    vg_doc *d = NULL;
    CHECK(env && vg_doc_create(env, &d) == VG_OK);
    if (!d) { vg_env_close(env); return; }
    CHECK(vg_test_events_json(d, "en", "KANO, Nigeria, March 3, 2024 - Gunmen killed 12 villagers in Kano state on "
                                       "Sunday, police said. The attackers burned houses in the village.") != NULL);
    vg_prepared *p = NULL;
    CHECK(vg_prepare(d, &p) == VG_OK && p);
    if (p) {
        vg_buf b = VG_BUF_INIT;
        vg_prepared_pack(p, &b);
        CHECK(!b.failed && b.len > 600);
        vg_arena *a = vg_arena_new(0);
        vg_prepared q;
        CHECK(vg_prepared_unpack(b.data, b.len, a, &q) == VG_OK);
        CHECK(p->features.n > 0 && q.features.n == p->features.n);
        CHECK(!memcmp(q.features.terms, p->features.terms, p->features.n * sizeof *p->features.terms));
        vg_prepared x = *p, y = q;
        x.features.terms = y.features.terms = NULL;
        CHECK(!memcmp(&x.sig, &y.sig, sizeof x.sig));
        CHECK(!memcmp(&x.features, &y.features, sizeof x.features));
        /* anything else is refused, not read past */
        for (size_t cut = 0; cut < b.len; cut += 37) CHECK(vg_prepared_unpack(b.data, cut, a, &q) == VG_ERR_FORMAT);
        vg_buf_putc(&b, 0);
        CHECK(vg_prepared_unpack(b.data, b.len, a, &q) == VG_ERR_FORMAT);
        vg_arena_free(a);
        vg_buf_free(&b);
    }
    vg_doc_free(d);
    vg_env_close(env);
}
