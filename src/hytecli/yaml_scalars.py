"""Writing scalars into hand-written YAML: texts, numbers, dates and periods as a person would.

:func:`yaml_string` quotes a text only when it must and checks that it reads back unchanged;
:func:`yaml_scalar` writes any value a plan file holds. Used by :mod:`hytecli.editing`,
:mod:`hytecli.recording` and :mod:`hytecli.scaffold`.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import yaml

from hytecli.periods import Period, PeriodKind
from hytecli.values import format_number
from hytecli.yaml_nodes import LINE_BREAKS, EditProblem
from hytecli.yaml_strict import MAX_NUMBER, control_character
from hytecli.yamlfile import parse_yaml


def _reads_back(rendered: str, value: Any, flow: bool = False) -> bool:
    if any(ch in LINE_BREAKS for ch in rendered):
        return False
    contexts = [(f"k: {rendered}\n", value)]
    if flow:
        contexts.append((f"k: [{rendered}]\n", [value]))
    for text, expected in contexts:
        document = parse_yaml(text, "<scalar>")
        if not document.ok or not isinstance(document.data, dict):
            return False
        result = document.data.get("k")
        if type(result) is not type(expected) or result != expected:
            return False
    return True


def _dump(text: str, flow: bool, style: str | None) -> str:
    """PyYAML's emitter's one-line form of ``text``, in a block mapping or a flow sequence."""
    if flow:
        listed = yaml.safe_dump(
            [text], default_flow_style=True, allow_unicode=True, width=math.inf, default_style=style
        )
        return listed.strip()[1:-1]
    dumped = yaml.safe_dump(
        {"k": text}, allow_unicode=True, width=math.inf, sort_keys=False, default_style=style
    )
    return dumped[len('"k": ' if style == '"' else "k: ") :].rstrip("\n")


def yaml_string(text: str, *, flow: bool = False) -> str:
    """Write ``text`` as a one-line YAML scalar that hyte's strict reader reads back exactly.

    Plain when that is safe, else quoted the way PyYAML's emitter chooses (single quotes, or
    double quotes with escapes for line breaks and control characters); every choice is read
    back with the strict reader before it is used, so ``yes``, ``y``, ``012``, ``1e3``, ``: ``,
    ``#``, quotes and leading ``*``/``&``/``-`` all come back as the same text. ``hyte record``
    and ``hyte complete`` write their texts with it, and ``hyte init`` its settings (the
    skeleton's ``yaml`` filter).

    Args:
        text: The text to write.
        flow: The scalar may also go inside a flow collection (``[fi, sv]``), where ``,``,
            ``[``, ``]``, ``{`` and ``}`` end a plain scalar: text with them is quoted.

    Raises:
        EditProblem: ``text`` holds a control character other than tab and line break, which
            the strict reader refuses (:func:`hytecli.yaml_strict.control_character`).
    """
    char = control_character(text)
    if char is not None:
        raise EditProblem(
            f"the text {text!r} has the control character {char}, which plan files do not allow"
        )
    for style in (None, '"'):
        candidate = _dump(text, flow, style)
        if _reads_back(candidate, text, flow):
            return candidate
    raise EditProblem(f"cannot write {text!r} as YAML text")  # pragma: no cover - defensive


def yaml_text(text: str) -> str:
    """Write a text of several lines as a ``|`` block, else as :func:`yaml_string` does.

    A text with a line break before its last character (paragraphs) is written as a literal
    block, its lines on the following lines indented two columns relative to the key (see
    :func:`hytecli.editing.insert_list_item`): ``|`` for a text ending in one line break,
    ``|-`` for one ending in none. The block is read back with the strict reader before use;
    a text it cannot hold exactly (leading spaces on its first line, trailing blank lines,
    line breaks other than a newline) is written as one quoted line instead.

    Raises:
        EditProblem: as :func:`yaml_string`.
    """
    if "\n" in text[:-1]:
        chomp = "" if text.endswith("\n") else "-"
        body = text[:-1] if chomp == "" else text
        rendered = f"|{chomp}\n" + "\n".join(
            f"  {line}" if line else "" for line in body.split("\n")
        )
        document = parse_yaml(f"k: {rendered}\n", "<text>")
        if document.ok and isinstance(document.data, dict) and document.data.get("k") == text:
            return rendered
    return yaml_string(text)


def yaml_scalar(value: bool | int | float | str | date | Period) -> str:
    """Write a value as a one-line YAML scalar in the form plan files use.

    ``true``/``false``; integers and decimals in plain decimal (no exponent); dates as
    ``YYYY-MM-DD`` and periods as written (``2024``, ``2024-H1``), unquoted; texts via
    :func:`yaml_string`.

    Raises:
        EditProblem: a number that is not finite or not smaller than
            :data:`~hytecli.yaml_strict.MAX_NUMBER`, or a text :func:`yaml_string` refuses.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise EditProblem(f"{value} is not a number that can be recorded")
        if abs(value) >= MAX_NUMBER:
            raise EditProblem(
                "the number is too large to record: plan files hold numbers smaller than "
                "1 000 000 000 000 000 (10^15)"
            )
        return format_number(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Period):
        return str(value)
    return yaml_string(value)


def period_data(period: Period) -> int | str:
    """Return the value the strict reader gives for a period written by :func:`yaml_scalar`."""
    return period.year if period.kind is PeriodKind.YEAR else str(period)
