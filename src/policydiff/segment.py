"""Sentence segmentation with exact offsets, robust to text extracted from PDFs.

The text is first cut into *units*: paragraphs (runs of non-blank lines) and list items
(a line starting with a bullet or a list number, plus its wrapped continuation lines).
Heading lines and bare page numbers are left out.  Each unit is then normalised the way a
reader would quote it (line breaks folded to spaces, words hyphenated across a line break
rejoined, bullets and Markdown emphasis dropped) while an offset map remembers, for every
character of the normalised text, where it came from.  Sentences are found in the
normalised text and mapped back, so offsets are carried through normalisation and never
re-found by searching.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policydiff.model import Document, Sentence

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_BULLET = re.compile(r"^[ \t]*(?:[-*+•▪●◦·–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]+")
_BLOCKQUOTE = re.compile(r"[ \t]*(?:>[ \t]?)+")
_PAGE_FURNITURE = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)(?=\S)")
_LAST_TOKEN = re.compile(r"(\S+)$")

#: Abbreviations after which a full stop never ends a sentence.
TITLES = frozenset(
    "mr mrs ms mx dr prof st rt hon rev sr jr gen col lt sgt capt cllr gov sen rep "
    "e.g i.e cf vs v approx inc ltd co corp dept est mt ft jan feb apr aug sept sep oct nov dec".split()
)
#: Abbreviations that are only abbreviations before a number ("No. 10", "p. 4").
NUMBER_ABBREVIATIONS = frozenset("no nos p pp para paras art arts vol ch fig s ss cl".split())
#: Words that begin a new sentence after an ambiguous abbreviation such as "U.S." or "etc.".
SENTENCE_STARTERS = frozenset(
    "a an and as at but by for from he her his how i if in it its my no not now on our she "
    "since so that the their then there these they this those to today we what when where "
    "which while who why with yet you your".split()
)
_MARKDOWN_EMPHASIS = frozenset("*`")
#: Capitalised words that open sentences and are never capitalised mid-sentence in English
#: prose; seen after a lower-case word they mark a lost line break (see :func:`_split_glued`).
GLUED_OPENERS = ("The", "We", "Our", "This", "These", "There", "It", "Since", "Today")
#: Fewest words on each side of a glued boundary (a heading is rarely shorter than three).
MIN_GLUED_WORDS = 3
_GLUED = re.compile(rf"(?<=[a-z])(?P<space> )(?P<opener>(?:{'|'.join(GLUED_OPENERS)}) (?=[a-z]))")


@dataclass(frozen=True)
class _Unit:
    """A paragraph or list item: its lines as (start, end) spans without the newline."""

    lines: tuple[tuple[int, int], ...]
    is_item: bool


def segment(document: Document) -> tuple[Sentence, ...]:
    """Split a document into sentences and list items.

    Returns
    -------
    tuple of Sentence
        In reading order; ``index`` counts from 0.  ``document.text[s.start:s.end]`` is
        each sentence as it stands in the file (line breaks and hyphens included), and
        ``s.clean`` is the same words as one would quote them.
    """
    text = document.text
    vocabulary = _hyphenated_vocabulary(text)
    skip_emphasis = document.source_format == "markdown"
    sentences: list[Sentence] = []
    lead_in: int | None = None
    for unit in _units(document):
        clean, origin = _normalise(text, unit.lines, vocabulary, skip_emphasis)
        for piece_number, (c_start, c_end) in enumerate(_split(clean)):
            start, end = origin[c_start], origin[c_end - 1] + 1
            is_item = unit.is_item and piece_number == 0
            section = document.section_at(start)
            sentences.append(
                Sentence(
                    doc=document.id,
                    start=start,
                    end=end,
                    index=len(sentences),
                    clean=clean[c_start:c_end],
                    section=section.title if section else None,
                    is_item=is_item,
                    lead_in=lead_in if is_item else None,
                )
            )
        if not unit.is_item and sentences:
            last = sentences[-1]
            lead_in = last.index if last.clean.endswith(":") else None
    return tuple(sentences)


def _units(document: Document) -> Iterator[_Unit]:
    """Paragraphs and list items, skipping headings, blank lines and page numbers."""
    text = document.text
    heading_starts = {s.start for s in document.sections}
    markdown = document.source_format == "markdown"
    current: list[tuple[int, int]] = []
    current_is_item = False
    for match in _LINE.finditer(text):
        line_start, line_end = match.start(), match.end()
        if line_start == line_end:
            break
        content_end = line_end - 1 if text[line_end - 1] == "\n" else line_end
        if markdown and (quote := _BLOCKQUOTE.match(text, line_start, content_end)):
            line_start += quote.end() - quote.start()
        line = text[line_start:content_end]
        stripped_offset = line_start + len(line) - len(line.lstrip())
        if not line.strip() or stripped_offset in heading_starts or line_start in heading_starts:
            if current:
                yield _Unit(tuple(current), current_is_item)
            current = []
            continue
        if _PAGE_FURNITURE.match(line):
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if current:
                yield _Unit(tuple(current), current_is_item)
            current, current_is_item = [(line_start + bullet.end(), content_end)], True
        elif current:
            current.append((line_start, content_end))
        else:
            current, current_is_item = [(line_start, content_end)], False
    if current:
        yield _Unit(tuple(current), current_is_item)


def _normalise(
    text: str,
    lines: tuple[tuple[int, int], ...],
    vocabulary: frozenset[str],
    skip_emphasis: bool,
) -> tuple[str, list[int]]:
    """Quote-ready text of a unit and, for each of its characters, its offset in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    for number, (start, end) in enumerate(lines):
        if number and chars:
            hyphen = _line_break_hyphen(chars, text[start:end].lstrip(), vocabulary)
            if hyphen == "drop":
                chars.pop()
                origin.pop()
            elif hyphen is None and chars[-1] != " ":
                chars.append(" ")
                origin.append(start - 1)
        for offset in range(start, end):
            char = text[offset]
            if char.isspace():
                if not chars or chars[-1] == " ":
                    continue
                char = " "
            elif skip_emphasis and char in _MARKDOWN_EMPHASIS:
                continue
            chars.append(char)
            origin.append(offset)
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


def _line_break_hyphen(chars: list[str], next_line: str, vocabulary: frozenset[str]) -> str | None:
    """What to do with a "-" that ends a line before a lower-case word.

    "drop" rejoins a word broken across the line ("infra-" + "structure"); "keep" joins a
    compound the document writes with a hyphen elsewhere ("well-" + "known"); None means
    the line does not end in such a hyphen.
    """
    if len(chars) < 2 or chars[-1] != "-" or not chars[-2].isalpha():
        return None
    if not next_line[:1].islower():
        return None
    head = _LAST_TOKEN.search("".join(chars[-40:]))
    tail = _WORD.match(next_line)
    if head and tail and f"{head.group(1)}{tail.group()}".lower() in vocabulary:
        return "keep"
    return "drop"


def _hyphenated_vocabulary(text: str) -> frozenset[str]:
    """Hyphenated words the document writes on one line, e.g. "well-known"."""
    return frozenset(m.group().lower() for m in _WORD.finditer(text) if "-" in m.group())


def _split(clean: str) -> list[tuple[int, int]]:
    """Sentence spans of a normalised unit."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(clean):
        if not _ends_sentence(clean, match):
            continue
        spans.append((start, match.end(2)))
        start = match.end(3)
    if start < len(clean):
        spans.append((start, len(clean)))
    spans = [piece for span in spans for piece in _split_glued(clean, *span)]
    return [(s, e) for s, e in spans if any(c.isalnum() for c in clean[s:e])]


def _split_glued(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut where text extracted from a PDF glued a heading to the sentence after it.

    "We will protect animal welfare The quality of the food…": a capitalised sentence
    opener ("The", "We", "Our"…) straight after a lower-case word and before another, with no
    stop between, only happens where a line break was lost ("The Times" or "The Hague",
    followed by a capital, are left alone).  Each side must keep :data:`MIN_GLUED_WORDS` words
    so that titles such as "the Office for Budget Responsibility" are left alone.
    """
    pieces, piece_start = [], start
    for match in _GLUED.finditer(clean, start, end):
        cut = match.start("opener")
        if len(clean[piece_start:cut].split()) >= MIN_GLUED_WORDS and len(clean[cut:end].split()) >= MIN_GLUED_WORDS:
            pieces.append((piece_start, match.start("space")))
            piece_start = cut
    pieces.append((piece_start, end))
    return pieces


def _ends_sentence(clean: str, match: re.Match[str]) -> bool:
    """Whether a full stop (or ! or ?) followed by white space ends the sentence."""
    following = clean[match.end(3) :]
    next_word = re.match(r"[\"'“‘(]*([\w£$€]+)", following)
    if not following or following[0].islower():
        return False
    if match.group(1) != ".":
        return True
    token = _LAST_TOKEN.search(clean[: match.start(1)])
    word = token.group(1).lower().lstrip("(\"'“‘") if token else ""
    if word in TITLES:
        return False
    if word in NUMBER_ABBREVIATIONS and following[0].isdigit():
        return False
    ambiguous = word == "etc" or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word) is not None
    if ambiguous:
        return next_word is not None and next_word.group(1).lower() in SENTENCE_STARTERS
    return True
