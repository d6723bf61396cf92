"""The paragraph structure of a text: blocks of lines, list items, and where text may go.

The generator needs to know, for a sentence it edits, whether it is a whole paragraph or
list item (so removing it removes its line) and where a new paragraph can be put without
breaking a list away from its "We will:" lead-in.  This module finds those places by
reading the text's lines; it never changes the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from records import Span

_LINE = re.compile(r"[^\n]*(?:\n|$)")
#: A line that starts like a bullet or list number: "- ", "• ", "3. ", "(a) ".
BULLET = re.compile(r"^[ \t]*(?:[-*+•▪●◦·–—]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])[ \t]+")
#: What a paragraph may end with for another sentence to follow it as a sentence.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


@dataclass(frozen=True)
class Unit:
    """A paragraph or a list item: its span (bullet included) and whether it is an item."""

    start: int
    end: int
    is_item: bool


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines, between blank lines or the ends of the text.

    ``lines`` are the (start, end) spans of its lines without their newline; ``units`` are
    its paragraphs and list items; ``is_heading`` says the reader took it as a heading.
    """

    start: int
    end: int
    lines: tuple[Span, ...]
    units: tuple[Unit, ...]
    is_heading: bool

    @property
    def is_prose(self) -> bool:
        """A plain paragraph: not a heading and no list items."""
        return not self.is_heading and not any(u.is_item for u in self.units)


def blocks(text: str, heading_starts: frozenset[int]) -> tuple[Block, ...]:
    """The blocks of a text in reading order.

    Parameters
    ----------
    text : str
        The whole document.
    heading_starts : frozenset of int
        Offsets at which the reader found headings (``Section.start``).
    """
    found: list[Block] = []
    lines: list[Span] = []
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        if start == end:
            break
        content_end = end - 1 if text[end - 1] == "\n" else end
        if text[start:content_end].strip():
            lines.append((start, content_end))
        elif lines:
            found.append(_block(text, lines, heading_starts))
            lines = []
    if lines:
        found.append(_block(text, lines, heading_starts))
    return tuple(found)


def block_at(found: tuple[Block, ...], offset: int) -> int | None:
    """Index of the block containing ``offset``, or None."""
    for i, block in enumerate(found):
        if block.start <= offset < block.end:
            return i
    return None


def unit_at(block: Block, offset: int) -> Unit:
    """The unit of a block containing ``offset`` (the last one starting at or before it)."""
    chosen = block.units[0]
    for unit in block.units:
        if unit.start <= offset:
            chosen = unit
    return chosen


def unit_removal(text: str, found: tuple[Block, ...], offset: int) -> Span:
    """The span to delete to remove the whole unit at ``offset`` with its line(s).

    A paragraph goes with the blank lines after it (or before it, when it is the last); a
    list item goes with its newline.
    """
    index = block_at(found, offset)
    block = found[index]
    unit = unit_at(block, offset)
    if len(block.units) == 1:
        if index + 1 < len(found):
            return block.start, found[index + 1].start
        previous_end = found[index - 1].end if index else 0
        return previous_end, block.end
    position = block.units.index(unit)
    if position + 1 < len(block.units):
        return unit.start, block.units[position + 1].start
    return block.units[position - 1].end, unit.end


def ends_sentence(text: str, block: Block) -> bool:
    """Whether a block's text ends like a sentence (so a new sentence may follow it)."""
    return _SENTENCE_END.search(text[block.start : block.end].rstrip()) is not None


def _block(text: str, lines: list[Span], heading_starts: frozenset[int]) -> Block:
    units: list[Unit] = []
    for start, end in lines:
        line = text[start:end]
        stripped = start + len(line) - len(line.lstrip())
        bullet = BULLET.match(line) is not None
        if bullet or not units:
            units.append(Unit(stripped, end, bullet))
        else:
            units[-1] = Unit(units[-1].start, end, units[-1].is_item)
    first = lines[0][0] + len(text[lines[0][0] : lines[0][1]]) - len(text[lines[0][0] : lines[0][1]].lstrip())
    is_heading = first in heading_starts or lines[0][0] in heading_starts
    return Block(first, lines[-1][1], tuple(lines), tuple(units), is_heading)
