"""``hyte sotkanet fetch``: which Sotkanet indicators and years to ask for, and asking.

The indicators are the plan's indicators with a ``data_source.sotkanet_id`` (or those named:
by hyte id, or by Sotkanet id); the years are ``--years A-B``, by default the plan period's
years up to the current one. For each Sotkanet indicator its metadata (``/indicators/{id}``)
is asked for first, so that an unknown id is a clear error, then its data (``/json``) for the
genders the plan's indicators use; the regions list (``/regions``) is asked for once. The rows
are then recorded by :func:`hytecli.sotkanet.importing.import_rows`, exactly as an import of
saved files would record them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from hytecli.repository import PlanRepository
from hytecli.sotkanet.client import SotkanetClient
from hytecli.sotkanet.data import DataRow, read_data
from hytecli.sotkanet.regions import Region, SotkanetError, read_regions


@dataclass(frozen=True)
class Fetched:
    """What was fetched: the data rows, the regions list, and each indicator's Finnish title."""

    rows: list[DataRow]
    regions: list[Region]
    titles: dict[int, str]


def parse_years(text: str) -> tuple[int, int]:
    """``2022-2025`` or ``2024`` → (first, last); SotkanetError for anything else."""
    first, _, last = text.strip().partition("-")
    try:
        years = (int(first), int(last or first))
    except ValueError:
        raise SotkanetError(f"--years {text!r}: write a year or a range, e.g. 2022-2025") from None
    if not 1900 <= years[0] <= years[1] <= 2200:
        raise SotkanetError(f"--years {text!r}: the first year must not be after the last")
    return years


def wanted_indicators(repository: PlanRepository, names: list[str]) -> dict[int, set[str]]:
    """Sotkanet id → the genders to fetch, for the named indicators (all when none named).

    Raises:
        SotkanetError: a name is neither an indicator of the plan with a ``sotkanet_id`` nor
            the Sotkanet id of one.
    """
    found: dict[int, set[str]] = {}
    sourced = [
        r.indicator
        for r in repository.indicators
        if r.indicator.data_source is not None and r.indicator.data_source.sotkanet_id is not None
    ]
    for name in names or [i.id for i in sourced]:
        matches = [i for i in sourced if i.id == name or str(i.data_source.sotkanet_id) == name]  # type: ignore[union-attr]
        if not matches:
            known = ", ".join(i.id for i in sourced) or "none has one"
            raise SotkanetError(
                f"'{name}' is not an indicator of this plan with a Sotkanet id "
                f"(data_source.sotkanet_id; those with one: {known})"
            )
        for indicator in matches:
            source = indicator.data_source
            assert source is not None and source.sotkanet_id is not None
            found.setdefault(source.sotkanet_id, set()).add(source.sotkanet_gender or "total")
    if not found:
        raise SotkanetError(
            "no indicator of this plan names a Sotkanet indicator: add data_source: "
            "{sotkanet_id: N} to those published in Sotkanet"
        )
    return found


def _check_json(body: bytes, url: str) -> object:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SotkanetError(f"{url}: the answer is not JSON; try again later") from None


def fetch(
    client: SotkanetClient, indicators: dict[int, set[str]], years: tuple[int, int]
) -> Fetched:
    """Ask Sotkanet for the regions and for each indicator's metadata and data.

    Raises:
        SotkanetError: unreachable, an error answer, or an answer that does not read.
    """
    regions_raw = client.get("regions", None, read_regions)
    regions = read_regions(regions_raw, client.url("regions"))
    rows: list[DataRow] = []
    titles: dict[int, str] = {}
    for sotkanet_id, genders in sorted(indicators.items()):
        meta = _check_json(client.get(f"indicators/{sotkanet_id}", None, _check_json), "")
        if not isinstance(meta, dict):
            raise SotkanetError(
                f"{client.url(f'indicators/{sotkanet_id}')}: indicator metadata is a mapping"
            )
        title = meta.get("title")
        titles[sotkanet_id] = str(title.get("fi", "")) if isinstance(title, dict) else ""
        params = [("indicator", str(sotkanet_id))]
        params += [("years", str(y)) for y in range(years[0], years[1] + 1)]
        params += [("genders", g) for g in sorted(genders)]
        body = client.get("json", params, read_data)
        got = read_data(body, client.url("json", params))
        wrong = [row for row in got if row.indicator != sotkanet_id]
        if wrong:
            raise SotkanetError(
                f"{wrong[0].where}: Sotkanet answered with indicator {wrong[0].indicator} when "
                f"asked for {sotkanet_id}; try again later"
            )
        rows += got
    return Fetched(rows, regions, titles)
