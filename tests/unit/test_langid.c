/* test_langid.c - language of long and short texts. */
#include <string.h>

#include "vigie.h"
#include "../../lib/text/langid.h"
#include "test.h"

static const char *detect(const vg_langid *l, const char *s) { return vg_langid_detect(l, s, strlen(s)); }

TEST(langid_fr_en_long_and_short)
{
    vg_langid *l = NULL;
    char err[256];
    CHECK_INT(vg_langid_load(vg_test_data_dir(), &l, err, sizeof err), VG_OK);
    if (!l) return;
    CHECK_STR(detect(l, "Les forces gouvernementales ont repris le contrôle de la ville mardi, "
                        "selon une source militaire, après trois jours de combats dans le nord du pays."), "fr");
    CHECK_STR(detect(l, "Government forces retook the town on Tuesday after three days of fighting "
                        "in the north of the country, a military source said."), "en");
    /* Short, name-heavy texts: n-grams alone hesitate, common words decide. */
    CHECK_STR(detect(l, "Coach fired after the loss. Club named a new coach."), "en");
    CHECK_STR(detect(l, "Le maire de Lyon a été arrêté."), "fr");
    CHECK_STR(detect(l, "Die Regierung hat am Dienstag neue Gesetze beschlossen, die im Januar in Kraft treten sollen."), "de");
    vg_langid_free(l);
}
