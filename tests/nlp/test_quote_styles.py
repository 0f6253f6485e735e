"""Quotation rules for house styles beyond the first dev set (invented sentences): regional
cues, present tense, long institution names, honorifics, aliases, venues of "told"."""

from __future__ import annotations

from quote_helpers import find, run, speaker
from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.resolved import ResolvedQuote


def _one(doc: Doc, words: str) -> tuple[str | None, ResolvedQuote]:
    quote = find(doc, words)
    return speaker(doc, quote), quote


def test_regional_cues(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Lagos State Commissioner for Health, Dr Femi Adebayo, has disclosed that 40 new "
        "clinics will open in March.\n\n"
        'Mrs Bisi Lawal, a trader in Yaba, lamented that prices had tripled. "We eat once a '
        'day now," she quipped.\n\n'
        '"The budget is enough," Adebayo averred.',
    )
    assert _one(doc, "40 new clinics")[0] == "Femi Adebayo"  # not "Lagos State"
    assert _one(doc, "prices had tripled")[0] == "Bisi Lawal"
    assert _one(doc, "We eat once a day")[0] == "Bisi Lawal"
    assert _one(doc, "The budget is enough")[0] == "Femi Adebayo"


def test_honorifics_and_council_titles(nlp: Language) -> None:
    doc = run(
        nlp,
        "Alhaji Sani Bello, who chairs the traders' union, said the market would reopen. "
        "Councillor Agnes Morrow said the road was unsafe.",
    )
    assert _one(doc, "market would reopen")[0] == "Sani Bello"
    assert _one(doc, "road was unsafe")[0] == "Agnes Morrow"


def test_present_tense_and_vietnamese_names(nlp: Language) -> None:
    doc = run(
        nlp,
        "In Hue, Nguyen Thi Mai has sold noodles from the same corner for thirty years.\n\n"
        '"The tourists come back every spring," she says. "The rain does not."',
    )
    assert _one(doc, "The tourists come back")[0] == "Nguyen Thi Mai"


def test_institutions_and_their_acronyms(nlp: Language) -> None:
    doc = run(
        nlp,
        "The UN Office for the Coordination of Humanitarian Affairs (OCHA) said on Telegram that "
        'the road was open. "It will not stay open for long," OCHA wrote.\n\n'
        "The Embassy of Chile in Lima said it had evacuated 40 citizens. "
        "The Delegation of the European Union to Georgia said in a statement that talks would "
        "continue.",
    )
    ocha = "UN Office for the Coordination of Humanitarian Affairs"
    assert _one(doc, "the road was open")[0] == ocha
    assert _one(doc, "It will not stay open")[0] == ocha  # the alias, not a new entity
    assert _one(doc, "evacuated 40 citizens")[0] == "Embassy of Chile in Lima"
    assert _one(doc, "talks would continue")[0] == "Delegation of the European Union to Georgia"


def test_team_of_a_nationality(nlp: Language) -> None:
    doc = run(nlp, "The Egyptian mediation team said in a post on X that both sides had agreed.")
    assert _one(doc, "both sides had agreed")[0] == "Egyptian mediation team"


def test_spokesman_speaks_for_the_body_not_its_seat(nlp: Language) -> None:
    doc = run(
        nlp,
        'A spokesman for the health ministry in Dodoma said the clinics were "fully stocked".',
    )
    assert _one(doc, "fully stocked")[0] != "Dodoma"


def test_venues_of_told(nlp: Language) -> None:
    doc = run(
        nlp,
        "Councillor Peter Hale told the Gazette that the library would close. "
        "A diplomat told us by phone that the talks had stalled.",
    )
    assert _one(doc, "library would close")[1].venue == "told the Gazette"
    assert _one(doc, "talks had stalled")[1].venue == "told us by phone"
