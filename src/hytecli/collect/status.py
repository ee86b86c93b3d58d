"""``hyte collect status``: per responsible party, what is recorded for the year and what is not.

It reads the same rows as the workbooks (:func:`hytecli.collect.parties.collection_round`): a
goal or action is *assessed* when the plan holds its assessment of the year that counts on the
day judged (:attr:`hytecli.judgement.Judgement.assessment`), an indicator period is *recorded*
when the plan holds its whole-area value (the judgement's values). Goals and actions without a
responsible party are listed apart, since no workbook asks about them.

The JSON (:func:`status_json`) is stable: keys as documented in ``docs/collect.md``, parties
and items in plan order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hytecli.collect.parties import CollectionRound, IndicatorRow, ItemRow
from hytecli.i18n import Localizer
from hytecli.json_text import indented_json
from hytecli.values import format_value
from hytecli.wording import Wording


@dataclass(frozen=True)
class PartyStatus:
    """One party's part of the year's round.

    Attributes:
        name: The party's name in the plan's language.
        assessed: Its goals and actions assessed for the year.
        unassessed: Its goals and actions not yet assessed for the year.
        recorded: Its indicator periods of the year with a value.
        missing: Its indicator periods of the year without a value.
    """

    name: str
    assessed: tuple[ItemRow, ...]
    unassessed: tuple[ItemRow, ...]
    recorded: tuple[IndicatorRow, ...]
    missing: tuple[IndicatorRow, ...]

    @property
    def complete(self) -> bool:
        """Whether nothing is missing."""
        return not self.unassessed and not self.missing


@dataclass(frozen=True)
class CollectStatus:
    """The year's round: every party's status, and the goals and actions nobody is asked about.

    Attributes:
        round: The collection round it was read from.
        parties: One status per party, in plan order.
        unowned: Goals and actions without a responsible party, split like a party's.
    """

    round: CollectionRound
    parties: tuple[PartyStatus, ...]
    unowned: PartyStatus


def _party_status(
    name: str, items: tuple[ItemRow, ...], indicators: tuple[IndicatorRow, ...]
) -> PartyStatus:
    return PartyStatus(
        name,
        tuple(row for row in items if row.recorded is not None),
        tuple(row for row in items if row.recorded is None),
        tuple(row for row in indicators if row.recorded is not None),
        tuple(row for row in indicators if row.recorded is None),
    )


def collect_status(round_: CollectionRound) -> CollectStatus:
    """What is recorded and missing for each party of the round.

    Args:
        round_: The collection round (:func:`hytecli.collect.parties.collection_round`).

    Returns:
        The :class:`CollectStatus`.
    """
    parties = tuple(
        _party_status(party.name, party.items, party.indicators) for party in round_.parties
    )
    return CollectStatus(round_, parties, _party_status("", round_.unowned, ()))


def _title(round_: CollectionRound, row: ItemRow) -> str:
    return row.item.node.title.get(round_.language)[0]


def _indicator_name(round_: CollectionRound, row: IndicatorRow) -> str:
    return row.indicator.model.name.get(round_.language)[0]


def _item_lines(words: Wording, heading: str, rows: tuple[ItemRow, ...]) -> list[str]:
    """``    Title (goal id): status``: the name first, so that a colon never splits it."""
    if not rows:
        return []
    lines = [f"  {heading}:"]
    for row in rows:
        item = row.item
        line = f"    {words.text(item.node.title)} ({words.kind(item.kind)} {item.id})"
        if row.recorded is not None:
            line += f": {words.assessment_status(row.recorded.status)}"
        lines.append(line)
    return lines


def _indicator_lines(words: Wording, heading: str, rows: tuple[IndicatorRow, ...]) -> list[str]:
    """``    Name (2024-H1, id): value``: the name first, the value (which may hold colons) last."""
    if not rows:
        return []
    lines = [f"  {heading}:"]
    for row in rows:
        model = row.indicator.model
        line = f"    {words.text(model.name)} ({row.period}, {model.id})"
        if row.recorded is not None:
            info = row.judgement.indicator
            value = row.recorded.value
            shown = words.value(info, value) if info is not None else format_value(value)
            line += f": {shown}"
        lines.append(line)
    return lines


def _counts(loc: Localizer, party: PartyStatus) -> str:
    items = len(party.assessed) + len(party.unassessed)
    periods = len(party.recorded) + len(party.missing)
    # the noun agrees with the total: "0/1 indicator period recorded", "1/2 indicator periods"
    assessed = loc.ngettext(
        "%(done)s/%(num)s goal or action assessed",
        "%(done)s/%(num)s goals and actions assessed",
        items,
        done=len(party.assessed),
    )
    recorded = loc.ngettext(
        "%(done)s/%(num)s indicator period recorded",
        "%(done)s/%(num)s indicator periods recorded",
        periods,
        done=len(party.recorded),
    )
    return f"{assessed}, {recorded}"


def status_text(status: CollectStatus, *, language: str = "en", show_recorded: bool = True) -> str:
    """The round in plain text for the coordinator: counts, then what is missing per party.

    Args:
        status: From :func:`collect_status`.
        language: The text's language (``fi``, ``sv``, ``en``); plan texts missing in it are
            shown in the plan's language.
        show_recorded: Also list what is recorded (not only what is missing).

    Returns:
        The text, ending in a line break.
    """
    round_ = status.round
    words = Wording.for_language(language, round_.language)
    loc = words.localizer
    complete = sum(1 for party in status.parties if party.complete)
    lines = [
        loc.ngettext(
            "Collection round %(year)s (as on %(date)s): %(complete)s of %(num)s responsible "
            "party complete",
            "Collection round %(year)s (as on %(date)s): %(complete)s of %(num)s responsible "
            "parties complete",
            len(status.parties),
            year=round_.year,
            date=loc.date(round_.day),
            complete=complete,
        )
    ]
    for party in status.parties:
        mark = (
            loc.pgettext("collect status", "complete")
            if party.complete
            else loc.pgettext("collect status", "something missing")
        )
        lines += ["", f"{party.name} — {_counts(loc, party)} ({mark})"]
        lines += _item_lines(
            words, loc.pgettext("collect status", "not assessed"), party.unassessed
        )
        lines += _indicator_lines(words, loc.pgettext("collect status", "no value"), party.missing)
        if show_recorded:
            lines += _item_lines(words, loc.pgettext("collect status", "assessed"), party.assessed)
            lines += _indicator_lines(
                words, loc.pgettext("collect status", "recorded"), party.recorded
            )
    unowned = status.unowned
    if unowned.assessed or unowned.unassessed:
        heading = loc.gettext("Without a responsible party (in no workbook)")
        lines += ["", f"{heading} — {_counts(loc, unowned)}"]
        lines += _item_lines(
            words, loc.pgettext("collect status", "not assessed"), unowned.unassessed
        )
        if show_recorded:
            lines += _item_lines(
                words, loc.pgettext("collect status", "assessed"), unowned.assessed
            )
    return "\n".join(lines) + "\n"


def _item_json(round_: CollectionRound, row: ItemRow) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": row.item.kind,
        "id": row.item.id,
        "title": _title(round_, row),
    }
    if row.recorded is not None:
        data["status"] = row.recorded.status.value
    return data


def _indicator_json(round_: CollectionRound, row: IndicatorRow) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": row.indicator.id,
        "period": str(row.period),
        "name": _indicator_name(round_, row),
    }
    if row.recorded is not None:
        data["value"] = row.recorded.value
    return data


def _party_json(round_: CollectionRound, party: PartyStatus) -> dict[str, Any]:
    return {
        "complete": party.complete,
        "assessed": [_item_json(round_, row) for row in party.assessed],
        "not_assessed": [_item_json(round_, row) for row in party.unassessed],
        "recorded": [_indicator_json(round_, row) for row in party.recorded],
        "missing": [_indicator_json(round_, row) for row in party.missing],
    }


def status_json(status: CollectStatus) -> str:
    """The round as JSON (see ``docs/collect.md`` for its keys).

    Returns:
        ``{"year", "as_of", "parties": [{"responsible", "complete", "assessed",
        "not_assessed", "recorded", "missing"}], "without_responsible": {"assessed",
        "not_assessed"}}``, indented, ending in a line break.
    """
    round_ = status.round
    data = {
        "year": round_.year,
        "as_of": round_.day.isoformat(),
        "parties": [
            {"responsible": party.name, **_party_json(round_, party)} for party in status.parties
        ],
        "without_responsible": {
            "assessed": [_item_json(round_, row) for row in status.unowned.assessed],
            "not_assessed": [_item_json(round_, row) for row in status.unowned.unassessed],
        },
    }
    return indented_json(data) + "\n"
