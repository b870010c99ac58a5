"""One wire text printed by several sites counts once: reprints with light edits (another
headline, a dropped or added paragraph, words respelled), which word shingles miss, are read
sentence by sentence (``dedup.reprints``) and counted as their original."""

from __future__ import annotations

from newsprism.compare.sources import fold_copies, source_keys
from newsprism.dedup import DuplicateFinder, shared_text, wire_credits
from newsprism.model import Article

HEIST = [
    "Four men rammed their car into an upmarket jewelry store in central Paris on Monday, "
    "smashing the window and making off with jewelry and watches, a police source said.",
    "The heist near the upscale Place Vendome is the latest to hit France after a spate of "
    "robberies in the capital and on the Riviera this summer.",
    "The police source said the men drove a large four-by-four car into the store in the early "
    "hours of the morning, before grabbing what they could carry.",
    "They then set fire to the vehicle and escaped in another car waiting in a side street.",
    "Forensic police are going through the site of the robbery at the store on the Rue de "
    "Castiglione, the source added.",
    "At the end of July an armed man carried out a robbery in broad daylight at a diamond "
    "exhibition at the Carlton hotel in Cannes.",
    "In December 2008 three men emptied almost all of the stock of gems from a jewelry store on "
    "the Avenue Montaigne, and police later recovered most of the haul.",
]
BRITISH = {"jewelry": "jewellery", "four-by-four": "4x4", "Monday": "Monday morning",
           "Vendome": "Vendôme", "robberies": "thefts", "man": "robber", "stock": "store",
           "said": "says", "the store": "the shop",
           "France": "the country", "site": "scene"}  # fmt: skip


def respelled(sentence: str) -> str:
    """One house style's edits: a word or two of nearly every sentence spelled otherwise."""
    for old, new in BRITISH.items():
        sentence = sentence.replace(old, new)
    return sentence


def page(headline: str, stamp: str, sentences: list[str]) -> str:
    return "\n\n".join([headline, stamp, *sentences])


ORIGINAL = page("Paris hit by jewelry heist", "September 9, 2013 11:25", HEIST)
# another site's print: its own headline and time stamp, respelled, the last paragraph dropped
REPRINT = page("Ram raiders hit Paris jeweller", "Published: 09 Sep 2013 12:40",
               [respelled(s) for s in HEIST[:-1]])  # fmt: skip
# an independent report of the same robbery, in its own words
OWN = page("Thieves crash 4x4 into Paris jeweller", "9 September 2013", [
    "Robbers drove a four-wheel drive through the front of a jeweller's shop near Place Vendome "
    "early on Monday and fled with watches and rings.",
    "The thieves torched their vehicle before switching to a second car, officers said.",
    "The shop, on Rue de Castiglione, was closed at the time and nobody was hurt.",
    "Investigators were examining the scene on Monday afternoon.",
    "Paris has seen a string of spectacular jewellery robberies in recent years.",
])  # fmt: skip


def test_a_lightly_edited_reprint_that_shingles_miss_counts_as_its_original() -> None:
    wire = Article("wire", ORIGINAL, outlet="yahoo.com")
    reprint = Article("local", REPRINT, outlet="thelocal.fr")
    own = Article("own", OWN, outlet="sky.com")
    assert DuplicateFinder().run([wire, reprint, own])[1] == []  # what MinHash alone misses
    shared, words = shared_text(REPRINT, ORIGINAL)
    assert shared > 0.75 and words > 100
    keys = source_keys([wire, reprint, own])
    assert keys["local"] == keys["wire"] != keys["own"]
    # its respelled words are its own: it is read, but counted as its original
    assert fold_copies([wire, reprint, own])[:2] == ([wire, reprint, own], None)


def test_a_reprint_with_paragraphs_of_its_own_counts_once_but_is_still_read() -> None:
    added = ("Paris also saw another robbery on Sunday night, when armed thieves stormed a "
             "security company's offices and left with cash, according to reports.")
    longer = page("Ram raiders hit Paris jeweller", "09 Sep 2013",
                  [respelled(HEIST[0]), added, *map(respelled, HEIST[1:])])  # fmt: skip
    wire = Article("wire", ORIGINAL, outlet="yahoo.com")
    local = Article("local", longer, outlet="thelocal.fr")
    keys = source_keys([wire, local])
    assert keys["local"] == keys["wire"]
    assert fold_copies([wire, local])[:2] == ([wire, local], None)


def test_reports_sharing_a_statement_or_a_few_stock_lines_stay_independent() -> None:
    statement = HEIST[2:4]  # the police source's words, as two reports might both print them
    first = page("Jeweller raided", "Monday", [
        "A gang struck a jeweller in the first arrondissement overnight, the city's third "
        "such raid this year.", *statement,
        "Shop owners in the district said they had asked for more patrols after the summer.",
        "The mayor's office declined to comment on Monday."])  # fmt: skip
    second = page("Raid on Rue de Castiglione", "Monday", [
        "Detectives were questioning witnesses on Monday after a raid on a jewellery shop "
        "close to the Ritz.", *statement,
        "The shop's owner told a radio station the loss ran to two million euros.",
        "Insurers have pressed jewellers to fit bollards outside their windows."])  # fmt: skip
    keys = source_keys([Article("a", first, outlet="a.com"), Article("b", second, outlet="b.com")])
    assert keys["a"] != keys["b"]
    # the same sentences in another order are not one text printed twice
    scrambled = page("Paris hit by jewelry heist", "Monday", HEIST[::-1])
    assert shared_text(scrambled, ORIGINAL)[0] < 0.3  # the longest sentence alone


def test_a_shared_agency_credit_supports_a_copy_but_never_makes_one() -> None:
    half = page("Paris heist", "Monday", [
        *map(respelled, HEIST[:3]),
        "Officers sealed off the street for most of the morning while shoppers watched.",
        "A spokeswoman for the shop's owners said staff were shaken but unhurt.",
        "The jeweller's insurers were expected to inspect the damage on Tuesday.",
        "Traders in the district said the area had become a target for gangs."])  # fmt: skip
    assert 0.4 < shared_text(half, ORIGINAL)[0] < 0.7
    assert wire_credits("PARIS (AP) — Four men ...") == {"ap"}
    assert wire_credits("...\n\nCopyright Agence France-Presse; Reuters contributed.") == {
        "afp", "reuters"}
    # a mention in the story is no credit
    assert wire_credits("The governor told the AFP news agency four villages were destroyed.\n\n"
                        "Records obtained by The Associated Press list her as the owner.") == set()
    credited = [Article("wire", ORIGINAL + "\n\nAssociated Press", outlet="yahoo.com"),
                Article("half", "PARIS (AP) — " + half, outlet="paper.com")]  # fmt: skip
    keys = source_keys(credited)
    assert keys["half"] == keys["wire"]
    plain = [Article("wire", ORIGINAL, outlet="yahoo.com"),
             Article("half", half, outlet="paper.com")]  # fmt: skip
    keys = source_keys(plain)
    assert keys["half"] != keys["wire"]
    other = [Article("wire", ORIGINAL + "\n\nReuters", outlet="yahoo.com"),
             Article("half", "PARIS (AP) — " + half, outlet="paper.com")]  # fmt: skip
    keys = source_keys(other)
    assert keys["half"] != keys["wire"]  # two agencies' credits support nothing


def test_copies_of_copies_are_one_source_under_the_first_article() -> None:
    wire = Article("wire", ORIGINAL, outlet="yahoo.com")
    reprint = Article("local", REPRINT, outlet="thelocal.fr")
    exact = Article("mirror", REPRINT, outlet="mirror.example")  # an exact copy of the reprint
    own = Article("own", OWN, outlet="sky.com")
    keys = source_keys([reprint, exact, own, wire])
    assert keys["local"] == keys["mirror"] == keys["wire"] != keys["own"]
    kept, _, _ = fold_copies([reprint, exact, own, wire])
    assert [a.id for a in kept] == ["local", "own", "wire"]  # the exact copy folded
