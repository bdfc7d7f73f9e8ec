"""``summarizer incidents evaluate FOLDER --gold``: the main incident of whole articles against coded gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import main
from summarizer.errors import InputError
from summarizer.incidents.article_gold import BEST, MAIN, evaluate_articles, read_article_gold

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"
GOLD = ROOT / "tests" / "data" / "wikinews_incident_gold.json"

CODED: dict[str, Any] = {
    "event_date": "2020-05-03",
    "country": "Mali",
    "admin1": "Kidal",
    "location": "Kidal",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Remote explosive/landmine/IED",
    "actor1": "Unidentified Armed Group (Mali)",
    "actor2": "Military Forces of Mali",
    "fatalities": 2,
}


def write_folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "attack.md").write_text(
        "---\ntitle: Bomb kills two soldiers in Mali\npublished: 2020-05-05\n---\n\n"
        "On Sunday, an IED exploded near Kidal in Mali, killing two soldiers.\n",
        encoding="utf-8",
    )
    (folder / "diary.md").write_text(
        "---\ntitle: Diary\npublished: 2020-05-05\n---\n\nA month of news.\n", encoding="utf-8"
    )
    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps(
            {
                "articles": {
                    "attack.md": {"main_incident": {**CODED, "actor2": "Military Forces of Niger"}},
                    "diary.md": {"excluded": "no single incident"},
                }
            }
        ),
        encoding="utf-8",
    )
    return folder, gold


def test_excluded_articles_are_left_out_and_bad_codings_named(tmp_path: Path) -> None:
    _, gold = write_folder(tmp_path)
    assert set(read_article_gold(gold)) == {"attack.md"}
    bad = tmp_path / "bad.json"
    coding = {"articles": {"x.md": {"main_incident": {"country": "Mali"}}}}
    bad.write_text(json.dumps(coding), encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.md: needs a main_incident with an event_date"):
        read_article_gold(bad)
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="needs an 'articles' object"):
        read_article_gold(bad)


def test_the_first_incident_is_judged_field_by_field(tmp_path: Path) -> None:
    folder, gold = write_folder(tmp_path)
    heard: list[str] = []
    tallies = evaluate_articles(str(folder), read_article_gold(gold), lambda miss: heard.append(miss.field))
    main_tally = tallies[MAIN].to_dict()
    assert main_tally["rows"] == 1
    assert main_tally["fields"]["event_date"]["accuracy"] == 100.0
    assert main_tally["fields"]["country"]["accuracy"] == 100.0
    assert main_tally["fields"]["actor2"]["accuracy"] == 0.0
    assert "actor2" in heard
    assert tallies[BEST].rows == 1


def test_check_articles_are_tallied_apart_from_the_tuning_ones(tmp_path: Path) -> None:
    folder, gold = write_folder(tmp_path)
    assert set(evaluate_articles(str(folder), read_article_gold(gold))) == {MAIN, BEST}
    (folder / "raid.md").write_text(
        "---\ntitle: Gunmen kill villager in Mali\npublished: 2020-05-05\n---\n\n"
        "On Monday, gunmen shot dead a villager in Gao, Mali.\n",
        encoding="utf-8",
    )
    coding = json.loads(gold.read_text(encoding="utf-8"))
    coding["articles"]["raid.md"] = {"split": "check", "main_incident": {**CODED, "event_date": "2020-05-04"}}
    gold.write_text(json.dumps(coding), encoding="utf-8")
    tallies = evaluate_articles(str(folder), read_article_gold(gold))
    assert (tallies[MAIN].rows, tallies["tune"].rows, tallies["check"].rows) == (2, 1, 1)
    assert tallies["check"].to_dict()["fields"]["event_date"]["accuracy"] == 100.0
    coding["articles"]["raid.md"]["split"] = "test"
    gold.write_text(json.dumps(coding), encoding="utf-8")
    with pytest.raises(InputError, match=r"raid\.md: split must be one of tune, check"):
        read_article_gold(gold)


def test_a_coded_article_missing_from_the_folder_is_an_error(tmp_path: Path) -> None:
    folder, gold = write_folder(tmp_path)
    (folder / "attack.md").unlink()
    with pytest.raises(InputError, match="1 coded article"):
        evaluate_articles(str(folder), read_article_gold(gold))


def test_command_prints_main_and_best_columns_and_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, gold = write_folder(tmp_path)
    code = main(["incidents", "evaluate", str(folder), "--gold", str(gold), "--misses", "actor2"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("attack.md actor2: gold 'Military Forces of Niger'")
    assert out.splitlines()[1].split() == ["field", "main", "best"]
    code = main(["incidents", "evaluate", str(folder), "--gold", str(gold), "--half", "tune"])
    assert code == 2
    assert "--half only goes with a JSONL file" in capsys.readouterr().err


def test_every_wikinews_conflict_article_is_coded_or_excluded_with_evidence() -> None:
    labels_file = ROOT / "tests" / "data" / "wikinews_conflict_labels.json"
    labels = json.loads(labels_file.read_text(encoding="utf-8"))
    articles = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    assert set(articles) == {name for name, label in labels.items() if label["conflict"]}
    for coding in articles.values():
        assert coding.get("excluded") or coding["main_incident"]["evidence"]


def test_wikinews_main_incidents_score_above_floors(capsys: pytest.CaptureFixture[str]) -> None:
    if not WIKINEWS.is_dir():
        pytest.skip(f"{WIKINEWS} is not available: the full-article accuracy floors were not checked")
    code = main(["incidents", "evaluate", str(WIKINEWS), "--gold", str(GOLD), "--format", "json"])
    assert code == 0
    fields = json.loads(capsys.readouterr().out)["tune"]["fields"]
    # a few points under what the extractor scores on the 27 tuning articles, so a regression fails
    floors = {
        "event_date": 92,
        "country": 92,
        "admin1": 70,
        "location": 81,
        "event_type": 81,
        "sub_event_type": 74,
        "actor1": 62,
        "actor2": 48,
        "fatalities": 59,
    }
    for name, floor in floors.items():
        assert fields[name]["accuracy"] >= floor, (name, fields[name])
