"""Names and symbols of deadline states and progress statuses: one table for status and report.

``hyte status`` shows the English names as they are; ``hyte report`` translates the same names
with its gettext catalogues (they are the msgids, marked with :func:`N_` for ``pybabel extract``,
which reads this module as babel.cfg says). Every state and status has a symbol as well as a
name, so that none is told by colour alone; :data:`STATE_ASCII_SYMBOLS` are for terminals that
cannot show the others.

The tables are keyed by the values of :class:`hytecli.judgement.State` and of the report's progress
statuses (:data:`hytecli.report.builder.PROGRESS_STATUSES`, which include
:class:`hytecli.progress.ProgressStatus`); both enums are ``StrEnum``, so their members look up
the same entries. This module imports nothing of hyte's, so any module can use it.
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the conventional name, known to pybabel extract
    """Mark ``message`` for extraction without translating it (it is translated later)."""
    return message


#: The gettext context of the assessment statuses' names (``msgctxt`` in the catalogues), so
#: that "not achieved" as an assessment (``ei toteutunut``) can differ from the state's name.
ASSESSMENT_CONTEXT = "assessment"


def NC_(context: str, message: str) -> str:  # noqa: N802 - marked for pybabel as NC_:1c,2
    """Mark ``message`` in gettext ``context`` for extraction without translating it."""
    return message


#: A deadline state's name (:class:`hytecli.judgement.State`).
STATE_LABELS: dict[str, str] = {
    "done": N_("done"),
    "done_late": N_("done late"),
    "not_achieved": N_("not achieved"),
    "overdue": N_("overdue"),
    "due_soon": N_("due soon"),
    "open": N_("open"),
    "no_deadline": N_("no deadline"),
    "monitored": N_("monitored"),
    "cancelled": N_("cancelled"),
    "merged": N_("merged"),
}
#: A deadline state's symbol. "No deadline" is a dash: nothing to count down to.
STATE_SYMBOLS: dict[str, str] = {
    "done": "✓",
    "done_late": "✓",
    "not_achieved": "✗",
    "overdue": "✗",
    "due_soon": "!",
    "open": "○",
    "no_deadline": "–",
    "monitored": "·",
    "cancelled": "⊘",
    "merged": "⇢",
}
#: The same symbols in ASCII, for a terminal that is not UTF-8.
STATE_ASCII_SYMBOLS: dict[str, str] = {
    "done": "+",
    "done_late": "+",
    "not_achieved": "x",
    "overdue": "x",
    "due_soon": "!",
    "open": "o",
    "no_deadline": "-",
    "monitored": ".",
    "cancelled": "/",
    "merged": ">",
}
#: An assessment status's name (:class:`hytecli.assessments.AssessmentStatus`); ``hyte assess``
#: also accepts these names, in each language, as the status.
ASSESSMENT_LABELS: dict[str, str] = {
    "completed": NC_("assessment", "completed"),
    "on_track": NC_("assessment", "on track as planned"),
    "in_progress": NC_("assessment", "in progress"),
    "not_started": NC_("assessment", "not started"),
    "delayed": NC_("assessment", "delayed"),
    "not_achieved": NC_("assessment", "not achieved"),
    "postponed": NC_("assessment", "postponed"),
    "cancelled": NC_("assessment", "cancelled"),
    "merged": NC_("assessment", "merged"),
}
#: An assessment status's symbol (shown with its name, never alone).
ASSESSMENT_SYMBOLS: dict[str, str] = {
    "completed": "✓",
    "on_track": "↗",
    "in_progress": "◐",
    "not_started": "○",
    "delayed": "!",
    "not_achieved": "✗",
    "postponed": "»",
    "cancelled": "⊘",
    "merged": "⇢",
}
#: An indicator's progress status's name: :class:`hytecli.progress.ProgressStatus`, plus the
#: report's ``not_achieved`` (a yes/no indicator) and ``not_assessed`` (a text indicator).
PROGRESS_LABELS: dict[str, str] = {
    "target_achieved": N_("target achieved"),
    "on_track": N_("on track"),
    "progress_too_slow": N_("progress too slow"),
    "deterioration": N_("deterioration"),
    "not_achieved": N_("not achieved"),
    "not_enough_data": N_("not enough data"),
    "no_target_or_direction": N_("no target or direction"),
    "not_assessed": N_("not assessed"),
}
#: A progress status's symbol.
PROGRESS_SYMBOLS: dict[str, str] = {
    "target_achieved": "✓",
    "on_track": "↗",
    "progress_too_slow": "→",
    "deterioration": "↘",
    "not_achieved": "✗",
    "not_enough_data": "?",
    "no_target_or_direction": "·",
    "not_assessed": "–",
}
