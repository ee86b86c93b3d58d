"""Plan text in a report: in the report's language or visibly in another, escaped for each format.

A :class:`PlanText` is what templates get for every text that comes from the plan files (titles,
introductions, responsible parties, notes, recorded text values). In HTML it renders itself
escaped, inside ``<span lang="..">`` when it is in another language than the report, followed by a
short marker that reads as a word, ``<span class="fallback">(fi)</span>``, when it is a fallback
(the report's notice near its top says what the marker means). Markdown templates pass it
through the ``md``, ``md_line`` or ``cell`` filters defined here, which escape Markdown's special
characters and add no marker: Markdown has no styling for a light one, so the Markdown report
marks only the titles of goals, actions and indicators (the ``mark`` filter) and relies on the
notice for the rest.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from hytecli import markdown
from hytecli.hidden_text import reveal
from hytecli.models import Text


@dataclass(frozen=True)
class PlanText:
    """A text from the plan as shown in the report.

    Attributes:
        text: The text, as written in the plan file.
        lang: Its language code; ``None`` for language-neutral text (numbers, codes, names).
        fallback: True when the report's language was asked for but the plan does not have it,
            so the text is shown in another language (``lang``).
        marker: The short marker shown after a fallback text: the code of the language it is
            shown in (``fi``); empty when not a fallback.
        report_lang: The report's language.
    """

    text: str
    lang: str | None = None
    fallback: bool = False
    marker: str = ""
    report_lang: str = ""

    def __str__(self) -> str:
        """The text alone, without a fallback marker (for plain and Markdown output)."""
        return self.text

    @property
    def marked(self) -> bool:
        """True when the text is a fallback that gets a marker.

        Text without lowercase letters (an abbreviation such as ``LUVN``, a number or a code)
        reads the same in any language and gets no marker, though it keeps its ``lang``.
        """
        return self.fallback and bool(self.marker) and any(c.islower() for c in self.text)

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
        """Escaped HTML: ``text``, or ``<span lang="fi">text</span>`` and the fallback marker."""
        if "\n" in self.text or "\r" in self.text:
            body = Markup("<br>\n").join(escape(line) for line in _newlines(self.text).split("\n"))
        else:
            body = escape(self.text)
        if self.foreign:
            body = Markup('<span lang="{}">{}</span>').format(self.lang, body)
        if not (self.fallback and self.marker):
            return body  # no marker (the national report shows 250,000 texts)
        return body + fallback_mark(self)


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
        marker: Language code → fallback marker (``{"fi": "fi"}``); a language missing here gets
            no marker.
        neutral: Treat a plain string as language-neutral (no ``lang`` attribute).
        fallback: The language shown when ``report_lang`` is missing: the plan's main language
            (``None``: the first language written, see :meth:`hytecli.models.Text.get`).
    """
    if text is None:
        return None
    if isinstance(text, str):
        return PlanText(reveal(text), None if neutral else report_lang, False, "", report_lang)
    value, used = text.get(report_lang, fallback)
    value = reveal(value)
    other = used != report_lang
    return PlanText(value, used, other, (marker or {}).get(used, "") if other else "", report_lang)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fallback_mark(value: object, lang: str | None = None) -> Markup:
    """The HTML marker after a marked fallback text, or ``""``.

    A space and the language code in brackets, ``<span class="fallback">(fi)</span>``: it reads
    as a word, on paper and to a screen reader, not as a box or a missing glyph.

    Args:
        value: The text (anything but a marked :class:`PlanText` gives ``""``).
        lang: A ``lang`` for the marker, when it is placed inside an element in another language.
    """
    if not isinstance(value, PlanText) or not value.marked:
        return Markup("")
    if lang:
        return Markup(' <span class="fallback" lang="{}">({})</span>').format(lang, value.marker)
    return Markup(' <span class="fallback">({})</span>').format(value.marker)


def md_mark(value: object) -> str:
    """The Markdown marker after a marked fallback title (`` (fi)``), or ``""``."""
    if not isinstance(value, PlanText) or not value.marked:
        return ""
    return f" ({markdown.line(value.marker)})"


def html_quoted(value: object, opening: str, closing: str) -> Markup:
    """Plan text in quotation marks for HTML; a fallback marker goes after the closing mark."""
    if value is None:
        return Markup("")
    if not isinstance(value, PlanText):
        return Markup("{}{}{}").format(opening, value, closing)
    inner = dataclasses.replace(value, fallback=False, marker="")
    return Markup("{}{}{}").format(opening, inner, closing) + fallback_mark(value)


def md_quoted(value: object, opening: str, closing: str) -> str:
    """Plan text in quotation marks for Markdown, on one line (no fallback marker)."""
    if value is None:
        return ""
    return f"{opening}{md_line(value)}{closing}"


# --- HTML -----------------------------------------------------------------------------------------


def html_paragraphs(value: object, tag: str = "p") -> Markup:
    """Render text as ``<p>`` paragraphs (line breaks within a paragraph as ``<br>``).

    A :class:`PlanText` in another language gets ``lang`` on each paragraph, and a fallback
    gets its marker at the end of each paragraph (so that none reads as the report's language).
    """
    if value is None:
        return Markup("")
    if not isinstance(value, PlanText):
        value = PlanText(str(value))
    lang = Markup(' lang="{}"').format(value.lang) if value.foreign else Markup("")
    out = []
    paragraphs = value.paragraphs or [""]
    mark = fallback_mark(value, value.report_lang if value.foreign else None)
    for paragraph in paragraphs:
        body = Markup("<br>\n").join(escape(line) for line in paragraph.split("\n")) + mark
        out.append(
            Markup("<{tag}{lang}>{body}</{tag}>").format(tag=Markup(tag), lang=lang, body=body)
        )
    return Markup("\n").join(out)


# --- Markdown -------------------------------------------------------------------------------------
# The escaping itself is hytecli.markdown's (one set of rules for status, diff and report); these
# filters add no fallback marker (see the module's description and md_mark).


def _text_of(value: object) -> str:
    return value.text if isinstance(value, PlanText) else str(value)


def md_escape(value: object) -> str:
    """Escape text for Markdown (GitHub) so it shows exactly as written.

    Markdown's punctuation is backslash-escaped, as are characters that would start a list,
    heading or quote at the start of a line, and GitHub's @-mentions and #-references are
    neutralised (:mod:`hytecli.markdown`). Paragraphs (blank lines) are kept; a single line
    break within a paragraph becomes a hard line break (a backslash at the end of the line).
    """
    if value is None:
        return ""
    return markdown.paragraphs(_text_of(value))


def md_line(value: object) -> str:
    """Escape text for one line of Markdown (a heading, a list item): line breaks become spaces."""
    if value is None:
        return ""
    return markdown.line(_text_of(value))


def md_cell(value: object) -> str:
    """Escape text for a Markdown table cell: ``|`` escaped, line breaks as ``<br>``.

    GitHub's tables cannot hold a line break in a cell; ``<br>`` is the one HTML tag GitHub keeps
    for that, and the only HTML the Markdown report writes (besides the empty comments that
    neutralise @-mentions, see :mod:`hytecli.markdown`).
    """
    if value is None:
        return ""
    return markdown.cell(_text_of(value))
