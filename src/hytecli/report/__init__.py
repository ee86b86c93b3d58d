"""The annual report on the plan (``hyte report``): Markdown or self-contained HTML, fi/sv/en.

By law (612/2021 § 7) a wellbeing services county reports to its council every year on its
wellbeing plan. :func:`render_report` makes that report from the plan's data:

1. :mod:`hytecli.report.context` takes the plan's judgement for the year (:mod:`hytecli.judge`)
   on the report's day and builds plain data
   (:class:`ReportContext`), every text in the report's language and every date and number in its
   locale (:mod:`hytecli.i18n`);
2. :mod:`hytecli.report.charts` draws the HTML report's charts as inline SVG;
3. :mod:`hytecli.report.render` renders a Jinja2 template in a sandbox (the plan repository's
   ``templates/`` override the packaged ones).

The same data and options give byte-identical output. See ``docs/report.md``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from hytecli.report.context import ReportOptions, ReportRequestError, build_context, judge_year
from hytecli.report.data import render_year_json
from hytecli.report.model import ReportContext
from hytecli.report.render import ReportFormat, TemplateProblem, render_context
from hytecli.report.revision import Revision, detect_revision
from hytecli.repository import PlanRepository
from hytecli.resolved import ResolvedPlan, resolve_plan

__all__ = [
    "ReportContext",
    "ReportFormat",
    "ReportOptions",
    "ReportRequestError",
    "Revision",
    "TemplateProblem",
    "build_context",
    "judge_year",
    "detect_revision",
    "render_report",
]


def render_report(
    repository: PlanRepository,
    options: ReportOptions,
    report_format: ReportFormat | Literal["json"] = "markdown",
    *,
    now: datetime | None = None,
    revision: Revision | None = None,
    resolved: ResolvedPlan | None = None,
) -> str:
    """Return the annual report as Markdown, HTML or JSON text.

    Args:
        repository: A loaded plan whose files loaded without errors.
        options: The year, language and day (see :class:`ReportOptions`).
        report_format: ``markdown``, ``html`` or ``json`` (the judged year as data,
            :mod:`hytecli.report.data`).
        now: The current instant, for the default day. ``None`` reads the machine's clock, for
            library users; the CLI reads the clock once and passes it in.
        resolved: The plan already resolved from ``repository`` (default: resolved here).
        revision: The data revision (default: asked from git).

    Raises:
        ReportRequestError: the year or language cannot be reported on.
        TemplateProblem: a template failed (the message names its file and line).
    """
    if report_format == "json":
        if resolved is None:
            resolved = resolve_plan(repository)
        return render_year_json(judge_year(resolved, options, now))
    context = build_context(
        repository,
        options,
        now=now,
        revision=revision,
        resolved=resolved,
        draw_charts=report_format == "html",
    )
    return render_context(context, report_format, repository.root)
