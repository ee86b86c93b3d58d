"""Rendering a :class:`~hytecli.diff_changes.PlanDiff`: ``hyte diff --format text|markdown|json``.

Each renderer returns the whole output as one string ending in a newline; printing is left to the
CLI. The shapes are documented in ``docs/diff.md``:

* ``text``: a summary line, then per section (the plan, each priority area, the indicators) one
  line per change, marked ``+`` added, ``-`` removed, ``~`` changed, ``>`` moved, with ``!`` in
  front of removals and lowered changes; text edits as ``[-old-]{+new+}``.
* ``markdown``: for a pull-request comment or a CI job summary: a heading with the summary, a
  heading per section, removals and lowered changes marked ⚠️; text edits as
  ``<del>old</del><ins>new</ins>``.
  Plan text is escaped so that it shows as written and mentions nobody (:mod:`hytecli.markdown`).
  When there are many changes, each section's other changes are folded into a ``<details>``
  block (removals and lowered changes stay visible).
* ``json``: ``{"format": "hyte-plan-diff", "format_version": 1, "base": ..., "head": ...,
  "summary": ..., "sections": [...], "changes": [...]}``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from pydantic import BaseModel

from hytecli import markdown, models
from hytecli.diff_changes import Change, PlanDiff, Section, Version, WordOp
from hytecli.hidden_text import json_safe
from hytecli.labels import ASSESSMENT_LABELS
from hytecli.reporters import plural

FORMAT_VERSION = 1
FORMATS = ("text", "markdown", "json")
#: Markdown output folds each section's non-attention changes when there are more changes than this.
MARKDOWN_FOLD_AFTER = 20
#: Words kept on each side of a change in long texts; the rest of an unchanged run is "…".
CONTEXT_WORDS = 8

_MARKERS = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}
_WORD = re.compile(r"\S+")
_LANGUAGE_MAP = re.compile(r"^[a-z]{2,3}$")
_DEADLINE_KEYS = {"form", "written", "due", "wording", "council_term", "annual_day"}
#: How a mapping with nothing to show is shown; a list item shown as this adds nothing to its key.
_EMPTY = "(empty)"


def render_diff(diff: PlanDiff, fmt: str) -> str:
    """Render ``diff`` in the format named ``fmt`` (``text``, ``markdown`` or ``json``).

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.

    """
    renderers: dict[str, Callable[[PlanDiff], str]] = {
        "text": render_text,
        "markdown": render_markdown,
        "json": render_json,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return renderers[fmt](diff)


# --- shared wording -------------------------------------------------------------------------------


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


def _section_heading(section: Section) -> str:
    if section.kind == "plan":
        return f"Plan: {section.title}" if section.title else "Plan"
    if section.kind == "indicators":
        return "Indicators"
    number = f"{section.number}. " if section.number is not None else ""
    return f"Priority area {number}{section.title} ({section.id})"


def _text_of(value: Any, language: str) -> str:
    """Return a text mapping ({lang: text}) in ``language`` (else its first language)."""
    if isinstance(value, dict):
        return str(value.get(language) or next(iter(value.values())))
    return str(value)


#: Every field name of the plan files: a mapping with one of these keys is not a text.
_FIELD_NAMES = {
    name
    for model in vars(models).values()
    if isinstance(model, type) and issubclass(model, BaseModel)
    for name in model.model_fields
}


def _is_text_map(value: Any) -> bool:
    """Tell whether ``value`` is a text as exported: ``{language code: text}``."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(_LANGUAGE_MAP.match(k) and k not in _FIELD_NAMES for k in value)
        and all(isinstance(v, str) for v in value.values())
    )


def other_languages_changed(old: Any, new: Any, language: str) -> list[str]:
    """The languages other than ``language`` in which the texts inside two values differ.

    A change whose line reads the same in ``language`` on both sides (a Swedish wording added to
    a deadline) says with these which languages it is about, instead of "X → X". A plain string
    counts as a text in ``language``.
    """
    found: set[str] = set()

    def as_map(value: Any) -> dict[str, str]:
        return value if isinstance(value, dict) else {language: value}

    def walk(a: Any, b: Any) -> None:
        if _is_text_map(a) or _is_text_map(b):
            if isinstance(a, dict | str) and isinstance(b, dict | str):
                ma, mb = as_map(a), as_map(b)
                found.update(
                    k for k in set(ma) | set(mb) if k != language and ma.get(k) != mb.get(k)
                )
        elif isinstance(a, dict) and isinstance(b, dict):
            for key in set(a) | set(b):
                walk(a.get(key), b.get(key))
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for x, y in zip(a, b, strict=True):
                walk(x, y)

    walk(old, new)
    return sorted(found)


def _deadline(value: dict[str, Any], language: str) -> str:
    if value["form"] == "term_end":
        shown = f"end of council term {value['written']}"
    elif value["form"] == "annual":
        shown = f"every year on {value['annual_day']}"
    else:
        shown = str(value["written"])
    if value.get("wording"):
        shown += f" “{_text_of(value['wording'], language)}”"
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
    return str(value)


def show_value(value: Any, language: str) -> str:
    """Show a JSON-ready value from a change in one line, texts in ``language``."""
    if value is None:
        return "none"
    if _is_text_map(value):
        return _text_of(value, language)
    if isinstance(value, dict) and set(value) >= _DEADLINE_KEYS:
        return _deadline(value, language)
    if isinstance(value, dict):
        parts = [
            f"{key} {show_value(item, language)}"
            for key, item in value.items()
            if item not in (None, [], {})
        ]
        return ", ".join(parts) if parts else _EMPTY
    if isinstance(value, list):
        return "; ".join(show_value(item, language) for item in value) if value else "(none)"
    return _scalar(value)


#: Fields of a list item that make up its key (shown in the label, not again in the value).
_KEY_FIELDS = {"id", "code", "period", "municipality", "series"}


def assessment_status(value: str) -> str:
    """An assessment status in words (``in_progress`` → ``in progress``), as in the model."""
    return ASSESSMENT_LABELS.get(value, value)


def _change_value(change: Change, value: Any, language: str) -> str:
    """Show ``value`` (the old or new value of ``change``) in one line."""
    if change.field == "assessments.status" and isinstance(value, str):
        return assessment_status(value)
    if change.field == "assessments" and change.key is not None and isinstance(value, dict):
        rest = {k: v for k, v in value.items() if k not in ("year", "status")}
        shown = assessment_status(str(value.get("status")))
        extra = show_value(rest, language)
        return shown if extra == _EMPTY else f"{shown}; {extra}"
    if change.value_type == "item" and change.key is not None and isinstance(value, dict):
        rest = {k: v for k, v in value.items() if k not in _KEY_FIELDS}
        if change.field == "completed" and value.get("period") is None:
            rest.pop("date", None)  # a one-off completion's key is its date: shown once, there
        if change.field == "values":
            extra = show_value({k: v for k, v in rest.items() if k != "value"}, language)
            shown = show_value(rest.get("value"), language)
            return shown if extra == _EMPTY else f"{shown} ({extra})"
        return show_value(rest, language)
    return show_value(value, language)


def _entity_facts(change: Change, language: str) -> str:
    """Return the key facts of an added or removed entity: deadline, responsible, target."""
    data = change.new if change.change == "added" else change.old
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


def _field_label(change: Change, language: str) -> str:
    """Name the changed field: ``deadline``, ``value 2024 · 049``, ``council_terms[x].end``."""
    assert change.field is not None
    head, _, rest = change.field.partition(".")
    if change.key is not None:
        if head == "values":
            label = f"value {change.key}" + (f" {rest}" if rest and rest != "value" else "")
        elif head == "completed":
            label = f"completion {change.key}" + (f" {rest}" if rest else "")
        elif head == "assessments":
            label = f"assessment {change.key}" + (f" {rest}" if rest else "")
        else:
            label = f"{head}[{change.key}]" + (f".{rest}" if rest else "")
    else:
        label = change.field
    if change.language and change.language != language:
        label += f" ({change.language})"
    return label


def _parent(parent: dict[str, str]) -> str:
    if "goal" in parent:
        return f"goal {parent['goal']} (area {parent['area']})"
    return f"area {parent['area']}"


def _flag(change: Change) -> str:
    if change.lowered:
        return "later" if change.value_type == "deadline" else "lowered"
    return ""


def _compact_words(words: tuple[WordOp, ...]) -> list[tuple[str, str]]:
    """Return the runs of ``words`` with long unchanged runs cut to their ends ("…")."""
    result: list[tuple[str, str]] = []
    last = len(words) - 1
    for index, word in enumerate(words):
        text = re.sub(r"\s+", " ", word.text)
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


def _whitespace_only(words: tuple[WordOp, ...]) -> bool:
    return all(w.op == "equal" or not w.text.strip() for w in words)


# --- text -----------------------------------------------------------------------------------------


def _text_detail(change: Change, language: str) -> str:
    """Return the part of a text line after the subject."""
    if change.field is None:
        if change.change == "moved":
            return f"moved from {_parent(change.old)} to {_parent(change.new)}"
        facts = _entity_facts(change, language)
        return f"{change.title}" + (f" ({facts})" if facts else "")
    label = _field_label(change, language)
    if change.words is not None:
        if _whitespace_only(change.words):
            return f"{label}: white space changed"
        parts = []
        for op, text in _compact_words(change.words):
            if op == "equal":
                parts.append(text)
            else:
                parts.append(f"[-{text}-]" if op == "delete" else f"{{+{text}+}}")
        return f"{label}: {''.join(parts)}"
    old = _change_value(change, change.old, language)
    new = _change_value(change, change.new, language)
    if change.change == "added":
        verb = "recorded" if change.field == "values" else "added"
        return f"{label} {verb}" if new == _EMPTY else f"{label} {verb}: {new}"
    if change.change == "removed":
        return f"{label} removed" if old == _EMPTY else f"{label} removed (was: {old})"
    verb = " replaced" if change.field == "values.value" else ""
    if old == new and (others := other_languages_changed(change.old, change.new, language)):
        return f"{label}{verb}: {old} (changed in {', '.join(others)})"
    return f"{label}{verb}: {old} → {new}"


def render_text(diff: PlanDiff) -> str:
    """Render the diff for a terminal (see the module docstring)."""
    counts = diff.counts()
    lines = [summary_line(diff)]
    if counts["total"]:
        lines[0] = f"Plan changes from {diff.base.label} to {diff.head.label}: {lines[0]}"
    for section in diff.sections:
        lines += ["", _section_heading(section)]
        for change in section.changes:
            prefix = "!" if change.attention else " "
            subject = "plan" if change.entity == "plan" else f"{change.entity} {change.id}"
            flag = _flag(change)
            suffix = f"  [{flag}]" if flag else ""
            detail = _text_detail(change, diff.language)
            lines.append(f"{prefix} {_MARKERS[change.change]} {subject}: {detail}{suffix}")
    return "\n".join(lines) + "\n"


# --- markdown -------------------------------------------------------------------------------------

#: Escapes plan text for Markdown so that it shows as written (one line, no markup, no HTML, no
#: GitHub @-mention or #-reference); pieces keep their outer spaces, so they can be joined.
escape_markdown = markdown.inline


def _md_run(tag: str, text: str) -> str:
    """Wrap a deleted or inserted run in ``<del>``/``<ins>``, keeping its outer spaces outside.

    HTML tags, which GitHub allows, and not ``~~``/``**``: Markdown's emphasis rules depend on
    the characters around the markers (``**x**.`` next to punctuation or brackets may not
    render, or an unchanged neighbour may look marked), while a tag marks exactly its content.
    """
    stripped = text.strip()
    if not stripped:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}<{tag}>{escape_markdown(stripped)}</{tag}>{trail}"


def _md_value(change: Change, value: Any, language: str) -> str:
    return escape_markdown(_change_value(change, value, language))


def _md_line(change: Change, language: str) -> str:
    warn = "⚠️ " if change.attention else ""
    flag = _flag(change)
    subject = "plan" if change.entity == "plan" else f"{change.entity} `{change.id}`"
    if change.field is None:
        if change.change == "moved":
            return (
                f"- **Moved** {subject} from {escape_markdown(_parent(change.old))} to "
                f"{escape_markdown(_parent(change.new))}"
            )
        facts = _entity_facts(change, language)
        title = escape_markdown(change.title or "")
        if change.change == "removed":
            title = f"<del>{title}</del>" if title else title
        facts_md = f" — {escape_markdown(facts)}" if facts else ""
        return f"- {warn}**{change.change.capitalize()}** {subject}: {title}{facts_md}"
    label = escape_markdown(_field_label(change, language))
    verb = {"added": "Added", "removed": "Removed", "changed": "Changed"}[change.change]
    if change.field == "values" and change.change == "added":
        verb = "Recorded"
    elif change.field == "values.value":
        verb = "Replaced"
    if flag:
        verb = "Later" if flag == "later" else "Lowered"
    head = f"- {warn}**{verb}** {subject} {label}"
    if change.words is not None:
        if _whitespace_only(change.words):
            return f"{head}: white space changed"
        parts = []
        for op, text in _compact_words(change.words):
            if op == "equal":
                parts.append(escape_markdown(text))
            else:
                parts.append(_md_run("del" if op == "delete" else "ins", text))
        return f"{head}: {''.join(parts)}"
    old, new = _md_value(change, change.old, language), _md_value(change, change.new, language)
    if change.change == "added":
        return head if new == escape_markdown(_EMPTY) else f"{head}: {new}"
    if change.change == "removed":
        return head if old == escape_markdown(_EMPTY) else f"{head} (was: {old})"
    if old == new and (others := other_languages_changed(change.old, change.new, language)):
        return f"{head}: {old} (changed in {', '.join(others)})"
    return f"{head}: {old} → {new}"


def render_markdown(diff: PlanDiff) -> str:
    """Render the diff as GitHub-flavoured Markdown (see the module docstring)."""
    counts = diff.counts()
    heading = "## Plan changes"
    if counts["attention"]:
        needs = "needs" if counts["attention"] == 1 else "need"
        heading += f" — ⚠️ {counts['attention']} {needs} attention"
    lines = [
        heading,
        "",
        escape_markdown(summary_line(diff)),
        "",
        f"Compared: {escape_markdown(diff.base.label)} → {escape_markdown(diff.head.label)}",
    ]
    fold = counts["total"] > MARKDOWN_FOLD_AFTER
    for section in diff.sections:
        lines += ["", f"### {escape_markdown(_section_heading(section))}", ""]
        shown = [c for c in section.changes if c.attention] if fold else list(section.changes)
        folded = [c for c in section.changes if not c.attention] if fold else []
        lines += [_md_line(change, diff.language) for change in shown]
        if folded:
            if shown:
                lines.append("")
            summary = html.escape(plural(len(folded), "more change" if shown else "change"))
            lines += [f"<details><summary>{summary}</summary>", ""]
            lines += [_md_line(change, diff.language) for change in folded]
            lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


# --- json -----------------------------------------------------------------------------------------


def _version(version: Version) -> dict[str, Any]:
    return {"label": version.label, "revision": version.revision, "commit": version.commit}


def change_dict(change: Change) -> dict[str, Any]:
    """Return one change as JSON-ready data (the shape documented in ``docs/diff.md``)."""
    data = asdict(change)
    data["words"] = (
        [{"op": w.op, "text": w.text} for w in change.words] if change.words is not None else None
    )
    data["attention"] = change.attention
    return data


def diff_dict(diff: PlanDiff) -> dict[str, Any]:
    """Return the whole diff as JSON-ready data (the shape documented in ``docs/diff.md``)."""
    return {
        "format": "hyte-plan-diff",
        "format_version": FORMAT_VERSION,
        "base": _version(diff.base),
        "head": _version(diff.head),
        "language": diff.language,
        "summary": diff.counts(),
        "sections": [
            {
                "kind": section.kind,
                "id": section.id,
                "title": section.title,
                "number": section.number,
                "changes": len(section.changes),
            }
            for section in diff.sections
        ],
        "changes": [change_dict(change) for change in diff.changes],
    }


def render_json(diff: PlanDiff) -> str:
    """Render the diff as indented JSON text ending in a newline."""
    return (
        json_safe(json.dumps(diff_dict(diff), ensure_ascii=False, indent=2, allow_nan=False)) + "\n"
    )
