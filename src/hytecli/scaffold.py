"""A new plan repository for another county or municipality (``hyte init``).

The files are package data templates in ``hytecli/skeleton/``, rendered in a sandboxed Jinja2
environment that refuses undefined names (:func:`hytecli.templating.make_environment`, as the
report's); every value written into YAML goes through :func:`hytecli.yaml_scalars.yaml_string` (as
``hyte record``'s texts do), so a name such as ``Kunta: "Testi"`` or a short name ``no`` is quoted
and reads back exactly as given. The JSON Schemas are written from :mod:`hytecli.schema`, so
editors can check the new files at once.
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from jinja2 import PackageLoader
from jinja2.sandbox import SandboxedEnvironment

from hytecli import __version__
from hytecli.fileio import write_text_atomic
from hytecli.findings import Finding, has_failures
from hytecli.gitrun import GitProblem, git_init, inside_work_tree
from hytecli.models import ID_PATTERN, LANGUAGE_PATTERN
from hytecli.periods import DateProblem, load_zone
from hytecli.repository import INDICATOR_DIR, PLAN_DIR, YAML_SUFFIXES, load_repository
from hytecli.schema import SCHEMA_MODELS, schema_json
from hytecli.templating import make_environment
from hytecli.validation import validate_repository
from hytecli.yaml_nodes import EditProblem
from hytecli.yaml_scalars import yaml_string

OrganisationType = Literal["wellbeing_services_county", "municipality", "other"]
ORGANISATION_TYPES: tuple[OrganisationType, ...] = (
    "wellbeing_services_county",
    "municipality",
    "other",
)

#: The wellbeing services county councils' terms (aluevaltuusto): id, first day, last day, name in
#: Finnish and Swedish. Elections 23.1.2022 and 13.4.2025 (Act 616/2021).
COUNTY_COUNCIL_TERMS = (
    ("2022-2025", date(2022, 3, 1), date(2025, 5, 31)),
    ("2025-2029", date(2025, 6, 1), date(2029, 5, 31)),
)
_TERM_NAMES = {
    "fi": "Aluevaltuuston valtuustokausi {years}",
    "sv": "Välfärdsområdesfullmäktiges mandatperiod {years}",
}
_PLAN_WORDS = {"fi": "hyvinvointisuunnitelma", "sv": "valfardsplan"}
_TITLES = {
    "fi": ("Alueellinen hyvinvointisuunnitelma", "Hyvinvointisuunnitelma"),
    "sv": ("Regional välfärdsplan", "Välfärdsplan"),
}
_AREA_TITLES = {"fi": "Painopiste 1", "sv": "Prioritering 1"}

#: Files written (path in the new repository → template in hytecli/skeleton/); the area file's
#: path is added with the area's id.
_TEMPLATES = {
    "plan/plan.yaml": "plan.yaml.j2",
    "indicators/README.md": "indicators-README.md",
    "reports/README.md": "reports-README.md",
    "templates/README.md": "templates-README.md",
    ".github/workflows/hyte.yml": "hyte.yml.j2",
    ".pre-commit-config.yaml": "pre-commit-config.yaml.j2",
    ".gitattributes": "gitattributes",
    ".gitignore": "gitignore",
    "README.md": "README.md.j2",
}


class ScaffoldProblem(ValueError):
    """The settings are not usable, or the folder already holds a plan; the message says why."""


#: Official codes by type of organisation (Statistics Finland's classifications): a
#: municipality's code is three digits (``049``), a wellbeing services county's two (``15``).
#: Only the form is checked, not a list of codes.
CODE_PATTERNS: dict[OrganisationType, tuple[str, str]] = {
    "municipality": (r"\d{3}", "a municipality code is three digits, such as 049"),
    "wellbeing_services_county": (
        r"\d{2}",
        "a wellbeing services county's code is two digits, such as 01",
    ),
    "other": (r"\d{2,3}", "an official code is two or three digits"),
}

#: hyte is not on PyPI yet: what ``hyte init`` says when CI and pre-commit would install it from
#: there (that is, when ``--hyte-requirement`` was not given).
REQUIREMENT_PLACEHOLDER = "hytecli @ git+<url-of-the-hyte-repository>@<tag>"
#: What CI and pre-commit install when no requirement is given: this hytecli's version.
DEFAULT_REQUIREMENT = f"hytecli=={__version__}"


def code_problem(code: str, organisation_type: OrganisationType) -> str | None:
    """Say what is wrong with ``--code`` for this type of organisation, or return ``None``."""
    pattern, rule = CODE_PATTERNS[organisation_type]
    if re.fullmatch(pattern, code):
        return None
    return f"--code {code!r} does not fit --type {organisation_type}: {rule}"


def unpublished_requirement_warning(requirement: str) -> str:
    """Return the warning that CI and pre-commit cannot install ``requirement`` from PyPI yet."""
    return (
        f"warning: hytecli is not published on PyPI yet, so the CI workflow "
        f"(.github/workflows/hyte.yml) and pre-commit (.pre-commit-config.yaml) cannot install "
        f"'{requirement}' as written. Install hyte from its git repository instead: replace "
        f"'{requirement}' in those two files with '{REQUIREMENT_PLACEHOLDER}', filling in the "
        "URL of the hyte repository and a tag of it (next time, give hyte init "
        f"--hyte-requirement '{REQUIREMENT_PLACEHOLDER}')"
    )


def slug(text: str) -> str:
    """Return an id made of ``text``: lower-case ASCII letters and digits joined by ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True)
class PlanSettings:
    """What ``hyte init`` writes into the new plan (see ``docs/init.md``).

    Attributes:
        name: The organisation's name in the plan's language.
        organisation_type: ``wellbeing_services_county``, ``municipality`` or ``other``.
        start: The plan period's first day.
        end: The plan period's last day.
        name_sv: The organisation's Swedish name (bilingual organisations).
        short_name: Its abbreviation (``LUVN``).
        code: Its official code: two digits for a wellbeing services county, three for a
            municipality (``049``); see :data:`CODE_PATTERNS`.
        language: The plan's main language (``fi``).
        time_zone: The time zone deadlines are judged in.
        plan_id: The plan's id; default from the short name (or name) and the period's years.
        title: The plan's title; default e.g. "Alueellinen hyvinvointisuunnitelma 2026–2029".
        area_title: The first priority area's title (a plan needs at least one).
        area_id: Its id; default from the title.
        hyte_requirement: The pip requirement that installs hyte in CI and pre-commit;
            ``None`` for this hytecli's own version (``hytecli==0.1.0``), which is not on PyPI
            yet (:func:`init_repository` then warns, see
            :func:`unpublished_requirement_warning`).
    """

    name: str
    organisation_type: OrganisationType
    start: date
    end: date
    name_sv: str | None = None
    short_name: str | None = None
    code: str | None = None
    language: str = "fi"
    time_zone: str = "Europe/Helsinki"
    plan_id: str | None = None
    title: str | None = None
    area_title: str | None = None
    area_id: str | None = None
    hyte_requirement: str | None = None

    def resolved(self) -> PlanSettings:
        """Return the settings with defaults filled in, after checking them.

        Raises:
            ScaffoldProblem: a value is not usable (the message names the option).
        """
        problems = []
        if not self.name.strip():
            problems.append("--name must not be empty")
        if self.end < self.start:
            problems.append(f"--end {self.end} is before --start {self.start}")
        if not re.match(LANGUAGE_PATTERN, self.language):
            problems.append(f"--language {self.language!r} is not a language code such as fi or sv")
        elif self.name_sv and self.language == "sv":
            problems.append("--name-sv is for plans whose main language is not Swedish")
        try:
            load_zone(self.time_zone)
        except DateProblem as exc:
            problems.append(f"--time-zone: {exc}")
        if self.code is not None:
            problem = code_problem(self.code, self.organisation_type)
            if problem is not None:
                problems.append(problem)
        requirement = self.hyte_requirement
        if requirement is None:
            requirement = DEFAULT_REQUIREMENT
        elif "\n" in requirement or not requirement.strip():
            problems.append("--hyte-requirement must be one pip requirement on one line")
        for option, text in (
            ("--short-name", self.short_name),
            ("--name-sv", self.name_sv),
            ("--title", self.title),
            ("--area", self.area_title),
        ):
            if text is not None and not text.strip():
                problems.append(f"{option} must not be empty")
        language = self.language
        years = f"{self.start.year}-{self.end.year}"
        base = slug(self.short_name or self.name) or "plan"
        plan_id = self.plan_id or f"{base}-{_PLAN_WORDS.get(language, 'wellbeing-plan')}-{years}"
        county = self.organisation_type == "wellbeing_services_county"
        regional, local = _TITLES.get(language, ("Regional wellbeing plan", "Wellbeing plan"))
        title = self.title or f"{regional if county else local} {self.start.year}–{self.end.year}"
        area_title = self.area_title or _AREA_TITLES.get(language, "Priority area 1")
        area_id = self.area_id or slug(area_title) or "area-1"
        for option, value in (("--id", plan_id), ("--area-id", area_id)):
            if not re.match(ID_PATTERN, value):
                problems.append(
                    f"{option} {value!r} is not a valid id: use lower-case letters a-z, digits, "
                    "'-', '_' and '.', starting with a letter or digit"
                )
        if plan_id == area_id:
            problems.append(f"the plan and its first area cannot both have the id {plan_id!r}")
        if problems:
            raise ScaffoldProblem("; ".join(problems))
        return PlanSettings(
            name=self.name.strip(),
            organisation_type=self.organisation_type,
            start=self.start,
            end=self.end,
            name_sv=self.name_sv,
            short_name=self.short_name,
            code=self.code,
            language=language,
            time_zone=self.time_zone,
            plan_id=plan_id,
            title=title,
            area_title=area_title,
            area_id=area_id,
            hyte_requirement=requirement,
        )


def council_terms(settings: PlanSettings) -> list[dict[str, Any]]:
    """Return the council terms to prefill in ``plan.yaml``.

    For a wellbeing services county, the county councils' terms that overlap the plan period; for
    municipalities and others none: their terms are not guessed.
    """
    if settings.organisation_type != "wellbeing_services_county":
        return []
    name = _TERM_NAMES.get(settings.language)
    return [
        {
            "id": term_id,
            "name": name.format(years=f"{start.year}–{end.year}") if name else None,
            "start": start.isoformat(),
            "end": end.isoformat(),
        }
        for term_id, start, end in COUNTY_COUNCIL_TERMS
        if start <= settings.end and end >= settings.start
    ]


def _yaml(text: str) -> str:
    """The skeleton's ``yaml`` filter: a setting as one YAML scalar, also valid in ``[...]``."""
    return yaml_string(text, flow=True)


def _environment() -> SandboxedEnvironment:
    return make_environment(
        PackageLoader("hytecli", "skeleton"), filters={"yaml": _yaml, "shell": shlex.quote}
    )


def render_files(settings: PlanSettings) -> dict[str, str]:
    """Return the new repository's files (path → text) for already :meth:`resolved` settings."""
    assert settings.plan_id and settings.area_id and settings.title and settings.area_title
    assert settings.hyte_requirement is not None
    names = {settings.language: settings.name}
    if settings.name_sv:
        names["sv"] = settings.name_sv
    context = {
        "plan_id": settings.plan_id,
        "title": settings.title,
        "language": settings.language,
        "names": names,
        "organisation_name": settings.name,
        "short_name": settings.short_name,
        "organisation_type": settings.organisation_type,
        "code": settings.code,
        "start": settings.start.isoformat(),
        "end": settings.end.isoformat(),
        "time_zone": settings.time_zone,
        "council_terms": council_terms(settings),
        "legal_basis": settings.organisation_type == "wellbeing_services_county",
        "area_id": settings.area_id,
        "area_title": settings.area_title,
        "hyte_requirement": settings.hyte_requirement,
    }
    env = _environment()
    templates = {**_TEMPLATES, f"plan/{settings.area_id}.yaml": "area.yaml.j2"}
    try:
        files = {path: env.get_template(name).render(context) for path, name in templates.items()}
    except EditProblem as exc:  # a setting that plan files cannot hold (a control character)
        raise ScaffoldProblem(str(exc)) from None
    for kind in SCHEMA_MODELS:
        files[f"schemas/{kind}.schema.json"] = schema_json(kind)
    return dict(sorted(files.items()))


@dataclass
class ScaffoldResult:
    """What :func:`create_plan_repository` did: files written and files left as they were."""

    root: Path
    settings: PlanSettings
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def existing_plan_files(folder: Path) -> list[str]:
    """Return the plan files (YAML under ``plan/`` and ``indicators/``) already in ``folder``."""
    found = []
    for sub in (PLAN_DIR, INDICATOR_DIR):
        directory = folder / sub
        if directory.is_dir():
            found += [
                p.relative_to(folder).as_posix()
                for p in sorted(directory.rglob("*"))
                if p.suffix in YAML_SUFFIXES
            ]
    return found


def check_target_folder(folder: Path, *, force: bool = False) -> None:
    """Refuse a folder ``hyte init`` must not write into.

    Args:
        folder: The new repository's folder.
        force: Allow a folder that already holds other files (they are kept as they are).

    Raises:
        ScaffoldProblem: ``folder`` is the root of the file system (never written into, even
            with ``force``), or it is not empty (anything but a ``.git`` folder) and not
            ``force``.
    """
    resolved = folder.resolve()
    if resolved.parent == resolved:
        raise ScaffoldProblem(
            f"{folder} is the root of the file system: hyte init never writes there; give a new "
            "folder for the plan repository, e.g. hyte init hyvinvointisuunnitelma"
        )
    if force or not folder.is_dir():
        return
    present = sorted(entry.name for entry in folder.iterdir() if entry.name != ".git")
    if present:
        shown = ", ".join(present[:3]) + (", ..." if len(present) > 3 else "")
        raise ScaffoldProblem(
            f"{folder} is not empty ({shown}): hyte init starts a plan repository in a new or "
            "empty folder; choose another folder, or pass --force to add the plan to this one "
            "(the files already there are kept as they are)"
        )


def create_plan_repository(
    folder: Path, settings: PlanSettings, *, force: bool = False
) -> ScaffoldResult:
    """Write a new plan repository into ``folder`` (created if missing).

    With ``force``, other files already in the folder (a README, a .gitattributes) are kept,
    not overwritten; without it, a folder that is not empty is refused
    (:func:`check_target_folder`).

    Raises:
        ScaffoldProblem: the settings are not usable, ``folder`` is not empty (without
            ``force``) or the root of the file system, or it already holds plan files.
        OSError: a file cannot be written.

    """
    settings = settings.resolved()
    existing = existing_plan_files(folder)
    if existing:
        shown = ", ".join(existing[:3]) + (", ..." if len(existing) > 3 else "")
        raise ScaffoldProblem(
            f"{folder} already holds a plan ({shown}): hyte init does not overwrite plan files; "
            "choose an empty folder, or edit the existing plan"
        )
    check_target_folder(folder, force=force)
    result = ScaffoldResult(folder, settings)
    for path, text in render_files(settings).items():
        target = folder / path
        if target.exists():
            result.kept.append(path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, text)
        result.written.append(path)
    return result


#: What ``git`` did in :func:`init_repository`: ran ``git init``, found the folder already in a
#: git working tree (and left it), or was not asked to (``--no-git``).
GitOutcome = Literal["initialised", "already_in_git", "not_asked"]


@dataclass
class InitResult(ScaffoldResult):
    """What :func:`init_repository` did (``hyte init``), for the CLI to show.

    Attributes:
        warnings: Things to tell the user (the default hyte requirement is not on PyPI yet).
        git: What git did (:data:`GitOutcome`).
        git_problem: Why ``git init`` failed, when it did (the files were written; the plan
            was then not validated).
        findings: What ``hyte validate`` finds in the new plan (normally nothing).
    """

    warnings: list[str] = field(default_factory=list)
    git: GitOutcome = "not_asked"
    git_problem: str | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when git init failed or the new plan has errors (``hyte init`` exits 1)."""
        return self.git_problem is not None or has_failures(self.findings)

    @property
    def next_step(self) -> str:
        """What to do next, with the commands to run (the folder quoted for a POSIX shell)."""
        return (
            "Next: write the plan's priority areas, goals and indicators (see plan/plan.yaml), "
            f"then\n  cd {shlex.quote(str(self.root))} && hyte validate && git add -A && "
            "git commit -m 'Start the plan'"
        )


def init_repository(
    folder: Path, settings: PlanSettings, git: bool = True, *, force: bool = False
) -> InitResult:
    """Start a new plan repository in ``folder``: ``hyte init`` without its prompts and output.

    Writes the files (:func:`create_plan_repository`), runs ``git init`` unless the folder is
    already in a git working tree (with ``git``), and validates the new plan.

    Args:
        folder: The new repository's folder (created if missing).
        settings: What to write (see :class:`PlanSettings`).
        git: Run ``git init`` (``--git``, the default) unless already in git.
        force: Write into a folder that is not empty (``--force``), keeping its files.

    Returns:
        What was written and kept, warnings, what git did, and the plan's findings.

    Raises:
        ScaffoldProblem: the settings are not usable, ``folder`` is not empty (without
            ``force``) or the root of the file system, or it already holds plan files.
        OSError: a file cannot be written.
    """
    written = create_plan_repository(folder, settings, force=force)
    result = InitResult(written.root, written.settings, written.written, written.kept)
    if settings.hyte_requirement is None:
        result.warnings.append(unpublished_requirement_warning(DEFAULT_REQUIREMENT))
    if git:
        if inside_work_tree(folder):
            result.git = "already_in_git"
        else:
            try:
                git_init(folder)
            except GitProblem as exc:
                result.git_problem = str(exc)
                return result
            result.git = "initialised"
    result.findings = validate_repository(load_repository(folder))
    return result
