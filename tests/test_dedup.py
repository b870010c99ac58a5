"""Exact and near duplicates (reprinted wire copy) are linked to their original."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

from newsprism.dedup import DuplicateFinder, estimate_overlap, hash_text, text_words
from newsprism.model import Article
from newsprism.store import Store, open_store

pytest_plugins = ["_stores"]  # the store fixture, on both backends
SHARED = Path(__file__).parents[1].parent / "shared"

WIRE = (
    "TOKYO (Wire) - A magnitude 6.8 earthquake struck off the coast of northern Japan on Tuesday "
    "evening, shaking buildings in Sendai and prompting a brief tsunami advisory for the Miyagi "
    "and Iwate prefectures, the Japan Meteorological Agency said. There were no immediate reports "
    "of serious damage or injuries, although several hundred homes lost power for about an hour. "
    "East Japan Railway suspended some bullet train services while engineers inspected the tracks, "
    "and the operator of the Onagawa nuclear plant said it had found no abnormalities. The quake "
    "was centred about 60 kilometres below the seabed, the agency said, and residents were urged "
    "to stay away from the shoreline until the advisory was lifted shortly after midnight. Chief "
    "Cabinet Secretary Yoshimasa Hayashi told reporters the government had set up a task force to "
    "gather information and would respond swiftly to any damage. The region was devastated in "
    "2011 by a magnitude 9.0 earthquake and tsunami that killed more than 18,000 people and "
    "triggered meltdowns at the Fukushima Daiichi nuclear power plant."
)
OTHER = (
    "LIMA (Wire) - Peruvian police arrested a former regional governor on Monday on charges of "
    "laundering money from public works contracts, prosecutors said, in the latest blow to a "
    "political class shaken by years of graft scandals. Officers detained the former governor at "
    "his home in Arequipa before dawn and seized documents and computers, the attorney general's "
    "office said in a statement. A judge will decide within 48 hours whether to order pre-trial "
    "detention while the investigation continues. His lawyer said the accusations were politically "
    "motivated and that his client had always cooperated with investigators."
)


def edit_lightly(text: str, share: float, seed: int = 0) -> str:
    rng = random.Random(seed)
    return " ".join(w if rng.random() > share else "however" for w in text.split())


@pytest.fixture
def memory_store() -> Store:
    with open_store("sqlite:///:memory:") as opened:
        yield opened


def run(finder: DuplicateFinder, store: Store, articles: list[Article]) -> dict[str, tuple]:
    prints, links = finder.run(articles, store.copies)
    store.articles.save(articles, prints, links)
    return {link.article: (link.original, link.kind) for link in links}


def test_same_words_with_other_case_and_punctuation_are_an_exact_copy(store: Store) -> None:
    assert hash_text("Hello, World!") == hash_text("hello world")
    finder = DuplicateFinder()
    run(finder, store, [Article("orig", WIRE)])
    links = run(finder, store, [Article("copy", WIRE.upper().replace(",", " ;"))])
    assert links == {"copy": ("orig", "exact")}
    assert store.copies.originals(["orig", "copy"]) == {"orig": "orig", "copy": "orig"}
    assert store.copies.of("orig")[0].similarity == 1.0


def test_wire_copy_with_light_edits_and_other_boilerplate_links_to_its_original(
    store: Store,
) -> None:
    reprint = (
        "Daily Courier | Subscribe today and get 50% off your first month\n"
        + edit_lightly(WIRE, 0.02)
        + "\nCopyright 2024 The Wire. All rights reserved. Follow us for more world news."
    )
    finder = DuplicateFinder()
    run(finder, store, [Article("orig", WIRE), Article("unrelated", OTHER)])
    links = run(finder, store, [Article("reprint", reprint)])
    assert links == {"reprint": ("orig", "near")}
    assert store.copies.link("reprint").similarity >= 0.5
    assert store.copies.link("unrelated") is None


def test_trimmed_reprint_is_a_copy_but_a_different_story_is_not(memory_store: Store) -> None:
    words = WIRE.split()
    trimmed = " ".join(words[: int(len(words) * 0.6)])  # papers cut wire copy from the end
    links = run(DuplicateFinder(), memory_store, [
        Article("orig", WIRE), Article("trimmed", trimmed), Article("other", OTHER),
    ])  # fmt: skip
    assert links == {"trimmed": ("orig", "near")}


def test_a_copy_of_a_copy_links_to_the_first_original(memory_store: Store) -> None:
    finder = DuplicateFinder()
    run(finder, memory_store, [Article("first", WIRE)])
    run(finder, memory_store, [Article("second", WIRE.replace("Tuesday", "Wednesday"))])
    links = run(finder, memory_store, [Article("third", WIRE.replace("Sendai", "Sendai city"))])
    assert links == {"third": ("first", "near")}
    exact = run(finder, memory_store, [Article("fourth", WIRE.replace("Tuesday", "Wednesday"))])
    assert exact == {"fourth": ("first", "exact")}  # the same words as a copy: its original
    copies = [link.article for link in memory_store.copies.of("first")]
    assert copies == ["second", "third", "fourth"]


def test_copies_inside_one_batch_are_linked(memory_store: Store) -> None:
    links = run(DuplicateFinder(), memory_store, [
        Article("a", WIRE), Article("b", WIRE + " "), Article("c", edit_lightly(WIRE, 0.02)),
    ])  # fmt: skip
    assert links == {"b": ("a", "exact"), "c": ("a", "near")}


def test_short_texts_are_only_matched_exactly(memory_store: Store) -> None:
    links = run(DuplicateFinder(), memory_store, [
        Article("a", "Stocks rose on Monday in Tokyo."),
        Article("b", "Stocks rose on Monday in London."),
        Article("c", "Stocks rose on Monday in Tokyo!"),
    ])  # fmt: skip
    assert links == {"c": ("a", "exact")}


def shingle_overlap(a: str, b: str, k: int = 5) -> tuple[float, float]:
    def grams(text: str) -> set[tuple[str, ...]]:
        words = text_words(text)
        return {tuple(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}

    left, right = grams(a), grams(b)
    common = len(left & right)
    return common / len(left | right), common / min(len(left), len(right))


def test_on_real_news_clusters_only_real_copies_are_linked() -> None:
    """Articles on the same story by different outlets share words, not whole passages: every
    link must be backed by the true shingle overlap, and the estimate must track it."""
    path = SHARED / "data/multinews200/multinews_longbench200.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    clusters = [json.loads(line)["documents"] for line in path.open()][:40]
    texts = {f"{n}-{i}": doc for n, docs in enumerate(clusters) for i, doc in enumerate(docs)}
    finder = DuplicateFinder()
    with open_store("sqlite:///:memory:") as store:
        articles = [Article(key, text) for key, text in texts.items()]
        links = run(finder, store, articles)
        prints = {f.article: f for f in finder.run(articles, store.copies)[0]}
    assert links, "this sample holds reprinted documents"
    for copy, (original, _) in links.items():
        jaccard, contained = shingle_overlap(texts[copy], texts[original])
        assert jaccard >= 0.35 or contained >= 0.8, (copy, original, jaccard, contained)
    for n, docs in enumerate(clusters):
        for i, j in itertools.combinations(range(len(docs)), 2):
            a, b = f"{n}-{i}", f"{n}-{j}"
            estimate = estimate_overlap(prints[a], prints[b])[0]
            assert abs(estimate - shingle_overlap(texts[a], texts[b])[0]) < 0.15, (a, b)


def test_the_newest_version_of_a_live_page_is_briefed_and_the_older_kept(
        memory_store: Store) -> None:
    from newsprism.corpus import briefing_members
    from newsprism.dedup import page_of, version_id
    from newsprism.store import content_hash

    finder = DuplicateFinder()
    update = WIRE + " Update: the advisory was lifted at 00:40, the agency said."
    rewrite = ("This live page has ended. Summary: the earthquake off northern Japan on Tuesday "
               "caused no deaths; power returned to every home by dawn, bullet trains ran again "
               "on Wednesday morning and the nuclear regulator confirmed that all plants in the "
               "region were operating normally. Thank you for following our coverage overnight.")
    live = Article(id="quake-live", text=WIRE, outlet="Coast News")
    second = Article(id=version_id("quake-live", content_hash(update)), text=update,
                     outlet="Coast News")
    third = Article(id=version_id("quake-live", content_hash(rewrite)), text=rewrite,
                    outlet="Coast News")
    other = Article(id="other", text=OTHER, outlet="Andes Daily")
    assert page_of(second.id) == page_of(third.id) == "quake-live" == page_of(live.id)
    assert run(finder, memory_store, [live, other]) == {}
    # The update reads as a near copy of the page's first text: it is linked to it...
    assert run(finder, memory_store, [second]) == {second.id: ("quake-live", "near")}
    heads = memory_store.articles.heads([live.id, other.id, second.id])
    assert briefing_members(heads) == [other.id, second.id]  # ...and it, not the old, is briefed
    assert run(finder, memory_store, [third]) == {}  # rewritten whole: no copy, the same page
    heads = memory_store.articles.heads([live.id, other.id, second.id, third.id])
    assert briefing_members(heads) == [other.id, third.id]
    assert len(memory_store.articles.get_many([live.id, second.id, third.id])) == 3  # all kept
