"""An edit script: non-overlapping replacements on a text, applied with offsets tracked.

Every change the generator makes to document A — a pledge rewritten, a paragraph removed,
a line break added, a sentence inserted — is one :class:`Replacement` of a span of A.
Applying them gives document B and, for any untouched span of A, where it now lies in B,
so gold offsets are computed, never searched for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from records import Span


@dataclass(frozen=True)
class Replacement:
    """Replace ``A[start:end]`` with ``text`` (``start == end`` inserts).

    ``marks`` name spans of ``text`` ((key, start, end), offsets within ``text``) whose
    final position in B the generator needs: the pledges it wrote.
    """

    start: int
    end: int
    text: str
    marks: tuple[tuple[str, int, int], ...] = ()


@dataclass
class EditScript:
    """Replacements accepted so far; :meth:`add` refuses one that overlaps another."""

    replacements: list[Replacement] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` (or the insertion point ``start == end``) touches no edit."""
        for other in self.replacements:
            if start == end and other.start < start < other.end:
                return False
            if other.start == other.end and start < other.start < end:
                return False
            if start < other.end and other.start < end:
                return False
        return True

    def add(self, *replacements: Replacement) -> bool:
        """Accept all the replacements, or none of them if any overlaps an accepted one."""
        for i, replacement in enumerate(replacements):
            if not self.free(replacement.start, replacement.end):
                return False
            for other in replacements[i + 1 :]:
                if replacement.start < other.end and other.start < replacement.end:
                    return False
        self.replacements.extend(replacements)
        return True

    def apply(self, text: str) -> Applied:
        """Document B, where each mark ended up, and the offset map for untouched spans."""
        ordered = sorted(enumerate(self.replacements), key=lambda item: (item[1].start, item[1].end, item[0]))
        pieces, marks, shifts = [], {}, []
        cursor = delta = 0
        for _, replacement in ordered:
            pieces.append(text[cursor : replacement.start])
            b_start = replacement.start + delta
            for key, start, end in replacement.marks:
                marks[key] = (b_start + start, b_start + end)
            pieces.append(replacement.text)
            delta += len(replacement.text) - (replacement.end - replacement.start)
            shifts.append((replacement.start, replacement.end, delta))
            cursor = replacement.end
        pieces.append(text[cursor:])
        return Applied("".join(pieces), marks, tuple(shifts))


@dataclass(frozen=True)
class Applied:
    """The result of an edit script: B's text, marked spans in B, and the shifts applied."""

    text: str
    marks: dict[str, Span]
    shifts: tuple[tuple[int, int, int], ...]

    def map_span(self, start: int, end: int) -> Span:
        """Where an untouched span of A (edits inside it allowed) lies in B.

        An insertion exactly at ``start`` lands before the span; one exactly at ``end``
        lands after it.
        """
        return start + self._delta(start, include_insertions=True), end + self._delta(end, include_insertions=False)

    def _delta(self, offset: int, *, include_insertions: bool) -> int:
        """Total change in length of the replacements lying before ``offset``."""
        delta = 0
        for start, end, after in self.shifts:
            before = end < offset or (end == offset and (start < end or include_insertions))
            if not before:
                break
            delta = after
        return delta
