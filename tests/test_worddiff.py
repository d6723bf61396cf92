"""Word-level diffs: difflib tags over words, case and edge punctuation ignored."""

from __future__ import annotations

from policydiff.serialize import as_pairs, ops_from_pairs
from policydiff.worddiff import normalised_words, word_diff


def test_a_changed_number_is_one_replace_between_equal_runs():
    ops = word_diff("We will recruit 3,000 more nurses.", "We will recruit 5,000 more nurses.")
    assert [(o.tag, o.text_a, o.text_b) for o in ops] == [
        ("equal", "We will recruit", "We will recruit"),
        ("replace", "3,000", "5,000"),
        ("equal", "more nurses.", "more nurses."),
    ]


def test_pairs_for_json_spell_a_replace_as_delete_then_insert():
    ops = word_diff("We will act now.", "We will not act now.")
    assert as_pairs(ops) == [["equal", "We will"], ["insert", "not"], ["equal", "act now."]]
    assert as_pairs(word_diff("cut fares", "freeze fares")) == [["delete", "cut"], ["insert", "freeze"], ["equal", "fares"]]


def test_case_and_trailing_punctuation_do_not_count_as_changes():
    assert normalised_words("We will ACT, now.") == normalised_words("we will act now")
    assert all(o.tag == "equal" for o in word_diff("We will act.", "we will act"))


def test_word_indices_cover_both_texts_exactly():
    a, b = "one two three four", "one 2 three four five"
    ops = word_diff(a, b)
    assert ops[0].a_start == 0 and ops[-1].a_end == 4 and ops[-1].b_end == 5
    assert all(x.a_end == y.a_start and x.b_end == y.b_start for x, y in zip(ops, ops[1:]))


def test_json_pairs_turn_back_into_the_same_operations():
    ops = word_diff("We will cut fares for under-25s by a third.", "We will not cut bus fares by half for under-25s.")
    loaded = ops_from_pairs(as_pairs(ops))
    assert [(o.tag, o.a_start, o.a_end, o.b_start, o.b_end, o.text_b) for o in loaded] == [
        (o.tag, o.a_start, o.a_end, o.b_start, o.b_end, o.text_b) for o in ops
    ]
