"""The ROUGE harness: both input formats, files written, scores printed side by side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import InputError, NewsprismError
from newsprism.evaluate.summaries import evaluate_summaries, read_clusters, score_summary

SHARED = Path(__file__).parents[1].parent / "shared"
MULTILING = SHARED / "data" / "multiling2011_en"

FIRE = [
    "A wildfire destroyed more than 200 homes near the town of Paradise on Thursday, forcing "
    "thousands of residents to flee.\n\nFirefighters said strong winds pushed the flames "
    "across the valley in a few hours.",
    "More than 200 homes were destroyed by a wildfire near Paradise on Thursday.\n\nThe state "
    "governor declared an emergency and asked for federal help to fight the wildfire.",
    "Thousands of residents fled as a wildfire destroyed homes near Paradise.\n\nOfficials said "
    "the cause of the wildfire is still under investigation by the fire service.",
]
FIRE_SUMMARY = ("A wildfire destroyed more than 200 homes near Paradise on Thursday and "
                "thousands of residents fled. The governor declared an emergency.")


def test_identical_summary_scores_full_recall_and_is_cut_to_the_budget() -> None:
    scores = score_summary([FIRE_SUMMARY], [FIRE_SUMMARY], words=100)
    assert scores["rouge2"] == pytest.approx((1.0, 1.0))
    cut = score_summary([FIRE_SUMMARY], [FIRE_SUMMARY], words=5)
    assert cut["rouge1"][0] == pytest.approx(5 / 21)  # only the first 5 of 21 words count


def test_multinews_format_is_summarised_and_scored(tmp_path: Path) -> None:
    data = tmp_path / "fire.jsonl"
    record = {"id": "fire/1", "documents": FIRE, "summary": FIRE_SUMMARY}
    data.write_text(json.dumps(record) + "\n\n{not json\n", encoding="utf-8")
    report = evaluate_summaries(data, 30, tmp_path / "out", ["lead", "centroid"], progress=False)
    assert report.problems and "fire.jsonl:3" in report.problems[0]
    summary = (tmp_path / "out" / "fire_1.txt").read_text(encoding="utf-8")
    assert 0 < len(summary.split()) <= 30
    scores = {s.system: s for s in report.systems}
    assert set(scores) == {"newsprism", "lead", "centroid"}
    assert all(s.clusters == 1 and 0 < s.recall["rouge1"] <= 1 for s in scores.values())


def test_cluster_without_text_is_reported_and_file_without_clusters_refused(tmp_path: Path) -> None:
    data = tmp_path / "empty.jsonl"
    data.write_text(json.dumps({"cluster_id": "x", "documents": ["  "], "references": []}) + "\n")
    with pytest.raises(InputError, match=r"empty\.jsonl: no readable cluster"):
        read_clusters(data)


def test_unknown_baseline_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "fire.jsonl"
    data.write_text(json.dumps({"id": "f", "documents": FIRE, "summary": FIRE_SUMMARY}) + "\n")
    with pytest.raises(NewsprismError, match="unknown sumbasic"):
        evaluate_summaries(data, 30, tmp_path / "out", ["sumbasic"], progress=False)


def test_eval_summarize_command_on_multiling_writes_summaries_and_prints_scores(
    tmp_path: Path,
) -> None:
    if not MULTILING.is_dir():
        pytest.skip(f"{MULTILING} is absent")
    lines = (MULTILING / "multiling2011_english.jsonl").read_text(encoding="utf-8").splitlines()
    data = tmp_path / "two.jsonl"
    data.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, [
        "eval", "summarize", str(data), "--words", "100", "--out", str(out),
        "--baselines", "lead,lexrank,textrank,centroid",
        "--systems", str(MULTILING / "system_outputs"),
    ], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for cluster in ("M000", "M001"):
        lines = (out / f"{cluster}.txt").read_text(encoding="utf-8").splitlines()
        assert len(lines) >= 2 and sum(len(line.split()) for line in lines) <= 100
    for system in ("newsprism", "lead", "lexrank", "textrank", "centroid", "ID2", "ID9"):
        assert system in result.output
    assert "R-2 R" in result.output and "%" in result.output
