"""The one table of state and progress names and symbols (hytecli.labels)."""

from __future__ import annotations

import pytest

from hytecli import labels
from hytecli.i18n import LANGUAGES, Localizer
from hytecli.judgement import STATES, State
from hytecli.progress_model import ProgressStatus
from hytecli.report.builder import PROGRESS_STATUSES
from hytecli.wording import Wording


def test_every_state_and_progress_status_has_a_name_and_symbols() -> None:
    assert [state.value for state in STATES] == [
        "done",
        "done_late",
        "not_achieved",
        "overdue",
        "due_soon",
        "open",
        "no_deadline",
        "monitored",
        "cancelled",
        "merged",
    ]
    for table in (labels.STATE_LABELS, labels.STATE_SYMBOLS, labels.STATE_ASCII_SYMBOLS):
        assert set(table) == {state.value for state in State}
    for table in (labels.PROGRESS_LABELS, labels.PROGRESS_SYMBOLS):
        assert set(table) == set(PROGRESS_STATUSES)
        assert {status.value for status in ProgressStatus} <= set(table)
    assert all(symbol.isascii() for symbol in labels.STATE_ASCII_SYMBOLS.values())


def test_a_symbol_tells_the_kind_of_state_and_the_word_tells_which() -> None:
    # Done on time and done late share the tick, not achieved and overdue the cross (both
    # failures; colour and the word tell them apart); every other state has a symbol of its own.
    for table in (labels.STATE_SYMBOLS, labels.STATE_ASCII_SYMBOLS):
        assert table["done"] == table["done_late"]
        assert table["not_achieved"] == table["overdue"]
        families = [
            table[s] for s in ("done", "overdue", "due_soon", "open", "no_deadline", "monitored")
        ]
        assert len(set(families)) == len(families), table
    # the names are distinct in every language, so no two states read alike
    for language in LANGUAGES:
        words = [Wording.for_language(language).state(state) for state in STATES]
        assert len(set(words)) == len(words), (language, words)


def test_status_and_report_show_the_same_symbols() -> None:
    # One symbol for "no deadline" everywhere: the terminal once showed "·", the report "–".
    from hytecli import status_rich
    from hytecli.report import builder

    assert Wording.symbol(State.NO_DEADLINE) == builder._STATE_SYMBOLS[State.NO_DEADLINE] == "–"
    assert status_rich.STATE_SYMBOLS is labels.STATE_SYMBOLS is builder._STATE_SYMBOLS
    for state in STATES:
        assert Wording.symbol(state) == labels.STATE_SYMBOLS[state]
        assert state in status_rich.STYLES  # and a colour, never alone


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["done late", "not achieved", "monitored"]),
        ("fi", ["valmis myöhässä", "ei saavutettu", "seurannassa"]),
        ("sv", ["klart försenat", "inte uppnått", "följs upp"]),
    ],
)
def test_the_new_states_are_named_in_every_language(language: str, words: list[str]) -> None:
    w = Wording.for_language(language)
    assert [w.state(s) for s in (State.DONE_LATE, State.NOT_ACHIEVED, State.MONITORED)] == words


def test_the_report_translates_the_same_names() -> None:
    finnish, swedish = Localizer("fi"), Localizer("sv")
    for name in (*labels.STATE_LABELS.values(), *labels.PROGRESS_LABELS.values()):
        assert Localizer("en").gettext(name) == name
        assert finnish.gettext(name) != name, f"{name!r} has no Finnish translation"
        assert swedish.gettext(name) != name, f"{name!r} has no Swedish translation"
