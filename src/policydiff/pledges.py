"""Pledge detection: which sentences commit their author to a future action or outcome.

A manifesto mixes commitments with description, rhetoric, attacks on opponents and records
of past achievement.  The detector reads each sentence as a coder of pledges would:

1. Find a *commitment frame*: an author subject ("we", "I", "our government", "a Labour
   government", the document's own party) followed by a commitment verb ("will", "'ll",
   "shall", "are committed to", "pledge to", "propose", …), possibly after a leading clause
   ("By 2030, we will …", "If elected, we will …").
2. Or a list item under a commitment lead-in ("We will:") — the lead-in carries the frame.
3. Or a passive commitment ("Tuition fees will be scrapped").
4. Then discount what only looks like a commitment: questions, records ("we said we would
   … and we did"), predictions ("we will lose"), exhortations ("we must", "let us"), and
   another party's plans ("Labour will raise your taxes" in a Conservative manifesto).

The result is a confidence in [0, 1] per sentence; sentences at or above the chosen
threshold become :class:`~policydiff.model.Pledge` records.  The rules and weights were
written against the labelled set in ``tests/data/pledge_sentences.tsv`` (≥ 170 sentences of
our own writing), where precision and recall are both asserted ≥ 0.9.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policydiff.model import Document, Pledge, Sentence

#: Confidence of each way a commitment can be made.  Firm frames score highest; frames a
#: coder would accept with less certainty ("we would", "we aim to …by 2030") score lower but
#: stay above the default threshold of 0.5; weak cues alone stay below it.
FRAME_CONFIDENCE = {
    "will": 0.95,
    "commit": 0.93,
    "lead-in": 0.9,
    "propose": 0.88,
    "government-context": 0.85,
    "would": 0.78,
    "aim": 0.7,
    "passive": 0.62,
}
#: Confidence given to sentences with a clear reason not to be a pledge.
REJECTED = 0.1
#: Confidence of a frame whose content is too vague to check ("we will always stand up for
#: Britain") or an aim without a target ("we want to give every child a great education").
VAGUE = 0.3

#: Fewest words of substance after the commitment verb for a checkable pledge: "We will go
#: further." (none) or "We will deliver it." (one) promise nothing one could check on their
#: own; "We will ban fracking." (two) does.
MIN_SUBSTANCE_WORDS = 2
#: Words of substance a leading clause needs to carry the content of a short commitment
#: ("If this Congress sends me a new sanctions bill, I will veto it": six).
CONDITION_SUBSTANCE_WORDS = 4
_SUBSTANCE = re.compile(
    r"\b(?!(?:go|even|further|so|do|it|this|that|more|now|also|the|a|an|to|and|again|too|then|there|here)\b)[a-z0-9£$€][\w£$€%.,'-]*",
    re.I,
)

#: Who can make a commitment: "we", "I", a government or administration ("a Labour
#: government", "my administration"), a plan ("our plan", "Labour's Green Plan"), or a
#: capitalised name (checked against the document's party).  Names must be capitalised even
#: though the rest of the pattern ignores case, so "household bills we will" is no subject.
_NAME = r"(?-i:[A-Z][\w.&'’-]*)"
_AUTHOR = (
    r"(?:we|i|together we|"
    rf"(?:(?:a|an|the|this|our|my|the next|a new|a future)\s+)?(?:new\s+)?(?:{_NAME}\s+){{0,3}}"
    r"(?:government|administration|party)|"
    rf"(?:our|my|the|{_NAME})\s+(?:[\w'’-]+\s+){{0,3}}(?:plan|programme|budget|manifesto|reforms?|strategy|proposals?)|"
    rf"(?:the\s+)?(?:{_NAME}\s+){{0,2}}{_NAME})"
)
_MODAL = {
    "will": r"(?:will|shall|'ll|won't|shan't|are going to|am going to|'re going to|'m going to|are ready to)",
    "commit": (
        r"(?:are|am|'m|'re|remain|is|stand)?\s*(?:fully\s+|firmly\s+)?(?:committed to|determined to)|"
        r"(?:pledge|promise|guarantee|commit|vow|undertake)s?(?:\s+to|\s+that)?"
    ),
    "propose": (
        r"(?:propose|intend|plan|want to ensure|will introduce legislation)s?\b|"
        r"(?:am|are|is) (?:asking|calling on|urging) (?:congress|parliament|the (?:senate|house|congress|assembly))\b|"
        r"(?:am|are|is) (?:sending|directing|ordering|submitting|proposing|signing)\b|"
        r"ask (?:congress|parliament)|call on (?:congress|parliament)|(?:have|has) a plan to"
    ),
    "would": r"(?:would|'d)(?! (?:like|love|prefer|rather))",
    "aim": r"(?:aim|seek|want|hope|strive|expect)s?\s+to(?! see)",
}
_ADVERB = r"(?:\s*(?:also|then|now|always|immediately|swiftly|urgently|finally|further|still|continue to|ensure that|not|never|,|and))*"
_FRAMES = {
    name: re.compile(rf"(?<![\w'’])(?P<subject>{_AUTHOR})\s*{_ADVERB}\s*(?P<modal>{modal})(?![\w])", re.I)
    for name, modal in _MODAL.items()
}
#: Each frame's verb alone.  A sentence in which it does not occur cannot hold the frame, and
#: looking for the verb is cheaper than looking for the frame, whose subject is tried at
#: every position of the sentence (most sentences of a long speech have no such verb).
_FRAME_VERBS = {name: re.compile(rf"(?:{modal})(?![\w])", re.I) for name, modal in _MODAL.items()}
#: Plain substrings, one of which every match of a frame's verb contains (in case-folded
#: text).  Looking for them is cheaper still than the verb's pattern, which tries its
#: optional words at every position: together they halve the cost of detection on long
#: speeches, and the pattern still decides.
_FRAME_KEYWORDS = {
    "will": ("will", "shall", "'ll", "won't", "shan't", "going to", "ready to"),
    "commit": ("committed to", "determined to", "pledge", "promise", "guarantee", "commit", "vow", "undertake"),
    "propose": (
        "propose", "intend", "plan", "want to ensure", "will introduce legislation", "asking", "calling on", "urging",
        "sending", "directing", "ordering", "submitting", "proposing", "signing", "ask ", "call on",
    ),
    "would": ("would", "'d"),
    "aim": ("aim", "seek", "want", "hope", "strive", "expect"),
}
#: A goal stated as such: "Our goal is to …", "Our pledge is simple: …".
_STATED_GOAL = re.compile(
    r"^(?:our|my) (?:(?:first|top|central|key|main)\s+)?(?P<noun>pledge|promise|commitment|guarantee|plan|goal|aim|"
    r"target|mission|priority)\s+(?:is|will be)\b",
    re.I,
)
_PASSIVE = re.compile(
    r"\b(?:will|shall|won't) (?:also |now |immediately |then )?(?:not |never )?(?:be|become) (?:\w+ly )?"
    r"(?:\w+ed|made|given|built|cut|set|paid|kept|taken|brought|put|met|won|frozen|run|held|"
    r"shut|spent|sold|paid|written|drawn|chosen|funded|protected)\b",
    re.I,
)
_PLAN_LEAD_IN = re.compile(
    r"^(?:our|my) (?:plans?|priorities|pledges?|commitments?|promises?|programme|first steps)\b[^.?!]*:$"
    r"|^(?:in|within|over|during|by the end of) (?:our|my) (?:first|next)\b[^.?!]*:$",
    re.I,
)
_GOVERNMENT_CONTEXT = re.compile(
    rf"\b(?:under|with) (?:a|an|the next|our|this|my) (?:new\s+)?(?P<names>(?:{_NAME}\s+){{0,3}})"
    r"(?:government|administration)\b"
    r"|\b(?:while|as long as|for as long as) (?:we are|we're|i am|i'm) in (?:government|office|power)\b"
    r"|^(?:by the end of|in|within|during|over) (?:our|my) (?:first|next)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|shall|won't)\b", re.I)
_QUESTION = re.compile(r"\?[\"'”’)]*$")
_RECORD = re.compile(
    r"^(?:since (?:\d{4}|we|the last|taking|coming)|last year|in \d{4},? we|over the (?:last|past)|in the last|"
    r"(?:we|i|this government|the government) (?:have|has|had|'ve|did|introduced|delivered|"
    r"created|cut|raised|built|passed|made|took|gave|kept|set up|launched|brought|secured|"
    r"achieved|increased|reduced|abolished|doubled|protected|invested|provided|scrapped))\b"
    r"|\b(?:said|promised|pledged|told you) (?:that )?(?:we|i|they) would\b"
    r"|\bwe would (?:have|not have) (?:\w+ )?(?:been|had|seen|done)\b",
    re.I,
)
_PREDICTION = re.compile(
    r"^\s*(?:\w+ )?(?:lose|fail|suffer|face|pay the price|be left|fall behind|regret|see|need|miss|"
    r"inherit|be judged|never forget|remember|win this|win the)\b",
    re.I,
)
#: Content too vague to check later: rhetoric dressed as a commitment.
_VAGUE_CONTENT = re.compile(
    r"^\s*(?:always|never stop|keep (?:on )?fighting|fight for|continue to fight|stand up for|not stand by|"
    r"work tirelessly|work hard|stand with|be on your side|be the party|be a government|be a voice|"
    r"make (?:\w+\s+){0,3}(?:a |an |the )?(?:fairer|better|greener|stronger|safer|thriving|great|greater|"
    r"more equal)|build (?:an? |the )?(?:economy|country|society|future|nation|britain) (?:that|which|where|for)|"
    r"a (?:fairer|better|greener|stronger|safer)|strive to build)",
    re.I,
)
_CONCRETE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|million|billion|"
    r"half|halve|double|treble|third|quarter|every|all|abolish|scrap|ban|cap|cut|freeze|build|introduce|"
    r"legislate|law|bill|fund)\b",
    re.I,
)
_EXHORTATION = re.compile(r"^(?:we|you|i) (?:must|should|need to|ought to)\b|^let(?: us|'s)\b", re.I)
_BELIEF = re.compile(r"^(?:we|i) (?:believe|think|know|understand|recognise|recognize|feel)\b", re.I)
_REPORTED = re.compile(r"\b(?:how|what|whether|claim(?:s|ed)? that|say(?:s)? that|says|said)\s*$", re.I)
_CONDITIONAL = re.compile(r"^(?:if|unless)\b", re.I)
_OPPONENTS = frozenset("they he she it you them his her their opposition opponents".split())
_ARTICLES = frozenset("a an the this our my next new future together".split())
_OWN_MARKERS = frozenset("our my this next new future a an".split())
_GOVERNMENT_WORDS = frozenset("government administration party".split())
_PLAN_WORDS = frozenset("plan programme budget manifesto reform reforms strategy proposal proposals".split())
#: Words that may stand beside a party name in a subject ("Green MPs", "a Labour majority").
_PARTY_COMPANIONS = frozenset("majority team candidates candidate mp mps councillors members government".split())
#: Other names of parties, by the word of the party name they stand for.
_PARTY_ALIASES = {"tory": "conservative", "tories": "conservative", "lib": "liberal", "dems": "democrat", "libdem": "liberal"}


@dataclass(frozen=True)
class Verdict:
    """How the detector read one sentence: confidence in [0, 1] and the rule that decided."""

    confidence: float
    reason: str


class PledgeDetector:
    """Decide which sentences are pledges.

    Parameters
    ----------
    min_confidence : float, default=0.5
        Sentences scoring at least this become pledges.
    """

    def __init__(self, min_confidence: float = 0.5) -> None:
        self.min_confidence = min_confidence

    def detect(self, document: Document, sentences: tuple[Sentence, ...]) -> tuple[Pledge, ...]:
        """Pledges of a document, in reading order, with ids ``<doc>:p<n>`` counting from 0.

        A lead-in such as "We will:" is not a pledge itself: the items under it are.
        """
        pledges = []
        lead_ins = {s.lead_in for s in sentences if s.lead_in is not None}
        for sentence in sentences:
            if sentence.index in lead_ins:
                continue
            lead_in = sentences[sentence.lead_in].clean if sentence.lead_in is not None else None
            verdict = judge(sentence.clean, party=document.party, lead_in=lead_in)
            if verdict.confidence < self.min_confidence:
                continue
            pledges.append(
                Pledge(
                    id=f"{document.id}:p{len(pledges)}",
                    doc=document.id,
                    start=sentence.start,
                    end=sentence.end,
                    text=document.text[sentence.start : sentence.end],
                    clean=sentence.clean,
                    section=sentence.section,
                    confidence=round(verdict.confidence, 4),
                    sentence=sentence.index,
                    category=document.category_at(sentence.start),
                )
            )
        return tuple(pledges)


def detect_pledges(
    document: Document, sentences: tuple[Sentence, ...], *, min_confidence: float = 0.5
) -> tuple[Pledge, ...]:
    """Function form of :meth:`PledgeDetector.detect`."""
    return PledgeDetector(min_confidence=min_confidence).detect(document, sentences)


def judge(text: str, *, party: str | None = None, lead_in: str | None = None) -> Verdict:
    """Read one sentence (or list item) and say how likely it is a pledge.

    Parameters
    ----------
    text : str
        The sentence as quoted (``Sentence.clean``).
    party : str, optional
        The party whose document this is; another party named as the subject is an attack
        or a description, not a commitment of the author.
    lead_in : str, optional
        For a list item, the sentence that introduced the list ("We will:").
    """
    sentence = _plain(text)
    if _QUESTION.search(sentence):
        return Verdict(REJECTED, "question")
    if lead_in is not None:
        item = _judge_item(sentence, _plain(lead_in), party)
        if item is not None:
            return item
    if _RECORD.search(sentence) and not _later_frame(sentence, party):
        return Verdict(REJECTED, "record")
    if (_EXHORTATION.search(sentence) or _BELIEF.search(sentence)) and not _later_frame(sentence, party):
        return Verdict(REJECTED, "rhetoric")
    frame = _frame(sentence, party)
    if frame is not None:
        return _weigh_frame(sentence, *frame)
    goal = _STATED_GOAL.search(sentence)
    if goal:
        return _weigh_frame(sentence, "aim" if goal.group("noun") in ("goal", "aim", "target", "mission") else "commit", goal.end())
    context = _GOVERNMENT_CONTEXT.search(sentence)
    if context and _FUTURE.search(sentence) and _is_own_government(context.groupdict().get("names"), party):
        return Verdict(FRAME_CONFIDENCE["government-context"], "government-context")
    if _PASSIVE.search(sentence) and not _CONDITIONAL.search(sentence):
        return Verdict(FRAME_CONFIDENCE["passive"], "passive")
    return Verdict(REJECTED, "no commitment frame")


def _weigh_frame(sentence: str, name: str, modal_end: int) -> Verdict:
    """Confidence of a frame, lowered when what follows is a prediction or too vague to check."""
    rest = sentence[modal_end:]
    if _PREDICTION.search(rest):
        return Verdict(VAGUE, "prediction")
    if _VAGUE_CONTENT.search(rest) or not _has_substance(sentence, modal_end):
        return Verdict(VAGUE, "vague")
    if name == "aim" and not re.search(r"\d|\b(?:halve|double|treble)\b", rest, re.I):
        return Verdict(VAGUE, "aim without a target")
    if name in ("commit",) and not _CONCRETE.search(rest) and len(rest.split()) < 12:
        return Verdict(VAGUE, "vague")
    return Verdict(FRAME_CONFIDENCE[name], name)


def _has_substance(sentence: str, modal_end: int) -> bool:
    """Whether the commitment says what will be done: words of substance after the verb, or a
    leading condition that names it ("If Congress sends me a sanctions bill, I will veto it")."""
    if len(_SUBSTANCE.findall(sentence[modal_end:])) >= MIN_SUBSTANCE_WORDS:
        return True
    condition = re.search(r"\b(?:if|when|unless|once|should)\b([^,]*),", sentence[:modal_end], re.I)
    return condition is not None and len(_SUBSTANCE.findall(condition.group(1))) >= CONDITION_SUBSTANCE_WORDS


def _judge_item(item: str, lead_in: str, party: str | None) -> Verdict | None:
    """Items under a commitment lead-in are pledges; under any other lead-in, judged alone."""
    if not lead_in.endswith(":") or _RECORD.search(lead_in):
        return None
    introduced = _frame(lead_in.rstrip(":") + " x", party) is not None or _PLAN_LEAD_IN.search(lead_in)
    if not introduced:
        return None
    if _RECORD.search(item):
        return Verdict(REJECTED, "record")
    if _VAGUE_CONTENT.search(item):
        return Verdict(VAGUE, "vague")
    return Verdict(FRAME_CONFIDENCE["lead-in"], "lead-in")


def _frame(sentence: str, party: str | None) -> tuple[str, int] | None:
    """The earliest commitment frame whose subject is the author: (frame name, end of its verb)."""
    best: tuple[int, str, int] | None = None
    folded = sentence.casefold()
    for name, pattern in _FRAMES.items():
        if not any(keyword in folded for keyword in _FRAME_KEYWORDS[name]) or not _FRAME_VERBS[name].search(sentence):
            continue
        for match in pattern.finditer(sentence):
            if _REPORTED.search(sentence[: match.start()]):
                continue
            if _is_author(match.group("subject"), party):
                if best is None or match.start("modal") < best[0]:
                    best = (match.start("modal"), name, match.end("modal"))
                break
    return (best[1], best[2]) if best else None


def _later_frame(sentence: str, party: str | None) -> bool:
    """A commitment after a record, belief or exhortation: "We have cut crime, and we will …"."""
    for marker in (" and ", " so ", " but ", "; ", " which is why ", " that is why ", ", "):
        position = sentence.find(marker)
        while position > 0:
            rest = sentence[position + len(marker) :].lstrip()
            if _frame(rest, party) and not _RECORD.search(rest):
                return True
            position = sentence.find(marker, position + 1)
    return False


def _is_author(subject: str, party: str | None) -> bool:
    """Whether the grammatical subject of a frame is the author of the document."""
    words = [re.sub(r"['’]s$", "", w) for w in subject.lower().split()]
    if not words or words[0] in _OPPONENTS:
        return False
    if words[-1] in ("we", "i"):
        return True
    core = [w for w in words if w not in _ARTICLES]
    if _PLAN_WORDS & set(core):
        return words[0] in ("our", "my") or _names_own_party(core[:1], party)
    names = [w for w in core if w not in _GOVERNMENT_WORDS and w not in _PARTY_COMPANIONS]
    if not names:
        return bool(_GOVERNMENT_WORDS & set(core)) and bool(_OWN_MARKERS & set(words))
    return _names_own_party(names, party)


def _is_own_government(names: str | None, party: str | None) -> bool:
    """"Under a Labour government" in Labour's manifesto; "under our government" anywhere."""
    words = (names or "").lower().split()
    return not words or _names_own_party(words, party)


def _names_own_party(names: list[str], party: str | None) -> bool:
    """Whether every name word is a word of the document's party name (or an alias of one)."""
    if party is None or not names:
        return False
    own = {_singular(w) for w in re.findall(r"[a-z]+", party.lower())} - {"party", "the"}
    return all(_singular(_PARTY_ALIASES.get(n, n)) in own or n in _PARTY_COMPANIONS for n in names)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _plain(text: str) -> str:
    """The sentence with typographic apostrophes and quotes made plain, ready for the rules."""
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').strip()
