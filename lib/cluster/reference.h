/* reference.h - document frequencies of a fixed reference corpus per language (data/<lang>/reference_df.tsv),
 * mixed with the collection's own so that term weights do not swing with the collection's size or topic mix.
 *
 * Why: a term's idf read from the collection alone says what is rare *in this database*. On the
 * first hundred articles every word of their one topic is common and every function word of a
 * second language is rare; 500 unrelated articles later the same words weigh something else, and
 * stories change with their company (issue 11). The reference counts, from news texts of the
 * language under an open licence (the file's header names them), bound each word's weight:
 * a word common in news is common from the first article on, however few or one-sided the
 * collection's articles are (vg_cl_reference_mix, REFERENCE_WEIGHT in story_weights.h). */
#ifndef VG_CL_REFERENCE_H
#define VG_CL_REFERENCE_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "features.h"

typedef struct vg_cl_reference vg_cl_reference;

/* Parse a reference table: '#' comment lines, one row "@documents<TAB>N" (the corpus size),
 * then "TERM<TAB>DF" rows, TERM folded as vg_words folds it (the tool of
 * scripts/build-reference-df.sh writes them). On a bad row *out is NULL and err says which.
 * name stands for the file in messages. */
vg_status vg_cl_reference_parse(const char *name, const char *text, size_t len, vg_cl_reference **out, char *err,
                                size_t errlen);
void vg_cl_reference_free(vg_cl_reference *r); /* accepts NULL */

/* The folder references are read from: dir when given (the data folder of vg_env_open, which the
 * documents carry, vg_doc.data_dir), else $VIGIE_DATA, else the compiled-in data folder: the order
 * vg_env_open itself resolves its folder in, so a data folder given to it wins here too. */
const char *vg_cl_reference_dir(const char *dir);

/* The reference of a language, read once per process from <folder>/<lang>/reference_df.tsv
 * (folder: vg_cl_reference_dir(dir)) and kept until exit; NULL when the language has none there
 * (or its file is bad: weights are then the collection's alone, as before there were
 * references). Thread-safe. */
const vg_cl_reference *vg_cl_reference_for(const char *dir, const char *lang);

/* The corpus size, and a term's count in it (0: not among the listed terms). */
uint64_t vg_cl_reference_docs(const vg_cl_reference *r);
uint32_t vg_cl_reference_df(const vg_cl_reference *r, int64_t term);

/* Mix: the collection counted n documents (of the article's language), df[i] of them with
 * terms[i]. A term is at least as common as its share of the reference (times weight) says:
 * out_df[i] = max(df[i], (n + 1) * weight * df_ref / N_ref), *out_n = n, so that its idf,
 * log((n + 1) / df), is the smaller of the collection's and the reference's. Words common in
 * news weigh next to nothing from the first article on, whatever the collection holds; the
 * others keep the collection's own contrast (what tells two events of one kind apart in it).
 * r NULL or weight 0: the collection's counts unchanged. */
void vg_cl_reference_mix(const vg_cl_reference *r, double weight, const vg_cl_term *terms, size_t n_terms,
                         const uint32_t *df, uint64_t n, double *out_df, double *out_n);

#endif
