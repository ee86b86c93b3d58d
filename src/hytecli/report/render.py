"""Rendering the report with Jinja2 (in an environment from :mod:`hytecli.templating`).

Templates are looked up by name in the plan repository's ``templates/`` folder first and in the
templates shipped with hyte (``hytecli/templates/``) second, so a repository overrides any of them
(``report.html.j2``, ``report.md.j2``, ``macros.html.j2``, ``macros.md.j2``, ``report.css``) by
putting a file of the same name there.

Templates come from pull requests and run in CI, so they run in Jinja2's sandbox
(:class:`~jinja2.sandbox.SandboxedEnvironment`: no access to Python internals; the environment
is built by :func:`hytecli.templating.make_environment`, as ``hyte init``'s is), HTML templates
(``*.html.j2``) escape everything they print (autoescape; plan text renders itself, see
:class:`~hytecli.report.texts.PlanText`), Markdown templates escape plan text with the ``md``,
``md_line`` and ``cell`` filters (plan text printed without a filter is escaped as one line), and
an undefined variable is an error (:class:`~jinja2.StrictUndefined`). Every template error becomes
a :class:`TemplateProblem` naming the template file and line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import jinja2
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from hytecli import templating
from hytecli.i18n import Localizer, translations
from hytecli.report.css import css_page_content, css_string
from hytecli.report.model import ReportContext
from hytecli.report.texts import (
    PlanText,
    html_paragraphs,
    html_quoted,
    md_cell,
    md_escape,
    md_line,
    md_mark,
    md_quoted,
)

PACKAGED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
REPOSITORY_TEMPLATES = "templates"
ReportFormat = Literal["markdown", "html"]
#: The top-level template of each format.
TEMPLATES: dict[str, str] = {"markdown": "report.md.j2", "html": "report.html.j2"}
_HTML_SUFFIXES = (".html.j2", ".html", ".htm", ".svg.j2")


class TemplateProblem(Exception):
    """A report template failed: its file (as the user knows it), line and what went wrong."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        where = f"{template}, line {line}" if line else template
        super().__init__(f"report template {where}: {message}")
        self.template = template
        self.line = line
        self.message = message


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith(_HTML_SUFFIXES)


@pass_eval_context
def _finalize(eval_ctx: EvalContext, value: Any) -> Any:
    # Outside HTML (Markdown), plan text printed without a filter is escaped as one line.
    if not eval_ctx.autoescape and isinstance(value, PlanText):
        return md_line(value)
    return value


def _safe_url(value: object) -> str | None:
    """The URL if it is an http(s) address (never ``javascript:`` and the like), else ``None``."""
    if value is None:
        return None
    text = str(value).strip()
    return text if re.match(r"^https?://[^\s<>\"]+$", text) else None


def _plain(value: object) -> str:
    """Plan text as plain text (without a fallback marker), e.g. for ``<title>`` or attributes."""
    return "" if value is None else str(value)


def search_path(repository_root: Path | None) -> list[Path]:
    """The folders templates are looked up in, in order."""
    folders = []
    if repository_root is not None and (repository_root / REPOSITORY_TEMPLATES).is_dir():
        folders.append(repository_root / REPOSITORY_TEMPLATES)
    folders.append(PACKAGED_TEMPLATES)
    return folders


def make_environment(repository_root: Path | None, language: str) -> SandboxedEnvironment:
    """Build the report's template environment for ``language`` (``fi``, ``sv``, ``en``).

    Args:
        repository_root: The plan repository, whose ``templates/`` override the packaged ones;
            ``None`` for the packaged templates only.
        language: The report's language, for ``_()``, ``gettext`` and ``{% trans %}``.
    """
    environment = templating.make_environment(
        templating.ContainedLoader(search_path(repository_root), repository_root),
        autoescape=_autoescape,
        extensions=["jinja2.ext.i18n"],
        finalize=_finalize,
    )
    environment.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    opening, closing = Localizer(language).quote("\0").split("\0")

    @pass_eval_context
    def quote(eval_ctx: EvalContext, value: object) -> object:
        if eval_ctx.autoescape:
            return html_quoted(value, opening, closing)
        return md_quoted(value, opening, closing)

    @pass_eval_context
    def mark(eval_ctx: EvalContext, value: object) -> object:
        # HTML plan text shows its own marker; Markdown shows one only where a template asks.
        return Markup("") if eval_ctx.autoescape else md_mark(value)

    environment.filters.update(
        quote=quote,
        mark=mark,
        md=md_escape,
        md_line=md_line,
        cell=md_cell,
        paragraphs=html_paragraphs,
        safe_url=_safe_url,
        plain=_plain,
        css_string=css_string,
        css_page_content=css_page_content,
    )
    return environment


def _display_name(filename: str, repository_root: Path | None) -> str:
    path = Path(filename)
    if repository_root is not None:
        try:
            return path.resolve().relative_to(repository_root.resolve()).as_posix()
        except ValueError:
            pass
    try:
        relative = path.resolve().relative_to(PACKAGED_TEMPLATES)
        return f"{relative.as_posix()} (hyte's packaged template)"
    except ValueError:
        return filename


def _template_frame(tb: TracebackType | None, folders: list[Path]) -> tuple[str, int] | None:
    """The innermost traceback entry in a template file: (file name, line)."""
    roots = [str(folder.resolve()) for folder in folders] + [str(f) for f in folders]
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if any(filename.startswith(root) for root in roots):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def render_context(
    context: ReportContext, report_format: ReportFormat, repository_root: Path | None
) -> str:
    """Render ``context`` with the template of ``report_format``.

    Returns:
        The report text, ending in one newline. Markdown output has no runs of blank lines.

    Raises:
        TemplateProblem: a template is missing, does not parse, uses an undefined variable, does
            something the sandbox forbids or fails otherwise.
    """
    folders = search_path(repository_root)
    environment = make_environment(repository_root, context.lang)
    name = TEMPLATES[report_format]
    try:
        template = environment.get_template(name)
        text = _joined(template.generate(report=context))
    except jinja2.TemplateSyntaxError as exc:
        where = _display_name(exc.filename, repository_root) if exc.filename else (exc.name or name)
        raise TemplateProblem(where, exc.lineno, exc.message or str(exc)) from None
    except jinja2.TemplateNotFound as exc:
        frame = _template_frame(exc.__traceback__, folders)
        where = _display_name(frame[0], repository_root) if frame else name
        raise TemplateProblem(
            where,
            frame[1] if frame else None,
            f"template {exc.name!r} not found in {', '.join(str(f) for f in folders)}",
        ) from None
    except Exception as exc:
        frame = _template_frame(exc.__traceback__, folders)
        if frame is None:
            raise
        message = (
            str(exc) if isinstance(exc, jinja2.TemplateError) else (f"{type(exc).__name__}: {exc}")
        )
        raise TemplateProblem(_display_name(frame[0], repository_root), frame[1], message) from None
    if report_format == "markdown":
        text = tidy_markdown(text)
    if text.endswith("\n") and not text.endswith("\n\n"):
        return text  # as it is: a national report is tens of megabytes, not copied again
    return text.rstrip("\n") + "\n"


def _joined(pieces: Iterator[str], block: int = 50_000) -> str:
    """Join a template's output, ``block`` pieces at a time.

    ``Template.render`` joins all the pieces at once: a national report's HTML is over a million
    pieces, which as a list (and the pieces themselves) cost several hundred megabytes on top of
    the text; joined in blocks, only a block's pieces are alive at a time.
    """
    blocks: list[str] = []
    while batch := list(itertools.islice(pieces, block)):
        blocks.append("".join(batch))
    return "".join(blocks)


def _block(line: str) -> str | None:
    if line.startswith("#"):
        return "heading"
    if line.startswith("|"):
        return "table"
    if line.startswith(("- ", "* ")) or re.match(r"^\d+\. ", line):
        return "list"
    if line.startswith(">"):
        return "quote"
    return None


def tidy_markdown(text: str) -> str:
    """Put exactly one blank line around headings, tables, lists and quotes; drop the rest.

    Templates then need not count newlines around ``{% if %}`` blocks. Plan text cannot start a
    line with ``#``, ``|``, ``-``, ``*``, ``>`` or ``1.`` (it is escaped), so only the templates'
    own structure is touched. Trailing spaces go too (hard breaks are backslashes).
    """
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if out and line and out[-1]:
            before, now = _block(out[-1]), _block(line)
            if before != now or now == "heading":
                out.append("")
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")
