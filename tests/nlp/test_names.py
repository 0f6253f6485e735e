"""Name parsing: the rules that decide when one name can be another written shorter."""

from __future__ import annotations

from tidings.nlp.names import acronym, is_shortening, person_tokens, surface


def test_person_tokens_drop_honorifics_dots_and_possessive() -> None:
    assert person_tokens("Mr. Daoud Rahimi's") == ("daoud", "rahimi")
    assert person_tokens("the Rahimi") == ("rahimi",)


def test_shortening_keeps_order_and_surname() -> None:
    full = ("daoud", "shah", "rahimi")
    assert is_shortening(("rahimi",), full)
    assert is_shortening(("daoud", "rahimi"), full)
    assert is_shortening(("d", "rahimi"), full)  # an initial
    assert not is_shortening(("rahimi", "daoud"), full)
    assert not is_shortening(("daoud", "shah"), full)  # drops the surname
    assert not is_shortening(full, full)


def test_acronym_and_surface() -> None:
    assert acronym("the National Salvation Front") == "NSF"
    assert acronym("Taliban") == ""
    assert surface("the Taliban's") == "Taliban"
