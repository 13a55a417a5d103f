/* story_weights.h - the tuned numbers of story choice (stories.c, second_look.c), in one table.
 *
 * Each: name, value, why, and the figure that chose it. Figures are B-cubed
 * F1 on ECB+ dev (scripts/eval-clusters.sh; "8 orders" is
 * scripts/eval-clusters-orders.sh, mean / min over 8 shuffled ingest
 * orders, `-b N` the batch size) and, for costs, bench/cluster.sh. The score
 * itself (threshold, disagreement factors, place bonus, year and day gaps)
 * is tuned in score.c / score.h, but for UNDATED below. Internal to
 * lib/cluster. */
#ifndef VG_CL_STORY_WEIGHTS_H
#define VG_CL_STORY_WEIGHTS_H

#include "features.h"
#include "score.h"

/* ---- the score (score.c) ---------------------------------------------- */

/* Factor on the score of an article with no date of its own (no dating
 * year, no full event date) against a story whose members have one, or of
 * a dated article against a story of undated ones. Words say "same kind of
 * event"; the date is what says "same incident", and with it missing on
 * one side nothing does: undated reports of one incident drifted into the
 * dated story of another incident of the same kind (issue 11) when the
 * years and dates that set such stories apart (score.c) had nothing to
 * compare (scripts/diag-clusters.py: of 419 wrongly merged pairs of dev
 * topics, 223 had one side dated and the other not; 68 left after this).
 * A factor, not a bar: a close text still joins (recall). ECB+
 * dev name order 0.917 -> 0.935 (0.7: 0.927, 0.8: 0.924, 0.9: 0.920);
 * 8 orders mean / min 0.930 / 0.906 -> 0.951 / 0.941 (the half-b topics
 * in those runs 0.920 / 0.884 -> 0.928 / 0.902); check-seeds 68 of 68.
 * But half b ingested alone (-h b, 225 articles): 0.920 / 0.901 -> 0.899
 * / 0.859 (half a 0.924 / 0.898 -> 0.959 / 0.955): an undated story that
 * one dated member joined stayed dated, and its own undated reports then
 * split off. Since, an undated article gets the factor in proportion to
 * the story's members that are dated (vg_cl_story.n_dated), a dated one
 * only against a story with none (score.c): half a 0.963 / 0.955 -> 0.962
 * / 0.956, half b 0.898 / 0.863 -> 0.907 / 0.887; 8 orders 0.949 / 0.940
 * -> 0.956 / 0.946; name order 0.935 -> 0.931. With the proportion, 0.6:
 * half a 0.951 / 0.944, 0.5: 0.950 / 0.940 (both sides proportional, 0.75:
 * 0.957 / 0.946).
 * A report with no publication date but a day its text dates itself by
 * (vg_cl_doc.own_year: its dateline, else the first full date it names, if
 * it names no later year) has its year compared like a page's own and is
 * on the dated side here, but does not date its story (n_dated, merges):
 * 8 orders 0.963 / 0.959 -> 0.967 / 0.962, half b alone 0.927 / 0.919 ->
 * 0.943 / 0.940, half a 0.975 / 0.967 -> 0.975 / 0.968; name order 0.946
 * -> 0.941 (half b 0.907 -> 0.914, half a 0.968 -> 0.970). Counting it as
 * dated for its story too: 8 orders 0.962 / 0.955, name order 0.941, half
 * a 0.961; not held back by UNDATED at all: 0.965 / 0.949, name order
 * 0.949 (one order joined two DWI arrests); the first full date taken as
 * the publication date: name order 0.935. */
#define UNDATED 0.75

/* Factor on the score of an article against a story none of whose members
 * names the article's main name (vg_cl_doc.main_name: the name its text
 * repeats most, VG_CL_MAIN_NAME_MIN times or more) while another report
 * does. Reports of two incidents of one kind share every word of the kind
 * ("arrested", "suspicion of drunk driving", the team, "title fight") and,
 * undated, only weekdays: who it happened to is what tells them apart. On
 * ECB+ dev gold clusters, an article's main name is missing from every
 * other report of its own incident for 7 of 293 articles, from every report
 * of the other incident of its topic for 151 of 293 (scripts/diag-clusters.py
 * found the merges: two title fights of one boxer, two arrests of players of
 * one team). Conditions, each measured on ECB+ dev name order (whole / half
 * a / half b, each half ingested alone):
 * - only where the dates cannot tell (the article or every member of the
 *   story undated): applied to dated pairs too, reports of one celebrity's
 *   arrest split on a clinic's or a nickname's repetition, half a 0.970 ->
 *   0.944;
 * - only if another report names it: a name no other report gives is this
 *   report's own detail (a witness, a spokesman), no sign of another
 *   incident; without it 0.951 / 0.970 / 0.927 (undated reports of a
 *   climbing accident split), with it 0.951 / 0.970 / 0.934;
 * - only while the name's postings are not full (VG_CL_POSTINGS_TOP
 *   stories): past that, older stories are not listed and nothing is said.
 * The factor is DISAGREE's (score.c), not swept. Against main a47a6bb: whole
 * name order 0.941 -> 0.951, half a 0.970 -> 0.970, half b 0.914 -> 0.934
 * (the boxer's two fights now apart; the two arrests stay merged: in half
 * of the reports the team's name is repeated most). 8 orders mean / min:
 * whole 0.968 / 0.962 -> 0.969 / 0.962, half a 0.975 / 0.968 -> 0.978 /
 * 0.970, half b 0.943 / 0.940 -> 0.946 / 0.940. */
#define LACKS_NAME 0.5

/* ---- term weights (reference.h) ---------------------------------------- */

/* How far the reference corpus of the article's language (reference.h,
 * data/<lang>/reference_df.tsv) bounds a term's weight: its document
 * frequency is at least (n + 1) * REFERENCE_WEIGHT * df_ref / N_ref, n and
 * df the collection's own counts in the language, so its idf is at most
 * log(N_ref / (REFERENCE_WEIGHT * df_ref)) however few or one-sided the
 * collection's articles; terms the reference does not list keep the
 * collection's contrast. English (228 English Wikinews articles) and
 * Spanish (722 articles of the Spanish Fake News Corpus labelled true) have
 * a reference; the other languages weigh with their own counts alone, as
 * before. ECB+ dev, name order whole / half a / half b (each half
 * ingested alone), then 8 orders mean / min whole, half a, half b:
 *   off: 0.951 / 0.970 / 0.934; 0.969 / 0.962, 0.978 / 0.970, 0.946 / 0.937
 *   0.5: 0.959 / 0.977 / 0.934; 0.969 / 0.962, 0.978 / 0.958, 0.946 / 0.933
 * (1.0: name order 0.949 / 0.975 / 0.934, and the far feed of
 * cluster_prepared_ahead_same_stories split; 0.25: name order 0.950).
 * First tried as a pseudo-count prior, idf = log((n + M + 1) / (df + M *
 * df_ref / N_ref)) (256-article reference): M = 100 gave 0.946 / 0.978 /
 * 0.941; 0.970 / 0.968, 0.992 / 0.990, 0.942 / 0.933, M = 300 0.960 /
 * 0.970 / 0.948 with orders min 0.948, but in a small collection it made
 * the words every article shares (the kind: "earthquake", "aftershocks")
 * weigh as much as the names that tell two events apart, and two quakes'
 * reports merged (four unit tests of cluster_* failed). */
#define REFERENCE_WEIGHT 0.5

/* ---- retrieval: which stories get the full score ---------------------- */

/* Candidate stories gathered from the postings of an article's terms; past
 * it new ones are ignored (the older stories of rare terms). A bound on the
 * work per article; no figure chose it (set with the first store). */
#define CANDIDATES_MAX 1024
/* Best candidates by dot product that get the full score (anchors, average
 * link). Set with the first store; kept when keep_best replaced the full
 * sort (same 12, ECB+ dev F1 0.920 before and after). */
#define SCORED_STORIES 12

/* ---- joining ----------------------------------------------------------- */

/* An article that joined with this score or more needs no second look
 * unless its weights went stale: it is well inside its story. First 0.5
 * (same ECB+ stories in all 9 orders tried, less work at commit); gone when
 * every article of a batch was weighed again; back at 0.3 with the window
 * of commits (scores are now the mean cosine to members, lower than the
 * cosine to the centroid). No figure of its own recorded for 0.3: the
 * window came at 8 orders 0.918 / 0.908 (default batch). */
#define SURE_JOIN 0.3
/* Raw term counts kept per article for the second look, to weigh again
 * when frequencies settle (a long text has 2,000+ terms; the story vector
 * is the head of these, VG_CL_MAX_TERMS). Memory: SINGLES_MAX x 512 terms
 * is about 50 MB. Came with weighing again at commit (8 orders 0.886 /
 * 0.856 -> 0.922 / 0.909 for that change as a whole), not swept. */
#define RAW_TERMS 512
_Static_assert(RAW_TERMS >= VG_CL_MAX_TERMS, "the story vector is the head of the raw terms");

/* ---- the second-look window -------------------------------------------- */

/* Stories an article nearly joined (scored at least NEAR_FLOOR), kept with
 * it in the window: when one of them changes, the article is looked at
 * again. With WINDOW_ARTICLES and LOOKS_PER_ARTICLE: 8 orders, batches of
 * 10: 0.855 -> 0.931; of 50: 0.898 -> 0.932; default batch unchanged. */
#define NEAR_STORIES 4
#define NEAR_FLOOR (VG_CL_THRESHOLD / 2)
/* Articles that came since, for which an article stays in the window. The
 * window was a number of commits: with the default batch (500) an article
 * met the whole batch, but fed a handful at a time (a feed, `vigie watch`)
 * it met only the next few dozen and the first report of an event stayed
 * alone or in the wrong story (batches of 10: 0.855 against 0.915 in one
 * batch). Counted in articles, small batches see as far. */
#define WINDOW_ARTICLES 512
/* Articles in the window at most: bounded memory (~50 MB with RAW_TERMS).
 * Was 10,000 with 300 terms each. */
#define SINGLES_MAX 4000
/* Second looks per article of the batch at one commit at most: members
 * and near members of the changed stories are looked at, and a story with
 * many members in the window must not make a commit cost more. With no
 * floor, a commit of one article never does hundreds: ECB+ dev in batches
 * of 1, 2 orders, F1 0.923. */
#define LOOKS_PER_ARTICLE 24
/* Weights go stale when the collection grew by half since they were
 * computed (a young database: the first articles were weighed with the
 * frequencies of a handful of documents); in a large archive they do not.
 * Weighing every article of a batch again at commit took 8 orders from
 * 0.886 / 0.856 to 0.922 / 0.909 (with average link); redone only when
 * stale, the window cost 372-439 us per article at 10k bench articles,
 * flat. The 1.5 itself was not swept. */
#define STALE_GROWTH 1.5
/* Second-look rounds per commit at most; most settle in two (no figure
 * recorded). */
#define LOOK_PASSES 3
/* Commits an unsure article stays at least (large batches: past
 * WINDOW_ARTICLES); --batch 50, 8 orders 0.866 / 0.818 -> 0.900 / 0.870
 * when the window first spanned 4 commits. */
#define LOOK_COMMITS 4
/* Commits a young (stale-prone) article stays past WINDOW_ARTICLES at
 * most: a bound on memory, not swept. */
#define LOOK_MAX 8
/* Articles of an open batch after which the window is looked at without
 * waiting for the commit, as a feed committing that often would. 8 orders,
 * one batch of all: mean / min 0.934 / 0.889 (half a), 0.904 / 0.888 (half
 * b) with a look at commit only; every 10 articles 0.939 / 0.911 and 0.918
 * / 0.900; every 50 0.945 / 0.918 and 0.919 / 0.905 (whole set 0.915 /
 * 0.905 -> 0.935 / 0.913). */
#define LOOK_EVERY 50

/* ---- stories that are one (second_look.c) ----------------------------- */

/* Average link (mean score of a story's members in another, vg_cl_score)
 * at which a story whose members are all in the window joins the near
 * story it is one with. The join threshold itself: a story joins a story
 * at the level an article joins one. Most same-incident pairs split in
 * ECB+ dev were undated reports in two or three stories of their own
 * (scripts/diag-clusters.py, half b alone: 138 of 219 split pairs "words
 * only, both undated"), stuck there because each member scored best where
 * it was. Name order, whole / half a / half b (each ingested alone):
 * 0.935 / 0.949 / 0.879 -> 0.946 / 0.968 / 0.907; 8 orders mean / min,
 * whole 0.955 / 0.946 -> 0.962 / 0.953, half a 0.961 / 0.952 -> 0.975 /
 * 0.967, half b 0.907 / 0.883 -> 0.927 / 0.919. At 0.08 0.948 / 0.978
 * / 0.907, 0.12 0.939 / 0.958 / 0.907, 0.15 0.935 / 0.958 / 0.884. Across
 * dating (a story with dated members and one with none) at 0.10: 0.931 /
 * 0.960 / 0.899, the reports of two events of one kind merged (words say
 * "same kind"; see UNDATED): not done. */
#define MERGE_LINK VG_CL_THRESHOLD
/* Near stories (of its members' near lists) whose link a story measures:
 * a bound on the work, not swept. */
#define MERGE_CANDIDATES 8

#endif
