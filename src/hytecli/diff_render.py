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
from collections.abc import Callable
from dataclasses import asdict
from functools import partial
from typing import Any

from hytecli import markdown
from hytecli.diff_changes import Change, PlanDiff, Version
from hytecli.diff_wording import (
    EMPTY,
    PARAGRAPH,
    assessment_status,
    change_value,
    compact_words,
    entity_facts,
    field_label,
    flag,
    language_note,
    mark,
    other_language,
    parent_label,
    section_heading,
    show_value,
    summary_line,
    whitespace_only,
)
from hytecli.hidden_text import json_safe
from hytecli.reporters import plural

__all__ = [
    "FORMATS",
    "FORMAT_VERSION",
    "assessment_status",
    "change_dict",
    "diff_dict",
    "render_diff",
    "render_json",
    "render_markdown",
    "render_text",
    "show_value",
    "summary_line",
]

FORMAT_VERSION = 1
FORMATS = ("text", "markdown", "json")
#: Markdown output folds each section's non-attention changes when there are more changes than this.
MARKDOWN_FOLD_AFTER = 20

_MARKERS = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}


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


# --- text -----------------------------------------------------------------------------------------


def _words(
    change: Change,
    equal: Callable[[str], str],
    marked: Callable[[str, str], str],
    outer: bool,
) -> str:
    """A text change's words, long unchanged runs cut, deletions and insertions marked."""
    assert change.words is not None
    parts = []
    for op, text in compact_words(change.words):
        if op == "equal":
            parts.append(equal(text))
        else:
            parts.append(mark(text, partial(marked, op), outer=outer))
    return "".join(parts)


def _text_mark(op: str, words: str) -> str:
    return f"[-{words}-]" if op == "delete" else f"{{+{words}+}}"


def _with_note(line: str, change: Change, language: str) -> str:
    """``line`` and, for a value holding other languages' texts, which (``(changed in sv)``)."""
    note = language_note(change, language, line)
    return f"{line} ({note})" if note else line


def _text_detail(change: Change, language: str) -> str:
    """Return the part of a text line after the subject."""
    if change.field is None:
        if change.change == "moved":
            return f"moved from {parent_label(change.old)} to {parent_label(change.new)}"
        facts = entity_facts(change, language)
        return f"{change.title}" + (f" ({facts})" if facts else "")
    label = field_label(change)
    other = other_language(change, language)
    if change.words is not None:
        head = f"{label} changed in {other}" if other else label
        if whitespace_only(change.words):
            return f"{head}: white space changed"
        return f"{head}: {_words(change, lambda text: text, _text_mark, outer=False)}"
    old = change_value(change, change.old, language)
    new = change_value(change, change.new, language)
    if change.change == "added":
        verb = "recorded" if change.field == "values" else "added"
        verb += f" in {other}" if other else ""
        line = f"{label} {verb}" if new == EMPTY else f"{label} {verb}: {new}"
    elif change.change == "removed":
        verb = f"removed in {other}" if other else "removed"
        line = f"{label} {verb}" if old == EMPTY else f"{label} {verb} (was: {old})"
    else:
        verb = " replaced" if change.field == "values.value" else ""
        line = f"{label}{verb}: {old}" if old == new else f"{label}{verb}: {old} → {new}"
    return line if other else _with_note(line, change, language)


def _paragraphs(line: str, indent: str) -> list[str]:
    """A change's line whose text has paragraphs: each later one after a blank line, indented."""
    first, *rest = line.split(PARAGRAPH)
    lines = [first.rstrip()]
    for paragraph in rest:
        lines += ["", indent + paragraph.strip()]
    return lines


def render_text(diff: PlanDiff) -> str:
    """Render the diff for a terminal (see the module docstring)."""
    counts = diff.counts()
    lines = [summary_line(diff)]
    if counts["total"]:
        lines[0] = f"Plan changes from {diff.base.label} to {diff.head.label}: {lines[0]}"
    for section in diff.sections:
        lines += ["", section_heading(section)]
        for change in section.changes:
            prefix = "!" if change.attention else " "
            subject = "plan" if change.entity == "plan" else f"{change.entity} {change.id}"
            shown = flag(change)
            suffix = f"  [{shown}]" if shown else ""
            detail = _text_detail(change, diff.language)
            line = f"{prefix} {_MARKERS[change.change]} {subject}: {detail}{suffix}"
            lines += _paragraphs(line, " " * 4)
    return "\n".join(lines) + "\n"


# --- markdown -------------------------------------------------------------------------------------

#: Escapes plan text for Markdown so that it shows as written (no markup, no HTML, no GitHub
#: @-mention or #-reference); pieces keep their outer spaces, so they can be joined.
escape_markdown = markdown.inline


def _md(text: str) -> str:
    """Plan text escaped for Markdown, paragraph by paragraph (:data:`PARAGRAPH` kept)."""
    return PARAGRAPH.join(escape_markdown(piece) for piece in text.split(PARAGRAPH))


def _md_mark(op: str, words: str) -> str:
    """A deleted or inserted run as ``<del>``/``<ins>``.

    HTML tags, which GitHub allows, and not ``~~``/``**``: Markdown's emphasis rules depend on
    the characters around the markers (``**x**.`` next to punctuation or brackets may not
    render, or an unchanged neighbour may look marked), while a tag marks exactly its content.
    """
    tag = "del" if op == "delete" else "ins"
    return f"<{tag}>{escape_markdown(words)}</{tag}>"


def _md_line(change: Change, language: str) -> str:
    """One change as a Markdown list item (its text's later paragraphs indented under it)."""
    item = _md_item(change, language)
    first, *rest = item.split(PARAGRAPH)
    return "\n\n".join([first.rstrip(), *("  " + markdown.line_start(p.rstrip()) for p in rest)])


def _md_item(change: Change, language: str) -> str:
    warn = "⚠️ " if change.attention else ""
    subject = "plan" if change.entity == "plan" else f"{change.entity} `{change.id}`"
    if change.field is None:
        if change.change == "moved":
            return (
                f"- **Moved** {subject} from {escape_markdown(parent_label(change.old))} to "
                f"{escape_markdown(parent_label(change.new))}"
            )
        facts = entity_facts(change, language)
        title = _md(change.title or "")
        if change.change == "removed":
            title = mark(title, lambda words: f"<del>{words}</del>")
        facts_md = f" — {_md(facts)}" if facts else ""
        return f"- {warn}**{change.change.capitalize()}** {subject}: {title}{facts_md}"
    other = other_language(change, language)
    label = escape_markdown(field_label(change)) + (f" in {other}" if other else "")
    verb = {"added": "Added", "removed": "Removed", "changed": "Changed"}[change.change]
    if change.field == "values" and change.change == "added":
        verb = "Recorded"
    elif change.field == "values.value":
        verb = "Replaced"
    if flag(change):
        verb = "Later" if flag(change) == "later" else "Lowered"
    head = f"- {warn}**{verb}** {subject} {label}"
    if change.words is not None:
        if whitespace_only(change.words):
            return f"{head}: white space changed"
        return f"{head}: {_words(change, _md, _md_mark, outer=True)}"
    old = change_value(change, change.old, language)
    new = change_value(change, change.new, language)
    if change.change == "added":
        line, plain = (head, "") if new == EMPTY else (f"{head}: {_md(new)}", new)
    elif change.change == "removed":
        line, plain = (head, "") if old == EMPTY else (f"{head} (was: {_md(old)})", old)
    elif old == new:
        line, plain = f"{head}: {_md(old)}", old
    else:
        line, plain = f"{head}: {_md(old)} → {_md(new)}", f"{old} {new}"
    note = "" if other else language_note(change, language, plain)
    return f"{line} ({_md(note)})" if note else line


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
        lines += ["", f"### {escape_markdown(section_heading(section))}", ""]
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
