#!/usr/bin/env python3
"""Regenerate config/english-paraphrases.txt: English words the fact base
never uses, each with the words of the base it can stand for, from WordNet
3.0, so that "who *beat* Serbia in 1885" finds a source that says
"defeated", and "which trade war did Russia *back* Serbia in" one that says
"supported".

For each word a student may type (a WordNet lemma that the SCOWL word list
also has), from the senses it is most used in (SemCor's counts, as WordNet
ships them; for a word never counted, the first sense of each part of speech):
- the other one-word lemmas of the same synset (back → support);
- for verbs, the lemmas of the sense's direct hypernym (beat → defeat);
- the word's own derivationally related forms (comparison → compare).
Then WordNet's phrasal verbs (a verb and one particle: "pull_out"), with
the same partners from their most counted senses ("pull_out withdraw").
Only partners that the source texts or the fact files use (in any form) are kept,
and only words the fact files do not use are listed: histbot uses a
paraphrase only for a question word the base cannot find, and only a
partner some entry holds.
Very general verbs ("make", "take", "have") are never partners.

Run it again after importing a new source text.

Needs Debian's wamerican (SCOWL) and wordnet-base (WordNet 3.0).

Usage: python3 scripts/english-paraphrases.py > config/english-paraphrases.txt
"""
import glob
import os
import re

from wordnet_notice import NOTICE
from wordnet_words import WORDNET, american

DICT = "/usr/share/dict/american-english"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
DOMINANT = 0.6
GENERAL = set(
    "be have do make take give go come put set let say see know use find hold keep run turn get become "
    "seem show call bring leave work try act move stand pass state person thing people time way part".split()
)
NOUN_RULES = [("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"), ("s", "")]
VERB_RULES = [("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", "")]
PARTICLES = set("out up down off over back away in on".split())
ADJ_RULES = [("er", ""), ("est", ""), ("er", "e"), ("est", "e")]


def read_synsets(pos):
    """offset → (lemmas, pointers) for one part of speech."""
    synsets = {}
    with open(WORDNET + "data." + pos, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            count = int(fields[3], 16)
            lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
            at = 4 + 2 * count
            pointer_count = int(fields[at])
            pointers = []
            for i in range(pointer_count):
                symbol, offset, target_pos, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                pointers.append((symbol, offset, target_pos, int(source_target[:2], 16), int(source_target[2:], 16)))
            synsets[fields[0]] = (lemmas, pointers)
    return synsets


def read_index(pos):
    """lemma → its synset offsets, most frequent sense first."""
    senses = {}
    with open(WORDNET + "index." + pos, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            pointer_count = int(fields[3])
            senses[fields[0]] = fields[6 + pointer_count :]
    return senses


def exceptions(pos):
    forms = {}
    with open(WORDNET + pos + ".exc", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                forms.setdefault(parts[0], []).extend(parts[1:])
    return forms


SYNSETS = {POS[p]: read_synsets(p) for p in POS}
SYNSETS["s"] = SYNSETS["a"]
INDEX = {POS[p]: read_index(p) for p in POS}
EXCEPTIONS = {"n": exceptions("noun"), "v": exceptions("verb"), "a": exceptions("adj")}
RULES = {"n": NOUN_RULES, "v": VERB_RULES, "a": ADJ_RULES, "r": []}


def lemmas_of(word):
    """Every WordNet lemma an inflected word may be a form of."""
    found = set()
    for spelling in {word, american(word)}:
        for pos, index in INDEX.items():
            if spelling in index:
                found.add(spelling)
            found.update(l for l in EXCEPTIONS.get(pos, {}).get(spelling, []) if l in index)
            for end, base in RULES[pos]:
                if spelling.endswith(end) and spelling[: -len(end)] + base in index:
                    found.add(spelling[: -len(end)] + base)
    return found


def vocabulary(pattern):
    """The words of the files `pattern` matches under facts/, and their lemmas."""
    words = set()
    for path in glob.glob(os.path.join(ROOT, "facts", pattern), recursive=True):
        with open(path, encoding="utf-8") as f:
            words.update(re.findall(r"[a-z]+", f.read().lower()))
    lemmas = set()
    for word in words:
        lemmas.update(lemmas_of(word))
    return words, lemmas


def read_counts():
    """lemma → [(part of speech, sense number, times tagged in SemCor)]."""
    counts = {}
    with open(WORDNET + "cntlist.rev", encoding="utf-8") as f:
        for line in f:
            key, number, count = line.split()
            lemma, rest = key.split("%", 1)
            pos = "nvaar"[int(rest[0]) - 1]
            counts.setdefault(lemma, []).append((pos, int(number), int(count)))
    return counts


COUNTS = read_counts()


def main_senses(word):
    """(part of speech, offset) of the senses a student most likely means:
    for each part of speech the word is tagged as, its most tagged sense and
    any tagged at least DOMINANT as often: a question may use a word in a
    part of speech it is less often used in ("worry" is mostly a verb, but
    its noun is a "concern"); for a word never tagged, the first sense of
    each part of speech."""
    tagged = [(pos, number, count) for pos, number, count in COUNTS.get(word, []) if count > 0]
    if not tagged:
        chosen = [(pos, 1) for pos in INDEX]
    else:
        top = {}
        for pos, _, count in tagged:
            top[pos] = max(top.get(pos, 0), count)
        chosen = [(pos, number) for pos, number, count in tagged if count >= top[pos] * DOMINANT]
    senses = []
    for pos, number in chosen:
        offsets = INDEX[pos].get(word, [])
        if 0 < number <= len(offsets):
            senses.append((pos, offsets[number - 1]))
    return senses


def partners(word):
    """The words `word` may stand for, from its most frequent senses."""
    found = set()
    for pos, offset in main_senses(word):
        if True:
            lemmas, pointers = SYNSETS[pos][offset]
            found.update(l for l in lemmas if "_" not in l)
            own = lemmas.index(word) + 1 if word in lemmas else 0
            for symbol, target, target_pos, source, target_word in pointers:
                if symbol == "@" and pos == "v":
                    found.update(l for l in SYNSETS[target_pos][target][0] if "_" not in l)
                if symbol == "+" and source == own and own:
                    target_lemmas = SYNSETS[target_pos][target][0]
                    if 0 < target_word <= len(target_lemmas):
                        found.add(target_lemmas[target_word - 1])
    found.discard(word)
    return found


def main():
    # Partners: any word of the source texts or the fact files.
    # Listed words: any the fact files do not use yet.
    _, sources = vocabulary("sources/*.txt")
    surface, used = vocabulary("**/*.toml")
    base = sources | used
    with open(DICT, encoding="utf-8") as f:
        common = {w.strip() for w in f if re.fullmatch(r"[a-z]{3,30}", w.strip())}
    lines = []
    for word in sorted(common):
        if word in surface or word in used or lemmas_of(word) & used:
            continue
        if not any(word in index for index in INDEX.values()):
            continue
        kept = sorted(p for p in partners(word) if p in base and p not in GENERAL and len(p) >= 3)
        if kept:
            lines.append(word + " " + " ".join(kept))
    # Phrasal verbs ("pull out" → withdraw, "turn down" → refuse), written
    # with an underscore; listed whether or not the base uses the verb alone.
    for phrase in sorted(INDEX["v"]):
        parts = phrase.split("_")
        if len(parts) != 2 or parts[1] not in PARTICLES or parts[0] not in common:
            continue
        kept = sorted(p for p in partners(phrase) if p in base and p not in GENERAL and len(p) >= 3 and p != parts[0])
        if kept:
            lines.append(phrase + " " + " ".join(kept))
    header = """English words the fact base does not use, each followed by the words of
the base it may stand for in a question ("beat defeat"): synonyms and, for
verbs, the next more general verb, from the senses the word is most used in;
then phrasal verbs, written with an underscore ("pull_out withdraw").
Generated by scripts/english-paraphrases.py from SCOWL, WordNet 3.0 and the
words of facts/; run it again after importing a new source text.

SCOWL (wamerican), Copyright 2000-2014 by Kevin Atkinson: permission to use,
copy, modify, distribute and sell these word lists is granted without fee
provided this notice appears in all copies; provided "as is".

""" + NOTICE
    for line in header.splitlines():
        print(("# " + line).rstrip())
    for line in lines:
        print(line)


main()
