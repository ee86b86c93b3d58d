"""Diff Markdown as GitHub renders it: word changes marked with <ins>/<del>, checked by rendering.

markdown-it-py's ``gfm-like`` preset (CommonMark with GitHub's tables, strikethrough and inline
HTML) stands in for GitHub: the rendered HTML must mark exactly the changed words, never an
unchanged word next to punctuation or brackets. All texts are fictional.
"""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from hytecli.diff_changes import Change
from hytecli.diff_render import _md_line
from hytecli.worddiff import word_diff

GFM = MarkdownIt("gfm-like").disable("linkify")  # linkify needs an extra package; not used here


def rendered(old: str, new: str) -> str:
    change = Change(
        entity="goal",
        id="tavoite-1",
        change="changed",
        field="title",
        language="fi",
        value_type="text",
        old=old,
        new=new,
        words=word_diff(old, new),
        title=new,
    )
    return GFM.render(_md_line(change, "fi"))


def marked(html: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}>(.*?)</{tag}>", html)


def outside(html: str) -> str:
    """The rendered text with every <ins>/<del> element (and all other tags) removed."""
    html = re.sub(r"<(ins|del)>.*?</\1>", " ", html)
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize(
    ("old", "new", "deleted", "inserted", "unchanged"),
    [
        # a word changed right before punctuation
        ("Tuetaan kuntia.", "Tuetaan järjestöjä.", ["kuntia"], ["järjestöjä"], ["Tuetaan", "."]),
        # inside brackets
        ("Lapset (0–6 v.)", "Lapset (0–12 v.)", ["6"], ["12"], ["Lapset (0–", "v.)"]),
        # punctuation added after an unchanged word
        ("yhdessä kuntien kanssa", "yhdessä, kuntien kanssa", [], [","], ["yhdessä", "kuntien"]),
        # a word removed between a bracket and a comma
        ("[alue], ja kunnat", "[alue] ja kunnat", [","], [], ["alue", "ja kunnat"]),
        # emphasis characters in the plan text itself
        ("*tärkeä* tavoite", "**tärkein** tavoite", ["tärkeä"], ["*tärkein*"], ["tavoite"]),
    ],
)
def test_gfm_marks_exactly_the_changed_words(
    old: str, new: str, deleted: list[str], inserted: list[str], unchanged: list[str]
) -> None:
    html = rendered(old, new)
    assert [w.strip() for w in marked(html, "del")] == deleted, html
    assert [w.strip() for w in marked(html, "ins")] == inserted, html
    rest = outside(html)
    for word in unchanged:
        assert word in rest, (word, html)
    assert "<s>" not in html  # no strikethrough from ~~: the tags mark the change


def test_the_verb_is_the_only_bold_text() -> None:
    html = rendered("Tuetaan kuntia.", "Tuetaan järjestöjä.")
    assert re.findall(r"<strong>(.*?)</strong>", html) == ["Changed"]
