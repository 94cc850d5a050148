"""English inflection for the word classes of rule packs: a pack lists lemmas (``show``,
``study``), and the kinds match every form (shows, showed, shown, showing; studies).

Regular forms follow the spelling rules (cure → cures, cured, curing; verify → verifies,
verified; stop → stopped); the verbs a health text is likely to use irregularly are in a
table. A pack can add forms of its own after the lemma: ``"rid/rid/ridding"``.
"""

from __future__ import annotations

from functools import cache

# lemma -> its past and past participle forms; the other forms are regular.
IRREGULAR_VERBS: dict[str, tuple[str, ...]] = {
    "do": ("did", "done"),
    "say": ("said",),
    "show": ("showed", "shown"),
    "prove": ("proved", "proven"),
    "find": ("found",),
    "make": ("made",),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "take": ("took", "taken"),
    "know": ("knew", "known"),
    "think": ("thought",),
    "tell": ("told",),
    "sell": ("sold",),
    "beat": ("beat", "beaten"),
    "hurt": ("hurt",),
    "rid": ("rid", "ridded"),
    "keep": ("kept",),
    "lead": ("led",),
    "mean": ("meant",),
    "hold": ("held",),
    "stand": ("stood",),
    "win": ("won",),
    "put": ("put",),
    "set": ("set",),
    "begin": ("began", "begun"),
    "see": ("saw", "seen"),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
    "come": ("came",),
    "become": ("became",),
    "overcome": ("overcame",),
    "undo": ("undid", "undone"),
    "fight": ("fought",),
    "teach": ("taught",),
    "bring": ("brought",),
    "buy": ("bought",),
    "seek": ("sought",),
    "feel": ("felt",),
    "leave": ("left",),
    "lose": ("lost",),
    "swear": ("swore", "sworn"),
    "hide": ("hid", "hidden"),
    "grow": ("grew", "grown"),
    "go": ("went", "gone"),
}
IRREGULAR_NOUNS: dict[str, tuple[str, ...]] = {
    "analysis": ("analyses",),
    "meta-analysis": ("meta-analyses",),
    "hypothesis": ("hypotheses",),
    "datum": ("data",),
    "man": ("men",),
    "woman": ("women",),
    "person": ("people",),
    "child": ("children",),
    "criterion": ("criteria",),
    "phenomenon": ("phenomena",),
    "research": ("research",),
    "evidence": ("evidence",),
    "science": ("sciences",),
    "medicine": ("medicine",),
}
# Stressed final syllables whose consonant doubles although the word is longer than one.
DOUBLING = frozenset({"admit", "begin", "commit", "control", "occur", "permit", "prefer", "refer", "regret", "submit", "transfer", "equip", "compel"})  # fmt: skip
VOWELS = frozenset("aeiou")


def _parts(entry: str) -> tuple[str, tuple[str, ...]]:
    """A word list entry: the lemma and the forms the pack gives after it (``rid/rid``)."""
    lemma, *extra = (part.strip() for part in entry.split("/"))
    return lemma, tuple(part for part in extra if part)


def _head(phrase: str) -> tuple[str, str]:
    """A multi-word lemma inflects its first word (``get rid of`` → ``got rid of``)."""
    head, _, rest = phrase.partition(" ")
    return head, (" " + rest if rest else "")


def _doubles(word: str) -> bool:
    if word in DOUBLING:
        return True
    if len(word) < 3 or word[-1] in VOWELS or word[-1] in "wxy":
        return False
    vowel_groups = sum(
        1 for i, c in enumerate(word) if c in VOWELS and (i == 0 or word[i - 1] not in VOWELS)
    )
    return vowel_groups == 1 and word[-2] in VOWELS and word[-3] not in VOWELS


@cache
def verb_forms(entry: str) -> dict[str, tuple[str, ...]]:
    """Forms of a verb by slot: base, s (3rd person singular), ed (past), en (past
    participle), ing. Irregular pasts fill both ed and en (the table does not tell them
    apart; matching a superset is what a pattern needs)."""
    lemma, extra = _parts(entry.lower())
    word, rest = _head(lemma)
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = word + "es"
    elif word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        third = word[:-1] + "ies"
    else:
        third = word + "s"
    if word.endswith(("ee", "ye", "oe")):
        past, ing = word + "d", word + "ing"
    elif word.endswith("ie"):
        past, ing = word + "d", word[:-2] + "ying"
    elif word.endswith("e"):
        past, ing = word + "d", word[:-1] + "ing"
    elif word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        past, ing = word[:-1] + "ied", word + "ing"
    elif _doubles(word):
        past, ing = word + word[-1] + "ed", word + word[-1] + "ing"
    else:
        past, ing = word + "ed", word + "ing"
    pasts = IRREGULAR_VERBS.get(word, (past,))
    forms = {"base": (word,), "s": (third,), "ed": pasts, "en": pasts, "ing": (ing,)}
    out = {slot: tuple(dict.fromkeys(f + rest for f in words)) for slot, words in forms.items()}
    if extra:
        out["extra"] = extra
    return out


@cache
def noun_forms(entry: str) -> tuple[str, ...]:
    """A noun's singular and plural (a pack's extra forms after ``/`` are added)."""
    lemma, extra = _parts(entry.lower())
    *lead, word = lemma.split(" ")
    prefix = " ".join(lead) + " " if lead else ""
    if word in IRREGULAR_NOUNS:
        plurals = IRREGULAR_NOUNS[word]
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        plurals = (word + "es",)
    elif word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        plurals = (word[:-1] + "ies",)
    else:
        plurals = (word + "s",)
    return tuple(dict.fromkeys((lemma, *(prefix + p for p in plurals), *extra)))


SLOTS = ("base", "s", "ed", "en", "ing")


def forms(entry: str, slots: str) -> tuple[str, ...]:
    """The forms of a word list entry for a slot list: ``n`` (noun: singular and plural),
    ``v`` (every verb form), ``base``, ``s``, ``ed``, ``en``, ``ing``, ``fin`` (finite:
    base, s, ed), or ``word`` (the entry as written). Comma-separated slots are joined."""
    found: list[str] = []
    for slot in slots.split(","):
        slot = slot.strip()
        if slot == "word":
            lemma, extra = _parts(entry.lower())
            found.extend((lemma, *extra))
        elif slot == "n":
            found.extend(noun_forms(entry))
        else:
            verbs = verb_forms(entry)
            wanted = SLOTS if slot == "v" else ("base", "s", "ed") if slot == "fin" else (slot,)
            for name in wanted:
                if name not in verbs:
                    raise ValueError(f"unknown word form {slot!r}")
                found.extend(verbs[name])
            found.extend(verbs.get("extra", ()))
    return tuple(dict.fromkeys(found))
