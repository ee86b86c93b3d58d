"""Building the annual report's data: plain values that templates show, nothing that renders.

:func:`build_context` reads a loaded plan, takes its judgement for the reporting year from
:func:`hytecli.status.compute_status` on the report's day (``as_of``), and returns a
:class:`ReportContext`: every text already in the report's language (:class:`PlanText` for the
plan's own words, plain ``str`` for labels), every date and number already formatted for the
report's locale, and the charts drawn. Templates only arrange it. ``docs/report.md`` documents
each field for template authors.

Which values a report counts, and how each item is judged, is the judgement's
(:mod:`hytecli.judge`): a value counts when its period starts no later than the end of the
reporting year and it was known on the report's day, so a report can be made again, identically,
later with ``--as-of``.

The pieces are built by :mod:`hytecli.report.builder` (labels, dates, states, goals),
:mod:`hytecli.report.indicators` (indicator sections, trend charts) and
:mod:`hytecli.report.summary` (the summary and the overdue list).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from hytecli.errors import HyteError
from hytecli.highlights import YearHighlights, anything_recorded, year_highlights
from hytecli.i18n import LANGUAGES, Localizer, default_language
from hytecli.judge import Clock, counted_values
from hytecli.models import PlanFile
from hytecli.periods import today_in_zone
from hytecli.report.builder import PROGRESS_STATUSES, Builder
from hytecli.report.indicator_rows import sotkanet_citations
from hytecli.report.indicators import indicator_section
from hytecli.report.model import (
    AreaSection,
    Fallback,
    Footnote,
    LegalReference,
    PlanInfo,
    ReportContext,
)
from hytecli.report.model_indicators import IndicatorSection
from hytecli.report.revision import Revision, detect_revision
from hytecli.report.summary import build_overdue, build_summary
from hytecli.report.texts import PlanText
from hytecli.report.year import highlights_view, year_texts_view
from hytecli.repository import AreaRecord, PlanRepository
from hytecli.resolved import ResolvedPlan, resolve_plan
from hytecli.status import StatusQuery, StatusReport, compute_status
from hytecli.year_texts import YearTexts, texts_for


class ReportRequestError(HyteError):
    """The report cannot be made as asked (a year outside the plan, an unknown language).

    A usage problem: the command line exits with 2 and the message, without a traceback.
    """

    exit_code = 2


@dataclass(frozen=True)
class ReportOptions:
    """What ``hyte report`` is asked.

    Attributes:
        year: The reporting year (within the plan period).
        language: ``fi``, ``sv`` or ``en``; ``None`` for the plan's main language (English if the
            plan's language has no catalogue).
        as_of: The day the year is judged on: what was recorded up to it counts, and deadlines
            up to it have passed. ``None`` for today in the plan's time zone.
        due_within: "Due soon" means due within this many days of ``as_of``.
    """

    year: int
    language: str | None = None
    as_of: date | None = None
    due_within: int = 60


# --- building -------------------------------------------------------------------------------------


def _restrict(repository: PlanRepository, clock: Clock) -> PlanRepository:
    """A copy of ``repository`` whose indicators hold only the values the report counts.

    The rule is the judgement's (:func:`hytecli.judge.counted_values`).
    """
    indicators = [
        dataclasses.replace(
            record,
            indicator=record.indicator.model_copy(
                update={"values": counted_values(record.indicator, clock)}
            ),
        )
        for record in repository.indicators
    ]
    return dataclasses.replace(repository, indicators=indicators)


@dataclass(frozen=True)
class JudgedYear:
    """The reporting year, judged once; what every format of the report shows.

    Attributes:
        status: The judgement of every item for the year (``hyte status --year`` shows the same).
        language: The report's language.
        as_of: The day judged.
        rule: ``today`` (the default: the day the report was made) or ``given`` (``--as-of``).
        today: Today in the plan's time zone.
        texts: The coordinator's texts of the year (``reports/<year>.yaml``), or ``None`` when
            they are not written.
        highlights: What was completed and missed in the year, which indicators improved or
            worsened (:func:`hytecli.highlights.year_highlights`).
    """

    status: StatusReport
    language: str
    as_of: date
    rule: str
    today: date
    texts: YearTexts | None
    highlights: YearHighlights

    @property
    def year_over(self) -> bool:
        """Whether the reporting year had ended on the day judged."""
        return self.as_of > date(self.status.year, 12, 31)


def judge_year(
    resolved: ResolvedPlan, options: ReportOptions, now: datetime | None = None
) -> JudgedYear:
    """Judge the reporting year ``options.year`` on ``options.as_of`` or today.

    Raises:
        ReportRequestError: the year is outside the plan period, the language has no
            catalogue, ``options.as_of`` is before the reporting year begins, or (without
            ``options.as_of``) the reporting year has not begun.
    """
    plan = resolved.plan
    years = list(resolved.years)
    if options.year not in years:
        raise ReportRequestError(
            f"the plan runs {years[0]}–{years[-1]}: --year must be one of "
            f"{', '.join(str(y) for y in years)}, not {options.year}"
        )
    language = options.language or default_language(plan.language)
    if language not in LANGUAGES:
        raise ReportRequestError(
            f"no report language {language!r}: use one of {', '.join(LANGUAGES)}"
        )
    today = today_in_zone(plan.time_zone, now)
    first_day = date(options.year, 1, 1)
    if options.as_of is not None:
        as_of, rule = options.as_of, "given"
        if as_of < first_day:
            raise ReportRequestError(
                f"--as-of {as_of.isoformat()} is before the reporting year {options.year} "
                f"begins: give a day from {first_day.isoformat()} on"
            )
    else:
        as_of, rule = today, "today"
        if as_of < first_day:
            raise ReportRequestError(
                f"the reporting year {options.year} has not begun (today is "
                f"{today.isoformat()} in {plan.time_zone}): report on an earlier --year, or "
                f"give --as-of with a day from {first_day.isoformat()} on to preview it"
            )
    query = StatusQuery(as_of=as_of, due_within=options.due_within, year=options.year)
    status = compute_status(resolved, query)
    record = texts_for(resolved.repository.year_texts, options.year)
    return JudgedYear(
        status,
        language,
        as_of,
        rule,
        today,
        record.texts if record is not None else None,
        year_highlights(status.items, options.year),
    )


def build_context(
    repository: PlanRepository,
    options: ReportOptions,
    *,
    now: datetime | None = None,
    revision: Revision | None = None,
    draw_charts: bool = True,
    resolved: ResolvedPlan | None = None,
) -> ReportContext:
    """Build the data of the annual report for ``options.year``.

    The year is judged once (:func:`judge_year`, through :func:`hytecli.status.compute_status`,
    the judgement ``hyte status --year`` shows too), on ``options.as_of`` or today: what was
    recorded up to that day counts, including values for the year that arrived after it ended.

    Args:
        repository: A loaded plan whose files loaded without errors.
        options: The year, language and day.
        now: The current instant, for the default ``as_of`` and for saying whether ``as_of``
            is in the future. ``None`` reads the machine's clock, for library users; the CLI
            reads the clock once and passes it in.
        revision: The data revision; default: asked from git in the repository's folder.
        draw_charts: Draw the SVG charts (the HTML report); the Markdown report does without.
        resolved: The plan already resolved from ``repository`` (default: resolved here).

    Raises:
        ReportRequestError: as :func:`judge_year`.
        hytecli.repository.PlanHasErrors: a plan file did not load.
    """
    if resolved is None:
        resolved = resolve_plan(repository)
    plan = resolved.plan
    years = list(resolved.years)
    judged = judge_year(resolved, options, now)
    status, language, as_of, rule, today = (
        judged.status,
        judged.language,
        judged.as_of,
        judged.rule,
        judged.today,
    )
    restricted = _restrict(repository, Clock(as_of, options.year, options.due_within))

    loc = Localizer(language)
    b = Builder(restricted, plan, status, loc, options.year, as_of, draw_charts)
    b.allocate_anchors()

    area_anchors: dict[str | None, str] = {}
    for summary in status.areas:
        if summary.id is not None:
            area_anchors[summary.id] = b.anchors.make("area", summary.id)
    unlinked_anchor = b.anchors.make("area", "unlinked-indicators")

    listed = {listing.id: listing for listing in plan.priority_areas}
    area_records: dict[str, AreaRecord] = {}
    for area_record in restricted.areas:
        area_records.setdefault(area_record.area.id, area_record)
    areas: list[AreaSection] = []
    for summary in status.areas:
        if summary.id is None:
            continue
        record = area_records.get(summary.id)
        listing = listed.get(summary.id)
        if record is None:
            title = b.t(listing.title) if listing else b.neutral(summary.id)
            assert title is not None
            areas.append(
                AreaSection(
                    id=summary.id,
                    anchor=area_anchors[summary.id],
                    number=None,
                    title=title,
                    listed_title=None,
                    has_section=False,
                    introduction=None,
                    goals=[],
                    footnotes=[],
                    sources=[],
                    summary=None,
                    notes=None,
                )
            )
            continue
        area = record.area
        area_title = b.t_req(area.title)
        goals = [b.goal_section(record, index) for index in range(len(area.goals))]
        listed_title = None
        if listing is not None and listing.title.words_differ(area.title):
            listed_title = b.t(listing.title)  # as P002 warns; only if it reads differently here
            if listed_title is not None and listed_title.text.split() == area_title.text.split():
                listed_title = None
        cited = [s for s in b.sources() if s.id in area.sources]
        areas.append(
            AreaSection(
                id=area.id,
                anchor=area_anchors[summary.id],
                number=area.number,
                title=area_title,
                listed_title=listed_title,
                has_section=True,
                introduction=b.t(area.introduction),
                goals=goals,
                footnotes=[
                    Footnote(f.marker, b.t(f.term), b.t_req(f.text)) for f in area.footnotes
                ],
                sources=cited,
                summary=None,
                notes=b.t(area.notes),
            )
        )

    unlinked: list[IndicatorSection] = []
    for record_ in restricted.indicators:
        indicator_id = record_.indicator.id
        if indicator_id not in b.indicator_sections:
            section = indicator_section(b, record_, [])
            b.indicator_sections[indicator_id] = section
            b.indicator_area[indicator_id] = None
            unlinked.append(section)

    rows = [
        b.summary_row(summary, area_anchors.get(summary.id) if summary.id else unlinked_anchor)
        for summary in status.areas
    ]
    by_id = {row.id: row for row in rows}
    areas = [dataclasses.replace(a, summary=by_id.get(a.id)) for a in areas]

    texts = year_texts_view(b, judged.texts, options.year)
    highlights = highlights_view(b, judged.highlights)
    summary_ = build_summary(b, rows, draw_charts)
    overdue = build_overdue(b, status)
    values = [row for section in _all_sections(areas, unlinked) for row in section.values]
    if revision is None:
        revision = detect_revision(repository.root)
    return ReportContext(
        lang=language,
        locale=loc.locale,
        year=options.year,
        as_of=b.day(as_of),
        as_of_rule=rule,
        as_of_future=as_of > today,
        year_over=judged.year_over,
        period_years=years,
        plan=_plan_info(b, plan),
        revision=revision,
        uncommitted=_uncommitted(loc, revision),
        due_within=options.due_within,
        summary=summary_,
        areas=areas,
        unlinked_indicators=unlinked,
        overdue=overdue,
        values=values,
        sources=b.sources(),
        states=[b.state_label(s) for s in b.status.states_shown],
        progress_statuses=[b.progress_label(k) for k in PROGRESS_STATUSES],
        unlinked_anchor=unlinked_anchor,
        in_language=loc.in_language(language),
        fallbacks=[
            Fallback(code, b.markers.get(code, code), loc.in_language(code))
            for code in sorted(b.fallback_languages)
        ],
        texts=texts,
        highlights=highlights,
        nothing_recorded=_nothing_recorded_note(
            loc, options.year, judged.year_over, bool(values) or anything_recorded(status.items)
        ),
        sotkanet=sotkanet_citations(_all_sections(areas, unlinked)),
    )


def _uncommitted(loc: Localizer, revision: Revision) -> str | None:
    """Which files had changes not yet saved as a version, in plain words, or ``None``."""
    if not revision.modified:
        return None
    folders = ", ".join(f"{path}/" for path in revision.plan_changed)
    if folders and revision.templates_changed:
        return loc.gettext(
            "The plan's files (%(folders)s) and the report's templates had changes not yet "
            "saved as a version.",
            folders=folders,
        )
    if folders:
        return loc.gettext(
            "The plan's files (%(folders)s) had changes not yet saved as a version.",
            folders=folders,
        )
    if revision.templates_changed:
        return loc.gettext("The report's templates had changes not yet saved as a version.")
    return loc.gettext("The files had changes not yet saved as a version.")  # git cannot tell


def _all_sections(
    areas: Sequence[AreaSection], unlinked: Sequence[IndicatorSection]
) -> list[IndicatorSection]:
    sections = [i for area in areas for goal in area.goals for i in goal.indicators]
    return [*sections, *unlinked]


def _contains(outer: PlanText | None, inner: PlanText | None) -> bool:
    """True when ``inner`` is part of ``outer`` word for word (runs of whitespace count as one)."""
    if outer is None or inner is None:
        return False
    words = " ".join(inner.text.split())
    return bool(words) and words in " ".join(outer.text.split())


def _plan_info(b: Builder, plan: PlanFile) -> PlanInfo:
    introduction = b.t(plan.introduction)
    cross_cutting = b.t(plan.cross_cutting)
    return PlanInfo(
        id=plan.id,
        title=b.t_req(plan.title),
        organisation=b.t_req(plan.organisation.name),
        short_name=plan.organisation.short_name,
        language=plan.language,
        languages=list(plan.languages),
        period_start=b.day(plan.period.start),
        period_end=b.day(plan.period.end),
        introduction=introduction,
        cross_cutting=cross_cutting,
        cross_cutting_in_introduction=_contains(introduction, cross_cutting),
        legal_basis=[
            LegalReference(
                item.statute,
                item.section,
                b.t(item.title),
                item.url,
                _legal_citation(b.loc, item.statute, item.section),
            )
            for item in plan.legal_basis
        ],
        annexes=[b.t_req(annex.title) for annex in plan.annexes],
        municipalities=[b.t_req(m.name) for m in plan.municipalities],
    )


_SECTION_NUMBER = re.compile(r"^(?:§\s*)?(\d+(?:\s?[a-z])?)(?:\s*§)?$")


def _legal_citation(loc: Localizer, statute: str, section: str | None) -> str:
    """A statute and section in the report's words: ``612/2021 7 §``, ``section 7 of Act ...``.

    A section written as a number with a section sign (``7 §``, ``§ 7``, ``7 a §``) follows the
    language's form; any other wording is shown as written after the statute.
    """
    if section is None:
        return statute
    number = _SECTION_NUMBER.match(section.strip())
    if number is None:
        return f"{statute} {section}"
    return loc.gettext(
        "section %(number)s of Act %(statute)s", number=number.group(1), statute=statute
    )


def _nothing_recorded_note(
    loc: Localizer, year: int, year_over: bool, recorded: bool
) -> str | None:
    """The summary's first sentence when nothing counts for the year (else ``None``).

    It comes first so that the states are not read as "nothing was done"; a year not yet over
    says "yet" and does not claim that every deadline has passed.
    """
    if recorded:
        return None
    if year_over:
        return loc.gettext(
            "Nothing has been recorded for %(year)s: no completion, no assessment and no "
            "indicator value. The states below only say that deadlines have passed without "
            "anything being recorded.",
            year=year,
        )
    return loc.gettext(
        "Nothing has been recorded for %(year)s yet: no completion, no assessment and no "
        "indicator value. The states below only say how the deadlines stand without anything "
        "being recorded.",
        year=year,
    )
