"""Edits to the words of one pledge, each with one intended kind of change.

Every function takes a pledge as a reader would quote it (policydiff's ``clean`` text) and
returns the edited wording, or None when the edit does not apply to that pledge (no number
to change, no clause to remove…).  Random choices come from the ``random.Random`` passed
in, so a seeded generator gives the same edits every time.
"""

from __future__ import annotations

import random
import re

from tables import (
    CLAUSES,
    FRAME_WORDS,
    HEDGE_STEMS,
    LOWERABLE_OPENERS,
    MODAL_HEDGES,
    NOT_VERBS,
    NUMBER_WORDS,
    REWORDINGS,
    SOFT_VERBS,
    SOFTENING_PHRASES,
    STOP_WORDS,
    SYNONYMS,
    TRAILING_HEDGES,
)

#: The first commitment modal of a pledge, followed by the word it governs.
_MODAL = re.compile(r"\b(will|shall)\s+(?=([a-z]+)\b)")
_FINAL = re.compile(r"\s*([.!;:]*)$")
#: A figure: "3", "12,500", "2.5" (before "bn", "m", "%" or a word break; not "20th").
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?=(?:bn|m|k)?(?!\w))")
_SMALL_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty")
_SCALE_WORDS = ("thousand", "million", "billion")
#: Factors a figure is multiplied by; years move by a few years instead.
_FACTORS = (0.5, 0.75, 1.5, 2, 3)
_YEAR_SHIFTS = (1, 2, 3, 5)
#: Fewest and most words in a clause that :func:`remove_clause` may take out.
MIN_CLAUSE_WORDS, MAX_CLAUSE_WORDS = 3, 14
#: Fewest words a pledge keeps after the commitment verb when a clause is removed.
MIN_KEPT_WORDS = 4
#: Most words before the modal that are repeated as the subject of each half of a split.
MAX_PREFIX_WORDS = 8
#: Most synonym swaps in one paraphrase, and fewest rewording operations that make one.
MAX_SWAPS, MIN_PARAPHRASE_OPS = 3, 2
#: Most and fewest synonym swaps in a heavy paraphrase, and the least share of the pledge's
#: content words they must replace: a writer restating a pledge in their own words changes
#: many of its words, where the light paraphrase keeps three quarters of them.  Two fifths is
#: what the synonym tables can reach on about one pledge in twenty of the corpora (half, on
#: one in fifty: too few pairs to measure).
MAX_HEAVY_SWAPS, MIN_HEAVY_SWAPS, MIN_HEAVY_SHARE = 8, 2, 0.4
_NEGATED = re.compile(r"\b(will|shall|would) (not|never) ")
_WONT = re.compile(r"\bwon't\b")
_SOFT_MODAL = re.compile(rf"\b(will|shall) (?:{'|'.join(SOFT_VERBS)}) to\b")
_SOFT_SUBJECT = re.compile(rf"\b(we|I|[Gg]overnment|[Pp]arty|[Aa]dministration) (?:{'|'.join(SOFT_VERBS)})s? to\b")
_TRAILING_SOFTENER = re.compile(
    r",? (?:where(?:ver)? (?:possible|practical|appropriate)|if possible|as resources allow|over time)(?=[.!]?$)"
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?P<adv>(?:In|By|Over|Within|Through|For|With|After|From|Across|During|Under|At|Throughout|Before|Once)"
    r"\b[^,]{2,70}), (?P<rest>.*\b(?:will|shall)\b.*?)(?P<punct>[.!]?)$"
)
_TRAILING_ADVERBIAL = re.compile(
    r"^(?P<rest>.*\b(?:will|shall)\b.*?), (?P<adv>(?:by|in|within|over|through|for|from|with|after|during|under|"
    r"at|across|throughout|before|alongside)\b[^,]{2,70}?)(?P<punct>[.!]?)$"
)
_TRAILING_DATE = re.compile(
    r"^(?P<rest>.*\b(?:will|shall)\b.*?) "
    r"(?P<adv>(?:by|before|in) (?:the end of )?(?:\d{4}|next year|the end of the decade))(?P<punct>[.!]?)$"
)
_CLAUSE_CUT = re.compile(
    r", | - | – |; | so that | so | in order to | including | which | while | through | by | with "
)
_WORD = re.compile(r"[A-Za-z]+")
_SYNONYM_WORDS = frozenset(w for pair in SYNONYMS for w in pair)
#: A modal and the two words after it ("will be used", "shall continue to"): the verb of the
#: commitment, which a word swap leaves alone so the sentence stays a commitment.
_FRAME_VERB = re.compile(r"\b(?:will|shall|would)\s+\S+(?:\s+\S+)?")


def change_number(text: str, rng: random.Random) -> str | None:
    """Change one figure (or number word): amounts scale, years move by a few years."""
    figures = list(_FIGURE.finditer(text))
    if figures:
        match = rng.choice(figures)
        return text[: match.start()] + _new_figure(match, rng) + text[match.end() :]
    words = [m for m in _WORD.finditer(text) if m.group().lower() in _SMALL_NUMBER_WORDS + _SCALE_WORDS]
    if not words:
        return None
    match = rng.choice(words)
    family = _SCALE_WORDS if match.group().lower() in _SCALE_WORDS else _SMALL_NUMBER_WORDS
    replacement = rng.choice([w for w in family if w != match.group().lower()])
    return text[: match.start()] + _same_case(match.group(), replacement) + text[match.end() :]


def hedge(text: str, rng: random.Random) -> str | None:
    """Soften a pledge: "will build" → "will aim to build", or a qualifier at the end."""
    modal = _MODAL.search(text)
    usable = modal is not None and modal.group(2) not in SOFT_VERBS + ("not", "never", "be")
    if usable and rng.random() < 0.7:
        return f"{text[: modal.end()]}{rng.choice(MODAL_HEDGES)} {text[modal.end() :]}"
    if _TRAILING_SOFTENER.search(text):
        return None
    body, punct = _split_final(text)
    return f"{body}, {rng.choice(TRAILING_HEDGES)}{punct or '.'}"


def firm(text: str, rng: random.Random) -> str | None:
    """Remove what softens a pledge: "will aim to build" → "will build", "we hope to" → "we will"."""
    for pattern, replacement in ((_SOFT_MODAL, r"\1"), (_SOFT_SUBJECT, r"\1 will"), (_TRAILING_SOFTENER, "")):
        matches = list(pattern.finditer(text))
        if matches:
            match = rng.choice(matches)
            return text[: match.start()] + match.expand(replacement) + text[match.end() :]
    return None


def negate(text: str, rng: random.Random) -> str | None:
    """Reverse a pledge: "will build" → "will not build", and "will not" → "will"."""
    negated = _NEGATED.search(text)
    if negated:
        return f"{text[: negated.start(2)]}{text[negated.end() :]}"
    wont = _WONT.search(text)
    if wont:
        return f"{text[: wont.start()]}will{text[wont.end() :]}"
    modal = _MODAL.search(text)
    if modal is None:
        return None
    return f"{text[: modal.end()]}not {text[modal.end() :]}"


def replace_words(text: str, rng: random.Random, vocabulary: tuple[str, ...]) -> str | None:
    """Swap one or two content words for unrelated words of the same document."""
    frames = [m.span() for m in _FRAME_VERB.finditer(text)]
    candidates = [
        m for m in _WORD.finditer(text) if _swappable(m.group()) and not any(s <= m.start() < e for s, e in frames)
    ]
    present = {w.lower() for w in _WORD.findall(text)}
    pool = [w for w in vocabulary if _swappable(w) and w not in present]
    if not candidates or not pool:
        return None
    count = 2 if len(text.split()) >= 12 and len(candidates) >= 2 else 1
    chosen = sorted(rng.sample(candidates, count), key=lambda m: m.start(), reverse=True)
    for match in chosen:
        text = text[: match.start()] + rng.choice(pool) + text[match.end() :]
    return text


def add_clause(text: str, rng: random.Random) -> str | None:
    """Add a clause at the end: "…homes." → "…homes, in every region of the country."."""
    body, punct = _split_final(text)
    if len(body.split()) < MIN_KEPT_WORDS:
        return None
    clause = rng.choice(CLAUSES)
    joiner = " " if clause.startswith(("and ", "so ")) else ", "
    return f"{body}{joiner}{clause}{punct or '.'}"


def remove_clause(text: str, rng: random.Random) -> str | None:
    """Remove a trailing or parenthetical clause of at least :data:`MIN_CLAUSE_WORDS` words.

    The clause removed carries no figure, hedge or negation, so the edit has one effect.
    """
    modal = _MODAL.search(text)
    if modal is None:
        return None
    body, punct = _split_final(text)
    options = []
    for cut in _CLAUSE_CUT.finditer(body, modal.end()):
        kept, removed = body[: cut.start()], body[cut.start() :]
        if len(kept[modal.end() :].split()) >= MIN_KEPT_WORDS and _removable(removed):
            options.append(kept.rstrip(" ,;:-–") + (punct or "."))
    for aside in re.finditer(r", ([^,]+),", body):
        if _removable(aside.group(1)) and aside.start() >= modal.start():
            options.append(body[: aside.start()] + body[aside.end() :] + punct)
    return rng.choice(options) if options else None


def paraphrase(text: str, rng: random.Random) -> str | None:
    """Reword a pledge: move an adverbial clause across the comma and swap synonyms.

    Returns None unless at least :data:`MIN_PARAPHRASE_OPS` rewordings apply, so a
    paraphrase is never a single-word change.
    """
    moved = _reorder(text)
    reordered = moved is not None
    text, swaps = _swap_synonyms(moved if reordered else text, rng, SYNONYMS, MAX_SWAPS)
    return text if swaps + reordered >= MIN_PARAPHRASE_OPS else None


def paraphrase_heavy(text: str, rng: random.Random) -> str | None:
    """Reword a pledge as a writer restating it would: many content words and the word order.

    An adverbial clause moves across the comma where there is one, and up to
    :data:`MAX_HEAVY_SWAPS` words or phrases are swapped for synonyms from a larger table
    (:data:`SYNONYMS` and :data:`REWORDINGS`).  The light paraphrase keeps most words and
    lexical scores link it easily; this one leaves fewer shared words, which is where a
    semantic backend could earn its cost.  Returns None unless at least
    :data:`MIN_HEAVY_SWAPS` swaps apply and at least :data:`MIN_HEAVY_SHARE` of the pledge's
    content words are gone, so only pledges the table can reword thoroughly take this edit.
    """
    moved = _reorder(text)
    new, swaps = _swap_synonyms(moved if moved is not None else text, rng, SYNONYMS + REWORDINGS, MAX_HEAVY_SWAPS)
    before = content_words(text)
    replaced = len(before - content_words(new)) / len(before) if before else 0.0
    return new if swaps >= MIN_HEAVY_SWAPS and replaced >= MIN_HEAVY_SHARE else None


def rewrite(text: str, rng: random.Random, vocabulary: tuple[str, ...]) -> str | None:
    """Rewrite a pledge thoroughly: a paraphrase, two words swapped, and a clause added or removed.

    Several kinds of change at once, as between two real manifestos; no single kind is the
    right answer, so such pledges are scored on status and counterpart only.
    """
    paraphrased = paraphrase(text, rng)
    swapped = replace_words(paraphrased, rng, vocabulary) if paraphrased else None
    if swapped is None:
        return None
    return remove_clause(swapped, rng) or add_clause(swapped, rng)


def split(text: str, rng: random.Random, verbs: frozenset[str]) -> tuple[str, str] | None:
    """Split "We will X and Y." into "We will X." and "We will Y."."""
    modal = _MODAL.search(text)
    if modal is None or len(text[: modal.start()].split()) > MAX_PREFIX_WORDS:
        return None
    prefix = text[: modal.end()]
    body, punct = _split_final(text)
    rest = body[modal.end() :]
    cuts = []
    for cut in re.finditer(r"(?:,? and |; (?:and )?|, )(?P<verb>[a-z]+)\b", rest):
        verb, left = cut.group("verb"), rest[: cut.start()].split()
        # The first half must not end on a verb: "honor and seek recognition of veterans"
        # shares its object, and cutting there would leave "we will honor." hanging.
        if verb in verbs and verb not in NOT_VERBS and len(left) >= 3 and left[-1] not in verbs:
            if len(rest[cut.start("verb") :].split()) >= 3:
                cuts.append(cut)
    if not cuts:
        return None
    cut = rng.choice(cuts)
    first = f"{prefix}{rest[: cut.start()].rstrip(' ,;')}{punct or '.'}"
    second = f"{_capitalise(prefix)}{rest[cut.start('verb') :]}{punct or '.'}"
    return first, second


def merge(first: str, second: str) -> str | None:
    """Merge "We will X." and "We will Y." into "We will X and Y."."""
    modal_1, modal_2 = _MODAL.search(first), _MODAL.search(second)
    if modal_1 is None or modal_2 is None:
        return None
    prefix_1, prefix_2 = first[: modal_1.end()], second[: modal_2.end()]
    if prefix_1.lower() != prefix_2.lower() or len(prefix_1.split()) > MAX_PREFIX_WORDS // 2:
        return None
    body, _ = _split_final(first)
    tail_body, tail_punct = _split_final(second[modal_2.end() :])
    return f"{body} and {tail_body}{tail_punct or '.'}"


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of a text that are not function words (for overlap checks)."""
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in STOP_WORDS and len(w) > 2)


def verbs_after_will(texts: list[str]) -> frozenset[str]:
    """Words that follow "will" in some text: the verbs a split may start its second half with."""
    return frozenset(m.group(2) for t in texts for m in _MODAL.finditer(t)) - NOT_VERBS - STOP_WORDS


def _reorder(text: str) -> str | None:
    """Move a leading adverbial clause to the end, or a trailing one to the front."""
    lead = _LEADING_ADVERBIAL.match(text)
    if lead and lead.group("rest")[:1].isalpha():
        adverbial = lead.group("adv")
        adverbial = adverbial[0].lower() + adverbial[1:]
        return f"{_capitalise(lead.group('rest'))} {adverbial}{lead.group('punct') or '.'}"
    trail = _TRAILING_ADVERBIAL.match(text) or _TRAILING_DATE.match(text)
    if trail:
        rest = trail.group("rest")
        first, _, others = rest.partition(" ")
        if first in LOWERABLE_OPENERS:
            rest = f"{first.lower()} {others}"
        return f"{_capitalise(trail.group('adv'))}, {rest}{trail.group('punct') or '.'}"
    return None


def _swap_synonyms(text: str, rng: random.Random, table, limit: int) -> tuple[str, int]:
    """``text`` with up to ``limit`` of its words or phrases replaced by a synonym from ``table``.

    The words replaced are chosen at random among those that occur as whole words (not part
    of a hyphenated compound such as "full-time", nor capitalised inside the sentence as in a
    name such as "International Labour Organization"), never overlap, and never turn into a
    word the pledge already has ("raise and increase" must not become "raise and raise").
    Returns the new text and the number of swaps made.
    """
    options: dict[tuple[int, int], list[str]] = {}
    for word, replacement in table:
        if re.search(rf"(?<![\w-]){re.escape(replacement)}(?![\w-])", text, re.IGNORECASE):
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE):
            if match.start() == 0 or match.group()[:1].islower():
                options.setdefault(match.span(), []).append(replacement)
    spans = sorted(options)
    rng.shuffle(spans)
    chosen: list[tuple[int, int]] = []
    for start, end in spans:
        if len(chosen) < limit and all(end <= s or e <= start for s, e in chosen):
            chosen.append((start, end))
    for start, end in sorted(chosen, reverse=True):
        replacement = _same_case(text[start:end], rng.choice(options[(start, end)]))
        text = _with_article(text[:start], replacement) + replacement + text[end:]
    return text, len(chosen)


def _with_article(before: str, word: str) -> str:
    """The text before a replaced word, its article made to fit: "a strategy" → "an approach"."""
    article = re.search(r"(?<![\w-])(a|an|A|An)\s+$", before)
    if article is None:
        return before
    wanted = "an" if word[:1].lower() in "aeiou" else "a"
    fitted = _same_case(article.group(1), wanted) if article.group(1)[:1].isupper() else wanted
    return before[: article.start(1)] + fitted + before[article.end(1) :]


def _swappable(word: str) -> bool:
    """A lower-case content word whose replacement changes only wording (no frame, hedge or figure)."""
    return (
        word.islower()
        and len(word) >= 4
        and word not in STOP_WORDS | FRAME_WORDS | NUMBER_WORDS
        and word not in _SYNONYM_WORDS
        and not word.startswith(HEDGE_STEMS)
    )


def _removable(clause: str) -> bool:
    """A clause whose removal changes nothing but its own words: no figure, modal, hedge or negation."""
    lower = clause.lower()
    words = re.findall(r"[a-z0-9']+", lower)
    return (
        MIN_CLAUSE_WORDS <= len(words) <= MAX_CLAUSE_WORDS
        and not re.search(r"\d", clause)
        and _MODAL.search(clause) is None
        and not re.search(r"\b(?:not|never|no|nor|neither)\b|n't\b", lower)
        and not any(w in FRAME_WORDS | NUMBER_WORDS for w in words)
        and not any(phrase in lower for phrase in SOFTENING_PHRASES)
    )


def _new_figure(match: re.Match[str], rng: random.Random) -> str:
    whole, decimals = match.group(1), match.group(2)
    value = int(whole.replace(",", ""))
    if decimals is None and "," not in whole and 1800 <= value <= 2100:
        return str(value + rng.choice((-1, 1)) * rng.choice(_YEAR_SHIFTS))
    number = float(f"{value}.{decimals}") if decimals else float(value)
    changed = number * rng.choice(_FACTORS)
    places = len(decimals) if decimals else 0
    if round(changed, places) in (round(number, places), 0):
        changed = number + 1
    if places:
        return f"{changed:.{places}f}"
    return f"{round(changed):,}" if "," in whole else str(round(changed))


def _split_final(text: str) -> tuple[str, str]:
    """A sentence without its final punctuation, and that punctuation."""
    final = _FINAL.search(text)
    return text[: final.start()], final.group(1)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _same_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    return _capitalise(replacement) if original[:1].isupper() else replacement
