"""Building the report's parts about the year: assessments, the coordinator's texts, highlights.

The assessment shown is the judgement's (:attr:`hytecli.judgement.Judgement.assessment`, the
reporting year's, when known on the day judged); the highlights are
:func:`hytecli.highlights.year_highlights`, which the JSON report uses too. Texts are worded by
:class:`hytecli.wording.Wording` and the plan's texts shown through the builder, with the same
fallback marking as every other plan text.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from hytecli.assessments import MISSED_STATUSES
from hytecli.highlights import YearHighlights
from hytecli.judgement import Judgement
from hytecli.labels import ASSESSMENT_SYMBOLS
from hytecli.report.model_values import ItemLink, Label
from hytecli.report.model_year import (
    AssessmentView,
    CouncilEntry,
    HighlightEntry,
    Highlights,
    YearTextsView,
)
from hytecli.report.texts import PlanText
from hytecli.year_texts import YearTexts, year_texts_path

if TYPE_CHECKING:
    from hytecli.report.builder import Builder


def assessment_view(b: Builder, item: Judgement | None) -> AssessmentView | None:
    """A goal's or action's assessment of the reporting year, or ``None`` when it has none."""
    if item is None or item.assessment is None:
        return None
    assessment = item.assessment
    status = assessment.status
    resources = assessment.resources
    merged = None
    if assessment.merged_into is not None:
        ident = assessment.merged_into
        target = b.items.get(("goal", ident)) or b.items.get(("action", ident))
        if target is not None:
            merged = b.link(target.kind, ident, target.title)
        else:
            merged = b.link("action", ident, None)
    text = b.t(assessment.text)
    brief, shortened = brief_text(text)
    return AssessmentView(
        year=assessment.year,
        status=Label(status.value, b.words.assessment_status(status), ASSESSMENT_SYMBOLS[status]),
        text=text,
        amounts=b.words.amounts(resources),
        resources_text=b.t(resources.text) if resources is not None else None,
        by=b.neutral(assessment.by) if assessment.by is not None else None,
        date=b.day(assessment.date) if assessment.date is not None else None,
        merged_into=merged,
        brief=brief,
        shortened=shortened,
    )


#: A sentence ends at ``.``, ``!`` or ``?`` followed by space and a capital letter or a digit
#: (so ``31.12.2025`` and ``esim. kunnat`` do not end one).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÜ0-9\"”«])")


def brief_text(
    text: PlanText | None, sentences: int = 2, limit: int = 300
) -> tuple[PlanText | None, bool]:
    """The first ``sentences`` sentences of ``text``'s first paragraph, within ``limit`` characters.

    At least one sentence is kept whole, however long. Returns the brief text (the same
    language and marking as ``text``) and whether it leaves something out.
    """
    if text is None:
        return None, False
    paragraphs = text.paragraphs
    if not paragraphs:
        return text, False
    parts = _SENTENCE_END.split(" ".join(paragraphs[0].split()))
    kept = parts[:1]
    for part in parts[1:sentences]:
        if len(" ".join([*kept, part])) > limit:
            break
        kept.append(part)
    brief = " ".join(kept)
    shortened = len(kept) < len(parts) or len(paragraphs) > 1
    return dataclasses.replace(text, text=brief), shortened


def year_texts_view(b: Builder, texts: YearTexts | None, year: int) -> YearTextsView:
    """The coordinator's texts of ``year``; all empty when ``reports/<year>.yaml`` is missing."""
    if texts is None:
        return YearTextsView(year_texts_path(year), False, None, None, None, [], [])
    return YearTextsView(
        path=year_texts_path(year),
        written=True,
        summary=b.t(texts.summary),
        conclusions=b.t(texts.conclusions),
        next_year=b.t(texts.next_year),
        authors=[b.t_req(author) for author in texts.authors],
        council=[
            CouncilEntry(b.t_req(c.body), b.day(c.date), c.section, c.url) for c in texts.council
        ],
    )


def highlights_view(b: Builder, highlights: YearHighlights) -> Highlights:
    """The year's highlights in the report's words."""
    words = b.words

    def done(item: Judgement) -> HighlightEntry:
        return HighlightEntry(
            _link(b, item),
            b.state_label(item.state),
            "state",
            words.detail(item),
            b.served_goal(item),
        )

    def missed(item: Judgement) -> HighlightEntry:
        assessment = item.assessment
        if assessment is not None and assessment.status in MISSED_STATUSES:
            view = assessment_view(b, item)
            assert view is not None
            return HighlightEntry(_link(b, item), view.status, "assessment", words.detail(item))
        return HighlightEntry(
            _link(b, item),
            b.state_label(item.state),
            "state",
            words.detail(item),
            b.served_goal(item),
        )

    def change(item: Judgement) -> HighlightEntry:
        assert item.indicator is not None
        return HighlightEntry(
            _link(b, item),
            b.progress_label(item.indicator.progress_key),
            "progress",
            words.change(item.indicator),
            b.served_goal(item),
        )

    return Highlights(
        completed=[done(i) for i in highlights.completed],
        missed=[missed(i) for i in highlights.missed],
        improved=[change(i) for i in highlights.improved],
        worsened=[change(i) for i in highlights.worsened],
    )


def _link(b: Builder, item: Judgement) -> ItemLink:
    return b.link(item.kind, item.id, item.title)
