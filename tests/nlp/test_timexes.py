"""The tidings_timexes component inside the real pipeline (the session-scoped ``nlp``)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.model import Timex
from tidings.timex import DateNormaliser


def run(nlp: Language, text: str, published: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.tidings_published = published
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def test_timexes_index_doc_text_and_resolve_against_publication(nlp: Language) -> None:
    text = (
        "On Sunday, the governor said the floods that began on 19 August had forced 4,000 people"
        " from their homes. Repairs will start next Monday and take six weeks."
    )
    doc = run(nlp, text, "2021-08-24")
    timexes = doc._.tidings_timexes
    assert all(isinstance(t, Timex) for t in timexes)
    for t in timexes:
        assert doc.text[t.start : t.end] == t.text
    got = {t.text: (t.type, t.value) for t in timexes}
    assert got == {
        "Sunday": ("DATE", "2021-08-22"),
        "19 August": ("DATE", "2021-08-19"),
        "next Monday": ("DATE", "2021-08-30"),
        "six weeks": ("DURATION", "P6W"),
    }


def test_future_tense_from_the_parser_points_forward(nlp: Language) -> None:
    doc = run(nlp, "The envoy will visit Kabul on Wednesday.", "2021-08-22")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("Wednesday", "2021-08-25")]


def test_past_tense_from_the_parser_points_back(nlp: Language) -> None:
    doc = run(nlp, "The envoy visited Kabul on Wednesday.", "2021-08-22")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("Wednesday", "2021-08-18")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The agency hopes to finish the work before Christmas.", "2024-12-25"),
        ("Prices rose before Christmas, the shops said.", "2023-12-25"),
        ("The talks will resume after Easter.", "2025-04-20"),
    ],
)
def test_before_and_after_take_the_verbs_side_of_the_report(
    nlp: Language, text: str, value: str
) -> None:
    # "before" orders the work against Christmas; "hopes to" puts both after the report
    (timex,) = run(nlp, text, "2024-11-20")._.tidings_timexes
    assert timex.value == value


def test_without_publication_date_the_dateline_anchors(nlp: Language) -> None:
    doc = run(nlp, "22 August 2021 — Crowds gathered at the gates yesterday.", None)
    assert doc._.tidings_dateline == "2021-08-22"
    assert ("yesterday", "2021-08-21") in [(t.text, t.value) for t in doc._.tidings_timexes]


def test_without_any_date_relative_values_stay_none(nlp: Language) -> None:
    doc = run(nlp, "Crowds gathered at the gates yesterday, as in the 1980s.", None)
    assert doc._.tidings_dateline is None
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [
        ("yesterday", None),
        ("the 1980s", "198X"),
    ]


def test_the_normaliser_comes_from_the_registry(nlp: Language) -> None:
    made = spacy.registry.misc.get("tidings.date_normaliser.v1")()
    assert isinstance(made, DateNormaliser)
    tagger = nlp.get_pipe("tidings_timexes")
    assert isinstance(getattr(tagger, "normaliser", None), DateNormaliser)


def test_scheduled_and_is_to_point_forward_even_in_the_perfect(nlp: Language) -> None:
    doc = run(nlp, "A June 3 hearing has been scheduled in the bankruptcy court.", "2009-05-14")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("June 3", "2009-06-03")]
    doc = run(nlp, "The regional summit is to be held in March, the ministry said.", "2021-05-10")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("March", "2022-03")]


def test_the_verb_governing_the_date_wins_over_the_reporting_verb(nlp: Language) -> None:
    doc = run(nlp, "The minister said the plant will open in June.", "2021-08-10")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("June", "2022-06")]
    doc = run(nlp, "Officials in Cork said the new sea wall opened in June.", "2020-04-03")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("June", "2019-06")]


def test_a_phrasal_set_up_is_not_a_schedule(nlp: Language) -> None:
    doc = run(nlp, "The relief fund, set up in March, has paid out 2 million euros.", "2021-08-18")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("March", "2021-03")]


def test_would_under_a_reporting_verb_points_after_the_report(nlp: Language) -> None:
    doc = run(nlp, "The minister said the talks would resume in April.", "2013-11-20")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("April", "2014-04")]
    text = "On Monday, the ministry said the vote would take place on Friday."
    doc = run(nlp, text, "2013-12-05")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [
        ("Monday", "2013-12-02"),
        ("Friday", "2013-12-06"),
    ]


def test_would_have_looks_back(nlp: Language) -> None:
    doc = run(nlp, "Without the loan, the firm would have closed in November.", "2013-03-14")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("November", "2012-11")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The talks begin on Wednesday in Geneva.", "2021-08-25"),
        ("The trial opens Thursday in Boston.", "2021-08-26"),
        ("Ministers meet in Brussels on Monday.", "2021-08-30"),
        ("The talks began on Wednesday in Geneva.", "2021-08-18"),
        ("The envoy visits Kabul on Monday.", "2021-08-23"),
    ],
)
def test_the_present_of_a_scheduled_event_points_forward(
    nlp: Language, text: str, value: str
) -> None:
    # Published Tuesday 24 August 2021: "begin", "open", "meet" in the present schedule an
    # event; a past tense or another present verb ("visits", the headline present) looks back.
    doc = run(nlp, text, "2021-08-24")
    assert [t.value for t in doc._.tidings_timexes] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A vote could come as early as Friday.", "1998-12-18"),
        ("The talks may resume on Monday.", "1998-12-21"),
        ("The board could have met on Monday.", "1998-12-14"),
    ],
)
def test_a_modal_points_forward_unless_it_looks_back(nlp: Language, text: str, value: str) -> None:
    # Published Wednesday 16 December 1998.
    doc = run(nlp, text, "1998-12-16")
    assert [t.value for t in doc._.tidings_timexes] == [value]


def test_a_coordinated_verb_shares_the_first_verbs_future(nlp: Language) -> None:
    doc = run(
        nlp, "The market will close early on Thursday and remain shut on Friday.", "1998-12-30"
    )
    got = {t.text: t.value for t in doc._.tidings_timexes}
    assert got == {"Thursday": "1998-12-31", "Friday": "1999-01-01"}


def test_what_was_expected_lies_after_the_expectation(nlp: Language) -> None:
    doc = run(nlp, "An accord was not expected before the summer.", "1998-05-20")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("the summer", "1998-SU")]


def test_had_expected_looks_back_at_the_period(nlp: Language) -> None:
    doc = run(nlp, "Analysts had expected a profit of 45 cents for the quarter.", "1998-07-23")
    assert [(t.text, t.value) for t in doc._.tidings_timexes] == [("the quarter", "1998-Q2")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Published Tuesday 9 March 2004: present "expect" and "predict" look ahead ...
        ("Meteorologists expect heavy snow in the valleys on Thursday.", "2004-03-11"),
        ("Economists predict a further cut in rates by Friday.", "2004-03-12"),
        # ... a past one looks ahead of the report (here the publication day) ...
        ("Union leaders said they anticipated an answer by Thursday.", "2004-03-11"),
        # ... but a date before the verb dates the expecting, and "had expected" looks back.
        ("On Monday, traders expected a calm session.", "2004-03-08"),
        ("Brokers had expected a small loss on Thursday.", "2004-03-04"),
    ],
)
def test_what_a_verb_of_expectation_expects_lies_ahead(
    nlp: Language, text: str, value: str
) -> None:
    doc = run(nlp, text, "2004-03-09")
    assert [t.value for t in doc._.tidings_timexes] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Published Friday 6 February 1998: "(un)likely to", "poised to" are prospects
        ("Negotiators were unlikely to reach a deal before the summer.", "1998-SU"),
        ("The ferry line is poised to restart crossings on Monday.", "1998-02-09"),
        ("The two sides are likely to meet again on Tuesday.", "1998-02-10"),
        # "able to" is no prospect: what the crew managed lies behind
        ("The crew was able to land on Tuesday.", "1998-02-03"),
    ],
)
def test_an_adjective_of_prospect_puts_its_infinitive_ahead(
    nlp: Language, text: str, value: str
) -> None:
    doc = run(nlp, text, "1998-02-06")
    assert [t.value for t in doc._.tidings_timexes] == [value]
