"""Clustering metrics on known partitions, and `newsprism eval cluster` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.evaluate.clusters import score_clusters
from newsprism.stories.scores import bcubed


def test_bcubed_of_one_big_cluster_has_full_recall_and_split_precision() -> None:
    assert bcubed(["a", "a", "b", "b"], [1, 1, 1, 1]) == pytest.approx((0.5, 1.0, 2 / 3))


def test_bcubed_of_singletons_has_full_precision() -> None:
    assert bcubed(["a", "a", "b", "b"], [1, 2, 3, 4]) == pytest.approx((1.0, 0.5, 2 / 3))


def test_bcubed_counts_each_item_of_an_uneven_partition() -> None:
    # gold {1,2,3}{4,5}; predicted {1,2}{3,4,5}: precisions 1,1,1/3,2/3,2/3; recalls 2/3,2/3,1/3,1,1
    precision, recall, _ = bcubed([0, 0, 0, 1, 1], ["x", "x", "y", "y", "y"])
    assert precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_perfect_clustering_scores_one_under_any_label_names() -> None:
    scores = score_clusters(["a", "a", "b", "c"], ["z", "z", "y", "x"])
    assert (scores.bcubed_f1, scores.ari, scores.nmi) == pytest.approx((1.0, 1.0, 1.0))
    assert (scores.stories, scores.gold_stories, scores.items) == (3, 3, 4)


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


FLOOD = ("Floods in Porto Alegre force 80,000 from homes",
         "Heavy rain flooded Porto Alegre in southern Brazil on Sunday, forcing 80,000 people "
         "from their homes, Rio Grande do Sul governor Eduardo Leite said.")
STRIKE = ("Air France pilots strike over pay",
          "Air France pilots walked out on Thursday in a dispute over pay, grounding 400 flights "
          "at Paris Charles de Gaulle airport, the SNPL union said.")


def test_eval_cluster_writes_stories_and_prints_metrics(tmp_path: Path) -> None:
    docs = _write_jsonl(tmp_path / "docs.jsonl", [
        {"id": "f1", "title": FLOOD[0], "text": FLOOD[1], "outlet": "A", "date": "2024-05-05"},
        {"id": "s1", "title": STRIKE[0], "text": STRIKE[1], "date": "2024-05-09"},
        {"id": "f2", "title": FLOOD[0], "text": FLOOD[1] + " Reporting by Ana Mano."},
    ])
    gold = _write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "f1", "story": "flood"}, {"id": "s1", "story": "strike"},
        {"id": "f2", "story": "flood"},
    ])
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["eval", "cluster", str(docs), "--out", str(out),
                                      "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    predicted = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in predicted] == ["f1", "s1", "f2"]
    assert predicted[0]["story"] == predicted[2]["story"] == "f1" != predicted[1]["story"]
    assert "bcubed_f1=1.0000" in result.output and "ari=1.0000" in result.output


def test_eval_cluster_reports_a_gold_file_that_misses_documents(tmp_path: Path) -> None:
    docs = _write_jsonl(tmp_path / "docs.jsonl", [{"id": "f1", "text": FLOOD[1]}])
    gold = _write_jsonl(tmp_path / "gold.jsonl", [{"id": "other", "story": "x"}])
    result = CliRunner().invoke(app, ["eval", "cluster", str(docs), "--out",
                                      str(tmp_path / "p.jsonl"), "--gold", str(gold)])
    assert result.exit_code == 1
    assert "no gold story for 1 document(s)" in result.output


def test_eval_cluster_exits_0_when_it_only_warns_that_items_were_kept(tmp_path: Path) -> None:
    docs = _write_jsonl(tmp_path / "docs.jsonl", [
        {"id": "f1", "title": FLOOD[0], "text": FLOOD[1], "date": "2024-02-30"},
        {"id": "s1", "title": STRIKE[0], "text": STRIKE[1], "date": "2024-05-09"},
    ])
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["eval", "cluster", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"warning: {docs}:1: " in result.stderr and "kept without a date" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["f1", "s1"]


def test_eval_cluster_exits_1_when_a_line_could_not_be_read(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "f1", "text": FLOOD[1]}) + "\n{not json\n")
    result = CliRunner().invoke(app, ["eval", "cluster", str(docs), "--out",
                                      str(tmp_path / "p.jsonl")])
    assert result.exit_code == 1
    assert f"error: {docs}:2: " in result.stderr and "1 documents, 1 stories" in result.stdout


def test_eval_cluster_at_the_storyline_level_groups_events_of_one_topic(tmp_path: Path) -> None:
    docs = _write_jsonl(tmp_path / "docs.jsonl", [
        {"id": "f1", "title": FLOOD[0], "text": FLOOD[1], "date": "2024-05-05"},
        {"id": "s1", "title": STRIKE[0], "text": STRIKE[1], "date": "2024-05-09"},
        {"id": "f2", "title": FLOOD[0], "text": FLOOD[1] + " Reporting by Ana Mano."},
    ])
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["eval", "cluster", str(docs), "--out", str(out),
                                      "--level", "storyline"])
    assert result.exit_code == 0, result.output
    predicted = [json.loads(line)["story"] for line in out.read_text().splitlines()]
    assert predicted[0] == predicted[2] == "line-f1" != predicted[1]
    wrong = CliRunner().invoke(app, ["eval", "cluster", str(docs), "--out", str(out),
                                     "--level", "topic"])
    assert wrong.exit_code == 2
