#!/usr/bin/env python3
"""Makes rules/lexicon/english.tsv, the word list OKRCore's Lexicon reads, from WordNet 3.0.

Regenerate (Debian's `wordnet-base` package puts the database in /usr/share/wordnet):

    apt-get install wordnet-base
    python3 rules/lexicon/make-lexicon.py /usr/share/wordnet rules/lexicon

Python 3, standard library only. The output is deterministic: the same WordNet files give the
same bytes. WordNet's licence (WORDNET-LICENSE.txt, beside this script) allows redistribution of
the database and derived data with its notice; keep that file next to the generated data. No
word is typed in by hand: every lemma and every irregular form comes from WordNet's files.

What goes in
  * Every single-word lemma of index.noun, index.verb, index.adj, index.adv (hyphenated words
    count as single words; collocations, written with '_', and numerals without a letter, such
    as "1000", are left out), with the word classes it has.
  * For each lemma and class, a frequency: the sum of the semantic-concordance tag counts of
    that lemma's senses in that class. They come from cntlist.rev, 'sense_key sense_number
    tag_cnt' (Debian ships cntlist.rev, not index.sense or cntlist; the tagsense_cnt field of
    index.pos only counts how many senses are tagged, not how often). Adjective satellites
    (ss_type 5) count as adjectives. 0 is written as nothing.
  * Inflected forms. Irregular ones come from WordNet's exception lists (noun.exc, verb.exc,
    adj.exc, adv.exc). Regular ones are made here with the standard English spelling rules, the
    inverse of WordNet's "morphy" detachment rules:
      nouns       -s; -es after s, x, z, ch, sh; consonant+y -> -ies; -man -> -men when WordNet's
                  glosses use the -men form or the word before -man is itself a word
      verbs       -s/-es/-ies (consonant+o -> -oes), -ed/-d/-ied, -ing (hire -> hiring,
                  die -> dying, see -> seeing), the last consonant doubled in one-syllable
                  consonant-vowel-consonant verbs (plan -> planned, stop -> stopped; ramp ->
                  ramped, rain -> rained, fix -> fixed)
      adjectives  -er/-est with the same spelling rules, for gradable adjectives of one
                  syllable, or of two ending in -y, -le or -ow (long ones take "more"/"most").
                  Gradable: WordNet gives the adjective an attribute (warm -> temperature), or
                  both an antonym and a derived word (quiet -> noisy, quietness), or its glosses
                  use the comparative and that is no WordNet word of its own
      adverbs     only the forms adv.exc lists, as in morphy
    Doubled consonants in longer words (committed, travelled) are in verb.exc already, since
    morphy could not undo them.
  * Which regular forms stand beside an exception. Where an exception list gives a form for a
    slot (say "went" for go's past), the regular form for that slot is kept only if
      - the exceptions are participles only ("proven" leaves "proved", "shown" "showed");
      - an exception is the lemma plus -t ("learnt" leaves "learned", "spelt" "spelled");
      - an exception is the regular form with its final l or s doubled ("travelled" leaves
        "traveled", "biassed" "biased": both spellings are in use); or
      - WordNet attests it: it occurs in WordNet's own glosses and example sentences, it is no
        other lemma's form, and it is no other WordNet word with tagged uses ("persons",
        "pleaded" and "lied" stay; "goed", "childs", "seed" for see, "singed" for sing do not).
    A verb ending in t whose doubled -ing form verb.exc lists, with no past (cut -> cutting, put,
    set, hit, upset), has its past equal to its base.
    A regular comparative or superlative that is another lemma's form, or another WordNet word
    tagged at least as often as the adjective ("liver" for live), is kept only when WordNet's
    glosses use the comparative before "than" ("later than", "lower than"); the two go together.
  * Telling an irregular simple past from a participle: verb.exc does not say which is which, so
    the form's shape decides. Among a verb's irregular pasts, one ending in -n/-ne (gone, seen,
    taken, born) when the lemma does not, or one with u where another has a (sung beside sang,
    begun beside began), is the participle, and the others are the simple past; a verb with one
    irregular past (bought, made, came) gets the "past or participle" tag. "be" is the one verb
    whose forms shape cannot sort (was, is, are); its tags are written out in BE_TAGS.

Known gaps: verbs whose past equals their base without a doubled -ing (read, spread, cast,
hurt, cost) carry a regular -ed form and no past reading of the base; a verb with a single
irregular past that is only the simple past (came, ran) is tagged "past or participle"; a
gradable adjective that WordNet marks neither way (quick) gets no -er/-est; a few regular forms
that never occur are made ("farrer" for far, "manier" for many), harmless for lookups.

Format of english.tsv (UTF-8, '\\n' line ends; lines starting with '#' are comments)
    lemma TAB block [TAB block ...]
    block = class [frequency] (' ' form)*       class: n noun, v verb, a adjective, r adverb
    form  = tag [strip] suffix  |  tag '=' whole-form
    A form is the lemma with `strip` characters (one digit, 0 when absent) cut from its end and
    `suffix` added, or after '=' the whole form. Tags:
      B base (a spelling variant, or am/are)  P plural  S third person singular
      D past or past participle  T simple past only  N past participle only
      G gerund / present participle  C comparative  X superlative
    Example: "go<TAB>n Pes<TAB>v598 Ses T2went Nne Ging<TAB>a" reads: go is a noun (no tagged
    uses) with plural "goes"; a verb (598 tagged uses) with "goes", simple past "went", participle
    "gone" and "going"; and an adjective ("all systems go") with no forms of its own.
"""

import os
import re
import sys
from collections import defaultdict

CLASSES = [("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")]
SS_TYPE_CLASS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
TAG_ORDER = "BPSDTNGCX"
# The slot a tag fills: an exception for one tag of a slot holds back the regular form of it.
SLOT = {"B": "B", "P": "P", "S": "S", "D": "past", "T": "past", "N": "past", "G": "G",
        "C": "degree", "X": "degree"}
VOWELS = set("aeiou")
WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")

# The verb "be": the words come from verb.exc ("being" from the -ing rule); only their tags are
# given here, because no spelling rule tells "was" (past) from "is" (present).
BE_TAGS = {"am": "B", "are": "B", "is": "S", "was": "T", "were": "T", "been": "N", "being": "G"}


def fail(message):
    sys.stderr.write("make-lexicon: " + message + "\n")
    sys.exit(1)


# --- Reading WordNet --------------------------------------------------------------------------

def keep_lemma(word):
    """Single words only (hyphens allowed), with at least one letter."""
    return "_" not in word and " " not in word and re.search("[a-z]", word) is not None


class WordNet:
    def __init__(self, folder):
        self.folder = folder
        self.lemmas = {}        # class letter -> set of lemmas
        self.pointers = {}      # class letter -> lemma -> set of pointer symbols (index.pos)
        for name, letter in CLASSES:
            self.lemmas[letter], self.pointers[letter] = self.read_index(name)
        self.all_lemmas = set().union(*self.lemmas.values())
        self.counts = self.read_counts()
        self.exceptions = {letter: self.read_exceptions(name) for name, letter in CLASSES}
        self.degree_forms = {f for forms in self.exceptions["a"].values() for f in forms} | \
            {f for forms in self.exceptions["r"].values() for f in forms}
        self.gloss_words, self.before_than = self.read_glosses()

    def path(self, name):
        return os.path.join(self.folder, name)

    def read_index(self, name):
        """index.pos: 'lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets'."""
        lemmas, pointers = set(), {}
        with open(self.path("index." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue  # the licence header
                fields = line.split()
                if keep_lemma(fields[0]):
                    lemmas.add(fields[0])
                    pointers[fields[0]] = set(fields[4:4 + int(fields[3])])
        return lemmas, pointers

    def read_counts(self):
        """(lemma, class letter) -> summed tag count."""
        counts = defaultdict(int)
        with open(self.path("cntlist.rev"), encoding="utf-8") as f:
            for line in f:
                key, _number, count = line.split()
                lemma, rest = key.split("%", 1)
                counts[(lemma.lower(), SS_TYPE_CLASS[rest[0]])] += int(count)
        return counts

    def read_exceptions(self, name):
        """lemma -> forms, in file order, from NAME.exc: 'form lemma [lemma ...]'."""
        forms = defaultdict(list)
        with open(self.path(name + ".exc"), encoding="utf-8") as f:
            for line in f:
                words = line.split()
                for lemma in words[1:]:
                    if keep_lemma(words[0]) and keep_lemma(lemma) and words[0] != lemma \
                            and words[0] not in forms[lemma]:
                        forms[lemma].append(words[0])
        return forms

    def read_glosses(self):
        """The words of WordNet's glosses and examples (after '|'), and those used before 'than'."""
        words, before_than = set(), set()
        for name, _letter in CLASSES:
            with open(self.path("data." + name), encoding="utf-8") as f:
                for line in f:
                    if line.startswith(" ") or "|" not in line:
                        continue
                    text = WORD.findall(line.split("|", 1)[1].lower())
                    words.update(text)
                    before_than.update(a for a, b in zip(text, text[1:]) if b == "than")
        return words, before_than

    def total_count(self, word):
        return sum(self.counts.get((word, letter), 0) for _name, letter in CLASSES)


# --- Spelling rules -------------------------------------------------------------------------

def inflectable(word):
    """Spelling rules apply to plain words: letters, with hyphens inside."""
    return re.fullmatch(r"[a-z](?:[a-z-]*[a-z])?", word) is not None


def syllables(word):
    """Vowel groups, a final silent e not counted (hire: 1, simple: 2, available: 4)."""
    word = word.split("-")[-1]
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return groups


def doubles(word):
    """A one-syllable word ending consonant-vowel-consonant doubles its last letter: plan, stop, big."""
    last = word.split("-")[-1]
    if last.startswith("qu"):
        last = last[2:]  # quiz, quit: the u belongs to the consonant
    match = re.fullmatch(r"[^aeiou]*[aeiou]([b-df-hj-np-tv-z])", last)
    return match is not None and match.group(1) not in "wxy"


def consonant_y(word):
    return len(word) >= 2 and word.endswith("y") and word[-2] not in VOWELS


def sibilant(word):
    return word.endswith(("s", "x", "z", "ch", "sh"))


def plural(word, wordnet):
    if word.endswith("man") and len(word) > 3:
        men, mans = word[:-3] + "men", word + "s"
        if men in wordnet.gloss_words:
            return men
        if mans in wordnet.gloss_words:
            return mans
        return men if word[:-3] in wordnet.all_lemmas else mans
    if consonant_y(word):
        return word[:-1] + "ies"
    if sibilant(word):
        return word + "es"
    return word + "s"


def third_person(word):
    if consonant_y(word):
        return word[:-1] + "ies"
    if sibilant(word) or (word.endswith("o") and len(word) >= 2 and word[-2] not in VOWELS):
        return word + "es"
    return word + "s"


def past(word):
    if word.endswith("e"):
        return word + "d"
    if consonant_y(word):
        return word[:-1] + "ied"
    if doubles(word):
        return word + word[-1] + "ed"
    return word + "ed"


def gerund(word):
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith(("ee", "ye", "oe")) or word == "be":
        return word + "ing"
    if word.endswith("e") and len(word) > 2:
        return word[:-1] + "ing"
    if doubles(word):
        return word + word[-1] + "ing"
    return word + "ing"


def compares(word):
    n = syllables(word)
    return n == 1 or (n == 2 and word.endswith(("y", "le", "ow")))


def degree(word, ending):
    """ending 'er' (comparative) or 'est' (superlative)."""
    if word.endswith("e"):
        return word + ending[1:]
    if consonant_y(word):
        return word[:-1] + "i" + ending
    if doubles(word):
        return word + word[-1] + ending
    return word + ending


# --- Telling irregular verb forms apart ------------------------------------------------------

def ends_n(word):
    return word.endswith(("n", "ne"))


def u_for_a(form, others):
    """sung beside sang, begun beside began."""
    for other in others:
        if len(other) == len(form):
            diff = [(x, y) for x, y in zip(form, other) if x != y]
            if diff == [("u", "a")]:
                return True
    return False


def verb_exception_tags(lemma, forms):
    """form -> tag for one verb's verb.exc forms."""
    tags, pasts = {}, []
    for form in forms:
        if lemma == "be":
            tags[form] = BE_TAGS[form]
        elif form.endswith("ing"):
            tags[form] = "G"
        elif form.endswith("s"):
            tags[form] = "S"
        elif form.endswith("ed"):
            tags[form] = "D"
        elif form.replace("-", "") == lemma.replace("-", ""):
            tags[form] = "B"  # co-ordinate for coordinate
        else:
            pasts.append(form)
    participles = [f for f in pasts if (ends_n(f) and not ends_n(lemma)) or u_for_a(f, pasts)]
    for form in pasts:
        tags[form] = "D" if not participles else ("N" if form in participles else "T")
    return tags


def exception_tags(letter, lemma, forms):
    if letter == "v":
        return verb_exception_tags(lemma, forms)
    if letter == "n":
        return {f: "P" for f in forms}
    return {f: ("X" if f.endswith("est") else "C") for f in forms}


# --- Building the entries -------------------------------------------------------------------

class Entry:
    """One lemma in one class: its sure forms, and regular forms still to be judged."""

    def __init__(self, lemma, letter):
        self.lemma, self.letter = lemma, letter
        self.forms = []         # [(tag, form)] kept
        self.attest = []        # [(tag, form, strict)] kept only if WordNet attests them
        self.degrees = []       # [(tag, form)] regular comparative and superlative, kept together

    def add(self, tag, form):
        if (tag, form) not in self.forms and not (tag == "B" and form == self.lemma):
            self.forms.append((tag, form))


def first_pass(wordnet, lemma, letter):
    entry = Entry(lemma, letter)
    exc = wordnet.exceptions[letter].get(lemma, [])
    tags = exception_tags(letter, lemma, exc)
    listed = defaultdict(set)   # slot -> the forms the exception list gives for it
    for form in exc:
        entry.add(tags[form], form)
        listed[SLOT[tags[form]]].add(form)
    if not inflectable(lemma):
        return entry

    def regular(tag, form, keep=False, loose=False):
        """keep: no check; loose: attested in the glosses is enough, even if it is another word."""
        others = listed[SLOT[tag]]
        doubled_variant = lemma[-1] in "ls" and any(
            f == form[:len(lemma)] + lemma[-1] + form[len(lemma):] or
            form == f[:len(lemma)] + lemma[-1] + f[len(lemma):] for f in others)
        if not others or form in others or keep or doubled_variant:
            entry.add(tag, form)
        else:
            entry.attest.append((tag, form, not loose))

    if letter == "n":
        regular("P", plural(lemma, wordnet))
    elif letter == "v":
        regular("S", third_person(lemma))
        if not listed["past"] and lemma + lemma[-1] + "ing" in exc and lemma.endswith("t"):
            entry.add("D", lemma)  # cut, put, set: the past is the base
        else:
            pasts = [f for f in exc if SLOT[tags[f]] == "past"]
            only_participles = bool(pasts) and all(tags[f] == "N" for f in pasts)
            t_variant = any(f == lemma + "t" or (f == lemma[:-1] + "t" and lemma.endswith(("e", "ll", "ss")))
                            for f in pasts)
            regular("D", past(lemma), keep=only_participles, loose=t_variant)
        regular("G", gerund(lemma))
    elif letter == "a" and compares(lemma):
        pairs = [("C", degree(lemma, "er")), ("X", degree(lemma, "est"))]
        if listed["degree"]:
            for tag, form in pairs:
                regular(tag, form)
        elif gradable(wordnet, lemma, pairs[0][1]):
            entry.degrees = pairs
    return entry


def gradable(wordnet, lemma, comparative):
    """WordNet gives the adjective an attribute (warm: temperature), or both an antonym and a
    derived word (quiet: noisy, quietness), or its glosses use the comparative and that is no
    WordNet word of its own (not so for "owner", "cutter"); and the adjective is not itself a
    comparative or superlative in adj.exc (worse, best, less)."""
    pointers = wordnet.pointers["a"][lemma]
    return lemma not in wordnet.degree_forms and (
        "=" in pointers or {"+", "!"} <= pointers or
        (comparative in wordnet.gloss_words and comparative not in wordnet.all_lemmas))


def encode(lemma, tag, form):
    common = 0
    while common < min(len(lemma), len(form)) and lemma[common] == form[common]:
        common += 1
    strip, suffix = len(lemma) - common, form[common:]
    if strip > 9 or suffix[:1].isdigit() or suffix[:1] == "=":
        return tag + "=" + form
    return tag + ("" if strip == 0 else str(strip)) + suffix


def main():
    if len(sys.argv) != 3:
        fail("usage: make-lexicon.py WORDNET_DICT_DIR OUTPUT_DIR")
    wordnet = WordNet(sys.argv[1])
    output = sys.argv[2]

    entries = {}
    for lemma in sorted(wordnet.all_lemmas):
        for _name, letter in CLASSES:
            if lemma in wordnet.lemmas[letter]:
                entries[(lemma, letter)] = first_pass(wordnet, lemma, letter)

    # Second pass: judge the doubtful regular forms against every sure form and word.
    owners = defaultdict(set)
    for (lemma, _letter), entry in entries.items():
        for _tag, form in entry.forms:
            owners[form].add(lemma)

    def taken(form, lemma, uses=0):
        """The form is another lemma's form, or another WordNet word with more than `uses`
        tagged uses."""
        return bool(owners[form] - {lemma}) or \
            (form != lemma and form in wordnet.all_lemmas and wordnet.total_count(form) > uses)

    for (lemma, letter), entry in entries.items():
        for tag, form, strict in entry.attest:
            if form in wordnet.gloss_words and not (strict and taken(form, lemma)):
                entry.add(tag, form)
        if entry.degrees:
            # "liver" is no comparative of live: the noun is used more than the adjective.
            comparative, uses = entry.degrees[0][1], wordnet.counts.get((lemma, letter), 0)
            if comparative in wordnet.before_than or \
                    not any(taken(f, lemma, max(uses - 1, 0)) for _t, f in entry.degrees):
                for tag, form in entry.degrees:
                    entry.add(tag, form)

    lines, stats = [], defaultdict(int)
    for lemma in sorted(wordnet.all_lemmas):
        blocks = []
        for _name, letter in CLASSES:
            entry = entries.get((lemma, letter))
            if entry is None:
                continue
            count = wordnet.counts.get((lemma, letter), 0)
            block = letter + (str(count) if count else "")
            for tag, form in sorted(entry.forms, key=lambda tf: (TAG_ORDER.index(tf[0]), tf[1])):
                code = encode(lemma, tag, form)
                if any(c in code for c in "\t \n\r") or not code.isascii():
                    fail("bad form %r of %r" % (form, lemma))  # the reader strips bytes: ASCII only
                block += " " + code
            blocks.append(block)
            stats[letter] += 1
            stats["forms"] += len(entry.forms)
        if not lemma.isascii() or any(c in lemma for c in "\t \n\r#"):
            fail("bad lemma %r" % lemma)
        lines.append(lemma + "\t" + "\t".join(blocks))

    header = [
        "# English word classes and inflections, made from WordNet 3.0 by make-lexicon.py; do not edit.",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: WORDNET-LICENSE.txt.",
        "# lemma TAB class[tag count] form... [TAB class...]; the format is described in make-lexicon.py.",
    ]
    path = os.path.join(output, "english.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    sys.stderr.write("make-lexicon: %s: %d lemmas (%d nouns, %d verbs, %d adjectives, %d adverbs), "
                     "%d inflected forms, %d bytes\n" % (
                         path, len(lines), stats["n"], stats["v"], stats["a"], stats["r"],
                         stats["forms"], os.path.getsize(path)))


if __name__ == "__main__":
    main()
