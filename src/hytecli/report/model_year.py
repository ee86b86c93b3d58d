"""The report's parts about the year itself: the coordinator's texts, assessments, highlights.

Parts of the template context (:mod:`hytecli.report.model`), built by
:mod:`hytecli.report.year`; documented for template authors in ``docs/report.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from hytecli.report.model_values import ItemLink, Label, LocalDate
from hytecli.report.texts import PlanText


@dataclass(frozen=True)
class AssessmentView:
    """A goal's or action's assessment of the reporting year.

    Attributes:
        year: The year assessed (the reporting year).
        status: Its status (``key`` the status's value, ``label`` its name, ``symbol``).
        text: What was done and why (its ``paragraphs``), or ``None``.
        amounts: Money and staff time in words (``12 000 euroa; 30 henkilötyöpäivää``), or empty.
        resources_text: The resources in words as the plan file gives them, or ``None``.
        by: Who assessed, as written, or ``None``.
        date: When it was assessed, or ``None``.
        merged_into: For ``merged``: the goal or action it was merged into.
        brief: The text in a sentence or two (its first sentences, at most about 300
            characters), for the report's tables; ``None`` without a text.
        shortened: True when ``brief`` leaves part of the text out (the appendix has it whole).
    """

    year: int
    status: Label
    text: PlanText | None
    amounts: str
    resources_text: PlanText | None
    by: PlanText | None
    date: LocalDate | None
    merged_into: ItemLink | None
    brief: PlanText | None = None
    shortened: bool = False

    @property
    def has_resources(self) -> bool:
        """Whether money, staff time or resources in words are given."""
        return bool(self.amounts) or self.resources_text is not None


@dataclass(frozen=True)
class CouncilEntry:
    """One body's handling of the annual report: ``Aluevaltuusto 5.5.2025 § 12``."""

    body: PlanText
    date: LocalDate
    section: str
    url: str | None


@dataclass(frozen=True)
class YearTextsView:
    """The coordinator's texts of the reporting year (``reports/<year>.yaml``).

    Attributes:
        path: Where they are written (``reports/2025.yaml``), also when the file is missing.
        written: Whether the file exists.
        summary: The summary (tiivistelmä), or ``None`` when not written.
        conclusions: The conclusions, or ``None``.
        next_year: The focus of the next year, or ``None``.
        authors: The authors or working group (empty when not named).
        council: The council's handling, once known (empty before).
    """

    path: str
    written: bool
    summary: PlanText | None
    conclusions: PlanText | None
    next_year: PlanText | None
    authors: list[PlanText]
    council: list[CouncilEntry]

    @property
    def has_closing(self) -> bool:
        """Whether conclusions or next year's focus are written."""
        return self.conclusions is not None or self.next_year is not None


@dataclass(frozen=True)
class HighlightEntry:
    """One item among the highlights: a link, its state or progress, and the detail in words.

    Attributes:
        item: The goal, action or indicator.
        label: Its state, the year's assessment status (a missed item assessed so) or its
            progress status (an indicator that improved or worsened).
        scheme: Which of the three ``label`` is: ``state``, ``assessment`` or ``progress`` (the
            HTML report's badge class is ``<scheme>-<label.key>``).
        detail: The detail in words (``done 20.5.2025, on time``; ``40 % (2023) → 45 % (2025)``).
        goal: For an indicator, the goal it serves (its first user's), so that a reader knows
            what "Toteutui/ei toteutunut" measures; ``None`` for goals and actions.
    """

    item: ItemLink
    label: Label
    scheme: str
    detail: str
    goal: ItemLink | None = None


@dataclass(frozen=True)
class Highlights:
    """The year's highlights (:mod:`hytecli.highlights`), each list in plan order."""

    completed: list[HighlightEntry]
    missed: list[HighlightEntry]
    improved: list[HighlightEntry]
    worsened: list[HighlightEntry]
