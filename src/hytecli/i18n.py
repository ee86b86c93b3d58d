"""The report's languages: gettext catalogues for labels, Babel for dates and numbers.

Labels (headings, state names, sentences) are looked up in the gettext catalogues shipped in
``hytecli/locale/<lang>/LC_MESSAGES/hyte.mo`` (domain ``hyte``), compiled from the ``.po`` files
beside them; ``docs/report.md`` says how to extract, translate and compile them. Dates and numbers
are formatted by Babel in the report's locale: Finnish and Swedish as used in Finland (``fi_FI``,
``sv_FI``: ``31.5.2025``, ``1 234,5``), English in British style (``en_GB``: ``31 May 2025``,
``1,234.5``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from hytecli.labels import N_ as N_  # marks msgids; re-exported for the report's modules

#: The languages the report can be made in, and the Babel locale of each.
LOCALES: dict[str, str] = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
LANGUAGES: tuple[str, ...] = tuple(LOCALES)
#: Quotation marks of each report language: Finnish and Swedish use ”…”, English “…”.
QUOTES: dict[str, tuple[str, str]] = {"fi": ("”", "”"), "sv": ("”", "”"), "en": ("“", "”")}
DOMAIN = "hyte"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


#: "in Finnish": the language plan text is (or is not) available in, for the fallback notice.
_IN_LANGUAGE = {
    "fi": N_("in Finnish"),
    "sv": N_("in Swedish"),
    "en": N_("in English"),
}


@functools.cache
def translations(language: str) -> NullTranslations:
    """Return the gettext translations of ``language`` (``fi``, ``sv`` or ``en``).

    Raises:
        ValueError: a language without a catalogue.
    """
    if language not in LOCALES:
        raise ValueError(f"no report language {language!r}: use one of {', '.join(LANGUAGES)}")
    loaded = Translations.load(str(LOCALE_DIR), [language], DOMAIN)
    if not isinstance(loaded, Translations):  # pragma: no cover - a broken installation
        raise FileNotFoundError(
            f"the {language} catalogue is missing: {LOCALE_DIR / language / 'LC_MESSAGES'}"
        )
    return loaded


@dataclass(frozen=True)
class Localizer:
    """Translates labels and formats dates and numbers for one report language.

    Attributes:
        language: ``fi``, ``sv`` or ``en``.
    """

    language: str

    @property
    def locale(self) -> str:
        """The Babel locale name (``fi_FI``, ``sv_FI``, ``en_GB``)."""
        return LOCALES[self.language]

    def gettext(self, message: str, **variables: Any) -> str:
        """Translate ``message`` and fill in ``%(name)s`` placeholders from ``variables``."""
        text = translations(self.language).gettext(message)
        return text % variables if variables else text

    def pgettext(self, context: str, message: str, **variables: Any) -> str:
        """Translate ``message`` in gettext ``context`` (``msgctxt``), filling in placeholders."""
        text = str(translations(self.language).pgettext(context, message))
        return text % variables if variables else text

    def ngettext(self, singular: str, plural: str, num: int, **variables: Any) -> str:
        """Translate a message with a count; ``%(num)s`` is ``num`` in the locale (``4 620``)."""
        text = translations(self.language).ngettext(singular, plural, num)
        return text % {"num": self.number(num), **variables}

    def date(self, day: dt.date) -> str:
        """``31.5.2025`` (fi, sv) or ``31 May 2025`` (en)."""
        return _date(day, "medium" if self.language == "en" else "short", self.locale)

    def long_date(self, day: dt.date) -> str:
        """``31. toukokuuta 2025``, ``31 maj 2025``, ``31 May 2025``."""
        return _date(day, "long", self.locale)

    def number(self, value: int | float | Decimal) -> str:
        """A number in the locale, every written decimal kept (``1 234,5``; ``1,234.5``).

        Raises:
            TypeError: ``value`` is a bool (a yes/no value is not a number).
        """
        if isinstance(value, bool):
            raise TypeError("a yes/no value is not a number")
        # str() of an int, a float or a Decimal writes every decimal (and a Decimal's exponent)
        return _number(self.locale, str(value))

    def percent(self, value: int | float | Decimal) -> str:
        """A percentage given on the 0-100 scale (``12,5 %``; ``12.5%``)."""
        if isinstance(value, bool):
            raise TypeError("a yes/no value is not a number")
        return _percent(self.locale, str(value))

    def fraction_percent(self, value: float, digits: int = 1, signed: bool = False) -> str:
        """A fraction (0.125) as a percentage rounded to ``digits`` decimals (``12,5 %``).

        With ``signed``, a positive value gets a plus sign (``+12,5 %``).
        """
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        pattern += "\u00a0%" if self.language in ("fi", "sv") else "%"
        if signed:
            pattern = f"+{pattern};-{pattern}"
        return _fraction_percent(self.locale, repr(float(value)), pattern)

    def quote(self, text: str) -> str:
        """``text`` in the language's quotation marks."""
        opening, closing = QUOTES.get(self.language, ("“", "”"))
        return f"{opening}{text}{closing}"

    def in_language(self, language: str) -> str:
        """``language`` as in "shown in Finnish": ``suomeksi``, ``på finska``, ``in Finnish``..."""
        if language in _IN_LANGUAGE:
            return self.gettext(_IN_LANGUAGE[language])
        try:
            name = Locale.parse(language).get_display_name(self.locale) or language
        except (ValueError, LookupError):
            name = language
        return self.gettext("in the language %(language)s", language=name)


def default_language(plan_language: str) -> str:
    """The output language for a plan written in ``plan_language``: its own, else English."""
    return plan_language if plan_language in LOCALES else "en"


@functools.lru_cache(maxsize=65536)
def _number(locale: str, text: str) -> str:
    """Format the decimal written ``text`` (remembered: a report writes its values many times)."""
    return format_decimal(Decimal(text), locale=_babel_locale(locale), decimal_quantization=False)


@functools.lru_cache(maxsize=65536)
def _percent(locale: str, text: str) -> str:
    """Format the percentage written ``text`` on the 0-100 scale (remembered)."""
    return format_percent(
        Decimal(text) / 100, locale=_babel_locale(locale), decimal_quantization=False
    )


@functools.lru_cache(maxsize=65536)
def _fraction_percent(locale: str, value: str, pattern: str) -> str:
    return format_percent(float(value), pattern, locale=_babel_locale(locale))


@functools.lru_cache(maxsize=4096)
def _date(day: dt.date, form: str, locale: str) -> str:
    return format_date(day, form, locale=_babel_locale(locale))


@functools.lru_cache(maxsize=8)
def _babel_locale(name: str) -> Locale:
    return Locale.parse(name)
