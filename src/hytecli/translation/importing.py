"""``hyte translate import``: translations from a translator's file into the plan's YAML files.

The file (PO, XLIFF or xlsx, by its extension) is read into an :class:`~.exchange.Exchange`;
each entry is matched to the text its key names in the plan as it is now. An entry is

* **applied** when it has a translation and the text's source is the one it was made from
  (the source in the plan's language, or for a file into the plan's own language the text in
  the language it was exported from, :func:`~.exchange.source_for`);
* **fuzzy** (marked for review by the translator or a tool) or **empty**: not applied, listed;
* **unchanged** when the file already holds the same translation;
* a **conflict** when the file holds a different translation (refused unless ``replace``);
* **changed** when the source changed since the export (its fingerprint, its item's id or the
  text itself is no longer there): refused as a whole, listing them, unless ``skip_changed``,
  which applies the rest and lists them.

Every file is edited surgically (:func:`hytecli.editing_texts.add_translation`), read back and
compared with the data expected (:func:`hytecli.recording.common.verify_edit`), and all files
are written together under the repository's lock (:func:`~hytecli.recording.common.write_files`):
all or nothing. Adding a language to a text cannot create a cross-file error (no rule of
``hyte validate`` reads a text's languages but L001, a warning), so no cross check is run.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hytecli.editing import TextEdit, unified_diff
from hytecli.editing_texts import add_translation
from hytecli.models import AreaFile, IndicatorFile, PlanFile
from hytecli.recording.common import (
    LOCK_TIMEOUT,
    FileChange,
    Refused,
    edit_text,
    read_file,
    refuse_broken,
    repository_lock,
    verify_edit,
    write_files,
)
from hytecli.repository import PlanRepository, check_repository, load_repository
from hytecli.translation.exchange import (
    Exchange,
    ExchangeEntry,
    TranslationError,
    source_for,
    undeclared,
)
from hytecli.translation.exporting import format_of
from hytecli.translation.texts import TextEntry, plan_texts
from hytecli.yaml_document import DataPath
from hytecli.yaml_strict import control_character
from hytecli.year_texts import YearTexts


@dataclass
class ImportResult:
    """What ``hyte translate import`` did (or, for a dry run, would do).

    Attributes:
        language: The language imported.
        applied: ``where: key (id)`` of each translation written.
        fuzzy: Entries marked as needing review (PO's fuzzy, XLIFF's initial state), not
            applied: ``where: key: why``.
        empty: How many entries had no translation.
        unchanged: How many already had the same translation.
        changed: Entries whose source changed since the export, not applied (``skip_changed``).
        diff: The unified diff of every file changed.
        files: The files changed, relative to the repository root.
    """

    language: str
    applied: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    empty: int = 0
    unchanged: int = 0
    changed: list[str] = field(default_factory=list)
    diff: str = ""
    files: list[str] = field(default_factory=list)


def read_exchange(file: Path) -> Exchange:
    """Read a translator's file by its extension (:func:`~.exporting.format_of`).

    Raises:
        TranslationUsage: an unknown extension.
        TranslationError: the file cannot be read or is not of its format.
    """
    fmt = format_of(file, "the file")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise TranslationError(f"cannot read {file}: {exc.strerror}") from None
    if fmt == "po":
        from hytecli.translation.po import read_po_file

        return read_po_file(data, str(file))
    if fmt == "xliff":
        from hytecli.translation.xliff import read_xliff

        return read_xliff(data, str(file))
    from hytecli.translation.workbook import read_workbook

    return read_workbook(file)


def _model_of(path: str) -> type[Any]:
    if path == "plan/plan.yaml":
        return PlanFile
    if path.startswith("indicators/"):
        return IndicatorFile
    if path.startswith("reports/"):
        return YearTexts
    return AreaFile


def _set_in(data: Any, path: DataPath, source_language: str, language: str, text: str) -> None:
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    value = parent[path[-1]]
    if isinstance(value, str):
        parent[path[-1]] = {source_language: value, language: text}
    else:
        value[language] = text


def _check_entry(entry: ExchangeEntry, current: TextEntry | None) -> str | None:
    """Why ``entry`` no longer fits the plan (its source changed), else ``None``."""
    if current is None:
        return f"{entry.where}: {entry.key}: no such text in the plan now"
    if entry.item_id is not None and entry.item_id != current.item_id:
        return f"{entry.where}: {entry.key}: the text now belongs to '{current.item_id}'"
    if entry.fingerprint is not None:  # the source as exported, exactly
        changed = entry.fingerprint != current.fingerprint
    else:  # a file whose tool dropped the comments: compare the source itself
        changed = entry.source.strip() != current.source.strip()
    if changed:
        return f"{entry.where}: {entry.key} ({current.item_id}): the source text has changed"
    return None


def _select(
    exchange: Exchange,
    language: str,
    current: dict[str, TextEntry],
    result: ImportResult,
    replace: bool,
) -> tuple[list[tuple[ExchangeEntry, TextEntry]], list[str], list[str]]:
    chosen: list[tuple[ExchangeEntry, TextEntry]] = []
    conflicts: list[str] = []
    changed: list[str] = []
    seen: dict[str, str] = {}
    for entry in exchange.entries:
        if entry.key in seen:
            raise TranslationError(
                f"{entry.where}: the text {entry.key} is in the file twice (also at "
                f"{seen[entry.key]}): keep one of them"
            )
        seen[entry.key] = entry.where
        if entry.fuzzy:
            result.fuzzy.append(f"{entry.where}: {entry.key}: {entry.review}")
            continue
        if not entry.translation.strip():
            result.empty += 1
            continue
        char = control_character(entry.translation)
        if char is not None:
            raise TranslationError(
                f"{entry.where}: the translation of {entry.key} has the control character "
                f"{char}, which plan files do not allow: remove it"
            )
        text = current.get(entry.key)
        problem = _check_entry(entry, text)
        if problem is not None or text is None:
            changed.append(problem or entry.key)
            continue
        existing = text.translation(language)
        if existing == entry.translation:
            result.unchanged += 1
        elif existing is not None and not replace:
            conflicts.append(
                f"{entry.where}: {entry.key} ({text.item_id}) already has the {language} text "
                f"{existing!r}; the file gives {entry.translation!r}"
            )
        else:
            chosen.append((entry, text))
    return chosen, conflicts, changed


def _adder(
    text: str, path: DataPath, source_language: str, language: str, translation: str
) -> Callable[[Any], list[TextEdit]]:
    def make(root: Any) -> list[TextEdit]:
        return add_translation(text, root, path, source_language, language, translation)

    return make


def _plan_file(
    root: Path,
    repository: PlanRepository,
    path: str,
    items: list[tuple[ExchangeEntry, TextEntry]],
    source_language: str,
    language: str,
) -> FileChange:
    document = repository.document(path)
    if document is None:  # pragma: no cover - the entries come from the loaded files
        raise Refused(f"{path} is not a loaded plan file")
    file = root / path
    bom, old_text = read_file(file)
    text = old_text
    expected = copy.deepcopy(document.data)
    for entry, current in items:
        make = _adder(text, current.data_path, source_language, language, entry.translation)
        text = edit_text(text, make, f"{path} ({entry.where})")
        _set_in(expected, current.data_path, source_language, language, entry.translation)
    verify_edit(text, expected, _model_of(path), path, source_language)
    return FileChange(file, bom, old_text, text)


def import_translations(
    root: Path,
    file: Path,
    *,
    language: str | None = None,
    dry_run: bool = False,
    skip_changed: bool = False,
    replace: bool = False,
    lock_timeout: float = LOCK_TIMEOUT,
) -> ImportResult:
    """Write the translations of a translator's file into the plan (see the module docstring).

    Args:
        root: The plan repository.
        file: The PO, XLIFF or xlsx file.
        language: The language expected (``--lang``); the file's own declaration must match.
        dry_run: Compute the changes and their diff without writing.
        skip_changed: Apply the rest when some sources changed since the export.
        replace: Replace existing translations that differ.
        lock_timeout: Seconds to wait for another hyte command writing to the plan.

    Returns:
        The :class:`ImportResult`.

    Raises:
        TranslationError: the file cannot be read, declares no language, another than
            ``language`` or one ``plan.yaml`` ``languages`` does not declare, or holds a text
            twice (nothing was written).
        Refused: the plan has errors, sources changed (without ``skip_changed``), translations
            conflict (without ``replace``), or a file could not be edited or written (nothing
            was written).
    """
    root = check_repository(root)
    exchange = read_exchange(file)
    with repository_lock(root, lock_timeout):
        repository = load_repository(root)
        plan = refuse_broken(repository)
        target, source = _languages(exchange, file, language, plan)
        result = ImportResult(target)
        current = {entry.key: entry for entry in plan_texts(repository, None, source)}
        chosen, conflicts, changed = _select(exchange, target, current, result, replace)
        if changed and not skip_changed:
            raise Refused(
                "the source of these texts has changed since the file was exported, so nothing "
                "was written; export them again for translation, or give --skip-changed to "
                "write the others:\n" + "\n".join(changed)
            )
        if conflicts:
            raise Refused(
                "these texts already have a different translation, so nothing was written; "
                "give --replace to replace them:\n" + "\n".join(conflicts)
            )
        result.changed = changed
        by_file: dict[str, list[tuple[ExchangeEntry, TextEntry]]] = {}
        for entry, text in chosen:
            by_file.setdefault(text.path, []).append((entry, text))
        changes = [
            _plan_file(root, repository, path, items, plan.language, target)
            for path, items in by_file.items()
        ]
        for change, (path, items) in zip(changes, by_file.items(), strict=True):
            result.diff += unified_diff(change.old, change.new, path)
            result.files.append(path)
            result.applied += [f"{e.where}: {t.key} ({t.item_id})" for e, t in items]
        if not dry_run:
            write_files(changes)
        return result


def _languages(
    exchange: Exchange, file: Path, wanted: str | None, plan: PlanFile
) -> tuple[str, str]:
    """The file's target language and the source language its texts were exported from.

    Raises:
        TranslationError: the file declares no target language, another than ``wanted``, one
            the plan does not declare, or a source other than the one texts into its target
            language are translated from (:func:`~.exchange.source_for`).
    """
    found = exchange.language
    if found is None:
        raise TranslationError(
            f"{file} does not say which language it is in (the PO header's Language, XLIFF's "
            "trgLang, the workbook's language cell): export the texts again with hyte translate "
            "export"
        )
    if wanted is not None and found != wanted:
        raise TranslationError(
            f"{file} is in {found}, not {wanted}: import the {wanted} file, or leave --lang out"
        )
    problem = undeclared(found, plan)
    if problem is not None:
        raise TranslationError(f"{file} is in {found}: {problem}; nothing was written")
    source = source_for(found, plan)
    if source is None:
        raise TranslationError(
            f"{file} is in {found}, the plan's own language, and plan.yaml declares no other "
            "language to translate its texts from"
        )
    given = exchange.source_language
    if given is not None and given != source:
        if found == plan.language and given == found:
            raise TranslationError(
                f"{file} is in {found}, the plan's own language, and translates from it: "
                "translations are into another language"
            )
        raise TranslationError(
            f"{file} translates from {given} into {found}, but the plan's texts into {found} "
            f"are translated from {source}: export the texts again with hyte translate export"
        )
    return found, source
