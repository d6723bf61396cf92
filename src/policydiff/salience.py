"""Per-topic diff: how each topic fared between two documents, and how much room it took.

A topic's *salience* in a document is its share of that document's pledges, the usual
measure of emphasis in manifesto research; the *shift* between documents is the change in
that share.  Counts are the change records of the pair that touch the topic.
"""

from __future__ import annotations

from collections import Counter

from policydiff.model import Change, Pledge, TopicShift


def topic_shifts(
    pairs: tuple[tuple[str, str], ...], pledges: tuple[Pledge, ...], changes: tuple[Change, ...]
) -> tuple[TopicShift, ...]:
    """One TopicShift per topic and compared pair, ordered by pair, then topic number.

    Parameters
    ----------
    pairs : tuple of (source, target) document ids
    pledges : tuple of Pledge
        With ``topic`` set.
    changes : tuple of Change
        With ``topic`` set (the topic of the record's first pledge).
    """
    per_document = Counter(p.doc for p in pledges)
    per_topic = Counter((p.doc, p.topic) for p in pledges)
    topics = sorted({p.topic for p in pledges if p.topic is not None}, key=_topic_number)
    shifts = []
    for source, target in pairs:
        statuses = Counter((c.topic, c.status) for c in changes if c.source == source and c.target == target)
        for topic in topics:
            before = per_topic[(source, topic)] / max(per_document[source], 1)
            after = per_topic[(target, topic)] / max(per_document[target], 1)
            shifts.append(
                TopicShift(
                    topic=topic,
                    source=source,
                    target=target,
                    unchanged=statuses[(topic, "unchanged")],
                    changed=statuses[(topic, "changed")],
                    new=statuses[(topic, "new")],
                    dropped=statuses[(topic, "dropped")],
                    share_source=before,
                    share_target=after,
                    shift=after - before,
                )
            )
    return tuple(shifts)


def _topic_number(topic: str) -> int:
    return int(topic[1:]) if topic[1:].isdigit() else 0
