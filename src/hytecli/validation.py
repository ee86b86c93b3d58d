"""Cross-file checks of a loaded plan repository: what ``hyte validate`` reports.

:func:`hytecli.repository.load_repository` already reports what is wrong inside one file (YAML
``Y`` codes and shape ``S`` codes). :func:`validate_repository` adds the checks that need the
whole plan: unique ids, references between files, the plan's list of priority areas, deadlines
against the plan period and the council terms, completion records, and indicators' targets and
recorded values against their kind. Every rule has a stable code, documented with its fix in
``docs/validate.md``; every finding points at the line and column of the key or value concerned.

Files that did not load are not judged again here, and the checks avoid follow-on findings about
them (a reference to an indicator whose file has an error is not reported as unknown).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from hytecli.deadlines import ResolvedDeadline, UnknownCouncilTerm, resolve_deadline
from hytecli.findings import Finding, Severity, sort_findings
from hytecli.models import Deadline, PlanFile, Text
from hytecli.periods import Period, PeriodKind
from hytecli.plausibility import completion_date_problem, value_date_problem
from hytecli.repository import IndicatorRecord, PlanItem, PlanRepository
from hytecli.sotkanet.series import COUNTRY_SERIES, allowed_series, has_sotkanet_source
from hytecli.yamlfile import DataPath, YamlDocument

WARNING = Severity.WARNING


def validate_repository(repo: PlanRepository) -> list[Finding]:
    """Return every finding about ``repo``: load and shape errors plus all cross-file checks.

    Args:
        repo: A repository loaded by :func:`hytecli.repository.load_repository`.

    Returns:
        The findings sorted by file, line, column and code (see
        :func:`hytecli.findings.sort_findings`); empty when the plan is clean.

    """
    checks = _Checks(repo)
    return sort_findings([*repo.findings, *checks.run()])


# --- helpers ----------------------------------------------------------------------------------


def _suggest(wrong: str, known: Iterable[str]) -> str:
    """Return ``"did you mean 'a' or 'b'? "`` for the closest known ids, or ``""``."""
    close = difflib.get_close_matches(wrong, sorted(set(known)), n=3, cutoff=0.6)
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "? "


def _where(document: YamlDocument, data_path: DataPath) -> str:
    """Return ``path:line`` of ``data_path`` in ``document``, for naming another place."""
    return f"{document.path}:{document.locate(data_path)[0]}"


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def _is_number(value: Any) -> bool:
    """True for a finite number (not a bool, not infinity or NaN, not too large for a float)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def _kind_problem(kind: str, value: Any, what: str) -> str | None:
    """Say what is wrong with ``value`` for an indicator of ``kind``, or ``None`` if it fits.

    Shared by targets and baselines (I001) and recorded values (I004). ``what`` names the value
    in the message ("value", "target value", "baseline value"). Numbers must be finite
    (:func:`math.isfinite`): the strict reader already refuses ``1e999``, and this keeps any
    infinity or NaN from a model built another way out of the status, reports and exports.
    """
    quoted = (
        " (write numbers without quotes, with a decimal point: 12.5, 1234)"
        if isinstance(value, str)
        else ""
    )
    if kind == "yes_no":
        if isinstance(value, bool):
            return None
        return f"a yes/no indicator's {what} must be true or false, not {value!r}"
    if kind == "text":
        if isinstance(value, str):
            return None
        return f"a text indicator's {what} must be text, not {value!r}: put it in quotes"
    if kind == "count":
        if _is_number(value) and value >= 0 and float(value).is_integer():
            return None
        fix = quoted
        if _is_number(value) and value > 0:
            low, high = math.floor(value), math.ceil(value)
            fix = (
                f": counts are whole numbers, so write {low} or {high}, or change kind (e.g. to "
                "rate)"
            )
        return f"a count's {what} must be a whole number, 0 or more, not {value!r}{fix}"
    if kind == "percentage":
        if _is_number(value) and 0 <= value <= 100:
            return None
        return f"a percentage's {what} must be a number from 0 to 100, not {value!r}{quoted}"
    if kind == "rate":
        if _is_number(value) and value >= 0:
            return None
        return f"a rate's {what} must be a number, 0 or more, not {value!r}{quoted}"
    return None  # pragma: no cover - the model allows only the kinds above


def _get(data: Any, *keys: str) -> Any:
    """Return ``data[k1][k2]...`` from raw YAML data, or ``None`` when any step is missing."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _raw_id(document: YamlDocument) -> set[str]:
    """Return the ids a file that failed to load probably holds: its ``id``, its file name."""
    ids = {PurePosixPath(document.path).stem}
    raw = _get(document.data, "id")
    if isinstance(raw, str):
        ids.add(raw)
    return ids


@dataclass(frozen=True)
class _DeadlineAt:
    """A deadline as written in the plan, with where it is and whose it is."""

    document: YamlDocument
    data_path: DataPath  # of the ``deadline`` value
    owner: str  # "goal 'x'", "action 'y'", "indicator 'z' target"
    deadline: Deadline


def _deadline_value_path(document: YamlDocument, base: DataPath) -> DataPath:
    """Point at ``due``/``term_end``/``recurring`` inside a deadline mapping, else the value."""
    for key in ("due", "term_end", "recurring"):
        if (*base, key) in document.value_marks:
            return (*base, key)
    return base


class _Checks:
    """All cross-file rules, run over one repository."""

    def __init__(self, repo: PlanRepository) -> None:
        self.repo = repo
        self.plan: PlanFile | None = repo.plan
        self.language = self.plan.language if self.plan else "fi"
        self.items: list[PlanItem] = list(repo.items())

    def run(self) -> list[Finding]:
        """Run every rule and return its findings (unsorted)."""
        findings: list[Finding] = []
        for rule in (
            self.duplicate_ids,
            self.indicator_references,
            self.priority_areas,
            self.area_sources,
            self.unused_indicators,
            self.file_names,
            self.empty_areas_and_goals,
            self.deadlines,
            self.completions,
            self.targets_and_baselines,
            self.values,
        ):
            findings.extend(rule())
        return findings

    # -- small helpers -----------------------------------------------------------------------

    def text(self, value: Text | None) -> str:
        """Return the text in the plan's language (else its first language)."""
        return value.get(self.language)[0] if value is not None else ""

    def describe(self, resolved: ResolvedDeadline) -> str:
        """Describe a deadline for messages: as written, as a date, and the plan's wording."""
        assert resolved.due is not None
        due = resolved.due.isoformat()
        if resolved.form == "term_end":
            shown = f"end of council term {resolved.written} (= {due})"
        elif resolved.written != due:
            shown = f"{resolved.written} (= {due})"
        else:
            shown = due
        if resolved.wording is not None:
            shown += f' "{self.text(resolved.wording)}"'
        return shown

    def all_deadlines(self) -> Iterator[_DeadlineAt]:
        """Yield every deadline of goals, actions and indicator targets."""
        for item in self.items:
            if item.node.deadline is not None:
                yield _DeadlineAt(
                    item.area.document,
                    (*item.data_path, "deadline"),
                    f"{item.kind} '{item.id}'",
                    item.node.deadline,
                )
        for record in self.repo.indicators:
            target = record.indicator.target
            if target is not None and target.deadline is not None:
                yield _DeadlineAt(
                    record.document,
                    ("target", "deadline"),
                    f"indicator '{record.indicator.id}' target",
                    target.deadline,
                )

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
                f"duplicate id '{ident}': also used at {_where(other_doc, other_path)} "
                f"({_article(other_kind)} {other_kind}); ids must be unique across the whole "
                f"plan: give this {kind} another id",
            )

        if self.plan is not None:
            listed: dict[str, int] = {}
            for i, listing in enumerate(self.plan.priority_areas):
                if listing.id in listed:
                    where = _where(plan_doc, ("priority_areas", listed[listing.id], "id"))
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
            broken |= _raw_id(document)
        for item in self.items:
            for k, ref in enumerate(item.node.indicators):
                if ref in known or ref in broken:
                    continue
                yield item.area.document.finding(
                    (*item.data_path, "indicators", k),
                    "R002",
                    f"indicator '{ref}' does not exist: no file in indicators/ has this id; "
                    f"{_suggest(ref, known)}correct the id, or add indicators/{ref}.yaml",
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
                    f"priority_areas: {_suggest(record.area.id, without_file)}add it there in "
                    "the plan's order, or correct the id",
                )
        broken: set[str] = set()
        for document in self.repo.broken_areas:
            broken |= _raw_id(document)
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
            if _titles_differ(listing.title, section.area.title):
                yield section.document.finding(
                    ("title",),
                    "P002",
                    f'the title "{self.text(section.area.title)}" differs from the plan\'s list '
                    f'of priority areas ("{self.text(listing.title)}", '
                    f"{_where(plan_doc, ('priority_areas', i, 'title'))}): if the plan words "
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
                        f"{_suggest(ref, known)}add it there, or correct the id",
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

    # -- R004, D001, D002 ----------------------------------------------------------------------

    def deadlines(self) -> Iterator[Finding]:
        """R004 unknown council term; D001 outside the plan period; D002 action vs indicator."""
        if self.plan is None:
            return
        plan = self.plan
        start, end = plan.period.start, plan.period.end
        terms = [term.id for term in plan.council_terms]
        for at in self.all_deadlines():
            value_path = _deadline_value_path(at.document, at.data_path)
            try:
                resolved = resolve_deadline(at.deadline, plan)
            except UnknownCouncilTerm:
                term = at.deadline.term_end or ""
                yield at.document.finding(
                    value_path,
                    "R004",
                    f"council term '{term}' is not defined in plan/plan.yaml council_terms "
                    f"(defined: {', '.join(terms) or 'none'}): {_suggest(term, terms)}correct "
                    "the id, or add the term to plan.yaml",
                )
                continue
            if resolved.due is None:  # recurring: due every year of the period
                continue
            if resolved.due < start or resolved.due > end:
                side = "before the start" if resolved.due < start else "after the end"
                yield at.document.finding(
                    value_path,
                    "D001",
                    f"the {at.owner} deadline {self.describe(resolved)} is {side} of the plan "
                    f"period ({start.isoformat()} – {end.isoformat()}): check the date; if the "
                    "plan really says so, keep it",
                    WARNING,
                )
        yield from self._action_vs_indicator_deadlines(plan)

    def _action_vs_indicator_deadlines(self, plan: PlanFile) -> Iterator[Finding]:
        for item in self.items:
            action = item.action
            if action is None or item.deadline is None or item.deadline.due is None:
                continue
            for ref in dict.fromkeys(action.indicators):
                record = self.repo.indicator(ref)
                ind_deadline = _target_deadline(record, plan)
                if record is None or ind_deadline is None or ind_deadline.due is None:
                    continue
                if ind_deadline.due == item.deadline.due:
                    continue
                where = _where(record.document, ("target", "deadline"))
                yield item.area.document.finding(
                    _deadline_value_path(item.area.document, (*item.data_path, "deadline")),
                    "D002",
                    f"the action's deadline {self.describe(item.deadline)} differs from the "
                    f"deadline of its indicator '{ref}' {self.describe(ind_deadline)} "
                    f"({where}): if the plan says both, keep them; otherwise make them agree",
                    WARNING,
                )

    # -- D004, D005 ----------------------------------------------------------------------------

    def completions(self) -> Iterator[Finding]:
        """D004 completion period missing or wrong; D005 (warning) implausible completion date.

        D004: a completion's period is required for recurring items and wrong otherwise. D005: a
        completion dated outside the plan period and its year of grace (see
        :func:`completion_date_problem`).
        """
        for item in self.items:
            node = item.node
            document = item.area.document
            recurring = node.deadline is not None and node.deadline.recurring is not None
            for c, completion in enumerate(node.completed):
                path = (*item.data_path, "completed", c)
                year = (
                    completion.period.year if recurring and completion.period is not None else None
                )
                problem = (
                    completion_date_problem(completion.date, self.plan, year)
                    if self.plan is not None
                    else None
                )
                if problem is not None:
                    yield document.finding(
                        (*path, "date"),
                        "D005",
                        f"the completion date {completion.date.isoformat()} of {item.kind} "
                        f"'{item.id}' {problem}: check the date (a typo in the year?); if it "
                        "really was done then, keep it",
                        WARNING,
                    )
                if recurring and completion.period is None:
                    yield document.finding(
                        path,
                        "D004",
                        f"the {item.kind} '{item.id}' recurs every year, so each completion "
                        "must say which year it covers: add period: YYYY",
                    )
                elif recurring and completion.period is not None:
                    if completion.period.kind is not PeriodKind.YEAR:
                        yield document.finding(
                            (*path, "period"),
                            "D004",
                            f"the {item.kind} '{item.id}' recurs every year, so a completion "
                            f"covers a year, not {completion.period}: write "
                            f"period: {completion.period.year}",
                        )
                elif completion.period is not None:
                    yield document.finding(
                        (*path, "period"),
                        "D004",
                        f"the {item.kind} '{item.id}' has no recurring deadline, so a completion "
                        "has no period: remove period (date says when it was done)",
                    )

    # -- I001 ----------------------------------------------------------------------------------

    def targets_and_baselines(self) -> Iterator[Finding]:
        """I001: a target or baseline that does not fit the indicator's kind."""
        for record in self.repo.indicators:
            yield from self._target(record)
            yield from self._baseline(record)

    def _target(self, record: IndicatorRecord) -> Iterator[Finding]:
        ind = record.indicator
        document = record.document
        target = ind.target
        if target is None:
            return
        numeric = ind.kind in ("count", "percentage", "rate")
        if target.value is not None:
            if ind.kind == "text" and not isinstance(target.value, str):
                problem: str | None = (
                    "a text indicator has no numeric target: write the target in words, or "
                    "change kind"
                )
            else:
                problem = _kind_problem(ind.kind, target.value, "target value")
            if problem is not None:
                yield document.finding(("target", "value"), "I001", problem)
            if numeric and target.comparison is None:
                yield document.finding(
                    ("target",),
                    "I001",
                    f"the target {target.value!r} needs a comparison: add comparison: at_least, "
                    "at_most or equal (what counts as reaching it)",
                    prefer_key=True,
                )
        if target.reference is not None and not numeric:
            yield document.finding(
                ("target", "reference"),
                "I001",
                f"a {ind.kind} indicator cannot have a reference series as its target: only "
                "count, percentage and rate indicators can; write value: instead",
            )
        if target.comparison is not None and not numeric:
            yield document.finding(
                ("target", "comparison"),
                "I001",
                f"a {ind.kind} indicator's target has no comparison: remove comparison",
            )

    def _baseline(self, record: IndicatorRecord) -> Iterator[Finding]:
        ind = record.indicator
        if ind.baseline is None:
            return
        if ind.kind == "text":
            yield record.document.finding(
                ("baseline",),
                "I001",
                "a text indicator has no numeric baseline: remove baseline (describe the "
                "starting point in notes), or change kind",
                prefer_key=True,
            )
            return
        raw = _get(record.document.data, "baseline", "value")  # the model reads it as a float
        problem = _kind_problem(ind.kind, raw, "baseline value")
        if problem is not None:
            yield record.document.finding(("baseline", "value"), "I001", problem)

    # -- I002 - I006, R005 ---------------------------------------------------------------------

    def values(self) -> Iterator[Finding]:
        """I002-I006 and R005: the recorded values of each indicator."""
        for record in self.repo.indicators:
            yield from self._values(record)

    def _values(self, record: IndicatorRecord) -> Iterator[Finding]:
        ind = record.indicator
        document = record.document
        plan = self.plan
        municipalities = {m.code: self.text(m.name) for m in plan.municipalities} if plan else {}
        reference = ind.target.reference if ind.target is not None else None
        seen: dict[tuple[Period, str | None, str | None], int] = {}
        for i, entry in enumerate(ind.values):
            base: DataPath = ("values", i)
            period = entry.period
            if period.kind is not ind.reporting_period:
                yield document.finding(
                    (*base, "period"),
                    "I002",
                    f"period {period} is a {period.kind.noun} but this indicator is "
                    f"reported per {ind.reporting_period.noun} "
                    f"(reporting_period: {ind.reporting_period}): write the period like "
                    f"{ind.reporting_period.examples(period.year)}, or change reporting_period",
                )
            key = (period, entry.municipality, entry.series)
            if key in seen:
                first_line = document.locate(("values", seen[key]))[0]
                this_line = document.locate(base)[0]
                extra = "".join(
                    f", {name} {value}"
                    for name, value in zip(("municipality", "series"), key[1:], strict=True)
                    if value is not None
                )
                yield document.finding(
                    (*base, "period"),
                    "I003",
                    f"the value for period {period}{extra} is recorded twice: first on line "
                    f"{first_line}, again on line {this_line}; keep one of them (or correct the "
                    "period)",
                )
            else:
                seen[key] = i
            problem = _kind_problem(ind.kind, entry.value, "value")
            if problem is not None:
                yield document.finding((*base, "value"), "I004", problem)
            dated = value_date_problem(entry.date, period, plan) if entry.date else None
            if dated is not None:
                code, text = dated
                assert entry.date is not None
                yield document.finding(
                    (*base, "date"),
                    code,
                    f"the date {entry.date.isoformat()} of the value for {period} {text}: "
                    + (
                        "a value is achieved or recorded once its period has begun; correct "
                        "the date or the period"
                        if code == "I007"
                        else "check the date; if the value really is from then, keep it"
                    ),
                    Severity.ERROR if code == "I007" else WARNING,
                )
            if plan is not None and (
                period.end < plan.period.start or period.start > plan.period.end
            ):
                yield document.finding(
                    (*base, "period"),
                    "I005",
                    f"period {period} is outside the plan period ({plan.period.start.isoformat()}"
                    f" – {plan.period.end.isoformat()}): check the period",
                    WARNING,
                )
            if entry.series is not None and entry.series not in allowed_series(ind):
                has = (
                    f"its target's reference series is '{reference}'"
                    if reference is not None
                    else "its target has no reference series"
                )
                if not has_sotkanet_source(ind) and reference != COUNTRY_SERIES:
                    has += (
                        f"; '{COUNTRY_SERIES}' is allowed when data_source names its Sotkanet "
                        "indicator"
                    )
                yield document.finding(
                    (*base, "series"),
                    "I006",
                    f"series '{entry.series}' is not this indicator's reference series ({has}): "
                    "correct the series, or remove it if this is the indicator's own value",
                )
            if municipalities and entry.municipality not in (None, *municipalities):
                listed = ", ".join(f"{code} {name}" for code, name in municipalities.items())
                yield document.finding(
                    (*base, "municipality"),
                    "R005",
                    f"municipality code '{entry.municipality}' is not one of the plan's "
                    f"municipalities ({listed}): correct the code, or add the municipality "
                    "to plan/plan.yaml",
                )


def _titles_differ(listed: Text, own: Text) -> bool:
    """Compare two titles in the languages both give (whitespace runs count as one space)."""
    common = [lang for lang in listed.values if lang in own.values]
    if not common:
        return False  # nothing to compare: e.g. the list in Finnish, the area only in Swedish
    return any(
        " ".join(listed.values[lang].split()) != " ".join(own.values[lang].split())
        for lang in common
    )


def _target_deadline(record: IndicatorRecord | None, plan: PlanFile) -> ResolvedDeadline | None:
    if record is None or record.indicator.target is None:
        return None
    deadline = record.indicator.target.deadline
    if deadline is None:
        return None
    try:
        return resolve_deadline(deadline, plan)
    except UnknownCouncilTerm:
        return None  # reported as R004 at the indicator
