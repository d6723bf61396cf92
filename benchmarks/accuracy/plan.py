"""Planning the edits of one pair: which pledge of A gets which edit, and the gold it implies.

Each planner tries one edit on one pledge and, when it applies and touches nothing already
edited, adds its replacements to the draft's script and records the gold verdict: the
status a perfect system would give, the change kind, and the spans of B that carry the
pledge.  :func:`plan_edits` hands the edit types out in turn so that each is about equally
frequent, whatever the document.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import edits
from draft import Draft, Plan
from policydiff.pledges import judge
from script import Replacement

#: Edits a pledge of A can receive, and the change kind each should be reported as (None
#: for "rewrite", which makes several kinds of change at once).
EDIT_KINDS = {
    "drop": None,
    "number": "number-changed",
    "word-replace": "reworded",
    "clause-add": "clause-added",
    "clause-remove": "clause-removed",
    "hedge": "hedged",
    "firm": "firmed",
    "negate": "negated",
    "paraphrase": "reworded",
    "paraphrase-heavy": "reworded",
    "rewrite": None,
    "move": "moved",
    "split": "split",
    "merge": "merged",
}
#: policydiff's default lowest pledge confidence; a moved or inserted sentence must reach
#: it on its own, out of its list and away from its lead-in.
MIN_CONFIDENCE = 0.5
#: Paragraphs tried, at random, as the place of one inserted pledge before giving it up.
INSERT_TRIES = 8


def plan_edits(
    draft: Draft, count: int, editable: list[int], vocabulary: tuple[str, ...], verbs: frozenset[str]
) -> None:
    """Give ``count`` pledges of A one edit each, cycling through the edit types.

    Parameters
    ----------
    draft : Draft
        Document A and its script; plans are recorded in ``draft.plans``.
    count : int
        How many edits to make (fewer when too few pledges can take one).
    editable : list of int
        Indices of the pledges that may be edited (restated pledges are left alone).
    vocabulary, verbs
        Words for word swaps, and the verbs a split may start its second half with.
    """
    planners = _planners(vocabulary, verbs, frozenset(editable))
    types = list(planners)
    draft.rng.shuffle(types)
    made = 0
    while made < count and types:
        for edit in list(types):
            if made >= count:
                break
            candidates = [i for i in editable if i not in draft.plans]
            draft.rng.shuffle(candidates)
            if any(planners[edit](draft, i) for i in candidates):
                made += 1
            else:
                types.remove(edit)


def plan_inserts(draft: Draft, donors: list[str], count: int) -> None:
    """Insert ``count`` pledges of another document after random paragraphs of A."""
    places = draft.insertion_blocks()
    for n, sentence in enumerate(donors[:count]):
        key = f"new{n}"
        for block in draft.rng.sample(places, min(len(places), INSERT_TRIES)):
            if draft.script.add(draft.insertion(block, sentence, key)):
                draft.inserted.append(key)
                break


def _planners(
    vocabulary: tuple[str, ...], verbs: frozenset[str], editable: frozenset[int]
) -> dict[str, Callable[[Draft, int], bool]]:
    def in_place(edit: str, change: Callable[[str, random.Random], str | None]) -> Callable[[Draft, int], bool]:
        """A planner that rewrites the words of a pledge where it stands."""

        def plan(draft: Draft, i: int) -> bool:
            pledge = draft.pledges[i]
            new = change(pledge.clean, draft.rng)
            if new is None or new == pledge.clean:
                return False
            key = f"a{i}"
            if not draft.script.add(Replacement(pledge.start, pledge.end, new, ((key, 0, len(new)),))):
                return False
            draft.plans[i] = Plan(edit, "changed", EDIT_KINDS[edit], (key,))
            return True

        return plan

    return {
        "drop": _drop,
        "number": in_place("number", edits.change_number),
        "word-replace": in_place("word-replace", lambda text, rng: edits.replace_words(text, rng, vocabulary)),
        "clause-add": in_place("clause-add", edits.add_clause),
        "clause-remove": in_place("clause-remove", edits.remove_clause),
        "hedge": in_place("hedge", edits.hedge),
        "firm": in_place("firm", edits.firm),
        "negate": in_place("negate", edits.negate),
        "paraphrase": in_place("paraphrase", edits.paraphrase),
        "paraphrase-heavy": in_place("paraphrase-heavy", edits.paraphrase_heavy),
        "rewrite": in_place("rewrite", lambda text, rng: edits.rewrite(text, rng, vocabulary)),
        "move": _move,
        "split": lambda draft, i: _split(draft, i, verbs),
        "merge": lambda draft, i: i + 1 in editable and _merge(draft, i),
    }


def _drop(draft: Draft, i: int) -> bool:
    sentence = draft.sentence_of(draft.pledges[i])
    if not draft.removable(sentence):
        return False
    start, end = draft.removal(sentence)
    if not draft.script.add(Replacement(start, end, "")):
        return False
    draft.plans[i] = Plan("drop", "dropped", None)
    return True


def _move(draft: Draft, i: int) -> bool:
    """Take a pledge out of its paragraph and put it after a paragraph elsewhere.

    The pledge goes under another heading when the document has more than one; without
    headings it goes at least a third of the document away.
    """
    pledge = draft.pledges[i]
    if not draft.removable(draft.sentence_of(pledge)):
        return False
    if judge(pledge.clean, party=draft.document.party).confidence < MIN_CONFIDENCE:
        return False
    sentence = pledge.clean if pledge.clean[-1:] in ".!?" else pledge.clean + "."
    here = draft.section_title(pledge.start)
    titles = {draft.section_title(b.start) for b in draft.blocks}
    far = len(draft.text) / 3
    places = [
        b
        for b in draft.insertion_blocks()
        if (draft.section_title(b.start) != here if len(titles) > 1 else abs(b.end - pledge.start) > far)
    ]
    if not places:
        return False
    start, end = draft.removal(draft.sentence_of(pledge))
    target = draft.rng.choice(places)
    key = f"a{i}"
    if target.start <= start < target.end:
        return False
    if not draft.script.add(Replacement(start, end, ""), draft.insertion(target, sentence, key)):
        return False
    draft.plans[i] = Plan("move", "unchanged", "moved", (key,))
    return True


def _split(draft: Draft, i: int, verbs: frozenset[str]) -> bool:
    pledge = draft.pledges[i]
    halves = edits.split(pledge.clean, draft.rng, verbs)
    if halves is None:
        return False
    first, second = halves
    text = f"{first} {second}"
    marks = ((f"a{i}.0", 0, len(first)), (f"a{i}.1", len(first) + 1, len(text)))
    if not draft.script.add(Replacement(pledge.start, pledge.end, text, marks)):
        return False
    draft.plans[i] = Plan("split", "changed", "split", (f"a{i}.0", f"a{i}.1"))
    return True


def _merge(draft: Draft, i: int) -> bool:
    """Merge a pledge with the next sentence when that is a pledge of the same paragraph."""
    if i + 1 >= len(draft.pledges) or i + 1 in draft.plans:
        return False
    first, second = draft.pledges[i], draft.pledges[i + 1]
    if second.sentence != first.sentence + 1:
        return False
    same_block = any(b.start <= first.start and second.end <= b.end for b in draft.blocks)
    between = draft.text[first.end : second.start]
    if not same_block or between.strip(" \t\n-*•–"):
        return False
    merged = edits.merge(first.clean, second.clean)
    key = f"a{i}"
    if merged is None or not draft.script.add(Replacement(first.start, second.end, merged, ((key, 0, len(merged)),))):
        return False
    draft.plans[i] = Plan("merge", "changed", "merged", (key,), (i + 1,))
    draft.plans[i + 1] = Plan("merge", "changed", "merged", (key,), (i,))
    return True
