"""person_evidence: names the text marks as people, whatever label the model gave them.

The rule-level tests set ``doc.ents`` by hand to the model's typical mistakes, so that they test
the rule and not the model's mood; the end-to-end ones run the whole pipeline. All sentences are
invented for these tests.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from tidings.nlp.lexicon import lexicon
from tidings.nlp.person_evidence import (
    extend_surnames,
    places_not_people,
    promote_people,
    split_spans,
)
from tidings.nlp.person_words import given_name_gender
from tidings.nlp.pipeline import COMPONENTS


def parsed(nlp: Language, text: str) -> Doc:
    """The text through the model's own components (and the paragraph marks) only."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name not in COMPONENTS:
            doc = component(doc)
    return doc


def span(doc: Doc, text: str, label: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    found = doc.char_span(start, start + len(text), label=label)
    assert found is not None
    return found


def labels(spans: list[Span]) -> dict[str, str]:
    return {s.text: s.label_ for s in spans}


def run(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def test_given_names_fold_accents_and_hyphens() -> None:
    assert given_name_gender("Thérèse") == "f"
    assert given_name_gender("Therese") == "f"
    assert given_name_gender("Anne-Claire") == "f"
    assert given_name_gender("Farhad") == "m"
    assert given_name_gender("Ministry") is None


def test_given_name_makes_an_org_a_person(nlp: Language) -> None:
    doc = parsed(nlp, "In Tarvel, Ludmila Oancea said the bridge had gone.")
    spans = [span(doc, "Tarvel", "GPE"), span(doc, "Ludmila Oancea", "ORG")]
    assert labels(promote_people(doc, spans, lexicon()))["Ludmila Oancea"] == "PERSON"


def test_given_name_joins_an_untagged_word_to_a_tagged_surname(nlp: Language) -> None:
    doc = parsed(nlp, "Ivana Dorić, a teacher, said the school was closed.")
    out = promote_people(doc, [span(doc, "Dorić", "GPE")], lexicon())
    assert labels(out) == {"Ivana Dorić": "PERSON"}


def test_organisation_words_veto_a_given_name(nlp: Language) -> None:
    doc = parsed(nlp, "Omar Freight Services said on Monday that ships were waiting.")
    spans = [span(doc, "Omar Freight Services", "ORG")]
    assert labels(promote_people(doc, spans, lexicon()))["Omar Freight Services"] == "ORG"


def test_apposition_with_a_person_noun_makes_a_person(nlp: Language) -> None:
    doc = parsed(nlp, "Kebede Tolossa, a 52-year-old farmer, said the rains had failed.")
    spans = [span(doc, "Kebede Tolossa", "ORG")]
    assert labels(promote_people(doc, spans, lexicon()))["Kebede Tolossa"] == "PERSON"


def test_apposition_before_makes_a_person(nlp: Language) -> None:
    doc = parsed(nlp, "His neighbour, Brehane Wolde, said the soldiers left at dawn.")
    spans = [span(doc, "Brehane Wolde", "GPE")]
    assert labels(promote_people(doc, spans, lexicon()))["Brehane Wolde"] == "PERSON"


def test_honorific_makes_a_person(nlp: Language) -> None:
    doc = parsed(nlp, "Police questioned Mr Okonkwo-Bele on Friday.")
    spans = [span(doc, "Okonkwo-Bele", "ORG")]
    assert labels(promote_people(doc, spans, lexicon()))["Okonkwo-Bele"] == "PERSON"


def test_surname_grows_over_an_untagged_given_name(nlp: Language) -> None:
    doc = parsed(nlp, "Her cousin Oumarou Kaledji drove the truck. Kaledji said it broke down.")
    spans = [span(doc, "Kaledji", "PERSON", nth=1)]
    out = extend_surnames(doc, spans, lexicon())
    assert [(s.text, s.label_) for s in out][0] == ("Oumarou Kaledji", "PERSON")


def test_comma_inside_a_span_splits_off_the_person(nlp: Language) -> None:
    doc = parsed(nlp, "Speaking to the Lake Gazette, Mbeki insisted the vote was fair.")
    out = split_spans(doc, [span(doc, "the Lake Gazette, Mbeki", "ORG")], lexicon())
    assert labels(out) == {"the Lake Gazette": "ORG", "Mbeki": "PERSON"}


def test_possessive_place_splits_off_an_organisation(nlp: Language) -> None:
    doc = parsed(nlp, "Zambaro's Ministry of Water said the pumps were repaired.")
    out = split_spans(doc, [span(doc, "Zambaro's Ministry of Water", "ORG")], lexicon())
    assert labels(out) == {"Zambaro": "GPE", "Ministry of Water": "ORG"}


def test_one_word_person_used_as_a_place_is_a_place(nlp: Language) -> None:
    doc = parsed(nlp, "Families fled to the hills around Mekrato. Shelling hit Mekrato again.")
    spans = [span(doc, "Mekrato", "PERSON"), span(doc, "Mekrato", "PERSON", nth=1)]
    assert {s.label_ for s in places_not_people(doc, spans, lexicon())} == {"GPE"}


def test_one_word_person_with_a_full_name_stays_a_person(nlp: Language) -> None:
    doc = parsed(nlp, "Selim Haddad spoke in Tripoli. Crowds in Haddad's home town cheered.")
    spans = [span(doc, "Selim Haddad", "PERSON"), span(doc, "Haddad", "PERSON")]
    assert {s.label_ for s in places_not_people(doc, spans, lexicon())} == {"PERSON"}


def test_pipeline_joins_the_surname_to_the_promoted_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "Renata Vukelić, a nurse at the clinic, said supplies had run out. "
        '"We ration everything," Vukelić said.',
    )
    people = [e for e in doc._.tidings_entities if e.label == "PERSON"]
    assert [p.name for p in people] == ["Renata Vukelić"]
    assert "Vukelić" in people[0].aliases


def test_apposition_with_an_occupation_suffix_makes_a_person(nlp: Language) -> None:
    # "pharmacist" is on no list: the suffix names a trade
    doc = parsed(nlp, "Ottilie Brannek, a pharmacist in the old town, said she was robbed.")
    out = promote_people(doc, [], lexicon())
    assert labels(out) == {"Ottilie Brannek": "PERSON"}


def test_an_apposition_without_a_person_noun_makes_no_person(nlp: Language) -> None:
    doc = parsed(nlp, "Vell Harbour, a haven in the old town, said to be safe, was closed.")
    assert "Vell Harbour" not in labels(promote_people(doc, [], lexicon()))


def test_a_title_inside_the_models_org_span_is_trimmed_off_the_person(nlp: Language) -> None:
    doc = parsed(nlp, "Cllr Wenna Pryce, who chairs the board, said the repairs would wait.")
    spans = [span(doc, "Cllr Wenna Pryce", "ORG")]
    assert labels(promote_people(doc, spans, lexicon())) == {"Wenna Pryce": "PERSON"}
