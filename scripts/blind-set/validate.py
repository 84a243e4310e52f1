#!/usr/bin/env python3
"""Check a question file: python3 validate.py FILE.toml
Prints every problem with the question's number; exit 1 if any."""
import sys, tomllib, pathlib, re

HERE = pathlib.Path(__file__).parent
TIERS = {"plain", "command", "typo", "sr", "ar", "ru", "two", "none"}
COMMANDS = {"/when", "/who", "/year", "/compare", "/treaty", "/timeline", "/ask", "/source", "/period"}

def normal(text):
    text = re.sub("[′’‘ʼ]", "'", text)
    return " ".join(text.lower().split())

# The writers' copy beside this file, or the repository's own.
SOURCE_DIR = HERE / "sources" if (HERE / "sources").is_dir() else HERE.parents[1] / "facts" / "sources"
SOURCES = [normal(p.read_text()) for p in sorted(SOURCE_DIR.glob("*.txt"))]

def main(path):
    try:
        data = tomllib.loads(pathlib.Path(path).read_text())
    except Exception as e:
        print(f"{path}: not valid TOML: {e}")
        return 1
    problems = []
    qs = data.get("q", [])
    for n, q in enumerate(qs, 1):
        where = f"question {n} ({q.get('text', '?')!r})"
        unknown = set(q) - {"text", "tier", "gold", "states", "why", "locale"}
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        if not q.get("text"):
            problems.append(f"{where}: no text")
        tier = q.get("tier")
        if tier not in TIERS:
            problems.append(f"{where}: tier must be one of {sorted(TIERS)}")
        if tier == "none":
            if not q.get("why"):
                problems.append(f"{where}: a none question needs why")
            if q.get("gold") or q.get("states"):
                problems.append(f"{where}: a none question has no gold/states")
            continue
        gold, states = q.get("gold", []), q.get("states", [])
        if not gold:
            problems.append(f"{where}: needs gold")
        if len(states) < len(gold):
            problems.append(f"{where}: give at least one states entry per gold (states[i] is what gold[i] answers)")
        for g in gold:
            if not any(normal(g) in s for s in SOURCES):
                problems.append(f"{where}: gold not verbatim in any source: {g!r}")
        for g, s in zip(gold, states):
            if normal(s) not in normal(g):
                problems.append(f"{where}: states {s!r} is not inside its gold")
        for s in states[len(gold):]:
            if not any(normal(s) in src for src in SOURCES):
                problems.append(f"{where}: states not verbatim in any source: {s!r}")
        if tier == "command" and q.get("text", "").split(" ")[0] not in COMMANDS:
            problems.append(f"{where}: a command question starts with one of {sorted(COMMANDS)}")
    for p in problems:
        print(p)
    print(f"{len(qs)} questions, {len(problems)} problems")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
