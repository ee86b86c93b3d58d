"""The rule about the plan's languages: L001, texts that lack a language the plan declares.

``plan.yaml`` ``languages: [fi, sv]`` says the plan is published in Finnish and Swedish. A text
given only in Finnish is not an error (the reports show it in Finnish, marked as such), but the
plan is not yet what it declares: one warning per missing language, at the ``languages`` line,
counts the texts and says how to list them (``hyte translate export``), instead of one warning
per text (a plan starting its translation would drown in them).
"""

from __future__ import annotations

from collections.abc import Iterator

from babel.core import Locale, UnknownLocaleError

from hytecli.findings import Finding
from hytecli.translation.texts import missing, plan_texts
from hytecli.validation_common import WARNING, CheckContext

#: Texts lack a language that plan.yaml ``languages`` declares.
MISSING_LANGUAGE = "L001"


def language_name(code: str) -> str:
    """The language's English name in Babel's locale data (``sv``: ``Swedish``), else the code."""
    try:
        name = Locale.parse(code).get_display_name("en")
    except (UnknownLocaleError, ValueError):
        return code
    return name or code


class LanguageChecks(CheckContext):
    """The rule about the languages the plan declares."""

    def missing_languages(self) -> Iterator[Finding]:
        """L001: texts that lack a language of ``languages`` (one finding per language)."""
        if self.plan is None:
            return
        entries = plan_texts(self.repo)
        document = self.repo.plan_document
        for language in dict.fromkeys(self.plan.languages):
            if language == self.plan.language:
                continue
            count = len(missing(entries, language))
            if not count:
                continue
            texts = "1 text lacks" if count == 1 else f"{count} texts lack"
            yield document.finding(
                ("languages",),
                MISSING_LANGUAGE,
                f"{texts} {language_name(language)} ({language}), a language the plan declares; "
                f"hyte translate export --lang {language} --output {language}.po lists them",
                WARNING,
            )
