r"""Plan text in GitHub-flavoured Markdown: shown exactly as written, and never a notification.

One set of rules for all the Markdown hyte writes (``hyte status``, ``hyte diff`` and
``hyte report`` with ``--format markdown``), which is posted as pull-request comments, job
summaries and issues:

* Markdown's punctuation ``\ ` * _ [ ] < > | ~ & # $ !`` is backslash-escaped (CommonMark lets
  any ASCII punctuation be escaped), so plan text never becomes emphasis, a link, an image, HTML,
  strikethrough, maths, a table column or a character reference (``&amp;`` shows as written);
* at the start of a line, what would begin a list, a heading underline or a definition
  (``-``, ``+``, ``=``, ``:``, ``1.``, ``1)``) is escaped too;
* GitHub's references are neutralised: ``@`` before a name (``@luvn-team`` would notify that user
  or team), ``#`` before a number (``#123``, ``owner/repo#123`` would link an issue and leave a
  reference in it) and ``GH-`` before a number get an empty HTML comment after them
  (``@<!-- -->luvn-team``). GitHub finds references in the *rendered* text, after Markdown's
  escapes are gone, so ``\@name`` and ``&#64;name`` still notify (github/markup#1168,
  github/cmark-gfm#181, openjdk/skara#1548); an empty comment splits the text where GitHub looks
  and is not rendered, so readers, screen readers and copied text get the plain ``@name``, with
  no invisible character such as a zero-width space in it. Outside GitHub the comment is just as
  invisible: CommonMark passes it through as inline HTML.

Every function takes plain ``str`` and returns Markdown; the report's
:mod:`hytecli.report.texts` adds its fallback-language markers around them.
"""

from __future__ import annotations

import re

#: Markdown's inline punctuation, backslash-escaped wherever it appears.
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~&#$!])")
#: What starts a list item, a setext heading underline or a definition at the start of a line.
_LINE_START = re.compile(r"^([-+=:])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
#: GitHub's references: @user and @org/team, #123 (and owner/repo#123, user#123), GH-123. Also
#: at the end of the text, as the text may be followed by more (word-diff runs are joined).
_REFERENCE = re.compile(r"@(?=[0-9A-Za-z]|$)|#(?=[0-9]|$)|\b[Gg][Hh]-(?=[0-9]|$)")
#: Put after a reference's marker: not rendered, but GitHub no longer sees a reference.
NEUTRALISER = "<!-- -->"
_WHITESPACE = re.compile(r"\s+")


def _neutralise(text: str) -> str:
    return _REFERENCE.sub(lambda match: match.group(0) + NEUTRALISER, text)


def _escaped_line(line: str) -> str:
    """One line of text, stripped, escaped as the start of a Markdown line."""
    line = _PUNCTUATION.sub(r"\\\1", line.strip())
    line = _LINE_START.sub(r"\\\1", line)
    line = _ORDERED.sub(r"\1\\\2", line)
    return _neutralise(line)


def line_start(escaped: str) -> str:
    """Escape what would begin a list item or a heading underline at the start of a line.

    For text already escaped with :func:`inline` (its punctuation and references) that is put
    at the start of a line, e.g. a later paragraph of a list item.
    """
    stripped = escaped.lstrip()
    return _ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", stripped))


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def inline(text: str) -> str:
    """Escape text for the middle of a Markdown line (e.g. a run of a word diff).

    Every run of white space, line breaks included, becomes one space; leading and trailing
    space is kept (as one space), so that escaped pieces can be joined.
    """
    return _neutralise(_PUNCTUATION.sub(r"\\\1", _WHITESPACE.sub(" ", text)))


def line(text: str) -> str:
    """Escape text for one whole line of Markdown (a heading, a list item, a paragraph line).

    White space is collapsed as in :func:`inline` and trimmed, and a start that would make the
    line a list item or a heading underline is escaped.
    """
    return _escaped_line(_WHITESPACE.sub(" ", text))


def cell(text: str) -> str:
    """Escape text for a Markdown table cell: ``|`` escaped, line breaks as ``<br>``.

    GitHub's tables cannot hold a line break in a cell; ``<br>`` is the one HTML tag GitHub
    keeps for that. Blank lines are dropped (a cell has no paragraphs).
    """
    return "<br>".join(_escaped_line(part) for part in _lines(text) if part.strip())


def paragraphs(text: str) -> str:
    """Escape text of several paragraphs (separated by blank lines) for a Markdown block.

    Paragraphs are kept; a single line break within a paragraph becomes a hard line break (a
    backslash at the end of the line).
    """
    parts = re.split(r"\n[ \t]*\n", "\n".join(_lines(text)).strip("\n"))
    blocks = []
    for paragraph in [part.strip("\n") for part in parts if part.strip()] or [""]:
        escaped = [_escaped_line(part) for part in paragraph.split("\n") if part.strip()]
        blocks.append("\\\n".join(escaped))
    return "\n\n".join(blocks)
