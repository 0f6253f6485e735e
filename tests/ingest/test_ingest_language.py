"""The light language identifier: reliable on English news, cautious elsewhere."""

from __future__ import annotations

import pytest

from tidings.ingest.language import detect_language, normalise_language

ENGLISH = [
    "Aid agencies said on Tuesday that thousands of families had fled the floods in the north "
    "of the country, and that roads to the worst-hit villages were still closed.",
    "KABUL — Taliban fighters entered the capital on Sunday as the president left the country, "
    "officials said, ending two decades of a Western-backed government.",
    "Prime Minister Elena Marchetti told reporters in Rome that Italy would send two navy ships "
    "and a field hospital to Libya, where the death toll from the storm passed 5,000.",
    "Le Monde, Der Spiegel and El País all reported that the summit in Paris had ended without "
    "an agreement on the ceasefire, according to three diplomats who attended the meeting.",
    "São Paulo, Düsseldorf and Montréal have all pledged money to the fund, which the mayor said "
    "would be spent on housing for the families who lost their homes in the earthquake.",
    "The UN said 1.2 million people in Gaza, Rafah and Khan Younis need food aid, and that "
    "convoys were waiting at the Kerem Shalom crossing for clearance from the authorities.",
]

FOREIGN = {
    "fr": "Les agences humanitaires ont indiqué mardi que des milliers de familles avaient fui "
    "les inondations dans le nord du pays, et que les routes vers les villages étaient fermées.",
    "de": "Hilfsorganisationen teilten am Dienstag mit, dass Tausende Familien vor den "
    "Überschwemmungen im Norden des Landes geflohen seien und die Straßen gesperrt sind.",
    "es": "Las agencias humanitarias dijeron el martes que miles de familias habían huido de las "
    "inundaciones en el norte del país, y que las carreteras seguían cerradas.",
    "it": "Le agenzie umanitarie hanno detto martedì che migliaia di famiglie sono fuggite dalle "
    "alluvioni nel nord del paese, e che le strade verso i villaggi sono ancora chiuse.",
    "pt": "As agências humanitárias disseram na terça-feira que milhares de famílias fugiram das "
    "cheias no norte do país, e que as estradas para as aldeias continuam fechadas.",
    "nl": "Hulporganisaties zeiden dinsdag dat duizenden families op de vlucht zijn geslagen voor "
    "de overstromingen in het noorden van het land, en dat de wegen nog dicht zijn.",
    "ru": "Гуманитарные организации заявили во вторник, что тысячи семей бежали от наводнений "
    "на севере страны.",
    "ar": "قالت وكالات الإغاثة يوم الثلاثاء إن آلاف العائلات فرت من الفيضانات في شمال البلاد",
    "zh": "救援机构周二表示，数千个家庭逃离了该国北部的洪水，通往受灾最严重村庄的道路仍然关闭。",
    "ja": "東京で大きな地震があり、多くの人々が避難しました。政府は緊急会議を開きました。",
}


@pytest.mark.parametrize("text", ENGLISH)
def test_english_news_is_english(text: str) -> None:
    assert len(text.split()) >= 20
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("language", "text"), sorted(FOREIGN.items()))
def test_other_languages_are_named(language: str, text: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "Kabul", "Floods in Herat, 14 dead", "1234 5678 90"])
def test_too_little_text_is_unknown(text: str) -> None:
    assert detect_language(text) is None


def test_a_word_list_is_unknown() -> None:
    names = "Herat Kabul Kandahar Bamiyan Mazar Jalalabad Ghazni Kunduz Faizabad Khost " * 3
    assert detect_language(names) is None


@pytest.mark.parametrize(
    ("tag", "code"),
    [("en-US", "en"), ("EN_gb", "en"), ("fr", "fr"), ("", None), (None, None), ("x-klingon", None)],
)
def test_declared_tags_are_normalised(tag: str | None, code: str | None) -> None:
    assert normalise_language(tag) == code
