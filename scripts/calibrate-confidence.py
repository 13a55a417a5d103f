#!/usr/bin/env python3
"""calibrate-confidence.py - learn the row confidence (lib/analyze/confidence.c).

usage: scripts/calibrate-confidence.py [VIGIE] [--write] | --offsets [--heldout] [--write]

Runs VIGIE (default ./vigie) with VIGIE_ROW_FEATURES=1 and --min-confidence 0
on the hand-coded dev articles (../shared/eval/articles/{en-dev,fr}) and on
every 2nd ACLED dev note (one coded event each: short summaries, the other
kind of input vigie reads), labels each row the way score-articles does
(right: a not-yet-matched gold event of the article with the same event type
and country; rows matching an optional event are left out; rows in trap
articles are wrong), and fits a logistic regression (L2, plain gradient
descent: no numpy needed) over the row features.

It reports, on honest predictions (5 folds by article: each article's rows are
predicted by a model that never saw that article), the calibration table (rows
at confidence >= t and the share right) and, per threshold, what
score-articles would print. Short texts (a coder's note: at most
SHORT_TEXT_SENTENCES sentences, weights.h) and whole articles get a model each:
the same signal does not mean the same in both. --write puts the weights fitted
on all dev rows into lib/analyze/weights.h (ROW_CONF_BIAS_SHORT/_LONG,
ROW_CONF_WEIGHTS_SHORT/_LONG). Deterministic: same inputs, same weights.

--offsets: instead, each language's offset over weights.h's whole-article
model for the rows besides the lead (their share right differs by language:
the analysers differ), fitted on its own dev article set (all five) and kept
where it is OFFSET_SE standard errors from 0 or more (else 0); with --write,
into data/<lang>/calibration.tsv. Rows are labelled in
the order the shared model gives them, so the offsets in use do not move it.
--offsets --heldout: the offset's honest figure. Each article's extra rows are
judged with an offset fitted on the other folds (5 folds by article); printed per
language, at the default threshold (VG_DEFAULT_MIN_CONFIDENCE, include/vigie.h),
the extra rows that print and the share right with no offset, with the held-out
offsets and with the offset fitted on all rows (in-sample).
"""
import csv, json, math, os, re, subprocess, sys, tempfile, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED") or os.environ.get("VIGIE_SHARED") or os.path.join(ROOT, "..", "shared")
SETS = ["en-dev", "fr"]
L2 = 1.0          # ridge strength (per row, on the mean loss times n)
FOLDS = 5
NOTE_STEP = 2     # every 2nd ACLED dev note
WEIGHTS = os.path.join(ROOT, "lib", "analyze", "weights.h")
THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
# --offsets: each language's own offset for the rows besides the lead (data/<lang>/calibration.tsv), fitted
# on its article set; kept only at OFFSET_SE standard errors from 0 or more (a few rows say little).
OFFSET_SETS = {"en-dev": "en", "fr": "fr", "ar": "ar", "ru": "ru", "es": "es"}
OFFSET_SE = 2.0


def load_scorer():
    src = open(os.path.join(SHARED, "eval", "bin", "score-articles"), encoding="utf-8").read()
    ns = {"__name__": "score_articles"}
    exec(compile(src, "score-articles", "exec"), ns)
    return ns


def run(vigie, texts):
    env = dict(os.environ, VIGIE_ROW_FEATURES="1")
    p = subprocess.run([vigie, "analyze", "--threads", "1", "--min-confidence", "0", "--format", "jsonl", texts],
                       capture_output=True, text=True, env=env)
    feats = {}
    for line in p.stderr.splitlines():
        f = line.split("\t")
        if f[0] != "row":
            continue
        feats[(f[1], int(f[2]))] = [float(v) for v in f[3:]]
    docs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    return docs, feats


def label_rows(sa, docs, feats, gold_path):
    """(article, features, label) per row; label None for rows matching an optional event."""
    if isinstance(gold_path, dict):
        gold = gold_path
    else:
        gold = {sa["key"](json.loads(l)["doc"]): json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()}
    out = []
    for d in docs:
        k = sa["key"](d.get("doc") or d.get("source"))
        g = gold.get(k)
        if g is None:
            continue
        evs = d.get("events") or []
        gev = g.get("events") or []
        order = sorted(range(len(evs)), key=lambda i: -(evs[i].get("confidence") or 0))
        used = set()
        for i in order:
            e = evs[i]
            hit = None
            for opt in (False, True):
                for j, ge in enumerate(gev):
                    if j in used or bool(ge.get("optional")) != opt:
                        continue
                    if sa["matches"](e, ge):
                        hit = j
                        break
                if hit is not None:
                    break
            if hit is not None:
                used.add(hit)
            lab = 0 if hit is None else (None if gev[hit].get("optional") else 1)
            x = feats.get((d.get("doc"), i))
            if x is None:
                continue
            out.append((k, x, lab))
    return out


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def fit(rows, iters=4000, lr=0.5):
    n = len(rows[0][0])
    w = [0.0] * (n + 1)
    m = len(rows)
    for _ in range(iters):
        g = [0.0] * (n + 1)
        for x, y in rows:
            p = sigmoid(w[0] + sum(wi * xi for wi, xi in zip(w[1:], x)))
            d = p - y
            g[0] += d
            for i, xi in enumerate(x):
                g[i + 1] += d * xi
        for i in range(n + 1):
            reg = L2 * w[i] if i else 0.0
            w[i] -= lr * (g[i] + reg) / m
    return w


def predict(w, x):
    return sigmoid(w[0] + sum(wi * xi for wi, xi in zip(w[1:], x)))


def fold_of(article):
    return zlib.crc32(article.encode()) % FOLDS


def long_model():
    """weights.h's whole-article model: (bias, weights)."""
    h = open(WEIGHTS, encoding="utf-8").read()
    b = float(re.search(r"#define ROW_CONF_BIAS_LONG (\S+)f", h).group(1))
    w = [float(v.strip().rstrip("f")) for v in re.search(r"#define ROW_CONF_WEIGHTS_LONG \{(.*?)\}", h, re.S).group(1).split(",")]
    return b, w


def fit_offset(rows):
    """The ridge offset d over (logit, label) rows and its standard error."""
    d = 0.0
    for _ in range(2000):
        g = sum(sigmoid(z + d) - y for z, y in rows) + L2 * d
        d -= 0.5 * g / max(1, len(rows))
    se = 1 / math.sqrt(sum(sigmoid(z + d) * (1 - sigmoid(z + d)) for z, _ in rows) + L2)
    return d, se


def default_threshold():
    h = open(os.path.join(ROOT, "include", "vigie.h"), encoding="utf-8").read()
    return float(re.search(r"#define VG_DEFAULT_MIN_CONFIDENCE (\S+)", h).group(1))


def offsets(vigie, sa, write, heldout=False):
    """Each language's offset for the rows besides the lead in whole articles, on top of weights.h's
    model (fitted on its own dev articles' extra rows, ridge L2); kept where it is at least
    OFFSET_SE standard errors from 0, else none (the shared model speaks for the language)."""
    b, w = long_model()
    short_max = int(re.search(r"#define SHORT_TEXT_SENTENCES (\d+)", open(WEIGHTS).read()).group(1))
    for s, lang in OFFSET_SETS.items():
        gold = os.path.join(SHARED, "eval", "articles", s, "gold.jsonl")
        docs, feats = run(vigie, os.path.join(SHARED, "eval", "articles", s, "texts"))
        # label as score-articles does, rows ordered by the shared model alone (not by the offset in use)
        for d in docs:
            for i, e in enumerate(d.get("events") or []):
                x = feats.get((d.get("doc"), i))
                if x is not None:
                    e["confidence"] = sigmoid(b + sum(wi * xi for wi, xi in zip(w, x)))
        rows = [(b + sum(wi * xi for wi, xi in zip(w, x)), y) for _, x, y in label_rows(sa, docs, feats, gold)
                if y is not None and x[0] == 0 and round(math.exp(x[15]) - 1) > short_max]
        d, se = fit_offset(rows)
        keep = abs(d) >= OFFSET_SE * se
        print(f"{lang}: {len(rows)} extra rows, {sum(y for _, y in rows)} right; offset {d:+.3f} (se {se:.3f}): "
              + ("kept" if keep else "none"))
        if heldout:
            arts = [k for k, x, y in label_rows(sa, docs, feats, gold)
                    if y is not None and x[0] == 0 and round(math.exp(x[15]) - 1) > short_max]
            t = default_threshold()
            cv = []
            for f in range(FOLDS):
                df, sef = fit_offset([r for a, r in zip(arts, rows) if fold_of(a) != f])
                df = df if abs(df) >= OFFSET_SE * sef else 0.0
                cv += [(z + df, y) for a, (z, y) in zip(arts, rows) if fold_of(a) == f]
            for name, zs in (("no offset", [(z, y) for z, y in rows]), ("held out", cv),
                             ("in-sample", [(z + (d if keep else 0.0), y) for z, y in rows])):
                kept = [y for z, y in zs if sigmoid(z) >= t]
                print(f"  >= {t:g}, {name:9}: extra rows printed {len(kept):3d}, right {sum(kept):3d}"
                      f" ({sum(kept) / max(1, len(kept)):.3f})")
        if not write:
            continue
        with open(os.path.join(ROOT, "data", lang, "calibration.tsv"), "w", encoding="utf-8") as f:
            f.write("# calibration.tsv - written by scripts/calibrate-confidence.py --offsets --write: the language's offset\n"
                    "# to the logit of the rows besides the lead in whole articles (lib/analyze/confidence.c), fitted on\n"
                    f"# {s}'s extra rows over weights.h's model: {len(rows)} rows, {sum(y for _, y in rows)} right,"
                    f" offset {d:+.3f}, standard error {se:.3f}"
                    + ("\n" if keep else f": under {OFFSET_SE:g} standard errors, none kept\n"))
            f.write(f"extra_row_offset\t{d if keep else 0:.3f}\n")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    vigie = args[0] if args else os.path.join(ROOT, "vigie")
    sa = load_scorer()
    if "--offsets" in sys.argv:
        offsets(vigie, sa, "--write" in sys.argv, "--heldout" in sys.argv)
        return
    data = []
    names = None
    n_gold = 0
    articles = {}  # article -> has required gold events
    for s in SETS:
        for l in open(os.path.join(SHARED, "eval", "articles", s, "gold.jsonl"), encoding="utf-8"):
            if not l.strip():
                continue
            g = json.loads(l)
            req = [e for e in g.get("events") or [] if not e.get("optional")]
            n_gold += len(req)
            articles[s + "/" + sa["key"](g["doc"])] = bool(req) and bool(g.get("political_violence", True))
        texts = os.path.join(SHARED, "eval", "articles", s, "texts")
        docs, feats = run(vigie, texts)
        for k, x, lab in label_rows(sa, docs, feats, os.path.join(SHARED, "eval", "articles", s, "gold.jsonl")):
            if lab is not None:
                data.append((s + "/" + k, x, lab))
    # ACLED dev notes: every NOTE_STEP-th, one event each
    notes = list(csv.DictReader(open(os.path.join(SHARED, "eval", "events", "acled", "dev.csv"), encoding="utf-8")))[::NOTE_STEP]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "notes.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for n in notes:
                f.write(json.dumps({"id": n["event_id_cnty"], "text": n["notes"]}, ensure_ascii=False) + "\n")
        docs, feats = run(vigie, path)
    gold = {n["event_id_cnty"]: {"doc": n["event_id_cnty"], "political_violence": True,
                                 "events": [{"event_type": n["event_type"], "country": n["country"]}]} for n in notes}
    for k, x, lab in label_rows(sa, docs, feats, gold):
        if lab is not None:
            data.append(("acled/" + k, x, lab))
    src = open(os.path.join(ROOT, "lib", "analyze", "confidence.c")).read()
    names = re.findall(r'"([^"]+)"', re.search(r"vg_an_row_feature_names\[RF_COUNT\] = \{(.*?)\};", src, re.S).group(1))
    short_max = int(re.search(r"#define SHORT_TEXT_SENTENCES (\d+)", open(WEIGHTS).read()).group(1))
    length = names.index("length")
    kinds = {"short": [], "long": []}
    for a, x, y in data:
        kinds["short" if round(math.exp(x[length]) - 1) <= short_max else "long"].append((a, x, y))
    print(f"rows {len(data)} (right {sum(y for _, _, y in data)}) from {len({a for a, _, _ in data})} articles and notes;"
          f" short texts (<= {short_max} sentences) {len(kinds['short'])} rows, long {len(kinds['long'])}")
    # honest predictions: each fold predicted by a model (of its kind) fitted on the other folds
    cv = []
    for rows in kinds.values():
        for f in range(FOLDS):
            w = fit([(x, y) for a, x, y in rows if fold_of(a) != f])
            cv += [(predict(w, x), y, a) for a, x, y in rows if fold_of(a) == f]
    print("calibration (5 folds by article or note, all rows): confidence band, rows, share right")
    for lo in THRESHOLDS[::-1]:
        band = [y for p, y, _ in cv if lo <= p < lo + 0.1]
        at = [y for p, y, _ in cv if p >= lo]
        print(f"  [{lo:.1f},{lo + 0.1:.1f}) rows {len(band):4d} right {sum(band) / max(1, len(band)):.3f}"
              f"   >= {lo:.1f}: rows {len(at):4d} right {sum(at) / max(1, len(at)):.3f}")
    print("what would print on the dev articles (5-fold): threshold, rows, row precision, recall, detect P/R, rows per positive article")
    n_pos = sum(articles.values())
    for t in THRESHOLDS:
        kept = [(y, a) for p, y, a in cv if p >= t and not a.startswith("acled/")]
        right = sum(y for y, _ in kept)
        with_rows = {a for _, a in kept}
        tp = sum(1 for a in with_rows if articles.get(a))
        pos_rows = sum(1 for _, a in kept if articles.get(a))
        print(f"  >= {t:.1f}: rows {len(kept):4d} precision {right / max(1, len(kept)):.3f} recall {right / max(1, n_gold):.3f}"
              f" detect P {tp / max(1, len(with_rows)):.3f} R {tp / max(1, n_pos):.3f} rows/article {pos_rows / max(1, n_pos):.2f}"
              f" (gold {n_gold / max(1, n_pos):.2f})")
    print("ACLED notes (5-fold): threshold, notes whose best row prints and is right (printed at all)")
    best = {}
    for p, y, a in cv:
        if a.startswith("acled/") and (a not in best or p > best[a][0]):
            best[a] = (p, y)
    for t in THRESHOLDS:
        print(f"  >= {t:.1f}: {sum(1 for p, y in best.values() if p >= t and y) / max(1, len(notes)):.3f}"
              f" (printed {sum(1 for p, y in best.values() if p >= t) / max(1, len(notes)):.3f})")
    h = open(WEIGHTS, encoding="utf-8").read()
    for kind, rows in kinds.items():
        w = fit([(x, y) for _, x, y in rows])
        print(f"weights, {kind} texts (all their dev rows): bias {w[0]:+.3f}")
        for nm, wi in zip(names, w[1:]):
            print(f"  {nm:14} {wi:+.3f}")
        K = kind.upper()
        h = re.sub(rf"#define ROW_CONF_BIAS_{K} .*", f"#define ROW_CONF_BIAS_{K} {w[0]:.3f}f", h)
        body = ", ".join(f"{wi:.3f}f" for wi in w[1:])
        h = re.sub(rf"#define ROW_CONF_WEIGHTS_{K} \{{.*?\}}", f"#define ROW_CONF_WEIGHTS_{K} {{" + body + "}", h, flags=re.S)
    if "--write" in sys.argv:
        open(WEIGHTS, "w", encoding="utf-8").write(h)
        print(f"written to {WEIGHTS}")


if __name__ == "__main__":
    main()
