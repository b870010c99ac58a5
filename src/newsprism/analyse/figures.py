"""Figures: numbers with their unit, the interval they state, what they count and in what role
("About 4,000 dockworkers walked off": about 4,000, [3,600, 4,400], "dockworkers", "walked";
"a toll of 65": "toll", "toll"; "It took six minutes to arrive": "to arrive", "arrive").

What a figure counts and its role are read off the dependency parse, only where the sentence
says them: a figure with neither is left blank, and compare never sets blank figures against
each other."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from newsprism.analyse.nlp import noun_lemma
from newsprism.analyse.units import GLUED, UNIT_NAMES, from_base, in_base, kind, unit_name
from newsprism.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FIGURE_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "TIME"}
NAME_LABELS = {"ORG", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"}
# How far an approximate figure reaches either side ("about 4,000": 3,600 to 4,400). How far
# readers take "about" depends on the number's magnitude (Ferson et al. 2015, "Natural language
# of uncertainty: numeric hedge words"), so the tolerance is relative. A tenth covers the
# rounding a hedged round number admits (3,650 is "about 4,000" to the nearest 500, 3,400 is
# "some 3,500" to the nearest 100): two hedged figures conflict only when their sources cannot
# both be right, not when they merely chose different round numbers.
APPROXIMATE = 0.10
# A bare whole number ending in two zeros or more ("600 were killed", "1,400 wounded") may be a
# count rounded to its last nonzero digit ("killing 612 people" in another report): it allows the
# values within half that place, at most this share of it either side, so that a small round
# number stays a count ("200 arrested" against "250", "100" against "120" still differ).
ROUNDED = 0.05
# How far a conversion in brackets may be from the figure it restates ("17 kilometers (10
# miles)": 16.1 km, 5% off): rounded its own way, never another value.
CONVERTED = 0.10
_LOWER_BOUND = ("more than", "over", "above", "upwards of", "in excess of", "at least",
                "no fewer than", "no less than", "a minimum of", "just over")  # fmt: skip
_UPPER_BOUND = ("up to", "fewer than", "less than", "under", "below", "at most", "no more than",
                "as many as", "as much as", "a maximum of")  # fmt: skip
_JUST_BELOW = ("nearly", "almost", "close to", "just under", "just shy of")
_AROUND = ("some", "about", "around", "roughly", "approximately", "an estimated", "estimated",
           "circa", "an approximate")  # fmt: skip
_FILLERS = ("just", "only", "a mere", "mere", "a total of", "a", "an", "the", "between")
_QUALIFIER_WORDS = _LOWER_BOUND + _UPPER_BOUND + _JUST_BELOW + _AROUND + _FILLERS
_QUALIFIERS = re.compile(
    r"^(?:" + "|".join(sorted(map(re.escape, _QUALIFIER_WORDS), key=len, reverse=True))
    + r")\s+", re.IGNORECASE,
)  # fmt: skip
_BEFORE = re.compile(  # a qualifier just before a figure, that the NER left out of it
    r"\b(?:" + "|".join(sorted(map(re.escape, (*_LOWER_BOUND, *_UPPER_BOUND, *_JUST_BELOW,
                                                *_AROUND, "between")),
                              key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
# "fifty or so", "20 or so": a round number given as near, as "about" gives it.
_OR_SO = re.compile(r"\s+or\s+so$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^(?:\s+(?:or|to|and)\s+|[-–])$")  # "300 or 400", "300-400"
_CURRENCIES = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yen": "JPY", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB",
}  # fmt: skip
CURRENCY_CODES = frozenset(_CURRENCIES.values())
_MONEY = CURRENCY_CODES | {"cent"}
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "hundred": 1e2, "dozen": 12,
}  # fmt: skip
# "dozens", "hundreds", "tens of thousands": at least two of the unit and fewer than a hundred
# (nobody writes "hundreds" of 100,000).
_VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3,
          "millions": 1e6, "billions": 1e9}  # fmt: skip
_WORDS = {
    word: float(value)
    for value, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty")
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "half": 0.5, "twice": 2}  # fmt: skip
# Cardinal numbers written in words, that may start a figure ("half", "twice" compare; "zero"
# names rather than counts: "ground zero").
CARDINAL_WORDS = {word for word, value in _WORDS.items() if value >= 1 and value % 1 == 0
                  and word != "twice"}
CARDINAL_VALUES = {word: int(_WORDS[word]) for word in CARDINAL_WORDS}  # "ten": 10
# Words before a number that refer back to things already named ("the two sides") or pick
# some of them out ("the first three").
_REFERRING = {"the", "these", "those", "this", "that", "both", "all", "its", "their", "his",
              "her", "our", "my", "your", "no", "every", "each", "any", "other", "another",
              "whose", "which", "what", "first", "last", "next", "final", "top",
              "remaining"}  # fmt: skip
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
_NOT_COUNTED = TIME_UNITS | {"time"}  # what a number in words before them is not a count of
# Fractions, as ``parse_amount`` reads them for a unit (singular): a share, never a count.
_FRACTIONS = {"half", "halve", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth",
              "tenth"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
COUNTING_NOUNS = {"number", "share", "amount", "total", "proportion", "percentage", "majority"}
_WHOLES = COUNTING_NOUNS | {"toll", "tally", "count"}  # nouns whose role what they count says

# What happened to what a figure counts, by kind: the words of one kind name one role
# (killed is not injured, found is not identified, capacity is not attendance). A word
# outside these lists is its own role.
ROLES = {
    "killed": ("killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying",
               "death", "deaths", "toll", "perished", "fatalities", "fatality"),
    "injured": ("injured", "injure", "injures", "injuring", "injuries", "injury", "wounded",
                "wound", "wounding", "hurt"),
    "missing": ("missing", "unaccounted"),
    "found": ("found", "recovered", "retrieved", "discovered"),
    "identified": ("identified", "identify", "identifying"),
    "convicted": ("convicted", "convict", "convicts", "guilty", "sentenced"),
    "arrested": ("arrested", "arrest", "arrests", "arresting", "detained", "detain",
                 "detaining", "apprehended"),
    "evacuated": ("evacuated", "evacuate", "evacuating", "evacuees", "displaced"),
    "rescued": ("rescued", "rescue", "rescuing"),
    "capacity": ("capacity", "licensed", "licenced", "seats", "seat", "seating", "holds",
                 "hold", "accommodate", "accommodates", "permitted", "allowed"),
    "present": ("inside", "attended", "attending", "attendance", "present", "crowd",
                "gathered", "packed"),
}  # fmt: skip
ROLE_OF = {word: role for role, words in ROLES.items() for word in words}
_LINKING = {"is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained",
            "'s", "’s", "'re", "’re"}  # fmt: skip
# Verbs that say nothing themselves of what happened to what they count, though their
# complement may ("are feared dead", "left 65 dead"): reporting, "leave" and "have" (a quake
# that "had a magnitude of 5.8" is any quake).
_EMPTY_VERBS = {"reported", "believed", "feared", "thought", "confirmed", "presumed", "listed",
                "estimated",
                "declared", "said", "known", "left", "leaving", "leaves", "leave", "have",
                "has", "had", "having"}  # fmt: skip
_CHANGING = {"rose", "rise", "rises", "risen", "rising", "climbed", "climb", "climbs",
             "increased", "reached", "reach", "reaches", "stood", "stands", "stand", "hit",
             "jumped", "fell", "fall", "falls", "dropped", "grew", "topped", "passed",
             "exceeded", "surpassed", "revised", "lowered", "raised", "numbered",
             "number", "numbers", "pass", "passes", "passing", "tops", "topping", "exceeds",
             "exceeding", "surpasses", "surpassing", "reaching", "climbing"}  # fmt: skip
# Verbs that put a number on their subject: "the toll was put at 65", "estimated at 65".
_PUTTING = {"put", "puts", "estimate", "estimates", "estimated", "placed", "places", "pegged",
            "set", "sets", "given", "fixed"}  # fmt: skip
# A bound that the parse makes a preposition of "be" ("the toll is over 120,000"), not a word
# of the figure.
_BOUNDING = {"over", "above", "under", "below"}
_TAKING = {"take", "takes", "took", "taken", "taking"}
_LASTING = {"last", "lasts", "lasted", "lasting"}
_MEASURING = {"cost", "costs", "costing", "weigh", "weighs", "weighed", "measure", "measures",
              "measured", "total", "totals", "totalled", "totaled", "amount", "amounted"}
_COMPLEMENTS = {"acomp", "oprd", "xcomp", "advmod", "attr", "ccomp", "prep"}
# A telephone number ("(323) 890-5500", "1-800-222-8477", a toll-free one spelt in letters,
# "1-800-CALL-FBI", a local one "(225-5324)" or "555-1234" before no counted noun) is a name for
# a line, not a figure; so is an emergency number ("called 911", "the 911 dispatchers", "dialled
# 999"): a count of exactly 911 or 999 is far rarer in news than the line.
_PHONE = re.compile(r"(?:\b1[-. ])?(?:\(\d{3}\)\s?|\b\d{3}[-. ])\d{3}[-. ]\d{4}\b"
                    r"|\b1-8\d\d-[A-Z\d]+(?:-[A-Z\d]+)*\b"
                    r"|(?<![\d,.-])\d{3}-\d{4}\b(?![-\d]|\s+[a-z])"
                    r"|(?<![$€£¥\d,.-])\b(?:911|999)\b(?![,.]\d)")
# A time of day as written: "4:20 a.m.", "6: 00 p.m.", "about 7 p.m." (hour, minutes, the
# half), and on a 24-hour clock ("17:30", "02:41"; "0500" only before its zone: "0500 GMT"),
# as (hour, minute): a time, not a figure (compare reads the same pattern in quotes).
CLOCK = re.compile(r"\b(\d{1,2})(?:\s?:\s?(\d{2}))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
CLOCK_24 = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b"
                      r"|\b([01]\d|2[0-3])([0-5]\d)(?=\s*(?:GMT|UTC|Zulu|local time)\b)")
# An hour told by the part of the day it falls in: "about 9 or 10 the next morning", "at 11 that
# night", "6 o'clock".
_DAY_CLOCK = re.compile(
    r"\b\d{1,2}(?:\s*(?:or|to|-|–)\s*\d{1,2})?\s+(?:o['’]clock|(?:in\s+the|the\s+next|"
    r"the\s+following|that|this|each|every|on\s+\w+|last)\s+(?:morning|afternoon|evening|"
    r"night))\b", re.IGNORECASE)
# A street address: a number before a name that ends in a kind of street ("505 LaGuardia
# Place", "10 Downing Street"); a number of the street's people follows on ("200 Wall Street
# bankers") and is a count (``_figure``).
_ADDRESS = re.compile(
    r"\b\d{1,5}(?:\s+[A-Z][\w'’.-]*){1,3}?\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
    r"Place|Lane|Drive|Court|Square|Terrace|Parkway|Plaza|Highway)\b\.?(?!\s+[a-z]+s\b)")
# A person's height in feet and inches ("6-foot-2", "5 feet 8 inches", "5 ft, 11 in"): a
# description, read as one number it would be a wrong one.
_HEIGHT = re.compile(r"\b\d(?:-(?:foot|feet)-|\s*(?:feet|foot|ft\.?)\s*)(?:1[01]|\d)\b"
                     r"(?:\s*(?:inches|inch|in\b\.?))?"
                     r"|\b\d\s*(?:feet|foot|ft\.?),\s*(?:1[01]|\d)\s*(?:inches|inch|in\b\.?)",
                     re.IGNORECASE)  # "rose 8 feet, 2 people died": a comma only before inches
# A rate, "1 in 10 children", "one in five", "3 out of 4": a proportion, neither number a count
# (nor "30 in 10 minutes", a count over a time).
_RATE = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                   r"(?:in|out\s+of)\s+(?:every\s+)?(?:(?!(?:1[89]|20)\d\d\b)\d[\d,]*|two|three|four|five|six|seven|"
                   r"eight|nine|ten|a\s+hundred|a\s+thousand)\b(?!\s+(?:seconds?|minutes?|hours?|"
                   r"days?|weeks?|months?|years?|games?|matches|starts|attempts|tries)\b)",
                   re.IGNORECASE)
# A year of an era: "2,400 BC", "AD 79", "300 BCE".
_ERA_YEAR = re.compile(r"\b\d[\d,]*\s*(?:BCE?|CE|AD|B\.C\.(?:E\.)?|A\.D\.)(?!\w)"
                       r"|\b(?:AD|A\.D\.)\s*\d+\b")
# A line of a number and one word, "936 SHARES", "12 Comments": a page's counter, no sentence of
# the story (a headline's "45 Dead" names a role and stays).
_COUNTER_LINE = re.compile(r"^[ \t]*\d[\d,.]*[KkMm]?[ \t]+(?!(?i:" + "|".join(ROLE_OF)
                           + r")\b)[A-Za-z]+[ \t]*$", re.MULTILINE)
# Words of paying: "fined 500 pounds", "a fine of 500 pounds", "paid 500 pounds" are money.
_PAYING = {"fined", "fine", "fines", "paid", "pay", "pays", "paying", "cost", "costs", "costing",
           "worth", "earned", "earns", "earn", "spent", "spend", "owed", "owes", "charged",
           "awarded", "won", "raised", "sold", "bought", "price", "salary", "wage", "bonus",
           "bail", "bond", "compensation", "damages", "reward"}  # fmt: skip
_STERLING = re.compile(r"\b(?:sterling|GBP|pence|quid)\b", re.IGNORECASE)
_RESTATED_AFTER = re.compile(r"\s*\(\s*(?:US)?[$€¥]")  # "500 pounds ($650)"
# Weighing: "pounds" there are a weight, not sterling ("weighed 200 pounds").
_WEIGHING = {"weigh", "weighs", "weighed", "weighing", "gained", "gain", "lost", "lose",
             "heavier", "lighter", "overweight"}
# Two whole numbers joined by a hyphen: a score, a record or a tally ("a 31-24 victory", "the
# Jaguars (5-10)", "went 7-for-14") when it is no range (``_is_score``).
_PAIR = re.compile(r"(?<![\d.,])(\d{1,3})(?:[-–]|-(?:of|for)-)(\d{1,3})(?![\d%]|[.,]\d|-\w)")
# What a number just after is not a count of: an age ("aged 95", "died at 95"), a rank ("the
# No. 2 official", "the number 2 man").
# ("dies in prison at 77": a few words between the dying and the age; "Felt Dead at 95", a
# headline).
_AGE_OR_RANK = re.compile(
    r"(?:\b(?i:aged?|(?:die[sd]?|dead)(?:\s+[\w'’]+){0,3}?\s+at)|\bNo\.?|\b[Nn]o\.|"
    r"\b[Tt]he\s+number)\s*$")
# An age written after its number: "the 63-year-old Toure", "a five-month-old girl", "he is 52
# years old".
_AGE_AFTER = re.compile(r"^(?:[-\s](?:year|month|week|day)s?)?[-\s]old\b", re.IGNORECASE)
# A figure in brackets just after another restates it in another unit: "55 miles (90 km)",
# "24.2 million euros ($27.2 million)"; what it counts is what the first one counts.
_RESTATED = re.compile(r"(?:\d[\w.,%]*|\b(?:" + "|".join(CARDINAL_WORDS) + r"))"
                       r"(?:\s+[A-Za-z]+){0,2}\s*\(\s*$", re.IGNORECASE)  # "seven km (4 miles)"
_GLUED_SCALE = re.compile(r"(?<=\d)(?=(?:k|m|mn|bn|tn)\b)", re.IGNORECASE)
# A unit glued to its number, in a figure's text: "200ft", "15km", "200m" (``_glued_metres``).
_GLUED_UNIT = re.compile(r"(?<=\d)(?:" + "|".join(sorted((*GLUED, "m"), key=len, reverse=True))
                         + r")\b")
_LEADING_ZEROS = re.compile(r"[$€£¥₹₽]?0\d")
_YEARLIKE = re.compile(r"[12]\d{3}")  # "the 2010 Gulf of Mexico disaster"; a count has a comma


def extract_figures(doc: Doc, doc_id: str, skip: list[tuple[int, int]]) -> tuple[Figure, ...]:
    """Figures of one article; ``skip`` holds character ranges not to read (citations,
    metadata lines, dates)."""
    text = doc.text  # rebuilt from the tokens on every access: read once, handed down
    spans = []
    skip = [*skip, *((m.start(), m.end()) for pattern in (_PHONE, CLOCK, CLOCK_24, _DAY_CLOCK,
                                                          _ADDRESS, _HEIGHT, _RATE, _ERA_YEAR,
                                                          _COUNTER_LINE)
                     for m in pattern.finditer(text)),
            *((m.start(), m.end()) for m in _PAIR.finditer(text) if _is_score(m, doc, text))]
    taken: list[tuple[int, int]] = list(skip)
    for ent in doc.ents:
        if ent.label_ in FIGURE_LABELS and not _inside(ent.start_char, ent.end_char, taken):
            span = _from_number(ent)
            spans.append(span)
            taken.append((span.start_char, span.end_char))
    for token in doc:  # numbers the NER missed, but those of a name ("the FTSE 100", "Big 12")
        if token.like_num and _NUMBER.fullmatch(token.text) and token.ent_type_ not in (
            NAME_LABELS
        ) and not _inside(
            token.idx, token.idx + len(token), taken
        ):
            spans.append(doc[token.i : token.i + 1])
        elif (missed := _missed_words(token)) is not None and not _inside(
            missed.start_char, missed.end_char, taken
        ):
            spans.append(missed)
            taken.append((missed.start_char, missed.end_char))
    figures = []
    for span in _join_ranges(sorted(spans, key=lambda s: s.start), skip, text):
        figure = _figure(_with_or_so(_with_qualifier(_with_unit(span), skip, text)), doc_id,
                         text)
        if figure is not None:
            figures.append(figure)
    return tuple(_conversions_joined(figures, text))


def _conversions_joined(figures: list[Figure], text: str) -> list[Figure]:
    """A measure with its conversion in brackets after it ("600 metres (2,000 feet)", "2000ft
    (609 metres)") is one figure over both, allowing what either allows: the conversion
    restates the value (rounded its own way), it states no second one."""
    joined: list[Figure] = []
    for figure in figures:
        first = joined[-1] if joined else None
        close = _BRACKET_CLOSE.match(text, figure.end)
        if first is None or close is None or not _BRACKET_OPEN.fullmatch(
                text, first.end, figure.start) or not _converts(first, figure):
            joined.append(figure)
            continue
        low, high = (None if bound is None else from_base(first.unit, in_base(figure.unit, bound))
                     for bound in (figure.low, figure.high))
        joined[-1] = replace(first, end=close.end(), text=text[first.start : close.end()],
                             low=min(first.low, low) if None not in (first.low, low) else None,
                             high=max(first.high, high) if None not in (first.high, high) else None)
    return joined


def _converts(first: Figure, second: Figure) -> bool:
    """Is the second figure the first in another unit of its kind, rounded ("17 kilometers
    (10 miles)": 16.1 km)? Not a value a tenth or more away ("1, 150 kilometers (700 miles)",
    a number the tokeniser split)."""
    if first.unit == second.unit or kind(first.unit) is None or kind(first.unit) != kind(
            second.unit):
        return False
    one, other = in_base(first.unit, first.value), in_base(second.unit, second.value)
    return abs(one - other) <= CONVERTED * max(abs(one), abs(other))


_DEGREES = {"celsius": "celsius", "c": "celsius", "centigrade": "celsius",
            "fahrenheit": "fahrenheit", "f": "fahrenheit"}
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_BRACKET_CLOSE = re.compile(r"\s*\)")


def _is_score(pair: re.Match[str], doc: Doc, text: str) -> bool:
    """Is a hyphenated pair of whole numbers a score, record or tally rather than a range? A
    range goes up and counts something ("300-400 people"); a pair that does not go up ("31-24",
    "8-8"), a tally ("29-of-34", "7-for-14"), or one followed by no noun ("the Jaguars (5-10)",
    "fell to 5-10 on its way") is a result."""
    if "-" in pair[0][len(pair[1]) + 1 : -len(pair[2])] or int(pair[1]) >= int(pair[2]):
        return True
    after = doc.char_span(pair.end(), len(text), alignment_mode="expand")
    return after is None or not len(after) or after[0].pos_ in ("ADP", "PUNCT", "CCONJ")


def _missed_words(token: Token) -> Span | None:
    """A number in words the NER left out ("Eleven people were killed"), from its first word
    with the words that make one number with it ("twenty-five", "two dozen"); never one inside
    another entity ("One day after", a DATE)."""
    if token.lower_ not in CARDINAL_WORDS or token.ent_type_:
        return None
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in _WORDS:
        return None  # "five" of "twenty-five": read with its first word
    end = token.i + 1
    while end < len(doc) and (doc[end].lower_ in CARDINAL_WORDS or doc[end].lower_ in _SCALES
                              or (doc[end].text == "-" and end + 1 < len(doc)
                                  and doc[end + 1].lower_ in _WORDS)):
        end += 1
    return doc[token.i : end]


def _from_number(ent: Span) -> Span:
    """The entity from its first number on, when words before it are not a qualifier: the NER
    reads "took the dispatcher three minutes" as one time."""
    if read_figure(ent.text) is not None:
        return ent
    first = next((t for t in ent if t.like_num), None)
    if first is None or first.i == ent.start:
        return ent
    return ent.doc.char_span(first.idx, ent.end_char, label=ent.label_) or ent


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _join_ranges(spans: list[Span], skip: list[tuple[int, int]], text: str) -> list[Span]:
    """"300 or 400", "300 to 400", "between 300 and 400" as one figure; never "from 300 to
    400", a change over time. ``text``: the document's."""
    doc = spans[0].doc if spans else None
    joined: list[Span] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if previous is not None and doc is not None:
            gap = text[previous.end_char : span.start_char]
            before = text[max(0, previous.start_char - 9) : previous.start_char].lower()
            word = gap.strip().lower()
            # the word opening the range, before the first figure or inside its span
            opener = {*before.split()[-1:], previous.text.split(maxsplit=1)[0].lower()}
            if (_RANGE_GAP.match(gap) and "from" not in opener
                    and (word != "and" or "between" in opener)
                    and not _inside(previous.start_char, span.end_char, skip)
                    and _ascending(previous.text, span.text)):
                whole = doc.char_span(previous.start_char, span.end_char,
                                      label=previous.label_ or span.label_)
                if whole is not None:
                    joined[-1] = whole
                    continue
        joined.append(span)
    return joined


def _ascending(first: str, second: str) -> bool:
    """A range goes up: "300 or 400", never "Resolution 1723-15"."""
    low, high = parse_amount(first)[0], parse_amount(second)[0]
    return low is not None and high is not None and low < high


def _with_unit(span: Span) -> Span:
    """The span with the currency or unit of length the NER left out of it: "€150,000",
    "150,000 euro", "15 km"."""
    doc = span.doc
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].text in _CURRENCIES and not doc[start - 1].is_alpha:
        start -= 1
    if end < len(doc) and doc[end].text.rstrip(".").isalpha() and span[-1].like_num and (
            doc[end].lower_ in _CURRENCIES
            or _names_unit(doc[end].lower_)
            or (doc[end].lower_.rstrip(".") in _SCALES and not span[-1].whitespace_
                and any(t.text in _CURRENCIES for t in doc[start:end]))
            or _glued_metres(doc[end])):
        end += 1  # "$20m", "£14m.", "200ft", "fell 200m down"
    if end < len(doc) and doc[end - 1].lower_ in ("degree", "degrees") and doc[end].lower_ in (
            _DEGREES):
        end += 1  # "104 degrees Fahrenheit"
    return doc[start:end] if (start, end) != (span.start, span.end) else span


# What may follow metres glued to their number ("fell about 200m down a gully", "1.5m long",
# "measuring 50m by 50m."): no noun "3m" could count in millions ("3m people", "a 20m deal").
_AFTER_METRES = {"ADP", "ADV", "PUNCT", "VERB", "AUX", "CCONJ", "SCONJ", "PART"}
_DIMENSIONS = {"high", "long", "deep", "tall", "wide", "away", "below", "above", "across"}


def _names_unit(word: str) -> bool:
    """Is a word after a number a unit ("km", "kilometres", "acres"; never "m", a scale, nor
    "has", "ms": no plural of a unit name of two letters)?"""
    return word not in _SCALES and (word in UNIT_NAMES or (
        len(word) > 4 and word.endswith("s") and word[:-1] in UNIT_NAMES))


def _glued_metres(unit: Token) -> bool:
    """Is "m" glued to a number metres, not millions? Only with no noun after it that it could
    count, and no sum of money in its sentence ("$20m and 5m more": millions)."""
    doc = unit.doc
    number = doc[unit.i - 1] if unit.i else None
    if unit.text != "m" or number is None or number.whitespace_ or not number.like_num:
        return False
    if any(t.text in _CURRENCIES or t.lower_ in ("million", "billion") or t.lower_ in _PAYING
           for t in unit.sent):
        return False  # "the deal is worth 5m."
    after = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    return after is None or after.pos_ in _AFTER_METRES or after.lower_ in _DIMENSIONS


def _with_qualifier(span: Span, skip: list[tuple[int, int]], text: str) -> Span:
    """The span with a qualifier the NER left out just before it: "at least 14". ``text``: the
    document's."""
    if span[0].lower_ in _SCALES and span.start > 0 and span.doc[span.start - 1].lower_ in (
        "a", "an"
    ):  # "a million", "a dozen": the article is the number one
        span = span.doc[span.start - 1 : span.end]
    match = _BEFORE.search(text, max(0, span.start_char - 20), span.start_char)
    if match is None or _inside(match.start(), span.start_char, skip):
        return span
    widened = span.doc.char_span(match.start(), span.end_char, label=span.label_)
    return widened if widened is not None else span


def _with_or_so(span: Span) -> Span:
    """The span with an "or so" just after it ("the fifty or so bodies"): part of the figure,
    which it makes approximate."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ == "or" and doc[end + 1].lower_ == "so":
        return doc[span.start : end + 2]
    return span


def _figure(span: Span, doc_id: str, whole: str) -> Figure | None:
    """The figure ``span`` reads, if it is one; ``whole``: the document's text."""
    text = span.text
    read = read_figure(text)
    if read is None:
        return None
    value, unit, low, high = read
    in_words = unit is None and not any(ch.isdigit() for ch in text)
    if in_words and not _reports_count(span, whole):
        return None
    if _LEADING_ZEROS.match(_unqualified(text)):
        return None  # "007", "000ft" of a number the tokeniser split ("2, 000ft"): no value
    if unit in _FRACTIONS:
        return None  # "at least one half of homes", "two thirds of voters": a share, no count
    if span.label_ == "TIME" and unit not in TIME_UNITS:
        return None  # clock times are not figures
    before = whole[max(0, span.start_char - 30) : span.start_char]
    if _AGE_OR_RANK.search(before) or _AGE_AFTER.match(_after_number(span, whole)):
        return None
    if _names_noun_before(span):
        return None  # "page 20", "stage 13", "Resolution 1723", "Flight 370": a name
    if _letters_glued_after(span):
        return None  # "1.5m long", "3m people": metres or millions, the text does not say
    if unit == "GBP" and _weight(span, whole):
        unit = "lb"
    number = _number_part(span)
    counts, role = _duration(number) if unit in TIME_UNITS else _counted(number, unit)
    if unit is None and _YEARLIKE.fullmatch(text) and (
            counts is None or noun_lemma(counts.split()[-1]) == counts.split()[-1].lower()):
        return None  # a year ("the 2014 AGM", "New Year's Day 2018"), not a count of one thing
    if _RESTATED.search(before):
        counts, role = None, None
    if in_words and not _counts_in_words(number, value, counts, role):
        return None
    if _dated_alone(span) and (role or "").lower() not in ROLE_OF:
        return None  # a bare number the NER calls a date is an age ("Banky, 40"), unless it
        # counts in a role news counts ("the death toll is 45")
    return Figure(doc_id, span.start_char, span.end_char, text, value, unit, counts, role,
                  low, high)


def _names_noun_before(span: Span) -> bool:
    """Does the number name the noun just before it ("page 20", "Flight 370") rather than
    count something? Not with a qualifier between ("a shot over two defenders")."""
    head = _outside_head(span)
    return (head is not None and head.i == span.start - 1 and head.pos_ in ("NOUN", "PROPN")
            and _unqualified(span.text) == span.text.strip())


def _letters_glued_after(span: Span) -> bool:
    """Do letters the figure does not read follow its number with no space ("about 1.5m in
    length", "3m people", "15cm")?"""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (after is not None and not span[-1].whitespace_ and span[-1].like_num
            and after.is_alpha and after.is_lower and len(after) <= 2)


def _weight(span: Span, text: str) -> bool:
    """Are "pounds" written out a weight: "weighed 200 pounds", "30 pounds of cocaine" (the NER
    labels "14 million pounds" a quantity, "weighed 200 pounds" money), or, in an article that
    writes no sum in sterling ("£", "sterling"), "6-foot-2 and 190 pounds" (a sum in pounds
    written out there has its scale, "14 million pounds", or its dollars after it, "500 pounds
    ($650)")?"""
    pounds = next((t for t in span if t.lower_ in ("pound", "pounds")), None)
    if pounds is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in pounds.children):
        return True  # "30 pounds of cocaine" ("20 million pounds of debt" is rare next to it)
    if any(t.lower_ in _WEIGHING for t in (pounds.head, *pounds.head.children)):
        return True
    return ("£" not in text and not _STERLING.search(text)
            and not any(t.lower_ in _SCALES for t in span)
            and not _RESTATED_AFTER.match(text, span.end_char)
            and not {pounds.head.lower_, pounds.head.head.lower_} & _PAYING)


def _after_number(span: Span, text: str) -> str:
    """The text after the figure's number: its unit word too when the figure holds one ("63
    years" of "63 years old"). ``text``: the document's."""
    tail = text[span.end_char : span.end_char + 20]
    number = _NUMBER.search(span.text) or re.search(r"\S+$", span.text)
    return span.text[number.end():] + tail if number else tail


def _number_part(span: Span) -> Span:
    """The figure less a qualifier the parse makes its root: in "an estimated 300 people" the
    article is; the number says what it counts."""
    rest = _unqualified(span.text)
    start = span.end_char - len(rest)
    part = span.doc.char_span(start, span.end_char) if rest and start > span.start_char else None
    if part is None or part.start <= span.root.i < part.end:
        return span
    return part


def _dated_alone(span: Span) -> bool:
    """Is the figure a date entity of the NER all by itself ("Banky, 40", not "61-year-old")?"""
    doc, first = span.doc, span[0]
    after = doc[span.end] if span.end < len(doc) else None
    return (first.ent_type_ == "DATE" and first.ent_iob_ == "B"
            and (after is None or after.ent_iob_ != "I"))


def _reports_count(span: Span, text: str) -> bool:
    """Does a number written in words report a count, rather than refer back ("the two men",
    "its three members", "no one", "between two countries") or make a compound word
    ("one-on-one", "a two-state solution", "a five-year plan")?"""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _REFERRING and not _OR_SO.search(span.text):  # "the fifty or so bodies"
        # gives their number: nobody refers back to things with a guess at how many they are
        return False
    if "between" in (before, span[0].lower_) and not _split_range(_unqualified(span.text))[1]:
        return False  # "agreements between two countries": any two, no range of a count
    before = text[max(0, span.start_char - 2) : span.start_char]
    after = text[span.end_char : span.end_char + 2]
    return not (re.fullmatch(r"[A-Za-z]-", before) or re.fullmatch(r"-[A-Za-z]", after))


def _counts_in_words(span: Span, value: float, counts: str | None, role: str | None) -> bool:
    """A number written in words is a figure only with what it counts, and not a time ("one
    day", a duration without its unit read, "twenty-five past ten"), a multiple ("more than
    five times the legal limit", "a five time Olympic champion") or a fraction ("half"); "one"
    only where it counts people or things in one of the roles news counts ("one person was
    killed", never "one official said", "as one expert told", "at one point", "one of the")."""
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if counts is None or value < 1 or {noun_lemma(counts.split()[-1].lower()),
                                       noun_lemma(after)} & _NOT_COUNTED:
        return False  # "more than half of all mothers" is a share, no count
    return value != 1 or (span.root.dep_ == "nummod" and (role or "").lower() in ROLE_OF)


def read_figure(text: str) -> tuple[float, str | None, float, float | None] | None:
    """A figure as written: its value (a range's lower end), unit and the interval of values
    it allows (``None``: no upper bound). "at least 250" and "more than 250" are [250, ∞) (a
    bare 250 may be rounded, so the end stays in); "up to 250" [0, 250]; "about 250" ±10%;
    "nearly 250" [225, 250]; "300 or 400", "between 300 and 400" [300, 400]; "hundreds"
    [200, 10,000) (fewer than a hundred hundreds); a bare figure, the values that round to it
    as written ("21": 20.5 to 21.5, "1.2 million": 1.15 to 1.25 million)."""
    rest = _unqualified(text)
    qualifier = text.strip()[: len(text.strip()) - len(rest)].lower()
    if _OR_SO.search(rest):
        rest, qualifier = _OR_SO.sub("", rest), "about"
    first, second = _split_range(rest)
    if second:
        value, unit = parse_amount(_with_scale_of(first, second))
        upper, _ = parse_amount(second)
        if value is not None and upper is not None and upper > value:
            return value, unit, *_qualified(qualifier, value, upper)
    value, unit = parse_amount(rest)
    if value is None:
        return None
    if vague(rest):
        return value, unit, value, value * 50
    step = _rounding_step(rest, value)
    return value, unit, *_qualified(qualifier, value, value,
                                    rounded=(value - step / 2, value + step / 2))


def vague(text: str) -> bool:
    """Does a figure name no value, only a range of magnitude ("hundreds", "dozens of")?"""
    words = _unqualified(text).split()
    return bool(words) and words[0].lower().strip(".,") in _VAGUE


def parse_amount(text: str) -> tuple[float | None, str | None]:
    """("just $34 million") -> (34000000.0, "USD"); ("two hours") -> (2.0, "hour");
    ("hundreds") -> (200.0, None): the least it can mean; ("300 or 400") -> (300.0, None)."""
    rest = _unqualified(text)
    unit = None
    for symbol in ("US$", "$", "€", "£", "¥", "₹", "₽"):
        if rest.startswith(symbol):
            unit, rest = _CURRENCIES[symbol], rest[len(symbol) :].strip()
            rest = _GLUED_SCALE.sub(" ", rest, count=1)  # "$20m": 20 million dollars
    if unit is None:  # "200ft", "15km"; "200m" is metres once ``_glued_metres`` took it in
        rest = _GLUED_UNIT.sub(lambda m: " metre" if m[0] == "m" else " " + m[0], rest, count=1)
    words = rest.replace("%", " % ").replace("-", " ").split()
    if not words:
        return None, None
    value = _number(words[0])
    if value is None:
        return None, None
    for n, word in enumerate(words[1:], 2):
        low = word.lower().strip(".,")
        after = words[n] if n < len(words) else ""
        if low in ("or", "to", "and"):
            break  # the upper end of a range: ``read_figure`` reads it
        if low == "of" and (after.lower() in _VAGUE or after.lower() in _CURRENCIES):
            continue  # "tens of thousands", "billions of dollars"
        if low in _SCALES:
            value *= _SCALES[low]
        elif (low in _WORDS and _WORDS[low] < 10 and words[0].isalpha() and value >= 20
              and value % 10 == 0):
            value += _WORDS[low]  # "twenty-one"
        elif low in _VAGUE:
            value *= _VAGUE[low]
        elif low in ("%", "percent", "per", "pct"):
            unit = "percent"
        elif low == "cent" and unit == "percent":
            continue
        elif unit is None and low in _CURRENCIES:
            unit = _CURRENCIES[low]
        elif unit is None and _singular(low) == "degree" and after.lower() in _DEGREES:
            unit = _DEGREES[after.lower()]
            break
        elif unit is None and unit_name(low):  # "km/h"
            unit = unit_name(low)
            break
        elif unit is None and low.isalpha():
            unit = unit_name(singular := _singular(low)) or singular
            if unit in _PER_HOUR and [w.lower() for w in words[n : n + 2]] in (
                    ["per", "hour"], ["an", "hour"], ["a", "hour"]):
                unit = _PER_HOUR[unit]  # "120 miles per hour", "120 miles an hour": a speed
            break
    return value, unit


_PER_HOUR = {"mile": "mph", "km": "km/h"}


def _split_range(text: str) -> tuple[str, str]:
    """("300 or 400 people") -> ("300", "400 people"); ("300 people") -> ("300 people", "")."""
    match = re.match(r"^(\S+)\s*(?:\s(?:or|to|and)\s|[-–—])\s*(?=[$€£¥₹₽]?\d|[a-z])(.+)$",
                     text, re.IGNORECASE)
    if match is None or _number(match.group(1).lstrip("$€£¥₹₽").lower()) is None:
        return text, ""
    return match.group(1), match.group(2)


def _with_scale_of(first: str, second: str) -> str:
    """"300" of "300 to 400 million" is 300 million, "20" of "20-30%" 20%: a bare lower end
    takes the upper's unit and words."""
    if "%" in first or (any(ch.isalpha() for ch in first) and _number(first) is None):
        return first
    upper = re.match(r"^[$€£¥₹₽]?[\d.,]+", second)  # "Seventy to 80%": 70%
    return first + second[upper.end():] if upper else first


def _qualified(qualifier: str, low: float, high: float,
               rounded: tuple[float, float] | None = None) -> tuple[float, float | None]:
    """The interval of a figure stated as ``low`` to ``high`` (one value: equal), given the
    qualifier before it; ``rounded`` is what a bare single value allows."""
    if _has(qualifier, _LOWER_BOUND):
        return low, None
    if _has(qualifier, _UPPER_BOUND):
        return 0.0, high
    if _has(qualifier, _JUST_BELOW):
        return low * (1 - APPROXIMATE), high
    if _has(qualifier, _AROUND):
        return low * (1 - APPROXIMATE), high * (1 + APPROXIMATE)
    return rounded or (low, high)


def _has(qualifier: str, words: tuple[str, ...]) -> bool:
    return _any_word(words).search(qualifier) is not None


@cache
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for any of ``words`` whole: compiled once, not a search per word."""
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b")


def _rounding_step(text: str, value: float) -> float:
    """The unit of the last digit written: 1 for "21", 0.1 million for "1.2 million"; for a
    whole number ending in zeros, the place of its last nonzero digit, at most ``ROUNDED`` of
    it either side ("600": 570 to 630)."""
    written = _unqualified(text).split()[0]
    money = written[0] in "$€£¥₹₽"
    written = (written if money else _GLUED_UNIT.sub("", written)).lstrip("$€£¥₹₽").rstrip("%")
    written = written.lower()  # "200ft" is 200 feet
    if written in _SCALES:
        return value  # "a million" as "1 million"
    number = _number(written) or (None if money else parse_amount(written)[0])  # "twenty-five"
    if not number:
        return 0.0
    decimals = len(written.rsplit(".", 1)[1]) if "." in written else 0
    place = 10.0**-decimals
    if _ROUND_DIGITS.fullmatch(written):
        zeros = len(written.replace(",", "")) - len(written.replace(",", "").rstrip("0"))
        place = min(10.0**zeros, 2 * ROUNDED * number)
    return place * value / number


# A whole number in digits ending in two zeros or more: "600", "1,400", "20,000".
_ROUND_DIGITS = re.compile(r"[1-9][\d,]*00")


def _unqualified(text: str) -> str:
    rest = text.strip()
    while (stripped := _QUALIFIERS.sub("", rest, count=1)) != rest:
        rest = stripped
    return rest


def _number(word: str) -> float | None:
    word = word.lower()
    if _NUMBER.fullmatch(word):
        try:
            return float(word.replace(",", ""))
        except ValueError:
            return None
    if word in _VAGUE:
        return 2 * _VAGUE[word]  # "hundreds": at least two hundred
    if word in ("dozen", "hundred", "thousand", "million", "billion", "trillion"):
        return _SCALES[word]  # "a dozen", "a hundred", "a million"
    return float(_WORDS[word]) if word in _WORDS else None


def _singular(word: str) -> str:
    if word in ("feet",):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _counted(span: Span, unit: str | None) -> tuple[str | None, str | None]:
    """What a figure counts and its role: ("65 people were killed") -> ("people", "killed")."""
    noun = _counted_noun(span, unit)
    if noun is None:
        return None, _role(span.root, span, counted=False)
    counts = _noun_phrase(noun, span)
    if noun.head.head.i == span.root.i:  # "identified 40 of the bodies": a part of them, in
        # the role its own clause says ("21 of the wounded were taken to hospital" is no count
        # of the wounded)
        return counts, _role(span.root, span, counted=False)
    return counts, _role(noun, span, counted=True)


def _counted_noun(span: Span, unit: str | None) -> Token | None:
    """The head noun of what a figure counts or measures, read off the parse around it."""
    root = span.root
    head = _outside_head(span)
    if root.dep_ == "nummod" and head is not None and (
        head.pos_ in ("NOUN", "PROPN") or head.lower_ in ROLE_OF
    ):
        return head  # "4,000 dockworkers", "the toll reached 45 dead"
    for child in root.children:  # "1.2 percent of Pyongyang’s trade", "21 of the wounded"
        if child.dep_ == "prep" and child.lower_ == "of" and not span.start <= child.i < span.end:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and not _has_own_count(objects[0]):  # "1,364, of that number 315
                return objects[0]  # children" breaks the whole down: children are a part
    if head is None:
        return None
    if root.dep_ in ("attr", "acomp"):  # "trade was just $34 million", "the toll was 65"
        return _subject(head) or _reported_subject(head)
    if root.dep_ == "nsubj" and head.lower_ in _LINKING:  # "65 is the official toll"
        return next((c for c in head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if root.dep_ == "appos" and head.pos_ == "NOUN" and not head.like_num:
        return head
    if root.dep_ in ("compound", "nmod", "amod") and unit is not None and head.pos_ == "NOUN":
        return head  # "a 9 percent raise", "a $5 million contract"
    if root.dep_ == "npadvmod" and unit is not None and head.tag_ in ("JJR", "RBR") and (
            head.head.pos_ == "NOUN" and head.dep_ == "amod"):
        return head.head  # "a 29 percent higher risk", "a 20% bigger share" (a comparative:
        # "ramparts three metres high enclosed ..." measures the ramparts, in no role)
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head  # "a toll of 65", "a capacity of 150"
    if root.dep_ == "pobj" and head.lower_ == "at" and head.head.dep_ == "dobj" and (
        head.head.head.lower_ in _PUTTING
    ):
        return head.head  # "officials estimate the toll at 65" (the parse hangs "at" on "toll")
    if root.dep_ == "pobj" and head.lower_ in _BOUNDING and head.i == span.start - 1 and (
            head.head.lower_ in _LINKING):
        return _subject(head.head)  # "the toll is over 120,000": the bound is the figure's own
    verb = head.head if root.dep_ == "pobj" else head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    # "the number of wounded has risen to 6,785, of them 2,307 children": the parse makes
    # "children" the object
    changed = next((c for c in verb.children if c.dep_ == "dobj" and c.i != root.i
                    and not _has_own_count(c)), None)
    if root.dep_ == "pobj" and changed is not None:
        return changed  # "police backed off the toll to 60", "cut to 10,000 the number of"
    if verb.lower_ in _CHANGING or (verb.lower_ in _MEASURING and unit is not None):
        return _changing_subject(verb)  # "the death toll rose to 18", "the stoppage costs $12m"
    if root.dep_ == "pobj" and head.lower_ == "at" and verb.lower_ in _PUTTING:
        return _subject(verb)  # "the toll was put at 65"
    if root.dep_ == "pobj" and verb.dep_ == "acl" and noun_lemma(verb.head.lower_) in _WHOLES:
        return verb.head  # "bringing the total found to 59" (the parse hangs "to" on "found")
    return None


def _has_own_count(noun: Token) -> bool:
    """Does another number count the noun afresh ("2,307 children"), not as a whole named
    before ("40 of the 59 bodies")? Then it is not what this figure counts."""
    deps = {child.dep_ for child in noun.children}
    return "nummod" in deps and "det" not in deps


def _outside_head(span: Span) -> Token | None:
    return next((t for t in span.root.ancestors if not span.start <= t.i < span.end), None)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _changing_subject(verb: Token) -> Token | None:
    """What a verb of change moves: its subject, or that of the clause it goes on ("the toll
    continues to rise, passing 80,000")."""
    subject = _subject(verb)
    if subject is None and verb.dep_ in ("advcl", "xcomp", "conj"):
        return _subject(verb.head)
    return subject


def _reported_subject(verb: Token) -> Token | None:
    """The subject of a "be" that a verb of reporting raises: "the toll is estimated to be
    65", "is believed to be 65" (never "is expected to be": a forecast is no count)."""
    if verb.dep_ != "xcomp" or verb.head.lower_ not in _EMPTY_VERBS | _PUTTING:
        return None
    return _subject(verb.head)


def _role(anchor: Token, span: Span, counted: bool) -> str | None:
    """The word that says what happened to what is counted, or what the number is: the
    counted noun itself ("toll", "capacity", "the wounded"), a participle on it ("bodies
    found", "identified bodies"), the verb it is the subject or object of ("people were
    killed", "arrested 12 people"), through "be" and "reported"-like verbs to their complement
    ("were inside", "are feared dead"), or the noun or verb an "of"/"by"/"for" phrase hangs from
    ("a toll of 65", "attended by 250 people", "licensed for 150 people")."""
    if counted and noun_lemma(anchor.lower_) in _WHOLES:
        whole = _role_of_whole(anchor, span)
        if whole is not None or (anchor.lower_ not in ROLE_OF and not _of_objects(anchor, span)):
            return whole  # "the total" of no role said: not the role of the verb that moved it
    if counted and anchor.lower_ in ROLE_OF:
        return anchor.text
    if counted or anchor.i == span.root.i:  # "59 bodies found", "$177 million spent"
        for child in anchor.children:
            if child.dep_ in ("amod", "acl") and not span.start <= child.i < span.end and (
                child.lower_ in ROLE_OF or child.tag_ in ("VBN", "VBG")
            ):
                return child.text
            if child.dep_ == "relcl":
                return _predicate(child)
        for child in anchor.children:  # "a licensed capacity", "the death toll"
            if child.dep_ in ("amod", "compound") and child.lower_ in ROLE_OF:
                return child.text
    head = anchor.head if anchor.head.i != anchor.i else None
    if head is None:
        return None
    if anchor.dep_ in ("nsubj", "nsubjpass"):
        return _predicate(head)
    if anchor.dep_ == "dobj" and head.lower_ in _CHANGING:  # "the toll passed 80,000 people":
        whole = _changing_subject(head)  # the people are counted in the toll's role
        if whole is not None and noun_lemma(whole.lower_) in _WHOLES:
            return _role(whole, span, counted=True)
    if anchor.dep_ == "dobj" and head.lower_ not in _CHANGING:
        return _complement(head) or (head.text if head.lower_ not in _EMPTY_VERBS else None)
    if anchor.dep_ == "pobj" and head.lower_ in ("of", "by", "for"):
        owner = head.head
        if owner.pos_ == "NOUN" and owner.lower_ in ROLE_OF:
            return owner.text
        if owner.pos_ == "VERB" and head.lower_ != "of" and owner.lower_ not in _LINKING and (
                head.lower_ != "for" or parse_amount(span.text)[1] not in _MONEY):
            # "sold for 8.5 cents each": a price, no count in the verb's role
            return owner.text  # "attended by 250 people", "licensed for 150 people"
    if anchor.dep_ in ("attr", "acomp") and counted is False:
        subject = _subject(head)
        return _role(subject, span, counted=True) if subject is not None else None
    return None


def _role_of_whole(noun: Token, span: Span) -> str | None:
    """The role a count of a whole names: a word before it ("the injury toll"), what its "of"
    counts ("the number of dead", "the number of people arrested"), or, for a whole without
    "of" that a clause brings to the figure, that clause's role ("three more bodies were
    found, bringing the total to 45")."""
    objects = _of_objects(noun, span)
    named = next((c.text for c in noun.children
                  if c.dep_ in ("amod", "compound", "acl") and c.lower_ in ROLE_OF), None)
    if named or objects:
        return named or next(filter(None, (_role(o, span, counted=True) for o in objects)), None)
    bringing = noun.head  # a toll says its role itself: "found, raising the toll" is no count found
    if noun.lower_ in ROLE_OF or noun.dep_ != "dobj" or bringing.dep_ not in ("advcl", "xcomp",
                                                                             "conj"):
        return None
    clause = bringing.head  # the clause that added to the whole
    role = _role_complement(clause) or clause.text
    return role if role.lower() in ROLE_OF else None


def _of_objects(noun: Token, figure: Span) -> list[Token]:
    """What an "of" after a noun counts, other than the figure ("a toll of 65")."""
    return [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children if o.dep_ == "pobj" and not figure.start <= o.i < figure.end]


def _predicate(verb: Token) -> str | None:
    """What a clause says of its subject: the verb ("died", "walked"), or through "be" and
    "reported"-like verbs their complement ("were inside", "were reported killed")."""
    if verb.lower_ in _LINKING or verb.lower_ in _EMPTY_VERBS or (
        verb.lower_ in ROLE_OF and any(c.dep_ == "xcomp" for c in verb.children)
    ):  # "were found to have opened accounts": found is a verb of judging there
        return _complement(verb)
    # a complement that names the role says more than its verb: "were found guilty" are
    # convicted, "were found dead" killed
    return _role_complement(verb) or (verb.text if verb.pos_ in ("VERB", "AUX") else None)


def _role_complement(verb: Token) -> str | None:
    return next((c.text for c in verb.children
                 if c.dep_ in ("acomp", "oprd") and c.lower_ in ROLE_OF), None)


def _complement(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in _COMPLEMENTS and (child.lower_ in ROLE_OF or child.tag_ == "VBN"):
            return child.text
    return None


def _duration(span: Span) -> tuple[str | None, str | None]:
    """What took as long as a duration says: ("It took six minutes to arrive") -> ("to
    arrive", "arrive"); ("The truck arrived after four minutes") -> ("arrived", "arrived")."""
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")
                 and not span.start <= t.i < span.end), None)
    if verb is None:
        return None, None
    if span.root.dep_ in ("amod", "compound", "nummod") and span.root.head.pos_ == "NOUN" and (
            not span.start <= span.root.head.i < span.end):
        return span.root.head.text, span.root.head.text  # "the four-hour drive": the drive
    if verb.lower_ in _TAKING:
        verb = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp")
                     and c.pos_ == "VERB"), None)
        if verb is None:
            return None, None
    if verb.lower_ in _LINKING or verb.lower_ in _LASTING:  # "the talks lasted two hours"
        subject = _subject(verb)  # "she was on the call for four minutes": no event named
        return ((_noun_phrase(subject, span), subject.text)
                if subject is not None and subject.pos_ != "PRON" else (None, None))
    if verb.lower_ in _EMPTY_VERBS:
        return None, None
    parts = [verb, *(c for c in verb.children if c.dep_ in ("aux", "prt", "dobj")
                     and (c.dep_ != "aux" or c.lower_ == "to"))]
    tokens = [t for part in parts for t in (part.subtree if part.dep_ == "dobj" else (part,))]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens)
    event = span.doc[start : end + 1]
    if span.start <= end and start < span.end:
        return None, verb.text
    return event.text, verb.text


def _inside_word(token: Token) -> bool:
    """Is the token a hyphen inside a word ("long-range ones"; not the one after a number,
    "a 7-yard run")?"""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (token.text == "-" and not token.whitespace_ and before is not None
            and not before.whitespace_ and before.is_alpha)


def _noun_phrase(head: Token, figure: Span) -> str | None:
    """The head noun with the modifiers before it (and "of ..." after counting nouns), less
    leading determiners and the figure itself: "the North Korean border" -> "North Korean
    border", "Pyongyang’s trade", "the number of North Koreans working in the country"."""
    if head.pos_ == "PRON":
        return None  # "compare this to $177 million": what "this" is, another sentence says
    doc = head.doc
    left = [t for t in head.subtree if t.i <= head.i]
    start = head.i
    for token in reversed(left[:-1]):
        if token.i != start - 1 or figure.start <= token.i < figure.end or (
                token.is_punct and not _inside_word(token)):
            break
        start = token.i
    while start < head.i and (doc[start].pos_ in ("DET", "ADP", "CCONJ") or doc[start].like_num):
        start += 1
    end = head.i
    if noun_lemma(head.text) in COUNTING_NOUNS:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                end = max(t.i for t in child.subtree)
    phrase = doc[start : end + 1]
    if any(figure.start <= t.i < figure.end for t in phrase) or not any(
        t.is_alpha for t in phrase
    ):
        return None
    return phrase.text.strip() or None
