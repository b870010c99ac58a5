"""``newsprism eval align``: predictions, gold scores and bad lines, end to end on tiny files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.relation.scores import fnc_score, stance_scores

SAME_PAIRS = [
    {"id": "p1", "a": "The summit went more than twice as long as scheduled.",
     "b": "The leaders spoke far longer than they had originally been scheduled to."},
    {"id": "p2", "a": "Revenue rose 5 percent to $2.1 billion, the company said.",
     "b": "The company said its revenue climbed 5 percent to $2.1 billion."},
    {"id": "p3", "a": "The summit went more than twice as long as scheduled.",
     "b": "Heavy rain flooded the streets of the capital on Monday."},
]
STANCE_PAIRS = [
    {"id": "s1", "a": "Apple will launch a streaming TV service in April.",
     "b": "Heavy rain flooded the streets of Manila on Monday. Thousands were evacuated."},
    {"id": "s2", "a": "Apple will launch a streaming TV service in April.",
     "b": "Apple will launch its streaming TV service in April, the company confirmed. "
          "It will cost $15 a month."},
]


def write_jsonl(path: Path, rows: list[dict] | list[str]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_fnc_score_weights_related_stances() -> None:
    gold = ["agree", "unrelated", "discuss", "disagree"]
    assert fnc_score(gold, gold) == 100.0
    # related/unrelated right on every pair, exact stance on none of the three related ones
    assert fnc_score(gold, ["discuss", "unrelated", "agree", "agree"]) == 100 * 1.0 / 3.25
    assert fnc_score(gold, ["unrelated"] * 4) == 100 * 0.25 / 3.25
    assert stance_scores(gold, gold) == {"fnc_score": 100.0, "accuracy": 100.0, "macro_f1": 100.0}


def test_fnc_score_counts_weighted_pairs_as_repeated_ones() -> None:
    gold, guess = ["agree", "unrelated"], ["agree", "agree"]
    assert fnc_score(gold, guess, [1.0, 3.0]) == fnc_score(gold + ["unrelated"] * 2,
                                                           guess + ["agree"] * 2)


def test_eval_align_same_writes_labels_and_prints_gold_scores(tmp_path: Path) -> None:
    pairs = write_jsonl(tmp_path / "pairs.jsonl", SAME_PAIRS)
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "p1", "label": True},
                                                 {"id": "p2", "label": 1},
                                                 {"id": "p3", "label": False}])
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["eval", "align", str(pairs), "--task", "same",
                                      "--out", str(out), "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    predictions = read_jsonl(out)
    assert [p["id"] for p in predictions] == ["p1", "p2", "p3"]
    assert all(isinstance(p["label"], bool) and 0 <= p["score"] <= 1 for p in predictions)
    assert predictions[2]["label"] is False
    assert "scored 3 pairs" in result.output and "accuracy" in result.output
    assert "f1" in result.output


def test_eval_align_stance_prints_fnc_score(tmp_path: Path) -> None:
    pairs = write_jsonl(tmp_path / "pairs.jsonl", STANCE_PAIRS)
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "s1", "label": "unrelated"},
                                                 {"id": "s2", "label": "agree"}])
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["eval", "align", str(pairs), "--task", "stance",
                                      "--out", str(out), "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    predictions = read_jsonl(out)
    assert predictions[0]["label"] == "unrelated"
    assert predictions[1]["label"] in ("agree", "discuss", "disagree")
    assert "fnc_score" in result.output and "macro_f1" in result.output


def test_eval_align_reports_each_bad_line_and_goes_on(tmp_path: Path) -> None:
    pairs = write_jsonl(tmp_path / "pairs.jsonl", [
        json.dumps(SAME_PAIRS[0]),
        "{not json",
        json.dumps({"id": "x", "a": "only one side"}),
        json.dumps({"id": "y", "a": "", "b": "empty claim"}),
        "[1, 2]",
        json.dumps(SAME_PAIRS[2]),
    ])
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["eval", "align", str(pairs), "--task", "same",
                                      "--out", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert [e.split(": ")[1] for e in errors] == [f"{pairs}:{n}" for n in (2, 3, 4, 5)]
    assert "missing field 'b'" in errors[1]
    assert [p["id"] for p in read_jsonl(out)] == ["p1", "p3"]


def test_eval_align_rejects_an_unknown_task(tmp_path: Path) -> None:
    pairs = write_jsonl(tmp_path / "pairs.jsonl", SAME_PAIRS)
    result = CliRunner().invoke(app, ["eval", "align", str(pairs), "--task", "nli",
                                      "--out", str(tmp_path / "pred.jsonl")])
    assert result.exit_code == 2


def test_eval_align_shows_a_bad_label_as_written_even_when_it_reads_as_markup(
    tmp_path: Path,
) -> None:
    """A label "[/same]" once stopped the command: its error line was read as a closing tag."""
    pairs = write_jsonl(tmp_path / "pairs.jsonl", SAME_PAIRS[:2])
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "p1", "label": "[/same]"},
                                                 {"id": "p2", "label": True}])
    result = CliRunner().invoke(app, ["eval", "align", str(pairs), "--task", "same",
                                      "--out", str(tmp_path / "pred.jsonl"), "--gold", str(gold)])
    assert result.exit_code == 1, result.output
    assert f"error: {gold}:1: bad same label '[/same]'" in result.output
