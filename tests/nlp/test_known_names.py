"""Names the article already knows, found again: the sweep, retyping by known names, families,
bracketed acronyms, place features, hyphenated names, datelines and coordinated titles.

Most tests fix the model's entities by hand (``[[text|LABEL]]`` marks the spans the model is
taken to have found) so that each rule is tested whatever the small model does with the text.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.lookup import entity_at
from tidings.nlp.names import person_tokens
from tidings.nlp.pipeline import COMPONENTS
from tidings.nlp.resolved import ResolvedEntity

MARK = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]")


def by_name(doc: Doc, name: str) -> ResolvedEntity:
    return next(e for e in doc._.tidings_entities if e.name == name)


def assert_no_orphan_surnames(doc: Doc) -> None:
    people = [e for e in doc._.tidings_entities if e.label == "PERSON"]
    full = {t for e in people if len(person_tokens(e.name)) > 1 for t in person_tokens(e.name)}
    assert not [e.name for e in people if len(e.name.split()) == 1 and e.name.lower() in full]


def with_ents(nlp: Language, marked: str) -> Doc:
    """The pipeline over ``marked`` without its markup, the model's entities replaced by the
    marked ones before the Tidings components run."""
    text, spans, shift = "", [], 0
    for match in MARK.finditer(marked):
        text += marked[shift : match.start()]
        spans.append((len(text), len(text) + len(match.group(1)), match.group(2)))
        text += match.group(1)
        shift = match.end()
    text += marked[shift:]
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name in COMPONENTS:  # the model's components (and the paragraph marks) only
            break
        doc = component(doc)
    ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
    doc.ents = [span for span in ents if span is not None]
    assert len(doc.ents) == len(spans)
    for name in ("tidings_entity_rules", "tidings_entities"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def mention(doc: Doc, needle: str, text: str | None = None) -> ResolvedEntity | None:
    """The entity with a mention exactly at ``text`` (default: ``needle``) where ``needle``
    first occurs."""
    start = doc.text.index(needle)
    end = start + len(text or needle)
    entity = entity_at(doc, start, end)
    return entity if entity is not None and (start, end) in entity.mentions else None


def labels(doc: Doc) -> dict[str, str]:
    return {e.text: e.label_ for e in doc.ents}


def test_untagged_surname_joins_the_most_recent_of_its_family(nlp: Language) -> None:
    doc = with_ents(
        nlp,
        "Talks stall as Azimov family quarrels\n\n[[Karim Azimov|PERSON]] chairs the board. "
        "The cousin of [[Karim Azimov|PERSON]], [[Bobur Azimov|PERSON]], resigned on Friday. "
        "Azimov, a retired surgeon, said the Azimovs would not sell.",
    )
    swept = mention(doc, "Azimov, a retired", "Azimov")
    assert swept is not None and swept.name == "Bobur Azimov"
    assert mention(doc, "Azimov family", "Azimov") is None  # a family's name, nobody's mention
    assert mention(doc, "Azimovs") is None
    assert_no_orphan_surnames(doc)


def test_sweep_leaves_longer_names_and_common_words_alone(nlp: Language) -> None:
    doc = with_ents(
        nlp,
        "[[Dilnoza Saidova|PERSON]] met officials from [[Khujand|GPE]]. Saidova Textiles "
        "said nothing. Khujand airport reopened, and Saidova flew home.",
    )
    assert mention(doc, "Saidova Textiles", "Saidova") is None  # part of a longer name
    home = mention(doc, "Saidova flew", "Saidova")
    assert home is not None and home.name == "Dilnoza Saidova"
    place = mention(doc, "Khujand airport", "Khujand")
    assert place is not None and place.name == "Khujand" and len(place.mentions) == 2


def test_full_name_tagged_org_joins_the_person(nlp: Language) -> None:
    doc = with_ents(
        nlp,
        "[[Timur Valiev|PERSON]] leads the militia. The nephew of [[Timur Valiev|ORG]], "
        "[[Oybek Valiev|PERSON]], disagreed. [[Valiev|ORG]] later said he would stay.",
    )
    assert labels(doc)["Timur Valiev"] == "PERSON"
    timur = by_name(doc, "Timur Valiev")
    assert len(timur.mentions) == 2
    assert not [e for e in doc._.tidings_entities if e.label != "PERSON" and "Valiev" in e.name]
    assert "nephew of Timur Valiev" in by_name(doc, "Oybek Valiev").titles


def test_name_the_model_mostly_calls_an_org_stays_an_org(nlp: Language) -> None:
    doc = with_ents(
        nlp,
        "[[Orion Holdings|ORG]] bid for the mine. [[Orion Holdings|ORG]] and "
        "[[Orion Holdings|PERSON]] are the same firm.",
    )
    assert {e.label_ for e in doc.ents} == {"ORG"}


def test_place_feature_makes_a_place_not_a_person(nlp: Language) -> None:
    doc = with_ents(
        nlp,
        "Fighters held the [[Varzob|PERSON]] road and the [[Yaghnob|NORP]] crossing. "
        "[[Sadriddin Kulob|PERSON]] said the [[Kulob|PERSON]] road was open.",
    )
    found = labels(doc)
    assert found["Varzob"] in {"GPE", "LOC", "FAC"}
    assert found["Yaghnob"] in {"GPE", "LOC", "FAC"}
    assert found["Kulob"] == "PERSON"  # a known person's name stays a person


def test_span_grows_over_hyphenated_name(nlp: Language) -> None:
    doc = with_ents(
        nlp,
        "The Nizhne-[[Vakhsh|GPE]] militia met the [[Sughd|GPE]]-Zarafshan council and "
        "[[Kabul|GPE]]-[[Tashkent|GPE]] envoys.",
    )
    found = labels(doc)
    assert found["Nizhne-Vakhsh"] == "GPE"
    assert found["Sughd-Zarafshan"] == "GPE"
    assert found["Kabul"] == found["Tashkent"] == "GPE"  # two names: each stays itself


def test_bracketed_acronym_joins_its_name_whatever_its_label(nlp: Language) -> None:
    doc = with_ents(
        nlp,
        "[[The Pamir Grain Board|ORG]] ([[PGB|ORG]]) sent flour. The [[PGB|GPE]] chief, "
        "[[Aziz Qodirov|PERSON]], said PGB trucks were stuck.",
    )
    board = by_name(doc, "Pamir Grain Board")
    assert board.label == "ORG" and "PGB" in board.aliases
    assert len(board.mentions) == 4  # the name, the definition, the GPE one, the untagged one


def test_untagged_dateline_joins_the_place(nlp: Language) -> None:
    doc = with_ents(
        nlp,
        "Floods cut [[Murghab|GPE]]\n\nMURGHAB — Water rose in [[Murghab|GPE]] on Tuesday.",
    )
    place = by_name(doc, "Murghab")
    assert "MURGHAB" in place.aliases and len(place.mentions) == 3


def test_reservoir_cousins(nlp: Language, fixtures: Path) -> None:
    doc = nlp((fixtures / "nlp" / "reservoir_cousins.txt").read_text(encoding="utf-8"))
    assert_no_orphan_surnames(doc)
    bare = mention(doc, "Rahmonov, a retired", "Rahmonov")
    assert bare is not None and bare.name == "Sherali Rahmonov"
    assert mention(doc, "Rahmonov family", "Rahmonov") is None
    assert mention(doc, "the Rahmonovs") is None and mention(doc, "Rahmonovs") is None
    people = {e.name for e in doc._.tidings_entities if e.label == "PERSON"}
    assert not [e for e in doc._.tidings_entities if e.label != "PERSON" and e.name in people]
    sherali = by_name(doc, "Sherali Rahmonov")
    assert {"governor's cousin", "former water minister"} <= set(sherali.titles)
    assert not [t for t in sherali.titles if " and " in t or t.startswith(("the ", "a "))]
    # "His daughter, Nilufar Rahmonova": "his" is the subject of the sentence before.
    assert "daughter of Jamshed Rahmonov" in by_name(doc, "Nilufar Rahmonova").titles
    authority = by_name(doc, "Mountain Water Authority")
    assert "MWA" in authority.aliases and len(authority.mentions) == 3
    assert "VANJ" in by_name(doc, "Vanj").aliases
    assert labels(doc)["Varzob"] != "PERSON"
