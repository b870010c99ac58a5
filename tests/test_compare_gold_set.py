"""The gold set of ``newsprism eval compare`` stays usable: every cluster of ``clusters.tsv``
exports from ``../shared/data`` (the audits' ECB+ train topics and Multi-News pairs too, which
``select`` never draws) and every gold line of the tune half still fits its texts."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from _stores import SHARED
from newsprism.errors import InputError
from newsprism.evaluate.compare import load_gold
from newsprism.evaluate.compare_clusters import (
    ECB,
    FNC,
    SEMEVAL,
    ClusterRow,
    export_clusters,
    ingest_cluster,
    read_tsv,
)

GOLD = Path(__file__).parents[1] / "bench" / "compare_gold"
DATA = SHARED / "data"


@pytest.fixture(scope="module")
def tune_clusters() -> list[dict]:
    if not (DATA / ECB).is_dir():
        pytest.skip(f"{DATA} is not there (set NEWSPRISM_SHARED to the shared folder)")
    rows = [r for r in read_tsv(GOLD / "clusters.tsv") if r.half == "tune"]
    return list(export_clusters(DATA, rows))


def test_every_tune_cluster_exports_and_its_gold_lines_fit_the_texts(tune_clusters):
    assert {"8_ecb", "3_ecb"} <= {c["cluster"] for c in tune_clusters}  # ECB+ train topics
    assert any(len(c["articles"]) == 2 for c in tune_clusters)  # a Multi-News pair (audit4)
    for item in tune_clusters:
        articles = {a.id: a for a in ingest_cluster(item, item["cluster"])}
        gold = load_gold(GOLD / "judgments", articles)
        assert gold.stale == [], item["cluster"]
        assert gold.pairs, item["cluster"]


def test_an_ecb_plus_addition_exports_as_the_web_page_it_was():
    if not (DATA / ECB).is_dir():
        pytest.skip(f"{DATA} is not there (set NEWSPRISM_SHARED to the shared folder)")
    rows = [ClusterRow(ECB, "22_ecbplus", "dev")]
    [cluster] = export_clusters(DATA, rows)
    page = {a["id"]: a for a in cluster["articles"]}["ecb.22_6ecbplus"]
    assert page["url"].startswith("http://philadelphia.cbslocal.com/2010/12/07/")
    assert page["outlet"] == "philadelphia.cbslocal.com"  # the site, not one outlet per page
    assert "December 7, 2010 11:18 PM" in page["text"]  # the stamp's clock joined back
    assert not page["text"].startswith("http")


def _write_semeval_sample(folder: Path, rows: dict[str, list[tuple]]) -> None:
    """The sample's two CSV files, only the columns the export reads and ``Overall``."""
    folder.mkdir(parents=True)
    for name, lines in rows.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(("pair_id", "lang1", "lang2", "text1", "text2", "Overall"))
            writer.writerows(lines)


def test_semeval_same_story_pairs_export_as_clusters_joined_where_they_share_an_article(
        tmp_path: Path) -> None:
    told, quoted = "The council voted on Monday.", "Councillors voted on Monday, the mayor said."
    _write_semeval_sample(tmp_path / SEMEVAL, {
        "training_set.csv": [
            ("20_30", "en", "en", "The bridge shut.", "Engineers shut the bridge.", "1.0"),
            ("10_20", "en", "en", "A storm hit.", "The bridge shut.", "1.5"),
            ("40_50", "en", "en", told, quoted, "1.33"),
            ("40it_50it", "en", "en", "Il consiglio.", "Il sindaco.", "1.0"),  # a translated copy
            ("60_70", "en", "en", "Prices rose.", "A team won.", "4.0"),  # another story
            ("80_90", "de", "de", "Der Rat.", "Der Buergermeister.", "1.0"),
        ],
        "testing_set.csv": [("40_50", "en", "en", "a second copy", "is not read", "1.0")],
    })
    clusters = {c["cluster"]: c for c in export_clusters(
        tmp_path, [ClusterRow(SEMEVAL, "10_20", "heldout"), ClusterRow(SEMEVAL, "40_50", "tune")])}
    assert [a["id"] for a in clusters["10_20"]["articles"]] == [
        "semeval.10", "semeval.20", "semeval.30"]  # 10_20 and 20_30 share article 20
    pair = clusters["40_50"]["articles"]
    assert [(a["id"], a["text"]) for a in pair] == [("semeval.40", told), ("semeval.50", quoted)]
    assert all(a["title"] is None and a["outlet"] is None and a["date"] is None for a in pair)
    assert [a.id for a in ingest_cluster(clusters["40_50"], "40_50")] == [
        "semeval.40", "semeval.50"]
    with pytest.raises(InputError):
        list(export_clusters(tmp_path, [ClusterRow(SEMEVAL, "60_70", "tune")]))


def test_fnc_bodies_export_as_clusters_joined_by_a_headline_related_to_both(
        tmp_path: Path) -> None:
    folder = tmp_path / "align_train"
    folder.mkdir()
    long_body = " ".join(["The mayor denied the report on Tuesday."] * 30)
    with (folder / "train_bodies.csv").open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([("Body ID", "articleBody"), *((n, long_body) for n in
                                   (3, 7, 9, 12)), (15, "Too short to be an article.")])
    with (folder / "train_stances.csv").open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([
            ("Headline", "Body ID", "Stance"),
            ("Mayor quits", 9, "agree"), ("Mayor quits", 3, "discuss"),
            ("Mayor denies quitting", 3, "disagree"), ("Mayor denies quitting", 15, "agree"),
            ("Whale seen in river", 7, "unrelated"), ("Whale seen in river", 12, "agree"),
        ])
    clusters = {c["cluster"]: c for c in export_clusters(tmp_path, [ClusterRow(FNC, "3", "dev")])}
    assert [a["id"] for a in clusters["3"]["articles"]] == ["fnc.3", "fnc.9"]  # 15 is too short
    with pytest.raises(InputError):  # body 12 alone: no cluster
        list(export_clusters(tmp_path, [ClusterRow(FNC, "12", "dev")]))
