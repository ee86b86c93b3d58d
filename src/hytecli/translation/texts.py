"""The plan's translatable texts: every :class:`~hytecli.model_types.Text` of every plan file.

:func:`plan_texts` walks the loaded models (``plan/plan.yaml``, ``plan/<area>.yaml``,
``indicators/<id>.yaml``, ``reports/<year>.yaml``) by their pydantic field types, so a new
``Text`` field of any model is covered without being listed here. Each text becomes a
:class:`TextEntry` with a stable key (``plan/mielen-hyvinvointi.yaml#goals[0].actions[2].title``),
the id of the item it belongs to (for people), its source in the plan's language and a
fingerprint of that source, so that an import can tell a translation of an older source.

Goals' and actions' yearly assessments (``assessments[].text``, ``resources.text``) are plan
texts like any other and are included: the Swedish annual report shows them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ForwardRef, Literal, get_args, get_origin

from pydantic import BaseModel

from hytecli.model_types import Text
from hytecli.models import AreaFile
from hytecli.repository import PlanRepository
from hytecli.yaml_document import DataPath

#: Characters of the source's SHA-256 (hex) kept as its fingerprint.
FINGERPRINT_LENGTH = 12

_KEY = re.compile(r"^(?P<path>[^#]+)#(?P<data>[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\]|\.[A-Za-z_]\w*)*)$")
_PART = re.compile(r"\[(\d+)\]|\.?([A-Za-z_]\w*)")


@dataclass(frozen=True)
class TextEntry:
    """One translatable text of a plan file.

    Attributes:
        path: The file, relative to the repository root (``plan/terveyserot.yaml``).
        data_path: Where the text is in the file (``("goals", 0, "title")``).
        item_id: The id of the nearest item holding it (goal, action, indicator, area, plan...),
            or the footnote's marker; for people, not for finding the text.
        field: The text's field name (``title``), or its list's name for a list of texts.
        text: The text as the file holds it, in every language written.
        source: The text in the source language.
        source_language: The language ``source`` is in: the plan's own, or for texts translated
            into the plan's own language another it declares (:func:`~.exchange.source_for`).
    """

    path: str
    data_path: DataPath
    item_id: str
    field: str
    text: Text
    source: str
    source_language: str

    @property
    def key(self) -> str:
        """The stable key: ``plan/x.yaml#goals[0].actions[2].title`` (:func:`format_key`)."""
        return format_key(self.path, self.data_path)

    @property
    def fingerprint(self) -> str:
        """The source's fingerprint (:func:`fingerprint`)."""
        return fingerprint(self.source)

    def translation(self, language: str) -> str | None:
        """The text in ``language``, or ``None`` when the file has none."""
        return self.text.values.get(language)


def fingerprint(source: str) -> str:
    """The first :data:`FINGERPRINT_LENGTH` hex digits of the SHA-256 of ``source`` (UTF-8)."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def format_key(path: str, data_path: DataPath) -> str:
    """``plan/x.yaml`` and ``("goals", 0, "title")`` → ``plan/x.yaml#goals[0].title``."""
    parts: list[str] = []
    for part in data_path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(f".{part}" if parts else part)
    return f"{path}#{''.join(parts)}"


def parse_key(key: str) -> tuple[str, DataPath] | None:
    """The file and data path of a key written by :func:`format_key`; ``None`` if malformed."""
    match = _KEY.match(key.strip())
    if match is None:
        return None
    data: list[str | int] = []
    for index, name in _PART.findall(match.group("data")):
        data.append(int(index) if index else name)
    return match.group("path"), tuple(data)


_FIELD_NAMES: dict[type[BaseModel], tuple[str, ...]] = {}


def _may_hold_text(annotation: Any) -> bool:
    """Whether a field of type ``annotation`` may hold a :class:`Text` (a model may)."""
    if annotation is Any or isinstance(annotation, str | ForwardRef):
        return True  # not known: walk it
    if get_origin(annotation) is Literal:
        return False
    if isinstance(annotation, type) and get_origin(annotation) is None:
        return issubclass(annotation, Text | BaseModel)
    return any(_may_hold_text(arg) for arg in get_args(annotation))


def _field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """The names of ``model``'s fields that may hold a text, in their order (remembered).

    Numbers, dates, ids and codes are not walked: most of a plan's values are theirs.
    """
    names = _FIELD_NAMES[model] = tuple(
        name for name, info in model.model_fields.items() if _may_hold_text(info.annotation)
    )
    return names


def _walk(
    value: Any, path: DataPath, item_id: str, field: str
) -> Iterator[tuple[DataPath, str, str, Text]]:
    if isinstance(value, Text):
        yield path, item_id, field, value
    elif isinstance(value, BaseModel):
        # The fields straight from the instance's dict: getattr of a name the model lacks
        # goes through pydantic's __getattr__ (a national plan walks 400,000 models).
        fields = value.__dict__
        own = fields.get("id") or fields.get("marker")
        here = own if isinstance(own, str) else item_id
        written = value.model_fields_set
        for name in _FIELD_NAMES.get(type(value)) or _field_names(type(value)):
            if name in written:
                yield from _walk(fields[name], (*path, name), here, name)
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from _walk(element, (*path, index), item_id, field)


def text_fields(model: BaseModel) -> Iterator[tuple[DataPath, str, str, Text]]:
    """Every text field of one file's model, in the file's order, whatever its languages.

    Only fields the file writes are visited (defaults are not texts of the file).

    Args:
        model: A loaded model (:class:`~hytecli.models.AreaFile`, ...).

    Yields:
        ``(data_path, item_id, field, text)``: where the text is in the file, the id of the
        nearest item holding it, the field's name and the text.
    """
    top = getattr(model, "id", None)
    yield from _walk(model, (), top if isinstance(top, str) else "", "")


def file_texts(path: str, model: BaseModel, source_language: str) -> list[TextEntry]:
    """Every text of one file's model that has a text in ``source_language``.

    A text without the source language is left out: there is nothing to translate from.

    Args:
        path: The file, relative to the repository root.
        model: Its loaded model (:class:`~hytecli.models.AreaFile`, ...).
        source_language: The plan's language (``plan.yaml`` ``language``).

    Returns:
        The entries in the file's order (:func:`text_fields`).
    """
    entries = []
    for data_path, item_id, field, text in text_fields(model):
        source = text.values.get(source_language)
        if source is not None:
            entries.append(
                TextEntry(path, data_path, item_id, field, text, source, source_language)
            )
    return entries


def area_indicator_ids(area: AreaFile) -> list[str]:
    """The ids of the indicators an area's goals and actions use, in the order first used."""
    found: list[str] = []
    for goal in area.goals:
        found += goal.indicators
        for action in goal.actions:
            found += action.indicators
    return list(dict.fromkeys(found))


def text_files(repository: PlanRepository, area: str | None = None) -> list[tuple[str, BaseModel]]:
    """The loaded files that hold texts, as ``(path, model)``, in the plan's order.

    ``plan/plan.yaml`` first, then the areas in the plan's order, the indicators and the year
    texts (``reports/<year>.yaml``) by path. With ``area``, that priority area's file and the
    files of the indicators its goals and actions use (:func:`area_indicator_ids`; an indicator
    two areas use is in both areas' lists).

    Args:
        repository: A loaded repository.
        area: Only this priority area (its id) and its indicators, when given.

    Raises:
        LookupError: ``area`` is not a priority area of the plan (the message lists them).
    """
    plan = repository.plan
    if plan is None:
        return []
    if area is not None:
        record = repository.area(area)
        if record is None:
            known = ", ".join(r.area.id for r in repository.ordered_areas())
            raise LookupError(f"no priority area '{area}' in the plan (its areas: {known})")
        files: list[tuple[str, BaseModel]] = [(record.path, record.area)]
        for indicator_id in area_indicator_ids(record.area):
            indicator = repository.indicator(indicator_id)
            if indicator is not None:
                files.append((indicator.path, indicator.indicator))
        return files
    files = [(repository.plan_document.path, plan)]
    files += [(r.path, r.area) for r in repository.ordered_areas()]
    files += [(r.path, r.indicator) for r in repository.indicators]
    files += [(r.path, r.texts) for r in repository.year_texts]
    return files


def plan_texts(
    repository: PlanRepository, area: str | None = None, source_language: str | None = None
) -> list[TextEntry]:
    """Every translatable text of a loaded repository, file by file in the plan's order.

    The files are :func:`text_files`'s; each file's texts that have the source language are
    :func:`file_texts`'s.

    Args:
        repository: A loaded repository whose plan loaded (``repository.plan`` is set).
        area: Only this priority area's file and its indicators' files (its id), when given.
        source_language: The language translated from: by default the plan's own; another
            (``sv``) for the texts to translate into the plan's own language.

    Raises:
        LookupError: ``area`` is not a priority area of the plan (the message lists them).
    """
    if repository.plan is None:
        return []
    language = source_language or repository.plan.language
    entries: list[TextEntry] = []
    for path, model in text_files(repository, area):
        entries += file_texts(path, model, language)
    return entries


def without_languages(
    repository: PlanRepository, languages: tuple[str, ...], area: str | None = None
) -> int:
    """How many texts have none of ``languages`` (as :func:`plan_texts` walks them).

    An export into one language from another leaves such texts out (there is nothing to
    translate them from); this counts them, to say so.

    Raises:
        LookupError: ``area`` is not a priority area of the plan (the message lists them).
    """
    return sum(
        1
        for _path, model in text_files(repository, area)
        for *_where, text in text_fields(model)
        if not any(language in text.values for language in languages)
    )


def missing(entries: list[TextEntry], language: str) -> list[TextEntry]:
    """The entries that have no text in ``language``."""
    return [entry for entry in entries if language not in entry.text.values]
