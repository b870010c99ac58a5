"""Is a text English? A cheap test with no model: the script its letters are written in, and
for Latin-script text, whether another language's most common words outnumber English's.

newsprism's models (spaCy's English pipeline, MiniLM, the relation model) read English only;
a Chinese or French article would be analysed into noise (a Chinese article gave an empty
briefing, with ``日期：2019`` tagged as a person), so it is refused with a plain message.
Only clear cases are refused: a short text, or text with no common words of any language
(a feed's keyword line), passes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

MIN_LETTERS = 40  # fewer letters than this: too little to tell
MAX_FOREIGN_SCRIPT = 0.5  # over half the letters outside the Latin script: not English
MIN_COMMON_WORDS = 5  # a Latin-script text needs this many common words to be judged
_WORD = re.compile(r"[^\W\d_]+")
# The most frequent words of each language that are not also English words.
_COMMON = {
    "English": "the of and to is was that for with are be this have from by has were which "
    "would their they been its said who will not but",
    "French": "le la les de des est une du dans pour qui sur au avec sont ce cette par plus "
    "ont été aux leur mais ses",
    "German": "der die das und ist nicht ein eine zu den von mit sich dem auf für des auch "
    "wird wurde bei sind",
    "Spanish": "el los las de del que y en por con una para es se su al lo como más pero sus "
    "fue ha muy",
    "Italian": "il di che è della per del una sono dei nel alla gli le si questo anche "
    "delle più ha",
    "Portuguese": "o os de da do que em para com uma um não dos das se ao é pelo mais foi pela",
    "Dutch": "de het een van en is dat niet op te zijn voor met die ook wordt aan bij werd",
    "Polish": "w na z się że do nie jest jak po od za przez ale są dla roku oraz tym już",
    "Turkish": "ve bir bu da için ile olarak daha çok gibi olan ama sonra kadar ise değil "
    "göre ancak",
}
_LANGUAGE_OF: dict[str, list[str]] = {}
for _language, _words in _COMMON.items():
    for _word in _words.split():
        _LANGUAGE_OF.setdefault(_word, []).append(_language)


def not_english(text: str) -> str | None:
    """Why ``text`` is clearly not English ("written in CJK script", "reads as French"), or
    None when it is English or too little to tell."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    scripts = Counter(_script(c) for c in letters)
    latin = scripts.pop("LATIN", 0)
    if scripts and latin < len(letters) * (1 - MAX_FOREIGN_SCRIPT):
        return f"written in {scripts.most_common(1)[0][0]} script"
    votes: Counter[str] = Counter()
    for word in _WORD.findall(text.lower()):
        votes.update(_LANGUAGE_OF.get(word, ()))
    if sum(votes.values()) < MIN_COMMON_WORDS:
        return None
    language, count = votes.most_common(1)[0]
    if language != "English" and count > 2 * votes["English"]:
        return f"reads as {language}"
    return None


def _script(letter: str) -> str:
    """The script of a letter, by the first word of its Unicode name (LATIN, CJK, CYRILLIC,
    ARABIC, HANGUL, HIRAGANA...)."""
    return unicodedata.name(letter, "UNKNOWN").split()[0]
