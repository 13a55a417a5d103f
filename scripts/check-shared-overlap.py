#!/usr/bin/env python3
"""check-shared-overlap.py - no evaluation text copied into the repository.

Lists every tracked file that repeats N consecutive words (default 7) of a text under
../shared (the article sets' texts, the seeds, ECB+, French Wikinews), with the line, the
shared file and the words, and exits 1 when any such sequence is not allowed. Those texts
are under licences that forbid redistribution, and a test written on a dev article's own
sentence tunes the engine to that article: tests and comments use sentences of their own.

A generic phrase that any article may carry (an agency's attribution, a site's boilerplate,
a lexicon entry) is allowed in scripts/shared-overlap-allow.tsv, one phrase a line with the
reason; a sequence is allowed when an allowed phrase contains it.

Usage: scripts/check-shared-overlap.py [--n 7] [--shared DIR] [--allow FILE] [files...]
  DIR defaults to $VIGIE_SHARED, then $SHARED, then ../shared; when it is absent the check
  says so and exits 0 (a bare clone has no ../shared). Files default to the tracked files
  under lib tests data cli include docs scripts bench and README.md.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Own material: the hand-coded article sets quote their own texts, the gate model is numbers,
# the fuzz corpora are generated; the allow list quotes what it allows.
SKIP_PREFIXES = ('tests/articles/', 'data/gate/model', 'tests/fuzz/corp', 'scripts/shared-overlap-allow.tsv')


def norm(text):
    return re.sub(r'\s+', ' ', text).strip()


def grams(text, n):
    w = text.split()
    return [' '.join(w[i:i + n]) for i in range(len(w) - n + 1)]


def shared_dir(arg):
    for d in (arg, os.environ.get('VIGIE_SHARED'), os.environ.get('SHARED'), os.path.join(ROOT, '..', 'shared')):
        if d:
            return d
    return ''


def shared_grams(shared, n):
    srcs = (glob.glob(shared + '/eval/articles/*/texts/*') + glob.glob(shared + '/seeds/*')
            + glob.glob(shared + '/eval/clustering/ecbplus/*/*')
            + glob.glob(shared + '/eval/news-fr/**/*', recursive=True))
    table = {}
    for f in sorted(srcs):
        if os.path.isdir(f):
            continue
        try:
            t = norm(open(f, encoding='utf-8', errors='replace').read())
        except OSError:
            continue
        for g in grams(t, n):
            table.setdefault(g, os.path.relpath(f, shared))
    return table


def read_allow(path):
    allowed = []
    if not os.path.exists(path):
        return allowed
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        phrase, _, reason = line.partition('\t')
        if not reason.strip():
            sys.exit(f'{path}: no reason given for "{phrase}"')
        allowed.append(norm(phrase))
    return allowed


def line_of(src, gram):
    """The line where the sequence starts (its first three words, across any spacing)."""
    words = gram.split()[:3]
    m = re.search(r'\s+(?:"\s*)?'.join(re.escape(w) for w in words), src)
    return src.count('\n', 0, m.start()) + 1 if m else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=7)
    ap.add_argument('--shared')
    ap.add_argument('--allow', default=os.path.join(ROOT, 'scripts', 'shared-overlap-allow.tsv'))
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    shared = shared_dir(a.shared)
    if not os.path.isdir(os.path.join(shared, 'eval')) and not os.path.isdir(os.path.join(shared, 'seeds')):
        print(f'check-shared-overlap: {shared} not found, skipping (nothing to compare with)')
        return 0
    table = shared_grams(shared, a.n)
    allowed = read_allow(a.allow)
    if a.files:
        files = a.files
    else:
        os.chdir(ROOT)
        out = subprocess.run(['git', 'ls-files', 'lib', 'tests', 'data', 'cli', 'include', 'docs',
                              'scripts', 'bench', 'README.md'], capture_output=True, text=True).stdout
        files = [f for f in out.split() if not f.startswith(SKIP_PREFIXES)]
    bad = kept = 0
    for f in files:
        if os.path.isdir(f):
            continue
        try:
            src = open(f, encoding='utf-8').read()
        except (OSError, UnicodeDecodeError):
            continue
        # C string literals continued on the next line read as one sentence.
        joined = re.sub(r'"\s*\n\s*"', '', src)
        hits = sorted({(table[g], g) for g in grams(norm(joined), a.n) if g in table})
        shown = []
        for shared_file, g in hits:
            if any(g in p for p in allowed):
                kept += 1
                continue
            shown.append(f'    {f}:{line_of(src, g)}: {shared_file}: {g}')
        if shown:
            bad += len(shown)
            print(f'{f}: {len(shown)}')
            print('\n'.join(shown))
    print(f'check-shared-overlap: {bad} {a.n}-word sequences of ../shared texts copied, {kept} allowed')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
