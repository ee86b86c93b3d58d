"""The data model's own behaviour: :class:`hytecli.models.Text` equality, hashing and languages.

The files' shapes are tested through the reader and `hyte validate` (tests/test_validation.py,
tests/test_yamlfile.py). Texts here are fictional.
"""

from __future__ import annotations

from hytecli.models import Text


def test_equal_texts_hash_alike_whatever_the_order_written_b10() -> None:
    finnish_first = Text({"fi": "Kunnat", "sv": "Kommunerna"})
    swedish_first = Text({"sv": "Kommunerna", "fi": "Kunnat"})
    assert finnish_first == swedish_first
    assert hash(finnish_first) == hash(swedish_first)
    assert len({finnish_first, swedish_first}) == 1  # a responsible party is listed once
    assert Text({"fi": "Kunnat"}) != finnish_first
    assert Text({"fi": "Kunnat", "sv": "Kommuner"}) != finnish_first


def test_get_falls_back_to_the_given_language_then_the_first_written_b10() -> None:
    text = Text({"en": "Municipalities", "sv": "Kommunerna"})
    assert text.get("sv") == ("Kommunerna", "sv")
    assert text.get("fi") == ("Municipalities", "en")  # no Finnish fallback by default
    assert text.get("fi", "sv") == ("Kommunerna", "sv")  # the plan's language, when it is known
    assert text.get("fi", fallback="se") == ("Municipalities", "en")
    assert Text({"en": "A", "fi": "B"}).get("sv") == ("A", "en")


def test_str_is_the_first_written_language() -> None:
    assert str(Text({"sv": "Kommunerna", "fi": "Kunnat"})) == "Kommunerna"
