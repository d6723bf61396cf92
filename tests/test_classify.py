"""Classification of a link into status and kind, one behaviour per case."""

from __future__ import annotations

import pytest

from policydiff.classify import classify
from policydiff.model import Link, Pledge


def pledge(pid: str, text: str, section: str = "Health") -> Pledge:
    return Pledge(id=pid, doc=pid.split(":")[0], start=0, end=len(text), text=text, clean=text,
                  section=section, confidence=0.95, sentence=0)


def verdict(before: str | list[str], after: str | list[str], before_section="Health", after_section="Health"):
    before = [before] if isinstance(before, str) else before
    after = [after] if isinstance(after, str) else after
    a = [pledge(f"d0:p{i}", t, before_section) for i, t in enumerate(before)]
    b = [pledge(f"d1:p{i}", t, after_section) for i, t in enumerate(after)]
    link = Link("d0", "d1", tuple(p.id for p in a), tuple(p.id for p in b), 0.8)
    return classify(link, {p.id: p for p in a + b})


@pytest.mark.parametrize(
    ("before", "after", "status", "kind"),
    [
        ("We will keep prescriptions free.", "We will keep prescriptions free.", "unchanged", None),
        ("We will keep prescriptions free.", "we will keep prescriptions free", "unchanged", None),
        ("We will recruit 3,000 more nurses.", "We will recruit 5,000 more nurses.", "changed", "number-changed"),
        ("We will end sewage dumping by 2025.", "We will end sewage dumping by 2030.", "changed", "number-changed"),
        ("We will raise the wage to £8.50.", "We will raise the wage to £10.", "changed", "number-changed"),
        ("We will abolish parking charges.", "We will aim to abolish parking charges.", "changed", "hedged"),
        ("We will end sewage dumping.", "We will work towards ending sewage dumping.", "changed", "hedged"),
        ("We will seek to hold a referendum.", "We will hold a referendum.", "changed", "firmed"),
        ("We will introduce congestion charging.", "We will not introduce congestion charging.", "changed", "negated"),
        ("We won't raise VAT.", "We will raise VAT.", "changed", "negated"),
        ("We will open four hospitals.", "We will open four hospitals, starting with the towns that have none.",
         "changed", "clause-added"),
        ("We will give every school a counsellor, funded by a new grant.", "We will give every school a counsellor.",
         "changed", "clause-removed"),
        ("We will put more police on the streets.", "A Harbour government will fund extra officers to patrol our roads.",
         "changed", "reworded"),
    ],
)
def test_status_and_kind(before, after, status, kind):
    change = verdict(before, after)
    assert (change.status, change.kind) == (status, kind)


def test_no_more_than_is_not_a_negation():
    change = verdict("We will cut waits to no more than 48 hours.", "We will cut waits to 48 hours at most.")
    assert "negated" not in change.kinds


def test_against_in_a_name_is_not_a_negation():
    change = verdict(
        "We will publish a Violence against Women and Girls Bill.",
        "We will publish a Bill to end violence towards women and girls.",
    )
    assert "negated" not in change.kinds


def test_coming_out_against_what_was_promised_is_a_negation():
    change = verdict("We will vote for the treaty.", "We will vote against the treaty.")
    assert "negated" in change.kinds


def test_same_words_under_another_heading_is_unchanged_and_moved():
    change = verdict("We will cap rents.", "We will cap rents.", "Housing", "Cost of living")
    assert (change.status, change.kind, change.kinds) == ("unchanged", "moved", ("moved",))


def test_one_pledge_becoming_two_is_a_split_and_two_becoming_one_a_merge():
    split = verdict("We will cut fares and extend night buses.", ["We will cut fares.", "We will extend night buses."])
    merged = verdict(["We will insulate homes.", "We will fund heat pumps."], "We will insulate homes and fund heat pumps.")
    assert (split.status, split.kind) == ("changed", "split")
    assert (merged.status, merged.kind) == ("changed", "merged")


def test_a_restatement_on_one_side_is_not_a_split():
    change = verdict("We will recruit 5,000 nurses.", ["recruit 5,000 nurses", "We will recruit 5,000 nurses."])
    assert (change.status, change.kind) == ("unchanged", None)


def test_new_and_dropped_have_one_empty_side_and_no_score():
    a = pledge("d0:p0", "We will act.")
    dropped = classify(Link("d0", "d1", ("d0:p0",), (), 0.0), {"d0:p0": a})
    assert (dropped.status, dropped.a, dropped.b, dropped.score) == ("dropped", ("d0:p0",), (), 0.0)


def test_changes_keep_the_word_diff():
    change = verdict("We will recruit 3,000 nurses.", "We will recruit 5,000 nurses.")
    assert [(o.tag, o.text_a, o.text_b) for o in change.diff if o.tag != "equal"] == [("replace", "3,000", "5,000")]


def test_a_figure_written_out_in_words_is_the_same_figure():
    change = verdict("We will deliver three million apprenticeships.", "We will deliver 3 million apprenticeships.")
    assert "number-changed" not in change.kinds
