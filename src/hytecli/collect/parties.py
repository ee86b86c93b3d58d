"""Who reports what for a year: the responsible parties and their goals, actions and indicators.

The yearly collection round asks each responsible party (vastuutaho) about its own goals and
actions and the indicators they use. This module reads that from the resolved plan and from its
judgement for the year (:func:`hytecli.judge.judge_plan`), so that the workbooks
(:mod:`hytecli.collect.forms`) and ``hyte collect status`` (:mod:`hytecli.collect.status`) see
the same rows:

* A goal or action belongs to the parties in its ``responsible`` (an action without its own
  inherits its goal's: :attr:`hytecli.repository.PlanItem.responsible`). A goal's row is in the
  workbooks of the goal's own parties; an action's row names its goal for context.
* It is asked about in year Y unless it was cancelled or merged in an earlier year (the rule
  of the assessment round, :func:`hytecli.assessment_round.unassessed_year`): an item done or
  due in an earlier year is still asked about, as ``hyte status`` asks for its assessment.
* An indicator belongs to the parties of the goals and actions that use it and are asked about
  (:attr:`hytecli.resolved.ResolvedIndicator.responsible`); it has one row per period of Y of
  its ``reporting_period`` (``2024``; ``2024-H1`` and ``2024-H2``; ...).
* What is already recorded is the judgement's: the assessment of Y that counts on the day
  judged, and the whole-area values of the indicator's own series for each period.

Items without any responsible party are in no workbook; :attr:`CollectionRound.unowned` lists
them for the coordinator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hytecli.assessments import Assessment
from hytecli.errors import HyteError
from hytecli.judge import judge_plan
from hytecli.judgement import Judgement, ValueInfo
from hytecli.model_types import Text
from hytecli.periods import DateProblem, Period
from hytecli.repository import PlanItem
from hytecli.resolved import ResolvedIndicator, ResolvedPlan


class CollectRefused(HyteError):
    """A collect command cannot do what was asked (a year, a party, an output folder)."""

    exit_code = 2


@dataclass(frozen=True)
class ItemRow:
    """A goal or action a party is asked about.

    Attributes:
        item: The goal or action.
        judgement: Its judgement for the year.
    """

    item: PlanItem
    judgement: Judgement

    @property
    def recorded(self) -> Assessment | None:
        """Its assessment of the year already in the plan, if any."""
        return self.judgement.assessment


@dataclass(frozen=True)
class IndicatorRow:
    """One period of an indicator a party is asked about.

    Attributes:
        indicator: The indicator.
        period: A period of the year.
        recorded: Its whole-area value for the period already in the plan, if any.
        judgement: The indicator's judgement for the year (its kind, unit, target, values).
    """

    indicator: ResolvedIndicator
    period: Period
    recorded: ValueInfo | None
    judgement: Judgement


@dataclass(frozen=True)
class PartyRound:
    """A responsible party and what it is asked about for the year.

    Attributes:
        party: The party as the plan writes it (a :class:`~hytecli.model_types.Text`).
        name: Its name in the plan's language.
        items: Its goals and actions, in plan order.
        indicators: Its indicators' periods of the year, in plan order.
    """

    party: Text
    name: str
    items: tuple[ItemRow, ...]
    indicators: tuple[IndicatorRow, ...]


@dataclass(frozen=True)
class CollectionRound:
    """The collection round of a year: every party and what it is asked about.

    Attributes:
        resolved: The resolved plan.
        year: The year reported on.
        day: The day judged (what is recorded up to it counts as recorded).
        parties: Every responsible party, in order of first appearance in the plan.
        unowned: Goals and actions asked about that have no responsible party.
    """

    resolved: ResolvedPlan
    year: int
    day: date
    parties: tuple[PartyRound, ...]
    unowned: tuple[ItemRow, ...]

    @property
    def language(self) -> str:
        """The plan's language."""
        return self.resolved.plan.language


def year_periods(indicator: ResolvedIndicator, year: int) -> list[Period]:
    """The periods of ``year`` of the indicator's reporting period (``2024-H1``, ``2024-H2``)."""
    kind = indicator.model.reporting_period
    return [Period(year, index, kind) for index in range(1, kind.parts + 1)]


def _period_value(values: Sequence[ValueInfo], period: Period) -> ValueInfo | None:
    found = None
    for value in values:
        try:
            if Period.parse(value.period) == period:
                found = value
        except DateProblem:  # validate refuses such a period; nothing to show for it
            continue
    return found


def _asked(judgement: Judgement, year: int) -> bool:
    closed = judgement.closed_by
    return closed is None or closed.year >= year


def collection_round(resolved: ResolvedPlan, year: int, day: date) -> CollectionRound:
    """Work out who is asked about what for ``year`` (see the module's rules).

    Args:
        resolved: The resolved plan (valid: :func:`hytecli.usable.require_valid_plan`).
        year: The year reported on.
        day: The day judged, usually today in the plan's time zone.

    Returns:
        The :class:`CollectionRound`.

    Raises:
        CollectRefused: ``year`` is not a year of the plan period.
    """
    if year not in resolved.years:
        raise CollectRefused(
            f"--year {year} is outside the plan period {resolved.first_year}–"
            f"{resolved.last_year}: give a year of the plan period"
        )
    language = resolved.plan.language
    judgements = judge_plan(resolved, day=day, year=year)
    by_key = {(j.kind, j.id): j for j in judgements}
    items: dict[Text, list[ItemRow]] = {}
    unowned: list[ItemRow] = []
    users_of: dict[Text, set[str]] = {}
    for item in resolved.items:
        judgement = by_key[(item.kind, item.id)]
        if not _asked(judgement, year):
            continue
        row = ItemRow(item, judgement)
        parties: list[Text] = list(dict.fromkeys(item.responsible))
        if not parties:
            unowned.append(row)
        for party in parties:
            items.setdefault(party, []).append(row)
            users_of.setdefault(party, set()).add(item.id)
    indicators: dict[Text, list[IndicatorRow]] = {}
    for indicator in resolved.indicators:
        judged = by_key[("indicator", indicator.id)]
        values = judged.indicator.values if judged.indicator is not None else ()
        rows = [
            IndicatorRow(indicator, period, _period_value(values, period), judged)
            for period in year_periods(indicator, year)
        ]
        for party in indicator.responsible:
            asked = users_of.get(party, set())
            if any(user.id in asked for user in indicator.users):
                indicators.setdefault(party, []).extend(rows)
    rounds = tuple(
        PartyRound(party, party.get(language)[0], tuple(rows), tuple(indicators.get(party, ())))
        for party, rows in items.items()
    )
    return CollectionRound(resolved, year, day, rounds, tuple(unowned))


def match_party(round_: CollectionRound, wanted: str) -> PartyRound:
    """The party ``wanted`` names: its name (any language), case-insensitive, or a unique part.

    Args:
        round_: The collection round.
        wanted: As given to ``--responsible``.

    Returns:
        The party.

    Raises:
        CollectRefused: no party matches (the message lists them, with a close match if any),
            or the text is part of several parties' names (the message lists those).
    """
    from hytecli.recording.common import suggest

    text = " ".join(wanted.split()).casefold()
    if not text:
        raise CollectRefused("--responsible is empty: give a responsible party's name")

    def names(party: PartyRound) -> list[str]:
        return [" ".join(name.split()).casefold() for name in party.party.values.values()]

    exact = [party for party in round_.parties if text in names(party)]
    if len(exact) == 1:
        return exact[0]
    partial = [party for party in round_.parties if any(text in name for name in names(party))]
    if len(partial) == 1:
        return partial[0]
    if partial:
        listed = "; ".join(f"'{party.name}'" for party in partial)
        raise CollectRefused(
            f"--responsible '{wanted}' matches several responsible parties: {listed}; "
            "give more of the name"
        )
    known = [party.name for party in round_.parties]
    listed = "; ".join(f"'{name}'" for name in known) or "none"
    raise CollectRefused(
        f"--responsible '{wanted}' is no responsible party of {round_.year}"
        f"{suggest(wanted, known)}\nThe responsible parties are: {listed}"
    )
