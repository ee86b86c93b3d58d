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
from hytecli.models import PlanFile

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
        review: Why a ``fuzzy`` entry needs review, in the file format's words (PO's
            ``marked fuzzy``, XLIFF's ``not yet translated (state initial)``).
    """

    key: str
    source: str
    translation: str
    where: str
    fingerprint: str | None = None
    item_id: str | None = None
    fuzzy: bool = False
    review: str = "marked fuzzy"


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


def undeclared(language: str, plan: PlanFile) -> str | None:
    """Why ``language`` cannot be translated into: the plan does not declare it, else ``None``.

    A plan translates only into the languages ``plan.yaml`` ``languages:`` declares (besides its
    own, the source): ``se`` (Northern Sami), a slip for ``sv``, or ``xx`` must not end up in
    the plan's files.

    Args:
        language: The language code asked for or found in a file (``sv``).
        plan: The loaded ``plan.yaml``.

    Returns:
        The reason, naming the declared languages and how to add one, or ``None``.
    """
    from hytecli.validation_languages import language_name

    targets = [code for code in dict.fromkeys(plan.languages) if code != plan.language]
    if language in targets or language == plan.language:
        return None
    listed = ", ".join(f"{language_name(code)} ({code})" for code in targets)
    declares = f"it declares {listed} besides" if targets else "it declares none but"
    return (
        f"{language_name(language)} ({language}) is not a language the plan declares in "
        f"languages: in plan/plan.yaml ({declares} its own, {plan.language}); to translate into "
        f"{language}, add it to languages: in plan/plan.yaml first"
    )


def source_for(target: str, plan: PlanFile) -> str | None:
    """The language the texts to translate into ``target`` are translated from.

    The plan's own language, except for ``target`` the plan's own language: the texts lacking it
    (a Swedish collect form wrote a text as ``{sv: ...}`` only; ``hyte validate`` L003) are
    translated from the first other language ``plan.yaml`` ``languages:`` declares. One source
    language per exchange file: XLIFF 2.0 has one ``srcLang`` per document (on ``<xliff>``; a
    ``<source>``'s ``xml:lang`` must equal it), and the PO file and the workbook follow the same
    rule, so the three formats agree.

    Args:
        target: The language translated into.
        plan: The loaded ``plan.yaml``.

    Returns:
        The source language, or ``None`` when ``target`` is the plan's own and it declares no
        other.
    """
    if target != plan.language:
        return plan.language
    return next((code for code in plan.languages if code != plan.language), None)


def language_part(tag: str | None) -> str | None:
    """The language of a locale tag as tools write it (``sv_FI``, ``sv-FI``, ``SV`` → ``sv``)."""
    if not tag or not tag.strip():
        return None
    return re.split(r"[-_@.]", tag.strip())[0].lower() or None
