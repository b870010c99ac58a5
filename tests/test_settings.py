"""One Settings: defaults < TOML file < NEWSPRISM_* variables < flags, each value's origin shown
by `newsprism config`, every setting documented, and a bad one named on one line (exit 2)."""

from __future__ import annotations

import json
import tomllib

import pytest
from typer.testing import CliRunner

from conftest import HARBOUR, ROOT
from newsprism.cli import app
from newsprism.errors import SettingsError
from newsprism.settings import DEFAULTS, TABLES, reference, resolve_settings

runner = CliRunner()


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "newsprism.toml"
    path.write_text('[brief]\nitems = 3\nwords_per_item = 20\n\n[fetch]\ndelay = 2.5\n\n'
                    '[watch]\nevery = "2h"\n', encoding="utf-8")
    return path


def test_a_flag_beats_a_variable_beats_the_file_beats_the_default(config):
    env = {"NEWSPRISM_BRIEF_ITEMS": "5", "NEWSPRISM_BRIEF_WORDS_PER_ITEM": "25"}
    settings, origins, _ = resolve_settings(config, {"brief.items": ("--items", 2)}, env)
    assert settings.brief.items == 2 and origins["brief.items"] == "--items"
    assert settings.brief.words_per_item == 25
    assert origins["brief.words_per_item"] == "$NEWSPRISM_BRIEF_WORDS_PER_ITEM"
    assert settings.fetch.delay == 2.5 and origins["fetch.delay"] == str(config)
    assert settings.watch.every == 7200.0  # "2h"
    assert settings.fetch.timeout == DEFAULTS.fetch.timeout and "fetch.timeout" not in origins


def test_a_flag_not_given_leaves_the_setting_to_the_file(config):
    settings, origins, _ = resolve_settings(config, {"brief.items": ("--items", None)}, {})
    assert settings.brief.items == 3 and origins["brief.items"] == str(config)


def test_the_brief_command_takes_its_flag_over_variable_and_file(config):
    result = runner.invoke(app, ["brief", str(HARBOUR), "-f", "json", "--config", str(config),
                                 "--items", "2"], env={"NEWSPRISM_BRIEF_ITEMS": "6"})
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["summary"]) == 2
    result = runner.invoke(app, ["brief", str(HARBOUR), "-f", "json", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["summary"]) == 3  # the file's


@pytest.mark.parametrize("text, expected", [
    ("[brief]\nitemz = 3\n", "unknown setting [brief] itemz; [brief] has items, "),
    ("[breif]\nitems = 3\n", "unknown table [breif]; the tables are [brief], "),
    ("items = 3\n", "items = 3 stands outside a table; settings sit in tables"),
    ('[brief]\nitems = "many"\n', "[brief] items = 'many': input should be a valid integer"),
    ("[serve]\nport = 70000\n", "[serve] port = 70000: input should be less than or equal to "),
    ("[brief\nitems = 3\n", "not valid TOML"),
])
def test_a_bad_settings_file_is_one_line_naming_file_key_and_fix(tmp_path, text, expected):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    for command in (["config"], ["stories", "--db", f"sqlite:///{tmp_path / 'c.db'}"]):
        result = runner.invoke(app, [*command, "--config", str(path)])
        assert result.exit_code == 2, result.output
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(f"error: {path}: ") and expected in line
    assert not (tmp_path / "c.db").exists()  # nothing was opened


def test_a_bad_variable_is_named_as_the_variable():
    with pytest.raises(SettingsError, match=r"^\$NEWSPRISM_FETCH_DELAY='soon': input should be"):
        resolve_settings(None, env={"NEWSPRISM_FETCH_DELAY": "soon"})
    with pytest.raises(SettingsError, match=r"^\$NEWSPRISM_FETCH_DELAYS: no such setting; "
                                            r"\[fetch\] has user_agent, delay"):
        resolve_settings(None, env={"NEWSPRISM_FETCH_DELAYS": "2"})
    with pytest.raises(SettingsError, match=r"\[store\] url is \$NEWSPRISM_DB"):
        resolve_settings(None, env={"NEWSPRISM_STORE_URL": "sqlite:///x.db"})


def test_a_missing_settings_file_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["config", "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == 2
    assert "none.toml: cannot read the settings file" in result.stderr


def test_config_prints_a_toml_file_of_the_effective_settings_and_their_origins(config):
    env = {"NEWSPRISM_DB": "postgresql://news:s3cret@db/news", "NEWSPRISM_TOKEN": "t0ken",
           "NEWSPRISM_INGEST_BATCH_SIZE": "200"}
    result = runner.invoke(app, ["config", "--config", str(config)], env=env)
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.stdout and "t0ken" not in result.stdout
    lines = result.stdout.splitlines()
    assert any(line.startswith("items = 3 ") and line.endswith(f"# {config}") for line in lines)
    assert any(line.startswith("batch_size = 200 ")
               and line.endswith("# $NEWSPRISM_INGEST_BATCH_SIZE") for line in lines)
    assert any(line.startswith("timeout = 20.0 ") and line.endswith("# default")
               for line in lines)
    printed = tomllib.loads(result.stdout)  # save it as newsprism.toml to start a file
    assert printed["brief"]["items"] == 3 and printed["watch"]["every"] == 7200.0
    assert printed["store"]["url"] == "postgresql://news:***@db/news"
    assert set(printed) == set(TABLES)


def test_config_help_teaches_the_precedence():
    result = runner.invoke(app, ["config", "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    text = result.stdout
    order = [text.index(s) for s in ("1. the package's default", "2. a TOML file",
                                      "3. an environment variable", "4. a command-line flag")]
    assert order == sorted(order)
    assert "NEWSPRISM_BRIEF_ITEMS" in text and "$NEWSPRISM_DB" in text


def test_every_setting_is_documented():
    for table, model in TABLES.items():
        for key, info in model.model_fields.items():
            assert info.description, f"[{table}] {key} has no description"
    documented = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert documented == reference(), (
        "docs/settings.md is stale: run `newsprism config --docs > docs/settings.md`")
    for table, model in TABLES.items():
        assert f"## [{table}]" in documented
        for key in model.model_fields:
            assert f"| `{key}` |" in documented


def test_stories_settings_reach_the_clusterer(tmp_path):
    from newsprism.settings import StoriesSettings
    from newsprism.store import open_store
    from newsprism.stories.persist import StoryHook

    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        hook = StoryHook(store, StoriesSettings(window_days=2.0, threshold=0.9))
        assert hook.clusterer.window_days == 2.0 and hook.clusterer.threshold == 0.9
        assert hook.clusterer.merge_threshold is not None  # unset: the link model's


def test_compare_settings_trade_corroborations_for_certainty():
    from newsprism.ingest import read_articles
    from newsprism.pipeline import build_briefing
    from newsprism.settings import Settings

    articles = read_articles([HARBOUR]).articles

    def corroborated(settings: Settings) -> int:
        claims = build_briefing(articles, settings=settings).claims
        return sum(c.status == "corroborated" and c.kind == "statement" for c in claims)

    # Every pair of the example that could be one proposition links at the defaults, so a
    # looser bar adds none there; a stricter one drops the least sure.
    strict = Settings(compare={"link_threshold": 0.999, "near_copy_cosine": 1.0})
    loose = Settings(compare={"link_threshold": 0.9})
    assert corroborated(strict) < corroborated(DEFAULTS) <= corroborated(loose)


def test_a_cached_web_briefing_is_made_again_when_its_settings_change():
    from newsprism.settings import Settings
    from newsprism.web.service import briefing_key

    ids = ["a", "b"]
    assert briefing_key(ids, DEFAULTS) == briefing_key(list(reversed(ids)), Settings())
    assert briefing_key(ids, DEFAULTS) != briefing_key(ids, Settings(brief={"items": 3}))
    assert briefing_key(ids, DEFAULTS) == briefing_key(ids, Settings(serve={"port": 1}))


def test_serve_refuses_token_only_reads_without_a_token(tmp_path):
    db = f"sqlite:///{tmp_path / 'c.db'}"
    result = runner.invoke(app, ["serve", "--db", db, "--reads", "token"],
                           env={"NEWSPRISM_TOKEN": ""})
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error: [serve] reads = 'token' needs a token: set "
                                     "$NEWSPRISM_TOKEN")
    result = runner.invoke(app, ["serve", "--db", db, "--reads", "everyone"])
    assert result.exit_code == 2
    assert "--reads 'everyone': input should be 'open' or 'token' (setting [serve] reads)" \
        in result.stderr
