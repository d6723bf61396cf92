"""The layout of PDF pages: lines, columns, reading order, paragraphs and headings.

Everything here works on plain word boxes (points from the top-left corner of the page, as
pdfplumber gives them), so the rules can be read and tested without a PDF library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise

from policydiff.read.blocks import Block

#: Narrowest gutter between two columns, in ems of the body font.  Two-column layouts
#: leave at least one em (typically 12–24 pt at a 9–11 pt body); the spaces of justified
#: single-column text stay well under one em, so no gutter is seen in them.
GUTTER_MIN_EM = 1.0
#: Fewest lines of prose needed on each side of a gutter for a page to be read as two
#: columns (fewer could be a chance alignment of wide spaces, or a short aside).
MIN_COLUMN_LINES = 3
#: Fewest words beside the gutter for a line to count as prose there: column lines have
#: many, while a bullet glyph set apart from its text, or a table's figures, have one or two.
MIN_COLUMN_WORDS = 3
#: Points between the x positions tried for a gutter: a fifth of the narrowest gutter
#: (one em at a 10 pt body), so every gutter is tried at several positions.
GUTTER_SCAN_STEP = 2.0
#: Where a gutter may lie, as fractions of the text's width: a gutter at the very edge would
#: be a margin note, not a column break.
GUTTER_RANGE = (0.2, 0.8)
#: A vertical gap between two lines of one column starts a new paragraph when it exceeds
#: the document's usual gap between lines by this many ems of body text.  Paragraph spacing
#: is at least half a line (5–6 pt at a 10–12 pt body) while gaps inside a paragraph vary by
#: well under a point, so 0.4 em separates the two.
PARAGRAPH_GAP_EM = 0.4
#: A line reaching this share of its column's width was wrapped there, mid-paragraph.
#: Greedy line breaking leaves at most one long word's width (under 15% of a column of
#: 40 or more characters) unfilled; headings stop well short.
WRAPPED_LINE_SHARE = 0.85
#: Usual gap between lines (in ems) assumed when a document has no two lines in a row.
DEFAULT_LINE_GAP_EM = 0.3
#: A line in a font at least this much larger than the body's median size is set like a
#: heading (body 10 pt → 11.5 pt or more).  Body text varies by well under 5%.
HEADING_SIZE_RATIO = 1.15
#: A heading is at most this long (characters, words): the same limits as plain-text headings.
MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 12
#: Headings deeper than this rank share the last level.
MAX_HEADING_LEVEL = 6
#: Bullet glyphs of symbol fonts that come out as private-use characters, and what they are.
PRIVATE_USE_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•", "\uf06e": "▪"}
_BULLETS = "•▪●◦‣"
#: A line starting with a bullet glyph is a list item, never a heading.  (A numbered line
#: may be either: "2.1 Housing" in bold is a heading, and a numbered pledge ends with a
#: full stop, which no heading does.)
_BULLET_START = re.compile(r"^\s*[-*+•▪●◦‣·–—]\s")
_ENDS_SENTENCE = re.compile(r"[.!?:…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Word:
    """A word on a page: its box in points from the top-left corner, font size and weight."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(frozen=True)
class Line:
    """Words on one line, left to right, and where the line sits in the reading order.

    ``column`` is "full" for a line across the page (or a page without columns), else
    "left" or "right"; ``band`` counts the stretches of the page between lines that cross
    the gutter, so two lines with the same page, column and band follow each other in a
    column.
    """

    words: tuple[Word, ...]
    page: int = 0
    column: str = "full"
    band: int = 0

    @cached_property
    def text(self) -> str:
        """The words joined by single spaces, symbol-font bullets made plain and set apart."""
        text = " ".join(w.text for w in self.words)
        text = "".join(PRIVATE_USE_BULLETS.get(c, c) for c in text)
        if len(text) > 1 and text[0] in _BULLETS and not text[1].isspace():
            text = f"{text[0]} {text[1:]}"
        return text

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def size(self) -> float:
        """Font size of most of the line's characters, in points."""
        return weighted_median([(w.size, len(w.text)) for w in self.words])

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


def weighted_median(values: list[tuple[float, int]]) -> float:
    """The value at which half of the total weight is reached, for (value, weight) pairs.

    Used for font sizes weighted by characters; 0.0 when there are no values.
    """
    ordered = sorted(values)
    half, seen = sum(weight for _, weight in ordered) / 2, 0
    for value, weight in ordered:
        seen += weight
        if seen >= half:
            return value
    return 0.0


def physical_lines(words: list[Word]) -> list[Line]:
    """Words grouped into lines across the whole page width, top to bottom.

    A word joins a line when its vertical middle lies within the line's first word, so
    words of two columns printed at the same height share a line until the gutter splits it.
    """
    if not words:
        return []
    tallest = max(w.bottom - w.top for w in words)
    groups: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0, w.x1, w.text)):
        middle = (word.top + word.bottom) / 2
        for group in reversed(groups):
            first = group[0]
            if first.top <= middle <= first.bottom:
                group.append(word)
                break
            if first.top + tallest < middle:
                groups.append([word])
                break
        else:
            groups.append([word])
    lines = [Line(tuple(sorted(g, key=lambda w: (w.x0, w.x1)))) for g in groups]
    return sorted(lines, key=lambda line: (line.top, line.words[0].x0))


def reading_order(lines: list[Line], *, page: int, body_size: float) -> list[Line]:
    """A page's lines in reading order, each marked with its page, column and band.

    On a page with a gutter, the lines crossing it are read in place and cut the page into
    bands; in each band the left column is read before the right one.
    """
    gutter = find_gutter(lines, body_size)
    if gutter is None:
        return [replace(line, page=page) for line in lines]
    ordered: list[Line] = []
    band = 0
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        parts = _split_at(line, gutter, GUTTER_MIN_EM * body_size)
        if parts is None:
            ordered += left + right
            left, right = [], []
            band += 1
            ordered.append(replace(line, page=page, band=band))
            band += 1
            continue
        before, after = parts
        if before:
            left.append(Line(before, page=page, column="left", band=band))
        if after:
            right.append(Line(after, page=page, column="right", band=band))
    return ordered + left + right


def find_gutter(lines: list[Line], body_size: float) -> float | None:
    """The x position (points) of the gap between two columns, or None for one column.

    At a gutter, at least :data:`MIN_COLUMN_LINES` lines hold prose (at least
    :data:`MIN_COLUMN_WORDS` words) wholly to its left and as many wholly to its right,
    without a word or a narrow space across it.  The columns' lines need not share
    baselines.  In single-column text almost no line starts in mid-page, so none is found.
    Of the positions scanned, the one most lines respect (left or right, less those that
    cross) wins, and the gutter is the middle of the stretch that scores as well.
    """
    if not lines:
        return None
    min_gap = GUTTER_MIN_EM * body_size
    runs = [_runs(line, min_gap) for line in lines]
    left_edge = min(line.words[0].x0 for line in lines)
    width = max(line.words[-1].x1 for line in lines) - left_edge
    low, high = (left_edge + f * width for f in GUTTER_RANGE)
    scores: list[tuple[float, int | None]] = []
    x = low
    while x <= high:
        scores.append((x, _gutter_score(runs, x)))
        x += GUTTER_SCAN_STEP
    best = max((score for _, score in scores if score is not None), default=None)
    if best is None:
        return None
    first = next(i for i, (_, score) in enumerate(scores) if score == best)
    last = first
    while last + 1 < len(scores) and scores[last + 1][1] == best:
        last += 1
    return (scores[first][0] + scores[last][0]) / 2


def _runs(line: Line, min_gap: float) -> list[tuple[float, float, int]]:
    """A line's stretches of words closer than a gutter: (x0, x1, number of words)."""
    runs: list[tuple[float, float, int]] = []
    for word in line.words:
        if runs and word.x0 - runs[-1][1] < min_gap:
            x0, _, count = runs[-1]
            runs[-1] = (x0, max(word.x1, runs[-1][1]), count + 1)
        else:
            runs.append((word.x0, word.x1, 1))
    return runs


def _gutter_score(runs: list[list[tuple[float, float, int]]], x: float) -> int | None:
    """Lines with prose left of x plus lines with prose right of x, less lines across x;
    None when either side has fewer than :data:`MIN_COLUMN_LINES` such lines."""
    left = right = crossing = 0
    for line_runs in runs:
        if any(x0 < x < x1 for x0, x1, _ in line_runs):
            crossing += 1
            continue
        left += sum(n for _, x1, n in line_runs if x1 <= x) >= MIN_COLUMN_WORDS
        right += sum(n for x0, _, n in line_runs if x0 >= x) >= MIN_COLUMN_WORDS
    if min(left, right) < MIN_COLUMN_LINES:
        return None
    return left + right - crossing


def _split_at(
    line: Line, gutter: float, min_gap: float
) -> tuple[tuple[Word, ...], tuple[Word, ...]] | None:
    """A line's words left and right of the gutter, or None when the line spans it.

    A line spans the gutter when a word crosses it, or when its words on either side are
    closer than a gutter's width (a title centred over both columns).
    """
    before = tuple(w for w in line.words if w.x1 <= gutter)
    after = tuple(w for w in line.words if w.x0 >= gutter)
    if len(before) + len(after) < len(line.words):
        return None
    if before and after and after[0].x0 - before[-1].x1 < min_gap:
        return None
    return before, after


def layout_blocks(lines: list[Line], body_size: float) -> list[Block]:
    """Lines in reading order grouped into headings and paragraphs.

    Parameters
    ----------
    lines : list of Line
        Every page's lines in reading order.
    body_size : float
        The body text's median font size, in points.
    """
    usual_gap = _usual_gap(lines, body_size)
    wrapped = _wrapped_lines(lines)
    groups: list[list[Line]] = []
    for number, line in enumerate(lines):
        previous_wraps = number > 0 and (number - 1) in wrapped
        if groups and _joins(groups[-1], line, previous_wraps, usual_gap, body_size):
            groups[-1].append(line)
        else:
            groups.append([line])
    levels = _heading_levels(
        [_style(g[0], body_size) for g in groups if _is_heading(g, body_size)]
    )
    blocks = []
    for group in groups:
        if _is_heading(group, body_size):
            level = levels[_style(group[0], body_size)]
            blocks.append(Block("heading", tuple(line.text for line in group), level))
        else:
            blocks.append(Block("paragraph", tuple(line.text for line in group)))
    return blocks


def _joins(group: list[Line], line: Line, previous_wraps: bool, usual_gap: float, body_size: float) -> bool:
    """Whether ``line`` continues the block of ``group``.

    It must follow without a paragraph break: in the same column, no clear vertical gap; at
    a column or page break, a previous line that does not end a sentence and is not set
    apart (headings do not run on into the next column).  Lines set apart (bold or large)
    run on only from a line that fills the column (``previous_wraps``), as a two-line
    heading or an emphasised opening sentence does and a short heading does not.  A line
    set differently joins only mid-sentence: a fully bold line within body text (an
    emphasised phrase), or body text after a bold or large line that fills the column.
    """
    previous = group[-1]
    same_column = (previous.page, previous.column, previous.band) == (line.page, line.column, line.band)
    ends_sentence = _ENDS_SENTENCE.search(previous.text) is not None
    group_style, line_style = _style(group[0], body_size), _style(line, body_size)
    if same_column:
        gap = line.top - previous.bottom
        if line.top < previous.top or gap > usual_gap + PARAGRAPH_GAP_EM * body_size:
            return False
    elif ends_sentence or group_style is not None:
        return False
    if group_style == line_style:
        return group_style is None or previous_wraps
    if ends_sentence:
        return False
    if group_style is None:
        return line_style is not None and line_style[0] == "bold"
    return previous_wraps


def _wrapped_lines(lines: list[Line]) -> set[int]:
    """Positions of lines that fill their column, as lines wrapped mid-paragraph do.

    A column's width is the span of all its lines on the page (every band of it).
    """
    extents: dict[tuple[int, str], tuple[float, float]] = {}
    for line in lines:
        key = (line.page, line.column)
        x0, x1 = extents.get(key, (line.words[0].x0, line.words[-1].x1))
        extents[key] = (min(x0, line.words[0].x0), max(x1, line.words[-1].x1))
    wrapped = set()
    for number, line in enumerate(lines):
        x0, x1 = extents[(line.page, line.column)]
        if line.words[-1].x1 - x0 >= WRAPPED_LINE_SHARE * (x1 - x0):
            wrapped.add(number)
    return wrapped


def _usual_gap(lines: list[Line], body_size: float) -> float:
    """The median gap between consecutive lines of one column, in points."""
    gaps = sorted(
        b.top - a.bottom
        for a, b in pairwise(lines)
        if (a.page, a.column, a.band) == (b.page, b.column, b.band) and b.top >= a.top
    )
    return gaps[len(gaps) // 2] if gaps else DEFAULT_LINE_GAP_EM * body_size


def _style(line: Line, body_size: float) -> tuple[str, float] | None:
    """How a line is set apart from body text: ("large", size), ("bold", size) or None."""
    if _BULLET_START.match(line.text):
        return None
    if line.size >= HEADING_SIZE_RATIO * body_size:
        return ("large", round(line.size * 2) / 2)
    if line.bold:
        return ("bold", round(line.size * 2) / 2)
    return None


def _is_heading(group: list[Line], body_size: float) -> bool:
    """Whether a group of lines set apart from the body reads like a title."""
    if _style(group[0], body_size) is None:
        return False
    title = " ".join(line.text for line in group)
    if len(title) > MAX_HEADING_CHARS or len(title.split()) > MAX_HEADING_WORDS:
        return False
    if title[-1] in ".,;:" or not any(c.isalpha() for c in title):
        return False
    return title[0].isupper() or title[0].isdigit()


def _heading_levels(styles: list[tuple[str, float]]) -> dict[tuple[str, float], int]:
    """Rank of each heading style: larger fonts first, large before bold at equal size."""
    ranked = sorted(set(styles), key=lambda s: (-s[1], s[0] != "large"))
    return {style: min(rank + 1, MAX_HEADING_LEVEL) for rank, style in enumerate(ranked)}
