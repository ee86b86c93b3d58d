"""hyte report: content, options, escaping (c09), template errors (c10), determinism, revision."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL_AREA, MINIMAL_PLAN
from hytecli.cli import app
from hytecli.errors import HyteError
from hytecli.models import Text
from hytecli.report import (
    ReportOptions,
    ReportRequestError,
    Revision,
    TemplateProblem,
    build_context,
    render_report,
)
from hytecli.report.revision import detect_revision
from hytecli.report.texts import (
    PlanText,
    html_paragraphs,
    md_cell,
    md_escape,
    md_line,
    md_mark,
    plan_text,
)
from hytecli.repository import load_repository
from report_support import FIXTURE_NOW, ROOT, copy_fixture

runner = CliRunner()
NO_GIT = Revision("not_a_repository")


@pytest.fixture(scope="module")
def fixture_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_fixture(tmp_path_factory.mktemp("report") / "fixture")


@pytest.fixture(scope="module")
def fixture_repo(fixture_root: Path):  # type: ignore[no-untyped-def]
    repository = load_repository(fixture_root)
    assert [f for f in repository.findings if f.severity.value == "error"] == []
    return repository


@pytest.fixture(scope="module")
def real_repo():  # type: ignore[no-untyped-def]
    return load_repository(ROOT)


def render(repository, year=2025, fmt="markdown", lang="fi", as_of=None, **kwargs):  # type: ignore[no-untyped-def]
    options = ReportOptions(year=year, language=lang, as_of=as_of)
    kwargs.setdefault("revision", NO_GIT)
    kwargs.setdefault("now", FIXTURE_NOW)
    return render_report(repository, options, fmt, **kwargs)


# --- the day judged -------------------------------------------------------------------------------


def test_context_records_how_the_day_was_chosen(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    def ctx(year: int, now: datetime, as_of: date | None = None):  # type: ignore[no-untyped-def]
        options = ReportOptions(year=year, language="en", as_of=as_of)
        return build_context(fixture_repo, options, now=now, revision=NO_GIT, draw_charts=False)

    # The default day is today (in the plan's zone), also for a year that has ended: the 2025
    # report made on 15 January 2026 counts what was known then.
    after = ctx(2025, FIXTURE_NOW)
    assert (after.as_of.iso, after.as_of_rule, after.year_over) == ("2026-01-15", "today", True)
    # 23:30 UTC on 31 May is already 1 June in Helsinki: today is judged in the plan's zone.
    today = ctx(2025, datetime(2025, 5, 31, 23, 30, tzinfo=UTC))
    assert (today.as_of.iso, today.as_of_rule, today.year_over) == ("2025-06-01", "today", False)
    given = ctx(2025, FIXTURE_NOW, date(2025, 3, 1))
    assert (given.as_of.iso, given.as_of_rule) == ("2025-03-01", "given")
    # 31 December is still within the year: it is not over yet on that day
    assert not ctx(2025, FIXTURE_NOW, date(2025, 12, 31)).year_over


def test_a_year_outside_the_plan_period_is_refused(fixture_repo, fixture_root: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReportRequestError, match="2024, 2025, 2026"):
        render(fixture_repo, year=2027)
    result = runner.invoke(app, ["report", "--repo", str(fixture_root), "--year", "2023"])
    assert result.exit_code == 2
    assert "--year must be one of 2024, 2025, 2026" in result.output


def test_a_refused_report_request_is_a_usage_error_without_a_traceback(
    fixture_root: Path,
) -> None:
    # ReportRequestError is a HyteError (exit 2): the CLI's one handler words it, no mapping.
    assert issubclass(ReportRequestError, HyteError)
    assert ReportRequestError("x").exit_code == 2
    result = runner.invoke(app, ["report", "--repo", str(fixture_root), "--year", "2023"])
    assert result.exit_code == 2
    assert result.stderr == (
        "hyte: error: the plan runs 2024–2026: --year must be one of 2024, 2025, 2026, not 2023\n"
    )
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert isinstance(result.exception, SystemExit)


def test_values_count_up_to_the_reporting_year_and_the_day_judged(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    def periods(year: int, as_of: date) -> list[str]:
        options = ReportOptions(year=year, language="fi", as_of=as_of)
        context = build_context(fixture_repo, options, revision=NO_GIT, draw_charts=False)
        return [v.period for v in context.values if v.indicator_id == "liikkuvien-osuus"]

    assert periods(2025, date(2025, 12, 31)) == ["2024", "2025", "2025"]
    assert periods(2024, date(2024, 12, 31)) == ["2024"]
    # the 2026 value is dated 2026-03-01: not known before it, and never in the 2025 report
    assert periods(2026, date(2026, 2, 1)) == ["2024", "2025", "2025"]
    assert periods(2026, date(2026, 3, 1)) == ["2024", "2025", "2025", "2026"]
    assert periods(2025, date(2026, 6, 1)) == ["2024", "2025", "2025"]


# --- content --------------------------------------------------------------------------------------


def test_every_progress_status_and_state_appears_in_the_fixture(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    context = build_context(
        fixture_repo,
        ReportOptions(2025, "en"),
        now=FIXTURE_NOW,
        revision=NO_GIT,
        draw_charts=False,
    )
    progress = {c.label.key: c.count for c in context.summary.progress}
    assert progress == {
        "target_achieved": 3,
        "on_track": 1,
        "progress_too_slow": 1,
        "deterioration": 1,
        "not_achieved": 1,
        "not_enough_data": 2,
        "no_target_or_direction": 2,
        "not_assessed": 1,
    }
    states = {c.label.key: c.count for c in context.summary.states}
    assert all(states[key] > 0 for key in ("done", "overdue", "open", "no_deadline"))
    # judged on 15 January 2026, the year 2025 is over: nothing in its report is "due soon"
    assert states["due_soon"] == 0
    areas = {a.id: a for a in context.areas}
    assert not areas["kokeilut"].has_section and areas["kokeilut"].goals == []
    assert [i.id for i in context.unlinked_indicators] == ["irrallinen"]
    # made on 15 January 2026: the yearly review's 2025 entry is missing (missed), the campaign
    # is overdue and its yes/no indicator was answered "no" (not achieved, not "overdue")
    missed = {o.item.id: o.state.label.key for o in context.overdue}
    assert missed == {
        "vuosikatsaus": "overdue",
        "kampanja": "overdue",
        "kampanja-toteutui": "not_achieved",
    }


def test_progress_statuses_come_from_the_judgement_in_every_language(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    # The report shows the progress the judgement computed (hyte status shows the same), in
    # the report's language.
    words = {
        "fi": "edistyy tavoitteen mukaisesti",
        "sv": "framskrider enligt målet",
        "en": "on track",
    }
    for lang, word in words.items():
        text = render(fixture_repo, lang=lang)
        row = next(line for line in text.splitlines() if line.startswith("| Riittävästi"))
        assert f"| ↗ {word}: " in row


def _progress_label(lang: str) -> str:
    return {"fi": "Edistyminen", "sv": "Framsteg", "en": "Progress"}[lang]


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_real_plan_reports_are_made_in_every_language_and_format(real_repo, year: int) -> None:  # type: ignore[no-untyped-def]
    # The live plan fills up as values are recorded: assert only what stays true. (What the
    # plan said before anything was recorded is tested on a frozen copy.)
    for lang in ("fi", "sv", "en"):
        for fmt in ("markdown", "html"):
            text = render(real_repo, year=year, fmt=fmt, lang=lang, revision=None)
            assert "Digitaalisten hyte-palvelujen kehittäminen" in text
            assert str(year) in text
            if fmt == "html":
                assert f'<html lang="{lang}">' in text


def test_plan_text_falls_back_to_finnish_visibly(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    html = render(fixture_repo, fmt="html", lang="sv")
    # a Finnish-only title: lang="fi" on its element and a short raised marker after it
    assert (
        '<span lang="fi">Asukkaat liikkuvat enemmän vuoteen 2026 mennessä</span>'
        ' <span class="fallback">(fi)</span></th>'
    ) in html
    # a title the plan gives in Swedish: no marker
    assert "Ensamheten minskar</li>" in html
    assert '<html lang="sv">' in html
    # one notice near the top says what the marker means; the long markers are gone
    header = html.split("</header>")[0]
    assert header.count('<p class="notice">Planens texter som inte finns på svenska') == 1
    assert 'visas på finska och är märkta med <span class="fallback">(fi)</span>.' in header
    assert "på finska)" not in html
    # every marker follows text in Finnish: no marker without a lang="fi" before it
    body = html.split("</header>")[1]
    for before in body.split('<span class="fallback"')[:-1]:
        assert before.rfind('lang="fi"') > before.rfind('class="fallback"'), before[-200:]
    md = render(fixture_repo, lang="en")
    assert "| **Goal: Asukkaat liikkuvat enemmän vuoteen 2026 mennessä (fi)** |" in md
    assert md.count("Texts of the plan that are not available in English are shown in Finnish") == 1
    assert "(in Finnish)" not in md


def test_markdown_marks_only_titles_of_goals_actions_and_indicators(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    md = render(fixture_repo, lang="en")
    marked = [line for line in md.splitlines() if "(fi)" in line and not line.startswith(">")]
    assert marked, "no fallback title was marked"
    for line in marked:
        # a title in a table's first cell, or in a list of goals, actions or indicators
        assert line.startswith(("| ", "- ")), line
        if line.startswith("| "):
            assert line.count("(fi)") == 1 and " (fi)" in line.split(" | ")[0], line
    # responsible parties and notes carry no marker
    assert "| KUVA; kunnat ja järjestöt | 30 Jun 2025 |" in md
    intro = md.split("\n## Appendix: the plan's introduction\n")[1].split("\n## ")[0]
    assert "(fi)" not in intro
    # a report in the plan's own language needs neither notice nor markers
    fi = render(fixture_repo, lang="fi")
    assert "(fi)" not in fi and "ei ole saatavilla" not in fi
    html_fi = render(fixture_repo, fmt="html", lang="fi")
    assert (
        'class="fallback"' not in html_fi.split("</style>")[1]
        and 'class="notice">Suunnitelman' not in html_fi
    )


def test_fallback_marker_skips_abbreviations_but_keeps_lang() -> None:
    abbreviation = plan_text(Text({"fi": "LUVN"}), "en", {"fi": "fi"})
    assert abbreviation is not None and abbreviation.fallback and not abbreviation.marked
    assert str(abbreviation.__html__()) == '<span lang="fi">LUVN</span>'
    words = plan_text(Text({"fi": "Kunnat"}), "en", {"fi": "fi"})
    assert words is not None and words.marked
    # the marker reads as a word: "(fi)", not a box
    assert str(words.__html__()) == (
        '<span lang="fi">Kunnat</span> <span class="fallback">(fi)</span>'
    )
    # every paragraph of a fallback text carries its lang and its marker
    intro = plan_text(Text({"fi": "Yksi.\n\nKaksi."}), "en", {"fi": "fi"})
    assert str(html_paragraphs(intro)) == (
        '<p lang="fi">Yksi. <span class="fallback" lang="en">(fi)</span></p>\n'
        '<p lang="fi">Kaksi. <span class="fallback" lang="en">(fi)</span></p>'
    )


def test_dates_and_numbers_follow_the_locale(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    fi = render(fixture_repo, lang="fi")
    en = render(fixture_repo, lang="en")
    nbsp = "\u00a0"  # Finnish groups digits with a no-break space, and puts one before %
    assert f"| 2025 | koko alue | 1{nbsp}200 käyntiä |" in fi
    assert "| 2025 | whole area | 1,200 käyntiä |" in en
    assert f"7,6 / 1{nbsp}000 asukasta" in fi and "7\\.6 per 1,000 inhabitants" in en
    assert "31.5.2025" in fi and "31 May 2025" in en
    assert f"| 2025 | koko alue | 54{nbsp}% |" in fi and "| 2025 | whole area | 54% |" in en


# --- escaping (case c09) --------------------------------------------------------------------------

INJECTION = '<script>alert(1)</script> & "Ä"'


def _injection_plan(build_plan):  # type: ignore[no-untyped-def]
    return build_plan(
        {
            "plan/alue-a.yaml": """\
            id: alue-a
            number: 1
            title: 'Alue <b>A</b> | $x$'
            goals:
              - id: tavoite-1
                title: '<script>alert(1)</script> & "Ä"'
                deadline: 2024
                responsible: ['[linkki](javascript:alert(1))']
                indicators: [mittari-1]
                actions:
                  - id: toimenpide-1
                    title: "Putki | ja\\nrivinvaihto *tähti* # risu"
                    deadline: 2024-06
            """,
        }
    )


def test_c09_plan_text_is_escaped_in_html(build_plan) -> None:  # type: ignore[no-untyped-def]
    repository = load_repository(_injection_plan(build_plan))
    html = render(repository, year=2024, fmt="html", lang="fi")
    assert "<script>" not in html and "<b>A</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Ä&#34;" in html
    assert "Alue &lt;b&gt;A&lt;/b&gt; | $x$" in html
    assert 'href="javascript' not in html
    # the area title is drawn in the summary chart: escaped there too
    svg = re.findall(r"<svg.*?</svg>", html, re.S)
    assert svg and all("<b>" not in s and "<script" not in s for s in svg)


def test_c09_markdown_escapes_pipes_newlines_and_markup(build_plan) -> None:  # type: ignore[no-untyped-def]
    repository = load_repository(_injection_plan(build_plan))
    md = render(repository, year=2024, lang="fi")
    assert '| **Tavoite: \\<script\\>alert(1)\\</script\\> \\& "Ä"** |' in md
    assert "\\[linkki\\](javascript:alert(1))" in md
    row = next(line for line in md.splitlines() if line.startswith("| Toimenpide: Putki"))
    assert row.startswith("| Toimenpide: Putki \\| ja<br>rivinvaihto \\*tähti\\* \\# risu |")
    header = next(line for line in md.splitlines() if line.startswith("| Tavoite tai toimenpide |"))
    unescaped = re.compile(r"(?<!\\)\|")
    assert len(unescaped.findall(row)) == len(unescaped.findall(header))
    assert "## 1. Alue \\<b\\>A\\</b\\> \\| \\$x\\$" in md


def test_a_missing_translation_falls_back_to_the_plans_main_language(build_plan) -> None:  # type: ignore[no-untyped-def]
    text = Text({"fi": "Suomeksi", "sv": "På svenska"})
    shown = plan_text(text, "en", {"sv": "sv"}, fallback="sv")
    assert shown is not None
    assert (shown.lang, str(shown), shown.marker) == ("sv", "På svenska", "sv")
    # A Swedish plan's English report shows Swedish, not the first language written (Finnish).
    plan = MINIMAL_PLAN.replace("time_zone:", "language: sv\nlanguages: [sv, fi]\ntime_zone:")
    area = MINIMAL_AREA.replace(
        "title: Tavoite yksi", "title: {fi: Tavoite suomeksi, sv: Mål på svenska}"
    )
    repository = load_repository(build_plan({"plan/plan.yaml": plan, "plan/alue-a.yaml": area}))
    assert [f for f in repository.findings if f.severity.value == "error"] == []
    md = render(repository, year=2024, lang="en")
    assert "Goal: Mål på svenska (sv)" in md
    assert "are not available in English are shown in Swedish;" in md
    assert "Tavoite suomeksi" not in md


def test_markdown_mentions_nobody_on_github(build_plan) -> None:  # type: ignore[no-untyped-def]
    # A Markdown report committed or posted on GitHub must not notify "@luvn-team" or link #123.
    repository = load_repository(
        build_plan(
            {
                "plan/alue-a.yaml": """\
                id: alue-a
                number: 1
                title: 'Alue @alue-tiimi'
                goals:
                  - id: tavoite-1
                    title: 'Tavoite @luvn-team'
                    deadline: 2024
                    responsible: ['@kunnat']
                    actions:
                      - id: toimenpide-1
                        title: 'Korjaa #123 ja GH-7'
                        deadline: 2024-06
                """,
            }
        )
    )
    md = render(repository, year=2024, lang="fi")
    assert "## 1. Alue @<!-- -->alue-tiimi" in md
    assert "| **Tavoite: Tavoite @<!-- -->luvn-team** |" in md
    assert "@<!-- -->kunnat" in md
    assert "| Toimenpide: Korjaa \\#<!-- -->123 ja GH-<!-- -->7 |" in md
    assert not re.search(r"@[a-z]|#[0-9]|GH-[0-9]", md)
    # HTML is not Markdown: the text is shown as written there.
    assert "Tavoite @luvn-team" in render(repository, year=2024, fmt="html", lang="fi")


def test_markdown_escaping_helpers() -> None:
    assert md_cell("a | b\nc") == "a \\| b<br>c"
    assert md_line("- not a list\n# nor a heading") == "\\- not a list \\# nor a heading"
    assert md_escape("1. first\n\n+ second") == "1\\. first\n\n\\+ second"
    assert md_escape("line one\nline two") == "line one\\\nline two"
    assert md_escape("@tiimi #1") == md_line("@tiimi #1") == "@<!-- -->tiimi \\#<!-- -->1"
    assert md_cell("a\n@b") == "a<br>@<!-- -->b"
    fallback = PlanText("Teksti", "fi", True, "fi", "en")
    assert md_line(fallback) == md_cell(fallback) == "Teksti"  # the notice explains
    assert md_mark(fallback) == " (fi)"
    assert str(fallback.__html__()) == (
        '<span lang="fi">Teksti</span> <span class="fallback">(fi)</span>'
    )


# --- templates (case c10) -------------------------------------------------------------------------


def test_c10_an_undefined_variable_names_the_template_and_line(build_plan) -> None:  # type: ignore[no-untyped-def]
    root = build_plan(
        {
            "templates/report.html.j2": '<!DOCTYPE html>\n<html lang="{{ report.lang }}">\n'
            "<p>{{ report.plan.titel }}</p>\n</html>\n",
        }
    )
    result = runner.invoke(
        app, ["report", "--repo", str(root), "--year", "2024", "--format", "html"]
    )
    assert result.exit_code == 1, result.output
    assert "templates/report.html.j2, line 3" in result.output
    assert "titel" in result.output
    assert "Traceback" not in result.output


def test_c10_errors_in_included_templates_and_syntax_errors(build_plan) -> None:  # type: ignore[no-untyped-def]
    packaged = (ROOT / "src" / "hytecli" / "templates" / "macros.md.j2").read_text("utf-8")
    typo = packaged.replace("{{ s.summary or s.label.label }}", "{{ s.label.lable }}")
    line = next(n for n, text in enumerate(typo.splitlines(), 1) if "s.label.lable" in text)
    root = build_plan({"templates/macros.md.j2": typo})
    with pytest.raises(TemplateProblem) as problem:
        render(load_repository(root), year=2024)
    assert (problem.value.template, problem.value.line) == ("templates/macros.md.j2", line)
    assert "lable" in problem.value.message

    broken = build_plan({"templates/report.md.j2": "# Title\n\n{% for x in report.areas %}\n"})
    result = runner.invoke(app, ["report", "--repo", str(broken), "--year", "2024"])
    assert result.exit_code == 1
    assert "templates/report.md.j2" in result.output and "line 3" in result.output


def test_templates_run_in_a_sandbox(build_plan) -> None:  # type: ignore[no-untyped-def]
    root = build_plan(
        {
            "templates/report.md.j2": "{{ report.__class__.__init__.__globals__ }}\n",
        }
    )
    with pytest.raises(TemplateProblem, match="report.md.j2"):
        render(load_repository(root), year=2024)


def test_repository_templates_override_the_packaged_ones_by_name(build_plan) -> None:  # type: ignore[no-untyped-def]
    root = build_plan({"templates/report.css": "body { color: #000000; } /* our own style */\n"})
    html = render(load_repository(root), year=2024, fmt="html")
    assert "/* our own style */" in html
    assert "<h1>" in html  # report.html.j2 itself still comes from the package


# --- output ---------------------------------------------------------------------------------------


def test_html_is_self_contained(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    html = render(fixture_repo, fmt="html", lang="en")
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert "@import" not in html and " src=" not in html
    assert re.findall(r"url\((?!#)", html) == []
    # the only external addresses are links the reader may follow (sources, data sources)
    hrefs = re.findall(r'href="([^"#][^"]*)"', html)
    assert hrefs and all(h.startswith("https://example.org/") for h in hrefs)
    assert html.count("<h1>") == 1
    # two summary charts and one per indicator with at least two numeric values of its own
    # (the baseline counts): a single point shows no trend
    assert html.count('role="img"') == 7


def test_headings_are_in_order(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    html = render(fixture_repo, fmt="html", lang="fi")
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))


def test_same_data_gives_byte_identical_output(fixture_root: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    outputs = []
    for seed in ("1", "2"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "hytecli",
                "report",
                "--repo",
                str(fixture_root),
                "--year",
                "2025",
                "--format",
                "html",
                "--lang",
                "sv",
            ],
            capture_output=True,
            env={**env, "PYTHONHASHSEED": seed},
            check=True,
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert b"<svg" in outputs[0]


def test_output_option_writes_the_file(fixture_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "raportti.md"
    result = runner.invoke(
        app,
        [
            "report",
            "--repo",
            str(fixture_root),
            "--year",
            "2025",
            "--output",
            str(target),
            "--as-of",
            "2025-12-31",
        ],
    )
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("# Vuosiraportti 2025: ")


def test_help_does_not_import_the_report_machinery() -> None:
    code = (
        "import sys\nfrom hytecli.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('matplotlib', 'babel', 'jinja2') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


# --- revision -------------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_revision_names_the_commit_and_uncommitted_changes(build_plan) -> None:  # type: ignore[no-untyped-def]
    root = build_plan()
    assert detect_revision(root).state == "not_a_repository"
    _git(root, "init", "-q")
    assert detect_revision(root).state == "no_commit"
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "plan")
    clean = detect_revision(root)
    assert clean.state == "clean" and clean.commit is not None and len(clean.commit) == 40
    (root / "indicators" / "mittari-1.yaml").write_text(
        (root / "indicators" / "mittari-1.yaml").read_text() + "# changed\n"
    )
    assert detect_revision(root) == Revision("modified", clean.commit, ("indicators",))
    md = render(load_repository(root), year=2024, lang="en", revision=None)
    assert (
        f"Data: version {clean.commit[:12]} of the plan's repository. The plan's files "
        "(indicators/) had changes not yet saved as a version." in md
    )
    assert "git" not in md.split("## About this report")[0]


def test_revision_without_git(build_plan, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("hytecli.report.revision.shutil.which", lambda _name: None)
    assert detect_revision(build_plan()).state == "no_git"


# --- Markdown as GitHub reads it ----------------------------------------------------------------


def _parse(md: str):  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(md)


def _texts(tokens, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for i, token in enumerate(tokens):
        if token.type == f"{kind}_open":
            inline = tokens[i + 1]
            out.append(
                "".join(
                    "\n" if child.type in ("softbreak", "hardbreak") else child.content
                    for child in inline.children
                )
            )
    return out


def test_markdown_renders_plan_text_exactly_and_no_raw_html(build_plan) -> None:  # type: ignore[no-untyped-def]
    repository = load_repository(_injection_plan(build_plan))
    tokens = _parse(render(repository, year=2024, lang="fi"))
    assert {t.type for t in tokens} >= {"table_open", "thead_open", "heading_open"}
    assert not [t for t in tokens if t.type == "html_block"]
    inline_html = {
        c.content for t in tokens if t.children for c in t.children if c.type == "html_inline"
    }
    assert inline_html <= {"<br>"}
    headings = _texts(tokens, "heading")
    assert "1. Alue <b>A</b> | $x$" in headings
    cells = _texts(tokens, "th") + _texts(tokens, "td")
    assert f"Tavoite: {INJECTION}" in cells
    assert "Toimenpide: Putki | ja\nrivinvaihto *tähti* # risu" not in cells  # <br>, not \n
    assert any(c.startswith("Toimenpide: Putki | ja") and "*tähti* # risu" in c for c in cells)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_markdown_structure(fixture_repo, lang: str) -> None:  # type: ignore[no-untyped-def]
    tokens = _parse(render(fixture_repo, lang=lang))
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    assert not [t for t in tokens if t.type == "html_block"]
    # every table has a header row
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            assert tokens[i + 1].type == "thead_open"


# --- the year judged and the day judged -----------------------------------------------------------

VUOSIKATSAUS_2024 = "        completed:\n          - date: 2024-12-15\n            period: 2024\n"


def _row(md: str, start: str, section: str | None = None) -> str:
    if section is not None:
        md = md.split(f"\n## {section}")[1].split("\n## ")[0]
    return next(line for line in md.splitlines() if line.startswith(start))


def _without_vuosikatsaus_entries(root: Path) -> None:
    area = root / "plan" / "liikkuminen.yaml"
    text = area.read_text(encoding="utf-8")
    assert VUOSIKATSAUS_2024 in text
    area.write_text(text.replace(VUOSIKATSAUS_2024, ""), encoding="utf-8")


def test_a_past_years_report_judges_recurring_items_for_that_year(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "fixture")
    as_of = date(2025, 3, 15)
    md = render(load_repository(root), year=2024, lang="en", as_of=as_of)
    row = _row(md, "| Action: Laaditaan vuosikatsaus.")
    assert "| ✓ done 15 Dec 2024, on time (2024: recorded) |" in row
    assert "| 31 Dec 2024 (every year)" in row
    assert "2025" not in row
    assert "Laaditaan vuosikatsaus" not in md.split("\n## Missed, overdue")[1].split("\n## ")[0]

    # Without its 2024 entry it is overdue for 2024 (not open for 2025), and listed so.
    _without_vuosikatsaus_entries(root)
    md = render(load_repository(root), year=2024, lang="en", as_of=as_of)
    row = _row(md, "| Action: Laaditaan vuosikatsaus.")
    # the badge says the state's detail, never its name twice ("overdue overdue by 74 days")
    assert "| ✗ overdue by 74 days (missed in 2024) (2024: not recorded) |" in row
    overdue = _row(md, "| action: Laaditaan vuosikatsaus.", "Missed, overdue")
    assert "| ✗ overdue by 74 days (2024: not recorded) |" in overdue

    # Recording the 2024 completion afterwards makes the 2024 report say so.
    result = runner.invoke(
        app,
        ["complete", "vuosikatsaus", "--repo", str(root), "--period", "2024"]
        + ["--date", "2024-11-20"],
    )
    assert result.exit_code == 0, result.output
    md = render(load_repository(root), year=2024, lang="en", as_of=as_of)
    row = _row(md, "| Action: Laaditaan vuosikatsaus.")
    assert "| ✓ done 20 Nov 2024, on time (2024: recorded) |" in row
    assert "Laaditaan vuosikatsaus" not in md.split("\n## Missed, overdue")[1].split("\n## ")[0]


def test_an_as_of_before_the_reporting_year_is_refused(fixture_repo, fixture_root: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReportRequestError, match="before the reporting year 2025 begins"):
        render(fixture_repo, year=2025, as_of=date(2024, 12, 31))
    assert render(fixture_repo, year=2025, as_of=date(2025, 1, 1))  # its first day is fine
    args = ["report", "--repo", str(fixture_root), "--year", "2025", "--as-of", "2023-01-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert (
        "hyte: error: --as-of 2023-01-01 is before the reporting year 2025 begins: "
        "give a day from 2025-01-01 on" in result.stderr
    )
    assert result.stdout == ""


def test_a_year_that_has_not_begun_is_refused_by_default(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReportRequestError, match="the reporting year 2026 has not begun"):
        render(fixture_repo, year=2026, now=datetime(2025, 6, 1, 12, tzinfo=UTC))


def test_a_future_day_judged_is_said_in_the_header(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    # FIXTURE_NOW is 2026-01-15 in Helsinki
    options = ReportOptions(year=2026, language="en", as_of=date(2026, 6, 30))
    context = build_context(
        fixture_repo, options, now=FIXTURE_NOW, revision=NO_GIT, draw_charts=False
    )
    assert context.as_of_future
    md = render(fixture_repo, year=2026, lang="en", as_of=date(2026, 6, 30))
    notice = "Judged as of a future day: 30 Jun 2026 had not come when this report was made."
    assert notice in md.split("\n## ")[0]
    html = render(fixture_repo, year=2026, fmt="html", lang="en", as_of=date(2026, 6, 30))
    assert "Judged as of a future day:" in html.split("</header>")[0]
    for lang, words in (
        ("fi", "Arvioitu tulevan päivän mukaan"),
        ("sv", "Bedömd per en framtida dag"),
    ):
        assert words in render(fixture_repo, year=2026, lang=lang, as_of=date(2026, 6, 30))
    for as_of in (date(2026, 1, 15), None):  # today, or the default day, is not in the future
        text = render(fixture_repo, year=2025 if as_of is None else 2026, lang="en", as_of=as_of)
        assert "future day" not in text


# --- progress wording -----------------------------------------------------------------------------


def test_an_indicator_without_target_or_direction_is_labelled_so(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    md = render(fixture_repo, lang="en")
    irrallinen = _row(md, "| Irrallinen mittari")
    assert "| · no target or direction |" in irrallinen
    assert "not enough data" not in irrallinen
    about = md.split("## About this report")[1]
    assert "No target or direction: the indicator has neither a target nor a desired" in about
    for lang, label in (("fi", "ei tavoitetta eikä suuntaa"), ("sv", "inget mål eller riktning")):
        assert f"· {label}" in render(fixture_repo, lang=lang)


def test_two_values_without_target_or_direction_are_not_called_not_enough_data(
    tmp_path: Path,
) -> None:
    root = copy_fixture(tmp_path / "fixture")
    path = root / "indicators" / "irrallinen.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  - {period: 2025, value: 6, note: fictional}\n",
        encoding="utf-8",
    )
    md = render(load_repository(root), lang="en")
    irrallinen = _row(md, "| Irrallinen mittari")
    assert "| · no target or direction: 5 (2024) → 6 (2025) |" in irrallinen
    numbers = _row(md, "| Irrallinen mittari", "Appendix: progress in numbers")
    assert "| · no target or direction | base value: 5 (2024); latest value: 6" in numbers


def test_one_value_is_not_shown_as_both_base_and_latest(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    # Trial finding: "base value: 412 (2026); latest value: 412 (2026)" for a single value.
    # The fixture's unattached indicator has one value (5 in 2024).
    numbers = _row(
        render(fixture_repo, lang="en"), "| Irrallinen mittari", "Appendix: progress in numbers"
    )
    assert "latest value: 5 (2024)" in numbers
    assert "base value" not in numbers


@pytest.mark.parametrize(
    ("lang", "observed", "needed"),
    [
        ("en", "observed relative change per year: \\+16.2%", "relative change per year needed"),
        ("fi", "havaittu suhteellinen muutos vuodessa: \\+16,2\u00a0%", "suhteellinen muutos"),
        ("sv", "observerad relativ förändring per år: \\+16,2\u00a0%", "relativ förändring per år"),
    ],
)
def test_growth_is_worded_as_relative_change(
    fixture_repo, lang: str, observed: str, needed: str
) -> None:  # type: ignore[no-untyped-def]
    md = render(fixture_repo, lang=lang)
    progress = next(line for line in md.splitlines() if observed in line)
    assert needed in progress.split(observed)[1]
    assert "observed change per year" not in md and "toteutunut muutos vuodessa" not in md
    assert "percentage points" in render(fixture_repo, lang="en").split("## About this report")[1]


# --- the introduction and the cross-cutting principle ---------------------------------------------


def test_introduction_and_cross_cutting_principle_are_shown(fixture_repo, real_repo) -> None:  # type: ignore[no-untyped-def]
    html = render(fixture_repo, fmt="html", lang="en")
    assert "<details" not in html
    section = html.split('<section id="introduction"')[1].split("</section>")[0]
    assert 'aria-labelledby="introduction-heading"' in section
    assert '<p lang="fi">Kuvitteellinen johdanto (fictional fixture).' in section
    assert "Kuvitteellinen läpileikkaava periaate (fictional fixture)." in section
    assert '<a href="#introduction">' in html.split("</nav>")[0]
    md = render(fixture_repo, lang="en")
    intro = md.split("\n## Appendix: the plan's introduction\n")[1].split("\n## Sources")[0]
    assert (
        "Kuvitteellinen johdanto (fictional fixture). Suunnitelmassa on kolme painopistettä:"
        in (intro)
    )
    assert "### Cross-cutting principle" in intro
    assert "Kuvitteellinen läpileikkaava periaate (fictional fixture)." in intro
    real = render(real_repo, year=2025, lang="fi")
    assert "## Liite: suunnitelman johdanto" in real
    # the real plan's introduction quotes its cross-cutting principle word for word
    assert "### Läpileikkaava periaate" not in real
    assert real.count("Erityisryhmät ja vähemmistöt, mukaan lukien monikieliset") == 1


def test_cross_cutting_principle_already_in_the_introduction_is_not_repeated(
    tmp_path: Path,
) -> None:
    root = copy_fixture(tmp_path / "fixture")
    plan = root / "plan" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    # the same words, wrapped differently, at the end of the introduction
    plan.write_text(
        text.replace(
            "  Osallisuus\n",
            "  Osallisuus\n\n  Kuvitteellinen läpileikkaava\n  periaate   (fictional fixture).\n",
            1,
        ),
        encoding="utf-8",
    )
    repository = load_repository(root)
    md = render(repository, lang="fi")
    assert "Läpileikkaava periaate" not in md
    assert md.count("läpileikkaava") == 1
    html = render(repository, fmt="html", lang="fi")
    assert 'id="cross-cutting-heading"' not in html
    assert html.count("läpileikkaava") == 1
    # a principle that differs in a word is shown on its own
    plan.write_text(
        text.replace("Osallisuus\n", "Osallisuus\n\n  Kuvitteellinen periaate.\n", 1),
        encoding="utf-8",
    )
    md = render(load_repository(root), lang="fi")
    assert "### Läpileikkaava periaate" in md


# --- overdue rows, contents, labels ---------------------------------------------------------------


def test_overdue_row_says_which_earlier_entry_is_missing(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "fixture")
    _without_vuosikatsaus_entries(root)
    md = render(load_repository(root), year=2025, lang="en")
    row = _row(md, "| action: Laaditaan vuosikatsaus.", "Missed, overdue")
    # made on 15 January 2026, the 2025 report says the 2025 entry was missed too
    assert "| ✗ 2024 entry missing; 2025: ✗ overdue by 15 days |" in row
    md = render(load_repository(root), year=2025, lang="en", as_of=date(2025, 12, 31))
    row = _row(md, "| action: Laaditaan vuosikatsaus.", "Missed, overdue")
    assert "| ✗ 2024 entry missing; 2025: ! due today |" in row
    fi = render(load_repository(root), year=2025, lang="fi", as_of=date(2025, 12, 31))
    assert "✗ vuoden 2024 kirjaus puuttuu; 2025: ! määräaika tänään" in fi
    html = render(load_repository(root), year=2025, fmt="html", lang="en")
    assert "2024 entry missing" in html.split('id="overdue"')[1].split("</section>")[0]


def test_contents_list_is_unnumbered_and_area_numbers_are_explained(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    html = render(fixture_repo, fmt="html", lang="fi")
    nav = html.split("<nav")[1].split("</nav>")[0]
    assert "<ol" not in nav and '<ul class="contents-list">' in nav
    assert ">2. Osallisuuden vahvistaminen</a>" in nav
    about = render(fixture_repo, lang="en").split("## About this report")[1]
    assert "Priority areas are numbered as the chapters of the plan" in about


def test_labels_read_right(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    sv = render(fixture_repo, lang="sv")
    assert "- **Läget den:** 15.1.2026" in sv
    en = render(fixture_repo, lang="en")
    assert "| ✓ done 20 May 2025, on time |" in en and "done done" not in en
    assert "(end of council term 2022–2025)" in en and "2022-2025" not in en
    assert "valtuustokauden 2022–2025 loppu" in render(fixture_repo, lang="fi")
    assert (
        "- **Legal basis:** section 7 of Act 612/2021 (Act on organising social and health care)"
        in en
    )
    fi = render(fixture_repo, lang="fi")
    assert "- **Lakiperusta:** 612/2021 7 § Laki sosiaali- ja terveydenhuollon" in fi
    assert "- **Rättslig grund:** 612/2021 7 § Lag om ordnande av social- och hälsovård" in sv
    html = render(fixture_repo, fmt="html", lang="en")
    assert "section 7 of Act 612/2021 (Act on organising social and health care)" in html


def test_uncommitted_changes_say_what_is_uncommitted(build_plan) -> None:  # type: ignore[no-untyped-def]
    root = build_plan()
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "README.md").write_text("templates\n", encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "plan")
    (root / "templates" / "report.css").write_text("body { color: #000; }\n", encoding="utf-8")
    revision = detect_revision(root)
    assert revision.modified and revision.changed == ("templates",)
    md = render(load_repository(root), year=2024, lang="en", revision=None)
    assert "The report's templates had changes not yet saved as a version." in md
    assert "plan's files" not in md
    indicator = root / "indicators" / "mittari-1.yaml"
    indicator.write_text(indicator.read_text() + "# changed\n")
    assert detect_revision(root).changed == ("indicators", "templates")
    md = render(load_repository(root), year=2024, lang="en", revision=None)
    assert (
        "The plan's files (indicators/) and the report's templates had changes not yet saved "
        "as a version." in md
    )
    # The year's texts too (trial finding: a new, uncommitted reports/2024.yaml went unsaid).
    (root / "reports").mkdir()
    (root / "reports" / "2024.yaml").write_text(
        "# fictional fixture\nyear: 2024\nsummary: Vuosi sujui (fictional).\n", encoding="utf-8"
    )
    assert detect_revision(root).changed == ("indicators", "reports", "templates")
    md = render(load_repository(root), year=2024, lang="en", revision=None)
    assert "The plan's files (indicators/, reports/) and the report's templates" in md


# --- usage errors ---------------------------------------------------------------------------------


def _plain_output(text: str) -> str:
    return " ".join(re.sub("[│╭╮╰╯─]", " ", text).split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--year", "2025", "--lang", "de"],
            "Invalid value for '--lang': 'de' is not one of fi, sv, en",
        ),
        (
            ["--year", "2025", "--format", "docx"],
            "Invalid value for '--format': 'docx' is not one of markdown, html, json, pdf",
        ),
        (["--year", "abc"], "Invalid value for '--year': 'abc' is not a whole number"),
    ],
)
def test_usage_errors_are_plain(fixture_root: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["report", "--repo", str(fixture_root), *args])
    assert result.exit_code == 2
    output = _plain_output(result.output)
    assert message in output
    assert "Value error" not in output and "Input should be" not in output


def test_output_into_a_missing_folder_or_a_folder_is_a_usage_error(
    fixture_root: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "ei-ole" / "raportti.md"
    result = runner.invoke(
        app, ["report", "--repo", str(fixture_root), "--year", "2025", "--output", str(missing)]
    )
    assert result.exit_code == 2
    assert f"hyte: error: --output {missing}: the folder {missing.parent} does not exist" in (
        result.stderr
    )
    assert "create the folder first" in result.stderr
    assert not missing.parent.exists()
    result = runner.invoke(
        app, ["report", "--repo", str(fixture_root), "--year", "2025", "--output", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert f"--output {tmp_path} is a folder: give a file name" in _plain_output(result.output)
    for command in (["schema", "plan"], ["export", "--repo", str(fixture_root)]):
        result = runner.invoke(app, [*command, "--output", str(missing)])
        assert result.exit_code == 2, command
        assert "create the folder first" in result.stderr


def test_tables_scroll_in_a_labelled_focusable_region(fixture_repo) -> None:  # type: ignore[no-untyped-def]
    html = render(fixture_repo, fmt="html", lang="en")
    body = html.split("</head>")[1]
    regions = re.findall(
        r'<div class="table-scroll" role="region" aria-labelledby="([^"]+)" tabindex="0">\n<table',
        body,
    )
    assert "summary-progress-caption" in regions and "values-caption" in regions
    assert len(regions) == body.count("<table")  # every table is in one
    for caption in regions:
        assert body.count(f'<caption id="{caption}">') == 1
    css, print_css = html.split("</style>")[0], html.split('<style media="print">')[1]
    assert ".table-scroll { overflow-x: auto;" in css
    assert ".table-scroll { overflow: visible;" in print_css.split("</style>")[0]


# --- the plan's list of priority areas ------------------------------------------------------------


def test_a_translated_area_title_is_not_a_different_title(tmp_path: Path) -> None:
    """Trial finding: a Swedish title added to one area (hyte translate import) made the report
    say "In the plan's list of priority areas: <the same title>", as if the list differed."""
    import shutil

    root = tmp_path / "plan-copy"
    for folder in ("plan", "indicators"):
        shutil.copytree(ROOT / folder, root / folder)
    area = root / "plan" / "turvallisuus.yaml"
    text = area.read_text(encoding="utf-8")
    assert "\ntitle: Turvallisuuden edistäminen\n" in text
    area.write_text(
        text.replace(
            "\ntitle: Turvallisuuden edistäminen\n",
            "\ntitle:\n  fi: Turvallisuuden   edistäminen\n  sv: Främjande av säkerhet\n",
        ),
        encoding="utf-8",
    )
    repository = load_repository(root)
    codes = [f.code for f in repository.findings]
    assert "P002" not in codes
    for lang in ("fi", "sv"):
        context = build_context(
            repository, ReportOptions(year=2025, language=lang), now=FIXTURE_NOW, revision=NO_GIT
        )
        listed = {area.id: area.listed_title for area in context.areas}
        assert listed["turvallisuus"] is None
        # A list that really words an area differently is still shown (the plan's own wording).
        assert listed["esteettomyys"] is not None
        assert listed["esteettomyys"].text == "Esteettömyyden ja saavutettavuuden edistäminen"
    markdown = render(repository, lang="fi")
    assert "”Turvallisuuden edistäminen”" not in markdown
    assert "”Esteettömyyden ja saavutettavuuden edistäminen”" in markdown


def test_text_words_differ_only_in_a_common_language() -> None:
    finnish = Text({"fi": "Turvallisuuden edistäminen"})
    assert not finnish.words_differ(Text({"fi": "Turvallisuuden  edistäminen\n", "sv": "X"}))
    assert not finnish.words_differ(Text({"sv": "Främjande av säkerhet"}))
    assert finnish.words_differ(Text({"fi": "Turvallisuuden parantaminen", "sv": "X"}))


def test_the_glance_says_how_much_more_is_overdue_than_was_missed_in_the_year(
    build_plan,  # type: ignore[no-untyped-def]
) -> None:
    """Trial finding: "Missed in 2026: None." beside 17 items overdue from earlier years read as
    if the year had gone well. The glance now counts everything the overdue section lists."""
    repository = load_repository(build_plan())
    # 2025: the goal, the action and the indicator were due in 2024, so none was missed in 2025,
    # but all three are still overdue.
    later = render(repository, year=2025, lang="en", as_of=date(2025, 12, 31))
    glance = later.split("## 2025 at a glance")[1].split("## Summary")[0]
    assert "### Missed in 2025\n\nNone." in glance
    assert (
        "In all, 3 items are missed, overdue or not achieved: see “Missed, overdue and not "
        in glance
    )
    html = render(repository, year=2025, lang="fi", as_of=date(2025, 12, 31), fmt="html")
    assert re.search(
        r"<p>Kaikkiaan 3 kohtaa ei toteutunut suunnitellusti, on myöhässä tai jäi "
        r"saavuttamatta: ks\. ”<a href=\"#overdue-heading\">Vuonna 2025 suunnitellusti "
        r"toteutumatta jääneet[^<]*</a>”\.</p>",
        html,
    )
    # 2024: the same three were missed in 2024, and the glance lists them all: no sentence.
    same = render(repository, year=2024, lang="en", as_of=date(2024, 12, 31))
    assert "In all," not in same
    assert same.count("### Missed in 2024") == 1
