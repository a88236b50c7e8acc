"""The coder measured on news snippets labelled with ACLED sub-event types (the CASE 2021 layout)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from services.cli import app
from services.evaluation.data import TypedSnippet, load_typed_snippets
from services.evaluation.extract import NEWSFLOW, TRIGGERS
from services.evaluation.typed import NO_EVENT, PLOVER_TYPES, evaluate_typed

runner = CliRunner()
# Snippets written for these tests, one per line as the CASE 2021 test set lays them out.
SNIPPETS = [
    ("1", "Police arrested twelve protesters in Nairobi, Kenya, on Monday.", "ARREST"),
    ("2", "Israeli warplanes struck a house in Gaza, killing three people.", "AIR_STRIKE"),
    ("3", "Thousands of teachers marched peacefully through Lagos, Nigeria, to demand higher pay.", "PEACE_PROTEST"),
    ("4", "A minister of the cabinet reshuffle was named on Friday.", "CHANGE_TO_GROUP_ACT"),
    ("5", "An earthquake struck the coast of Chile on Tuesday, and no one was hurt.", "NATURAL_DISASTER"),
    ("6", "A fire broke out in a warehouse, and the building was destroyed.", "MAN_MADE_DISASTER"),
]


def _write(path: Path, rows) -> Path:
    path.write_text("id\tEventSnippet\tSubType\n" + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_every_acled_label_is_mapped_to_plover_types_or_to_no_event() -> None:
    types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
             "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}  # fmt: skip
    assert all(covering and covering <= types for covering in PLOVER_TYPES.values())
    assert not NO_EVENT & PLOVER_TYPES.keys()


def test_a_snippet_is_found_when_an_asserted_event_has_a_type_its_label_covers() -> None:
    figures = evaluate_typed([TypedSnippet(*row) for row in SNIPPETS])
    coder = figures[NEWSFLOW]
    assert coder["snippets"] == 3  # the reshuffle and the disasters have no PLOVER type
    assert coder["by_label"]["ARREST"] == {"snippets": 1, "type_recall": 1.0}
    assert coder["by_label"]["AIR_STRIKE"] == {"snippets": 1, "type_recall": 1.0}
    assert coder["by_label"]["PEACE_PROTEST"] == {"snippets": 1, "type_recall": 1.0}
    assert coder["type_recall"] == 1.0
    # the trigger words alone read "struck" and "destroyed" as attacks: the disasters are not quiet for them
    assert coder["disasters"] == 2 and coder["disasters_quiet"] == 1.0
    assert figures[TRIGGERS]["disasters_quiet"] < 1.0


def test_eval_extract_on_typed_snippets(tmp_path: Path) -> None:
    snippets = _write(tmp_path / "snippets.tsv", SNIPPETS)
    out = tmp_path / "figures.json"
    arguments = ["eval", "extract", "--typed", str(snippets), "--json", str(out)]
    result = runner.invoke(app, arguments, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "snippets labelled by event type" in result.output and "type recall per label" in result.output
    figures = json.loads(out.read_text())["extract_typed"]
    assert figures[NEWSFLOW]["type_recall"] == 1.0


def test_eval_typed_without_snippets_or_for_another_stage_says_what_to_do(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["eval", "extract", "--typed", str(tmp_path / "elsewhere.tsv")])
    assert missing.exit_code == 1 and "no file" in missing.output and "Traceback" not in missing.output
    headless = tmp_path / "headless.tsv"
    headless.write_text("1\tPolice arrested a man.\tARREST\n", encoding="utf-8")
    no_header = runner.invoke(app, ["eval", "extract", "--typed", str(headless)])
    assert no_header.exit_code == 1 and "EventSnippet" in no_header.output and "Traceback" not in no_header.output
    snippets = _write(tmp_path / "snippets.tsv", SNIPPETS[:1])
    other_stage = runner.invoke(app, ["eval", "clean", "--typed", str(snippets)])
    assert other_stage.exit_code == 1 and "extract stage alone" in other_stage.output
    both = runner.invoke(app, ["eval", "--typed", str(snippets), "--plain", str(tmp_path)])
    assert both.exit_code == 1 and "give one of them" in both.output


def test_a_byte_order_mark_and_blank_lines_do_not_hide_the_header_or_add_snippets(tmp_path: Path) -> None:
    path = tmp_path / "snippets.tsv"
    path.write_bytes(b"\xef\xbb\xbfid\tEventSnippet\tSubType\n1\tPolice arrested a man in Lagos, Nigeria.\tARREST\n\n")
    snippets = load_typed_snippets(path)
    assert snippets == [TypedSnippet("1", "Police arrested a man in Lagos, Nigeria.", "ARREST")]


def test_snippets_are_read_as_the_clean_stage_hands_text_on(tmp_path: Path) -> None:
    path = tmp_path / "snippets.tsv"
    path.write_text("id\tEventSnippet\tSubType\n1\tThe army took \x93control\x94 of the town.\tGOV_REGAINS_TERIT\n")
    (snippet,) = load_typed_snippets(path)
    assert snippet.text == "The army took \u201ccontrol\u201d of the town."


# Events written for these tests in the layout of an ACLED export: notes, event types and actors as ACLED names them.
ACLED_HEADER = "data_id,event_id_cnty,event_type,sub_event_type,actor1,actor2,notes\n"
ACLED_ROWS = (
    '1,KEN1,Protests,Peaceful protest,Protesters (Kenya),,"Kenyan teachers marched through Nairobi to demand pay."\n'
    "2,SOM2,Battles,Armed clash,Military Forces of Somalia (2012-),Military Forces of Ethiopia (1991-),"
    '"Somali troops clashed with Ethiopian soldiers near the border."\n'
    "3,NGA3,Battles,Armed clash,Military Forces of Nigeria (2015-),Boko Haram,"
    '"Nigerian troops fought Boko Haram fighters near Maiduguri."\n'
    "4,LBY4,Remote violence,,Military Forces of the United States,Islamic State (Sirte),"
    '"US jets bombed Islamic State positions in Sirte."\n'
)


def test_an_acled_export_gives_labels_and_the_countries_of_its_actors(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_HEADER + ACLED_ROWS, encoding="utf-8")
    protest, clash, fight, strike = load_typed_snippets(path)
    assert (protest.label, protest.source, protest.target, protest.one_sided) == ("PEACE_PROTEST", "KEN", None, True)
    assert (clash.label, clash.source, clash.target) == ("ARMED_CLASH", "SOM", "ETH")
    assert (fight.source, fight.target, fight.one_sided) == ("NGA", None, False)  # a named group gives no country
    assert (strike.label, strike.source) == ("REMOTE_VIOLENCE", "USA")  # an event type from before sub-event types


def test_a_dyad_is_found_when_an_event_of_a_covering_type_names_both_sides_countries(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_HEADER + ACLED_ROWS, encoding="utf-8")
    figures = evaluate_typed(load_typed_snippets(path))[NEWSFLOW]
    # the protest (one side, whose country is named) and the clash (both sides, in either order); the fight's other
    # side and the strike's target have no country in their names, so neither has a dyad to find
    assert figures["dyads"] == 2
    assert figures["dyad_recall"] == 1.0


def test_dyads_are_also_counted_among_the_snippets_that_name_their_sides_countries(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    rows = (
        '5,KEN5,Protests,Peaceful protest,Protesters (Kenya),,"Traders marched in Mombasa against new taxes."\n'
        "6,SDN6,Battles,Armed clash,Military Forces of Sudan (2019-),Military Forces of Sudan (2019-),"
        '"Soldiers clashed with soldiers in Deribat."\n'
    )
    path.write_text(ACLED_HEADER + rows, encoding="utf-8")
    figures = evaluate_typed(load_typed_snippets(path))[NEWSFLOW]
    # Mombasa is Kenya's; no word of the clash's note names Sudan
    assert (figures["dyads"], figures["dyads_named"]) == (2, 1)
    assert figures["dyad_recall_named"] == 1.0
