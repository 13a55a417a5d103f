/* classes.c - the names of the class columns' enums, as data/<lang>/ tables write them. */
#include "classes.h"

const char *const vg_cue_class_names[VG_CUE_COUNT] = {
    [VG_CUE_AGENT] = "agent",     [VG_CUE_AGGREGATE] = "aggregate", [VG_CUE_ANTI] = "anti",
    [VG_CUE_ASSAULT] = "assault", [VG_CUE_FICTION] = "fiction",     [VG_CUE_FUTURE] = "future",
    [VG_CUE_HIST] = "hist",       [VG_CUE_MONTH] = "month",         [VG_CUE_NEG] = "neg",
    [VG_CUE_NONPOL] = "nonpol",   [VG_CUE_OPINION] = "opinion",     [VG_CUE_ORG] = "org",
    [VG_CUE_ORIGIN] = "origin",   [VG_CUE_PLAN] = "plan",           [VG_CUE_REGION] = "region",
    [VG_CUE_SHOOTOUT] = "shootout", [VG_CUE_SINCE] = "since",       [VG_CUE_UMBRELLA] = "umbrella",
    [VG_CUE_VICTIM] = "victim",   [VG_CUE_DETAINED] = "detained", [VG_CUE_RELATED] = "related",
    [VG_CUE_ANAPHOR] = "anaphor", [VG_CUE_EARLIER] = "earlier", [VG_CUE_STATEMENT] = "statement",
    [VG_CUE_ARMED] = "armed",
    [VG_CUE_OPENER] = "opener", [VG_CUE_CAPITAL] = "capital", [VG_CUE_SCENE] = "scene",
    [VG_CUE_PURPOSE] = "purpose", [VG_CUE_JOINER] = "joiner", [VG_CUE_BEARING] = "bearing",
    [VG_CUE_BEARING_OF] = "bearing_of",
    [VG_CUE_NEG_AFTER] = "negafter", [VG_CUE_CREDIT] = "credit",
};

const char *const vg_attr_class_names[VG_ATTR_COUNT] = {
    [VG_ATTR_NEXT] = "next", [VG_ATTR_PREV] = "prev", [VG_ATTR_NONE] = "none",
    [VG_ATTR_STOP] = "stop", [VG_ATTR_NOSOURCE] = "nosource", [VG_ATTR_AUX] = "aux"};

const char *const vg_casualty_class_names[VG_CAS_COUNT] = {
    [VG_CAS_KILLED] = "killed",     [VG_CAS_KILLED1] = "killed1", [VG_CAS_INJURED] = "injured",
    [VG_CAS_ARRESTED] = "arrested", [VG_CAS_ABDUCTED] = "abducted", [VG_CAS_NOTE] = "note",
    [VG_CAS_NONE] = "none",         [VG_CAS_SUBSET] = "subset",   [VG_CAS_PARTOF] = "partof",
    [VG_CAS_MEASURE] = "measure",   [VG_CAS_AGGREGATE] = "aggregate", [VG_CAS_ONE] = "one",
    [VG_CAS_CAUSE] = "cause",       [VG_CAS_PROTEST] = "protest", [VG_CAS_AND] = "and",
    [VG_CAS_RELATIVE] = "relative",
    [VG_CAS_ALONG] = "along",       [VG_CAS_OTHERS] = "others"};
