"""Reading HTML: main text only, headings as sections, list items as bullets under their
lead-in, the same pledges as the same words in plain text, and declared charsets honoured.

The pages are written here, around a fictional manifesto.
"""

from __future__ import annotations

import sys
from html import escape

import pytest

pytest.importorskip("bs4")

from policydiff.errors import InputError, MissingExtra
from policydiff.pledges import detect_pledges
from policydiff.read import read
from policydiff.segment import segment

MANIFESTO = [
    ("h1", "A Fairer Eastmoor"),
    ("p", ("Eastmoor needs homes & jobs that families can afford. Rents have risen faster than "
           "wages for a decade.")),
    ("h2", "Housing"),
    ("p", ("We will build 12,000 social homes by 2029. We will give councils the power to buy "
           "empty land at fair prices.")),
    ("p", "We will:"),
    ("ul", ["abolish car parking charges at all hospitals",
            "cut waiting times for mental health support to four weeks",
            "open a walk-in dental clinic in every district"]),
    ("h2", "Work and wages"),
    ("p", ("Since 2019 we have helped 4,000 people into work. We will raise the minimum wage to "
           "£12 an hour and create a regional bank with £500 million to lend to small firms.")),
    ("h3", "Young people"),
    ("p", "We will double the number of apprenticeships in our colleges."),
]

#: Sentences that look like pledges but sit in parts of the page that are not the manifesto.
FURNITURE_PLEDGES = (
    "We will use cookies to improve your experience.",
    "We will never share your email address.",
    "We will track every visit.",
    "We will send you our newsletter.",
    "We will redirect you to the donation page.",
    "We will need JavaScript to show the map.",
    "We will draw the map here.",
)


def _html_block(kind: str, content) -> str:
    if kind == "ul":
        return "<ul>\n" + "".join(f"  <li>{escape(item)}</li>\n" for item in content) + "</ul>"
    text = escape(content).replace("£500 million", "&pound;500&nbsp;million")
    return f"<{kind}>{text}</{kind}>"


def manifesto_page(blocks) -> str:
    body = "\n".join(_html_block(kind, content) for kind, content in blocks)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Lantern Party: our manifesto</title>
  <style>body {{ font-family: sans-serif; }} .promo::after {{ content: "We will win"; }}</style>
  <script>function track() {{ return "{FURNITURE_PLEDGES[2]}"; }}</script>
</head>
<body>
  <header class="site-header">
    <a href="/">Lantern Party</a>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/join">Join us</a></li></ul></nav>
  </header>
  <aside class="cookie-banner"><p>{FURNITURE_PLEDGES[0]}</p><button>Accept all</button></aside>
  <main>
{body}
    <noscript><p>{FURNITURE_PLEDGES[5]}</p></noscript>
    <svg width="10" height="10"><text>{FURNITURE_PLEDGES[6]}</text></svg>
    <form action="/signup"><p>{FURNITURE_PLEDGES[3]}</p><input name="email"></form>
    <div hidden><p>{FURNITURE_PLEDGES[4]}</p></div>
  </main>
  <footer><p>{FURNITURE_PLEDGES[1]}</p><p>Promoted by the Lantern Party, 1 High Street, Eastmoor.</p></footer>
</body>
</html>
"""


def as_plain_text(blocks) -> str:
    parts = []
    for kind, content in blocks:
        parts.append("\n".join(f"- {item}" for item in content) if kind == "ul" else content)
    return "\n\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def manifesto(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    (folder / "2024-lantern.html").write_text(manifesto_page(MANIFESTO), encoding="utf-8")
    (folder / "2024-lantern.txt").write_text(as_plain_text(MANIFESTO), encoding="utf-8")
    return read(folder / "2024-lantern.html"), read(folder / "2024-lantern.txt")


def _pledges(document):
    return [p.clean for p in detect_pledges(document, segment(document))]


def test_only_the_main_text_is_kept(manifesto):
    document, _ = manifesto
    assert document.source_format == "html"
    for absent in (*FURNITURE_PLEDGES, "Accept all", "Join us", "Promoted by", "font-family", "our manifesto"):
        assert absent not in document.text
    assert document.text.startswith("A Fairer Eastmoor\n\n")


def test_entities_are_decoded_and_white_space_folded(manifesto):
    document, _ = manifesto
    assert "homes & jobs" in document.text
    assert "£500 million" in document.text
    assert "  " not in document.text and "\xa0" not in document.text


def test_headings_become_sections_with_levels_from_their_tags(manifesto):
    document, _ = manifesto
    assert [(s.title, s.level) for s in document.sections] == [
        ("A Fairer Eastmoor", 1), ("Housing", 2), ("Work and wages", 2), ("Young people", 3)
    ]
    for section in document.sections:
        assert document.text[section.start : section.end].startswith(section.title)
    young, work = document.sections[3], document.sections[2]
    assert work.start < young.start < young.end == work.end == len(document.text)


def test_list_items_are_bullets_that_become_pledges_under_their_lead_in(manifesto):
    document, _ = manifesto
    assert "We will:\n\n- abolish car parking charges at all hospitals\n- cut waiting" in document.text
    sentences = segment(document)
    items = [s for s in sentences if s.is_item]
    assert [s.clean for s in items] == MANIFESTO[5][1]
    assert {sentences[s.lead_in].clean for s in items} == {"We will:"}
    assert set(MANIFESTO[5][1]) <= set(_pledges(document))


def test_the_page_gives_the_same_pledges_as_the_same_words_in_plain_text(manifesto):
    document, plain = manifesto
    assert _pledges(document) == _pledges(plain)
    assert len(_pledges(document)) == 7


def test_a_declared_windows_1252_charset_is_honoured(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"></head><body><main>'
        "<p>We will open a caf\u00e9 in every library and cut fares to \u00a32.</p>"
        "</main></body></html>"
    )
    path = tmp_path / "cafe.html"
    path.write_bytes(page.encode("cp1252"))
    assert read(path).text == "We will open a caf\u00e9 in every library and cut fares to \u00a32.\n"


def test_a_charset_declared_by_http_equiv_and_latin1_read_as_windows_1252(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        "</head><body><p>\u201cWe will act\u201d, said the caf\u00e9 owner.</p></body></html>"
    )
    path = tmp_path / "quote.htm"
    path.write_bytes(page.encode("cp1252"))
    assert read(path).text == "\u201cWe will act\u201d, said the caf\u00e9 owner.\n"


def test_a_byte_order_mark_decides_the_encoding(tmp_path):
    path = tmp_path / "wide.html"
    path.write_bytes(b"\xff\xfe" + "<p>We will build 100 homes in Cr\u00e9cy.</p>".encode("utf-16-le"))
    assert read(path).text == "We will build 100 homes in Cr\u00e9cy.\n"


def test_undecodable_bytes_without_a_declaration_are_refused_in_one_line(tmp_path):
    path = tmp_path / "old.html"
    path.write_bytes(b"<p>We will open a caf\xe9.</p>")
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.reason == "is not valid UTF-8 (byte 21: 0xe9) and declares no other charset"


def test_an_unknown_declared_charset_is_refused(tmp_path):
    path = tmp_path / "odd.html"
    path.write_bytes(b'<meta charset="klingon-8"><p>We will act.</p>')
    with pytest.raises(InputError, match=r"declares an unknown charset 'klingon-8'$"):
        read(path)


def test_without_main_the_body_is_read_and_an_article_header_is_kept(tmp_path):
    path = tmp_path / "post.html"
    path.write_text(
        "<body><header><p>Site banner</p></header><div class='cookie-notice'>We will store cookies.</div>"
        "<article><header><h1>Our plan</h1></header><p>We will plant a million trees.<br>"
        "And we will <em>clean up</em> the rivers.</p><ol><li><p>We will:</p><ul><li>cut fares</li>"
        "<li>run more buses</li></ul></li></ol></article></body>",
        encoding="utf-8",
    )
    document = read(path)
    assert document.text == (
        "Our plan\n\nWe will plant a million trees.\nAnd we will clean up the rivers.\n\n"
        "- We will:\n- cut fares\n- run more buses\n"
    )
    assert [s.title for s in document.sections] == ["Our plan"]


def test_bytes_the_declared_charset_cannot_decode_are_refused_with_the_charset_named(tmp_path):
    path = tmp_path / "bad.html"
    path.write_bytes(b'<meta charset="windows-1252"><p>We will \x81act.</p>')
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.reason == "is not valid windows-1252 (byte 40: 0x81), the charset it declares"


def test_an_xhtml_page_is_decoded_by_its_xml_declaration(tmp_path):
    path = tmp_path / "old.xhtml.html"
    page = '<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>We will fund the caf\u00e9.</p></body></html>'
    path.write_bytes(page.encode("latin-1"))
    assert read(path).text == "We will fund the caf\u00e9.\n"


def test_without_beautifulsoup_reading_html_names_the_extra_to_install(tmp_path, monkeypatch):
    path = tmp_path / "page.html"
    path.write_text("<p>We will act.</p>", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "bs4", None)
    with pytest.raises(MissingExtra, match=r"reading HTML files needs: pip install 'policydiff\[html\]'"):
        read(path)
