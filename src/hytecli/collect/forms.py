"""``hyte collect``: write the year's workbooks, one per responsible party, all or nothing.

:func:`write_workbooks` checks the output folder (never inside the plan's own folders,
:data:`hytecli.fileio.PLAN_FOLDERS`; never a file), names the workbooks
(:func:`hytecli.collect.filenames.workbook_names`), refuses to replace existing ones unless
asked to, makes every workbook in memory first and only then writes them: each atomically
(:func:`hytecli.fileio.write_bytes_atomic`), and if one cannot be written, those already
written are put back as they were (removed, or their old bytes restored), as
:func:`hytecli.recording.common.write_files` does for plan files.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hytecli.collect.filenames import workbook_names
from hytecli.collect.parties import CollectionRound, CollectRefused, PartyRound
from hytecli.collect.workbook import build_workbook, workbook_bytes
from hytecli.fileio import OutputRefused, plan_folder_of, write_bytes_atomic


@dataclass(frozen=True)
class WrittenWorkbook:
    """A workbook written (or to be written) for a party.

    Attributes:
        party: The party.
        path: Where it is written.
        replaced: Whether a file of that name was replaced (``--force``).
    """

    party: PartyRound
    path: Path
    replaced: bool


def check_output_dir(output_dir: Path, repository: Path) -> Path:
    """Refuse an output folder that is a file or lies in the plan's own folders.

    Args:
        output_dir: As given to ``--output-dir`` (it need not exist yet).
        repository: The plan repository's root.

    Returns:
        ``output_dir``.

    Raises:
        hytecli.fileio.OutputRefused: it is inside ``plan/``, ``indicators/``, ``templates/``
            or ``reports/`` of the repository (links followed), or exists and is not a folder
            (exit code 2).
    """
    if folder := plan_folder_of(output_dir, repository):
        raise OutputRefused(
            f"--output-dir {output_dir} is inside the plan's folder {folder}/, whose files "
            "are the plan itself: write the workbooks somewhere else (e.g. a folder "
            "collect/ in the repository's root, or outside the repository)"
        )
    if output_dir.exists() and not output_dir.is_dir():
        raise OutputRefused(
            f"--output-dir {output_dir} exists and is not a folder: give a folder (it is "
            "created if it does not exist)"
        )
    return output_dir


def check_due(due: date | None, today: date) -> date | None:
    """Refuse a return date before today: the parties could not return the workbooks by it.

    Args:
        due: The ``--due`` day, or ``None``.
        today: Today in the plan's time zone (``--as-of`` where the command has it).

    Returns:
        ``due``.

    Raises:
        CollectRefused: ``due`` is before ``today`` (exit code 2).
    """
    if due is not None and due < today:
        raise CollectRefused(
            f"--due {due.isoformat()} is in the past (today is {today.isoformat()} in the plan's "
            "time zone): give the day the parties are to return the workbooks by, today or later"
        )
    return due


def _existing(path: Path) -> bytes | None:
    """The bytes of an existing regular file at ``path``, ``None`` if none; refuse the rest."""
    if not path.exists() and not path.is_symlink():
        return None
    if path.is_symlink() or not path.is_file():
        raise OutputRefused(
            f"{path} exists and is not a regular file (a folder or a link), which hyte does not "
            "replace: move it away or choose another --output-dir"
        )
    return path.read_bytes()


def plan_workbooks(
    round_: CollectionRound, parties: Sequence[PartyRound], output_dir: Path, *, force: bool
) -> tuple[list[WrittenWorkbook], dict[Path, bytes]]:
    """Name each party's workbook and check that it may be written.

    Returns:
        The workbooks to write, and the old bytes of the files they replace.

    Raises:
        CollectRefused: a workbook exists and ``force`` is not set (the message lists them).
        hytecli.fileio.OutputRefused: a workbook's name is taken by a folder or a link.
    """
    names = workbook_names([party.name for party in parties], round_.year)
    planned: list[WrittenWorkbook] = []
    old: dict[Path, bytes] = {}
    for party, name in zip(parties, names, strict=True):
        path = output_dir / name
        existing = _existing(path)
        if existing is not None:
            old[path] = existing
        planned.append(WrittenWorkbook(party, path, existing is not None))
    if old and not force:
        listed = ", ".join(str(path) for path in old)
        raise CollectRefused(
            f"these workbooks exist already: {listed}; nothing was written. Use --force to "
            "replace them, or choose another --output-dir"
        )
    return planned, old


def write_workbooks(
    round_: CollectionRound,
    parties: Sequence[PartyRound],
    output_dir: Path,
    *,
    repository: Path,
    language: str,
    generated: date,
    due: date | None = None,
    force: bool = False,
) -> list[WrittenWorkbook]:
    """Write one workbook per party into ``output_dir``: all of them, or none.

    Args:
        round_: The collection round (:func:`hytecli.collect.parties.collection_round`).
        parties: The parties to write workbooks for (all of ``round_``'s, or one).
        output_dir: The folder; created (with its parents) if missing.
        repository: The plan repository's root (its plan folders are refused).
        language: The form language (``fi``, ``sv``, ``en``).
        generated: Today, written into each workbook.
        due: The day to return the workbooks by, if given.
        force: Replace workbooks that exist already.

    Returns:
        The workbooks written, in the order of ``parties``.

    Raises:
        CollectRefused: a workbook exists without ``force``, or one could not be written
            (then nothing is left changed).
        hytecli.fileio.OutputRefused: the folder is refused (:func:`check_output_dir`) or a
            workbook's name is taken by a folder or a link.
    """
    check_output_dir(output_dir, repository)
    planned, old = plan_workbooks(round_, parties, output_dir, force=force)
    data = [
        workbook_bytes(build_workbook(round_, item.party, language, generated=generated, due=due))
        for item in planned
    ]
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CollectRefused(
            f"cannot create the folder {output_dir}: {exc.strerror}; nothing was written"
        ) from None
    done: list[Path] = []
    try:
        for item, content in zip(planned, data, strict=True):
            write_bytes_atomic(item.path, content)
            done.append(item.path)
    except OSError as exc:
        for path in done:
            with contextlib.suppress(OSError):
                if path in old:
                    write_bytes_atomic(path, old[path])
                else:
                    path.unlink()
        raise CollectRefused(
            f"cannot write {exc.filename or output_dir}: {exc.strerror}; nothing was written"
        ) from None
    return planned
