"""Comparison ⇄ ``comparison.json`` (schema ``policydiff/comparison-v1``).

The JSON is canonical: keys sorted, floats rounded to :data:`FLOAT_DIGITS` places, records
in the pipeline's deterministic order, UTF-8 without ASCII escaping, one trailing newline.
The same comparison therefore always gives the same bytes.  Document texts are not
stored (offsets refer to the files named by ``path`` and checked by ``sha256``).
"""

from __future__ import annotations

import json
import math
from typing import Any

from policydiff.errors import SchemaError
from policydiff.model import (
    SCHEMA,
    Change,
    Comparison,
    Document,
    DocumentSimilarity,
    Lineage,
    PairSimilarity,
    Pledge,
    Section,
    Topic,
    TopicShift,
    WordOp,
)

#: Decimal places kept for scores and confidences: enough to rank, few enough that
#: floating-point noise from different BLAS builds never changes the bytes.
FLOAT_DIGITS = 4


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON values, in the schema's field names.

    ``similarity`` is present only when the comparison holds a document-similarity matrix
    (``all_pairs``), so a comparison made without it keeps exactly its earlier fields.
    """
    extra = {} if comparison.similarity is None else {"similarity": _similarity(comparison.similarity)}
    return extra | {
        "schema": comparison.schema,
        "options": comparison.options,
        "documents": [_document(d) for d in comparison.documents],
        "topics": [_topic(t) for t in comparison.topics],
        "pledges": [_pledge(p) for p in comparison.pledges],
        "changes": [_change(c) for c in comparison.changes],
        "lineages": [_lineage(x) for x in comparison.lineages],
        "topic_shifts": [_shift(t) for t in comparison.topic_shifts],
        "revivals": [_change(c) for c in comparison.revivals],
    }


def dumps(comparison: Comparison) -> str:
    """Canonical JSON text of a comparison."""
    return json.dumps(_rounded(to_dict(comparison)), sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def loads(text: str, *, path: str = "comparison.json") -> Comparison:
    """A comparison back from its JSON text (document texts are not restored)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemaError(path, f"is not valid JSON ({error.msg} at line {error.lineno})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise SchemaError(path, f"is not a policydiff comparison (expected schema {SCHEMA!r})")
    try:
        return _comparison(data)
    except (KeyError, TypeError, ValueError) as error:
        raise SchemaError(path, f"does not follow {SCHEMA} ({type(error).__name__}: {error})") from None


def _document(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "label": d.label,
        "path": d.path,
        "sha256": d.sha256,
        "year": d.year,
        "party": d.party,
        "format": d.source_format,
        "sections": [{"start": s.start, "end": s.end, "title": s.title, "level": s.level} for s in d.sections],
    }


def _topic(t: Topic) -> dict[str, Any]:
    return {
        "id": t.id, "label": t.label, "terms": list(t.terms), "size": t.size, "domain": t.domain,
        "examples": list(t.examples),
    }


def _shift(t: TopicShift) -> dict[str, Any]:
    return {
        "topic": t.topic, "from": t.source, "to": t.target, "unchanged": t.unchanged, "changed": t.changed,
        "new": t.new, "dropped": t.dropped, "share_from": t.share_source, "share_to": t.share_target, "shift": t.shift,
    }


def _pledge(p: Pledge) -> dict[str, Any]:
    return {
        "id": p.id,
        "doc": p.doc,
        "text": p.text,
        "clean": p.clean,
        "start": p.start,
        "end": p.end,
        "section": p.section,
        "confidence": p.confidence,
        "sentence": p.sentence,
        "category": p.category,
        "topic": p.topic,
        "domain": p.domain,
    }


def _change(c: Change) -> dict[str, Any]:
    return {
        "from": c.source,
        "to": c.target,
        "status": c.status,
        "a": list(c.a),
        "b": list(c.b),
        "score": c.score,
        "kind": c.kind,
        "kinds": list(c.kinds),
        "topic": c.topic,
        "diff": as_pairs(c.diff),
    }


def _lineage(x: Lineage) -> dict[str, Any]:
    return {"id": x.id, "pledges": list(x.pledges), "first": x.first, "last": x.last, "flags": list(x.flags)}


def _similarity(s: DocumentSimilarity) -> dict[str, Any]:
    """The matrix (for reading), its definition, and each pair's counts (what it is made from)."""
    return {
        "definition": s.definition,
        "documents": list(s.documents),
        "matrix": s.matrix(),
        "pairs": [
            {"from": p.source, "to": p.target, "similarity": p.similarity, "unchanged": p.unchanged,
             "changed": p.changed, "shared_a": p.shared_a, "shared_b": p.shared_b, "only_a": p.only_a,
             "only_b": p.only_b}
            for p in s.pairs
        ],
    }


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, FLOAT_DIGITS) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _comparison(data: dict[str, Any]) -> Comparison:
    pledges = tuple(
        Pledge(
            id=p["id"], doc=p["doc"], start=p["start"], end=p["end"], text=p["text"],
            clean=p.get("clean", p["text"]), section=p.get("section"), confidence=p["confidence"],
            sentence=p.get("sentence", -1), category=p.get("category"), topic=p.get("topic"),
            domain=p.get("domain"),
        )
        for p in data["pledges"]
    )
    return Comparison(
        schema=data["schema"],
        options=data.get("options", {}),
        documents=tuple(_read_document(d) for d in data["documents"]),
        topics=tuple(
            Topic(t["id"], t["label"], tuple(t["terms"]), t["size"], t.get("domain"), tuple(t.get("examples", ())))
            for t in data.get("topics", [])
        ),
        pledges=pledges,
        changes=tuple(_read_change(c) for c in data["changes"]),
        lineages=tuple(
            Lineage(x["id"], tuple(x["pledges"]), x["first"], x["last"], tuple(x.get("flags", ())))
            for x in data.get("lineages", [])
        ),
        topic_shifts=tuple(
            TopicShift(t["topic"], t["from"], t["to"], t["unchanged"], t["changed"], t["new"], t["dropped"],
                       t["share_from"], t["share_to"], t["shift"])
            for t in data.get("topic_shifts", [])
        ),
        revivals=tuple(_read_change(c) for c in data.get("revivals", [])),
        similarity=_read_similarity(data["similarity"]) if data.get("similarity") is not None else None,
    )


def _read_similarity(s: dict[str, Any]) -> DocumentSimilarity:
    """The matrix back from its pairs' counts, which determine every value in ``matrix``."""
    pairs = tuple(
        PairSimilarity(p["from"], p["to"], p["unchanged"], p["changed"], p["shared_a"], p["shared_b"],
                       p["only_a"], p["only_b"])
        for p in s["pairs"]
    )
    return DocumentSimilarity(documents=tuple(s["documents"]), pairs=pairs, definition=s["definition"])


def _read_document(d: dict[str, Any]) -> Document:
    return Document(
        id=d["id"], label=d["label"], text="", path=d.get("path"), sha256=d.get("sha256"),
        party=d.get("party"), year=d.get("year"), source_format=d.get("format", "text"),
        sections=tuple(
            Section(d["id"], s["start"], s["end"], s["title"], s.get("level", 1)) for s in d.get("sections", [])
        ),
    )


def _read_change(c: dict[str, Any]) -> Change:
    return Change(
        source=c["from"], target=c["to"], status=c["status"], a=tuple(c["a"]), b=tuple(c["b"]),
        score=c["score"], kind=c.get("kind"), kinds=tuple(c.get("kinds", ())),
        diff=ops_from_pairs(c.get("diff", [])), topic=c.get("topic"),
    )


def as_pairs(ops: tuple[WordOp, ...]) -> list[list[str]]:
    """The diff as ``[tag, words]`` pairs for JSON: a replace becomes a delete then an insert."""
    pairs: list[list[str]] = []
    for op in ops:
        if op.tag == "equal":
            pairs.append(["equal", op.text_b])
        if op.tag in ("delete", "replace"):
            pairs.append(["delete", op.text_a])
        if op.tag in ("insert", "replace"):
            pairs.append(["insert", op.text_b])
    return pairs


def ops_from_pairs(pairs: list[list[str]]) -> tuple[WordOp, ...]:
    """WordOps back from ``[tag, words]`` pairs; a delete directly followed by an insert is a replace."""
    ops: list[WordOp] = []
    i = j = 0
    for tag, text in pairs:
        n = len(text.split())
        if tag == "insert" and ops and ops[-1].tag == "delete" and ops[-1].a_end == i:
            last = ops.pop()
            ops.append(WordOp("replace", last.a_start, last.a_end, j, j + n, last.text_a, text))
        elif tag == "equal":
            ops.append(WordOp(tag, i, i + n, j, j + n, text, text))
        elif tag == "delete":
            ops.append(WordOp(tag, i, i + n, j, j, text, ""))
        else:
            ops.append(WordOp(tag, i, i, j, j + n, "", text))
        i += n if tag in ("equal", "delete") else 0
        j += n if tag in ("equal", "insert") else 0
    return tuple(ops)
