"""The annual report as a tagged, accessible PDF (``hyte report --format pdf``).

The PDF is the HTML report (``report.html.j2``, the same template and data) laid out on A4 pages
by `WeasyPrint <https://weasyprint.org>`_ with the report's print stylesheet
(``report-print.css``): page numbers, a running header, a table of contents with page numbers,
bookmarks from the headings. WeasyPrint is a well-kept HTML/CSS-to-PDF library that writes
tagged PDF (its ``pdf/ua-1`` variant: a structure tree, the document's language and title,
embedded fonts) and draws inline SVG as vectors, so the charts stay sharp; writing PDF by hand,
or driving a browser, would give neither tags nor reproducible output.

The output is byte-for-byte reproducible for the same data, day and machine: the document's
dates are the report's day (never the clock), the file identifier is a hash of the content, and
the charts are already reproducible SVG (:mod:`hytecli.report.charts`).

WeasyPrint is an optional dependency (``pip install -e '.[pdf]'`` in a checkout, which needs
Pango from the system); without it :func:`html_to_pdf` raises :class:`PdfUnavailable`, which says
how to install it. The report fetches nothing: every URL (an image or stylesheet a template
override might name, a ``file:`` path) is refused, so a template cannot pull a file of the machine
into the PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from hytecli.errors import HyteError
from hytecli.report.context import ReportOptions, build_context
from hytecli.report.render import render_context
from hytecli.report.revision import Revision
from hytecli.repository import PlanRepository
from hytecli.resolved import ResolvedPlan

#: WeasyPrint's PDF variant: PDF/UA-1 (ISO 14289-1), tagged PDF 1.7 for assistive technology.
PDF_VARIANT = "pdf/ua-1"
INSTALL_HINT = (
    "install hyte with its pdf extra from your hyte checkout (pip install -e '.[pdf]'; hyte "
    "is not on PyPI, so do not install a package called hytecli from there), or pip install "
    "'weasyprint>=70'; it needs Pango 1.44 or newer from the system, on Debian and Ubuntu: "
    "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation "
    "fonts-dejavu-core"
)


class PdfUnavailable(HyteError):
    """WeasyPrint (or the Pango library it needs) is not installed: the message says how to."""

    exit_code = 1


class PdfProblem(HyteError):
    """WeasyPrint could not lay out the report (say, a template override's CSS it rejects)."""

    exit_code = 1


def _weasyprint() -> Any:
    """Import WeasyPrint, or say how to install it."""
    try:
        import weasyprint
    except ImportError as exc:
        raise PdfUnavailable(
            f"PDF output needs WeasyPrint, which is not installed: {INSTALL_HINT}"
        ) from exc
    except OSError as exc:  # Pango or another system library did not load
        raise PdfUnavailable(
            f"PDF output needs WeasyPrint, which cannot load a system library ({exc}): "
            f"{INSTALL_HINT}"
        ) from exc
    return weasyprint


@contextmanager
def _quiet_weasyprint() -> Iterator[list[logging.LogRecord]]:
    """Keep WeasyPrint's log (CSS it ignores, say) off standard error.

    Yields the records, for tests and debugging; none of them stops the PDF.
    """
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect(logging.DEBUG)
    logger = logging.getLogger("weasyprint")
    old_propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate


def _refusing_fetcher(weasyprint: Any) -> Any:
    """A URL fetcher that fetches nothing but ``data:`` URLs: the report is self-contained."""
    return weasyprint.URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def html_to_pdf(html: str, day: str, *, log: list[logging.LogRecord] | None = None) -> bytes:
    """Lay out the HTML report on A4 pages and return it as a tagged PDF (PDF/UA-1).

    Args:
        html: The HTML report (``report.html.j2`` rendered); its ``<title>`` becomes the PDF's
            title and its ``<html lang>`` the document language.
        day: The report's day (ISO ``YYYY-MM-DD``): the PDF's creation and modification date,
            so that the same report made again gives the same bytes.
        log: If given, WeasyPrint's log records are appended to it (they are never printed).

    Raises:
        PdfUnavailable: WeasyPrint or Pango is not installed.
        PdfProblem: WeasyPrint failed on the document.
    """
    weasyprint = _weasyprint()
    with _quiet_weasyprint() as records:
        try:
            document = weasyprint.HTML(
                string=html, base_url=None, url_fetcher=_refusing_fetcher(weasyprint)
            ).render()
            document.metadata.created = day
            document.metadata.modified = day
            data: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=True)
        except (ValueError, TypeError, LookupError, AssertionError) as exc:
            raise PdfProblem(f"the PDF could not be made: {type(exc).__name__}: {exc}") from exc
    if log is not None:
        log.extend(records)
    return data


def render_report_pdf(
    repository: PlanRepository,
    options: ReportOptions,
    *,
    now: datetime | None = None,
    revision: Revision | None = None,
    resolved: ResolvedPlan | None = None,
) -> bytes:
    """Return the annual report as a PDF: the HTML report with charts, laid out for print.

    Args:
        repository: A loaded plan whose files loaded without errors.
        options: The year, language and day (see :class:`ReportOptions`).
        now: The current instant, for the default day (``None``: the machine's clock).
        revision: The data revision (default: asked from git).
        resolved: The plan already resolved from ``repository`` (default: resolved here).

    Raises:
        ReportRequestError: the year or language cannot be reported on.
        TemplateProblem: a template failed.
        PdfUnavailable: WeasyPrint is not installed (checked before any work is done).
        PdfProblem: WeasyPrint failed on the document.
    """
    _weasyprint()
    context = build_context(
        repository, options, now=now, revision=revision, resolved=resolved, draw_charts=True
    )
    html = render_context(context, "html", repository.root)
    return html_to_pdf(html, context.as_of.iso)
