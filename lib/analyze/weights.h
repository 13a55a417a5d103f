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
/* An obligation or a purpose ("must halt rocket attacks", "to end the fighting", "by ending its
 * rocket attacks") reaches the object of its verb only: at FUTURE_REACH, "lockdown measures to
 * stop coronavirus from spreading staged a demonstration" and "measures to prevent the spread of
 * the coronavirus were attacked" lost their ACLED notes' events (4 notes, sub_type 0.899 -> 0.897). */
#define PURPOSE_REACH 3
/* A denial after a trigger ("protests are not reported", cues.tsv "negafter") reaches back over
 * this many words of its clause: an auxiliary, or a short place ("protests in Mosul are not reported"). */
#define NEG_AFTER_REACH 3
#define SINCE_REACH 3
/* A demonstrative reaches the trigger right after it or one word on ("this
 * latest attack", "cette attaque meurtrière" reads the noun first). */
#define ANAPHOR_REACH 2

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
 * city: a district, its borough and its city named in one riot report). */
#define CROWD_SCENE_KM 25.0
/* A place resolved with less confidence than this (places.c CONF_DOUBTFUL, 0.3: a homonym
 * in another division than the text's, an isolated small town) names no incident's scene:
 * it neither parts two mentions nor joins them. en-dev: "the 67th Precinct at Snyder Avenue"
 * (Snyder, Texas) and "the vigil site ... Tilden" split Brooklyn riots; see commit. */
#define MIN_SCENE_CONFIDENCE 0.35f
/* A place named approximately ("south of Kabul", geo_precision 2) and a town or division
 * this close to it are one scene (Logar's seat is 60 km from Kabul). ar dev: see commit. */
#define NEAR_SCENE_KM 100.0

/* Clauses of one sentence (clauses.c): a joiner parts two incidents when the second clause's
 * trigger comes within CLAUSE_TRIGGER_REACH words of it ("and a clash in Suez", "while the
 * army shelled ...") and no scene of one clause is within CLAUSE_SCENE_KM of a scene of the
 * other (one city's quarters are one scene, as for a crowd: CROWD_SCENE_KM). */
#define CLAUSE_TRIGGER_REACH 6
#define CLAUSE_SCENE_KM 25.0

/* Capitalised words that may stand between a place and the organisation word that makes
 * it the start of an organisation's name ("Kerman Coal Mine Company", "Punjab Roadways
 * Contractual Workers Union"): such a place is not a scene (row.c names_org). */
#define ORG_NAME_WORDS 3

/* A bearing before the scene's name ("in the southern countryside of Amra", "north of Vesko", "in
 * the West Zone of Cardo": cues.tsv "bearing" then "bearing_of"): the scene lies that way from the
 * place named, which is not where it happened. The row's point moves BEARING_KM that way (or the
 * distance written before the bearing, "15 km north of", up to BEARING_MAX_KM), geo_precision 2.
 * BEARING_GAP: words between the bearing and its "of" ("countryside", "West Zone"). ACLED dev
 * notes whose chosen place follows such a bearing (39, estimated on the rows' points): at 10 km 7
 * more within 25 km of ACLED's point, at 15 or 20 km 8 more and none lost, at 25 km 8 more and 10
 * lost (a row at the very place moved out). In vigie, place_25km 0.734 ->: 10 km 0.739, 12 km
 * 0.740, 15 km 0.743 (17 more), 18, 20 or 22 km 0.743 (18 more, none lost: "southern countryside of
 * Idleb", "West Zone of Rio"); 20, mid-plateau, leaves the most margin; whole articles unchanged. */
#define BEARING_KM 20.0
#define BEARING_MAX_KM 100.0
#define BEARING_GAP 2

/* --- Rows: how many (incidents.c) --- */

/* A cause phrase ("in protest at the", "contra el": casualties.tsv "cause", "before") names the
 * act a crowd rose against when that act (a death, an attack) stands at most this many words
 * after it: "over the police shooting" (1), "sparked by the fatal police shooting" (2). Further
 * on, the crowd's cause is something else ("protestaban contra el alza de las tarifas atacaron una
 * comisaría": the attack is the crowd's own). Whole articles: at 2, own-es fatalities on matched
 * rows 0.750 -> 0.812 (with es "muerte de"), every other figure the same; 3 gives the same. */
#define CAUSE_OBJECT_REACH 2

/* A sentence whose best sub-type scores below this adds no row of its own. 2.0 kept
 * "riots over the killing of a boy" from giving the killing (1.5) its row; at 1.5, with the
 * confidence refitted, whole articles held out at 0.3: precision 0.586 -> 0.621, recall
 * 0.558 -> 0.592, 2.3 rows per article either way (scripts/calibrate-confidence.py). */
#define MIN_EXTRA_SCORE 1.5f

/* An attack and a clash at most this many sentences after an incident's latest
 * mention are that incident (incidents.c fighting()); so are two blasts of different
 * sub-types where the later names no place (one_blast()). Measured with the anaphor rule in:
 * 2 gave en-dev P/R 0.673/0.697; any distance merged distant battles in fr (recall 0.447 ->
 * 0.395). */
#define NEAR_SENTENCES 2

/* A row with no toll of its own, of an earlier row's sub-type and day, at most this far from its
 * place, tells that row's incident again (incidents.c retold()): Jabaliya camp is 4 km from
 * Gaza City. en-dev (eval-articles.sh) by value: 0 or 3 km rows 103, row P 0.777, recall 0.734,
 * fatalities 0.787; 5 or 10 km rows 101, 0.772, 0.716, 0.846; 25 or 50 km rows 99, 0.768, 0.697,
 * 0.842 (ru P 0.900 -> 0.947 there); ACLED notes the same at every value. */
#define RETOLD_SCENE_KM 10.0

/* counts.c record(): a figure from another account that satisfies a strict lower bound ("more
 * than 40" and "41 bodies") is the toll when at most this many times the bound; above that it
 * is a total of something else. Not tuned on a figure: the one en-dev case (41_8ecb, 40 and 41)
 * moves for any value above 1.025; 1.25 leaves a running total ("more than 40 ... 600 since")
 * to the bound. */
#define ABOVE_REACH 1.25

/* --- Dates (row.c) --- */

/* A day named at most this many words after someone killed or wounded, or after an
 * attack, is that act's ("after he was shot 9 times by officers on Sunday": 6 words
 * back), not the crowd's it set off. Measured: en-dev date on matched rows 0.481 ->
 * 0.593 (casualty words alone: 0.519). */
#define DATE_OF_ACT_REACH 7

/* --- Confidence (confidence.c) --- */

/* Logistic weights over the row features of confidence.h, in their order,
 * written by scripts/calibrate-confidence.py (see there and the commit for
 * the calibration table): one model for short texts (a coder's one-event
 * note: at most SHORT_TEXT_SENTENCES sentences), one for whole articles. */
#define SHORT_TEXT_SENTENCES 6
#define ROW_CONF_BIAS_SHORT -2.640f
#define ROW_CONF_WEIGHTS_SHORT {2.822f, 0.884f, -0.788f, -0.604f, 1.749f, -0.667f, 1.414f, 0.308f, 0.064f, -0.392f, 0.079f, 0.158f, -0.243f, 0.138f, -0.539f, -0.027f, -1.116f, -0.089f}
#define ROW_CONF_BIAS_LONG -0.191f
#define ROW_CONF_WEIGHTS_LONG {0.203f, -0.054f, 0.542f, 0.758f, 1.193f, -0.192f, -0.048f, -0.895f, -1.284f, -0.067f, -0.005f, -0.310f, -1.083f, -0.152f, -0.699f, -0.009f, -1.116f, -0.689f}

/* --- Dates (mentions.c) --- */

/* A date more than this many days before the reference (publication, else
 * the first full date in the text: mentions.c's text_anchor) is background: "the 1973 uprising",
 * "the June truce" are not the day of the event reported. */
#define BACKGROUND_DAYS 31

/* How far a statement ("said", "condemned", cues.tsv class "statement") binds a weekday or
 * relative day to itself rather than to the sentence's event: "said on Tuesday", "a hearing
 * on Tuesday" (two words before the day), "on Friday strongly condemned" (one word after).
 * en-dev: 41_2ecbplus (a condemnation on a weekday, one word before it), 19_7ecbplus (a remark
 * at a hearing on a weekday); date on matched rows 0.733 -> 0.767. */
#define STATEMENT_REACH 2
#define STATEMENT_REACH_AFTER 1
/* How many words may stand between an "aggregate" or "since" cue and the date it starts a period
 * from (mentions.c starts_a_period: "since the conflict began on December 27", "since early
 * May"). en-dev (eval-articles.sh): 0 changes nothing ("began on December 27" has "on" between);
 * 1, 2 and 4 give the same figures (41_9ecb's rows lose the war's start day; sub_type 0.795 ->
 * 0.821, fatalities 0.846 -> 0.859); the other sets and the ACLED notes are the same at every
 * value. */
#define PERIOD_REACH 2

/* The longest statement phrase (cues.tsv "statement": "news conference") read right before a
 * place that it makes a party spoken of, not a scene (row.c spoken_of). */
#define STATEMENT_PHRASE_MAX 3

/* A reporter's or editor's credit ("(Reporting by Amra Vesko in Cardo; Editing by ...)", cues.tsv
 * "credit") names where the newsroom sits: a place up to CREDIT_REACH words after it, in the same
 * clause, is no scene (row.c credited). Not tuned: a credit's names and their "and" fit in it. */
#define CREDIT_REACH 10

/* A piece published before this hour (its dateline's time of day) went out
 * in the night after the day it reports: its "tonight", "today" (reldates.tsv
 * `evening`) are the day before (a piece stamped "12 May 01:40" that says
 * "clashes broke out tonight" reports the night of 11 May). The latest hour a report of
 * an evening still appears and the earliest a morning's events are written
 * up; en-dev: 19_6ecbplus (02:03) and 19_8ecbplus (02:31), none published
 * 06:00-08:00 with a 'today' of that day; date on matched rows 0.633 -> 0.733. */
#define SMALL_HOURS_END 6

#endif
