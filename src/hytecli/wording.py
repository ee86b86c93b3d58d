"""Putting a judgement into words: the one place states, deadlines and values are worded.

``hyte status`` (every format) and ``hyte report`` (every format) show a
:class:`~hytecli.judgement.Judgement` through :class:`Wording`, in Finnish, Swedish or English,
with the gettext catalogues of :mod:`hytecli.i18n` (the msgids are the English texts, marked
for ``pybabel extract``) and dates and numbers formatted by Babel for the language. Nothing here
judges: every state, count of days and outcome comes from :mod:`hytecli.judge`.
"""

from __future__ import annotations

from dataclasses import dataclass

from hytecli.assessments import AssessmentStatus, Resources
from hytecli.hidden_text import reveal
from hytecli.i18n import Localizer, translations
from hytecli.judgement import (
    AssessmentRound,
    DeadlineStatus,
    IndicatorStatus,
    Judgement,
    Outcome,
    State,
    ValueInfo,
)
from hytecli.labels import (
    ASSESSMENT_CONTEXT,
    ASSESSMENT_LABELS,
    N_,
    PROGRESS_LABELS,
    STATE_LABELS,
    STATE_SYMBOLS,
)
from hytecli.models import Text

#: A target's comparison, in words.
COMPARISONS = {
    "at_least": N_("at least"),
    "at_most": N_("at most"),
    "equal": N_("exactly"),
}
#: What an indicator's values say about its target.
OUTCOMES = {
    Outcome.ACHIEVED: N_("achieved"),
    Outcome.NOT_ACHIEVED: N_("not achieved"),
    Outcome.NOT_RECORDED: N_("not recorded"),
    Outcome.RECORDED: N_("recorded (no target to judge against)"),
}
#: A goal's, action's or indicator's kind.
KINDS = {
    "goal": N_("goal"),
    "action": N_("action"),
    "indicator": N_("indicator"),
}


def year_range(text: str) -> str:
    """``2022-2025`` with an en dash: ``2022–2025``."""
    return text.replace("-", "–")


@dataclass(frozen=True)
class Wording:
    """Words for a judgement in one language.

    Attributes:
        localizer: The language's catalogue, dates and numbers.
        plan_language: The plan's main language, where a plan text missing in the language
            asked for is taken from.
    """

    localizer: Localizer
    plan_language: str = "fi"

    @classmethod
    def for_language(cls, language: str, plan_language: str = "fi") -> Wording:
        """The wording of ``language`` (``fi``, ``sv`` or ``en``).

        Raises:
            ValueError: a language without a catalogue.
        """
        translations(language)  # raises ValueError now, not when the first word is looked up
        return cls(Localizer(language), plan_language)

    @property
    def language(self) -> str:
        """``fi``, ``sv`` or ``en``."""
        return self.localizer.language

    def text(self, text: Text | None) -> str:
        """A plan text in this language, else in the plan's language (empty for ``None``).

        Hidden characters are shown (``[U+202E]``, :func:`hytecli.hidden_text.reveal`).
        """
        return "" if text is None else reveal(text.get(self.language, self.plan_language)[0])

    def date(self, day: object) -> str:
        """A date in the language's style: ``31.12.2024``, ``31 Dec 2024``."""
        return self.localizer.date(day)  # type: ignore[arg-type]

    # -- states -----------------------------------------------------------------------------------

    def state(self, state: State) -> str:
        """The state's name: ``myöhässä``, ``försenad``, ``overdue``."""
        return self.localizer.gettext(STATE_LABELS[state])

    @staticmethod
    def symbol(state: State) -> str:
        """The state's symbol (never colour alone)."""
        return STATE_SYMBOLS[state]

    def kind(self, kind: str) -> str:
        """``tavoite``, ``mål``, ``goal``..."""
        return self.localizer.gettext(KINDS[kind])

    def detail(self, item: Judgement) -> str:
        """The state's detail: ``overdue by 3 days``, ``due today``, ``done 1.2.2025, on time``.

        Empty when the state's name says it all (no deadline, monitored, not achieved).
        """
        loc = self.localizer
        if item.state is State.OVERDUE and item.days is not None:
            return loc.ngettext("overdue by %(num)s day", "overdue by %(num)s days", item.days)
        if item.state in (State.DUE_SOON, State.OPEN) and item.days is not None:
            if item.days == 0:
                return loc.gettext("due today")
            return loc.ngettext("due in %(num)s day", "due in %(num)s days", item.days)
        if item.closed_by is not None:
            return self.closed(item)
        if item.done is not None and item.state in (State.DONE, State.DONE_LATE):
            done = item.done
            if done.assessed_year is not None:
                if done.on_time is False:
                    return loc.gettext(
                        "completed in %(year)s, after its deadline", year=done.assessed_year
                    )
                return loc.gettext("completed in %(year)s", year=done.assessed_year)
            day = self.date(done.date)
            if done.on_time is None:
                return loc.gettext("done %(date)s", date=day)
            if done.on_time:
                return loc.gettext("done %(date)s, on time", date=day)
            return loc.ngettext(
                "done %(date)s, %(num)s day late",
                "done %(date)s, %(num)s days late",
                done.days_late or 0,
                date=day,
            )
        return ""

    def closed(self, item: Judgement) -> str:
        """``cancelled in 2024``, ``merged into a1-2 in 2025`` (by its assessment), else empty."""
        closing = item.closed_by
        if closing is None:
            return ""
        if closing.merged_into is not None:
            return self.localizer.gettext(
                "merged into %(id)s in %(year)s", id=closing.merged_into, year=closing.year
            )
        return self.localizer.gettext("cancelled in %(year)s", year=closing.year)

    def assessment_status(self, status: AssessmentStatus) -> str:
        """The assessment status's name: ``kesken``, ``pågår``, ``in progress``."""
        return self.localizer.pgettext(ASSESSMENT_CONTEXT, ASSESSMENT_LABELS[status])

    def amounts(self, resources: Resources | None) -> str:
        """An assessment's money and staff time: ``12 000 euroa; 30 henkilötyöpäivää``, or empty.

        The resources' ``text`` is a plan text: callers show it themselves (with its language).
        """
        if resources is None:
            return ""
        loc = self.localizer
        parts = []
        if resources.euros is not None:
            parts.append(loc.gettext("%(amount)s euros", amount=loc.number(resources.euros)))
        if resources.person_days is not None:
            days = resources.person_days
            parts.append(
                loc.ngettext(
                    "%(days)s person-day",
                    "%(days)s person-days",
                    1 if days == 1 else 2,
                    days=loc.number(days),
                )
            )
        return "; ".join(parts)

    def unassessed_heading(self, year: int) -> str:
        """``Not assessed for 2025``: the heading of the goals and actions not yet assessed."""
        return self.localizer.gettext("Not assessed for %(year)s", year=year)

    def round_notice(self, assessment_round: AssessmentRound, count: int) -> str:
        """The one-line notice that the annual assessment round is due, with how many remain."""
        return self.localizer.ngettext(
            "The annual assessment round for %(year)s is due (from %(date)s): %(num)s goal or "
            "action is not assessed yet.",
            "The annual assessment round for %(year)s is due (from %(date)s): %(num)s goals and "
            "actions are not assessed yet.",
            count,
            year=assessment_round.year,
            date=self.date(assessment_round.opens),
        )

    def missed(self, item: Judgement, year: int) -> str:
        """``missed in 2024`` for an item missed in the year judged, else empty."""
        return self.localizer.gettext("missed in %(year)s", year=year) if item.missed else ""

    def summary(self, item: Judgement) -> str:
        """The state's detail (``overdue by 3 days``), or its name when it has none."""
        detail = self.detail(item)
        return detail or self.state(item.state)

    # -- deadlines --------------------------------------------------------------------------------

    def due(self, deadline: DeadlineStatus | None) -> str:
        """The normalised due date: ``31.12.2024``, ``31.12.2025 (every year)``, ``none``."""
        _ = self.localizer.gettext
        if deadline is None:
            return _("none")
        if deadline.due is None:
            return _("cannot be resolved")
        day = self.date(deadline.due)
        if deadline.form == "annual":
            return _("%(date)s (every year)", date=day)
        if deadline.form == "term_end":
            return _(
                "%(date)s (end of council term %(term)s)",
                date=day,
                term=year_range(deadline.written),
            )
        return day

    def deadline(self, deadline: DeadlineStatus | None) -> str:
        """The due date, with the plan's words and where it is inherited from, if any."""
        text = self.due(deadline)
        if deadline is None:
            return text
        parts = []
        if deadline.wording is not None:
            parts.append(self.localizer.quote(self.text(deadline.wording)))
        if deadline.inherited_from is not None:
            ref = deadline.inherited_from
            parts.append(
                self.localizer.gettext("from %(kind)s %(id)s", kind=self.kind(ref.kind), id=ref.id)
            )
        return f"{text} ({'; '.join(parts)})" if parts else text

    def recurring(self, item: Judgement) -> str:
        """``2025: not recorded; missing for 2024`` for a recurring item, else empty."""
        rec = item.recurring
        if rec is None:
            return ""
        _ = self.localizer.gettext
        text = (
            _("%(year)s: recorded", year=rec.year)
            if rec.entry_exists
            else _("%(year)s: not recorded", year=rec.year)
        )
        if rec.missing_years:
            years = ", ".join(str(y) for y in rec.missing_years)
            text += "; " + _("missing for %(years)s", years=years)
        return text

    # -- indicators -------------------------------------------------------------------------------

    def value(self, info: IndicatorStatus, value: bool | int | float | str | None) -> str:
        """A value with its unit: ``kyllä``, ``12,5 %``, ``1 234 kpl``."""
        loc = self.localizer
        if value is None:
            return ""
        if isinstance(value, bool):
            return loc.gettext("yes") if value else loc.gettext("no")
        if isinstance(value, str):
            return value
        return self.amount(info.indicator_kind, value, self.text(info.unit), info.per)

    def amount(self, kind: str, value: int | float, unit: str = "", per: int | None = None) -> str:
        """A number of an indicator of ``kind``: ``12,5 %``, ``1 234 kpl``, ``7,6 per 1 000 ...``.

        Status and the report both word numbers with it (a rate is per ``per`` inhabitants).

        Args:
            kind: The indicator's kind (a percentage is shown as one, whatever its unit says).
            value: The number.
            unit: The unit in words, already in the right language (empty for none).
            per: A rate's "per how many inhabitants", else ``None``.
        """
        loc = self.localizer
        if kind == "percentage":
            return loc.percent(value)
        text = loc.number(value)
        if unit:
            text = f"{text} {unit}"
        if kind == "rate" and per:
            text = loc.gettext("%(value)s per %(per)s inhabitants", value=text, per=loc.number(per))
        return text

    def value_at(self, info: IndicatorStatus, value: ValueInfo | None) -> str:
        """``12,5 % (2024)``, or ``not recorded``."""
        if value is None:
            return self.localizer.gettext("not recorded")
        return f"{self.value(info, value.value)} ({value.period})"

    def target(self, info: IndicatorStatus) -> str:
        """``at least 10 kpl``, ``yes``, ``at least the national average``, or ``none set``."""
        loc = self.localizer
        target = info.target
        if target is None:
            return loc.gettext("none set")
        comparison = loc.gettext(COMPARISONS[target.comparison]) if target.comparison else ""
        if target.reference is not None:
            body = self.text(target.label) or target.reference
        else:
            body = self.value(info, target.value)
        text = f"{comparison} {body}".strip()
        if target.wording is not None:
            text += f" ({loc.quote(self.text(target.wording))})"
        return text

    def latest(self, info: IndicatorStatus) -> str:
        """The latest value counted, with the reference series' value of its period."""
        text = self.value_at(info, info.latest)
        if info.latest is not None and info.reference_value is not None:
            text += "; " + self.localizer.gettext(
                "reference %(value)s", value=self.value(info, info.reference_value.value)
            )
        return text

    def outcome(self, item: Judgement) -> str:
        """What the values say: ``achieved``, ``not achieved (for 2025)``..."""
        info = item.indicator
        if info is None:
            return ""
        text = self.localizer.gettext(OUTCOMES[info.outcome])
        if info.outcome is Outcome.NOT_ACHIEVED and item.state is not State.NOT_ACHIEVED:
            text = self.localizer.gettext("not achieved yet")  # its deadline has not passed
        if item.recurring is not None:
            text = self.localizer.gettext(
                "%(outcome)s for %(year)s", outcome=text, year=item.recurring.year
            )
        return text

    def change(self, info: IndicatorStatus) -> str:
        """The values progress compares: ``40 % (2023) → 45 % (2025)``; empty without them."""
        progress = info.numeric_progress
        if progress is None or progress.base_value is None or progress.latest_value is None:
            return ""
        return (
            f"{self.value(info, progress.base_value)} ({progress.base_period}) → "
            f"{self.value(info, progress.latest_value)} ({progress.latest_period})"
        )

    def progress(self, info: IndicatorStatus) -> str:
        """The progress status's name: ``on track``, ``target achieved``..."""
        return self.localizer.gettext(PROGRESS_LABELS[info.progress_key])

    def used_by(self, info: IndicatorStatus) -> str:
        """``goal X, action Y``, or ``no goal or action``."""
        if not info.used_by:
            return self.localizer.gettext("no goal or action")
        return ", ".join(f"{self.kind(ref.kind)} {ref.id}" for ref in info.used_by)
