/* weights.h - the event model's tuned numbers, in one table: each with what it
 * decides, why this value, and the dev figure that chose it (internal to
 * lib/analyze). Field resolvers (places, counts, actors) keep their own.
 *
 * Dev sets: ACLED dev notes (scripts/eval-events.sh), whole articles
 * (scripts/eval-articles.sh en-dev fr). Figures are quoted as measured when
 * the value was set; the commit that changed a value gives the before/after. */
#ifndef VG_AN_WEIGHTS_H
#define VG_AN_WEIGHTS_H

/* --- Mentions: one sentence's trigger scores (mentions.c) --- */

/* How many words after a cue it reaches (cues.tsv): a negation, the verb
 * right after it ("no one was killed", "n'a pas tué"); a threat or an
 * announcement, the clause it opens ("threatened to attack the town on
 * Monday"); "since", the disaster named right after it ("a year since
 * Cyclone X"). */
#define NEG_REACH 2
#define FUTURE_REACH 7
#define SINCE_REACH 3

/* A "+Intervention" modifier row weighing less than this is a weak cue
 * ("stopped", "were detained"): it counts only where police or troops are
 * named. Strong rows ("tear gas", 3) count alone. */
#define W_WEAK_INTERVENTION 2.5f

/* A modifier row ("+Sub") with no protest in the same sentence or document
 * counts this share of its weight: "looted" alone is weak evidence of a
 * riot. */
#define W_MOD_ALONE 0.3f

/* A protest whose riot words ("riots", "rioters") score at least this share
 * of its protest words is a riot (ACLED: a demonstration that turns violent
 * is one Riots event). */
#define W_RIOT_SHARE 0.5f

/* A sentence about the past (a year before the reference year, "in March"
 * outside the publication's month) keeps this share of its scores. */
#define W_HISTORY 0.15f

/* A sentence that tells a plan, an expectation or a poll (cues.tsv "plan",
 * "opinion") keeps this share of its scores. */
#define W_TALK 0.15f

/* The lede carries the main event: sentence k weighs 1 / (1 + W_LEDE * k). */
#define W_LEDE 0.5f

/* --- The document's lead event (incidents.c) --- */

/* Summed score below this: one ambiguous word (weight < 1) is not an event. */
#define MIN_DOC_SCORE 1.0f
/* A document with >= 2 accident/disaster/sport cues reports an event only
 * when its score exceeds this many points per cue. */
#define W_NONPOL_PER_CUE 2.0f
/* A lede whose triggers are all cancelled (a threat, an announcement) holds
 * no event unless some sentence scores at least this plainly. */
#define MIN_PLAIN_SCORE 4.5f
/* An armed-clash trigger this strong names a battle whoever is named
 * ("clashes", "fighting"): actors do not turn it into an attack. */
#define W_EXPLICIT_CLASH 3.5f

/* An attack whose text names a weapon (shelling, air strike, bomb) weighing
 * at least this share of the attack's score is that weapon's
 * Explosions/Remote violence sub-type. */
#define W_WEAPON_SHARE 0.5f

/* A text whose protest or riot scores at least this share of its attack
 * reports the crowd's event first (the killing that set it off gets a row
 * of its own). */
#define W_CROWD_SHARE 0.5f

/* Arrests of at least this many people during a protest are the crowd's:
 * they belong to the protest's row, not to a row of their own. */
#define MASS_ARRESTS 3

/* Mentions of a protest or riot at places this close tell one event (one
 * city: "East Flatbush", "Brooklyn", "New York" in one riot report). */
#define CROWD_SCENE_KM 25.0

/* --- Rows: how many (incidents.c) --- */

/* A sentence whose best sub-type scores below this adds no row of its own. */
#define MIN_EXTRA_SCORE 2.0f

/* --- Confidence (confidence.c) --- */

/* Logistic weights over the row features of confidence.h, in their order,
 * written by scripts/calibrate-confidence.py (see there and the commit for
 * the calibration table): one model for short texts (a coder's one-event
 * note: at most SHORT_TEXT_SENTENCES sentences), one for whole articles. */
#define SHORT_TEXT_SENTENCES 6
#define ROW_CONF_BIAS_SHORT -2.183f
#define ROW_CONF_WEIGHTS_SHORT {2.980f, 0.586f, -0.454f, -0.641f, 1.286f, -0.646f, 1.314f, 0.408f, 0.077f, -0.528f, -0.013f, -0.045f, -0.215f, 0.190f, -0.553f, -0.217f, -1.118f, -0.125f}
#define ROW_CONF_BIAS_LONG -0.910f
#define ROW_CONF_WEIGHTS_LONG {0.402f, 0.370f, 0.500f, 0.916f, 0.885f, -0.380f, -0.109f, -0.686f, -1.358f, 0.340f, -0.270f, 0.123f, -1.113f, -0.291f, -0.788f, 0.012f, -0.866f, -0.827f}

/* --- Dates (mentions.c) --- */

/* A date more than this many days before the reference (publication, else
 * the first full date in the text: mentions.c's text_anchor) is background: "the 1973 uprising",
 * "the June truce" are not the day of the event reported. */
#define BACKGROUND_DAYS 31

#endif
