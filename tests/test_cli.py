"""The `newsprism brief` command as a user meets it: formats, files, exit codes, and one clear
line per bad input, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import HARBOUR, ROOT
from newsprism.cli import app
from newsprism.render import validate_briefing_json

runner = CliRunner()


@pytest.fixture(scope="module")
def harbour_json():
    result = runner.invoke(app, ["brief", str(HARBOUR), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_briefing_validates_against_the_schema(harbour_json):
    validate_briefing_json(harbour_json)
    assert {"documents", "entities", "quotes", "figures", "citations", "claims",
            "summary"} <= set(harbour_json)


def test_every_summary_span_is_verifiable_in_the_document_text(harbour_json):
    texts = {d["id"]: d["text"] for d in harbour_json["documents"]}
    for item in harbour_json["summary"]:
        for span in item["support"]:
            assert texts[span["doc"]][span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize("fmt, marker", [("markdown", "## Summary"), ("html", "<!DOCTYPE html>"),
                                         ("terminal", "Summary")])
def test_each_format_writes_a_file(tmp_path, fmt, marker):
    out = tmp_path / f"briefing.{fmt}"
    result = runner.invoke(app, ["brief", str(HARBOUR), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert marker in out.read_text()


def test_bad_inputs_are_named_and_the_rest_is_briefed(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["brief", str(HARBOUR / "gazette.txt"), str(tmp_path / "empty.txt"),
                                 "-f", "json"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "empty" in result.stderr
    assert json.loads(result.stdout)["documents"][0]["id"] == "gazette"


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    result = runner.invoke(app, ["brief", str(tmp_path / "binary.txt")])
    assert result.exit_code == 1
    assert "binary" in result.stderr and "nothing to brief" in result.stderr


def test_unknown_format_is_a_usage_error():
    result = runner.invoke(app, ["brief", str(HARBOUR), "-f", "pdf"])
    assert result.exit_code == 2
    assert "choose one of terminal, markdown, html, json" in result.stderr


def test_stdin_is_briefed():
    text = (HARBOUR / "gazette.txt").read_text()
    result = runner.invoke(app, ["brief", "-", "-f", "json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"][0]["outlet"] == "Harbour Gazette"


def test_a_real_process_prints_no_traceback_on_bad_input(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    done = subprocess.run([sys.executable, "-m", "newsprism", "brief", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "latin1.txt: not UTF-8 text" in done.stderr


def test_every_command_is_documented_in_the_readme():
    from newsprism.cli import eval_app

    readme = (ROOT / "README.md").read_text()
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    commands += [f"eval {c.name or c.callback.__name__}" for c in eval_app.registered_commands]
    for command in commands:
        assert f"newsprism {command.replace('_', '-')}" in readme, command


def test_the_command_list_of_help_gives_each_command_one_unbroken_summary() -> None:
    """`newsprism --help` lists a command with its short help, else its help's first paragraph
    as written: a docstring wrapped in the source broke that list mid-sentence ("with their
    articles" / "and sources.")."""
    import typer.main

    group = typer.main.get_command(app)
    commands = [*group.commands.values(), *group.commands["eval"].commands.values()]
    summaries = {c.name: (c.short_help or c.help or "").split("\n\n")[0] for c in commands}
    assert len(summaries) > 10
    assert {name: s for name, s in summaries.items() if "\n" in s or not s} == {}


def test_a_commands_help_keeps_no_source_line_break_and_every_command_teaches_by_example(
) -> None:
    """A command's --help printed the docstring's own breaks inside its later paragraphs: "1
    when some were not (the rest" / "are stored)". Each paragraph is now one line for the
    terminal to wrap, and each command shows a command line to start from."""
    import typer.main

    group = typer.main.get_command(app)
    commands = [*group.commands.values(), *group.commands["eval"].commands.values()]
    broken = {c.name: p for c in commands for p in (c.help or "").split("\n\n") if "\n" in p}
    assert broken == {}
    result = CliRunner().invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"})
    assert "1 when some were not (the rest are stored)" in result.output
    leaves = [c for c in commands if not hasattr(c, "commands")]  # `eval` is a group
    assert {c.name for c in leaves if "Example: newsprism " not in (c.help or "")} == set()


MIXED = {
    "quake.txt": "A strong earthquake shook the coastal town of Pichilemu in central Chile on "
                 "Tuesday, damaging dozens of houses and cutting power to thousands, officials "
                 "said.",
    "final.txt": "Real Madrid beat Liverpool 3-1 in the Champions League final in Kiev on "
                 "Saturday, with Gareth Bale scoring twice after coming on as a substitute.",
    "merger.txt": "Shareholders of the two regional banks, Northfield Savings and Coastline "
                  "Trust, voted on Thursday to approve a merger worth $2.1 billion.",
    "vote.txt": "Voters in the canton of Zug rejected a plan to build a second road tunnel "
                "under the lake on Sunday, with 58 percent against, the cantonal office said.",
    "comet.txt": "Astronomers at the Mauna Kea observatory in Hawaii said on Monday that a newly "
                 "found comet will pass closest to the Sun in March next year.",
}


def test_brief_warns_when_its_articles_read_as_several_separate_events(tmp_path):
    """A new user's first command on a folder of many events briefed them as one, one event's
    reports set beside another's, without a word; one event's reports brief as before."""
    for name, text in MIXED.items():
        (tmp_path / name).write_text(text + "\n")
    mixed = runner.invoke(app, ["brief", str(tmp_path), "-f", "json"])
    assert mixed.exit_code == 0, mixed.stderr
    assert "these 5 articles read as 5 separate events" in mixed.stderr
    assert "`newsprism ingest PATH...` then `newsprism stories`" in mixed.stderr
    (tmp_path / "vote.txt").unlink()  # four: too few to tell an archive from one event's
    assert "separate events" not in runner.invoke(app, ["brief", str(tmp_path)]).stderr
    one = runner.invoke(app, ["brief", str(HARBOUR), "-f", "json"])
    assert one.exit_code == 0 and "separate events" not in one.stderr
