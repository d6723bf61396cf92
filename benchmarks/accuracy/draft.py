"""A document being turned into its edited copy: the text, its pledges, and the edits so far.

:class:`Draft` holds what the edit planners (``plan.py``) and the noise makers (``noise.py``)
share: document A as policydiff segments it, its paragraph layout, the edit script, and a
note of what was done to each pledge so the gold labels can be written afterwards.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from layout import Block, block_at, blocks, ends_sentence, unit_at, unit_removal
from policydiff import Document, Pledge, Sentence
from records import Span
from script import EditScript, Replacement


@dataclass(frozen=True)
class Plan:
    """What was done to a pledge of A.

    ``status`` and ``kind`` are the gold verdict; ``marks`` are the keys of the spans of B
    that carry the pledge (none when dropped); ``partners`` are the other pledges of A
    sharing those spans (the other half of a merge).
    """

    edit: str
    status: str
    kind: str | None
    marks: tuple[str, ...] = ()
    partners: tuple[int, ...] = ()


@dataclass
class Draft:
    """Document A, its pledges as policydiff finds them, and the edits planned on it."""

    document: Document
    sentences: tuple[Sentence, ...]
    pledges: tuple[Pledge, ...]
    rng: random.Random
    script: EditScript = field(default_factory=EditScript)
    plans: dict[int, Plan] = field(default_factory=dict)
    noise: dict[int, str] = field(default_factory=dict)
    inserted: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.document.text
        self.blocks = blocks(self.text, frozenset(s.start for s in self.document.sections))
        self._sentence = {s.index: s for s in self.sentences}

    def sentence_of(self, pledge: Pledge) -> Sentence:
        """The sentence a pledge was found in."""
        return self._sentence[pledge.sentence]

    def section_title(self, offset: int) -> str:
        """The title of the section at an offset of A, lower-cased ("" before any heading)."""
        section = self.document.section_at(offset)
        return " ".join(section.title.lower().split()) if section else ""

    def unit_sentences(self, offset: int) -> list[Sentence]:
        """The sentences of the paragraph or list item containing ``offset``, in order."""
        block = self.blocks[block_at(self.blocks, offset)]
        unit = unit_at(block, offset)
        return [s for s in self.sentences if unit.start <= s.start < unit.end]

    def removable(self, sentence: Sentence) -> bool:
        """Whether removing a sentence leaves the pledge status of every other sentence as it was.

        Two removals would change it: the first sentence of a list item with more sentences
        (the next one would become the item, and a pledge through the list's "We will:"), and
        the last item left under a lead-in (the lead-in would become a pledge of its own).
        """
        members = self.unit_sentences(sentence.start)
        if sentence.is_item and len(members) > 1:
            return False
        if sentence.lead_in is None:
            return True
        gone = {self.pledges[i].sentence for i, plan in self.plans.items() if plan.edit in ("drop", "move")}
        siblings = [s for s in self.sentences if s.lead_in == sentence.lead_in and s.index not in gone]
        return len(siblings) > 1

    def removal(self, sentence: Sentence) -> Span:
        """The span of A to delete to remove a sentence cleanly.

        A sentence alone in its paragraph or list item takes its line(s) with it; one among
        others takes the white space that separates it from its neighbour.
        """
        members = self.unit_sentences(sentence.start)
        if len(members) <= 1:
            return unit_removal(self.text, self.blocks, sentence.start)
        position = members.index(sentence)
        if position + 1 < len(members):
            return sentence.start, members[position + 1].start
        return members[position - 1].end, sentence.end

    def insertion_blocks(self) -> list[Block]:
        """Paragraphs after which a sentence may be added without breaking a list from its lead-in."""
        usable = []
        for i, block in enumerate(self.blocks):
            following = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
            if not block.is_prose or not ends_sentence(self.text, block):
                continue
            if following is not None and following.units[0].is_item:
                continue
            usable.append(block)
        return usable

    def insertion(self, block: Block, sentence: str, key: str) -> Replacement:
        """A sentence added after a paragraph, as a paragraph of its own or at the paragraph's end.

        ``key`` marks the sentence so its span in B can be looked up once the script is applied.
        """
        prefix = self.rng.choice(("\n\n", " "))
        return Replacement(block.end, block.end, prefix + sentence, ((key, len(prefix), len(prefix) + len(sentence)),))
