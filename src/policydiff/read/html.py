"""HTML documents: the main text of a page, its headings as sections.

BeautifulSoup with Python's own ``html.parser`` is used: it is maintained, tolerant of the
broken markup party websites serve, and needs no compiled parser (lxml) or download; it
decodes every named and numeric entity.  trafilatura would guess the main text with far
heavier machinery, where manifesto pages mark it up plainly.

What is kept: the page's ``<main>`` (or ``role="main"``, or its single ``<article>``, else
``<body>``), without navigation, banners, footers, asides (cookie notices live there),
scripts, styles, forms, SVG, hidden elements and cookie or consent boxes.  ``h1``–``h6``
become headings (level from the tag), paragraphs and other blocks become paragraphs, and
list items become "- item" lines so the segmenter sees bullets (and a "We will:" lead-in
above them).  White space is folded as a browser folds it; ``<br>`` breaks a line.

The bytes are decoded as the page says: a byte-order mark, else a ``<meta charset>`` (or
``http-equiv`` Content-Type, or an XHTML page's XML declaration) near the top, else UTF-8.  As browsers do, a declared
ISO-8859-1 or ASCII is read as windows-1252.  Undecodable bytes are an error, never
guessed at.
"""

from __future__ import annotations

import codecs
import re

from policydiff.errors import InputError, MissingExtra
from policydiff.model import Section
from policydiff.read.blocks import Block, assemble

#: How far into the file a ``<meta charset>`` is looked for.  The HTML standard's prescan
#: reads 1024 bytes; pages written by hand often put the meta later, so we read further.
CHARSET_SNIFF_BYTES = 4096
#: Bytes checked for NUL when deciding whether a file is binary (as for plain text).
BINARY_SNIFF_BYTES = 8192
#: Elements whose content is never main text.
DROPPED_TAGS = (
    "head", "title", "nav", "footer", "aside", "script", "style", "noscript", "form", "svg", "template",
    "iframe", "object", "canvas", "button", "select", "textarea", "dialog",
)
#: ARIA roles of page furniture (the same parts as the tags above, marked up with divs).
DROPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
#: Cookie and consent notices, which often read like promises ("We will use cookies…").
_CONSENT = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Elements that start a new block of text; everything else runs inline.
BLOCK_TAGS = frozenset(
    "address article blockquote body caption center dd details div dl dt fieldset figcaption "
    "figure header hgroup hr html legend li main ol p pre section summary table tbody td "
    "tfoot th thead tr ul menu dir".split()
)
HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
#: Labels the HTML standard reads as windows-1252, and UTF-16 labels that a meta tag
#: cannot truthfully declare (an ASCII-readable meta means an ASCII-compatible encoding).
_CHARSET_ALIASES = {
    **dict.fromkeys(
        ("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp819"),
        "windows-1252",
    ),
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be"), "utf-8"),
}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(
    rb"(?:<meta\b[^>]*?charset|<\?xml\b[^>]*?encoding)\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.IGNORECASE
)
#: Marks a ``<br>`` while white space is folded (a character no page writes on purpose).
_BREAK = "\u2028"
_SPACES = re.compile(r"[^\S\u2028]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def parse_html(path: str, raw: bytes) -> tuple[str, tuple[Section, ...], str]:
    """Reader for ``.html``/``.htm``: main text, sections from ``h1``–``h6``, format "html".

    Returns
    -------
    text : str
        The main text as blocks separated by blank lines: each heading on a line of its
        own, list items as "- item" lines.  Every offset of later stages points into it.
    sections : tuple of Section
        One per heading, ``level`` from the tag (``h2`` → 2).
    source_format : str
        "html".

    Raises
    ------
    InputError
        Binary data, an unknown declared charset, or bytes the charset cannot decode.
    MissingExtra
        beautifulsoup4 is not installed.
    """
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        raise MissingExtra("html", "reading HTML files") from None

    soup = BeautifulSoup(decode_html(path, raw), "html.parser")
    _drop_furniture(soup)
    root = _main_element(soup)
    blocks: list[Block] = []
    _collect(root, blocks)
    text, sections = assemble(blocks)
    return text, sections, "html"


def decode_html(path: str, raw: bytes) -> str:
    """The page's text, decoded by its byte-order mark, its meta charset, or as UTF-8."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _decode(path, raw[len(bom) :], codec, len(bom), codec.upper())
    if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
        raise InputError(path, "looks like a binary file, not HTML")
    declared = _META_CHARSET.search(raw[:CHARSET_SNIFF_BYTES])
    if declared is None:
        return _decode(path, raw, "utf-8", 0, "UTF-8", note=" and declares no other charset")
    label = declared.group(1).decode("ascii").lower()
    codec = _CHARSET_ALIASES.get(label, label)
    try:
        codecs.lookup(codec)
    except LookupError:
        raise InputError(path, f"declares an unknown charset '{label}'") from None
    return _decode(path, raw, codec, 0, codec, note=", the charset it declares")


def _decode(path: str, data: bytes, codec: str, skipped: int, shown: str, note: str = "") -> str:
    """``data`` decoded strictly; ``skipped`` bytes (a BOM) precede it in the file."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        offset = skipped + error.start
        raise InputError(
            path, f"is not valid {shown} (byte {offset}: {data[error.start]:#04x}){note}"
        ) from None


def _drop_furniture(soup) -> None:
    """Remove navigation, banners, footers, asides, scripts, hidden and consent elements.

    A ``<header>`` inside ``<main>`` or an ``<article>`` is the article's own title block
    and stays; a page-level one is the site banner and goes.
    """
    for tag in soup.find_all(list(DROPPED_TAGS)):
        tag.decompose()
    for tag in soup.find_all("header"):
        if tag.find_parent(["main", "article"]) is None:
            tag.decompose()
    for tag in soup.find_all(_is_furniture):
        if not tag.decomposed:
            tag.decompose()


def _is_furniture(tag) -> bool:
    """Whether an element is hidden, has a furniture role, or is a cookie or consent box."""
    attrs = tag.attrs
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if attrs.get("role") in DROPPED_ROLES or _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    classes = attrs.get("class") or []
    names = " ".join([attrs.get("id") or "", *(classes if isinstance(classes, list) else [classes])])
    return tag.name not in ("html", "body", "main") and bool(_CONSENT.search(names))


def _main_element(soup):
    """The element holding the main text: main, role=main, a lone article, body, or all."""
    found = soup.find("main") or soup.find(attrs={"role": "main"})
    if found is None:
        articles = soup.find_all("article")
        found = articles[0] if len(articles) == 1 else soup.body
    return found or soup


def _collect(element, blocks: list[Block]) -> None:
    """Append the blocks of an element's content, in document order."""
    inline: list[str] = []

    def flush() -> None:
        blocks.extend(_paragraphs("".join(inline)))
        inline.clear()

    for child in element.children:
        if child.name is None:
            inline.append(_string(child))
        elif child.name == "br":
            inline.append(_BREAK)
        elif child.name in HEADING_TAGS:
            flush()
            title = _fold(child.get_text(" "))
            if title:
                blocks.append(Block("heading", (title,), HEADING_TAGS[child.name]))
        elif child.name in LIST_TAGS or child.name == "li":
            flush()
            items = _items(child) if child.name in LIST_TAGS else _item(child)
            if items:
                blocks.append(Block("list", tuple(f"- {item}" for item in items)))
        elif child.name in BLOCK_TAGS or child.find(_is_block) is not None:
            flush()
            _collect(child, blocks)
        else:
            inline.append(_inline_text(child))
    flush()


def _items(list_tag) -> list[str]:
    """The items of a list, nested lists flattened after their parent item."""
    items: list[str] = []
    for child in list_tag.children:
        if child.name == "li":
            items += _item(child)
        elif child.name in LIST_TAGS or (child.name is not None and child.find("li") is not None):
            items += _items(child)
        elif child.name is not None or _fold(_string(child)):
            text = _fold(_string(child) if child.name is None else child.get_text(" "))
            if text:
                items.append(text)
    return items


def _item(li) -> list[str]:
    """A list item's own text, then the items of any list nested in it."""
    inner: list[Block] = []
    _collect(li, inner)
    items: list[str] = []
    own: list[str] = []
    for block in inner:
        if block.kind == "list" and not items:
            items.append(" ".join(own))
            items += [line.removeprefix("- ") for line in block.lines]
        elif block.kind == "list":
            items += [line.removeprefix("- ") for line in block.lines]
        elif items:
            items.append(" ".join(block.lines))
        else:
            own.append(" ".join(block.lines))
    if not items:
        items.append(" ".join(own))
    return [item for item in items if item]


def _paragraphs(raw: str) -> list[Block]:
    """Paragraph blocks of inline text: lines at ``<br>``, paragraphs at ``<br><br>``."""
    blocks: list[Block] = []
    lines: list[str] = []
    for line in _SPACES.sub(" ", _INVISIBLE.sub("", raw)).split(_BREAK):
        line = line.strip()
        if line:
            lines.append(line)
        elif lines:
            blocks.append(Block("paragraph", tuple(lines)))
            lines = []
    if lines:
        blocks.append(Block("paragraph", tuple(lines)))
    return blocks


def _inline_text(tag) -> str:
    """The text of an inline element, ``<br>`` kept as a line break."""
    parts = []
    for node in tag.descendants:
        if node.name is None:
            parts.append(_string(node))
        elif node.name == "br":
            parts.append(_BREAK)
    return "".join(parts)


def _string(node) -> str:
    """A text node's text; comments, doctypes and processing instructions count as none."""
    from bs4.element import PreformattedString

    return "" if isinstance(node, PreformattedString) else str(node)


def _is_block(tag) -> bool:
    return tag.name in BLOCK_TAGS or tag.name in HEADING_TAGS


def _fold(text: str) -> str:
    """Text with invisible characters removed and white space folded to single spaces."""
    return " ".join(_INVISIBLE.sub("", text).replace(_BREAK, " ").split())
