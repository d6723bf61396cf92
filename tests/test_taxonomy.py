"""Manifesto Project domains: from category codes, and from the words of a pledge."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from policydiff.errors import OptionError, PolicydiffError
from policydiff.model import Pledge
from policydiff.taxonomy import (
    DOMAINS,
    NEUTRAL_PHRASES,
    SEED_VOCABULARY,
    UNASSIGNED,
    DomainTagger,
    assign_domain,
    domain_of_code,
)

LABELLED = Path(__file__).parent / "data" / "topic_pledges.tsv"
#: Share of the labelled pledges that must get their domain (unassigned counts as wrong).
MIN_ACCURACY = 0.8
#: Most of the labelled pledges that may be left unassigned.
MAX_UNASSIGNED = 0.10


def pledge(text: str, category: str | None = None, pid: str = "d0:p0") -> Pledge:
    return Pledge(id=pid, doc="d0", start=0, end=len(text), text=text, clean=text, section=None,
                  confidence=0.9, sentence=0, category=category)


def labelled() -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_the_seven_domains_are_named_in_code_order():
    assert DOMAINS == (
        "External Relations", "Freedom and Democracy", "Political System", "Economy",
        "Welfare and Quality of Life", "Fabric of Society", "Social Groups",
    )
    assert UNASSIGNED == "unassigned"


def test_every_domain_has_a_vocabulary_and_no_term_belongs_to_two():
    assert list(SEED_VOCABULARY) == list(DOMAINS)
    owners: dict[str, list[str]] = {}
    for domain, lists in SEED_VOCABULARY.items():
        for term in "|".join(lists).split("|"):
            owners.setdefault(term, []).append(domain)
    owners.update({t: owners.get(t, []) + ["neutral"] for t in NEUTRAL_PHRASES.split("|")})
    assert "" not in owners
    assert {t: d for t, d in owners.items() if len(d) > 1} == {}


def test_the_labelled_pledges_get_their_domain_from_their_words():
    rows = labelled()
    assert len(rows) == 174
    assert {r["domain"] for r in rows} <= set(DOMAINS)
    predicted = DomainTagger().fit([]).predict([pledge(r["text"], pid=f"d0:p{i}") for i, r in enumerate(rows)])
    right = sum(p == r["domain"] for p, r in zip(predicted, rows))
    accuracy = right / len(rows)
    unassigned = predicted.count(UNASSIGNED) / len(rows)
    mistakes = Counter((r["domain"], p) for p, r in zip(predicted, rows) if p != r["domain"])
    print(f"\naccuracy {accuracy:.3f} ({right}/{len(rows)}), unassigned {unassigned:.3f}")
    for (expected, got), n in sorted(mistakes.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {n:2d}  {expected} -> {got}")
    assert accuracy >= MIN_ACCURACY
    assert unassigned <= MAX_UNASSIGNED


def test_held_out_pledges_stay_above_a_floor():
    """Written later by another author in the styles of five countries and never used for
    tuning.  Measured 0.564 correct with 27.5% unassigned when it arrived: the vocabularies
    fit the set they were corrected on far better than new text."""
    with (LABELLED.parent / "topic_pledges_heldout.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    predicted = DomainTagger().fit([]).predict([pledge(r["text"], pid=f"d0:p{i}") for i, r in enumerate(rows)])
    accuracy = sum(p == r["domain"] for p, r in zip(predicted, rows)) / len(rows)
    print(f"held-out domain accuracy {accuracy:.3f}")
    assert len(rows) >= 120 and accuracy >= 0.5


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("We will renew Trident and keep defence spending above the NATO target.", "External Relations"),
        ("We will repeal the Human Rights Act and replace it with a British Bill of Rights.",
         "Freedom and Democracy"),
        ("We will devolve further powers to Holyrood and the Senedd.", "Political System"),
        ("We will not raise income tax, VAT or National Insurance.", "Economy"),
        ("We will cut NHS waiting lists and recruit more GPs.", "Welfare and Quality of Life"),
        ("We will put more police on the streets and build more prison places.", "Fabric of Society"),
        ("We will raise the minimum wage and ban exploitative zero-hours contracts.", "Social Groups"),
    ],
)
def test_a_plain_pledge_of_each_domain_is_recognised(text, domain):
    assert assign_domain(text)[0] == domain


def test_the_longest_term_decides_where_terms_overlap():
    assert assign_domain("We will freeze council tax.")[0] == "Economy"
    assert assign_domain("We will give local councils new powers.")[0] == "Political System"


def test_spans_of_time_and_units_are_not_evidence():
    assert assign_domain("We will hold fuel duty for the whole Parliament.")[0] == "Economy"
    assert assign_domain("We will raise defence spending to 2.5 per cent of GDP.")[0] == "External Relations"


@pytest.mark.parametrize(
    ("code", "domain"),
    [
        ("504", "Welfare and Quality of Life"),
        ("per504", "Welfare and Quality of Life"),
        ("503.1", "Welfare and Quality of Life"),
        ("per108", "External Relations"),
        ("201", "Freedom and Democracy"),
        ("305", "Political System"),
        ("411", "Economy"),
        ("605.1", "Fabric of Society"),
        ("601.2", "Fabric of Society"),
        ("706", "Social Groups"),
        (504, "Welfare and Quality of Life"),
        ("000", UNASSIGNED),
        ("H", UNASSIGNED),
        (None, UNASSIGNED),
        ("", UNASSIGNED),
        ("999", UNASSIGNED),
        ("health", UNASSIGNED),
    ],
)
def test_a_manifesto_project_code_names_its_domain_by_its_first_digit(code, domain):
    assert domain_of_code(code) == domain


def test_a_pledge_with_a_code_takes_the_code_domain_whatever_its_words_say():
    nhs = "We will cut NHS waiting lists and recruit more GPs."
    tagger = DomainTagger().fit([])
    assert tagger.predict([pledge(nhs)]) == ["Welfare and Quality of Life"]
    assert tagger.predict([pledge(nhs, category="per402")]) == ["Economy"]
    assert tagger.predict([pledge(nhs, category="000")]) == [UNASSIGNED]
    assert tagger.predict([pledge(nhs, category="H")]) == [UNASSIGNED]


def test_a_missing_or_foreign_category_falls_back_to_the_words():
    nhs = "We will cut NHS waiting lists and recruit more GPs."
    tagger = DomainTagger().fit([])
    for category in (None, "", "NA", "health"):
        assert tagger.predict([pledge(nhs, category=category)]) == ["Welfare and Quality of Life"]
    assert DomainTagger(use_category=False).fit([]).predict([pledge(nhs, category="per402")]) == [
        "Welfare and Quality of Life"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We will do better.",
        "",
        "We will give veterans priority for social housing.",
    ],
)
def test_weak_or_split_evidence_is_unassigned(text):
    domain, confidence = assign_domain(text)
    assert domain == UNASSIGNED
    assert 0.0 <= confidence < 0.5


def test_no_matched_term_means_zero_confidence_and_strong_agreement_means_full():
    assert assign_domain("We will do better.") == (UNASSIGNED, 0.0)
    assert assign_domain("We will renew Trident and keep our commitment to NATO.") == ("External Relations", 1.0)


def test_confidence_is_in_the_unit_interval_for_every_labelled_pledge():
    for row in labelled():
        domain, confidence = assign_domain(row["text"])
        assert domain in (*DOMAINS, UNASSIGNED)
        assert 0.0 <= confidence <= 1.0


def test_predict_returns_one_label_per_pledge_in_order_and_is_deterministic():
    texts = [r["text"] for r in labelled()]
    pledges = [pledge(t, pid=f"d0:p{i}") for i, t in enumerate(texts)]
    first = DomainTagger().fit(pledges).predict(pledges)
    again = DomainTagger().fit(pledges).predict(list(reversed(pledges)))
    assert len(first) == len(pledges)
    assert first == list(reversed(again))
    assert first == [assign_domain(t)[0] for t in texts]
    assert DomainTagger().fit([]).predict([]) == []


def test_the_tagger_follows_estimator_rules():
    tagger = DomainTagger(min_margin=0.5, use_category=False)
    assert (tagger.min_margin, tagger.use_category) == (0.5, False)
    assert not hasattr(tagger, "domains_")
    with pytest.raises(PolicydiffError, match="not fitted"):
        tagger.predict([pledge("We will do better.")])
    assert tagger.fit([]) is tagger
    assert tagger.domains_ == (*DOMAINS, UNASSIGNED)


@pytest.mark.parametrize("bad", [-0.1, 1.5, "high", True])
def test_an_impossible_margin_is_refused_at_fit(bad):
    tagger = DomainTagger(min_margin=bad)
    assert tagger.min_margin is bad
    with pytest.raises(OptionError, match="min_margin"):
        tagger.fit([])
