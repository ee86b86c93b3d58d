"""The report's translations: complete in fi, sv and en, and the compiled catalogues up to date.

Labels are extracted from ``src/hytecli/report/*.py`` and ``src/hytecli/templates/*.j2`` as
babel.cfg says (the same as ``pybabel extract``), so a label added without a translation fails
here. See docs/report.md ("Languages") for the commands that update the catalogues.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "hytecli"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("fi", "sv", "en")
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _method_map() -> list[tuple[str, str]]:
    methods = []
    for line in (ROOT / "babel.cfg").read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^\[(\w+): (.+)\]$", line.strip()):
            methods.append((m.group(2), m.group(1)))
    return methods


def _extracted() -> set[str]:
    options = {
        pattern: {"trimmed": "true"} for pattern, method in _method_map() if method == "jinja2"
    }
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE),
        _method_map(),
        options,
        keywords={
            "_": None,
            "gettext": None,
            "ngettext": (1, 2),
            "N_": None,
            "NC_": ((1, "c"), 2),
            "pgettext": ((1, "c"), 2),  # pybabel's default keywords include it (hyte collect)
        },
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.fixture(scope="module")
def extracted() -> set[str]:
    messages = _extracted()
    assert len(messages) > 100
    return messages


def _catalog(lang: str):  # type: ignore[no-untyped-def]
    with open(LOCALE / lang / "LC_MESSAGES" / "hyte.po", "rb") as handle:
        return read_po(handle, locale=lang, domain="hyte")


def test_the_template_catalogue_is_up_to_date(extracted: set[str]) -> None:
    with open(LOCALE / "hyte.pot", "rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert extracted - template == set(), "run pybabel extract (docs/report.md)"
    assert template - extracted == set(), "run pybabel extract (docs/report.md)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang: str, extracted: set[str]) -> None:
    catalog = _catalog(lang)
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{lang}: {key!r} is not translated"
        assert not message.fuzzy, f"{lang}: {key!r} is fuzzy"
        translated[key] = strings
    missing = extracted - set(translated)
    assert not missing, f"{lang}: not in the catalogue (run pybabel update): {sorted(missing)}"
    for key, strings in translated.items():
        for string in strings:
            assert set(_PLACEHOLDER.findall(string)) == set(_PLACEHOLDER.findall(key)), (lang, key)
            plain = _PLACEHOLDER.sub("", string)
            # translations are inserted into HTML and Markdown as they are: no markup in them
            assert not re.search(r"[<>&|*_`#\[\]\\]", plain), (lang, key, string)
            assert "%" not in plain.replace("%%", ""), (lang, key, string)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_its_po_file(lang: str) -> None:
    def key(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    with open(LOCALE / lang / "LC_MESSAGES" / "hyte.mo", "rb") as handle:
        compiled = {key(m.id): key(m.string) for m in read_mo(handle) if m.id}
    source = {key(m.id): key(m.string) for m in _catalog(lang) if m.id}
    assert compiled == source, f"{lang}: run pybabel compile (docs/report.md)"
