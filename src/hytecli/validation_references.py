"""The cross-reference rules of ``hyte validate``: ids, references and the plan's structure.

R001 unique ids, R002 references to indicators, R003/P001/P002 the plan's list of priority
areas, R006 areas' sources, R007 unused indicators, R008 file names, P003/P004 empty priority
areas and goals.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from hytecli.findings import Finding
from hytecli.validation_common import (
    WARNING,
    CheckContext,
    article,
    place_of,
    raw_ids,
    suggest,
)
from hytecli.yaml_document import DataPath, YamlDocument


class ReferenceChecks(CheckContext):
    """The rules about ids, references between files and the plan's structure."""

    # -- R001 ----------------------------------------------------------------------------------

    def duplicate_ids(self) -> Iterator[Finding]:
        """R001: an id is defined twice anywhere in the plan (or an area is listed twice)."""
        defined: list[tuple[str, str, YamlDocument, DataPath]] = []
        plan_doc = self.repo.plan_document
        if self.plan is not None:
            for i, term in enumerate(self.plan.council_terms):
                defined.append((term.id, "council term", plan_doc, ("council_terms", i, "id")))
            for i, source in enumerate(self.plan.sources):
                defined.append((source.id, "source", plan_doc, ("sources", i, "id")))
        for record in self.repo.areas:
            defined.append((record.area.id, "priority area", record.document, ("id",)))
        for item in self.items:
            defined.append((item.id, item.kind, item.area.document, (*item.data_path, "id")))
        for ind in self.repo.indicators:
            defined.append((ind.indicator.id, "indicator", ind.document, ("id",)))

        first: dict[str, tuple[str, YamlDocument, DataPath]] = {}
        for ident, kind, document, data_path in defined:
            if ident not in first:
                first[ident] = (kind, document, data_path)
                continue
            other_kind, other_doc, other_path = first[ident]
            yield document.finding(
                data_path,
                "R001",
                f"duplicate id '{ident}': also used at {place_of(other_doc, other_path)} "
                f"({article(other_kind)} {other_kind}); ids must be unique across the whole "
                f"plan: give this {kind} another id",
            )

        if self.plan is not None:
            listed: dict[str, int] = {}
            for i, listing in enumerate(self.plan.priority_areas):
                if listing.id in listed:
                    where = place_of(plan_doc, ("priority_areas", listed[listing.id], "id"))
                    yield plan_doc.finding(
                        ("priority_areas", i, "id"),
                        "R001",
                        f"priority area '{listing.id}' is listed twice in priority_areas: "
                        f"also at {where}; remove one of them",
                    )
                else:
                    listed[listing.id] = i

    # -- R002 ----------------------------------------------------------------------------------

    def indicator_references(self) -> Iterator[Finding]:
        """R002: a goal or action refers to an indicator that has no file."""
        known = {record.indicator.id for record in self.repo.indicators}
        broken: set[str] = set()
        for document in self.repo.broken_indicators:
            broken |= raw_ids(document)
        for item in self.items:
            for k, ref in enumerate(item.node.indicators):
                if ref in known or ref in broken:
                    continue
                yield item.area.document.finding(
                    (*item.data_path, "indicators", k),
                    "R002",
                    f"indicator '{ref}' does not exist: no file in indicators/ has this id; "
                    f"{suggest(ref, known)}correct the id, or add indicators/{ref}.yaml",
                )

    # -- R003, P001, P002 ----------------------------------------------------------------------

    def priority_areas(self) -> Iterator[Finding]:
        """R003 unlisted area file; P001 listed area without a file; P002 titles differ."""
        if self.plan is None:
            return
        plan_doc = self.repo.plan_document
        listed: dict[str, int] = {}  # id -> its first place in the list
        for i, listing in enumerate(self.plan.priority_areas):
            listed.setdefault(listing.id, i)
        without_file = [i for i in listed if self.repo.area(i) is None]
        for record in self.repo.areas:
            if record.area.id not in listed:
                yield record.document.finding(
                    ("id",),
                    "R003",
                    f"priority area '{record.area.id}' is not listed in plan/plan.yaml "
                    f"priority_areas: {suggest(record.area.id, without_file)}add it there in "
                    "the plan's order, or correct the id",
                )
        broken: set[str] = set()
        for document in self.repo.broken_areas:
            broken |= raw_ids(document)
        for listing_id, i in listed.items():
            listing = self.plan.priority_areas[i]
            section = self.repo.area(listing_id)
            if section is None:
                if listing_id not in broken:
                    yield plan_doc.finding(
                        ("priority_areas", i, "id"),
                        "P001",
                        f"priority area '{listing_id}' is listed in the plan's introduction but "
                        f"has no section of its own: no file in plan/ has this id (add "
                        f"plan/{listing_id}.yaml if the plan has a section for it)",
                        WARNING,
                    )
                continue
            if listing.title.words_differ(section.area.title):
                yield section.document.finding(
                    ("title",),
                    "P002",
                    f'the title "{self.text(section.area.title)}" differs from the plan\'s list '
                    f'of priority areas ("{self.text(listing.title)}", '
                    f"{place_of(plan_doc, ('priority_areas', i, 'title'))}): if the plan words "
                    "them differently, keep both; otherwise make them the same",
                    WARNING,
                )

    # -- R006 ----------------------------------------------------------------------------------

    def area_sources(self) -> Iterator[Finding]:
        """R006: an area cites a source that plan.yaml does not list."""
        if self.plan is None:
            return
        known = {source.id for source in self.plan.sources}
        for record in self.repo.areas:
            for k, ref in enumerate(record.area.sources):
                if ref not in known:
                    yield record.document.finding(
                        ("sources", k),
                        "R006",
                        f"source '{ref}' is not in plan/plan.yaml sources: "
                        f"{suggest(ref, known)}add it there, or correct the id",
                    )

    # -- R007 ----------------------------------------------------------------------------------

    def unused_indicators(self) -> Iterator[Finding]:
        """R007 (warning): an indicator no goal or action refers to."""
        if self.repo.broken_areas:
            return  # the references in the broken area files are unknown
        used = {ref for item in self.items for ref in item.node.indicators}
        for record in self.repo.indicators:
            if record.indicator.id not in used:
                yield record.document.finding(
                    ("id",),
                    "R007",
                    f"indicator '{record.indicator.id}' is not used by any goal or action: list "
                    "it under the indicators of the goal or action it measures, or delete the file",
                    WARNING,
                )

    # -- R008 ----------------------------------------------------------------------------------

    def file_names(self) -> Iterator[Finding]:
        """R008 (warning): a file whose name is not its id."""
        records: list[tuple[str, YamlDocument, str]] = [
            (r.path, r.document, r.area.id) for r in self.repo.areas
        ]
        records += [(r.path, r.document, r.indicator.id) for r in self.repo.indicators]
        for path, document, ident in records:
            file = PurePosixPath(path)
            if file.stem != ident:
                yield document.finding(
                    ("id",),
                    "R008",
                    f"{path} holds id '{ident}': rename the file to "
                    f"{file.with_stem(ident).as_posix()} (and keep the id: ids never change once "
                    "published)",
                    WARNING,
                )

    # -- P003, P004 ----------------------------------------------------------------------------

    def empty_areas_and_goals(self) -> Iterator[Finding]:
        """P003 (warning) area without goals; P004 (warning) goal without any indicator."""
        for record in self.repo.areas:
            if not record.area.goals:
                where = ("goals",) if ("goals",) in record.document.value_marks else ("id",)
                yield record.document.finding(
                    where,
                    "P003",
                    f"priority area '{record.area.id}' has no goals: add the plan's goals for it "
                    "under goals:",
                    WARNING,
                )
        for item in self.items:
            if item.kind != "goal":
                continue
            goal = item.goal
            if goal.indicators or any(action.indicators for action in goal.actions):
                continue
            yield item.area.document.finding(
                (*item.data_path, "id"),
                "P004",
                f"goal '{goal.id}' has no indicators, neither its own nor on any of its actions: "
                "add the plan's indicators (mittarit) under indicators: so that progress can be "
                "followed",
                WARNING,
            )
