"""``hyte translate import``: translations back into the YAML files, surgically, all or nothing.

Every Swedish text written here is FICTIONAL (marked ``FIKTIV``/"fictional"); the live plan is
only ever edited on a temporary copy.
"""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BILINGUAL_PLAN, hyte
from hytecli.editing import apply_edits
from hytecli.editing_texts import add_translation
from hytecli.repository import load_repository
from hytecli.translation.texts import plan_texts
from hytecli.yaml_nodes import compose
from hytecli.yamlfile import parse_yaml

LIVE = Path(__file__).resolve().parent.parent
AREA = "plan/mielen-hyvinvointi.yaml"


@pytest.fixture
def build_plan(build_plan: Callable[..., Path]) -> Callable[..., Path]:
    """conftest's ``build_plan``, its plan declaring ``languages: [fi, sv]`` (BILINGUAL_PLAN)."""

    def build(files: dict[str, str | None] | None = None) -> Path:
        return build_plan({"plan/plan.yaml": BILINGUAL_PLAN, **(files or {})})

    return build


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def fill(po: Path, translate: Any, out: Path | None = None, fuzzy: set[str] = frozenset()) -> Path:
    """Fill every msgstr of ``po`` with ``translate(msgid)`` (None leaves it empty)."""
    catalog = read_po(io.BytesIO(po.read_bytes()))
    for message in catalog:
        if message.id:
            message.string = translate(message.id) or ""
            if message.context in fuzzy:
                message.flags.add("fuzzy")
    target = out or po
    with target.open("wb") as stream:
        write_po(stream, catalog, width=0)
    return target


def fictional(source: str) -> str:
    """A FICTIONAL Swedish text for ``source`` (its paragraphs kept)."""
    return "\n\n".join(f"FIKTIV svenska {len(p)}: {p[:20]}" for p in source.split("\n\n")) + (
        "\n" if source.endswith("\n") else ""
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of this repository's plan, committed."""
    root = tmp_path / "copy"
    for folder in ("plan", "indicators"):
        shutil.copytree(LIVE / folder, root / folder)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "the plan")
    return root


def _without(data: Any, language: str) -> Any:
    """``data`` with every {fi: x, sv: y} turned back into what it was before sv was added."""
    if isinstance(data, dict):
        if (
            language in data
            and set(data) - {language}
            and all(isinstance(v, str) for v in data.values())
        ):
            rest = {k: v for k, v in data.items() if k != language}
            return rest
        return {k: _without(v, language) for k, v in data.items()}
    if isinstance(data, list):
        return [_without(v, language) for v in data]
    return data


def _plain(data: Any) -> Any:
    """Single-language {fi: x} mappings as the plain text x (the form before the import)."""
    if isinstance(data, dict):
        if set(data) == {"fi"} and isinstance(data["fi"], str):
            return data["fi"]
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


def test_po_round_trip_of_one_area(repo: Path, tmp_path: Path) -> None:
    po = tmp_path / "sv.po"
    hyte(
        "translate",
        "export",
        "--repo",
        str(repo),
        "--lang",
        "sv",
        "-o",
        str(po),
        "--area",
        "mielen-hyvinvointi",
    )
    before = load_repository(repo)
    old_text = (repo / AREA).read_text(encoding="utf-8")
    exported = {e.key: e for e in plan_texts(before, "mielen-hyvinvointi")}
    fill(po, fictional)
    dry = hyte("translate", "import", str(po), "--repo", str(repo), "--dry-run")
    assert "+title: {fi: Mielen hyvinvoinnin vahvistaminen, sv: 'FIKTIV svenska" in dry
    assert git(repo, "status", "--porcelain") == ""
    said = hyte("translate", "import", str(po), "--repo", str(repo))
    files = sorted({entry.path for entry in exported.values()})
    assert AREA in files and any(f.startswith("indicators/") for f in files)  # its indicators too
    assert f"wrote {len(exported)} sv translations in {len(files)} files" in said
    status = git(repo, "status", "--porcelain").split()
    assert status[1::2] == files and set(status[::2]) == {"M"}

    after = load_repository(repo)
    texts = {e.key: e for e in plan_texts(after, "mielen-hyvinvointi")}
    assert texts.keys() == exported.keys()
    for key, entry in texts.items():
        assert entry.text.values["fi"] == exported[key].source  # the Finnish data unchanged
        assert entry.text.values["sv"] == fictional(exported[key].source)
    # apart from the new sv keys, the file's data is what it was
    old_data = before.document(AREA).data  # type: ignore[union-attr]
    new_data = after.document(AREA).data  # type: ignore[union-attr]
    assert _plain(_without(new_data, "sv")) == old_data
    # every comment line and every line that held no translated text is still there, in order
    new_lines = (repo / AREA).read_text(encoding="utf-8").splitlines()
    kept = [
        line
        for line in old_text.splitlines()
        if line.lstrip().startswith(("#", "- id:", "indicators:", "id:", "number:"))
    ]
    position = 0
    for line in kept:
        position = new_lines.index(line, position) + 1
    # the Finnish bytes of each one-line text are still written as they were
    for line in old_text.splitlines():
        if line.strip().startswith("title: ") and '"' in line:
            written = line.split("title: ", 1)[1]
            assert any(written in new for new in new_lines)
    # the other files are untouched and hyte validate has no error
    assert "0 errors" in hyte("validate", "--repo", str(repo))
    report = hyte(
        "report", "--repo", str(repo), "--year", "2025", "--lang", "sv", "--format", "markdown"
    )
    for key in (
        "plan/mielen-hyvinvointi.yaml#title",
        "plan/mielen-hyvinvointi.yaml#goals[0].title",
    ):
        assert fictional(exported[key].source) in report
    # importing again changes nothing
    assert f"{len(exported)} already there" in hyte(
        "translate", "import", str(po), "--repo", str(repo)
    )


def _fixture(build_plan, area: str) -> Path:  # noqa: ANN001
    return build_plan({"plan/alue-a.yaml": area})


SPECIAL_AREA = """\
    # fictional fixture
    id: alue-a
    number: 1
    title: Alue A  # a comment that stays
    introduction: |
      Ensimmäinen kappale,
      jolla on kaksi riviä.

      Toinen kappale.

    goals:
      - id: tavoite-1
        title: 'Tavoite: yksi'
        responsible: [Testitaho, "Toinen: taho"]
        indicators: [mittari-1]
        actions:
          - id: toimenpide-1
            title: Toimenpide yksi
            responsible:
              - Kolmas taho
            deadline: {due: 2024-06, wording: kesäkuuhun 2024}
    footnotes:
      - text: >
          Taitettu
          alaviite.
    """

SPECIAL = [
    "Mål: ett",
    "# inte en kommentar",
    "'citat' och \"citat\"",
    "- börjar med streck",
    "rad ett\nrad två",
    "no",
    "1.0",
    "  inledande mellanslag",
    "slutar med kolon:",
    "{klammer}, [hakparentes] & * ! % @ `",
    "flera\n\nstycken\n",
]


@pytest.mark.parametrize("translation", SPECIAL)
def test_yaml_special_translations_round_trip_exactly(
    build_plan,
    tmp_path: Path,
    translation: str,  # noqa: ANN001
) -> None:
    root = _fixture(build_plan, SPECIAL_AREA)
    po = tmp_path / "sv.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(po))
    fill(po, lambda _source: translation)
    hyte("translate", "import", str(po), "--repo", str(root))
    entries = plan_texts(load_repository(root), "alue-a")
    assert len(entries) == 10  # the area's 9 texts and its indicator's name
    for entry in entries:
        assert entry.text.values["sv"] == translation, entry.key
    text = (root / "plan" / "alue-a.yaml").read_text(encoding="utf-8")
    assert "# a comment that stays" in text
    assert (
        "  fi: |\n    Ensimmäinen kappale,\n    jolla on kaksi riviä.\n\n    Toinen kappale.\n"
        in text
    )
    assert "  fi: >\n" in text  # the folded footnote keeps its style
    data = load_repository(root).area("alue-a")
    assert data is not None
    assert data.area.introduction is not None
    assert data.area.introduction.values["fi"] == (
        "Ensimmäinen kappale,\njolla on kaksi riviä.\n\nToinen kappale.\n"
    )


def test_block_introduction_becomes_a_block_mapping(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = _fixture(build_plan, SPECIAL_AREA)
    po = tmp_path / "sv.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(po))
    fill(po, lambda s: "Första stycket.\n\nAndra stycket.\n" if "Toinen kappale" in s else None)
    hyte("translate", "import", str(po), "--repo", str(root))
    text = (root / "plan" / "alue-a.yaml").read_text(encoding="utf-8")
    assert (
        "introduction:\n  fi: |\n    Ensimmäinen kappale,\n    jolla on kaksi riviä.\n\n"
        "    Toinen kappale.\n  sv: |\n    Första stycket.\n\n    Andra stycket.\n\ngoals:\n"
    ) in text


def test_changed_source_refused_unless_skip_changed(repo: Path, tmp_path: Path) -> None:
    po = tmp_path / "sv.po"
    hyte(
        "translate",
        "export",
        "--repo",
        str(repo),
        "--lang",
        "sv",
        "-o",
        str(po),
        "--area",
        "mielen-hyvinvointi",
    )
    fill(po, fictional)
    area = repo / AREA
    area.write_text(
        area.read_text(encoding="utf-8").replace(
            "title: Mielen hyvinvoinnin vahvistaminen",
            "title: Mielen hyvinvoinnin vahvistaminen (muutettu)",
        ),
        encoding="utf-8",
    )
    git(repo, "commit", "-qam", "source changed")
    said = hyte("translate", "import", str(po), "--repo", str(repo), code=1)
    assert (
        "plan/mielen-hyvinvointi.yaml#title (mielen-hyvinvointi): the source text has changed"
        in said
    )
    assert "--skip-changed" in said
    assert git(repo, "status", "--porcelain") == ""
    said = hyte("translate", "import", str(po), "--repo", str(repo), "--skip-changed")
    assert "the source changed since the export (1)" in said
    entries = {e.key: e for e in plan_texts(load_repository(repo), "mielen-hyvinvointi")}
    assert "sv" not in entries["plan/mielen-hyvinvointi.yaml#title"].text.values
    assert "sv" in entries["plan/mielen-hyvinvointi.yaml#goals[0].title"].text.values


def test_conflict_refused_unless_replace_and_fuzzy_not_applied(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = build_plan()  # its organisation's name has a Swedish text already
    po = tmp_path / "sv.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(po), "--all")
    key = "plan/plan.yaml#organisation.name"
    fill(
        po, lambda s: "Annat välfärdsområde (fictional)" if s == "Testin hyvinvointialue" else None
    )
    said = hyte("translate", "import", str(po), "--repo", str(root), code=1)
    assert f"{key} (testisuunnitelma) already has the sv text 'Testets välfärdsområde'" in said
    said = hyte("translate", "import", str(po), "--repo", str(root), "--replace")
    plan_text = (root / "plan" / "plan.yaml").read_text(encoding="utf-8")
    assert "name: {fi: Testin hyvinvointialue, sv: Annat välfärdsområde (fictional)}" in plan_text
    # a fuzzy entry is listed and not written
    fill(
        po,
        lambda s: "Mål ett (fictional)" if s == "Tavoite yksi" else None,
        fuzzy={"plan/alue-a.yaml#goals[0].title"},
    )
    said = hyte("translate", "import", str(po), "--repo", str(root))
    assert "not applied, needs review (1)" in said
    assert "#goals[0].title: marked fuzzy" in said
    assert "Mål ett" not in (root / "plan" / "alue-a.yaml").read_text(encoding="utf-8")


def test_wrong_language_and_malformed_files_are_refused(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = build_plan()
    po = tmp_path / "sv.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(po))
    fill(po, lambda s: f"{s} (fictional)")
    said = hyte("translate", "import", str(po), "--repo", str(root), "--lang", "en", code=1)
    assert "is in sv, not en" in said
    english = tmp_path / "en.po"
    english.write_bytes(po.read_bytes().replace(b"Language: sv", b"Language: fi"))
    # relabelled Finnish after Babel dropped X-Source-Language: its Finnish sources are not
    # the Swedish ones texts lacking Finnish are translated from, so nothing is written
    said = hyte("translate", "import", str(english), "--repo", str(root), code=1)
    assert "no such text in the plan now" in said and "nothing" in said
    broken = tmp_path / "broken.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    lines.insert(25, "this is not po")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    said = hyte("translate", "import", str(broken), "--repo", str(root), code=1)
    assert f"{broken}:26: this line is not PO syntax" in said
    unclosed = tmp_path / "unclosed.po"
    unclosed.write_text(
        po.read_text(encoding="utf-8").replace(
            'msgstr "Tavoite yksi (fictional)"', 'msgstr "Tavoite yksi'
        ),
        encoding="utf-8",
    )
    said = hyte("translate", "import", str(unclosed), "--repo", str(root), code=1)
    assert "does not end with a closing" in said
    said = hyte("translate", "import", str(tmp_path / "x.csv"), "--repo", str(root), code=2)
    assert ".po" in said
    assert (root / "plan" / "alue-a.yaml").read_text(encoding="utf-8").count("fictional") == 1


def test_xliff_round_trip(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = _fixture(build_plan, SPECIAL_AREA)
    xlf = tmp_path / "sv.xlf"
    hyte(
        "translate",
        "export",
        "--repo",
        str(root),
        "--lang",
        "sv",
        "-o",
        str(xlf),
        "--area",
        "alue-a",
    )
    import xml.etree.ElementTree as ET

    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    tree = ET.parse(xlf)
    assert tree.getroot().get("srcLang") == "fi" and tree.getroot().get("trgLang") == "sv"
    for segment in tree.getroot().iterfind(".//x:segment", ns):
        source = segment.find("x:source", ns).text  # type: ignore[union-attr]
        ET.SubElement(
            segment, "{urn:oasis:names:tc:xliff:document:2.0}target"
        ).text = f"FIKTIV: {source}"
        segment.set("state", "translated")
    tree.write(xlf, encoding="utf-8", xml_declaration=True)
    said = hyte("translate", "import", str(xlf), "--repo", str(root))
    assert "wrote 10 sv translations" in said  # the area's 9 texts, its indicator's name
    for entry in plan_texts(load_repository(root), "alue-a"):
        assert entry.text.values["sv"] == f"FIKTIV: {entry.source}"
    xlf.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')
    assert "document type declaration" in hyte(
        "translate", "import", str(xlf), "--repo", str(root), code=1
    )


# --- the edit itself, on arbitrary texts --------------------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\t:#'\"-{}[],&*!|>%@`"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())

_LAYOUTS = [
    ("a: 1\nt: {s}\nb: 2\n", ("t",)),
    ("l:\n  - {s}\n  - x\n", ("l", 0)),
    ("f: [{s}, x]\n", ("f", 0)),
    ("m: {{fi: {s}, en: x}}\n", ("m",)),
    ("m:\n  fi: {s}\nz: 1\n", ("m",)),
    ("i: |\n  kappale\n\n  toinen\nz: 1\n", ("i",)),
]


@settings(max_examples=60, deadline=None)
@given(source=_TEXT, translation=_TEXT, layout=st.sampled_from(_LAYOUTS))
def test_any_text_round_trips(source: str, translation: str, layout: tuple[str, tuple]) -> None:  # type: ignore[type-arg]
    from hytecli.yaml_scalars import yaml_string

    template, path = layout
    text = template.format(s=yaml_string(source, flow=True))
    document = parse_yaml(text, "<t>")
    if not document.ok:
        return  # a source hyte would not have written this way
    expected = copy.deepcopy(document.data)
    parent = expected
    for part in path[:-1]:
        parent = parent[part]
    old = parent[path[-1]]
    parent[path[-1]] = (
        {"fi": old, "sv": translation} if isinstance(old, str) else {**old, "sv": translation}
    )
    new = apply_edits(text, add_translation(text, compose(text), path, "fi", "sv", translation))
    assert parse_yaml(new, "<t>").data == expected


# --- the workbook, through a real spreadsheet program --------------------------------------------


def test_xlsx_round_trip_through_libreoffice(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    from libreoffice import resave

    root = _fixture(build_plan, SPECIAL_AREA)
    book_path = tmp_path / "sv.xlsx"
    hyte(
        "translate",
        "export",
        "--repo",
        str(root),
        "--lang",
        "sv",
        "-o",
        str(book_path),
        "--area",
        "alue-a",
    )
    book = load_workbook(book_path)
    sheet = book["texts"]
    assert sheet.protection.sheet
    assert sheet["E2"].protection.locked and not sheet["F2"].protection.locked
    assert book["instructions"]["B10"].value == "sv"
    translations = {}
    for row in range(2, sheet.max_row + 1):
        source = sheet.cell(row, 5).value
        translations[sheet.cell(row, 1).value] = f"FIKTIV: {source}".rstrip("\n")
        sheet.cell(row, 6).value = translations[sheet.cell(row, 1).value]
    sheet.cell(3, 6).value = None  # one left untranslated
    book.save(book_path)
    saved = resave(book_path, tmp_path)
    # Calc keeps the look: the rows' heights (it would not grow a row a program wrote) and the
    # print setup
    resaved = load_workbook(saved)["texts"]
    for row in range(1, sheet.max_row + 1):
        expected = sheet.row_dimensions[row].height
        assert resaved.row_dimensions[row].height == pytest.approx(expected, abs=1), row
    assert resaved.page_setup.orientation == "landscape"
    assert int(resaved.page_setup.fitToWidth) == 1 and int(resaved.page_setup.fitToHeight) == 0
    said = hyte("translate", "import", str(saved), "--repo", str(root))
    assert "wrote 9 sv translations" in said and "1 without a translation" in said
    for entry in plan_texts(load_repository(root), "alue-a"):
        if entry.key == sheet.cell(3, 1).value:
            assert "sv" not in entry.text.values
        else:
            assert entry.text.values["sv"] == translations[entry.key]


def test_xlsx_formula_and_missing_sheet_refused(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    root = build_plan()
    book_path = tmp_path / "sv.xlsx"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(book_path))
    book = load_workbook(book_path)
    book["texts"]["F2"] = "=E2"
    book.save(book_path)
    said = hyte("translate", "import", str(book_path), "--repo", str(root), code=1)
    assert 'sheet "texts", cell F2: holds the formula =E2' in said
    del book["instructions"]
    book.save(book_path)
    said = hyte("translate", "import", str(book_path), "--repo", str(root), code=1)
    assert 'sheet "instructions" is missing' in said


# --- what a new user found ------------------------------------------------------------------------


def test_import_only_a_declared_language(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = build_plan()  # languages: [fi, sv]
    po = tmp_path / "sv.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(po))
    fill(po, lambda s: f"{s} (FIKTIV)")
    for relabelled in ("en", "se"):  # a Swedish file relabelled, or a slip for sv
        other = tmp_path / f"{relabelled}.po"
        other.write_bytes(
            po.read_bytes().replace(b"Language: sv", f"Language: {relabelled}".encode())
        )
        said = hyte("translate", "import", str(other), "--repo", str(root), code=1)
        assert f"is in {relabelled}: " in said and "not a language the plan declares" in said
        assert "add it to languages: in plan/plan.yaml first" in said
        said = hyte(
            "translate", "import", str(other), "--repo", str(root), "--lang", relabelled, code=1
        )
        assert "not a language the plan declares" in said
    assert "FIKTIV" not in (root / "plan" / "alue-a.yaml").read_text(encoding="utf-8")
    assert "wrote" in hyte("translate", "import", str(po), "--repo", str(root))


def test_unescaped_quote_in_a_po_string_is_refused(build_plan, tmp_path: Path) -> None:  # noqa: ANN001
    root = build_plan()
    po = tmp_path / "sv.po"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(po))
    fill(po, lambda s: "FIKTIV: byggherren" if s == "Tavoite yksi" else None)
    text = po.read_text(encoding="utf-8")
    line = text.splitlines().index('msgstr "FIKTIV: byggherren"') + 1
    bad = tmp_path / "bad.po"
    bad.write_text(
        text.replace('msgstr "FIKTIV: byggherren"', 'msgstr "FIKTIV: byggherren "unescaped gör …"'),
        encoding="utf-8",
    )
    said = hyte("translate", "import", str(bad), "--repo", str(root), code=1)
    assert f'{bad}:{line}: a " inside the text must be written \\"' in said
    escape = tmp_path / "escape.po"
    escape.write_text(text.replace("FIKTIV: byggherren", "FIKTIV: C:\\\\mapp\\q"), encoding="utf-8")
    said = hyte("translate", "import", str(escape), "--repo", str(root), code=1)
    assert f"{escape}:{line}: \\q is not an escape PO files use" in said
    assert "FIKTIV" not in (root / "plan" / "alue-a.yaml").read_text(encoding="utf-8")
    escaped = tmp_path / "escaped.po"  # the same quote, escaped: imported with the quote
    escaped.write_text(
        text.replace('msgstr "FIKTIV: byggherren"', 'msgstr "FIKTIV: \\"citat\\" och \\\\"'),
        encoding="utf-8",
    )
    hyte("translate", "import", str(escaped), "--repo", str(root))
    entries = {e.key: e for e in plan_texts(load_repository(root))}
    assert entries["plan/alue-a.yaml#goals[0].title"].text.values["sv"] == 'FIKTIV: "citat" och \\'


def test_xliff_messages_say_the_column_once_and_initial_in_xliff_words(
    build_plan, tmp_path: Path
) -> None:  # noqa: ANN001
    root = build_plan()
    xlf = tmp_path / "sv.xlf"
    hyte("translate", "export", "--repo", str(root), "--lang", "sv", "-o", str(xlf))
    text = xlf.read_text(encoding="utf-8")
    bad = tmp_path / "bad.xlf"
    bad.write_text(text.replace("<source>Tavoite yksi</source>", "<source>Tavoite & yksi</source>"))
    said = hyte("translate", "import", str(bad), "--repo", str(root), code=1)
    number = next(
        i for i, row in enumerate(text.splitlines(), start=1) if "<source>Tavoite yksi" in row
    )  # fmt: skip
    column = bad.read_text(encoding="utf-8").splitlines()[number - 1].index("&") + 2  # 1-based
    assert f"{bad}:{number}:{column}: not well-formed XML (not well-formed (invalid token))" in said
    assert "line " not in said and "column" not in said  # said once, as file:line:column
    initial = tmp_path / "initial.xlf"  # a target filled in but left in the initial state
    initial.write_text(
        text.replace(
            "<source>Tavoite yksi</source>",
            "<source>Tavoite yksi</source>\n        <target>FIKTIV Mål ett</target>",
        ),
        encoding="utf-8",
    )
    said = hyte("translate", "import", str(initial), "--repo", str(root))
    assert "not applied, needs review (1)" in said
    assert "#goals[0].title: not yet translated (state initial)" in said and "fuzzy" not in said
