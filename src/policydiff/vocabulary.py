"""Word lists shared by several stages (plain data, no imports).

Kept in one place so that similarity and topic clustering agree on which words say nothing
about the subject of a pledge.
"""

from __future__ import annotations

#: Words too common in manifestos to say anything about which commitment a pledge is: the
#: commitment frame ("we will", "ensure", "continue") and the author ("government", "party").
MANIFESTO_STOP_WORDS = frozenset(
    "will shall ll going committed commit pledge promise ensure make sure continue government "
    "party also new".split()
)
