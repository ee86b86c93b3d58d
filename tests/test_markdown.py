"""Markdown escaping shared by hyte status, hyte diff and hyte report (hytecli.markdown)."""

from __future__ import annotations

import re

import pytest

from hytecli import markdown

# What each kind of text may not contain once escaped: a mention or reference that GitHub would
# turn into a notification or a link (the neutraliser splits them; GitHub reads rendered text).
_LIVE_REFERENCE = re.compile(r"(?<![\w-])@[0-9A-Za-z]|#[0-9]|\bGH-[0-9]", re.IGNORECASE)


@pytest.mark.parametrize("escape", [markdown.inline, markdown.line, markdown.cell])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@luvn-team", "@<!-- -->luvn-team"),
        ("kysy @org/tiimi", "kysy @<!-- -->org/tiimi"),
        ("tiketti #123", "tiketti \\#<!-- -->123"),
        ("owner/repo#7", "owner/repo\\#<!-- -->7"),
        ("katso GH-12", "katso GH-<!-- -->12"),
        ("posti@example.fi", "posti@<!-- -->example.fi"),
    ],
)
def test_mentions_and_references_are_neutralised(escape, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    escaped = escape(text)
    assert escaped == expected
    assert not _LIVE_REFERENCE.search(escaped.replace(markdown.NEUTRALISER, " "))
    # Rendered, the comment disappears: readers and copied text get the text as written.
    assert escaped.replace(markdown.NEUTRALISER, "").replace("\\", "") == text


@pytest.mark.parametrize("text", ["a @ b", "# otsikko", "C# ja F# kielinä", "tag#abc", "100 %"])
def test_text_that_references_nothing_gets_no_comment(text: str) -> None:
    assert markdown.NEUTRALISER not in markdown.inline(text)


def test_a_reference_split_over_joined_pieces_is_still_neutralised() -> None:
    # A word diff escapes runs one by one and joins them: "@" + "user" must not mention.
    assert markdown.inline("katso @") + markdown.inline("user") == "katso @<!-- -->user"
    assert markdown.inline("#") + markdown.inline("12") == "\\#<!-- -->12"


def test_punctuation_is_escaped_the_same_everywhere() -> None:
    text = "[x] *y* _z_ `k` <t> & \\ | ~~s~~ $m$ ![i](u)"
    expected = (
        "\\[x\\] \\*y\\* \\_z\\_ \\`k\\` \\<t\\> \\& \\\\ \\| \\~\\~s\\~\\~ \\$m\\$ \\!\\[i\\](u)"
    )
    assert markdown.inline(text) == expected
    assert markdown.line(text) == expected
    assert markdown.cell(text) == expected
    assert markdown.paragraphs(text) == expected


def test_html_comments_in_plan_text_are_escaped() -> None:
    # Only hyte's own neutraliser is raw HTML; a comment written in the plan shows as written.
    assert markdown.inline("<!-- piilota -->") == "\\<\\!-- piilota --\\>"


def test_line_start_is_escaped_in_lines_cells_and_paragraphs() -> None:
    assert markdown.line("- ei lista") == "\\- ei lista"
    assert markdown.line("  1. ei numeroitu") == "1\\. ei numeroitu"
    assert markdown.cell("+ a\n= b\n: c") == "\\+ a<br>\\= b<br>\\: c"
    assert markdown.paragraphs("3) kolme") == "3\\) kolme"
    # in the middle of a line nothing needs it
    assert markdown.inline("- a") == "- a"


def test_white_space() -> None:
    assert markdown.inline("  a \n b  ") == " a b "  # kept at the ends, as pieces are joined
    assert markdown.line("  a \n b  ") == "a b"
    assert markdown.cell("rivi 1\r\nrivi 2\rrivi 3\n\n") == "rivi 1<br>rivi 2<br>rivi 3"
    assert markdown.paragraphs("yksi\nkaksi\n\n \nkolme") == "yksi\\\nkaksi\n\nkolme"
    assert markdown.paragraphs("") == ""
