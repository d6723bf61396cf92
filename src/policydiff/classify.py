"""Classification: what happened to a pledge between two documents.

Each link becomes a change record with a *status* (unchanged, changed, new, dropped) and,
for changes and moves, a *kind* that says how it changed.  The kinds are read from the
word-level diff: numbers that differ, hedges or negations that come or go, whole clauses
inserted or deleted, one pledge split into several or several merged into one.
"""

from __future__ import annotations

import re
from collections import Counter

from policydiff.model import Change, Link, Pledge
from policydiff.similarity.fuzzy import is_restatement
from policydiff.worddiff import normalised_words, word_diff

#: A clause counts as added (or removed) when at least this many more words are inserted
#: than deleted: three words is the shortest qualifying phrase in our examples
#: ("by next year", "in rural areas"); two-word swaps are rewordings.
MIN_CLAUSE_WORDS = 3
#: …and at most this many words were deleted at the same time (the rest is kept as is).
MAX_CLAUSE_CHURN = 2

#: Share of words (of the longer side) inserted, deleted or replaced beyond the figures, hedges
#: and negations, above which a change also counts as reworded.  Half the words is where the
#: demo corpus's paraphrases begin; number and hedge edits alone change under a third.
REWORDED_SHARE = 0.5

#: Order in which kinds are reported as *the* kind when several apply: structural changes
#: first, then the changes a fact-checker cares most about.
KIND_PRECEDENCE = (
    "split",
    "merged",
    "negated",
    "number-changed",
    "hedged",
    "firmed",
    "clause-added",
    "clause-removed",
    "reworded",
    "moved",
)

#: Phrases that soften a commitment.  Counted in lower-case text; a pledge that gains one
#: is hedged, one that loses one is firmed.
HEDGES = (
    "aim to", "aim for", "seek to", "work towards", "work toward", "strive to", "try to",
    "hope to", "look at", "look to", "consider", "explore", "review", "where possible",
    "when possible", "as far as possible", "if possible", "when resources allow",
    "when the public finances allow", "when finances allow", "over time", "in the long term",
    "ambition", "aspire", "examine", "encourage", "work with", "investigate", "begin to",
    "start to", "move towards", "as soon as", "subject to", "if affordable", "endeavour to",
    "endeavor to", "work to", "as resources allow", "if the public finances allow", "wherever possible",
    "wherever practical", "where appropriate", "want to",
)
_NOT_NEGATIONS = re.compile(r"\bno (?:more|less|fewer|later|longer|sooner) than\b|\bnot only\b")
_NEGATIONS = frozenset("not no never n't won't cannot neither nor oppose reject".split())
#: "against" reverses a pledge only as a stance ("we will vote against", "we are against");
#: in "violence against women" or "protect against fraud" it names the subject.
_STANCE_AGAINST = re.compile(r"\b(?:am|are|is|be|remain|stand|vote|voting|campaign|come out) against\b")
_NUMBER = re.compile(
    r"[£$€]?\d[\d,]*(?:\.\d+)?%?(?:\s?(?:bn|billion|million|m|k|thousand|per cent|percent)\b)?",
    re.I,
)
_DIGITS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90"}
_DIGIT_WORD = re.compile(r"\b(?:" + "|".join(_DIGITS) + r")\b", re.I)
#: Words that state a quantity without digits.
_NUMBER_WORDS = frozenset("hundred thousand million billion half third quarter double treble triple twice".split())


def classify(link: Link, pledges: dict[str, Pledge]) -> Change:
    """The change record of a link.

    Parameters
    ----------
    link : Link
        Aligned pledges of two documents (either side may be empty).
    pledges : dict
        Pledge id → Pledge, covering the link's ids.
    """
    if not link.b:
        return Change(link.source, link.target, "dropped", link.a, (), 0.0)
    if not link.a:
        return Change(link.source, link.target, "new", (), link.b, 0.0)
    a_side = [pledges[i] for i in link.a]
    b_side = [pledges[i] for i in link.b]
    a_text, b_text = _side_text(a_side), _side_text(b_side)
    diff = word_diff(a_text, b_text)
    kinds = detect_kinds(a_side, b_side, a_text, b_text)
    same_words = normalised_words(a_text) == normalised_words(b_text)
    status = "unchanged" if same_words and not ({"split", "merged"} & set(kinds)) else "changed"
    if status == "unchanged":
        kinds = tuple(k for k in kinds if k == "moved")
    elif kinds == ("moved",) or not kinds:
        kinds = ("reworded",) + kinds
    kind = min(kinds, key=KIND_PRECEDENCE.index) if kinds else None
    return Change(link.source, link.target, status, link.a, link.b, link.score, kind, kinds, diff)


def detect_kinds(a_side: list[Pledge], b_side: list[Pledge], a_text: str, b_text: str) -> tuple[str, ...]:
    """Every kind of change between two sides, in :data:`KIND_PRECEDENCE` order."""
    found = set()
    if len(_distinct(b_side)) > 1:
        found.add("split")
    if len(_distinct(a_side)) > 1:
        found.add("merged")
    a_lower, b_lower = a_text.lower(), b_text.lower()
    if numbers(a_lower) != numbers(b_lower):
        found.add("number-changed")
    hedges_a, hedges_b = _count(HEDGES, a_lower), _count(HEDGES, b_lower)
    if hedges_b > hedges_a:
        found.add("hedged")
    elif hedges_b < hedges_a:
        found.add("firmed")
    reworded = _rewording_share(a_text, b_text) >= REWORDED_SHARE
    if reworded:
        # A "not" or "never" gained in a thorough rewording says little on its own
        # ("cap fares at inflation" → "fares will never rise faster than inflation").
        found.add("reworded")
    elif _negation_changed(a_lower, b_lower):
        found.add("negated")
    found |= _clause_change(a_text, b_text)
    if _section_key(_distinct(a_side)[0]) != _section_key(_distinct(b_side)[0]):
        found.add("moved")
    return tuple(k for k in KIND_PRECEDENCE if k in found)


def numbers(text: str) -> Counter[str]:
    """Numbers, amounts, percentages, dates and number words in a text, normalised.

    Number words count as their digits ("three million" is "3 million", "thirty" is "30"),
    so writing a figure out in words is not a change of figure.
    """
    text = _DIGIT_WORD.sub(lambda m: _DIGITS[m.group().lower()], text)
    found = Counter(m.group().replace(" ", "").rstrip(",.") for m in _NUMBER.finditer(text))
    found.update(w for w in re.findall(r"[a-z]+", text) if w in _NUMBER_WORDS)
    return found


def _distinct(side: list[Pledge]) -> list[Pledge]:
    """The pledges of one side less restatements of one another."""
    kept: list[Pledge] = []
    for pledge in sorted(side, key=lambda p: (-len(p.clean), p.start)):
        if not any(is_restatement(pledge.clean, other.clean) for other in kept):
            kept.append(pledge)
    return sorted(kept, key=lambda p: p.start)


def _side_text(side: list[Pledge]) -> str:
    """The words of one side, restatements counted once."""
    return " ".join(p.clean for p in _distinct(side))


def _count(phrases: tuple[str, ...], text: str) -> int:
    return sum(len(re.findall(rf"\b{re.escape(p)}\b", text)) for p in phrases)


def _negation_changed(a_lower: str, b_lower: str) -> bool:
    """Whether a negation was added or removed (not merely moved)."""
    def negations(text: str) -> int:
        tokens = re.findall(r"[a-z']+", _NOT_NEGATIONS.sub(" ", text))
        stances = len(_STANCE_AGAINST.findall(text))
        return stances + sum(1 for t in tokens if t in _NEGATIONS or t.endswith("n't"))

    return negations(a_lower) != negations(b_lower)


def _clause_change(a_text: str, b_text: str) -> set[str]:
    """"clause-added" or "clause-removed" when words were mostly only inserted or only deleted."""
    inserted = deleted = 0
    for op in word_diff(a_text, b_text):
        inserted += op.b_end - op.b_start if op.tag in ("insert", "replace") else 0
        deleted += op.a_end - op.a_start if op.tag in ("delete", "replace") else 0
    if inserted - deleted >= MIN_CLAUSE_WORDS and deleted <= MAX_CLAUSE_CHURN:
        return {"clause-added"}
    if deleted - inserted >= MIN_CLAUSE_WORDS and inserted <= MAX_CLAUSE_CHURN:
        return {"clause-removed"}
    return set()


def _rewording_share(a_text: str, b_text: str) -> float:
    """Share of words changed other than figures, hedge words and negations, in [0, 1]."""
    ignorable = re.compile(r"^(?:[£$€]?\d[\d,.%]*|not|no|never|aim|seek|to|towards|work)$")
    changed = 0
    for op in word_diff(a_text, b_text):
        if op.tag != "equal":
            changed += sum(1 for w in (op.text_a + " " + op.text_b).lower().split() if not ignorable.match(w))
    longest = max(len(a_text.split()), len(b_text.split()), 1)
    return min(changed / (2 * longest), 1.0)


def _section_key(pledge: Pledge) -> str:
    return " ".join(normalised_words(pledge.section or ""))
