"""Generate gold-labelled document pairs from real text.

For each pair, a stretch of a real document (a UK manifesto or a State of the Union address)
is document A.  policydiff's own segmentation and pledge detection give A's pledges.  A
seeded ``random.Random`` then writes document B by editing A: pledges are dropped, changed
(figures, words, clauses, hedges, negation, light and heavy paraphrase), moved, split and merged, pledges
of another document are inserted, and untouched paragraphs get noise that must not count
as a change (re-wrapped lines, words hyphenated across a line break, extra white space,
reworded sentences that are not pledges).  Every edit is a replacement of a span of A, so
the gold labels — each pledge's status, change kind and counterpart spans — are computed by
offset, never searched for.

Run ``python benchmarks/accuracy/generate.py --pairs 5`` to write pairs into
``benchmarks/accuracy/.cache/`` for inspection (texts stay out of git).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from draft import Draft
from edits import content_words, verbs_after_will
from layout import blocks
from noise import add_noise
from plan import MIN_CONFIDENCE, plan_edits, plan_inserts
from records import GoldPledge, Pair
from sources import Source, available_corpora, sources

from policydiff.pledges import detect_pledges, judge
from policydiff.read import document_from_text
from policydiff.segment import segment

CACHE = Path(__file__).resolve().parent / ".cache"
#: Share of A's pledges given one edit (the rest stay as they are, or only get noise).
EDIT_SHARE = 0.5
#: Pledges of another document inserted, as a share of A's pledges (at least one).
INSERT_SHARE = 0.1
#: Share of untouched paragraphs given noise that must not count as a change.
NOISE_SHARE = 0.35
#: Pledges of A in a pair: long documents are cut to a stretch of whole paragraphs holding
#: this many (from a heading where there is one), so a pair compares in a few seconds.
WINDOW_PLEDGES = (40, 90)
#: Documents with fewer pledges than this are not used as document A.
MIN_SOURCE_PLEDGES = 20
#: Two pledges of A sharing this share of their content words (Jaccard) restate each other;
#: neither is edited, since dropping one of two restatements drops no commitment.
RESTATED_OVERLAP = 0.7
#: An inserted pledge shares less than this (Jaccard) with every pledge of A, so "new" is true.
DONOR_MAX_OVERLAP = 0.25
#: Length in words of a pledge taken from another document.
DONOR_WORDS = (6, 60)
#: The fixed small slice used by the regression test: a few pairs, seconds to run.
SLICE_PAIRS, SLICE_SEED = 3, 0


def generate(pairs: int, seed: int, corpora: Sequence[str] | None = None) -> list[Pair]:
    """Generate ``pairs`` gold-labelled pairs, alternating between the corpora available.

    Parameters
    ----------
    pairs : int
        Number of pairs.
    seed : int
        Seed of every random choice; the same seed gives the same pairs.
    corpora : sequence of str, optional
        "uk" and/or "sotu"; by default every corpus available here.

    Raises
    ------
    RuntimeError
        No corpus is available.
    """
    notes = available_corpora()
    usable = [c for c in (corpora or ("uk", "sotu")) if not notes[c]]
    if not usable:
        raise RuntimeError("no corpus available: " + "; ".join(n for n in notes.values() if n))
    pickers = {corpus: _Picker(corpus, seed) for corpus in usable}
    made = []
    for index in range(pairs):
        corpus = usable[index % len(usable)]
        rng = random.Random(f"policydiff-accuracy/{seed}/{index}")
        made.append(_make_pair(f"{corpus}-{index:03d}", pickers[corpus], rng))
    return made


def slice_pairs() -> list[Pair]:
    """The regression slice: a few pairs from SOTU when installed, else from the UK corpus."""
    notes = available_corpora()
    corpus = "sotu" if not notes["sotu"] else "uk"
    return generate(SLICE_PAIRS, SLICE_SEED, corpora=(corpus,))


class _Picker:
    """Documents of one corpus in a seeded order, analysed once and reused."""

    def __init__(self, corpus: str, seed: int) -> None:
        self.order = list(sources(corpus))
        random.Random(f"policydiff-accuracy/{seed}/{corpus}").shuffle(self.order)
        self.position = 0
        self.cache: dict[str, tuple] = {}

    def analysed(self, source: Source):
        """(document, sentences, pledges) of a whole source document."""
        if source.name not in self.cache:
            document = document_from_text(source.text(), label=source.name, party=source.party, year=source.year)
            sentences = segment(document)
            self.cache[source.name] = (document, sentences, detect_pledges(document, sentences))
        return self.cache[source.name]

    def next_source(self) -> Source:
        """The next document with at least :data:`MIN_SOURCE_PLEDGES` pledges (cycling)."""
        for _ in range(len(self.order)):
            source = self.order[self.position % len(self.order)]
            self.position += 1
            if len(self.analysed(source)[2]) >= MIN_SOURCE_PLEDGES:
                return source
        raise RuntimeError("no document of the corpus has enough pledges")


def _make_pair(pair_id: str, picker: _Picker, rng: random.Random) -> Pair:
    source = picker.next_source()
    window, span = _window(*picker.analysed(source), rng)
    document = document_from_text(window, label="A", party=source.party, year=source.year)
    sentences = segment(document)
    pledges = detect_pledges(document, sentences)
    draft = Draft(document, sentences, pledges, rng)
    words = [content_words(p.clean) for p in pledges]
    editable = [i for i, p in enumerate(pledges) if not _restated(i, words) and not p.clean.endswith(":")]
    vocabulary = tuple(sorted({w for ws in words for w in ws if w.isalpha() and len(w) >= 4}))
    donors, donor_names = _donors(picker, source, words, rng, max(1, round(INSERT_SHARE * len(pledges))))
    verbs = verbs_after_will([p.clean for p in pledges] + donors)
    plan_edits(draft, round(EDIT_SHARE * len(pledges)), editable, vocabulary, verbs)
    plan_inserts(draft, donors, len(donors))
    add_noise(draft, NOISE_SHARE, vocabulary)
    applied = draft.script.apply(document.text)
    return Pair(
        id=pair_id,
        corpus=source.corpus,
        source=f"{source.name}[{span[0]}:{span[1]}]",
        donor=", ".join(donor_names),
        party=source.party,
        year=source.year,
        text_a=document.text,
        text_b=applied.text,
        gold=_gold(draft, applied),
    )


def _window(document, sentences, pledges, rng: random.Random) -> tuple[str, tuple[int, int]]:
    """A stretch of whole paragraphs holding about as many pledges as :data:`WINDOW_PLEDGES` asks."""
    text = document.text
    if len(pledges) <= WINDOW_PLEDGES[1]:
        return text, (0, len(text))
    target = rng.randint(*WINDOW_PLEDGES)
    found = blocks(text, frozenset(s.start for s in document.sections))
    per_block = [sum(1 for p in pledges if b.start <= p.start < b.end) for b in found]
    remaining = [sum(per_block[i:]) for i in range(len(found))]
    starts = [i for i in range(len(found)) if remaining[i] >= target]
    headed = [i for i in starts if found[i].is_heading]
    first = rng.choice(headed or starts)
    last, held = first, per_block[first]
    while held < target:
        last += 1
        held += per_block[last]
    span = (found[first].start, found[last].end)
    return text[span[0] : span[1]] + "\n", span


def _restated(i: int, words: list[frozenset[str]]) -> bool:
    return any(j != i and _jaccard(words[i], other) >= RESTATED_OVERLAP for j, other in enumerate(words))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _donors(picker: _Picker, source: Source, words, rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    """Pledges of other documents of the corpus that are new to A, and those documents' names."""
    others = [s for s in picker.order if s.name != source.name]
    rng.shuffle(others)
    found: list[str] = []
    names: list[str] = []
    for other in others:
        if len(found) >= count:
            break
        taken = [t for t in _donor_sentences(picker.analysed(other)[2], source.party, words) if t not in found]
        if taken:
            rng.shuffle(taken)
            found.extend(taken[: count - len(found)])
            names.append(other.name)
    return found, names


def _donor_sentences(pledges, party: str | None, words: list[frozenset[str]]) -> list[str]:
    """Whole-sentence pledges that stand alone in A's voice and share little with A."""
    kept = []
    for pledge in pledges:
        text = pledge.clean
        if not text[:1].isupper() or text[-1:] not in ".!" or not DONOR_WORDS[0] <= len(text.split()) <= DONOR_WORDS[1]:
            continue
        if judge(text, party=party).confidence < MIN_CONFIDENCE:
            continue
        mine = content_words(text)
        if all(_jaccard(mine, theirs) < DONOR_MAX_OVERLAP for theirs in words):
            kept.append(text)
    return kept


def _gold(draft: Draft, applied) -> tuple[GoldPledge, ...]:
    """Gold labels of both sides, from the plans and where the edit script put each span."""
    document_b = document_from_text(applied.text, label="B", party=draft.document.party)

    def moved(a_offset: int, b_offset: int) -> bool:
        section = document_b.section_at(b_offset)
        return draft.section_title(a_offset) != (" ".join(section.title.lower().split()) if section else "")

    gold: list[GoldPledge] = []
    for i, pledge in enumerate(draft.pledges):
        a_span = (pledge.start, pledge.end)
        plan = draft.plans.get(i)
        if plan is None:
            b_span = applied.map_span(*a_span)
            kind = "moved" if moved(pledge.start, b_span[0]) else None
            edit = draft.noise.get(i, "none")
            gold.append(GoldPledge("a", *a_span, "unchanged", edit, kind, (b_span,)))
            gold.append(GoldPledge("b", *b_span, "unchanged", edit, kind, (a_span,)))
            continue
        spans = tuple(applied.marks[key] for key in plan.marks)
        kind = plan.kind
        if plan.edit == "move":
            kind = "moved" if moved(pledge.start, spans[0][0]) else None
        gold.append(GoldPledge("a", *a_span, plan.status, plan.edit, kind, spans))
        if plan.partners and min(plan.partners) < i:
            continue
        sources_a = tuple(sorted([a_span] + [(draft.pledges[j].start, draft.pledges[j].end) for j in plan.partners]))
        for span in spans:
            gold.append(GoldPledge("b", *span, plan.status, plan.edit, kind, sources_a))
    for key in draft.inserted:
        gold.append(GoldPledge("b", *applied.marks[key], "new", "insert", None, ()))
    return tuple(gold)


def check_pair(pair: Pair) -> list[str]:
    """Problems with a pair's gold spans: each should be one sentence as policydiff segments it.

    Returns
    -------
    list of str
        One line per gold span of B that no sentence of B covers (empty when all is well).
    """
    document = document_from_text(pair.text_b, label="B", party=pair.party)
    spans = [(s.start, s.end) for s in segment(document)]
    problems = []
    for gold in pair.side("b"):
        length = gold.end - gold.start
        if not any(min(end, gold.end) - max(start, gold.start) >= length / 2 for start, end in spans):
            problems.append(f"{pair.id} b[{gold.start}:{gold.end}] {gold.edit}: {pair.text_b[gold.start:gold.end]!r}")
    return problems


def write_cache(pairs: list[Pair], folder: Path) -> None:
    """Write each pair's texts and gold labels (offsets only) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for pair in pairs:
        (folder / f"{pair.id}.a.txt").write_text(pair.text_a, encoding="utf-8")
        (folder / f"{pair.id}.b.txt").write_text(pair.text_b, encoding="utf-8")
        labels = {k: v for k, v in pair.as_json().items() if k not in ("text_a", "text_b")}
        (folder / f"{pair.id}.gold.json").write_text(json.dumps(labels, indent=1, sort_keys=True), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: generate pairs into the cache folder and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5, help="number of pairs (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="seed of every random choice (default 0)")
    parser.add_argument("--out", type=Path, default=CACHE, help=f"folder to write into (default {CACHE})")
    args = parser.parse_args(argv)
    pairs = generate(args.pairs, args.seed)
    write_cache(pairs, args.out)
    for pair in pairs:
        counts = Counter(g.edit for g in pair.gold if g.side == "a" or g.edit == "insert")
        listed = ", ".join(f"{edit} {count}" for edit, count in sorted(counts.items()))
        print(pair.id, pair.source, f"{len(pair.side('a'))} pledges;", listed)
        for problem in check_pair(pair):
            print("  gold span not a sentence:", problem)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
