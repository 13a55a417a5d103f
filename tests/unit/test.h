/* test.h - a minimal unit-test harness: TEST(name) { CHECK(...); } registers itself. */
#ifndef VG_TEST_H
#define VG_TEST_H
#include <stdio.h>
#include <string.h>

#include "vigie.h"

typedef void (*vg_test_fn)(void);
void vg_test_register(const char *name, const char *file, vg_test_fn fn);
void vg_test_fail(const char *file, int line, const char *expr);
extern int vg_test_current_failed;

#define TEST(name)                                                              \
    static void test_##name(void);                                              \
    __attribute__((constructor)) static void register_##name(void)              \
    { vg_test_register(#name, __FILE__, test_##name); }                          \
    static void test_##name(void)

#define CHECK(cond)                                                             \
    do { if (!(cond)) vg_test_fail(__FILE__, __LINE__, #cond); } while (0)
#define CHECK_STR(a, b)                                                         \
    do { const char *a_ = (a), *b_ = (b);                                       \
         if (!a_ || !b_ || strcmp(a_, b_) != 0) {                               \
             char m_[512]; snprintf(m_, sizeof m_, "%s == %s (\"%.200s\" vs \"%.200s\")", \
                 #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)");               \
             vg_test_fail(__FILE__, __LINE__, m_); } } while (0)
#define CHECK_INT(a, b)                                                         \
    do { long long a_ = (long long)(a), b_ = (long long)(b);                    \
         if (a_ != b_) { char m_[256];                                          \
             snprintf(m_, sizeof m_, "%s == %s (%lld vs %lld)", #a, #b, a_, b_);  \
             vg_test_fail(__FILE__, __LINE__, m_); } } while (0)

/* Folder of the repository's data/ for tests that load resources. */
const char *vg_test_data_dir(void);

/* An input of plain text in lang (NULL: detected) named "t.txt"; text is not copied. */
vg_input vg_test_text_input(const char *lang, const char *text);
/* text loaded into d as vg_test_text_input and analysed: d's events as JSON, or NULL when a
 * step fails. The JSON is d's until d is loaded again or freed. */
const char *vg_test_events_json(vg_doc *d, const char *lang, const char *text);
/* The first string value of "key" in json (a null one is passed over), without its quotes,
 * into out (at most cap - 1 bytes; "" when json is NULL or has none). */
const char *vg_test_json_string(const char *json, const char *key, char *out, size_t cap);

#endif
