"""WordNet 3.0 and SCOWL word lists shared by the scripts that generate
histbot's English lists (scripts/english-predicates.py,
scripts/english-comparisons.py, scripts/english-kinds.py,
scripts/english-person-kinds.py)."""

import glob
import os
import re

from wordnet_notice import NOTICE

WORDNET = "/usr/share/wordnet/"
DICTS = ["/usr/share/dict/american-english", "/usr/share/dict/british-english"]


def american(word):
    """WordNet spells the American way: "recognise" is looked up as "recognize"."""
    return re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", word)


def lemmas(pos):
    with open(WORDNET + "index." + pos, encoding="utf-8") as f:
        return {line.split(" ")[0] for line in f if not line.startswith(" ") and "_" not in line.split(" ")[0]}


def exceptions(pos):
    with open(WORDNET + pos + ".exc", encoding="utf-8") as f:
        return {line.split()[0] for line in f if line.strip()}


def noun_synsets():
    """Each noun synset's lemmas (without WordNet's "(a)" marks) and its
    hypernyms, as two dicts by offset; a hypernym is a pair of the
    pointer's symbol ("@", or "@i" for an instance's) and the synset."""
    synset_lemmas, synset_hypernyms = {}, {}
    with open(WORDNET + "data.noun", encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" | ")[0].split()
            offset, count = parts[0], int(parts[3], 16)
            synset_lemmas[offset] = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]) for i in range(count)]
            at = 4 + 2 * count
            pointers = (parts[at + 1 + 4 * i : at + 3 + 4 * i] for i in range(int(parts[at])))
            synset_hypernyms[offset] = [(symbol, target) for symbol, target in pointers if symbol in ("@", "@i")]
    return synset_lemmas, synset_hypernyms


def noun_senses():
    """Each noun lemma's synsets, WordNet's most frequent sense first."""
    senses = {}
    with open(WORDNET + "index.noun", encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            senses[parts[0]] = parts[-int(parts[2]):]
    return senses


NOUN_EXCEPTIONS = {}
with open(WORDNET + "noun.exc", encoding="utf-8") as f:
    for line in f:
        form, *bases = line.split()
        NOUN_EXCEPTIONS[form] = bases[0]


def noun_base_form(word, senses):
    """The noun WordNet lists for a word of the sources ("agreements":
    "agreement"), or None; `senses` as [`noun_senses`] gives them."""
    for candidate in (word, american(word)):
        if candidate in senses:
            return candidate
    if word in NOUN_EXCEPTIONS:
        return NOUN_EXCEPTIONS[word]
    for end, repl in (("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(end) and word[: -len(end)] + repl in senses:
            return word[: -len(end)] + repl
    return None


def source_words(root):
    """The words of three letters or more of the source texts under
    `root`/facts/sources, lowercase."""
    words = set()
    for path in glob.glob(os.path.join(root, "facts/sources/*.txt")):
        with open(path, encoding="utf-8") as f:
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", f.read()))
    return words


ADJECTIVES = lemmas("adj")
ADJECTIVE_FORMS = exceptions("adj")  # WordNet lists irregular comparatives here: "better", "biggest"


def compares(word):
    """A comparative or superlative ("bigger", "largest", "most"): it makes
    the claim a question asks about, so it is never read as a paraphrase."""
    if word in ADJECTIVE_FORMS or word in ("more", "most", "less", "least", "best", "worst"):
        return True
    for end in ("er", "est", "ier", "iest"):
        stem = word[: -len(end)]
        if word.endswith(end) and (stem in ADJECTIVES or stem + "e" in ADJECTIVES or stem + "y" in ADJECTIVES or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in ADJECTIVES)):
            return True
    return False


SCOWL_NOTICE = """SCOWL (wamerican, wbritish), Copyright 2000-2014 by Kevin Atkinson:
permission to use, copy, modify, distribute and sell these word lists is
granted without fee provided this notice appears in all copies; provided
"as is"."""


def print_word_list(about, lines):
    """Print a generated list: `about` and the SCOWL and WordNet notices as
    `#` comments, then one line each."""
    for line in (about + "\n\n" + SCOWL_NOTICE + "\n\n" + NOTICE).splitlines():
        print(("# " + line).rstrip())
    for line in lines:
        print(line)
