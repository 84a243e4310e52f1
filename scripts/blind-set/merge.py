#!/usr/bin/env python3
"""Merge the writers' files into <DIR>/holdout.toml; print only counts.

Usage: python3 merge.py <DIR> <ordinal>   (ordinal: "thirty-third", for the header)

Reads every one-letter share, <DIR>/a.toml, b.toml, … (a to d are the four
standard shares; more writers may add e.toml, f.toml, …).

Drops questions that repeat any question of tests/questions/*.toml word for word
(case and spacing aside) or that do not validate (validate.py, beside this file)."""
import glob, pathlib, subprocess, sys, tomllib, json

ROOT = pathlib.Path(sys.argv[1])
ORDINAL = sys.argv[2]
REPO = pathlib.Path(__file__).resolve().parents[2] / 'tests' / 'questions'
VALIDATE = pathlib.Path(__file__).resolve().parent / 'validate.py'

def norm(t): return ' '.join(t.lower().split())

known = set()
for f in glob.glob(str(REPO / '*.toml')):
    for q in tomllib.loads(pathlib.Path(f).read_text())['q']:
        known.add(norm(q['text']))

def toml_str(s): return json.dumps(s, ensure_ascii=False)

written, repeats, invalid, seen, kept = 0, 0, 0, set(), []
shares = sorted(p.name for p in ROOT.glob('?.toml'))  # a.toml, b.toml, … one per writer
for name in 'abcd':
    if f'{name}.toml' not in shares:
        print(f'{name}.toml missing')
for share in shares:
    path = ROOT / share
    check = subprocess.run([sys.executable, str(VALIDATE), str(path)], capture_output=True, text=True)
    bad = {line.split(' (')[0] for line in check.stdout.splitlines() if line.startswith('question ')}
    for n, q in enumerate(tomllib.loads(path.read_text())['q'], 1):
        written += 1
        if f'question {n}' in bad:
            invalid += 1; continue
        key = norm(q['text'])
        if key in known or key in seen:
            repeats += 1; continue
        seen.add(key); kept.append(q)

lines = ['# The %s blind set: written from the source texts only by' % ORDINAL,
         '# writers who never saw the fact files or the other sets (%d written;' % written,
         '# %d that repeat a dev question word for word and %d that did not' % (repeats, invalid),
         '# validate dropped). Only measured; never tuned on.', '']
for q in kept:
    lines.append('[[q]]')
    for k in ('text', 'tier'):
        lines.append(f'{k} = {toml_str(q[k])}')
    if 'gold' in q: lines.append('gold = [' + ', '.join(toml_str(g) for g in q['gold']) + ']')
    if 'states' in q: lines.append('states = [' + ', '.join(toml_str(g) for g in q['states']) + ']')
    if 'why' in q: lines.append(f'why = {toml_str(q["why"])}')
    if 'locale' in q: lines.append(f'locale = {toml_str(q["locale"])}')
    lines.append('')
(ROOT / 'holdout.toml').write_text('\n'.join(lines))
tiers = {}
for q in kept: tiers[q['tier']] = tiers.get(q['tier'], 0) + 1
print(f'written {written}, repeats {repeats}, invalid {invalid}, kept {len(kept)}; tiers {dict(sorted(tiers.items()))}')
