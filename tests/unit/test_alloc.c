/* test_alloc.c - vg_grow and its arena twin: growth, overflow, failure leaves the array. */
#include <stdint.h>
#include <stdlib.h>

#include "../../lib/core/alloc.h"
#include "../../lib/core/arena.h"
#include "test.h"

TEST(grow_doubles_and_keeps_contents)
{
    int *a = NULL;
    size_t cap = 0;
    CHECK_INT(vg_grow(&a, &cap, 1, sizeof *a), 0);
    CHECK(a != NULL);
    CHECK_INT(cap, VG_GROW_MIN);
    for (int i = 0; i < 16; i++) a[i] = i;
    CHECK_INT(vg_grow(&a, &cap, 17, sizeof *a), 0);
    CHECK_INT(cap, 32);
    CHECK_INT(vg_grow(&a, &cap, 20, sizeof *a), 0); /* room already: nothing moves */
    CHECK_INT(cap, 32);
    CHECK_INT(vg_grow(&a, &cap, 1000, sizeof *a), 0);
    CHECK_INT(cap, 1024);
    int ok = 1;
    for (int i = 0; i < 16; i++) ok &= a[i] == i;
    CHECK(ok);
    free(a);
}

TEST(grow_refuses_overflow_and_keeps_the_array)
{
    char *a = NULL;
    size_t cap = 0;
    CHECK_INT(vg_grow(&a, &cap, 10, 1), 0);
    char *before = a;
    CHECK_INT(vg_grow(&a, &cap, SIZE_MAX / 2, 4), -1); /* need * elem overflows */
    CHECK(a == before);
    CHECK_INT(cap, VG_GROW_MIN);
    CHECK_INT(vg_grow_cap(0, SIZE_MAX / 8 + 1, 8), 0);
    CHECK(vg_grow_cap(SIZE_MAX / 16, SIZE_MAX / 16 + 1, 8) * (size_t)8 >= (SIZE_MAX / 16 + 1) * (size_t)8);
    CHECK_INT(vg_grow_cap(0, 3, 0), 0);
    vg_alloc_fail_at(1); /* the realloc fails: the array stays as it was */
    CHECK_INT(vg_grow(&a, &cap, 100, 1), -1);
    vg_alloc_fail_at(0);
    CHECK(a == before);
    CHECK_INT(cap, VG_GROW_MIN);
    free(a);
}

TEST(arena_grow_array_copies)
{
    vg_arena *ar = vg_arena_new(0);
    CHECK(ar != NULL);
    if (!ar) return;
    long *a = NULL;
    size_t cap = 0;
    CHECK_INT(vg_arena_grow_array(ar, &a, &cap, 3, sizeof *a), 0);
    for (long i = 0; i < 3; i++) a[i] = i * 7;
    CHECK_INT(vg_arena_grow_array(ar, &a, &cap, 100, sizeof *a), 0);
    CHECK_INT(cap, 128);
    CHECK(a[0] == 0 && a[1] == 7 && a[2] == 14);
    CHECK_INT(vg_arena_grow_array(ar, &a, &cap, SIZE_MAX / 4, sizeof *a), -1);
    CHECK_INT(cap, 128);
    vg_arena_free(ar);
}
