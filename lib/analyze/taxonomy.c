/* taxonomy.c - ACLED's 25 sub-event types and the event type each belongs to. */
#include "taxonomy.h"

#include <string.h>

/* The sub-event types in enum order (taxonomy.h), each with its event type. */
#define VG_SUBTYPES(X) \
    X("Armed clash", "Battles") \
    X("Government regains territory", "Battles") \
    X("Non-state actor overtakes territory", "Battles") \
    X("Chemical weapon", "Explosions/Remote violence") \
    X("Air/drone strike", "Explosions/Remote violence") \
    X("Suicide bomb", "Explosions/Remote violence") \
    X("Shelling/artillery/missile attack", "Explosions/Remote violence") \
    X("Remote explosive/landmine/IED", "Explosions/Remote violence") \
    X("Grenade", "Explosions/Remote violence") \
    X("Violent demonstration", "Riots") \
    X("Mob violence", "Riots") \
    X("Peaceful protest", "Protests") \
    X("Protest with intervention", "Protests") \
    X("Excessive force against protesters", "Protests") \
    X("Sexual violence", "Violence against civilians") \
    X("Attack", "Violence against civilians") \
    X("Abduction/forced disappearance", "Violence against civilians") \
    X("Agreement", "Strategic developments") \
    X("Arrests", "Strategic developments") \
    X("Change to group/activity", "Strategic developments") \
    X("Disrupted weapons use", "Strategic developments") \
    X("Headquarters or base established", "Strategic developments") \
    X("Looting/property destruction", "Strategic developments") \
    X("Non-violent transfer of territory", "Strategic developments") \
    X("Other", "Strategic developments")

#define VG_SUBTYPE_ROW(name, type) {name, type},
const vg_subtype vg_subtypes[VG_SUB_COUNT] = {VG_SUBTYPES(VG_SUBTYPE_ROW)};

/* triggers.tsv's classes: a sub-type's name, then each as a modifier ("+Violent demonstration"). */
#define VG_SUBTYPE_NAME(name, type) name,
#define VG_SUBTYPE_MOD(name, type) "+" name,
const char *const vg_trigger_class_names[VG_TRIGGER_CLASSES] = {VG_SUBTYPES(VG_SUBTYPE_NAME) VG_SUBTYPES(VG_SUBTYPE_MOD)};

int vg_subtype_find(const char *name)
{
    for (int i = 0; i < VG_SUB_COUNT; i++)
        if (strcmp(vg_subtypes[i].name, name) == 0) return i;
    return -1;
}
