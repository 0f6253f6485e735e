"""A light language identifier for text that declares no language.

Non-Latin scripts are told apart by their letters; Latin-script languages by the share of
words that are among each language's most frequent function words. Good enough to tell
English news copy from the other languages an analyst is likely to paste, and it says
``None`` rather than guess when the text is short or the scores are close.
"""

from __future__ import annotations

import re
import unicodedata

# Fewer words than this and function-word counts are noise.
MIN_WORDS = 12
# Below this share of function words the text is a list, a table or a language not listed.
MIN_SCORE = 0.12
# The winner must beat the runner-up by this factor to be reported.
MIN_MARGIN = 1.3
# English is the language the pipeline reads, so the cost of calling English text foreign is
# high: English wins whenever its score comes within this factor of the best.
ENGLISH_TOLERANCE = 0.75

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in is that for it was on with as he she by at from his her "
        "they be this have has had are were not but which an will would their said its "
        "been who after into than also over about more there them could when what",
        "fr": "le la les des du de un une et est que qui dans pour pas sur au aux ce cette "
        "il elle ils sont avec par ont été plus mais ou son ses leur comme nous vous "
        "était sera selon après entre depuis lors",
        "de": "der die das und ist nicht den dem des ein eine einer zu mit sich auf für "
        "von im auch es sie wird wurde sind hat haben bei nach aus wie noch über dass "
        "oder werden nur vor zum zur seit gegen",
        "es": "el la los las de del y que en un una es por con para se su sus al lo como "
        "más pero fue ha han este esta entre sobre también sin hasta desde muy según "
        "ya porque donde cuando",
        "it": "il lo la gli le di del della dei delle che e è un una per non con sono al "
        "alla nel nella si ha anche come più ma dopo questo questa essere stato stata "
        "tra fra dal dalla sul sulla",
        "pt": "o a os as de do da dos das que e é um uma em no na nos nas por para com não "
        "se mais como mas foi ao pelo pela seu sua ele ela são também está entre sobre "
        "após já",
        "nl": "de het een en van in is dat die op te met voor zijn niet aan er ook als bij "
        "door maar om naar uit dan nog wordt werd hij zij was heeft hebben tot over "
        "onder deze dit",
        "sv": "och att det som en på är av för med till den har inte om ett var han hon "
        "men de sig från vid så kan hade när efter också eller under mot detta",
        "da": "og at det som en på er af for med til den har ikke om et var han hun men "
        "de sig fra ved så kan havde når efter også eller under mod dette",
        "tr": "ve bir bu da de için ile olarak çok daha ama gibi olan en sonra kadar ne "
        "değil var yok ise ya şu o onun bunun diye ancak göre tarafından",
        "pl": "i w na z do się nie że to jest o jak po przez dla od za ale co tak jego jej "
        "już oraz był była było są może przy który która które także",
        "id": "dan yang di ke dari ini itu dengan untuk pada adalah tidak akan dalam juga "
        "oleh karena ada mereka kami kita telah sudah atau bisa saat lebih",
        "ro": "și în de la cu pe din care este un o nu se că mai pentru au fost sunt ca dar "
        "sau această acest după între fiind",
    }.items()
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Script → language, for scripts that name one language well enough for our purposes.
_SCRIPT_LANGUAGE = {
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "DEVANAGARI": "hi",
    "THAI": "th",
    "HANGUL": "ko",
    "BENGALI": "bn",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
}
_PERSIAN_LETTERS = frozenset("پچژگکی")
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_MIN_SCRIPT_LETTERS = 20


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or ``None`` when unsure."""
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if len(letters) < _MIN_SCRIPT_LETTERS:
        return None
    script = _dominant_script(letters)
    if script is None:
        return None
    if script != "LATIN":
        return _non_latin(script, letters)
    return _latin(text[:20000])


def normalise_language(tag: str | None) -> str | None:
    """``"en-US"``, ``"EN_gb"``, ``"en"`` → ``"en"``; ``None`` for empty or malformed tags."""
    if not tag:
        return None
    primary = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    if re.fullmatch(r"[a-z]{2}", primary):
        return primary
    return None


def _dominant_script(letters: list[str]) -> str | None:
    counts: dict[str, int] = {}
    for ch in letters:
        script = _script(ch)
        counts[script] = counts.get(script, 0) + 1
    script, count = max(counts.items(), key=lambda item: item[1])
    # Mixed pages (a Latin name in Arabic copy) are normal; a real tie is not.
    return script if count / len(letters) >= 0.5 else None


def _script(ch: str) -> str:
    if ch.isascii():
        return "LATIN"
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "OTHER"
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "KANA"
    if name.startswith("CJK"):
        return "HAN"
    return name.split(" ", 1)[0]


def _non_latin(script: str, letters: list[str]) -> str | None:
    if script == "CYRILLIC":
        return "uk" if any(ch in _UKRAINIAN_LETTERS for ch in letters) else "ru"
    if script in {"HAN", "KANA"}:
        # Japanese mixes kana into kanji text; Chinese has none.
        kana = sum(1 for ch in letters if _script(ch) == "KANA")
        return "ja" if kana / len(letters) > 0.05 else "zh"
    if script == "ARABIC" and sum(ch in _PERSIAN_LETTERS for ch in letters) / len(letters) > 0.02:
        return "fa"
    return _SCRIPT_LANGUAGE.get(script)


def _latin(text: str) -> str | None:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    scores = {
        lang: sum(1 for w in words if w in vocabulary) / len(words)
        for lang, vocabulary in _FUNCTION_WORDS.items()
    }
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, best_score), (_, second_score) = ranked[0], ranked[1]
    if best_score < MIN_SCORE:
        return None
    english = scores["en"]
    if best != "en" and english >= MIN_SCORE and english >= ENGLISH_TOLERANCE * best_score:
        return "en"
    if best_score < MIN_MARGIN * second_score:
        return None
    return best
