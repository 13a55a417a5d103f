/* taxonomy.h - ACLED's event types and sub-event types (the coding scheme itself, not language data) (internal). */
#ifndef VG_TAXONOMY_H
#define VG_TAXONOMY_H

enum {
    VG_SUB_ARMED_CLASH, VG_SUB_GOV_REGAINS, VG_SUB_NSA_OVERTAKES,
    VG_SUB_CHEM, VG_SUB_AIR, VG_SUB_SUICIDE, VG_SUB_SHELLING, VG_SUB_IED, VG_SUB_GRENADE,
    VG_SUB_VIOLENT_DEMO, VG_SUB_MOB,
    VG_SUB_PEACEFUL, VG_SUB_INTERVENTION, VG_SUB_EXCESSIVE,
    VG_SUB_SEXUAL, VG_SUB_ATTACK, VG_SUB_ABDUCTION,
    VG_SUB_AGREEMENT, VG_SUB_ARRESTS, VG_SUB_CHANGE_GROUP, VG_SUB_DISRUPTED, VG_SUB_HQ,
    VG_SUB_LOOTING, VG_SUB_TRANSFER, VG_SUB_OTHER,
    VG_SUB_COUNT
};

typedef struct vg_subtype { const char *name, *type; } vg_subtype;
extern const vg_subtype vg_subtypes[VG_SUB_COUNT];

/* ACLED's "Protests" and "Riots" event types: their actor1 is the crowd. */
static inline int vg_sub_is_protest(int sub)
{
    return sub == VG_SUB_PEACEFUL || sub == VG_SUB_INTERVENTION || sub == VG_SUB_EXCESSIVE;
}
static inline int vg_sub_is_riot(int sub) { return sub == VG_SUB_VIOLENT_DEMO || sub == VG_SUB_MOB; }
/* A crowd's event: a protest or a riot. */
static inline int vg_sub_is_crowd(int sub) { return vg_sub_is_protest(sub) || vg_sub_is_riot(sub); }

/* ACLED's "Strategic developments": arrests, agreements, looting... */
static inline int vg_sub_is_strategic(int sub) { return sub >= VG_SUB_AGREEMENT && sub <= VG_SUB_OTHER; }

/* ACLED's "Explosions/Remote violence": an air strike, a shelling, a bomb... */
static inline int vg_sub_is_remote(int sub) { return sub >= VG_SUB_CHEM && sub <= VG_SUB_GRENADE; }

/* triggers.tsv's second column, resolved at load (vg_lex_load_classes): class k < VG_SUB_COUNT is
 * sub-type k, class VG_SUB_COUNT + k its modifier row ("+Violent demonstration"). */
#define VG_TRIGGER_CLASSES (2 * VG_SUB_COUNT)
extern const char *const vg_trigger_class_names[VG_TRIGGER_CLASSES];

/* Index of an ACLED sub-event type name, or -1. */
int vg_subtype_find(const char *name);

#endif
