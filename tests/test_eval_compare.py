"""`newsprism eval compare`: scoring claims and quotes against gold judgments, the gold loader's
stale-line check, the ECB detokeniser, and the CLI's exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.evaluate.compare import (
    Gold,
    GoldPair,
    GoldQuote,
    description_head,
    load_gold,
    quote_candidates,
    said_by,
    same_speaker,
    score_briefing,
    span_sha,
)
from newsprism.evaluate.compare_clusters import detokenise
from newsprism.model import Article, Briefing, Claim, Quote, Span

A = Article("a", "The ferry sank on Monday. Nine crew were rescued. The captain resigned.")
B = Article("b", "A ferry went down Monday. The owner blamed the weather. The captain quit.")


def span(article: Article, sentence: int) -> Span:
    start = 0
    for _ in range(sentence):
        start = article.text.index(". ", start) + 2
    end = article.text.find(".", start) + 1
    return Span(article.id, start, end, article.text[start:end])


def at(s: Span, shift: int = 0) -> tuple[str, int, int]:
    return (s.doc, s.start + shift, s.end)


def claim(status: str, *support: Span) -> Claim:
    return Claim(f"c-{status}-{support[0].start}", status, support[0].text, support,  # type: ignore[arg-type]
                 len({s.doc for s in support}))


def test_a_corroboration_of_different_facts_is_wrong_and_an_unjudged_one_is_reported() -> None:
    sank, rescued, resigned = span(A, 0), span(A, 1), span(A, 2)
    went_down, blamed, quit = span(B, 0), span(B, 1), span(B, 2)
    gold = Gold(pairs=[GoldPair(at(sank, shift=4), at(went_down), "same"),  # shifted: still matches
                       GoldPair(at(rescued), at(blamed), "different"),
                       GoldPair(at(resigned), at(quit), "same"),
                       GoldPair(at(resigned), at(blamed), "different")])
    briefing = Briefing(claims=(claim("corroborated", sank, went_down),
                                claim("corroborated", rescued, blamed),
                                claim("corroborated", resigned, blamed),  # the wrong partner
                                claim("corroborated", span(B, 2), span(A, 0))))  # not judged
    verdicts: list[dict] = []
    tally = score_briefing(briefing, gold, verdicts)
    assert tally.right == {"corroborated": 1}
    assert tally.wrong == {"corroborated": 2}
    assert tally.unjudged == {"corroborated": 1} and tally.unjudged_pairs == 1
    assert (tally.shown, tally.gold) == ({"same": 1}, {"same": 2, "different": 2})
    assert [v["verdict"] for v in verdicts if "verdict" in v] == [
        "right", "wrong", "wrong", "unjudged"]
    assert [v["missed"] for v in verdicts if "missed" in v] == ["same"]


def test_one_outlets_reports_are_left_out_of_same_fact_recall() -> None:
    first, second = Article("w1", A.text, outlet="Wire"), Article("w2", B.text, outlet="Wire")
    gold = Gold(pairs=[GoldPair(("w1", 0, 25), ("w2", 0, 25), "same"),
                       GoldPair(("w1", 0, 25), ("w2", 0, 25), "development")])
    tally = score_briefing(Briefing(documents=(first, second)), gold, [])
    assert tally.gold == {"development": 1}


def test_a_change_over_time_is_right_as_a_development_and_wrong_as_a_contradiction() -> None:
    gold = Gold(pairs=[GoldPair(at(span(A, 2)), at(span(B, 2)), "development")])
    for status, verdict in (("contradicted", "wrong"), ("developing", "right")):
        verdicts: list[dict] = []
        tally = score_briefing(Briefing(claims=(claim(status, span(A, 2), span(B, 2)),)), gold,
                               verdicts)
        assert verdicts[0]["verdict"] == verdict
        assert tally.shown == ({"development": 1} if status == "developing" else {})
        # the cluster counts once among the clusters with a change, whatever its pairs
        assert (tally.changing_clusters, tally.changing_clusters_shown) == (
            1, int(status == "developing"))


def test_quote_recall_is_counted_by_style_and_speakers_match_by_surname() -> None:
    text = "``We will rebuild,'' Tim Fanning said. He added: “Nobody was hurt.” and ‘calm’"
    article = Article("q", text)
    found = {style: (doc, start, end) for (doc, start, end), style in quote_candidates(article)}
    assert set(found) == {"backtick", "curly", "single"}
    assert text[found["backtick"][1]:found["backtick"][2]] == "We will rebuild,"
    curly = found["curly"]
    gold = Gold(quotes=[GoldQuote(found["backtick"], "Tim Fanning", "backtick"),
                        GoldQuote(curly, "Tim Fanning", "curly"),
                        GoldQuote(found["single"], None, "single")])
    said = Quote("q", curly[1], curly[2] - 1, text[curly[1]:curly[2] - 1], speaker="fanning")
    tally = score_briefing(Briefing(quotes=(said,)), gold, [])
    assert tally.quotes == {"backtick": 1, "curly": 1, "single": 1}
    assert tally.quotes_found == {"curly": 1}
    assert (tally.speakers_right, tally.speakers) == (1, 1)


def test_a_speaker_of_the_same_family_or_a_body_named_alike_is_not_the_speaker() -> None:
    assert same_speaker("George W. Bush", "George Bush") and same_speaker("Tim Fanning", "Fanning")
    assert same_speaker("Yvo de Boer", "De Boer") and same_speaker("Zhang Yimou",
                                                                   "Filmmaker Zhang Yimou")
    assert not same_speaker("Eden Sassoon", "Vidal Sassoon")
    assert not same_speaker("South African National Parks Service", "Kenya Wildlife Service")
    assert same_speaker("UN", "United Nations") and same_speaker("Federal Bureau of "
                                                                 "Investigation", "F.B.I.")
    assert not same_speaker("UN", "United States") and not same_speaker("Un", "Umar Nasser")


def test_a_name_with_its_nickname_is_the_nickname_or_the_name() -> None:
    assert same_speaker('Lola "Sparks" Brandt', "Sparks")
    assert same_speaker("Sparks", "Lola “Sparks” Brandt")
    assert same_speaker("Lola “Sparks” Brandt", "Lola Brandt")
    assert not same_speaker("Lola “Sparks” Brandt", "Tina “Blaze” Morrow")
    assert not same_speaker("Lola “Sparks” Brandt", "Blaze")


def test_gold_lines_whose_texts_changed_are_reported_stale(tmp_path: Path) -> None:
    sank, went_down = span(A, 0), span(B, 0)
    good = {"kind": "pair", "a": list(at(sank)), "b": list(at(went_down)), "label": "same",
            "why": "one sinking", "sha": span_sha([sank.text, went_down.text])}
    lines = [good, {**good, "sha": "00000000"}, {**good, "b": ["b", 0, 999]},
             {**good, "a": ["elsewhere", 0, 3], "b": ["elsewhere", 4, 9]}]  # another cluster's
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    gold = load_gold(tmp_path, {"a": A, "b": B})
    assert gold.pairs == [GoldPair(at(sank), at(went_down), "same")]
    assert len(gold.stale) == 2 and all("stale" in s for s in gold.stale)


def test_detokenise_writes_ecb_tokens_as_archive_text() -> None:
    tokens = "`` We ca n't say , '' the mayor 's aide ( a lawyer ) told AP ."
    assert detokenise(tokens) == "``We can't say,'' the mayor's aide (a lawyer) told AP."


TEXT_1 = ("A storm closed the port of Dunmore on Tuesday, officials said. "
          "``We expect to reopen on Friday,'' harbour master Ines Roth said.")
TEXT_2 = ("The port of Dunmore was shut by a storm on Tuesday, according to officials. "
          "Roth said the port would reopen on Friday.")


def _cluster_files(tmp_path: Path, sha: str | None = None) -> tuple[Path, Path]:
    cluster = {"cluster": "storm", "corpus": "test", "half": "heldout", "articles": [
        {"id": "t.1", "title": "Storm shuts port", "text": TEXT_1, "date": "2024-01-02"},
        {"id": "t.2", "title": "Port shut", "text": TEXT_2, "date": "2024-01-02"}]}
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text(json.dumps(cluster) + "\n")
    a_end, b_end = TEXT_1.index(".") + 1, TEXT_2.index(".") + 1
    start, end = TEXT_1.index("``") + 2, TEXT_1.index(",''")
    gold = tmp_path / "gold"
    gold.mkdir()
    lines = [{"kind": "pair", "a": ["t.1", 0, a_end], "b": ["t.2", 0, b_end], "label": "same",
              "why": "storm shut the port", "sha": sha or span_sha([TEXT_1[:a_end],
                                                                   TEXT_2[:b_end]])},
             {"kind": "quote", "doc": "t.1", "start": start, "end": end, "speaker": "Ines Roth",
              "style": "backtick", "sha": span_sha([TEXT_1[start:end]])}]
    (gold / "test-storm.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    return clusters, gold


@pytest.mark.parametrize(("half", "sha", "code"), [("heldout", None, 0), ("all", "00000000", 1),
                                                   ("later", None, 2)])
def test_eval_compare_cli_exit_codes(tmp_path: Path, half: str, sha: str | None,
                                     code: int) -> None:
    clusters, gold = _cluster_files(tmp_path, sha)
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["eval", "compare", str(clusters), "--gold", str(gold),
                                      "--half", half, "--out", str(out)])
    assert result.exit_code == code, result.output
    if code == 0:
        assert "heldout" in result.output and "Quote recall" in result.output
        assert out.exists()
    if code == 1:
        assert "stale" in result.output


def test_a_name_spelt_with_or_without_a_space_is_one_speaker() -> None:
    assert same_speaker("Vincent DelGiudice", "Vincent Del Giudice")
    assert not same_speaker("Vincent DelGiudice", "Vincent Giudice")


def test_a_described_speaker_matches_a_gold_description_by_its_head_noun() -> None:
    def described(words: str) -> Quote:
        return Quote("q", 0, 9, "We saw it", speaker_description=Span("q", 20, 20 + len(words),
                                                                          words))
    assert said_by("Western diplomat", described("a senior Western diplomat"))
    assert said_by("juror", described("one of the jurors"))
    assert said_by("source", described("a source with knowledge of the talks"))
    assert said_by("officials", described("U.S. officials"))
    # A description is no name, and a name is matched as a name.
    assert not said_by("Waitrose", described("a spokesman for Waitrose"))
    assert not said_by("resident", described("a hospital official"))
    assert said_by("Tim Fanning", Quote("q", 0, 9, "We saw it", speaker="Fanning"))
    assert description_head("Janet Tessier's mother") == "mother"
