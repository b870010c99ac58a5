"""The gold set of ``newsprism eval compare`` stays usable: every cluster of ``clusters.tsv``
exports from ``../shared/data`` (the audits' ECB+ train topics and Multi-News pairs too, which
``select`` never draws) and every gold line of the tune half still fits its texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from _stores import SHARED
from newsprism.evaluate.compare import load_gold
from newsprism.evaluate.compare_clusters import (
    ECB,
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
