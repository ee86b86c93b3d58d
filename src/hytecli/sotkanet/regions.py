"""Sotkanet's regions: reading the ``/regions`` list and finding the plan's regions in it.

Sotkanet's data rows name a region by Sotkanet's *internal* id, which changes (Länsi-Uudenmaan
hyvinvointialue was 889 and is 969 since the 2023 renumbering); official codes do not. So the
regions are always resolved from a ``/regions`` list by category and official code, never from
ids written into hyte:

* the plan's own area: category ``HYVINVOINTIALUE`` with ``organisation.code`` for a wellbeing
  services county (Statistics Finland's classification of wellbeing services counties, 01–21,
  and 90 for Helsinki), ``KUNTA`` for a municipality's plan;
* the whole country: category ``MAA`` (there is one, "Koko maa");
* the plan's municipalities: category ``KUNTA`` with each code in ``municipalities``.

Codes are compared as the official codes they are (:func:`same_code`): ``"3"``, ``"03"`` and
``3`` are the same county, ``"49"`` and ``"049"`` the same municipality.

Shapes: a ``/regions`` response is a JSON list of records ``{"id": 969, "code": "03",
"category": "HYVINVOINTIALUE", "title": {"fi": ..., "sv": ..., "en": ...}, "memberOf": [...]}``
(``code`` may be a string or a number).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from hytecli.errors import HyteError
from hytecli.models import PlanFile

COUNTY = "HYVINVOINTIALUE"
MUNICIPALITY = "KUNTA"
COUNTRY = "MAA"


class SotkanetError(HyteError):
    """Sotkanet data that cannot be used (malformed, unreachable, not matching the plan).

    Nothing was written to the plan when it is raised; the message says what to do.
    """


@dataclass(frozen=True)
class Region:
    """One record of Sotkanet's ``/regions`` list.

    Attributes:
        id: Sotkanet's internal region id (what data rows name).
        code: The official code as Sotkanet writes it (``"03"``, ``"049"``, ``"SSS"``).
        category: ``HYVINVOINTIALUE``, ``KUNTA``, ``MAA``, ...
        title: The Finnish title (else any), for messages.
    """

    id: int
    code: str
    category: str
    title: str


@dataclass(frozen=True)
class PlanRegions:
    """The plan's regions in Sotkanet.

    Attributes:
        area: The plan's own area (the county, or the municipality of a municipality's plan).
        country: The whole country.
        municipalities: Plan municipality code (as written in ``plan.yaml``) → its region.
    """

    area: Region
    country: Region
    municipalities: dict[str, Region] = field(default_factory=dict)

    def scope_of(self, region_id: int) -> tuple[str, str | None] | None:
        """What a data row of ``region_id`` is for this plan.

        Returns:
            ``("area", None)``, ``("country", None)``, ``("municipality", code)``, or ``None``
            for a region the plan does not need.
        """
        if region_id == self.area.id:
            return ("area", None)
        if region_id == self.country.id:
            return ("country", None)
        for code, region in self.municipalities.items():
            if region.id == region_id:
                return ("municipality", code)
        return None


def official_code(value: object) -> int | None:
    """The official code ``value`` stands for, as a number (``"049"`` → 49), else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        return int(value.strip())
    return None


def same_code(left: object, right: object) -> bool:
    """Whether two official codes are the same (``"3"``, ``"03"`` and ``3`` are)."""
    a, b = official_code(left), official_code(right)
    return a is not None and a == b


def read_regions(raw: bytes, source: str) -> list[Region]:
    """Read a ``/regions`` response.

    Args:
        raw: The response body (UTF-8 JSON, a byte-order mark accepted).
        source: The file name or URL, for messages.

    Raises:
        SotkanetError: it is not a list of region records (the message names the first bad one).
    """
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SotkanetError(
            f"{source}: not UTF-8 text (byte {exc.start}): not a regions file"
        ) from None
    except json.JSONDecodeError as exc:
        raise SotkanetError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}): give the file "
            "saved from Sotkanet's /regions"
        ) from None
    if not isinstance(data, list) or not data:
        raise SotkanetError(
            f"{source}: a /regions response is a JSON list of region records, found "
            f"{_kind(data)}: give the file saved from https://sotkanet.fi/rest/1.1/regions"
        )
    regions = []
    for number, item in enumerate(data, start=1):
        problem = _region_problem(item)
        if problem is not None:
            raise SotkanetError(
                f"{source}: region record {number} {problem}: is this the /regions response?"
            )
        title = item.get("title")
        if isinstance(title, dict):
            title = title.get("fi") or next((t for t in title.values() if t), "")
        regions.append(Region(item["id"], str(item["code"]), item["category"], str(title or "")))
    return regions


def _region_problem(item: object) -> str | None:
    if not isinstance(item, dict):
        return f"is {_kind(item)}, not a record"
    if not isinstance(item.get("id"), int) or isinstance(item.get("id"), bool):
        return "has no whole-number 'id'"
    if not isinstance(item.get("category"), str):
        return "has no 'category'"
    if not isinstance(item.get("code"), str | int) or isinstance(item.get("code"), bool):
        return "has no 'code'"
    return None


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "an empty list" if not value else "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else type(value).__name__


def _find(regions: list[Region], category: str, code: object) -> Region | None:
    for region in regions:
        if region.category == category and same_code(region.code, code):
            return region
    return None


def resolve_regions(regions: list[Region], plan: PlanFile) -> PlanRegions:
    """Find the plan's area, the whole country and the plan's municipalities in ``regions``.

    Raises:
        SotkanetError: ``organisation.code`` is missing or not a code, or a code of the plan is
            not in the list (the message names it and the category searched).
    """
    organisation = plan.organisation
    if organisation.type == "wellbeing_services_county":
        category, what = COUNTY, "wellbeing services county"
    elif organisation.type == "municipality":
        category, what = MUNICIPALITY, "municipality"
    else:
        raise SotkanetError(
            "Sotkanet has data for wellbeing services counties and municipalities; "
            "organisation.type in plan/plan.yaml is 'other'"
        )
    if organisation.code is None or official_code(organisation.code) is None:
        given = "none" if organisation.code is None else repr(organisation.code)
        raise SotkanetError(
            f"plan/plan.yaml: organisation.code is {given}: give the {what}'s official code "
            '(Statistics Finland), e.g. code: "03", so that its Sotkanet region can be found'
        )
    area = _find(regions, category, organisation.code)
    if area is None:
        raise SotkanetError(
            f"unknown region code {organisation.code}: the regions list has no {category} region "
            f"with code {organisation.code} (organisation.code in plan/plan.yaml); check the "
            "code, or save a current /regions response"
        )
    countries = [r for r in regions if r.category == COUNTRY]
    if not countries:
        raise SotkanetError(
            f"the regions list has no region of category {COUNTRY} (the whole country): save a "
            "complete /regions response"
        )
    municipalities: dict[str, Region] = {}
    missing = []
    for municipality in plan.municipalities:
        found = _find(regions, MUNICIPALITY, municipality.code)
        if found is None:
            missing.append(municipality.code)
        else:
            municipalities[municipality.code] = found
    if missing:
        raise SotkanetError(
            f"unknown region code {', '.join(missing)}: the regions list has no {MUNICIPALITY} "
            "region with this code (municipalities in plan/plan.yaml); check the code (a merged "
            "municipality?), or save a current /regions response"
        )
    return PlanRegions(area, countries[0], municipalities)
