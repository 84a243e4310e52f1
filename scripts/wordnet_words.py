"""WordNet 3.0 and SCOWL word lists shared by the scripts that generate
histbot's English lists (scripts/english-predicates.py,
scripts/english-comparisons.py)."""

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
