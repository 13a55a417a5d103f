/* walk.c - depth-first walk of input paths with an explicit stack; a folder whose (dev, inode) is already on the stack is a loop. */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/alloc.h"

#define MAX_DEPTH 256 /* deeper than any real archive; stops pathological trees */

typedef struct frame {
    char *path;
    char **names;     /* sorted entries, hidden ones left out */
    size_t n, next;
    dev_t dev;
    ino_t ino;
} frame;

typedef struct file_id {
    dev_t dev;
    ino_t ino;
} file_id;

struct vg_walk {
    file_id *skip;    /* files never handed out from a folder */
    size_t n_skip;
    char **args;
    size_t n_args, next_arg;
    frame *stack;
    size_t depth, cap;
    char *cur;        /* the path handed out last */
};

vg_status vg_walk_open(const char *const *paths, size_t n, const char *const *skip, size_t n_skip,
                       vg_walk **out)
{
    *out = NULL;
    vg_walk *w = vg_calloc(1, sizeof *w);
    if (!w) return VG_ERR_NOMEM;
    if (n_skip) {
        if (!(w->skip = vg_calloc(n_skip, sizeof *w->skip))) { free(w); return VG_ERR_NOMEM; }
        for (size_t i = 0; i < n_skip; i++) {
            struct stat st;
            if (skip[i] && stat(skip[i], &st) == 0) w->skip[w->n_skip++] = (file_id){st.st_dev, st.st_ino};
        }
    }
    w->args = vg_calloc(n ? n : 1, sizeof *w->args);
    if (!w->args) { free(w->skip); free(w); return VG_ERR_NOMEM; }
    w->n_args = n;
    for (size_t i = 0; i < n; i++) {
        if (!(w->args[i] = vg_strdup(paths[i]))) { vg_walk_close(w); return VG_ERR_NOMEM; }
    }
    *out = w;
    return VG_OK;
}

static void frame_free(frame *f)
{
    for (size_t i = 0; i < f->n; i++) free(f->names[i]);
    free(f->names);
    free(f->path);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = vg_malloc(a + b + 2);
    if (!p) return NULL;
    memcpy(p, dir, a);
    size_t k = a;
    if (a == 0 || dir[a - 1] != '/') p[k++] = '/';
    memcpy(p + k, name, b + 1);
    return p;
}

/* Push a folder (takes ownership of path). */
static vg_status push_dir(vg_walk *w, char *path, const struct stat *st, char *err, size_t errlen)
{
    for (size_t i = 0; i < w->depth; i++) {
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
            snprintf(err, errlen, "%s: directory loop through symlinks (back to %s)", path, w->stack[i].path);
            free(w->cur);
            w->cur = path;
            return VG_ERR_LOOP;
        }
    }
    if (w->depth >= MAX_DEPTH) {
        snprintf(err, errlen, "%s: folders nested more than %d deep", path, MAX_DEPTH);
        free(w->cur);
        w->cur = path;
        return VG_ERR_LOOP;
    }
    DIR *d = opendir(path);
    if (!d) {
        snprintf(err, errlen, "%s: cannot open folder: %s", path, strerror(errno));
        free(w->cur);
        w->cur = path;
        return VG_ERR_IO;
    }
    frame f = {path, NULL, 0, 0, st->st_dev, st->st_ino};
    size_t cap = 0;
    struct dirent *e;
    vg_status rc = VG_OK;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (vg_grow(&f.names, &cap, f.n + 1, sizeof *f.names)) { rc = VG_ERR_NOMEM; break; }
        if (!(f.names[f.n] = vg_strdup(e->d_name))) { rc = VG_ERR_NOMEM; break; }
        f.n++;
    }
    closedir(d);
    if (rc == VG_OK && vg_grow(&w->stack, &w->cap, w->depth + 1, sizeof *w->stack)) rc = VG_ERR_NOMEM;
    if (rc != VG_OK) {
        snprintf(err, errlen, "%s: out of memory listing the folder", path);
        free(w->cur);
        w->cur = f.path;
        f.path = NULL;
        frame_free(&f);
        return rc;
    }
    if (f.n) qsort(f.names, f.n, sizeof *f.names, cmp_names);
    w->stack[w->depth++] = f;
    return VG_OK;
}

static int skipped(const vg_walk *w, const struct stat *st)
{
    for (size_t i = 0; i < w->n_skip; i++)
        if (w->skip[i].dev == st->st_dev && w->skip[i].ino == st->st_ino) return 1;
    return 0;
}

/* Decide what one path is. in_folder: found while walking (hidden, special files skipped). */
static vg_status visit(vg_walk *w, char *path, int in_folder, const char **out, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        free(w->cur);
        w->cur = path;
        *out = w->cur;
        return VG_ERR_IO;
    }
    if (S_ISDIR(st.st_mode)) {
        vg_status s = push_dir(w, path, &st, err, errlen);
        if (s != VG_OK) *out = w->cur;
        return s == VG_OK ? VG_END : s; /* VG_END here: nothing to hand out yet */
    }
    if (in_folder && !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file, skipped", path);
        free(w->cur);
        w->cur = path;
        *out = w->cur;
        return VG_ERR_FORMAT;
    }
    if (in_folder && skipped(w, &st)) {
        free(path);
        return VG_END; /* nothing to hand out: the walk goes on */
    }
    free(w->cur);
    w->cur = path;
    *out = w->cur;
    return VG_OK;
}

vg_status vg_walk_next(vg_walk *w, const char **path, char *err, size_t errlen)
{
    *path = NULL;
    if (errlen) err[0] = 0;
    for (;;) {
        if (w->depth) {
            frame *f = &w->stack[w->depth - 1];
            if (f->next == f->n) {
                frame_free(f);
                w->depth--;
                continue;
            }
            char *p = join(f->path, f->names[f->next++]);
            if (!p) { snprintf(err, errlen, "%s: out of memory", f->path); *path = f->path; return VG_ERR_NOMEM; }
            vg_status s = visit(w, p, 1, path, err, errlen);
            if (s != VG_END) return s;
            continue;
        }
        if (w->next_arg == w->n_args) return VG_END;
        const char *a = w->args[w->next_arg++];
        char *p = vg_strdup(a);
        if (!p) { snprintf(err, errlen, "%s: out of memory", a); *path = a; return VG_ERR_NOMEM; }
        if (strcmp(a, "-") == 0) {
            free(w->cur);
            w->cur = p;
            *path = p;
            return VG_OK;
        }
        vg_status s = visit(w, p, 0, path, err, errlen);
        if (s != VG_END) return s;
    }
}

void vg_walk_close(vg_walk *w)
{
    if (!w) return;
    while (w->depth) frame_free(&w->stack[--w->depth]);
    free(w->stack);
    for (size_t i = 0; i < w->n_args; i++) free(w->args[i]);
    free(w->args);
    free(w->skip);
    free(w->cur);
    free(w);
}
