"""What every translation exchange format shares: the entries read back, and the errors.

A format module (:mod:`.po`, :mod:`.xliff`, :mod:`.workbook`) writes :class:`~.texts.TextEntry`
values for translators and reads their file back into an :class:`Exchange`; :mod:`.importing`
then checks the entries against the plan as it is now and writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hytecli.errors import HyteError
from hytecli.model_types import LANGUAGE_PATTERN

_LANGUAGE = re.compile(LANGUAGE_PATTERN)


class TranslationError(HyteError):
    """A translation file cannot be used; the message names the file, line or cell, and the fix."""


class TranslationUsage(HyteError):
    """A ``hyte translate`` option cannot be used (a bad language, format or output; exit 2)."""

    exit_code = 2


@dataclass(frozen=True)
class ExchangeEntry:
    """One text as a translator's file gives it back.

    Attributes:
        key: The text's key (``plan/x.yaml#goals[0].title``).
        source: The source text as exported.
        translation: The translation (``""`` when none was written).
        where: Where it is in the file, for messages (``sv.po:12``, ``sv.xlsx Texts!F5``).
        fingerprint: The source's fingerprint as exported, if the file kept it.
        item_id: The item's id as exported, if the file kept it.
        fuzzy: The translator (or a tool) marked it as needing review: never applied.
    """

    key: str
    source: str
    translation: str
    where: str
    fingerprint: str | None = None
    item_id: str | None = None
    fuzzy: bool = False


@dataclass
class Exchange:
    """A translator's file read back.

    Attributes:
        language: The target language the file declares (``None`` when it declares none).
        source_language: The source language it declares, if any.
        entries: Its entries in the file's order.
    """

    language: str | None
    source_language: str | None = None
    entries: list[ExchangeEntry] = field(default_factory=list)


def check_language(code: str, what: str = "--lang") -> str:
    """``code`` if it is an ISO 639 code as plan files write it (``sv``), else TranslationUsage."""
    if not _LANGUAGE.match(code):
        raise TranslationUsage(
            f"{what} {code!r} is not a language code: use a two- or three-letter ISO 639 code "
            "such as sv, en or se"
        )
    return code


def language_part(tag: str | None) -> str | None:
    """The language of a locale tag as tools write it (``sv_FI``, ``sv-FI``, ``SV`` → ``sv``)."""
    if not tag or not tag.strip():
        return None
    return re.split(r"[-_@.]", tag.strip())[0].lower() or None
