#!/usr/bin/env bash
# stories_across_languages.sh - one air strike reported in French, Arabic, Russian and Spanish is
# one story whichever report comes first, and `vigie story` sets the four accounts side by side
# with their tolls; another incident in the same country (an Arabic report of clashes in Daraa two
# months later) and an English report from elsewhere stay apart. Texts written for the project.
set -eu
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-xlang.XXXXXX")
trap 'rm -rf "$W"' EXIT
python3 - "$W" <<'PY'
import json, sys
docs = [
    ("fr-1", "fr", "Le Courrier", "2024-03-12", "Frappe aérienne sur un marché à Maarat al-Nouman",
     "Au moins douze civils ont été tués mardi dans une frappe aérienne sur un marché de Maarat al-Nouman, "
     "dans la province d'Idleb, selon l'Observatoire syrien des droits de l'homme. Les avions du régime "
     "syrien ont visé le marché en milieu de matinée, a précisé l'ONG."),
    ("ar-2", "ar", "Al Wasat", "2024-05-20", "اشتباكات بين الجيش ومسلحين في درعا",
     "قتل ثلاثة جنود يوم الاثنين في اشتباكات مع مسلحين في مدينة درعا جنوب سوريا، بحسب مصادر محلية. "
     "وقالت المصادر إن الاشتباكات استمرت ساعات."),
    ("ar-1", "ar", "Al Wasat", "2024-03-12", "مقتل 12 مدنيا في غارة جوية على سوق في معرة النعمان",
     "قتل 12 مدنيا على الأقل يوم الثلاثاء في غارة جوية استهدفت سوقا في مدينة معرة النعمان بريف إدلب، "
     "بحسب المرصد السوري لحقوق الإنسان. وقال المرصد إن طائرات النظام السوري قصفت السوق في ساعات الصباح."),
    ("ru-1", "ru", "Vestnik", "2024-03-12", "Авиаудар по рынку в Маарат-эн-Нууман",
     "Не менее 12 мирных жителей погибли во вторник в результате авиаудара по рынку в городе "
     "Маарат-эн-Нууман в провинции Идлиб, сообщила Сирийская обсерватория по правам человека."),
    ("es-1", "es", "El Diario", "2024-03-13", "Un bombardeo aéreo mata a doce civiles en un mercado de Maarat al Numan",
     "Al menos doce civiles murieron el martes en un bombardeo aéreo contra un mercado de Maarat al Numan, "
     "en la provincia de Idlib, según el Observatorio Sirio de Derechos Humanos."),
    ("en-2", "en", "Daily", "2024-03-20", "Protest in Lagos",
     "Hundreds of people marched in Lagos on Wednesday to protest fuel prices, police said. "
     "The march ended peacefully."),
]
for name, order in (("forward", docs), ("backward", docs[::-1])):
    with open(f"{sys.argv[1]}/{name}.jsonl", "w", encoding="utf-8") as o:
        for i, lang, outlet, pub, title, text in order:
            o.write(json.dumps({"id": i, "lang": lang, "outlet": outlet, "published": pub, "title": title,
                                "text": text}, ensure_ascii=False) + "\n")
PY
for order in forward backward; do
    DB="$W/$order.db"
    out=$("$VIGIE" ingest --db "$DB" "$W/$order.jsonl" 2>/dev/null)
    echo "$out" | grep -q 'stored 6' || { echo "$order: ingest: $out"; exit 1; }
    tsv=$("$VIGIE" stories --db "$DB" --format tsv)
    story() { echo "$tsv" | awk -F'\t' -v d="$1" '$1 == d { print $2 }'; }
    s=$(story fr-1)
    [ -n "$s" ] && [ "$(story ar-1)" = "$s" ] && [ "$(story ru-1)" = "$s" ] && [ "$(story es-1)" = "$s" ] \
        || { echo "$order: the four reports of the strike are not one story:"; echo "$tsv"; exit 1; }
    [ "$(story ar-2)" != "$s" ] && [ "$(story en-2)" != "$s" ] && [ "$(story ar-2)" != "$(story en-2)" ] \
        || { echo "$order: other incidents joined:"; echo "$tsv"; exit 1; }
    "$VIGIE" story --db "$DB" "$s" | python3 -c '
import json, sys
d = json.load(sys.stdin)
langs = sorted(a["lang"] for a in d["accounts"])
assert d["languages"] == ["ar", "es", "fr", "ru"], d["languages"]
assert langs == ["ar", "es", "fr", "ru"], langs
assert all(a["fatalities"] == 12 for a in d["accounts"]), [(a["doc"], a["fatalities"]) for a in d["accounts"]]
assert all(a["country"] == "Syria" for a in d["accounts"]), [(a["doc"], a["country"]) for a in d["accounts"]]
assert sum(e["reports"] for e in d["events"]) == 4, d["events"]
assert all(e["fatalities_min"] == 12 and e["event_date"] == "2024-03-12" for e in d["events"]), d["events"]
' || { echo "$order: story $s"; exit 1; }
    "$VIGIE" story --db "$DB" "$s" --format table | grep -q 'languages: ar, es, fr, ru' \
        || { echo "$order: story table lacks the four languages"; exit 1; }
done
exit 0
