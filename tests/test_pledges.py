"""Pledge detection, measured on a labelled set of sentences written for the purpose.

``tests/data/pledge_sentences.tsv`` holds 284 sentences and list items (our own writing)
labelled as pledge or not by the reading in DESIGN.md: a checkable commitment of the
document's author to a future action.  Each row is run through the real pipeline
(reading, segmentation, detection) as a tiny document.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from policydiff.pledges import detect_pledges, judge
from policydiff.read import document_from_text
from policydiff.segment import segment

LABELS = Path(__file__).parent / "data" / "pledge_sentences.tsv"
#: Written later by a different author without sight of the detector or of LABELS, and never
#: used to tune the rules: the honest estimate of how the detector does on unseen text.
HELD_OUT = Path(__file__).parent / "data" / "pledge_sentences_heldout.tsv"


def _rows(path: Path = LABELS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _detected(row: dict[str, str]) -> bool:
    """Whether the pipeline finds the row's sentence (the last one of its tiny document) a pledge."""
    party = None if row["party"] == "speaker" else row["party"]
    text = f"{row['lead_in']}\n\n- {row['text']}\n" if row["lead_in"] else row["text"] + "\n"
    document = document_from_text(text, party=party)
    sentences = segment(document)
    pledges = detect_pledges(document, sentences)
    return any(p.sentence == sentences[-1].index for p in pledges)


def _confusion(path: Path = LABELS) -> tuple[int, int, int, list[str]]:
    true_positive = false_positive = false_negative = 0
    mistakes = []
    for row in _rows(path):
        found, wanted = _detected(row), row["label"] == "1"
        true_positive += found and wanted
        false_positive += found and not wanted
        false_negative += wanted and not found
        if found != wanted:
            mistakes.append(f"{'FP' if found else 'FN'} [{row['category']}] {row['text']}")
    return true_positive, false_positive, false_negative, mistakes


def test_labelled_set_is_large_and_balanced_enough_to_measure():
    rows = _rows()
    assert len(rows) >= 150
    share = sum(r["label"] == "1" for r in rows) / len(rows)
    assert 0.3 < share < 0.7
    assert len({r["category"] for r in rows}) >= 15


def test_precision_and_recall_on_labelled_set_are_at_least_0_9():
    tp, fp, fn, mistakes = _confusion()
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"pledge detection: precision {precision:.3f}, recall {recall:.3f} ({tp} TP, {fp} FP, {fn} FN)")
    print("\n".join(mistakes))
    assert precision >= 0.9, mistakes
    assert recall >= 0.9, mistakes


def test_precision_and_recall_on_the_held_out_set_stay_near_0_9():
    """Measured 0.903 precision and 0.929 recall (65 TP, 7 FP, 5 FN) when the set arrived."""
    tp, fp, fn, mistakes = _confusion(HELD_OUT)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"held-out pledge detection: precision {precision:.3f}, recall {recall:.3f}")
    print("\n".join(mistakes))
    assert len(_rows(HELD_OUT)) >= 120
    assert precision >= 0.88, mistakes
    assert recall >= 0.9, mistakes


@pytest.mark.parametrize(
    ("sentence", "party", "expected"),
    [
        ("We will overhaul the police complaints system.", "Conservative", True),
        ("We'll scrap hospital car parking charges in England.", "Labour", True),
        ("A Conservative government will cut stamp duty for first-time buyers.", "Conservative", True),
        ("Labour will raise income tax on the top 5% of earners.", "Labour", True),
        ("Labour will raise income tax on the top 5% of earners.", "Conservative", False),
        ("We have taken action to boost public confidence in the police.", "Conservative", False),
        ("Since 2010 we have created two million jobs.", "Conservative", False),
        ("Crime is falling.", None, False),
        ("Will you trust them with your pension?", None, False),
        ("By 2030, we will generate all our electricity from clean sources.", "Green", True),
        ("If this Congress sends me a new sanctions bill, I will veto it.", None, True),
        ("We will go further.", "Conservative", False),
        ("As we said before, we will go further.", "Conservative", False),
        ("I'm committed to cutting the deficit in half by the end of my first term.", None, True),
    ],
)
def test_reads_commitments_as_a_coder_would(sentence, party, expected):
    assert (judge(sentence, party=party).confidence >= 0.5) is expected


def test_every_pledge_carries_a_confidence_between_0_and_1():
    document = document_from_text("We will build 1,000 homes.\n\nWe aim to plant 10,000 trees by 2030.\n")
    pledges = detect_pledges(document, segment(document))
    assert pledges and all(0.0 <= p.confidence <= 1.0 for p in pledges)
    assert pledges[0].confidence > pledges[-1].confidence
