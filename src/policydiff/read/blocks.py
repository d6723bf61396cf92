"""Laying out extracted blocks as text, with exact section offsets.

The PDF and HTML readers do not keep the bytes of their source: they extract headings,
paragraphs and list items, and the text they return is built here.  That text is what every
offset refers to (the pipeline saves it beside the results), so it is laid out in one fixed
way that :mod:`policydiff.segment` reads well:

- blocks are separated by one blank line;
- a heading is one line of its own, and becomes a :class:`~policydiff.model.Section` that
  starts at that line and runs to the next heading of the same or a higher rank;
- a paragraph keeps its lines (a PDF's wrapped lines, so words hyphenated across a line end
  are rejoined by the segmenter, which records where each character came from);
- a list is one line per item, each starting with its bullet.
"""

from __future__ import annotations

from dataclasses import dataclass

from policydiff.model import Section

#: What separates two blocks: one blank line, the paragraph break of plain text.
BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or list, as lines without newlines.

    ``kind`` is "heading" (its lines are written as one line; ``level`` 1 is the top
    rank), "paragraph" or "list" (one line per item, each starting with its bullet).
    """

    kind: str
    lines: tuple[str, ...]
    level: int = 0


def assemble(blocks: list[Block]) -> tuple[str, tuple[Section, ...]]:
    """The text of a list of blocks, and its sections.

    Returns
    -------
    text : str
        The blocks separated by blank lines, ending with one newline ("" when there are
        no blocks).
    sections : tuple of Section
        One per heading block, in order: ``text[start:end]`` begins with the heading's
        title and ends where the next heading of the same or a higher rank begins (or at
        the end of the text).  ``doc`` is left empty for :func:`policydiff.read.read` to set.
    """
    parts: list[str] = []
    headings: list[tuple[int, int, str]] = []
    offset = 0
    for block in blocks:
        if not block.lines:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        if block.kind == "heading":
            body = " ".join(block.lines)
            headings.append((offset, block.level, body))
        else:
            body = "\n".join(block.lines)
        parts.append(body)
        offset += len(body)
    if not parts:
        return "", ()
    text = "".join(parts) + "\n"
    sections = []
    for i, (start, level, title) in enumerate(headings):
        end = next((s for s, lvl, _ in headings[i + 1 :] if lvl <= level), len(text))
        sections.append(Section(doc="", start=start, end=end, title=title, level=level))
    return text, tuple(sections)
