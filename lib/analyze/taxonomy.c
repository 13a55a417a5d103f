/* taxonomy.c - ACLED's 25 sub-event types and the event type each belongs to. */
#include "taxonomy.h"

#include <string.h>

const vg_subtype vg_subtypes[VG_SUB_COUNT] = {
    {"Armed clash", "Battles"},
    {"Government regains territory", "Battles"},
    {"Non-state actor overtakes territory", "Battles"},
    {"Chemical weapon", "Explosions/Remote violence"},
    {"Air/drone strike", "Explosions/Remote violence"},
    {"Suicide bomb", "Explosions/Remote violence"},
    {"Shelling/artillery/missile attack", "Explosions/Remote violence"},
    {"Remote explosive/landmine/IED", "Explosions/Remote violence"},
    {"Grenade", "Explosions/Remote violence"},
    {"Violent demonstration", "Riots"},
    {"Mob violence", "Riots"},
    {"Peaceful protest", "Protests"},
    {"Protest with intervention", "Protests"},
    {"Excessive force against protesters", "Protests"},
    {"Sexual violence", "Violence against civilians"},
    {"Attack", "Violence against civilians"},
    {"Abduction/forced disappearance", "Violence against civilians"},
    {"Agreement", "Strategic developments"},
    {"Arrests", "Strategic developments"},
    {"Change to group/activity", "Strategic developments"},
    {"Disrupted weapons use", "Strategic developments"},
    {"Headquarters or base established", "Strategic developments"},
    {"Looting/property destruction", "Strategic developments"},
    {"Non-violent transfer of territory", "Strategic developments"},
    {"Other", "Strategic developments"},
};

int vg_subtype_find(const char *name)
{
    for (int i = 0; i < VG_SUB_COUNT; i++)
        if (strcmp(vg_subtypes[i].name, name) == 0) return i;
    return -1;
}
