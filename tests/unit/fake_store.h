/* fake_store.h - an in-memory store behind lib/cluster's story interface (vg_cl_store_ops), for tests: no SQLite. */
#ifndef VG_TEST_FAKE_STORE_H
#define VG_TEST_FAKE_STORE_H
#include <stdint.h>

#include "../../lib/cluster/stories.h"

/* Keeps every posting (no head), every story and each article's story in
 * plain arrays; enough for a few hundred articles. */
typedef struct fake_store fake_store;

fake_store *fake_store_new(void);
void fake_store_free(fake_store *fs);
const vg_cl_store_ops *fake_store_ops(void);
/* A new article (ids 1, 2, ...) in a language, with no story yet; dup_of: the article it copies, 0 none. */
int64_t fake_store_article(fake_store *fs, const char *lang, int64_t dup_of);
int64_t fake_store_story_of(const fake_store *fs, int64_t article);
/* Stories made so far (ids 1..n) and one of them (NULL past the end). */
int64_t fake_store_n_stories(const fake_store *fs);
const vg_cl_story *fake_store_story(const fake_store *fs, int64_t id);
/* The sum of the squared weights of a story's postings (its norm, computed afresh). */
double fake_store_norm2(const fake_store *fs, int64_t story);
/* Calls of each kind the clustering made: "new_story", "save_story", "assign_copies". */
long fake_store_calls(const fake_store *fs, const char *what);

#endif
