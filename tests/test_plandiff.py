"""The diff library without git: word-level differences, matching by id and key, "lowered"."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import write_tree
from gitplan import BASE_FILES, edited
from hytecli.diff_changes import Change, WordOp
from hytecli.diff_render import render_markdown, render_text
from hytecli.plandiff import diff_plans
from hytecli.repository import PlanRepository, load_repository
from hytecli.worddiff import word_diff


def load(root: Path, changes: dict[str, str | None] | None = None) -> PlanRepository:
    files = {**BASE_FILES, **(changes or {})}
    write_tree(root, {path: text for path, text in files.items() if text is not None})
    repository = load_repository(root)
    assert repository.findings == []
    return repository


def diff(tmp_path: Path, changes: dict[str, str | None]) -> list[Change]:
    return diff_plans(load(tmp_path / "a"), load(tmp_path / "b", changes)).changes


def test_word_diff_folds_spaces_between_changed_words() -> None:
    assert word_diff("a b c d", "a x y d") == (
        WordOp("equal", "a "),
        WordOp("delete", "b c"),
        WordOp("insert", "x y"),
        WordOp("equal", " d"),
    )
    # numbers and dates with inner punctuation are one word; the final full stop is its own
    assert word_diff("vuoteen 05/2025 mennessä.", "vuoteen 12/2025 mennessä.") == (
        WordOp("equal", "vuoteen "),
        WordOp("delete", "05/2025"),
        WordOp("insert", "12/2025"),
        WordOp("equal", " mennessä."),
    )


@given(st.text(max_size=40), st.text(max_size=40))
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert "".join(op.text for op in ops if op.op != "insert") == old
    assert "".join(op.text for op in ops if op.op != "delete") == new


def test_same_plan_has_no_changes(tmp_path: Path) -> None:
    assert diff(tmp_path, {}) == []


def test_numbers_compare_by_value_but_true_is_not_1(tmp_path: Path) -> None:
    same = edited("indicators/mittari-2.yaml", ("  value: 100\n", "  value: 100.0\n"))
    assert diff(tmp_path / "same", same) == []
    changed = edited("indicators/mittari-1.yaml", ("value: true", "value: 1"))
    [change] = diff(tmp_path / "changed", changed)
    assert (change.field, change.old, change.new) == ("target.value", True, 1)


@pytest.mark.parametrize(
    ("direction", "old", "new", "lowered"),
    [
        ("increase", 10, 8, True),
        ("increase", 10, 12, False),
        ("decrease", 10, 12, True),
        ("decrease", 10, 8, False),
        ("none", 10, 8, False),
    ],
)
def test_equal_targets_are_judged_by_the_direction(
    tmp_path: Path, direction: str, old: int, new: int, lowered: bool
) -> None:
    indicator = (
        "id: mittari-3\nname: Mittari\nkind: count\ndirection: {direction}\n"
        "target: {{value: {value}, comparison: equal}}\n"
    )
    base = load(
        tmp_path / "a",
        {"indicators/mittari-3.yaml": indicator.format(direction=direction, value=old)},
    )
    head = load(
        tmp_path / "b",
        {"indicators/mittari-3.yaml": indicator.format(direction=direction, value=new)},
    )
    [change] = diff_plans(base, head).changes
    assert change.field == "target.value" and change.lowered is lowered


def test_a_changed_comparison_is_not_judged(tmp_path: Path) -> None:
    changes = diff(
        tmp_path,
        edited(
            "indicators/mittari-2.yaml",
            ("  value: 100\n  comparison: at_least", "  value: 90\n  comparison: equal"),
        ),
    )
    assert {c.field: c.lowered for c in changes} == {
        "target.value": False,
        "target.comparison": False,
    }


def test_repeated_ids_and_keys_do_not_crash(tmp_path: Path) -> None:
    # Validation reports these; the diff compares the first of each id and numbers repeated keys.
    twice = edited(
        "indicators/mittari-2.yaml",
        (
            "  - period: 2024\n    value: 50\n",
            "  - period: 2024\n    value: 50\n  - period: 2024\n    value: 51\n",
        ),
    )
    [change] = diff(tmp_path, twice)
    assert (change.field, change.key, change.change) == ("values", "2024 #2", "added")


def test_texts_in_other_languages_are_compared_per_language(tmp_path: Path) -> None:
    changes = diff(
        tmp_path, edited("plan/alue-b.yaml", ("title: Alue B", "title: {fi: Alue B, sv: Område B}"))
    )
    [change] = changes
    assert (change.entity, change.field, change.language, change.change) == (
        "area",
        "title",
        "sv",
        "added",
    )
    language_diff = diff_plans(
        load(tmp_path / "c"),
        load(
            tmp_path / "d",
            edited("plan/alue-b.yaml", ("title: Alue B", "title: {fi: Alue B, sv: Område B}")),
        ),
    )
    assert "  + area alue-b: title added in sv: Område B" in render_text(language_diff)


def test_long_texts_are_shortened_around_the_change(tmp_path: Path) -> None:
    words = " ".join(f"sana{n}" for n in range(60))
    base = load(
        tmp_path / "a",
        edited("plan/alue-b.yaml", ("title: Alue B", f"title: Alue B\nintroduction: {words}")),
    )
    head = load(
        tmp_path / "b",
        edited(
            "plan/alue-b.yaml",
            ("title: Alue B", f"title: Alue B\nintroduction: {words.replace('sana30', 'SANA')}"),
        ),
    )
    plan_diff = diff_plans(base, head)
    [change] = plan_diff.changes
    assert (
        change.words is not None
        and "".join(w.text for w in change.words if w.op != "insert") == words
    )
    text = render_text(plan_diff)
    assert (
        "introduction: … sana22 sana23 sana24 sana25 sana26 sana27 sana28 sana29 "
        "[-sana30-]{+SANA+} sana31" in text
    )
    assert "sana38 …" in text and "sana10" not in text
    assert "<del>sana30</del><ins>SANA</ins>" in render_markdown(plan_diff)
