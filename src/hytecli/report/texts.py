"""Plan text in a report: in the report's language or visibly in another, escaped for each format.

A :class:`PlanText` is what templates get for every text that comes from the plan files (titles,
introductions, responsible parties, notes, recorded text values). In HTML it renders itself
escaped, inside ``<span lang="..">`` when it is in another language than the report, followed by a
marker such as "(suomeksi)" when it is a fallback; Markdown templates pass it through the ``md``,
``md_line`` or ``cell`` filters defined here, which escape Markdown's special characters.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from hytecli import markdown
from hytecli.models import Text


@dataclass(frozen=True)
class PlanText:
    """A text from the plan as shown in the report.

    Attributes:
        text: The text, as written in the plan file.
        lang: Its language code; ``None`` for language-neutral text (numbers, codes, names).
        fallback: True when the report's language was asked for but the plan does not have it,
            so the text is shown in another language (``lang``).
        marker: The note shown after a fallback text, in the report's language, e.g.
            ``(suomeksi)``; empty when not a fallback.
        report_lang: The report's language.
    """

    text: str
    lang: str | None = None
    fallback: bool = False
    marker: str = ""
    report_lang: str = ""

    def __str__(self) -> str:
        """The text, followed by the fallback marker if any (for plain and Markdown output)."""
        return f"{self.text} {self.marker}" if self.fallback and self.marker else self.text

    @property
    def foreign(self) -> bool:
        """True when the text is in another language than the report (needs a ``lang``)."""
        return self.lang is not None and self.lang != self.report_lang

    @property
    def paragraphs(self) -> list[str]:
        """The text split into paragraphs at blank lines (whitespace-only lines included)."""
        parts = re.split(r"\n[ \t]*\n", _newlines(self.text).strip("\n"))
        return [part.strip("\n") for part in parts if part.strip()]

    def __html__(self) -> Markup:
        """Escaped HTML: ``text``, ``<span lang="fi">text</span> <span ...>(suomeksi)</span>``."""
        body = Markup("<br>\n").join(escape(line) for line in _newlines(self.text).split("\n"))
        if self.foreign:
            body = Markup('<span lang="{}">{}</span>').format(self.lang, body)
        if self.fallback and self.marker:
            body = Markup('{} <span class="fallback">{}</span>').format(body, self.marker)
        return body


def plan_text(
    text: Text | str | None,
    report_lang: str,
    marker: dict[str, str] | None = None,
    neutral: bool = False,
    fallback: str | None = None,
) -> PlanText | None:
    """Return ``text`` in ``report_lang`` (falling back visibly), or ``None`` for no text.

    Args:
        text: A :class:`~hytecli.models.Text`, a plain string (language-neutral), or ``None``.
        report_lang: The report's language.
        marker: Language code → fallback marker (``{"fi": "(suomeksi)"}``); a language missing
            here gets no marker.
        neutral: Treat a plain string as language-neutral (no ``lang`` attribute).
        fallback: The language shown when ``report_lang`` is missing: the plan's main language
            (``None``: the first language written, see :meth:`hytecli.models.Text.get`).
    """
    if text is None:
        return None
    if isinstance(text, str):
        return PlanText(text, None if neutral else report_lang, False, "", report_lang)
    value, used = text.get(report_lang, fallback)
    other = used != report_lang
    return PlanText(value, used, other, (marker or {}).get(used, "") if other else "", report_lang)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_quoted(value: object, opening: str, closing: str) -> Markup:
    """Plan text in quotation marks for HTML; a fallback marker goes after the closing mark."""
    if value is None:
        return Markup("")
    if not isinstance(value, PlanText):
        return Markup("{}{}{}").format(opening, value, closing)
    inner = dataclasses.replace(value, fallback=False, marker="")
    quoted = Markup("{}{}{}").format(opening, inner, closing)
    if value.fallback and value.marker:
        quoted = Markup('{} <span class="fallback">{}</span>').format(quoted, value.marker)
    return quoted


def md_quoted(value: object, opening: str, closing: str) -> str:
    """Plan text in quotation marks for Markdown, on one line, marker after the closing mark."""
    if value is None:
        return ""
    if not isinstance(value, PlanText):
        return f"{opening}{md_line(value)}{closing}"
    quoted = f"{opening}{md_line(value.text)}{closing}"
    if value.fallback and value.marker:
        quoted += " " + md_line(value.marker)
    return quoted


# --- HTML -----------------------------------------------------------------------------------------


def html_paragraphs(value: object, tag: str = "p") -> Markup:
    """Render text as ``<p>`` paragraphs (line breaks within a paragraph as ``<br>``).

    A :class:`PlanText` in another language gets ``lang`` on each paragraph, and its fallback
    marker after the last one.
    """
    if value is None:
        return Markup("")
    if not isinstance(value, PlanText):
        value = PlanText(str(value))
    lang = Markup(' lang="{}"').format(value.lang) if value.foreign else Markup("")
    out = []
    paragraphs = value.paragraphs or [""]
    for index, paragraph in enumerate(paragraphs):
        body = Markup("<br>\n").join(escape(line) for line in paragraph.split("\n"))
        if index == len(paragraphs) - 1 and value.fallback and value.marker:
            body = (
                Markup('{} <span class="fallback" lang="{}">{}</span>').format(
                    body, value.report_lang, value.marker
                )
                if value.foreign
                else Markup('{} <span class="fallback">{}</span>').format(body, value.marker)
            )
        out.append(
            Markup("<{tag}{lang}>{body}</{tag}>").format(tag=Markup(tag), lang=lang, body=body)
        )
    return Markup("\n").join(out)


# --- Markdown -------------------------------------------------------------------------------------
# The escaping itself is hytecli.markdown's (one set of rules for status, diff and report); these
# filters add a fallback text's language marker.


def _with_marker(value: object) -> tuple[str, str]:
    """The text of a filter's value and its fallback marker (``""`` when none)."""
    if isinstance(value, PlanText):
        return value.text, (value.marker if value.fallback and value.marker else "")
    return str(value), ""


def md_escape(value: object) -> str:
    """Escape text for Markdown (GitHub) so it shows exactly as written.

    Markdown's punctuation is backslash-escaped, as are characters that would start a list,
    heading or quote at the start of a line, and GitHub's @-mentions and #-references are
    neutralised (:mod:`hytecli.markdown`). Paragraphs (blank lines) are kept; a single line
    break within a paragraph becomes a hard line break (a backslash at the end of the line).
    """
    if value is None:
        return ""
    text, marker = _with_marker(value)
    result = markdown.paragraphs(text)
    return f"{result} {markdown.line(marker)}" if marker else result


def md_line(value: object) -> str:
    """Escape text for one line of Markdown (a heading, a list item): line breaks become spaces."""
    if value is None:
        return ""
    text, marker = _with_marker(value)
    return markdown.line(f"{text} {marker}" if marker else text)


def md_cell(value: object) -> str:
    """Escape text for a Markdown table cell: ``|`` escaped, line breaks as ``<br>``.

    GitHub's tables cannot hold a line break in a cell; ``<br>`` is the one HTML tag GitHub keeps
    for that, and the only HTML the Markdown report writes (besides the empty comments that
    neutralise @-mentions, see :mod:`hytecli.markdown`).
    """
    if value is None:
        return ""
    text, marker = _with_marker(value)
    return markdown.cell(f"{text} {marker}" if marker else text)
