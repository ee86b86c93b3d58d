"""The report's small values: dates, labels, counts, deadlines, states and links to items.

Parts of the template context (:mod:`hytecli.report.model`) shared by goal, action and indicator
sections; documented for template authors in ``docs/report.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from hytecli.report.texts import PlanText


@dataclass(frozen=True)
class LocalDate:
    """A date formatted for the report: ``{{ d }}`` shows ``text`` (in HTML inside ``<time>``)."""

    iso: str
    text: str

    def __str__(self) -> str:
        """The formatted date."""
        return self.text

    def __html__(self) -> Markup:
        """``<time datetime="2025-05-31">31.5.2025</time>``."""
        return Markup('<time datetime="{}">{}</time>').format(self.iso, self.text)


@dataclass(frozen=True)
class Label:
    """A state or progress status: a key for CSS and logic, a translated label and a symbol."""

    key: str
    label: str
    symbol: str

    def __str__(self) -> str:
        """``✗ overdue``: the symbol and the word (never colour alone)."""
        return f"{self.symbol} {self.label}"


@dataclass(frozen=True)
class Count:
    """A number of items with one :class:`Label` (a state or a progress status)."""

    label: Label
    count: int


@dataclass(frozen=True)
class DeadlineInfo:
    """A deadline in the plan's own words and normalised.

    Attributes:
        form: ``date``, ``month``, ``year``, ``term_end`` or ``annual``.
        written: As written in the file (``2025-05``, ``2022-2025``, ``annual``).
        wording: The plan's own words (``vuoden 2024 loppuun mennessä``), if recorded.
        due: The normalised last day on time (for a yearly deadline, the one judged); ``None``
            when it cannot be resolved.
        normalised: The normalised deadline in words: ``31.5.2025``, ``31.12.2025 (every year)``,
            ``31.5.2025 (end of council term 2022–2025)`` (a council term's years with an en
            dash; ``written`` keeps its id as written).
        inherited_from: For an indicator without its own deadline: the goal or action it comes
            from (``action liikuntaneuvonnan-verkosto``), else ``None``.
    """

    form: str
    written: str
    wording: PlanText | None
    due: LocalDate | None
    normalised: str
    inherited_from: str | None = None


@dataclass(frozen=True)
class StateInfo:
    """The state of a goal, action or indicator on the report's day.

    Attributes:
        label: The state (``key`` one of done, overdue, due_soon, open, no_deadline).
        detail: In words: ``overdue by 3 days``, ``due in 12 days``, ``done 28.11.2024, on time``;
            empty for ``no_deadline``.
        recurring: For a yearly deadline: ``2025: not recorded; missing for 2024``, else ``None``.
        summary: What the badge says (:meth:`hytecli.wording.Wording.summary`): the detail
            without the missed note when there is one (``overdue by 3 days``), else the state's
            name (``no deadline``), so that the badge never repeats the state's word.
        missed: ``missed in 2025`` for an item missed in the reporting year, else empty.
    """

    label: Label
    detail: str
    recurring: str | None = None
    summary: str = ""
    missed: str = ""

    @property
    def key(self) -> str:
        """The state's key (``overdue``...)."""
        return self.label.key


@dataclass(frozen=True)
class ItemLink:
    """A link to a goal, action or indicator elsewhere in the report."""

    kind: str
    kind_label: str
    id: str
    anchor: str | None
    title: PlanText | None
