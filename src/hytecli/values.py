"""Reading the value a person types for an indicator: yes/no words, numbers, texts.

``hyte record INDICATOR VALUE`` takes the value as text, as people write it in Finland: a decimal
comma, spaces between thousands, a per cent sign, a Finnish, Swedish or English yes/no word.
Nothing ambiguous is guessed; such a text is refused with a message that says how to write it.

What this relies on: Finnish writes a decimal comma, as the Finnish language board has
recommended since 1937 and the standard SFS 4175 (2006) prescribes (Kielikello, "Pisteitä ja
pilkkuja", https://kielikello.fi/pisteita-ja-pilkkuja/), and groups the digits of a long number
in threes separated by a (thin) space, never by a point or a comma (the EU Interinstitutional
Style Guide, Finnish edition, section 6.5, https://publications.europa.eu/code/fi/fi-360500.htm;
the SI Brochure, 9th edition, section 5.4.4, says the same for all languages). The decimal point
is accepted too, because spreadsheets and statistics services print it; the refusal of an
ambiguous ``1,234`` is hyte's own rule, since that is what the two conventions disagree on.

Numbers (count, percentage and rate indicators):

* Surrounding spaces are ignored. The decimal separator is a comma or a point (``12,5`` and
  ``12.5`` are both 12.5). Spaces, no-break spaces (U+00A0), narrow no-break spaces (U+202F) and
  thin spaces (U+2009) may separate the integer part into groups of three digits (``1 234 567``);
  no other thousands separator is accepted.
* A single comma or point followed by exactly three digits, with no other separator, is
  **ambiguous** and refused: ``1,234`` is 1.234 by the Finnish convention but 1234 by the English
  one (and ``1.234`` the other way round). Write ``1234`` or ``1 234`` for the whole number and
  ``1,2340`` (or rounded, ``1,23``) for the decimal one, ``1,23`` for the decimal ``1,230``
  (for a count, a whole number, only the whole number is suggested).
  A zero whole part (``0,125``), a whole part of four or more
  digits (``1234,567``) or a space-grouped whole part (``1 234,567``) cannot be a thousands
  separator, so those are accepted.
* A comma and a point in the same number (``1.234,5``, ``1,234.5``), two decimal separators,
  exponents (``1e3``), a separator without digits after it (``12,``) or before it (``,5``) are
  refused.
* A minus sign (``-`` or U+2212) is read, but no indicator kind accepts a negative value.
* A number of :data:`~hytecli.yaml_strict.MAX_NUMBER` (10^15) or more in size, or with more than
  :data:`SIGNIFICANT_DIGITS` significant digits, is refused: plan files hold numbers below
  10^15, and a float holds at most 15 significant digits exactly, so more would be rounded
  silently.
* A ``%`` sign at the end (with or without a space before it) is accepted only for percentage
  indicators; percentages must lie in 0–100. Counts must be whole numbers (``12,0`` is 12) and
  not negative; rates must not be negative.

Yes/no words (case-insensitive, surrounding spaces ignored, inner runs of spaces read as one):
see :data:`YES_WORDS` and :data:`NO_WORDS`.

Text indicators take any non-empty text (surrounding spaces are removed) without control
characters other than tab and line break (see :func:`hytecli.yaml_strict.control_character`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from hytecli.models import IndicatorKind as ValueKind
from hytecli.yaml_strict import MAX_NUMBER, control_character

RecordedValue = bool | int | float | str

#: Words read as *yes* (true), by language. ``toteutui`` ("it came true") is how the plan's
#: yes/no indicators are worded ("Toteutui / ei toteutunut").
YES_WORDS: dict[str, tuple[str, ...]] = {
    "fi": ("kyllä", "toteutui"),
    "sv": ("ja",),
    "en": ("yes", "true"),
}
#: Words read as *no* (false), by language.
NO_WORDS: dict[str, tuple[str, ...]] = {
    "fi": ("ei", "ei toteutunut"),
    "sv": ("nej",),
    "en": ("no", "false"),
}

_YES = {word for words in YES_WORDS.values() for word in words}
_NO = {word for words in NO_WORDS.values() for word in words}

#: Spaces accepted between groups of three digits, and around the value.
GROUP_SPACES = " \u00a0\u202f\u2009"
_MINUS = "-\u2212"
#: The most significant digits a number may have: a float holds 15 exactly.
SIGNIFICANT_DIGITS = 15

_NUMBER = re.compile(
    r"""^(?P<sign>[-\u2212+])?
        (?P<int>[0-9]+(?:[ \u00a0\u202f\u2009][0-9]{3})*)
        (?:(?P<sep>[.,])(?P<frac>[0-9]+))?
        (?:[ \u00a0\u202f\u2009]?(?P<pct>%))?$""",
    re.X,
)


class ValueProblem(ValueError):
    """The text is not a valid value for the indicator; the message says why and what to write."""


def _normalise_word(text: str) -> str:
    return " ".join(text.split()).casefold()


def yes_no_word(text: str) -> bool | None:
    """Return True/False for a yes/no word in Finnish, Swedish or English, else ``None``."""
    word = _normalise_word(text)
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None


def _word_list() -> str:
    yes = "/".join(w for words in YES_WORDS.values() for w in words)
    no = "/".join(w for words in NO_WORDS.values() for w in words)
    return f"yes: {yes}; no: {no}"


def parse_yes_no(text: str) -> bool:
    """Read a yes/no word in Finnish, Swedish or English.

    Accepted: ``kyllä``/``ei``, ``toteutui``/``ei toteutunut``, ``ja``/``nej``, ``yes``/``no``,
    ``true``/``false``; any case, surrounding spaces ignored.

    Raises:
        ValueProblem: empty text, a number, or any other word.
    """
    if not text.strip():
        raise ValueProblem(f"the value is empty: write a yes/no word ({_word_list()})")
    answer = yes_no_word(text)
    if answer is not None:
        return answer
    if _looks_numeric(text):
        raise ValueProblem(
            f"{text.strip()!r} is a number, but this is a yes/no indicator: write a yes/no word "
            f"({_word_list()})"
        )
    raise ValueProblem(f"{text.strip()!r} is not a yes/no word: write one of {_word_list()}")


def _looks_numeric(text: str) -> bool:
    return bool(re.search(r"[0-9]", text)) and not re.search(r"[^\s0-9.,%+\-\u2212]", text)


def parse_number(
    text: str, *, allow_percent: bool = False, whole: bool = False, subject: str = "this indicator"
) -> int | float:
    """Read a number written the Finnish or the international way (see the module docstring).

    Args:
        text: The number as typed, e.g. ``12,5 %``, ``1 234``, ``0.75``.
        allow_percent: Accept a trailing ``%`` (percentage indicators only).
        whole: The number is a count (a whole number): an ambiguous ``1,234`` is then refused
            with only the whole-number reading suggested.
        subject: What the number is, for messages (``this indicator``, ``an amount``).

    Returns:
        An ``int`` when the number has no fractional part (``12,0`` → 12), else a ``float``.

    Raises:
        ValueProblem: empty, ambiguous or malformed text, a ``%`` where none is allowed, or a
            number too large or too precise to keep exactly (see the module docstring).
    """
    stripped = text.strip(GROUP_SPACES + "\t\r\n")
    if not stripped:
        raise ValueProblem("the value is empty: write a number, e.g. 12 or 12,5")
    if yes_no_word(stripped) is not None:
        raise ValueProblem(
            f"{stripped!r} is a yes/no word, but {subject} takes a number: write a number, "
            "e.g. 12 or 12,5"
        )
    if "," in stripped and "." in stripped:
        raise ValueProblem(
            f"{stripped!r} has both a comma and a point, so it is unclear which one separates the "
            "decimals: write the number with one decimal separator and no thousands separator, "
            "e.g. 1234,5 (or 1 234,5)"
        )
    if stripped.count(",") + stripped.count(".") > 1:
        raise ValueProblem(
            f"{stripped!r} has more than one decimal separator: use spaces between thousands "
            "(1 234 567) and one comma or point for the decimals (1 234,5)"
        )
    match = _NUMBER.match(stripped)
    if match is None:
        raise ValueProblem(_malformed(stripped))
    if match["pct"] and not allow_percent:
        raise ValueProblem(
            f"{stripped!r} has a % sign, but {subject} is not a percentage: write the number "
            "without %"
        )
    integer = match["int"]
    grouped = any(space in integer for space in GROUP_SPACES)
    digits = "".join(ch for ch in integer if ch.isdigit())
    if (
        match["sep"]
        and len(match["frac"]) == 3
        and not grouped
        and len(digits) <= 3
        and not digits.startswith("0")
    ):
        sep, frac = match["sep"], match["frac"]
        if whole:
            raise ValueProblem(
                f"'{digits}{sep}{frac}' is ambiguous: '{sep}' may separate thousands or decimals. "
                f"A count is a whole number: write {digits}{frac} (or {digits} {frac})"
            )
        raise ValueProblem(
            f"'{digits}{sep}{frac}' is ambiguous: it is {digits}.{frac} if '{sep}' separates the "
            f"decimals but {digits}{frac} if it separates thousands. Write {digits}{frac} (or "
            f"{digits} {frac}) for the whole number, or {_decimal_advice(digits, sep, frac)}"
        )
    _check_size(stripped, digits, match["frac"] or "")
    value = Decimal(f"{digits}.{match['frac']}" if match["sep"] else digits)
    if match["sign"] and match["sign"] in _MINUS:
        value = -value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _decimal_advice(digits: str, sep: str, frac: str) -> str:
    """How to write the decimal reading of an ambiguous ``1,230`` unambiguously.

    Trailing zeros are dropped where that leaves fewer than three decimals (``1,230`` → ``1,23``,
    ``1,000`` → ``1``); three decimals that matter (``1,234``) are written with four (``1,2340``)
    or rounded to two (``1,23``).
    """
    short = frac.rstrip("0")
    if not short:
        return f"{digits} for the number {digits}"
    if len(short) < len(frac):
        return f"{digits}{sep}{short} for the decimal number"
    rounded = Decimal(f"{digits}.{frac}").quantize(Decimal("0.01"))
    return (
        f"for the decimal number {digits}{sep}{frac}0 (a fourth decimal makes it one) or, "
        f"rounded, {str(rounded).replace('.', sep)}"
    )


def _check_size(text: str, whole: str, fraction: str) -> None:
    """Refuse a number of 10^15 or more, or one with more than 15 significant digits."""
    shown = text if len(text) <= 24 else f"{text[:12]}… ({len(text)} characters)"
    whole = whole.lstrip("0")
    if len(whole) >= len(str(MAX_NUMBER)):  # counting digits: int() refuses 4300 and more
        raise ValueProblem(
            f"{shown!r} is too large: a value must be smaller than 1 000 000 000 000 000 (10^15)"
        )
    if len((whole + fraction).strip("0")) > SIGNIFICANT_DIGITS:
        raise ValueProblem(
            f"{shown!r} has more than {SIGNIFICANT_DIGITS} significant digits, more than hyte "
            f"keeps exactly: round it to at most {SIGNIFICANT_DIGITS} digits"
        )


def _malformed(text: str) -> str:
    if re.search(r"[eE]", text) and re.search(r"[0-9]", text):
        return f"{text!r} uses an exponent: write the number out in full, e.g. 1000 rather than 1e3"
    if re.search(r"[0-9][ \u00a0\u202f\u2009]+[0-9]", text):
        return (
            f"{text!r}: spaces may only separate groups of three digits in the whole part "
            "(1 234 567); write the number without spaces or with groups of three"
        )
    if re.search(r"[.,]$", text) or re.search(r"^[-\u2212+]?[.,]", text):
        return f"{text!r} needs digits on both sides of the decimal separator: e.g. 12,5 or 0,5"
    return (
        f"{text!r} is not a number: write digits with a decimal comma or point, e.g. 12, 12,5 or "
        "1 234"
    )


def parse_value(text: str, kind: ValueKind) -> RecordedValue:
    """Read ``text`` as a value of an indicator of ``kind`` and check its range.

    Args:
        text: The value as typed on the command line.
        kind: The indicator's kind: ``yes_no``, ``count``, ``percentage``, ``rate`` or ``text``.

    Returns:
        ``bool`` for yes/no, ``int``/``float`` for numbers, the stripped text for text indicators.

    Raises:
        ValueProblem: the text does not fit the kind (see the module docstring for the rules).
    """
    if kind == "yes_no":
        return parse_yes_no(text)
    if kind == "text":
        stripped = text.strip()
        if not stripped:
            raise ValueProblem("the value is empty: write the text to record")
        char = control_character(stripped)
        if char is not None:
            raise ValueProblem(
                f"the text has the control character {char}: plan files allow no control "
                "characters but tab and line break; remove it"
            )
        return stripped
    number = parse_number(text, allow_percent=kind == "percentage", whole=kind == "count")
    return check_range(number, kind)


def check_range(number: int | float, kind: ValueKind) -> int | float:
    """Check that ``number`` is a possible value for ``kind``; return it (counts as ``int``).

    Raises:
        ValueProblem: a percentage outside 0–100, a negative or fractional count, a negative rate.
    """
    shown = format_number(number)
    if kind == "percentage" and not 0 <= number <= 100:
        raise ValueProblem(f"{shown} is not a percentage: a percentage lies between 0 and 100")
    if kind == "count":
        if number < 0:
            raise ValueProblem(f"{shown} is negative: a count cannot be below 0")
        if number != int(number):
            raise ValueProblem(f"{shown} is not a whole number: a count is a whole number")
        return int(number)
    if kind == "rate" and number < 0:
        raise ValueProblem(f"{shown} is negative: a rate cannot be below 0")
    return number


def format_number(number: int | float) -> str:
    """Write a number in plain decimal without an exponent (``1e-05`` → ``0.00001``)."""
    if isinstance(number, bool):
        raise TypeError("a yes/no value is not a number")
    if isinstance(number, int):
        return str(number)
    return format(Decimal(repr(number)), "f")


def format_value(value: RecordedValue, language: str | None = None) -> str:
    """Show a recorded value in messages: ``true``/``false``, a plain number, or the text.

    With ``language`` (``fi``, ``sv``, ``en``), a yes/no value is that language's word as a
    collect form's drop-down shows it (``kyllä``/``ei``, ``ja``/``nej``).
    """
    if isinstance(value, bool):
        if language in YES_WORDS:
            return (YES_WORDS if value else NO_WORDS)[language][0]
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    return value
