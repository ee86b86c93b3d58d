"""The words of ``hyte diff``'s text and Markdown outputs, which both say the same things.

How a change is named (``assessment 2024 text``, ``value 2024 · 049``), how its values are shown
in one line (deadlines with their wording and due day, statuses in words, list items without
their key), long unchanged text cut to the words around a change, paragraphs kept apart
(:data:`PARAGRAPH`), and the note on other languages' texts (:func:`language_note`). The
renderers themselves are :mod:`hytecli.diff_render`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from hytecli.diff_changes import Change, PlanDiff, Section, WordOp
from hytecli.diff_languages import is_text_map, language_changes
from hytecli.labels import ASSESSMENT_LABELS
from hytecli.reporters import plural

#: Words kept on each side of a change in long texts; the rest of an unchanged run is "…".
CONTEXT_WORDS = 8
#: How a paragraph break is kept in shown text (every other run of white space is one space).
PARAGRAPH = "\n\n"
#: How a mapping with nothing to show is shown; a list item shown as this adds nothing to its key.
EMPTY = "(empty)"

_WORD = re.compile(r"\S+")
_WHITESPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_DEADLINE_KEYS = {"form", "written", "due", "wording", "council_term", "annual_day"}


def flow(text: str) -> str:
    """``text`` with each run of white space one space, or :data:`PARAGRAPH` if it has a blank line.

    So a text's paragraphs (a YAML block text's blank lines) stay apart and the lines within one
    flow together; outer white space is kept (as one space or a break), so pieces can be joined.
    """
    return _WHITESPACE.sub(lambda m: PARAGRAPH if _BLANK_LINE.search(m.group()) else " ", text)


def mark(text: str, wrap: Callable[[str], str], *, outer: bool = True) -> str:
    """``text`` (a deleted or inserted run) marked with ``wrap`` paragraph by paragraph.

    A mark never spans a paragraph break (:data:`PARAGRAPH`). With ``outer``, ``wrap`` gets one
    paragraph's words without their outer spaces, which stay outside the marks (HTML tags);
    without, the spaces too (``{+ word+}``, as the text output has always shown them).
    """
    pieces = []
    for piece in text.split(PARAGRAPH):
        stripped = piece.strip()
        if not stripped:
            pieces.append(piece)
        elif not outer:
            pieces.append(wrap(piece))
        else:
            lead = piece[: len(piece) - len(piece.lstrip())]
            trail = piece[len(piece.rstrip()) :]
            pieces.append(f"{lead}{wrap(stripped)}{trail}")
    return PARAGRAPH.join(pieces)


def language_note(change: Change, language: str, shown: str) -> str:
    """Say which other languages' texts a change of a value holds (``changed in sv``).

    One note for every change that is not itself a text (a deadline with its wording, a list of
    responsible parties, an assessment added, ...): ``changed in sv``, ``removed in sv``, or
    ``added in sv: “…”`` with the new text, unless ``shown`` (the line so far) already shows
    it. Empty when only ``language``'s texts, or none, differ, and for a removal (the whole
    value, in every language, is gone).

    Args:
        change: The change (its ``old`` and ``new``, as in JSON).
        language: The language the line is in.
        shown: What the line shows already.
    """
    if change.change == "removed":
        return ""
    parts = []
    for found in language_changes(change.old, change.new, language):
        part = f"{found.kind} in {found.language}"
        texts = [flow(text) for text in found.new if flow(text).strip() not in shown]
        if texts:
            part += ": " + "; ".join(f"“{text.strip()}”" for text in texts)
        parts.append(part)
    return "; ".join(parts)


def other_language(change: Change, language: str) -> str | None:
    """For a change of a text in another language than ``language``, that language."""
    if change.value_type == "text" and change.language and change.language != language:
        return change.language
    return None


def summary_line(diff: PlanDiff) -> str:
    """Return the one-line summary: how many changes of each kind, and how many need attention."""
    counts = diff.counts()
    if not counts["total"]:
        return f"No plan changes from {diff.base.label} to {diff.head.label}."
    kinds = ", ".join(
        f"{counts[kind]} {kind}"
        for kind in ("added", "removed", "changed", "moved")
        if counts[kind]
    )
    line = f"{plural(counts['total'], 'change')} ({kinds})"
    if counts["attention"]:
        line += f"; {counts['attention']} need{'s' if counts['attention'] == 1 else ''} attention"
        line += " (removals, lower targets, later deadlines)"
    return line


def section_heading(section: Section) -> str:
    """A section's heading: ``Plan: …``, ``Year texts``, ``Priority area 2. … (id)``, ...."""
    if section.kind == "plan":
        return f"Plan: {section.title}" if section.title else "Plan"
    if section.kind == "years":
        return "Year texts (reports/)"
    if section.kind == "indicators":
        return "Indicators"
    number = f"{section.number}. " if section.number is not None else ""
    return f"Priority area {number}{section.title} ({section.id})"


def text_of(value: Any, language: str) -> str:
    """Return a text mapping ({lang: text}) in ``language`` (else its first language)."""
    if isinstance(value, dict):
        return flow(str(value.get(language) or next(iter(value.values()))))
    return flow(str(value))


def _deadline(value: dict[str, Any], language: str) -> str:
    if value["form"] == "term_end":
        shown = f"end of council term {value['written']}"
    elif value["form"] == "annual":
        shown = f"every year on {value['annual_day']}"
    else:
        shown = str(value["written"])
    if value.get("wording"):
        shown += f" “{text_of(value['wording'], language)}”"
    if value.get("due") and value["form"] not in ("date",):
        shown += f" (due {value['due']})"
    return shown


def _scalar(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else str(value)
    return flow(str(value)).strip()


def show_value(value: Any, language: str) -> str:
    """Show a JSON-ready value from a change in one line, texts in ``language``."""
    if value is None:
        return "none"
    if is_text_map(value):
        return text_of(value, language).strip()
    if isinstance(value, dict) and set(value) >= _DEADLINE_KEYS:
        return _deadline(value, language)
    if isinstance(value, dict):
        # A text of several paragraphs goes last, so that its paragraphs end the line and the
        # other fields do not read as part of its last paragraph.
        parts = [
            f"{key} {show_value(item, language)}"
            for key, item in value.items()
            if item not in (None, [], {})
        ]
        parts.sort(key=lambda part: PARAGRAPH in part)
        return ", ".join(parts) if parts else EMPTY
    if isinstance(value, list):
        return "; ".join(show_value(item, language) for item in value) if value else "(none)"
    return _scalar(value)


#: Fields of a list item that make up its key (shown in the label, not again in the value).
_KEY_FIELDS = {"id", "code", "period", "municipality", "series"}


def assessment_status(value: str) -> str:
    """An assessment status in words (``in_progress`` → ``in progress``), as in the model."""
    return ASSESSMENT_LABELS.get(value, value)


def change_value(change: Change, value: Any, language: str) -> str:
    """Show ``value`` (the old or new value of ``change``) in one line."""
    if change.field == "assessments.status" and isinstance(value, str):
        return assessment_status(value)
    if change.field == "assessments" and change.key is not None and isinstance(value, dict):
        rest = {k: v for k, v in value.items() if k not in ("year", "status")}
        shown = assessment_status(str(value.get("status")))
        extra = show_value(rest, language)
        return shown if extra == EMPTY else f"{shown}; {extra}"
    if change.field == "council" and change.key is not None and isinstance(value, dict):
        # a council handling's key is its date: shown once, in the label
        return show_value({k: v for k, v in value.items() if k != "date"}, language)
    if change.value_type == "item" and change.key is not None and isinstance(value, dict):
        rest = {k: v for k, v in value.items() if k not in _KEY_FIELDS}
        if change.field == "completed" and value.get("period") is None:
            rest.pop("date", None)  # a one-off completion's key is its date: shown once, there
        if change.field == "values":
            extra = show_value({k: v for k, v in rest.items() if k != "value"}, language)
            shown = show_value(rest.get("value"), language)
            return shown if extra == EMPTY else f"{shown} ({extra})"
        return show_value(rest, language)
    return show_value(value, language)


def entity_facts(change: Change, language: str) -> str:
    """Return the key facts of an added or removed entity: deadline, responsible, target.

    For a year's texts, which of them are written (``written: summary, authors``).
    """
    data = change.new if change.change == "added" else change.old
    if change.entity == "year":
        written = [name for name, value in data.items() if name != "year" and value]
        return f"written: {', '.join(written)}" if written else ""
    facts = []
    if data.get("deadline"):
        facts.append(f"deadline {_deadline(data['deadline'], language)}")
    if data.get("responsible"):
        facts.append(f"responsible {show_value(data['responsible'], language)}")
    if change.entity == "indicator":
        facts.append(f"kind {data['kind']}")
        if data.get("target"):
            facts.append(f"target {show_value(data['target'], language)}")
    return "; ".join(facts)


def field_label(change: Change) -> str:
    """Name the changed field: ``deadline``, ``value 2024 · 049``, ``council_terms[x].end``.

    A list item matched by key is named by it: ``assessment 2024 text``, ``council 2025-04-14``.
    """
    assert change.field is not None
    head, _, rest = change.field.partition(".")
    if change.key is not None:
        if head == "values":
            label = f"value {change.key}" + (f" {rest}" if rest and rest != "value" else "")
        elif head == "completed":
            label = f"completion {change.key}" + (f" {rest}" if rest else "")
        elif head == "assessments":
            label = f"assessment {change.key}" + (f" {rest}" if rest else "")
        elif head == "council":
            label = f"council {change.key}" + (f" {rest}" if rest else "")
        else:
            label = f"{head}[{change.key}]" + (f".{rest}" if rest else "")
    else:
        label = change.field
    return label


def parent_label(parent: dict[str, str]) -> str:
    """Where a moved goal or action is: ``goal x (area y)`` or ``area y``."""
    if "goal" in parent:
        return f"goal {parent['goal']} (area {parent['area']})"
    return f"area {parent['area']}"


def flag(change: Change) -> str:
    """Why a change needs attention besides being a removal: ``later``, ``lowered`` or ``""``."""
    if change.lowered:
        return "later" if change.value_type == "deadline" else "lowered"
    return ""


def compact_words(words: tuple[WordOp, ...]) -> list[tuple[str, str]]:
    """Return the runs of ``words`` with long unchanged runs cut to their ends ("…")."""
    result: list[tuple[str, str]] = []
    last = len(words) - 1
    for index, word in enumerate(words):
        text = flow(word.text)
        if word.op == "equal":
            found = list(_WORD.finditer(text))
            keep_head = CONTEXT_WORDS if index > 0 else 0
            keep_tail = CONTEXT_WORDS if index < last else 0
            if len(found) > keep_head + keep_tail + 2:
                pieces = [text[: found[keep_head - 1].end()]] if keep_head else []
                pieces.append("…")
                if keep_tail:
                    pieces.append(text[found[-keep_tail].start() :])
                text = " ".join(pieces)
        result.append((word.op, text))
    return result


def whitespace_only(words: tuple[WordOp, ...]) -> bool:
    """Tell whether a text change changes only white space (so its words read the same)."""
    return all(w.op == "equal" or not w.text.strip() for w in words)
