"""Loading a plan repository: plan/plan.yaml, plan/*.yaml, indicators/*.yaml, reports/*.yaml.

:func:`load_repository` never raises for bad content: every file is read with the strict reader
(:mod:`hytecli.yamlfile`) and checked against its model (:mod:`hytecli.models`); problems become
located findings, and the files that are good are kept so that later checks can still run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from hytecli.deadlines import ResolvedDeadline, UnknownCouncilTerm, resolve_deadline
from hytecli.errors import HyteError
from hytecli.findings import Finding, Severity, sort_findings
from hytecli.hidden_text import hidden_character_findings
from hytecli.model_findings import read_file_model
from hytecli.model_findings import validate_model as validate_model  # re-exported
from hytecli.models import (
    Action,
    AreaFile,
    Deadline,
    Goal,
    IndicatorFile,
    PlanFile,
)
from hytecli.plan_files import YAML_SUFFIXES as YAML_SUFFIXES  # re-exported
from hytecli.plan_files import read_plan_files, yaml_files
from hytecli.plan_paths import leftover_temporary_files, template_findings
from hytecli.yaml_document import DataPath, YamlDocument
from hytecli.yamlfile import read_yaml_bytes
from hytecli.year_texts import REPORTS_DIR, YearTextsRecord, load_year_texts

PLAN_FILE = Path("plan") / "plan.yaml"
PLAN_DIR = "plan"
INDICATOR_DIR = "indicators"


class PlanHasErrors(HyteError):
    """The plan files have YAML or shape errors, so the plan cannot be used as data.

    The message lists the first errors (``path:line:col: ...``) and says to run hyte validate;
    ``listing`` holds just the list, for callers that word the sentence themselves.
    """

    def __init__(self, listing: str) -> None:
        super().__init__(
            f"the plan files have errors; fix them first (hyte validate lists them all):\n{listing}"
        )
        self.listing = listing


class RepositoryNotFound(HyteError):
    """No plan repository (a folder with ``plan/plan.yaml``) was found; the message says where."""

    exit_code = 2


def find_repository(start: Path) -> Path:
    """Return the plan repository containing ``start``, walking up as git does for ``.git``.

    Args:
        start: A folder (usually the current one).

    Raises:
        RepositoryNotFound: no ``plan/plan.yaml`` in ``start`` or any folder above it.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / PLAN_FILE).is_file():
            return folder
    raise RepositoryNotFound(
        f"no plan repository found in {start} or any folder above it (looked for {PLAN_FILE}): "
        "run hyte inside a plan repository, pass --repo PATH, or create one with 'hyte init DIR'"
    )


def check_repository(root: Path) -> Path:
    """Return ``root`` resolved if it holds ``plan/plan.yaml``.

    Raises:
        RepositoryNotFound: it does not.
    """
    root = root.resolve()
    if not root.is_dir():
        raise RepositoryNotFound(
            f"{root} is not a folder: --repo takes the plan repository's folder"
        )
    if (root / PLAN_FILE.name).is_file() and root.name == PLAN_FILE.parent.name:
        raise RepositoryNotFound(
            f"{root} is the plan/ folder itself: pass its parent, {root.parent}, as the repository"
        )
    if not (root / PLAN_FILE).is_file():
        raise RepositoryNotFound(
            f"{root} is not a plan repository: {PLAN_FILE} is missing there "
            "(create one with 'hyte init DIR')"
        )
    return root


@dataclass
class AreaRecord:
    """A priority-area file: where it is, its located document and its model."""

    path: str
    document: YamlDocument
    area: AreaFile


@dataclass
class IndicatorRecord:
    """An indicator file: where it is, its located document and its model."""

    path: str
    document: YamlDocument
    indicator: IndicatorFile


@dataclass(frozen=True)
class PlanItem:
    """A goal or an action found in the plan, with where it is and its resolved deadline.

    Attributes:
        kind: ``goal`` or ``action``.
        area: The priority area's record.
        goal: The goal (for an action, the goal it serves).
        action: The action, or ``None`` for a goal.
        data_path: Path of the item inside the area file.
        deadline: The resolved deadline, or ``None`` (none written, or unresolvable).
    """

    kind: Literal["goal", "action"]
    area: AreaRecord
    goal: Goal
    action: Action | None
    data_path: DataPath
    deadline: ResolvedDeadline | None

    @property
    def id(self) -> str:
        """The goal's or action's id."""
        return self.action.id if self.action is not None else self.goal.id

    @property
    def node(self) -> Goal | Action:
        """The goal or action model."""
        return self.action if self.action is not None else self.goal

    @property
    def responsible(self) -> list[Any]:
        """Responsible parties: the action's own, else its goal's."""
        if self.action is not None and self.action.responsible:
            return list(self.action.responsible)
        return list(self.goal.responsible)


@dataclass(frozen=True)
class IndicatorDeadline:
    """An indicator's effective deadline (:func:`indicator_deadline`; docs/status.md "Deadline").

    Attributes:
        written: The deadline as written: the target's own, else the one inherited; ``None``
            when the indicator has none.
        resolved: ``written`` resolved; ``None`` when there is none or it cannot be resolved
            (a council term ``plan.yaml`` does not define: ``problem`` says so).
        inherited_from: The goal or action whose deadline it inherits, or ``None``.
        problem: Why ``written`` could not be resolved, or ``None``.
    """

    written: Deadline | None
    resolved: ResolvedDeadline | None
    inherited_from: PlanItem | None = None
    problem: str | None = None


def indicator_deadline(
    indicator: IndicatorFile, plan: PlanFile | None, users: Sequence[PlanItem] = ()
) -> IndicatorDeadline:
    """Return an indicator's effective deadline: its own, else the one it inherits.

    The one owner of this rule, used by status, progress and the report. An indicator's
    deadline is its ``target.deadline``. One without it inherits the deadline of the goal or
    action listing it *if exactly one* of ``users`` has a deadline of its own (that resolves);
    with none or several, it has no deadline. An action's goal's deadline is not passed on
    through the action.

    Args:
        indicator: The indicator.
        plan: The plan, for council terms (``None``: a ``term_end`` deadline is unresolved).
        users: The goals and actions that list the indicator, in plan order
            (:meth:`PlanRepository.indicator_users`).
    """
    own = indicator.target.deadline if indicator.target is not None else None
    if own is not None:
        try:
            return IndicatorDeadline(own, resolve_deadline(own, plan))
        except UnknownCouncilTerm as exc:
            return IndicatorDeadline(own, None, problem=str(exc))
    with_deadline = [user for user in users if user.deadline is not None]
    if len(with_deadline) == 1:
        user = with_deadline[0]
        return IndicatorDeadline(user.node.deadline, user.deadline, user)
    return IndicatorDeadline(None, None)


@dataclass
class PlanRepository:
    """A loaded plan repository.

    Attributes:
        root: The repository folder.
        plan_document: The located ``plan/plan.yaml``.
        plan: Its model, or ``None`` when it failed to load (then nothing else is checked).
        areas: Priority-area files that loaded, sorted by path.
        indicators: Indicator files that loaded, sorted by path.
        findings: Problems found while loading (YAML and shape), in no particular order.
        broken_areas: Documents of area files that did not load (their findings say why),
            kept so that cross-file checks do not report follow-on problems about them.
        broken_indicators: Likewise for indicator files.
        year_texts: The year's own texts that loaded (``reports/<year>.yaml``), sorted by path.
        broken_year_texts: Likewise for year-texts files that did not load.
    """

    root: Path
    plan_document: YamlDocument
    plan: PlanFile | None
    areas: list[AreaRecord] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    broken_areas: list[YamlDocument] = field(default_factory=list)
    broken_indicators: list[YamlDocument] = field(default_factory=list)
    year_texts: list[YearTextsRecord] = field(default_factory=list)
    broken_year_texts: list[YamlDocument] = field(default_factory=list)

    _indexes: dict[str, tuple[int, int, dict[str, Any]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _documents: tuple[tuple[tuple[int, int], ...], dict[str, YamlDocument]] | None = field(
        default=None, repr=False, compare=False
    )

    def _by_id(
        self,
        records: Sequence[Any],
        key: Callable[[Any], str],
        name: str | None = None,
        entries: Callable[[], Iterable[Any]] | None = None,
    ) -> dict[str, Any]:
        """``records`` (or ``entries()``, made from them) by id, the first of a duplicated id.

        Built once and again when the list changes; ``name`` names the index (default: the
        list's).
        """
        name = name or ("areas" if records is self.areas else "indicators")
        known = self._indexes.get(name)
        if known is None or known[:2] != (id(records), len(records)):
            index: dict[str, Any] = {}
            for record in entries() if entries is not None else records:
                index.setdefault(key(record), record)
            known = self._indexes[name] = (id(records), len(records), index)
        return known[2]

    def indicator(self, indicator_id: str) -> IndicatorRecord | None:
        """Return the indicator with ``indicator_id`` (the first one, if duplicated)."""
        return self._by_id(self.indicators, lambda r: r.indicator.id).get(indicator_id)

    def area(self, area_id: str) -> AreaRecord | None:
        """Return the priority area with ``area_id`` (the first one, if duplicated)."""
        return self._by_id(self.areas, lambda r: r.area.id).get(area_id)

    def item(self, item_id: str) -> PlanItem | None:
        """Return the goal or action with ``item_id`` (the first one, if duplicated)."""
        return self._by_id(self.areas, lambda i: i.id, "items", self.items).get(item_id)

    def ordered_areas(self) -> list[AreaRecord]:
        """Area files in the plan's order (``priority_areas``), then any unlisted ones by path."""
        listed = [a.id for a in self.plan.priority_areas] if self.plan else []
        rank = {area_id: i for i, area_id in enumerate(listed)}
        return sorted(self.areas, key=lambda r: (rank.get(r.area.id, len(rank)), r.path))

    def resolve(self, deadline: Deadline | None) -> ResolvedDeadline | None:
        """Resolve ``deadline``; ``None`` when absent or naming an unknown council term."""
        if deadline is None or self.plan is None:
            return None
        try:
            return resolve_deadline(deadline, self.plan)
        except UnknownCouncilTerm:
            return None

    def items(self) -> Iterator[PlanItem]:
        """Yield every goal and, after it, its actions, in plan order."""
        for record in self.ordered_areas():
            for gi, goal in enumerate(record.area.goals):
                yield PlanItem(
                    "goal", record, goal, None, ("goals", gi), self.resolve(goal.deadline)
                )
                for ai, action in enumerate(goal.actions):
                    yield PlanItem(
                        "action",
                        record,
                        goal,
                        action,
                        ("goals", gi, "actions", ai),
                        self.resolve(action.deadline),
                    )

    def indicator_users(self, indicator_id: str) -> list[PlanItem]:
        """Return the goals and actions that list the indicator, in plan order (each once)."""
        return [item for item in self.items() if indicator_id in item.node.indicators]

    def indicator_deadline(self, indicator_id: str) -> IndicatorDeadline:
        """Return the indicator's effective deadline (:func:`indicator_deadline`).

        Raises:
            LookupError: the plan has no indicator ``indicator_id``.
        """
        record = self.indicator(indicator_id)
        if record is None:
            raise LookupError(f"no indicator {indicator_id!r} in the plan")
        return indicator_deadline(record.indicator, self.plan, self.indicator_users(indicator_id))

    def document(self, path: str) -> YamlDocument | None:
        """Return the located document of the file at ``path`` (relative to the root)."""
        if path == self.plan_document.path:
            return self.plan_document
        # An index by path, built again when a list of records changes (L002 asks for every
        # file's document: scanning the lists each time was quadratic in the plan's size).
        lists = (self.areas, self.indicators, self.year_texts)
        shape = tuple((id(records), len(records)) for records in lists)
        known = self._documents
        if known is None or known[0] != shape:
            index: dict[str, YamlDocument] = {}
            for records in lists:
                for record in records:
                    index.setdefault(record.path, record.document)
            known = self._documents = (shape, index)
        return known[1].get(path)


def load_repository(root: Path) -> PlanRepository:
    """Load every plan file under ``root``, collecting findings instead of raising.

    Args:
        root: The repository folder (see :func:`find_repository`).

    Returns:
        The :class:`PlanRepository`. When ``plan/plan.yaml`` itself is broken, ``plan`` is
        ``None`` and the other files are still read and shape-checked. An entry named like a
        plan file that is not an ordinary file inside ``root`` is an error (Y012, Y013); hidden
        characters in texts (Y015) and leftover temporary files of hyte's writes (Y014) are
        warnings.

    Raises:
        RepositoryNotFound: ``root`` has no ``plan/plan.yaml``.
    """
    root = check_repository(root)
    plan_file = PLAN_FILE.as_posix()
    areas = [path for path in yaml_files(root, PLAN_DIR) if path != plan_file]
    indicators = yaml_files(root, INDICATOR_DIR)
    texts = yaml_files(root, REPORTS_DIR)
    paths = [plan_file, *areas, *indicators, *texts]
    documents = dict(zip(paths, read_plan_files(root, paths), strict=True))
    repository = _load(root, areas, indicators, documents.__getitem__, texts)
    repository.findings.extend(
        leftover_temporary_files(root, (PLAN_DIR, INDICATOR_DIR, REPORTS_DIR))
    )
    repository.findings.extend(template_findings(root))
    return repository


def load_repository_files(
    root: Path, files: Mapping[str, bytes], problems: Mapping[str, Finding] | None = None
) -> PlanRepository:
    """Load a plan from file contents in memory, e.g. a git revision's (see hytecli.gitrepo).

    Args:
        root: The folder the paths are relative to (reported as the repository's root).
        files: ``{"plan/plan.yaml": b"...", "plan/x.yaml": ..., "indicators/y.yaml": ...}``;
            other paths are ignored.
        problems: Entries that could not be read as files (a link out of the repository, a
            dangling link, ...): path → the finding to report for it instead of its contents.

    Returns:
        The :class:`PlanRepository`, exactly as :func:`load_repository` would give for the same
        files on disk.

    Raises:
        RepositoryNotFound: ``files`` has no ``plan/plan.yaml``.
    """
    plan_path = PLAN_FILE.as_posix()
    problems = problems or {}
    if plan_path not in files and plan_path not in problems:
        raise RepositoryNotFound(f"{plan_path} is missing")

    def under(folder: str) -> list[str]:
        return sorted(
            path
            for path in {*files, *problems}
            if path.startswith(f"{folder}/") and path.endswith(YAML_SUFFIXES) and path != plan_path
        )

    def read(path: str) -> YamlDocument:
        if path in problems:
            return YamlDocument(path=path, findings=[problems[path]])
        return read_yaml_bytes(files[path], path)

    return _load(root, under(PLAN_DIR), under(INDICATOR_DIR), read, under(REPORTS_DIR))


def _load(
    root: Path,
    area_paths: list[str],
    indicator_paths: list[str],
    read: Callable[[str], YamlDocument],
    text_paths: Sequence[str] = (),
) -> PlanRepository:
    findings: list[Finding] = []
    plan_document = read(PLAN_FILE.as_posix())
    findings.extend(plan_document.findings)
    findings.extend(hidden_character_findings(plan_document))
    plan: PlanFile | None = None
    language = "fi"
    if plan_document.ok:
        if isinstance(plan_document.data, dict) and isinstance(
            plan_document.data.get("language"), str
        ):
            language = plan_document.data["language"]
        plan, problems = validate_model(plan_document, PlanFile, language)
        findings.extend(problems)
    repository = PlanRepository(root=root, plan_document=plan_document, plan=plan)

    for path in area_paths:
        document, area = read_file_model(read, path, AreaFile, language, findings)
        if area is not None:
            repository.areas.append(AreaRecord(path, document, area))
        else:
            repository.broken_areas.append(document)

    for path in indicator_paths:
        document, indicator = read_file_model(read, path, IndicatorFile, language, findings)
        if indicator is not None:
            repository.indicators.append(IndicatorRecord(path, document, indicator))
        else:
            repository.broken_indicators.append(document)

    texts, broken, problems = load_year_texts(text_paths, read, plan, language)
    repository.year_texts, repository.broken_year_texts = texts, broken
    findings.extend(problems)
    repository.findings = findings
    return repository


def require_usable_plan(repository: PlanRepository, *, limit: int = 20) -> PlanFile:
    """Return the plan's model when every file loaded without errors.

    Commands that use the plan as data (status, export, report, record, ...) call this first:
    cross-file warnings do not stop them, load errors do.

    Raises:
        PlanHasErrors: ``plan/plan.yaml`` did not load, or any file has a YAML or shape error;
            the message shows the first ``limit`` errors.
    """
    errors = [f for f in repository.findings if f.severity is Severity.ERROR]
    if repository.plan is None or errors:
        shown = sort_findings(errors)[:limit]
        lines = "\n".join(str(f) for f in shown)
        more = f"\n... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise PlanHasErrors(f"{lines}{more}")
    return repository.plan
