"""Reading typed values: yes/no words in fi/sv/en, Finnish and international numbers, refusals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hytecli.values import (
    NO_WORDS,
    YES_WORDS,
    ValueProblem,
    format_number,
    format_value,
    parse_number,
    parse_value,
    parse_yes_no,
)

# --- yes/no words -------------------------------------------------------------------------------

YES_NO_TABLE = [
    # Finnish
    ("kyllä", True),
    ("ei", False),
    ("toteutui", True),
    ("ei toteutunut", False),
    # Swedish
    ("ja", True),
    ("nej", False),
    # English
    ("yes", True),
    ("no", False),
    ("true", True),
    ("false", False),
]


@pytest.mark.parametrize(("word", "expected"), YES_NO_TABLE)
def test_yes_no_word_table(word: str, expected: bool) -> None:
    assert parse_yes_no(word) is expected
    assert parse_value(word, "yes_no") is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("KYLLÄ", True),
        ("Kyllä", True),
        ("  kyllä  ", True),
        ("Ei Toteutunut", False),
        ("ei   toteutunut", False),
        ("\tNEJ\n", False),
        ("Ja", True),
        ("TRUE", True),
        ("No", False),
    ],
)
def test_yes_no_is_case_and_space_insensitive(word: str, expected: bool) -> None:
    assert parse_yes_no(word) is expected


def test_every_language_has_both_answers() -> None:
    assert set(YES_WORDS) == set(NO_WORDS) == {"fi", "sv", "en"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the value is empty"),
        ("   ", "the value is empty"),
        ("1", "'1' is a number, but this is a yes/no indicator"),
        ("0", "is a number"),
        ("kylla", "is not a yes/no word"),
        ("maybe", "is not a yes/no word"),
        ("toteutunut", "is not a yes/no word"),
    ],
)
def test_yes_no_refusals(text: str, message: str) -> None:
    with pytest.raises(ValueProblem, match=message) as info:
        parse_yes_no(text)
    assert "kyllä" in str(info.value)  # the message lists the accepted words


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # case c08
        ("12,5 %", "percentage", 12.5),
        ("1 234", "count", 1234),
        ("1\u00a0234", "count", 1234),  # no-break space
        ("1\u202f234", "count", 1234),  # narrow no-break space
        # decimal comma or point
        ("12,5", "percentage", 12.5),
        ("12.5", "percentage", 12.5),
        ("12,5%", "percentage", 12.5),
        ("12.5\u00a0%", "percentage", 12.5),
        ("100 %", "percentage", 100),
        ("0", "percentage", 0),
        ("0,125", "rate", 0.125),  # a zero whole part: never a thousands separator
        ("1234,567", "rate", 1234.567),  # four digits before it: not a thousands separator
        ("1 234,567", "rate", 1234.567),  # spaces separate the thousands, so ',' is decimal
        ("1 234 567", "count", 1234567),
        ("12,0", "count", 12),  # a whole number written with a decimal
        ("+7", "count", 7),
        ("  42  ", "count", 42),
        ("3,14159", "rate", 3.14159),
        ("12,50", "rate", 12.5),
    ],
)
def test_numbers(text: str, kind: str, expected: float) -> None:
    value = parse_value(text, kind)  # type: ignore[arg-type]
    assert value == expected
    assert type(value) is type(expected)


def test_c08_values_are_exact() -> None:
    assert parse_value("12,5 %", "percentage") == 12.5
    assert parse_value("1 234", "count") == 1234
    assert parse_value("1\u00a0234", "count") == 1234


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        (
            "1,234",
            "rate",
            "'1,234' is ambiguous: it is 1.234 if ',' separates the decimals but 1234 if it "
            "separates thousands. Write 1234 (or 1 234) for the whole number, or for the decimal "
            "number 1,2340 (a fourth decimal makes it one) or, rounded, 1,23",
        ),
        (
            "1,230",
            "rate",
            "Write 1230 (or 1 230) for the whole number, or 1,23 for the decimal number",
        ),
        ("2.500", "rate", "Write 2500 (or 2 500) for the whole number, or 2.5 for the decimal"),
        ("3,000", "rate", "Write 3000 (or 3 000) for the whole number, or 3 for the number 3"),
        ("1.234", "rate", "'1.234' is ambiguous"),
        ("12,345", "percentage", "ambiguous"),
        ("-1,234", "rate", "ambiguous"),
        ("1.234,5", "rate", "has both a comma and a point"),
        ("1,234.5", "rate", "has both a comma and a point"),
        ("1,2,3", "rate", "more than one decimal separator"),
        ("1.2.3", "rate", "more than one decimal separator"),
        ("12 %", "count", "has a % sign, but this indicator is not a percentage"),
        ("5 %", "rate", "is not a percentage"),
        ("", "count", "the value is empty"),
        ("  ", "percentage", "the value is empty"),
        ("1e3", "count", "uses an exponent"),
        ("12 34", "count", "spaces may only separate groups of three digits"),
        ("1  234", "count", "spaces may only separate groups of three digits"),
        ("12,", "rate", "needs digits on both sides"),
        (",5", "rate", "needs digits on both sides"),
        ("abc", "count", "is not a number"),
        ("12 kpl", "count", "is not a number"),
        ("kyllä", "count", "is a yes/no word, but this indicator takes a number"),
        ("EI", "percentage", "is a yes/no word"),
        ("101", "percentage", "101 is not a percentage: a percentage lies between 0 and 100"),
        ("100,5 %", "percentage", "is not a percentage"),
        ("-1", "percentage", "is not a percentage"),
        ("-3", "count", "-3 is negative: a count cannot be below 0"),
        ("12,5", "count", "12.5 is not a whole number: a count is a whole number"),
        ("-0,5", "rate", "-0.5 is negative: a rate cannot be below 0"),
        ("\u22122", "rate", "negative"),  # a typographic minus sign is read, then refused
    ],
)
def test_number_refusals(text: str, kind: str, message: str) -> None:
    with pytest.raises(ValueProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_value(text, kind)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("9" * 5000, "count", "'999999999999… (5000 characters)' is too large"),  # str(int) fails
        ("9" * 400 + ",5", "rate", "'999999999999… (402 characters)' is too large"),  # float: inf
        ("1 000 000 000 000 000", "count", "'1 000 000 000 000 000' is too large: a value must"),
        ("1000000000000000,0", "rate", "is too large"),
        ("1,2345678901234567", "rate", "'1,2345678901234567' has more than 15 significant digits"),
        ("0,0000000000000000001", "rate", None),  # 1 significant digit: fine
        ("999 999 999 999 999", "count", None),
        ("12345678901234,5", "rate", None),  # 15 significant digits
        ("000000000000000000001", "count", None),  # leading zeros are not significant
    ],
)
def test_numbers_too_large_or_too_precise_are_refused_b1(
    text: str, kind: str, message: str | None
) -> None:
    if message is None:
        assert float(format_number(parse_value(text, kind))) == float(  # type: ignore[arg-type]
            text.replace(" ", "").replace(",", ".")
        )
        return
    with pytest.raises(ValueProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_value(text, kind)  # type: ignore[arg-type]


def test_percent_sign_only_when_allowed() -> None:
    assert parse_number("12 %", allow_percent=True) == 12
    with pytest.raises(ValueProblem, match="not a percentage"):
        parse_number("12 %")


# --- texts --------------------------------------------------------------------------------------


def test_text_values_are_stripped_and_kept() -> None:
    assert parse_value('  Hyvä: "palaute" # 1  ', "text") == 'Hyvä: "palaute" # 1'
    assert parse_value("kyllä", "text") == "kyllä"  # a word is just text here
    assert parse_value("1,234", "text") == "1,234"
    assert parse_value("rivi\ttoinen\nkolmas", "text") == "rivi\ttoinen\nkolmas"
    with pytest.raises(ValueProblem, match="empty"):
        parse_value("  ", "text")


@pytest.mark.parametrize("char", ["\x1b", "\x00", "\x07", "\r", "\x7f", "\x85", "\x9b"])
def test_text_values_with_control_characters_are_refused_b6(char: str) -> None:
    shown = f"\\x{ord(char):02x}"
    with pytest.raises(ValueProblem, match=f"the text has the control character \\{shown}"):
        parse_value(f"Valmis {char}[2J", "text")


# --- formatting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [(12, "12"), (12.5, "12.5"), (1e-05, "0.00001"), (1234.567, "1234.567"), (0.1, "0.1")],
)
def test_format_number_has_no_exponent(value: float, text: str) -> None:
    assert format_number(value) == text


def test_format_value() -> None:
    assert format_value(True) == "true"
    assert format_value(False) == "false"
    assert format_value(3) == "3"
    assert format_value("teksti") == "teksti"


@settings(max_examples=50, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=10**9),
    decimals=st.text(alphabet="0123456789", min_size=0, max_size=6),
    comma=st.booleans(),
    group=st.sampled_from(["", " ", "\u00a0", "\u202f"]),
)
def test_numbers_read_back_as_written(whole: int, decimals: str, comma: bool, group: str) -> None:
    """Any grouped number with a decimal part that is not exactly three digits reads exactly."""
    digits = str(whole)
    if group:
        head = len(digits) % 3 or 3
        parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
        integer = group.join(parts)
    else:
        integer = digits
    text = integer + ((("," if comma else ".") + decimals) if decimals else "")
    ambiguous = len(decimals) == 3 and integer == digits and len(digits) <= 3 and whole != 0
    if ambiguous:
        with pytest.raises(ValueProblem, match="ambiguous"):
            parse_number(text)
        return
    if len((digits.lstrip("0") + decimals).strip("0")) > 15:
        with pytest.raises(ValueProblem, match="more than 15 significant digits"):
            parse_number(text)
        return
    expected = float(f"{whole}.{decimals}") if decimals else whole
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["1,234", "1.234", "12,500"])
def test_an_ambiguous_count_suggests_only_the_whole_number(text: str) -> None:
    digits = text.replace(",", "").replace(".", "")
    with pytest.raises(ValueProblem) as info:
        parse_value(text, "count")
    message = str(info.value)
    assert message.endswith(
        f"A count is a whole number: write {digits} (or {text[:-4]} {text[-3:]})"
    )
    assert "decimal number" not in message and "0 for" not in message
