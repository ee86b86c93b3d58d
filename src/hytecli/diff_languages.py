"""Which languages' texts a change of ``hyte diff`` is about, besides the one it is shown in.

``hyte diff`` shows texts in the plan's language. A change can be about another language's text
only or as well: a Swedish wording added to a deadline, a Swedish assessment text written with
``hyte assess --lang sv``, a responsible party's Swedish name. :func:`language_changes` finds
them, once, for every kind of change: the differ records their languages in
:attr:`hytecli.diff_changes.Change.languages` (JSON's ``languages``) and the text and Markdown
renderers say ``changed in sv`` / ``added in sv: “…”`` with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from hytecli import models, year_texts

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")

#: Every field name of the plan files (and the year texts, whose ``url`` looks like a language
#: code): a mapping with one of these keys is not a text.
_FIELD_NAMES = {
    name
    for module in (models, year_texts)
    for model in vars(module).values()
    if isinstance(model, type) and issubclass(model, BaseModel)
    for name in model.model_fields
}

LanguageChangeKind = Literal["added", "changed", "removed"]


def is_text_map(value: Any) -> bool:
    """Tell whether ``value`` is a text as exported: ``{language code: text}``."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(_LANGUAGE_CODE.match(k) and k not in _FIELD_NAMES for k in value)
        and all(isinstance(v, str) for v in value.values())
    )


@dataclass(frozen=True)
class LanguageChange:
    """The texts of one language that differ inside a change.

    Attributes:
        language: The language code (``sv``).
        kind: ``added`` (no text in it before), ``removed`` (none after) or ``changed``; a
            change with several texts in the language, some added and some changed, is
            ``changed``.
        new: The texts added in it, in order (empty unless ``added``).
    """

    language: str
    kind: LanguageChangeKind
    new: tuple[str, ...] = ()


def language_changes(old: Any, new: Any, shown: str) -> list[LanguageChange]:
    """The languages other than ``shown`` whose texts differ inside two JSON-ready values.

    The values are walked side by side (mappings by key, lists of the same length item by item);
    where either side is a text (``{lang: text}``), each language other than ``shown`` whose text
    differs is one change. A side that is ``None`` (an item added or removed) counts as having
    no texts, so the texts of an added item are ``added``. A plain string facing a text counts
    as a text in ``shown``.

    Args:
        old: The value before (``None`` when added).
        new: The value after (``None`` when removed).
        shown: The language the change is shown in (the plan's).

    Returns:
        The changes, by language code.
    """
    found: dict[str, LanguageChange] = {}

    def as_map(value: Any) -> dict[str, str]:
        if value is None:
            return {}
        return value if isinstance(value, dict) else {shown: value}

    def note(language: str, kind: LanguageChangeKind, text: str | None) -> None:
        before = found.get(language)
        if before is None:
            found[language] = LanguageChange(language, kind, (text,) if text else ())
        elif before.kind == kind == "added" and text:
            found[language] = LanguageChange(language, kind, (*before.new, text))
        elif before.kind != kind:
            found[language] = LanguageChange(language, "changed")

    def walk(a: Any, b: Any) -> None:
        if is_text_map(a) or is_text_map(b):
            if isinstance(a, dict | str | None) and isinstance(b, dict | str | None):
                ma, mb = as_map(a), as_map(b)
                for language in [*ma, *(k for k in mb if k not in ma)]:
                    if language == shown or ma.get(language) == mb.get(language):
                        continue
                    if language not in ma:
                        note(language, "added", mb[language])
                    else:
                        note(language, "removed" if language not in mb else "changed", None)
        elif isinstance(a, dict | None) and isinstance(b, dict | None) and (a or b):
            ma, mb = a or {}, b or {}
            for key in [*ma, *(k for k in mb if k not in ma)]:
                walk(ma.get(key), mb.get(key))
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for x, y in zip(a, b, strict=True):
                walk(x, y)
        elif isinstance(a, list) and b is None:
            for x in a:
                walk(x, None)
        elif a is None and isinstance(b, list):
            for y in b:
                walk(None, y)

    walk(old, new)
    return [found[language] for language in sorted(found)]
