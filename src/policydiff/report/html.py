"""``report.html``: one self-contained page a person can read, search and print.

The page is rendered by Jinja2 with autoescaping on from the templates in
``report/templates/``; the CSS, the small filtering script and the charts (PNG as base64
data URIs) are inlined, so the file opens offline and loads nothing from the network.
Everything is in the HTML itself; the script only hides and shows rows.

This module turns a :class:`~policydiff.model.Comparison` into plain values for the
templates (the "view"): what each row shows, in which order, and where each pledge's
anchor sits.  Every order is fixed (by document, pair, topic size and position), and
nothing depends on the time or the machine, so the same comparison gives the same bytes.
"""

from __future__ import annotations

import base64
from collections import Counter
from pathlib import Path
from typing import Any

from policydiff.model import STATUSES, Change, Comparison, PairSimilarity, Pledge
from policydiff.serialize import FLOAT_DIGITS

#: Name of the page inside the output folder.
HTML_FILE = "report.html"

#: Rows per page of a long list.  Each page is a ``<details>`` element and only the first
#: is open, so a list of 600 dropped pledges is a screenful of page headings, not a wall.
#: Measured in headless Chromium on five Conservative manifestos (2,157 pledges, 3,394
#: records, 1.5 MB): load event after 0.59 s with pages of 200 against 0.87 s unpaged, and
#: opening a page of 200 rows takes about 8 ms; pages of 100 or 400 changed neither much.
PAGE_SIZE = 200

#: Order in which the lists of a pair appear: what changed first, the unchanged last.
LIST_ORDER = ("changed", "new", "dropped", "unchanged")

#: Readable names of the kinds of change, as shown on badges.
KIND_LABELS = {
    "number-changed": "numbers changed",
    "hedged": "hedged",
    "firmed": "firmed",
    "negated": "reversed",
    "clause-added": "clause added",
    "clause-removed": "clause removed",
    "reworded": "reworded",
    "moved": "moved section",
    "split": "split",
    "merged": "merged",
}

#: What each badge means, for the legend at the top of the page.
KIND_HELP = {
    "number-changed": "an amount, date, percentage or count differs",
    "hedged": "the later wording commits less firmly (\u201caim to\u201d, \u201cwhere possible\u201d)",
    "firmed": "the later wording commits more firmly (a hedge was removed)",
    "negated": "a \u201cnot\u201d or \u201cno\u201d came or went: the pledge now says the opposite",
    "clause-added": "a whole clause was added to the pledge",
    "clause-removed": "a whole clause was removed from the pledge",
    "reworded": "other wording changed",
    "moved": "the pledge sits under a different heading",
    "split": "one pledge became several",
    "merged": "several pledges became one",
}

#: Charts written by ``report/charts``, in the order the page shows them.
CHART_ORDER = ("status_by_topic", "salience", "flow", "scores")
#: The chart shown in the "Document similarity" section rather than among the other charts.
SIMILARITY_CHART = "similarity"
#: Pairs named as the most and as the least similar in the "Document similarity" section.
SIMILARITY_EXTREMES = 3

#: Changed records are listed within a topic with the most telling kinds first (a reversal
#: or a changed figure is news; a rewording rarely is), then by similarity.
SIGNIFICANCE = ("negated", "number-changed", "hedged", "firmed", "split", "merged", "clause-removed",
                "clause-added", "reworded", "moved")



def render_html(comparison: Comparison, charts: dict[str, bytes]) -> str:
    """The report page of a comparison, as HTML text.

    Parameters
    ----------
    comparison : Comparison
        The result to report; nothing else is consulted.
    charts : dict of str to bytes
        Chart name ("status_by_topic", "salience", "flow", "scores", or any other) to the
        PNG's bytes; each is embedded as a data URI with alt text and a caption.

    Returns
    -------
    str
        A complete HTML document with its CSS, script and images inline.
    """
    template = _environment().get_template("report.html.j2")
    return template.render(_View(comparison).context(charts))


def write_html(comparison: Comparison, out_dir: Path, charts: dict[str, str]) -> Path:
    """Write ``report.html`` into ``out_dir``, embedding the charts already written there.

    ``charts`` maps chart names to file names inside ``out_dir`` (as returned by
    ``write_charts``); a file that is missing is left out of the page.  Returns the path
    of the page.
    """
    out_dir = Path(out_dir)
    images = {name: (out_dir / file).read_bytes() for name, file in sorted(charts.items())
              if (out_dir / file).is_file()}
    target = out_dir / HTML_FILE
    target.write_text(render_html(comparison, images), encoding="utf-8", newline="\n")
    return target


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("policydiff.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def anchor(pledge_id: str) -> str:
    """The HTML id of a pledge's anchor: "d0:p12" → "p-d0-p12"."""
    return "p-" + pledge_id.replace(":", "-")


class _View:
    """Plain values for the templates, computed once from a comparison."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.parties = comparison.options.get("mode") == "parties"
        self.docs = {d.id: d for d in comparison.documents}
        self.topic_labels = {t.id: t.label for t in comparison.topics}
        self.topic_order = {t.id: i for i, t in enumerate(sorted(comparison.topics, key=lambda t: (-t.size, t.id)))}
        self.position = {p.id: i for i, p in enumerate(comparison.pledges)}
        self.placed: set[str] = set()

    def context(self, charts: dict[str, bytes]) -> dict[str, Any]:
        c = self.comparison
        arrow = " \u2194 " if self.parties else " \u2192 "
        return {
            "title": ("Pledges compared: " if self.parties else "What changed: ")
            + arrow.join(d.label for d in c.documents),
            "parties": self.parties,
            "documents": [self._document(d) for d in c.documents],
            "statuses": [{"id": s, "label": self._status_label(s)} for s in STATUSES],
            "overall": c.counts(),
            "pair_rows": [self._pair_summary(a, b) for a, b in c.pairs],
            "overlap": self._overlap() if self.parties else None,
            "charts": self._charts({name: png for name, png in charts.items() if name != SIMILARITY_CHART}),
            "similarity": self._similarity(charts.get(SIMILARITY_CHART)),
            "topics": self._topics(),
            "pairs": [self._pair(a, b) for a, b in c.pairs],
            "lineages": self._lineages(),
            "kinds": _badges(list(SIGNIFICANCE)),
            "options": sorted((str(k), str(v)) for k, v in c.options.items()),
            "version": _version(),
        }

    def _status_label(self, status: str, earlier: str = "first", later: str = "second") -> str:
        if not self.parties:
            return status
        return {"unchanged": "shared, same words", "changed": "shared, reworded",
                "new": f"only in {later}", "dropped": f"only in {earlier}"}[status]

    def _document(self, document) -> dict[str, Any]:
        return {
            "id": document.id, "label": document.label, "party": document.party or "",
            "year": "" if document.year is None else document.year,
            "file": Path(document.path).name if document.path else "(given as text)",
            "sha": (document.sha256 or "")[:12], "pledges": len(self.comparison.pledges_of(document.id)),
        }

    def _pair_summary(self, a: str, b: str) -> dict[str, Any]:
        sizes = (len(self.comparison.pledges_of(a)), len(self.comparison.pledges_of(b)))
        return {"slug": f"{a}-{b}", "earlier": self.docs[a].label, "later": self.docs[b].label,
                "sizes": sizes, "counts": self.comparison.counts(a, b)}

    def _overlap(self) -> list[dict[str, Any]]:
        shares, documents = self.comparison.overlap(), self.comparison.documents
        return [{"label": row.label, "cells": [None if row.id == col.id else _percent(shares.get((row.id, col.id), 0.0))
                                               for col in documents]} for row in documents]

    def _charts(self, charts: dict[str, bytes]) -> list[dict[str, str]]:
        """The charts as data URIs, the four known ones first; their alt texts are in ``_charts.html.j2``."""
        names = [n for n in CHART_ORDER if n in charts] + sorted(n for n in charts if n not in CHART_ORDER)
        return [{"name": name, "words": name.replace("_", " "), "src": _data_uri(charts[name])} for name in names]

    def _similarity(self, png: bytes | None) -> dict[str, Any] | None:
        """The "Document similarity" section: the heat map, and every pair's counts, most similar first.

        None when the comparison holds no similarity matrix (it was not made with all pairs).
        """
        similarity = self.comparison.similarity
        if similarity is None:
            return None
        most, least = similarity.extremes(SIMILARITY_EXTREMES)
        return {"src": _data_uri(png) if png else None, "documents": len(similarity.documents),
                "rows": [self._similarity_row(p) for p in similarity.ranked()],
                "most": [self._similarity_row(p) for p in most], "least": [self._similarity_row(p) for p in least]}

    def _similarity_row(self, pair: PairSimilarity) -> dict[str, Any]:
        return {"first": self.docs[pair.source].label, "second": self.docs[pair.target].label,
                "value": f"{_stored(pair.similarity):.3f}", "shared": (pair.shared_a, pair.shared_b),
                "only": (pair.only_a, pair.only_b), "unchanged": pair.unchanged, "changed": pair.changed}

    def _topic_key(self, topic: str | None) -> tuple[int, str]:
        return (self.topic_order.get(topic, len(self.topic_order)), topic or "")

    def _topics(self) -> list[dict[str, Any]]:
        """The topic index: each topic's pledges and share (salience) in every document."""
        share = {}
        for shift in self.comparison.topic_shifts:
            share[(shift.source, shift.topic)] = shift.share_source
            share[(shift.target, shift.topic)] = shift.share_target
        counts = Counter((p.doc, p.topic) for p in self.comparison.pledges)
        documents = self.comparison.documents
        return [{"id": t.id, "label": t.label, "size": t.size, "domain": t.domain or "",
                 "cells": [(counts[(d.id, t.id)], _percent(share.get((d.id, t.id), 0.0))) for d in documents]}
                for t in sorted(self.comparison.topics, key=lambda t: self._topic_key(t.id))]

    def _pair(self, a: str, b: str) -> dict[str, Any]:
        earlier, later = self.docs[a].label, self.docs[b].label
        slug = f"{a}-{b}"
        records = self.comparison.changes_between(a, b)
        lists = []
        for status in LIST_ORDER:
            chosen = sorted((r for r in records if r.status == status), key=self._sort_key)
            lists.append({"status": status, "id": f"{slug}-{status}", "count": len(chosen),
                          "heading": self._list_heading(status, earlier, later),
                          "pages": self._pages([self._row(r) for r in chosen], f"{slug}-{status}")})
        shifts = sorted((s for s in self.comparison.topic_shifts if (s.source, s.target) == (a, b)),
                        key=lambda s: self._topic_key(s.topic))
        topics = [{"id": s.topic, "label": self.topic_labels.get(s.topic, s.topic),
                   "counts": {st: getattr(s, st) for st in STATUSES},
                   "share": (_percent(s.share_source), _percent(s.share_target)),
                   "shift": f"{_stored(s.shift) * 100:+.1f}"}
                  for s in shifts if s.share_source or s.share_target]
        return {"slug": slug, "earlier": earlier, "later": later, "lists": lists, "topics": topics,
                "sentence": self._sentence(self.comparison.counts(a, b), earlier, later),
                "status_labels": {s: self._status_label(s, earlier, later) for s in STATUSES}}

    def _list_heading(self, status: str, earlier: str, later: str) -> str:
        if self.parties:
            return {"changed": "Shared pledges, worded differently", "new": f"Pledges only in {later}",
                    "dropped": f"Pledges only in {earlier}", "unchanged": "Shared pledges, same words"}[status]
        return {"changed": "Changed pledges", "new": f"New in {later}", "dropped": f"Dropped after {earlier}",
                "unchanged": "Unchanged pledges"}[status]

    def _sentence(self, counts: dict[str, int], earlier: str, later: str) -> str:
        if self.parties:
            return (f"{counts['unchanged'] + counts['changed']} pledges are shared ({counts['unchanged']} in the same "
                    f"words, {counts['changed']} worded differently); {counts['dropped']} are only in {earlier} "
                    f"and {counts['new']} only in {later}.")
        return (f"From {earlier} to {later}: {counts['unchanged']} pledges kept word for word, {counts['changed']} "
                f"changed, {counts['new']} new and {counts['dropped']} dropped.")

    def _sort_key(self, change: Change) -> tuple:
        first = self.position[(change.a or change.b)[0]]
        weight = SIGNIFICANCE.index(change.kind) if change.status == "changed" and change.kind in SIGNIFICANCE else 0
        score = -change.score if change.status == "changed" else 0.0
        return (*self._topic_key(self._topic_of(change)), weight, score, first)

    def _topic_of(self, change: Change) -> str | None:
        return change.topic or self.comparison.pledge((change.a or change.b)[0]).topic

    def _row(self, change: Change) -> dict[str, Any]:
        topic = self._topic_of(change)
        row = {"id": f"r-{change.source}-{change.target}-{anchor((change.a or change.b)[0])[2:]}",
               "status": change.status, "topic": topic or "", "score": f"{_stored(change.score):.2f}",
               "kinds": _badges(_kinds(change))}
        if change.status == "changed":
            row["earlier"], row["later"] = _diff_sides(change, self.comparison)
        else:
            # A pledge stated twice (summary box and body) shows its fuller wording.
            row["text"] = max((self.comparison.pledge(i).clean for i in change.b or change.a), key=len)
        row["sources_a"] = [self._source(i) for i in change.a]
        row["sources_b"] = [self._source(i) for i in change.b]
        return row

    def _source(self, pledge_id: str) -> dict[str, str]:
        """Where a pledge is, and either its anchor (first appearance on the page) or a link to it."""
        pledge = self.comparison.pledge(pledge_id)
        first = pledge_id not in self.placed
        self.placed.add(pledge_id)
        return {"anchor": anchor(pledge_id), "first": first, "where": self.where(pledge)}

    def where(self, pledge: Pledge) -> str:
        """Source position of a pledge: "Conservative 2015 · Health · chars 1834–1881"."""
        parts = [self.docs[pledge.doc].label] + ([pledge.section] if pledge.section else [])
        return " \u00b7 ".join(parts + [f"chars {pledge.start}\u2013{pledge.end}"])

    def _lineages(self) -> dict[str, Any] | None:
        """The lineage table (three or more documents): each lineage's wording in each document."""
        comparison = self.comparison
        if len(comparison.documents) < 3 or not comparison.lineages:
            return None
        arrived = {i: c for c in comparison.changes + comparison.revivals if c.status == "changed" and c.a for i in c.b}
        first = {x.id: comparison.pledge(x.pledges[0]) for x in comparison.lineages}
        rows = []
        for lineage in sorted(comparison.lineages, key=lambda x: (*self._topic_key(first[x.id].topic),
                                                                  self.position[first[x.id].id])):
            pledges = [comparison.pledge(i) for i in lineage.pledges]
            rows.append({"id": lineage.id, "flags": list(lineage.flags), "topic": pledges[0].topic or "",
                         "cells": [self._lineage_cell([p for p in pledges if p.doc == d.id], arrived)
                                   for d in comparison.documents]})
        flags = Counter(f for x in comparison.lineages for f in x.flags)
        return {"columns": [d.label for d in comparison.documents], "count": len(rows),
                "flags": [(f, flags[f]) for f in ("revived", "split", "merged") if flags[f]],
                "pages": self._pages(rows, "lineages")}

    def _lineage_cell(self, pledges: list[Pledge], arrived: dict[str, Change]) -> dict[str, Any]:
        """A lineage's pledges in one document, with how they changed on the way in."""
        record = next((arrived[p.id] for p in pledges if p.id in arrived), None)
        kinds = _kinds(record) if record else []
        return {"kinds": _badges(kinds),
                "pledges": [{"text": p.clean, "anchor": anchor(p.id), "where": self.where(p)} for p in pledges]}

    def _pages(self, rows: list[dict[str, Any]], slug: str) -> list[dict[str, Any]]:
        """Rows cut into pages of :data:`PAGE_SIZE`, each page's rows grouped by topic.

        A group's ``anchor`` is set on the first group of each topic in the list, so the
        topic tables can link to it.
        """
        pages, seen = [], set()
        for start in range(0, len(rows), PAGE_SIZE):
            groups: list[dict[str, Any]] = []
            for row in rows[start:start + PAGE_SIZE]:
                if not groups or groups[-1]["topic"] != row["topic"]:
                    first = row["topic"] not in seen
                    seen.add(row["topic"])
                    groups.append({"topic": row["topic"], "label": self.topic_labels.get(row["topic"], "no topic"),
                                   "anchor": f"{slug}-{row['topic'] or 'none'}" if first else "",
                                   "continued": not first, "rows": []})
                groups[-1]["rows"].append(row)
            end = min(start + PAGE_SIZE, len(rows))
            pages.append({"first": start + 1, "last": end, "total": len(rows), "groups": groups,
                          "topics": (groups[0]["label"], groups[-1]["label"])})
        return pages


def _data_uri(png: bytes) -> str:
    """A PNG as a data URI, to embed in the page."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _stored(value: float) -> float:
    """A number as ``comparison.json`` stores it, so a page rebuilt from the JSON has the same bytes."""
    return round(value, FLOAT_DIGITS)


def _percent(share: float) -> str:
    """A share in [0, 1] as a whole percentage: 0.125 → "12%"."""
    return f"{_stored(share):.0%}"


def _version() -> str:
    """policydiff's version, named in the page's footer."""
    from importlib import metadata

    try:
        return metadata.version("policydiff")
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _badges(kinds: list[str]) -> list[dict[str, str]]:
    """What each kind's badge shows: its readable name, and what it means as a tooltip."""
    return [{"id": k, "label": KIND_LABELS.get(k, k), "help": KIND_HELP.get(k, "")} for k in kinds]


def _kinds(change: Change) -> list[str]:
    """Kinds to show on a record's badges, the headline kind first."""
    if change.kind is None:
        return list(change.kinds)
    return [change.kind] + [k for k in change.kinds if k != change.kind]


def _diff_sides(change: Change, comparison: Comparison) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The earlier and the later wording as (mark, words) runs; mark is "", "del" or "ins".

    A replace shows its earlier words deleted and its later words inserted.  A record
    without a diff (built by hand) shows both wordings unmarked.
    """
    a_words = _side_words(change.a, change.diff, comparison, "a")
    b_words = _side_words(change.b, change.diff, comparison, "b")
    if not change.diff:
        return [("", " ".join(a_words))], [("", " ".join(b_words))]
    earlier, later = [], []
    for op in change.diff:
        if op.tag == "equal":
            earlier.append(("", " ".join(a_words[op.a_start:op.a_end]) if a_words else op.text_a))
            later.append(("", " ".join(b_words[op.b_start:op.b_end]) if b_words else op.text_b))
        if op.tag in ("delete", "replace"):
            earlier.append(("del", op.text_a))
        if op.tag in ("insert", "replace"):
            later.append(("ins", op.text_b))
    return [r for r in earlier if r[1]], [r for r in later if r[1]]


def _side_words(ids: tuple[str, ...], diff, comparison: Comparison, side: str) -> list[str]:
    """The words one side of a diff indexes (its pledges' clean texts), or [] when they do not fit.

    An equal run shows each side's own spelling ("homes." against "homes"), read from the
    pledges by word index because ``comparison.json`` keeps only one spelling per run.
    When a side joins restatements that the diff counted once, the word count differs and
    the run's stored words are shown instead.
    """
    pledges = sorted((comparison.pledge(i) for i in ids), key=lambda p: (p.doc, p.start))
    words = " ".join(p.clean for p in pledges).split()
    length = max((getattr(op, f"{side}_end") for op in diff), default=len(words))
    return words if len(words) == length else []
