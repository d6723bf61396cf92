"""Baselines a researcher might reach for, mapped to per-pledge verdicts as fairly as we can.

Both are handed the gold pledges of A and B, with their words as policydiff's segmentation
quotes them, so only alignment is judged.  Neither reports a change kind.

* ``difflib``: :class:`difflib.SequenceMatcher` over the two lists of pledge sentences.  Equal
  blocks are unchanged; the sentences of a replace block are paired in order as changed and
  the extras are dropped or new; deletions are dropped and insertions new.
* ``diff-match-patch``: Google's diff of the two full texts, in word mode (each word and
  run of white space diffed as one symbol, the library's documented way to diff long texts
  quickly and deterministically), then cleaned up semantically.  A pledge of A is linked to a
  pledge of B when enough of its characters are carried there by equal segments; linked
  pledges with the same words are unchanged, otherwise changed (several linked together:
  a split or merge); unlinked pledges are dropped or new.
"""

from __future__ import annotations

import difflib
import re
import time

from records import Pair, Record, Run, Span

from policydiff.read import document_from_text
from policydiff.segment import segment

#: Share of the shorter of two pledges that equal segments must carry from one to the other
#: for diff-match-patch to link them: half keeps a reworded pledge (most of its words kept)
#: and rejects two different pledges that only share "we will" and a few small words.
LINK_SHARE = 0.5
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_EDGE = re.compile(r"^[^\w£$€]+|[^\w%]+$")
#: First code point used to encode a word as one character (past ASCII and Latin-1).
_FIRST_SYMBOL = 0x100


def run_difflib(pair: Pair) -> Run:
    """difflib's SequenceMatcher over the pledge sentences of A and B."""
    began = time.perf_counter()
    a_items, b_items = pledge_sentences(pair)
    a_keys, b_keys = [_key(text) for _, text in a_items], [_key(text) for _, text in b_items]
    matcher = difflib.SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    records = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        paired = min(i2 - i1, j2 - j1) if tag in ("equal", "replace") else 0
        status = "unchanged" if tag == "equal" else "changed"
        for k in range(paired):
            records.append(Record(status, (a_items[i1 + k][0],), (b_items[j1 + k][0],)))
        records.extend(Record("dropped", (a_items[i][0],), ()) for i in range(i1 + paired, i2))
        records.extend(Record("new", (), (b_items[j][0],)) for j in range(j1 + paired, j2))
    return _run("difflib", a_items, b_items, records, began)


def run_dmp(pair: Pair) -> Run:
    """diff-match-patch over the full texts, mapped to pledges by the characters kept."""
    from diff_match_patch import diff_match_patch

    began = time.perf_counter()
    a_items, b_items = pledge_sentences(pair)
    differ = diff_match_patch()
    differ.Diff_Timeout = 0
    symbols: dict[str, str] = {}
    a_tokens, b_tokens = _TOKEN.findall(pair.text_a), _TOKEN.findall(pair.text_b)
    diffs = differ.diff_main(_encode(a_tokens, symbols), _encode(b_tokens, symbols), False)
    differ.diff_cleanupSemantic(diffs)
    shared = _shared_characters(diffs, a_tokens, b_tokens, [s for s, _ in a_items], [s for s, _ in b_items])
    links = [
        (i, j)
        for (i, j), count in sorted(shared.items())
        if count >= LINK_SHARE * min(_length(a_items[i][0]), _length(b_items[j][0]))
    ]
    records = []
    for a_side, b_side in _components(len(a_items), len(b_items), links):
        if a_side and b_side:
            same = len(a_side) == len(b_side) == 1 and _key(a_items[a_side[0]][1]) == _key(b_items[b_side[0]][1])
            a_spans, b_spans = tuple(a_items[i][0] for i in a_side), tuple(b_items[j][0] for j in b_side)
            records.append(Record("unchanged" if same else "changed", a_spans, b_spans))
        records.extend(Record("dropped", (a_items[i][0],), ()) for i in a_side if not b_side)
        records.extend(Record("new", (), (b_items[j][0],)) for j in b_side if not a_side)
    return _run("diff-match-patch", a_items, b_items, records, began)


def pledge_sentences(pair: Pair) -> tuple[list[tuple[Span, str]], list[tuple[Span, str]]]:
    """The gold pledges of each side as (span, words as quoted), in reading order.

    The words are those of the sentence policydiff's segmentation finds at the span, so line
    breaks and hyphenation at line ends are already undone for the baselines too.
    """
    found = []
    for side, text in (("a", pair.text_a), ("b", pair.text_b)):
        sentences = segment(document_from_text(text, label=side, party=pair.party))
        items = []
        for gold in pair.side(side):
            best = max(sentences, key=lambda s: min(s.end, gold.end) - max(s.start, gold.start), default=None)
            overlaps = best is not None and min(best.end, gold.end) - max(best.start, gold.start) > 0
            words = best.clean if overlaps else " ".join(text[gold.start : gold.end].split())
            items.append(((gold.start, gold.end), words))
        found.append(items)
    return found[0], found[1]


def _key(text: str) -> str:
    """What "the same words" compares: lower case, single spaces, no edge punctuation."""
    return " ".join(_EDGE.sub("", word) for word in text.lower().split())


def _length(span: Span) -> int:
    return span[1] - span[0]


def _encode(tokens: list[str], symbols: dict[str, str]) -> str:
    """Each token as one character, the same token always the same character."""
    return "".join(symbols.setdefault(t, chr(_FIRST_SYMBOL + len(symbols))) for t in tokens)


def _shared_characters(
    diffs, a_tokens: list[str], b_tokens: list[str], a_spans: list[Span], b_spans: list[Span]
) -> dict[tuple[int, int], int]:
    """Characters of each A pledge that equal segments carry into each B pledge."""
    a_at = b_at = a_token = b_token = 0
    shared: dict[tuple[int, int], int] = {}
    for operation, symbols in diffs:
        for _ in symbols:
            if operation == 0:
                length = len(a_tokens[a_token])
                i, j = _containing(a_spans, a_at), _containing(b_spans, b_at)
                if i is not None and j is not None and not a_tokens[a_token].isspace():
                    shared[(i, j)] = shared.get((i, j), 0) + length
            if operation <= 0:
                a_at += len(a_tokens[a_token])
                a_token += 1
            if operation >= 0:
                b_at += len(b_tokens[b_token])
                b_token += 1
    return shared


def _containing(spans: list[Span], offset: int) -> int | None:
    """Index of the span containing ``offset`` (spans are sorted and do not overlap)."""
    low, high = 0, len(spans)
    while low < high:
        middle = (low + high) // 2
        if spans[middle][1] <= offset:
            low = middle + 1
        else:
            high = middle
    return low if low < len(spans) and spans[low][0] <= offset else None


def _components(a_count: int, b_count: int, links: list[tuple[int, int]]):
    """Connected groups of linked pledges: (A indices, B indices), each pledge in one group."""
    parent = list(range(a_count + b_count))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in links:
        parent[root(a_count + j)] = root(i)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for node in range(a_count + b_count):
        a_side, b_side = groups.setdefault(root(node), ([], []))
        (a_side if node < a_count else b_side).append(node if node < a_count else node - a_count)
    return [groups[key] for key in sorted(groups)]


def _run(name: str, a_items, b_items, records: list[Record], began: float) -> Run:
    a_spans, b_spans = tuple(s for s, _ in a_items), tuple(s for s, _ in b_items)
    return Run(name, a_spans, b_spans, tuple(records), time.perf_counter() - began)
