"""Edits that must not count as pledge changes.

Manifestos come out of PDFs: the same words are re-wrapped at another width, a word is
hyphenated across a line break, spaces double up, and the prose around the pledges is
rewritten.  Each function here changes one untouched paragraph of A in one of those ways
and labels the pledges in it, whose gold status stays "unchanged".
"""

from __future__ import annotations

import re

import edits
from draft import Draft
from layout import BULLET, Block
from plan import MIN_CONFIDENCE
from policydiff.pledges import judge
from script import Replacement

#: The kinds of noise, each given to about the same number of paragraphs.
NOISE_TYPES = ("rewrap", "hyphenation", "whitespace", "context")
#: Line widths a paragraph is re-wrapped to, in characters (PDF text runs 45–95).
WRAP_WIDTHS = (45, 95)
#: Shortest word hyphenated across a line break, and fewest letters kept on each side.
MIN_HYPHENATED_LETTERS, MIN_HYPHEN_SIDE = 8, 3
#: Chance that a space becomes a double space in a "whitespace" paragraph.
DOUBLE_SPACE_RATE = 0.3
#: Paragraphs at most this long (characters, words) and not ending like a sentence could read
#: as a heading once on one line; they get no noise.
MAX_TITLE_CHARS, MAX_TITLE_WORDS = 100, 15
_GAP = re.compile(r"\s+")


def add_noise(draft: Draft, share: float, vocabulary: tuple[str, ...]) -> None:
    """Give a share of the untouched paragraphs of A one kind of noise each.

    Paragraphs that hold an edit, a list, or a line already ending in a hyphen are skipped
    (re-wrapping those could join or split words by accident).
    """
    candidates = [
        block
        for block in draft.blocks
        if block.is_prose
        and draft.script.free(block.start, block.end)
        and not any(draft.text[start:end].rstrip().endswith("-") for start, end in block.lines)
        and any(block.start <= s.start < block.end for s in draft.sentences)
        and not _could_be_title(draft.text[block.start : block.end])
    ]
    chosen = draft.rng.sample(candidates, round(share * len(candidates)))
    for block in sorted(chosen, key=lambda b: b.start):
        noise = draft.rng.choice(NOISE_TYPES)
        made = {
            "rewrap": lambda b: _rewrap(draft, b, hyphenate=False),
            "hyphenation": lambda b: _rewrap(draft, b, hyphenate=True),
            "whitespace": lambda b: _whitespace(draft, b),
            "context": lambda b: _context(draft, b, vocabulary),
        }[noise](block)
        if made is None:
            made = _rewrap(draft, block, hyphenate=False) or {}
        for i, label in made.items():
            draft.noise[i] = label


def _could_be_title(text: str) -> bool:
    """Whether the words of a paragraph, on one line, could pass for a heading.

    A title-like paragraph wrapped over two lines is not a heading, but re-wrapped onto one it
    would become one and move the pledges after it to another section.  The limits are a
    little above those of policydiff's plain-text reader (80 characters, 12 words).
    """
    words = text.split()
    short = len(" ".join(words)) <= MAX_TITLE_CHARS and len(words) <= MAX_TITLE_WORDS
    return short and text.rstrip()[-1:] not in ".,;:!?"


def _untouched_pledges(draft: Draft, block: Block) -> list[int]:
    return [i for i, p in enumerate(draft.pledges) if block.start <= p.start < block.end and i not in draft.plans]


def _rewrap(draft: Draft, block: Block, *, hyphenate: bool) -> dict[int, str] | None:
    """Re-wrap a paragraph to a random width; with ``hyphenate``, break one long word across lines."""
    text = draft.text
    gaps = list(_GAP.finditer(text, block.start, block.end))
    starts = [block.start] + [g.end() for g in gaps]
    ends = [g.start() for g in gaps] + [block.end]
    width = draft.rng.randint(*WRAP_WIDTHS)
    separators, line = [], ends[0] - starts[0]
    for k in range(len(gaps)):
        word = text[starts[k + 1] : ends[k + 1]]
        breakable = not BULLET.match(word + " ") and not word.isdigit()
        if breakable and line + 1 + len(word) > width:
            separators.append("\n")
            line = len(word)
        else:
            separators.append(" ")
            line += 1 + len(word)
    replacements, labels = [], {i: "rewrap" for i in _untouched_pledges(draft, block)}
    if hyphenate:
        hyphen_at = _hyphenation_point(draft, starts, ends, separators)
        if hyphen_at is None:
            return None
        k, cut = hyphen_at
        separators[k] = " "
        replacements.append(Replacement(cut, cut, "-\n"))
        for i in labels:
            if draft.pledges[i].start <= cut < draft.pledges[i].end:
                labels[i] = "hyphenation"
    for gap, separator in zip(gaps, separators, strict=True):
        if gap.group() != separator:
            replacements.append(Replacement(gap.start(), gap.end(), separator))
    if not replacements or not draft.script.add(*replacements):
        return None
    return labels


def _hyphenation_point(draft: Draft, starts, ends, separators) -> tuple[int, int] | None:
    """A long lower-case word that starts a line, and where to break it: (gap index, offset)."""
    options = []
    for k, separator in enumerate(separators):
        word = draft.text[starts[k + 1] : ends[k + 1]]
        if separator != "\n" or not re.fullmatch(rf"[a-z]{{{MIN_HYPHENATED_LETTERS},}}", word):
            continue
        cut = draft.rng.randint(MIN_HYPHEN_SIDE, len(word) - MIN_HYPHEN_SIDE)
        if f"{word[:cut]}-{word[cut:]}" not in draft.text.lower():
            options.append((k, starts[k + 1] + cut))
    return draft.rng.choice(options) if options else None


def _whitespace(draft: Draft, block: Block) -> dict[int, str] | None:
    """Double some spaces, add trailing spaces to lines, and an extra blank line after."""
    replacements = []
    for gap in _GAP.finditer(draft.text, block.start, block.end):
        if gap.group() == " " and draft.rng.random() < DOUBLE_SPACE_RATE:
            replacements.append(Replacement(gap.start(), gap.end(), "  "))
        elif "\n" in gap.group():
            replacements.append(Replacement(gap.start(), gap.end(), "  " + gap.group()))
    replacements.append(Replacement(block.end, block.end, "  \n"))
    if not draft.script.add(*replacements):
        return None
    return {i: "whitespace" for i in _untouched_pledges(draft, block)}


def _context(draft: Draft, block: Block, vocabulary: tuple[str, ...]) -> dict[int, str] | None:
    """Reword a sentence that is not a pledge (it must stay one that is not a pledge)."""
    pledged = {p.sentence for p in draft.pledges}
    others = [
        s for s in draft.sentences
        if block.start <= s.start < block.end and s.index not in pledged and not s.clean.endswith(":")
    ]
    draft.rng.shuffle(others)
    for sentence in others:
        new = edits.replace_words(sentence.clean, draft.rng, vocabulary)
        if new is None or judge(new, party=draft.document.party).confidence >= MIN_CONFIDENCE:
            continue
        if draft.script.add(Replacement(sentence.start, sentence.end, new)):
            return {i: "context" for i in _untouched_pledges(draft, block)}
    return None
