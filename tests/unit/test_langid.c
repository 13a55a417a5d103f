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

/* The languages langid.conf lists besides the five read ones: their words (data/langid/) stand
 * against the read languages' in the vote, so a text of theirs is never settled as a neighbour
 * (Portuguese as Spanish, Ukrainian as Russian), long or short. Texts written for the test. */
TEST(langid_neighbour_languages)
{
    vg_langid *l = NULL;
    char err[256];
    CHECK_INT(vg_langid_load(vg_test_data_dir(), &l, err, sizeof err), VG_OK);
    if (!l) return;
    static const char *const long_texts[][2] = {
        {"de", "Die Regierung hat am Dienstag ein neues Gesetz beschlossen, das im kommenden Jahr in Kraft treten soll. "
               "Nach Angaben des Innenministeriums wurden bei den Protesten in der Hauptstadt mehr als zwanzig Menschen "
               "verletzt, darunter auch mehrere Polizisten. Die Opposition kritisierte das Vorgehen der Sicherheitskräfte "
               "scharf und forderte eine unabhängige Untersuchung. Ein Sprecher der Regierung sagte, man werde die "
               "Vorwürfe prüfen, sobald alle Berichte vorliegen."},
        {"it", "Il governo ha approvato martedì una nuova legge che entrerà in vigore il prossimo anno. Secondo il "
               "ministero dell'Interno, durante le proteste nella capitale sono rimaste ferite più di venti persone, tra "
               "cui anche alcuni agenti di polizia. L'opposizione ha criticato duramente l'operato delle forze di "
               "sicurezza e ha chiesto un'indagine indipendente. Un portavoce del governo ha detto che le accuse "
               "saranno esaminate non appena tutti i rapporti saranno disponibili."},
        {"pt", "O governo aprovou na terça-feira uma nova lei que deverá entrar em vigor no próximo ano. Segundo o "
               "ministério do Interior, mais de vinte pessoas ficaram feridas durante os protestos na capital, entre elas "
               "vários agentes da polícia. A oposição criticou duramente a atuação das forças de segurança e pediu uma "
               "investigação independente. Um porta-voz do governo disse que as acusações serão examinadas assim que "
               "todos os relatórios estiverem disponíveis."},
        {"nl", "De regering heeft dinsdag een nieuwe wet aangenomen die volgend jaar in werking moet treden. Volgens het "
               "ministerie van Binnenlandse Zaken raakten bij de protesten in de hoofdstad meer dan twintig mensen gewond, "
               "onder wie ook enkele agenten. De oppositie had scherpe kritiek op het optreden van de veiligheidsdiensten "
               "en eiste een onafhankelijk onderzoek. Een woordvoerder van de regering zei dat de beschuldigingen "
               "worden onderzocht zodra alle rapporten binnen zijn."},
        {"es", "El gobierno aprobó el martes una nueva ley que entrará en vigor el próximo año. Según el ministerio del "
               "Interior, más de veinte personas resultaron heridas durante las protestas en la capital, entre ellas "
               "varios agentes de policía. La oposición criticó duramente la actuación de las fuerzas de seguridad y "
               "pidió una investigación independiente. Un portavoz del gobierno dijo que las acusaciones serán "
               "examinadas en cuanto estén disponibles todos los informes."},
        {"ru", "Во вторник правительство приняло новый закон, который должен вступить в силу в следующем году. По данным "
               "министерства внутренних дел, во время протестов в столице пострадали более двадцати человек, в том числе "
               "несколько полицейских. Оппозиция резко раскритиковала действия силовиков и потребовала независимого "
               "расследования."},
        {"uk", "У вівторок уряд ухвалив новий закон, який має набути чинності наступного року. За даними міністерства "
               "внутрішніх справ, під час протестів у столиці постраждали понад двадцять людей, серед них і кілька "
               "поліцейських. Опозиція різко розкритикувала дії силовиків і вимагала незалежного розслідування."},
    };
    for (size_t i = 0; i < sizeof long_texts / sizeof long_texts[0]; i++) {
        CHECK(strlen(long_texts[i][1]) >= 400); /* past the short-text rule: the vote or the n-grams */
        CHECK_STR(detect(l, long_texts[i][1]), long_texts[i][0]);
    }
    CHECK_STR(detect(l, "O governo disse ontem que não haverá novas eleições este ano."), "pt");
    CHECK_STR(detect(l, "Il governo ha detto ieri che non ci saranno nuove elezioni quest'anno."), "it");
    CHECK_STR(detect(l, "Die Polizei hat gestern zwei Männer festgenommen."), "de");
    CHECK_STR(detect(l, "La policía detuvo ayer a dos hombres en el centro de la ciudad."), "es");
    CHECK_STR(detect(l, "Поліція вчора затримала двох чоловіків у центрі міста."), "uk");
    CHECK_STR(detect(l, "Полиция вчера задержала двух мужчин в центре города."), "ru");
    vg_langid_free(l);
}
