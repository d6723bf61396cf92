"""Plain-text and Markdown documents.

The text is kept exactly as decoded (a leading byte-order mark is the only thing dropped),
so offsets found later point into what a user sees when opening the file.  Headings become
sections: Markdown ``#`` lines, and in plain text short stand-alone title lines.
"""

from __future__ import annotations

import re

from policydiff.errors import InputError
from policydiff.model import Section

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_LINE = re.compile(r"[^\n]*(?:\n|$)")
_BULLET_START = re.compile(r"^\s*(?:[-*•▪●◦·–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")

#: A plain-text line longer than this is body text, not a heading (real headings in the
#: UK manifesto corpus are under 80 characters; wrapped body lines run 60–100).
MAX_HEADING_CHARS = 80
#: …and a heading has at most this many words.
MAX_HEADING_WORDS = 12
#: A line opening with a pronoun subject is a sentence that lost its full stop in
#: extraction ("We have halved the deficit"), not a title.
_SENTENCE_START = re.compile(r"^(?:We|I|You|They|It|This|That|There|These|So|And|But|Our \w+ (?:is|are|will|has|have))\b")
#: A title never ends on a word that needs another after it ("So we will double the").
_DANGLING_WORDS = frozenset("the a an of to and or for with our your their in on at by from that which".split())
#: Bytes checked for NUL when deciding whether a file is binary.
BINARY_SNIFF_BYTES = 8192


def decode(path: str, raw: bytes) -> str:
    """UTF-8 text of a file, without a leading BOM; InputError for binary or non-UTF-8 data."""
    if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
        raise InputError(path, "looks like a binary file, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"is not valid UTF-8 (byte {error.start}: {raw[error.start]:#04x})"
        ) from None
    return text.removeprefix("\ufeff")


def parse_plain(path: str, raw: bytes) -> tuple[str, tuple[Section, ...], str]:
    """Reader for ``.txt``: text, sections from title lines, format "text"."""
    text = decode(path, raw)
    return text, find_plain_sections(text), "text"


def parse_markdown(path: str, raw: bytes) -> tuple[str, tuple[Section, ...], str]:
    """Reader for ``.md``: text, sections from ``#`` headings, format "markdown"."""
    text = decode(path, raw)
    return text, find_markdown_sections(text), "markdown"


def find_markdown_sections(text: str) -> tuple[Section, ...]:
    """Sections from ATX headings (``# Title``, ``## Subtitle``)."""
    headings = [
        (m.start(), len(m.group(1)), m.group(2).strip()) for m in _MARKDOWN_HEADING.finditer(text)
    ]
    return _close_sections(text, headings)


def find_plain_sections(text: str) -> tuple[Section, ...]:
    """Sections from short stand-alone title lines of plain text.

    A line is a heading when it stands alone (blank line or text edge before and after),
    is short, starts with a capital or a digit, is not a list item, and does not end like
    a sentence (., ;, :, ,).  All-capitals headings rank above mixed-case ones.
    """
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    headings = []
    for i, (start, line) in enumerate(lines):
        before_blank = i == 0 or not lines[i - 1][1].strip()
        after_blank = i + 1 == len(lines) or not lines[i + 1][1].strip()
        title = line.strip()
        if before_blank and after_blank and _looks_like_title(title):
            level = 1 if title.isupper() else 2
            headings.append((start + line.index(title[0]), level, title))
    return _close_sections(text, headings)


def heading_line_end(text: str, section: Section) -> int:
    """Offset just past the heading line of a section (its title line, not its body)."""
    newline = text.find("\n", section.start)
    return len(text) if newline < 0 else newline


def _looks_like_title(line: str) -> bool:
    if not line or len(line) > MAX_HEADING_CHARS or len(line.split()) > MAX_HEADING_WORDS:
        return False
    if line[-1] in ".,;:" or _BULLET_START.match(line) or line.isdigit():
        return False
    if _SENTENCE_START.match(line) or line.split()[-1].lower() in _DANGLING_WORDS:
        return False
    first = line[0]
    return first.isupper() or first.isdigit()


def _close_sections(text: str, headings: list[tuple[int, int, str]]) -> tuple[Section, ...]:
    """Give each heading its extent: up to the next heading of the same or a higher rank."""
    sections = []
    for i, (start, level, title) in enumerate(headings):
        end = len(text)
        for later_start, later_level, _ in headings[i + 1 :]:
            if later_level <= level:
                end = later_start
                break
        sections.append(Section(doc="", start=start, end=end, title=title, level=level))
    return tuple(sections)
