"""What ``hyte record`` and ``hyte complete`` share: the lock, the checks, the safe edit.

An edit is read (:func:`read_file`), made (:func:`edit_text`, :func:`render_fields`), read back
and checked (:func:`verify_edit`, :func:`cross_check`) and only then written
(:func:`write_file`); anything wrong raises :class:`Refused`.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from hytecli.editing import TextEdit, apply_edits, same_data
from hytecli.errors import HyteError
from hytecli.fileio import write_bytes_atomic
from hytecli.findings import Finding, Severity
from hytecli.models import AreaFile, IndicatorFile, PlanFile
from hytecli.periods import Period
from hytecli.repository import (
    AreaRecord,
    IndicatorRecord,
    PlanHasErrors,
    PlanRepository,
    load_repository,
    require_usable_plan,
    validate_model,
)
from hytecli.yaml_document import DataPath, YamlDocument
from hytecli.yaml_nodes import EditProblem, compose, split_bom
from hytecli.yaml_scalars import period_data, yaml_scalar
from hytecli.yaml_strict import control_character
from hytecli.yamlfile import parse_yaml
from hytecli.year_texts import YearTexts

_FileModel = TypeVar("_FileModel", IndicatorFile, AreaFile, PlanFile, YearTexts)
#: The files an :class:`EditSession` edits.
_EditedModel = TypeVar("_EditedModel", IndicatorFile, AreaFile)
_Result = TypeVar("_Result")

#: Seconds to wait for another hyte command writing to the same plan before giving up.
LOCK_TIMEOUT = 60.0
LOCK_NAME = "hyte.lock"


class Refused(HyteError):
    """The record or completion was refused and nothing was written; the message says why.

    Attributes:
        field: The request's field at fault when one is (``value``, ``period``, ``date``,
            ``note``, ``source``, ``text``, ``euros``, ``person_days``, ``resources``, ``by``,
            ``year``, ``merged_into``), else ``None``; another front end than the command line
            (``hyte collect import``) names its own place for it.
        problem: What is wrong with that field's value and what to do, without the command
            line's option name (the whole message when no field is at fault).
    """

    def __init__(self, message: str, *, field: str | None = None, problem: str | None = None):
        """Make the refusal: ``message`` for the command line, ``field`` and ``problem``."""
        super().__init__(message)
        self.field = field
        self.problem = problem if problem is not None else message


def refuse_option(option: str, problem: str, advice: str = "") -> Refused:
    """A refusal of a command-line option's value: ``--euros '-3' is negative: …``.

    Args:
        option: The option, e.g. ``--person-days``; its field is the name without ``--`` and
            with ``_`` for ``-`` (``person_days``).
        problem: What is wrong with the value and what to do, without the option's name.
        advice: Advice only for the command line (e.g. ``; or leave out --date``), added to
            the message but not to :attr:`Refused.problem`.

    Returns:
        The :class:`Refused` to raise.
    """
    field = option.removeprefix("--").replace("-", "_")
    return Refused(f"{option} {problem}{advice}", field=field, problem=problem)


# --- locking --------------------------------------------------------------------------------------


def lock_path(root: Path) -> Path:
    """Return the lock file used for writes to the plan repository at ``root``."""
    git = root / ".git"
    if git.is_dir():
        return git / LOCK_NAME
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:20]
    owner = f"-{os.getuid()}" if hasattr(os, "getuid") else ""
    folder = Path(tempfile.gettempdir()) / f"hyte-locks{owner}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f"{digest}.lock"


@contextmanager
def repository_lock(root: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the repository's write lock for the duration of a ``with`` block.

    Raises:
        Refused: another process held the lock for ``timeout`` seconds.
    """
    from filelock import FileLock, Timeout

    path = lock_path(root)
    lock = FileLock(str(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise Refused(
            f"another hyte command has been writing to this plan for over {timeout:.0f} s "
            f"(lock {path}); wait for it to finish and run again"
        ) from None
    try:
        yield
    finally:
        lock.release()


# --- shared checks --------------------------------------------------------------------------------


def refuse_broken(repository: PlanRepository) -> PlanFile:
    """The plan, or Refused with the load errors when it cannot be used."""
    try:
        return require_usable_plan(repository)
    except PlanHasErrors as exc:
        raise Refused(
            "the plan files have errors, so nothing was written; fix them first "
            f"(hyte validate lists them all):\n{exc.listing}"
        ) from None


def suggest(name: str, known: Sequence[str]) -> str:
    """``; did you mean 'x'?`` for names close to ``name`` (empty when none is)."""
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if close:
        return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    return ""


def clean_text(value: str | None, option: str) -> str | None:
    """An option's text stripped; Refused if it is empty or has a control character."""
    if value is None:
        return None
    stripped = value.strip()
    if not stripped:
        raise refuse_option(option, "is empty: write the text", " or leave the option out")
    char = control_character(stripped)
    if char is not None:
        raise refuse_option(
            option,
            f"has the control character {char}: plan files allow no control characters but tab "
            "and line break (hyte validate refuses them, Y001); remove it",
        )
    return stripped


def check_not_future(day: date, today: date, what: str) -> None:
    """Refuse a day after today (in the plan's time zone)."""
    if day > today:
        raise refuse_option(
            what,
            f"{day.isoformat()} is in the future (today is {today.isoformat()} in the plan's time "
            "zone): give the day it happened",
        )


def read_file(file: Path) -> tuple[bytes, str]:
    """The file's byte order mark (if any) and its text; Refused if it cannot be read."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise Refused(f"cannot read {file}: {exc.strerror}") from None
    try:
        return split_bom(raw)
    except EditProblem as exc:
        raise Refused(f"{file}: {exc}") from None


def edit_text(text: str, make: Any, path: str) -> str:
    """``text`` with the edits ``make`` returns for its composed YAML node tree."""
    try:
        root = compose(text)
        edits: list[TextEdit] = make(root)
        return apply_edits(text, edits)
    except EditProblem as exc:
        raise Refused(f"{path}: {exc}") from None


def render_fields(fields: Sequence[tuple[str, Any]], path: str) -> list[tuple[str, str]]:
    """Write each field's value as YAML (:func:`_render_field`), refusing one that cannot be."""
    try:
        return [(name, _render_field(name, data)) for name, data in fields]
    except EditProblem as exc:
        raise Refused(f"{path}: {exc}") from None


def verify_edit(
    new_text: str,
    expected: Any,
    model: type[_FileModel],
    path: str,
    language: str,
) -> tuple[YamlDocument, _FileModel]:
    """Re-read the edited text strictly and check it against the model and the expected data."""
    document = parse_yaml(new_text, path)
    problems = [str(f) for f in document.findings if f.severity is Severity.ERROR]
    instance = None
    if not problems:
        instance, findings = validate_model(document, model, language)
        problems = [str(f) for f in findings]
    if instance is None or problems or not same_data(document.data, expected):
        detail = "\n".join(problems[:5]) or "the edited file does not read back as intended"
        raise Refused(
            f"{path}: the change could not be written safely, so nothing was written "
            f"(please report this as a bug in hyte):\n{detail}"
        )
    return document, instance


def with_record(
    repository: PlanRepository, path: str, document: YamlDocument, model: IndicatorFile | AreaFile
) -> PlanRepository:
    """``repository`` with the file at ``path`` read as ``document`` and ``model`` instead.

    Returns a new repository (the given one is not changed); its lists are new, so its
    indexes are built again.
    """
    if isinstance(model, IndicatorFile):
        return dataclasses.replace(
            repository,
            indicators=[
                IndicatorRecord(path, document, model) if r.path == path else r
                for r in repository.indicators
            ],
        )
    return dataclasses.replace(
        repository,
        areas=[
            AreaRecord(path, document, model) if r.path == path else r for r in repository.areas
        ],
    )


def cross_check(
    repository: PlanRepository, path: str, document: YamlDocument, model: IndicatorFile | AreaFile
) -> PlanRepository:
    """Refuse a change after which ``hyte validate`` would report a new error in the file.

    Returns:
        The repository with the change (:func:`with_record`).

    Raises:
        Refused: the change would add an error in ``path`` (the first five are listed).
    """
    from hytecli.validation import validate_repository

    def errors(repo: PlanRepository) -> list[Finding]:
        return [
            f
            for f in validate_repository(repo, errors_only=True)
            if f.path == path and f.severity is Severity.ERROR
        ]

    changed = with_record(repository, path, document, model)
    before = Counter(f.code for f in errors(repository))
    after = errors(changed)
    counts = Counter(f.code for f in after)
    new = [f for f in after if counts[f.code] > before[f.code]]
    if new:
        raise Refused(
            "nothing was written: after this change hyte validate would report:\n"
            + "\n".join(str(f) for f in new[:5])
        )
    return changed


def write_file(file: Path, bom: bytes, text: str) -> None:
    """Replace the file atomically with ``bom`` and ``text`` (UTF-8)."""
    try:
        write_bytes_atomic(file, bom + text.encode("utf-8"))
    except OSError as exc:
        raise Refused(f"cannot write {file}: {exc.strerror}; the file was left as it was") from None


@dataclasses.dataclass(frozen=True)
class FileChange:
    """One file's planned edit: its path, byte-order mark, text before and text after."""

    file: Path
    bom: bytes
    old: str
    new: str


def write_files(changes: Sequence[FileChange]) -> None:
    """Write every changed file, each atomically; all of them land or none does.

    The edits must already be checked (:func:`verify_edit`, :func:`cross_check`). If writing one
    file fails, the files already written are put back to their old text before the error goes on.

    Raises:
        Refused: a file could not be written (nothing is left changed).
    """
    done: list[FileChange] = []
    try:
        for change in changes:
            if change.new != change.old:
                write_file(change.file, change.bom, change.new)
                done.append(change)
    except Refused:
        for change in done:
            write_file(change.file, change.bom, change.old)
        raise


@dataclasses.dataclass
class EditSession:
    """Edits made in memory, one after another, checked each, and written together at the end.

    The in-memory step of ``hyte record``, ``hyte assess`` and ``hyte complete``
    (:func:`hytecli.recording.values.record_value_in`,
    :func:`hytecli.recording.assessments.assess_item_in`,
    :func:`hytecli.recording.completions.complete_item_in`) reads a file's current text with
    :meth:`text`: the text after the edits already made in this session, so that a second edit
    of one file sees the first. An edit is checked and kept with :meth:`keep`, which also puts
    the edited file into :attr:`repository`, so that the next edit's lookups and ``hyte validate``
    cross-checks see every edit before it. Nothing is written until the caller passes
    :meth:`changes` to :func:`write_files` (hold :func:`repository_lock` from :meth:`open` to
    the write).

    Attributes:
        root: The plan repository's folder.
        repository: The loaded repository with every kept edit.
        plan: The plan (``plan/plan.yaml``).
    """

    root: Path
    repository: PlanRepository
    plan: PlanFile
    _files: dict[str, FileChange] = dataclasses.field(default_factory=dict)

    @classmethod
    def open(cls, root: Path) -> EditSession:
        """Load the repository at ``root`` for editing.

        Raises:
            Refused: the plan files have load errors (they are listed).
        """
        repository = load_repository(root)
        plan = refuse_broken(repository)
        return cls(root, repository, plan)

    def text(self, path: str) -> str:
        """The current text of the file at ``path`` (relative to the root), with kept edits.

        Raises:
            Refused: the file cannot be read.
        """
        change = self._files.get(path)
        if change is None:
            bom, text = read_file(self.root / path)
            change = self._files[path] = FileChange(self.root / path, bom, text, text)
        return change.new

    def keep(
        self,
        path: str,
        new_text: str,
        expected: Any,
        model: type[_EditedModel],
    ) -> None:
        """Check an edit of ``path`` and keep it: :func:`verify_edit`, then :func:`cross_check`.

        Args:
            path: The file, relative to the root (read with :meth:`text` first).
            new_text: Its text after the edit.
            expected: The data ``new_text`` must read back as (see :func:`verify_edit`).
            model: The file's model class.

        Raises:
            Refused: the edit does not read back as ``expected``, or ``hyte validate`` would
                report a new error in the file; the session is unchanged.
        """
        document, checked = verify_edit(new_text, expected, model, path, self.plan.language)
        cross_check(self.repository, path, document, checked)
        self.text(path)
        self._files[path] = dataclasses.replace(self._files[path], new=new_text)
        self.repository = with_record(self.repository, path, document, checked)

    def changes(self) -> list[FileChange]:
        """The files changed by the kept edits (for :func:`write_files`), in the order edited."""
        return [change for change in self._files.values() if change.new != change.old]


def edit_and_write(
    root: Path, edit: Callable[[EditSession], _Result], *, dry_run: bool, lock_timeout: float
) -> _Result:
    """One command's edit: lock, open a session, ``edit`` it, write its changes unless dry-run.

    What ``hyte record``, ``hyte assess`` and ``hyte complete`` share; ``edit`` makes the
    in-memory edits (and refuses with :class:`Refused`), and its result is returned.
    """
    with repository_lock(root, lock_timeout):
        session = EditSession.open(root)
        result = edit(session)
        if not dry_run:
            write_files(session.changes())
        return result


def line_of(record_document: Any, path: DataPath) -> int:
    """The line of the file where the data at ``path`` is."""
    return int(record_document.locate(path)[0])


def insertion_index(keys: Sequence[Any], new: Any) -> int:
    """Return the index after the last entry whose key is not later than ``new`` (else 0)."""
    index = 0
    for i, key in enumerate(keys):
        if key <= new:
            index = i + 1
    return index


def _render_field(name: str, data: Any) -> str:
    if name == "municipality":  # always a quoted three-digit code, as docs/format.md shows
        return f'"{data}"'
    return yaml_scalar(data)


def as_read(data: Any) -> Any:
    """Return the value the strict reader gives for ``data`` written by :func:`yaml_scalar`."""
    if isinstance(data, Period):
        return period_data(data)
    if isinstance(data, date):
        return data.isoformat()
    return data
