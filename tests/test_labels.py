"""The one table of state and progress names and symbols (hytecli.labels)."""

from __future__ import annotations

from hytecli import labels
from hytecli.progress import ProgressStatus
from hytecli.report.context import PROGRESS_STATUSES
from hytecli.i18n import Localizer
from hytecli.status import State


def test_every_state_and_progress_status_has_a_name_and_symbols() -> None:
    for table in (labels.STATE_LABELS, labels.STATE_SYMBOLS, labels.STATE_ASCII_SYMBOLS):
        assert set(table) == {state.value for state in State}
    for table in (labels.PROGRESS_LABELS, labels.PROGRESS_SYMBOLS):
        assert set(table) == set(PROGRESS_STATUSES)
        assert {status.value for status in ProgressStatus} <= set(table)
    assert all(symbol.isascii() for symbol in labels.STATE_ASCII_SYMBOLS.values())
    # no two states look alike
    assert len(set(labels.STATE_SYMBOLS.values())) == len(labels.STATE_SYMBOLS)


def test_status_and_report_show_the_same_symbols() -> None:
    # One symbol for "no deadline" everywhere: the terminal once showed "·", the report "–".
    from hytecli.report import context
    from hytecli.status_render import LABELS, SYMBOLS

    assert SYMBOLS[State.NO_DEADLINE] == context._STATE_SYMBOLS[State.NO_DEADLINE] == "–"
    assert LABELS[State.DUE_SOON] == "due soon"  # the terminal shows the English msgid


def test_the_report_translates_the_same_names() -> None:
    finnish = Localizer("fi")
    for name in (*labels.STATE_LABELS.values(), *labels.PROGRESS_LABELS.values()):
        assert Localizer("en").gettext(name) == name
        assert finnish.gettext(name) != name, f"{name!r} has no Finnish translation"
