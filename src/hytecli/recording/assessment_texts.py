"""The texts of ``hyte assess``'s entries: the ``--text-file``, merging languages, YAML for a field.

Split from :mod:`.assessments`, which makes the edit; these helpers only shape its data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hytecli.recording.common import Refused
from hytecli.yaml_scalars import yaml_scalar, yaml_text

#: Where a missing ``assessments`` key goes: right after the first of these keys the item has
#: (the model's field order: ``indicators``, ``completed``, ``assessments``).
AFTER_KEYS = ("completed", "indicators")


def read_text_file(file: Path) -> str:
    """The text of ``--text-file``: UTF-8 (a byte-order mark is dropped), one kind of line break.

    Raises:
        Refused: the file cannot be read or is not UTF-8 (the message names the line and
            column of the first byte that is not).
    """
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise Refused(f"cannot read --text-file {file}: {exc.strerror}") from None
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")) + 1
        raise Refused(
            f"{file}:{line}:{column}: --text-file is not UTF-8 text (byte 0x{raw[exc.start]:02x}): "
            "save it as UTF-8 and run again"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> str:
    """A text as it is written: one line as it is, several lines ending in a line break (``|``)."""
    return text + "\n" if "\n" in text else text


def merged_text(old: Any, new: str | None, language: str, plan_language: str) -> Any:
    """The text data to write: ``new`` in ``language`` and ``old``'s other languages, if any.

    Returns the plain text when only the plan's language is left, a mapping when other
    languages are, ``None`` when no text is.
    """
    texts: dict[str, str] = {}
    if isinstance(old, str):
        texts[plan_language] = old
    elif isinstance(old, dict):
        texts.update(old)
    if new is None:
        texts.pop(language, None)
    else:
        texts[language] = paragraphs(new)  # where it was, if it was there: the order stays
    if not texts:
        return None
    if list(texts) == [plan_language]:
        return texts[plan_language]
    return texts


def kept_languages(old: Any, language: str, plan_language: str) -> list[str]:
    """The languages of ``old`` (a text or a mapping by language) other than ``language``."""
    if isinstance(old, str):
        return [plan_language] if plan_language != language else []
    if isinstance(old, dict):
        return [lang for lang in old if lang != language]
    return []


def render_entry_field(data: Any) -> str:
    """YAML for a field's value: a scalar, a text of paragraphs, or a nested block mapping."""
    if isinstance(data, dict):
        lines = []
        for key, value in data.items():
            first, *rest = render_entry_field(value).split("\n")
            lines.append(f"  {key}: {first}" if first else f"  {key}:")
            lines.extend(f"  {line}" if line else "" for line in rest)
        return "\n" + "\n".join(lines)
    if isinstance(data, str):
        return yaml_text(data)
    return yaml_scalar(data)


def insert_before_key(item_data: dict[str, Any]) -> str | None:
    """The key a new ``assessments`` key goes before: the one after ``completed``/``indicators``.

    Without either, it goes before ``actions`` or ``notes`` (a goal's actions stay last), else
    at the end (``None``).
    """
    keys = list(item_data)
    for after in AFTER_KEYS:
        if after in keys:
            position = keys.index(after) + 1
            return keys[position] if position < len(keys) else None
    return next((key for key in ("actions", "notes") if key in keys), None)
