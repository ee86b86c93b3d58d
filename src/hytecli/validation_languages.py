"""The rules about the plan's languages: L001 (texts lack a declared one), L002, L003.

``plan.yaml`` ``languages: [fi, sv]`` says the plan is published in Finnish and Swedish. A text
given only in Finnish is not an error (the reports show it in Finnish, marked as such), but the
plan is not yet what it declares: one warning per missing language, at the ``languages`` line,
counts the texts and says how to list them (``hyte translate export``), instead of one warning
per text (a plan starting its translation would drown in them).

A text in a language ``languages`` does not declare and that hyte makes no report in (``se:``,
Northern Sami, a slip for ``sv``) is shown nowhere: one warning at each such text (L002). A text
without the plan's own language (a Swedish-only text that a Swedish collect form brought into a
Finnish plan) is shown in the plan's reports in another language until it is translated
(``hyte translate export --lang fi`` exports such texts from the language they have): one
warning at each such text (L003). The
report languages (fi, sv, en: :data:`hytecli.i18n.LANGUAGES`) are not warned about, since
``hyte report --lang en`` shows an English text (an act's official English name) though the
plan is not published in English as a whole. A code that is not of the ISO 639 shape
(``svenska:``) is already an error of the file's model.
"""

from __future__ import annotations

from collections.abc import Iterator

from babel.core import Locale, UnknownLocaleError

from hytecli.findings import Finding
from hytecli.i18n import LANGUAGES
from hytecli.translation.texts import missing, plan_texts, text_fields, text_files
from hytecli.validation_common import WARNING, CheckContext

#: Texts lack a language that plan.yaml ``languages`` declares.
MISSING_LANGUAGE = "L001"
#: A text in a language that plan.yaml ``languages`` does not declare.
UNDECLARED_LANGUAGE = "L002"
#: A text without the plan's own language (only ``sv:`` in a Finnish plan).
NO_PLAN_LANGUAGE = "L003"


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
        others = [lang for lang in dict.fromkeys(self.plan.languages) if lang != self.plan.language]
        if not others:
            return
        entries = plan_texts(self.repo)
        document = self.repo.plan_document
        for language in others:
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

    def undeclared_languages(self) -> Iterator[Finding]:
        """L002: a text in a language neither ``languages`` declares nor a report is made in.

        One finding per text and language, at the language's key; and L003, one per text that
        lacks the plan's own language, at the text.
        """
        if self.plan is None:
            return
        own = self.plan.language
        declared = {own, *self.plan.languages, *LANGUAGES}
        listed = ", ".join(dict.fromkeys([own, *self.plan.languages]))
        for path, model in text_files(self.repo):
            document = self.repo.document(path)
            if document is None:  # pragma: no cover - the files come from the loaded ones
                continue
            for data_path, _item, _field, text in text_fields(model):
                if own not in text.values:
                    given = ", ".join(text.values)
                    yield document.finding(
                        data_path,
                        NO_PLAN_LANGUAGE,
                        f"text only in {given}, not in the plan's own language {own} "
                        f"({language_name(own)}): reports in {own} show it in another language; "
                        f"add the {own} text ({{{own}: …, {next(iter(text.values))}: …}}), or have "
                        f"such texts translated (hyte translate export --lang {own})",
                        WARNING,
                    )
                for language in text.values:
                    if language in declared:
                        continue
                    name = language_name(language)
                    named = f" ({name})" if name != language else ""
                    yield document.finding(
                        (*data_path, language),
                        UNDECLARED_LANGUAGE,
                        f"text in '{language}'{named}, a language plan.yaml does not declare in "
                        f"languages: ({listed}) and no report is made in; correct the code if it "
                        f"is a slip, or add {language} to languages: in plan/plan.yaml",
                        WARNING,
                        prefer_key=True,
                    )
