"""The clean stage: seeds kept and stripped paragraph by paragraph, bad input, metadata, the CLI and the eval set."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from services.clean import (
    MAX_TEXT_CHARS,
    CleanResult,
    DroppedSpan,
    UnusableDocument,
    clean_document,
    decode_document,
)
from services.clean.html import MAX_ELEMENTS, MAX_HTML_CHARS
from services.clean.step import clean_step
from services.clean.text import strip_furniture
from services.cli import app
from services.dates import parse_date
from services.models import Article
from services.status import Status
from tests.data.clean.evaluate import bare_trafilatura, load_pages, newsflow, score, trafilatura_only

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
EVAL = ROOT / "tests" / "data" / "clean"


def clean_seed(prefix: str) -> CleanResult:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return clean_document(path.read_bytes(), content_type="text/plain")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


# Seeds: each one's kept text is written out in tests/data/clean/text/seed-NNN.expected.txt, decided paragraph by
# paragraph; the tests below also name the furniture that must be gone, so a failure says what leaked.
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_keeps_exactly_the_reporting(prefix):
    expected = (EVAL / "text" / f"seed-{prefix}.expected.txt").read_text(encoding="utf-8")
    assert paragraphs(clean_seed(prefix).text) == paragraphs(expected)


def test_seed_000_byline_copyright_and_other_headlines():
    result = clean_seed("000")
    assert result.author == "Stefan J. Bos"
    assert result.text.startswith("MOSCOW/BUDAPEST (Worthy News) – Russia evacuated part of its embassy staff")
    assert result.text.endswith("Europe’s bloodiest armed conflict since World War Two.")
    assert "LEAVING SYRIA" in result.text  # a subhead of the article, not a list header
    for furniture in (
        "By Stefan J. Bos",
        "Copyright 1999-2026",
        "Latest News from Worthy News",
        "Saudi Arabia",
        "Zelenskyy",
        "Netanyahu",
        "Homeland Security",
        "aircraft carrier",
        "midterm",
        "Kenya",
    ):
        assert furniture not in result.text
    reasons = {span.reason for span in result.dropped}
    assert {"byline (kept as the author)", "copyright or reproduction notice"} <= reasons
    saudi = next(span for span in result.dropped if span.text.startswith("Saudi Arabia"))
    assert saudi.reason == "listed under “Latest News from Worthy News”"


def test_seed_001_snippet_page_loses_promo_cut_off_teaser_and_view_on_link():
    result = clean_seed("001")
    assert "newsletter" not in result.text
    assert "Roula Khalaf" not in result.text
    assert "Hezbollah leader Naim Qassem has" not in result.text
    assert "granted the ousted Syrian leader asylum last weekend" in result.text
    assert result.text.endswith("says his departure was unplanned.")
    assert "View on euronews" in [span.text for span in result.dropped]
    assert len(paragraphs(result.text)) == 11


def test_seed_002_read_next_list_and_comment_prompts():
    result = clean_seed("002")
    assert len(paragraphs(result.text)) == 4
    assert result.text.endswith("continuing efforts against international terrorism.")
    for furniture in (
        "Read next",
        "01:28",
        "al-Sharaa",
        "Türkiye - Russia",
        "Brussels",
        "Hezbollah",
        "What is your opinion",
        "Leave the first comment",
    ):
        assert furniture not in result.text


def test_seed_003_leading_date_line_becomes_the_publication_date():
    result = clean_seed("003")
    assert result.published == datetime(2024, 12, 20, tzinfo=UTC)
    assert (result.published_precision, result.published_source) == ("day", "text")
    assert result.text.startswith("The Russian Ministry of Foreign Affairs has announced")
    assert "2024-12-20" not in result.text
    assert len(paragraphs(result.text)) == 8


def test_seed_004_headline_bio_and_recent_posts():
    result = clean_seed("004")
    assert result.title == "Russia withdraws its troops from Syria despite efforts to reach a deal with new authorities"
    assert result.author == "Ihor Petrenko"
    assert result.text.startswith("Satellite images show that Russia has begun to withdraw its troops from Syria.")
    assert result.text.endswith("just as the Kremlin had betrayed him.")
    for furniture in (
        "I'm a passionate journalist",
        "Recent Posts",
        "Kaliningrad",
        "Lithuania",
        "days ago",
        "1 week ago",
        "Ihor Petrenko",
    ):
        assert furniture not in result.text
    for subhead in (
        "Satellite images from Maxar show Russian military preparing to leave",
        "Russia was close to a deal with the new Syrian leadership",
    ):
        assert subhead in paragraphs(result.text)


def test_seeds_have_no_publication_date_unless_they_state_one():
    # The ingest time is never a fallback: an unknown date stays unknown.
    for prefix in ("000", "001", "002", "004"):
        result = clean_seed(prefix)
        assert (result.published, result.published_precision, result.published_source) == (None, None, None)


def test_seeds_are_english():
    assert {clean_seed(prefix).language for prefix in ("000", "001", "002", "003", "004")} == {"en"}


# Bylines, date lines and dates.
@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Stefan J. Bos, Chief International Correspondent Worthy News", "Stefan J. Bos"),
        ("BY SAMUEL MWANGI", "Samuel Mwangi"),
        ("Written by Kevin O'Brien", "Kevin O'Brien"),
        ("Peter Alvarez, Americas correspondent", "Peter Alvarez"),
        ("By Laura Mendez | 29 March 2021", "Laura Mendez"),
    ],
)
def test_byline_is_kept_as_author_and_removed_from_text(line, author):
    body = "The council voted on Tuesday to approve the new budget after a debate that lasted several hours."
    stripped = strip_furniture(f"{line}\n{body}\n{body}")
    assert stripped.author == author
    assert stripped.text == f"{body}\n\n{body}"
    assert stripped.dropped[0].text == line


@pytest.mark.parametrize(
    ("line", "published", "precision"),
    [
        ("14 October 2010", datetime(2010, 10, 14, tzinfo=UTC), "day"),
        ("Published: 2018-08-08", datetime(2018, 8, 8, tzinfo=UTC), "day"),
        ("8 August 2018 | 09:52 GMT", datetime(2018, 8, 8, 9, 52, tzinfo=UTC), "time"),
        ("Oct. 14, 2010", datetime(2010, 10, 14, tzinfo=UTC), "day"),
        ("Updated 14 October 2010", None, None),  # an update time is not the publication date
        # A stamp's clock time and zone are part of it; without a known zone the time is not trusted.
        ("July 25, 2005, 12:18 AM ET", datetime(2005, 7, 25, tzinfo=UTC), "day"),
        ("8:44AM BST 16 Sep 2013", datetime(2013, 9, 16, tzinfo=UTC), "day"),
        ("Posted on January 5, 2011, 3:37 PM EDT", datetime(2011, 1, 5, tzinfo=UTC), "day"),
        ("Published time: March 12, 2013 02:03", datetime(2013, 3, 12, tzinfo=UTC), "day"),
        # The update label names the time after it; the date before it is the day the story was published.
        ("16 September 2013 Last updated at 12:42 GMT", datetime(2013, 9, 16, tzinfo=UTC), "day"),
    ],
)
def test_leading_date_line(line, published, precision):
    body = "The council voted on Tuesday to approve the new budget after a debate that lasted several hours."
    result = clean_document(f"{line}\n{body}".encode(), content_type="text/plain")
    assert result.text == body
    assert result.published == published
    assert result.published_precision == precision
    assert result.published_source == ("text" if published else None)


def test_a_stamp_below_a_headline_written_as_a_sentence_is_the_publication_date():
    headline = "Ferry crews walked off the job at dawn, leaving island commuters stranded at both terminals."
    body = "The council voted on Tuesday to approve the new budget after a debate that lasted several hours."
    result = clean_document(f"{headline}\nPosted: May 24, 2005\n{body}".encode(), content_type="text/plain")
    assert result.published == datetime(2005, 5, 24, tzinfo=UTC)
    assert "May 24" not in result.text


def test_a_date_stamp_far_below_the_head_dates_something_else():
    body = "The council voted on Tuesday to approve the new budget after a debate that lasted several hours."
    text = "\n".join([body] * 7 + ["Posted: May 24, 2005", body])
    assert clean_document(text.encode(), content_type="text/plain").published is None


def test_date_given_at_ingest_wins_and_says_so():
    raw = b"14 October 2010\nThe council voted on Tuesday to approve the new budget after a long debate."
    result = clean_document(raw, content_type="text/plain", given={"published": "2010-10-15"})
    assert (result.published, result.published_source) == (datetime(2010, 10, 15, tzinfo=UTC), "ingest")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-03-29T07:00:00Z", (datetime(2021, 3, 29, 7, tzinfo=UTC), "time")),
        ("March 3, 2021", (datetime(2021, 3, 3, tzinfo=UTC), "day")),
        ("Tue, 10 Jun 2003 04:00:00 GMT", (datetime(2003, 6, 10, 4, tzinfo=UTC), "time")),
        ("June 2021", (datetime(2021, 6, 1, tzinfo=UTC), "month")),
        ("Monday", None),  # dateutil would fill in this week's Monday: a date the article never gave
        ("3", None),
    ],
)
def test_parse_date_never_fills_in_today(text, expected):
    parsed = parse_date(text)
    assert (parsed.value, parsed.precision) == expected if expected else parsed is None


def test_html_metadata():
    page = EVAL / "html" / "bridge-collapse-magazine.html"
    result = clean_document(page.read_bytes(), content_type="text/html")
    assert result.title == "Highway bridge collapses in Genoa, killing dozens"
    assert result.author == "Marco Ferri"
    assert result.published == datetime(2018, 8, 14, 9, 30, tzinfo=UTC)
    assert (result.published_precision, result.published_source) == ("time", "html")
    assert result.site_name == "Horizon Magazine"
    assert result.url == "https://www.horizonmagazine.example/europe/bridge-collapse"
    assert result.language == "en"
    assert "You may also like" not in result.text
    assert "Health officials begin Ebola vaccinations" not in result.text


def test_non_english_article_is_cleaned_and_marked():
    page = EVAL / "html" / "sequia-espana-portal.html"
    result = clean_document(page.read_bytes(), content_type="text/html")
    assert result.language == "es"
    assert result.text.startswith("El Gobierno de Cataluña declaró")


def test_subheads_and_sentences_that_mention_furniture_words_stay():
    text = (
        "The court ruled on Thursday that the foundation infringed the photographer's copyright in a 1981 image.\n\n"
        "More troops deployed\n\n"
        "The ministry said more soldiers had been sent to the border region on Wednesday night, officials said.\n\n"
        "The company declined to comment.\n\n"
        "Other countries react\n\n"
        "Several governments said they were following the situation closely and called for calm on all sides."
    )
    stripped = strip_furniture(text)
    assert stripped.text == text
    assert stripped.dropped == []


CYCLE_LANES = (
    "<html><head><title>Council approves cycle lanes</title></head><body><article><h1>Council approves cycle lanes</h1>"
    "<p>The council approved the new cycle lanes on Tuesday after a long debate about parking on the high street.</p>"
    "<p>Shop owners had argued for months that the lanes would cost them customers. {end}</p>"
    "<p>The first lanes will be painted in the spring, and the council will review them after a year of use.</p>"
    "</article></body></html>"
)


def test_a_paragraph_ending_in_the_writers_own_ellipsis_is_kept_and_a_linked_teaser_is_not():
    own = "But the figures told another story..."
    kept = clean_document(CYCLE_LANES.format(end=own).encode(), content_type="text/html")
    assert own in kept.text
    teaser = "Mayor opens the new bridge to traffic after..."
    linked = f'<a href="/news/bridge">{teaser}</a>'
    trimmed = clean_document(CYCLE_LANES.format(end=linked).encode(), content_type="text/html")
    assert teaser not in trimmed.text
    assert DroppedSpan(teaser, "teaser cut off mid-sentence") in trimmed.dropped
    assert "would cost them customers." in trimmed.text


def test_a_plain_lead_cut_off_with_an_ellipsis_is_the_articles_own_text():
    # A feed's summary or a wire lead shortened by its sender: the only paragraph, split at abbreviations
    brief = "ST. PAUL - The county board approved the budget of Rep. Jane Moss, D-Minn., on Monday after a long..."
    result = clean_document(brief.encode(), content_type="text/plain")
    assert result.text == brief
    assert result.dropped == []
    lead = f"{brief}\n\nCity Hall said the vote was the first of three planned for the year."
    assert clean_document(lead.encode(), content_type="text/plain").text == lead


def test_a_call_to_sign_up_closing_a_lead_goes_and_the_lead_stays():
    lead = "LONDON (Wire) -- The harbour board approved a second ferry line to the islands on Tuesday."
    promo = "Sign up here to receive our Weekly Digest newsletter!"
    result = clean_document(f"{lead} Free! {promo}".encode(), content_type="text/plain")
    assert result.text == lead
    assert DroppedSpan(f"Free! {promo}", "newsletter or subscription promo") in result.dropped


def test_a_report_credited_to_a_publication_named_register_is_no_promo():
    text = "The university is building phones that learn their owners' daily habits, reports The Register."
    assert clean_document(text.encode(), content_type="text/plain").text == text


def test_a_cut_off_sentence_after_the_lead_of_a_plain_text_is_still_a_teaser():
    text = (
        "The council approved the new cycle lanes on Tuesday after a long debate about parking.\n\n"
        "Shop owners had argued for months that the lanes would cost them customers. Mayor opens the new bridge to..."
    )
    result = clean_document(text.encode(), content_type="text/plain")
    assert DroppedSpan("Mayor opens the new bridge to...", "teaser cut off mid-sentence") in result.dropped
    assert "would cost them customers." in result.text


def test_on_a_page_a_line_that_starts_like_a_share_bar_but_says_more_goes_only_if_linked():
    body = (
        "We walked the whole coast path in three days and the weather held until the very last afternoon.\n\n"
        "The ferry back was late, but the harbour cafe kept its kitchen open for the stranded walkers.\n\n"
        "x Anna\n\n"
        "Share this post: Facebook | X | Email"
    )
    unlinked = strip_furniture(body, links=frozenset())
    assert unlinked.text.endswith("stranded walkers.\n\nx Anna")
    assert unlinked.dropped == [DroppedSpan("Share this post: Facebook | X | Email", "share or follow links")]
    linked = strip_furniture(body, links=frozenset({"Anna"}))
    assert DroppedSpan("x Anna", "share or follow links") in linked.dropped


@pytest.mark.parametrize(
    ("label", "links", "dropped"),
    [
        ("Slowly, then suddenly", frozenset(), False),  # the article's kicker, which the page does not link
        ("World", frozenset({"World"}), True),  # a section label: the page links it to its section
        ("World", None, True),  # plain text has no links: the shape decides
    ],
)
def test_a_short_line_above_the_headline_is_a_section_label_only_if_a_page_links_it(label, links, dropped):
    headline = "City council votes to pedestrianise the old market square"
    text = (
        f"{label}\n\n{headline}\n\n"
        "The council voted on Tuesday to close the old market square to cars from next spring, after two years.\n\n"
        "Traders said they feared losing passing trade, while residents welcomed the quieter streets."
    )
    stripped = strip_furniture(text, title=headline, links=links)
    assert (DroppedSpan(label, "section label") in stripped.dropped) is dropped
    assert stripped.text.startswith(label) is not dropped
    assert stripped.title == headline


def test_a_separator_goes_and_a_wire_credit_stays():
    # A credit line is the article's own attribution, as the real-page gold counts it, not the page's furniture.
    body = "The Senate voted on Thursday to approve the bill, sending it to the House for a final vote."
    credit = "Associated Press writer Lisa Mascaro contributed to this report."
    stripped = strip_furniture(f"{body}\n\n___\n\n{credit}")
    assert stripped.text == f"{body}\n\n{credit}"
    assert [span.reason for span in stripped.dropped] == ["page boilerplate"]


def test_list_in_the_middle_ends_where_the_article_resumes():
    lead = "Firefighters worked through the night to contain the blaze at the cathedral, officials said on Monday."
    rest = "Prosecutors opened an investigation and said early evidence pointed to an accident at the site."
    headlines = "Ship freed from the Suez Canal\n\nComet landing makes history"
    text = f"{lead}\n\nRelated Coverage\n\n{headlines}\n\n{rest}\n\n{lead}"
    stripped = strip_furniture(text)
    assert stripped.text == f"{lead}\n\n{rest}\n\n{lead}"
    assert [span.reason for span in stripped.dropped] == [
        "header of a list of other stories",
        "listed under “Related Coverage”",
        "listed under “Related Coverage”",
    ]


def test_on_a_page_only_the_lines_it_links_are_listed_under_a_list_header():
    lead = "Firefighters worked through the night to contain the blaze at the cathedral, officials said on Monday."
    rest = "Prosecutors opened an investigation and said early evidence pointed to an accident at the site."
    text = f"{lead}\n\nSee also\n\nShip freed from the Suez Canal\n\nFIRE_SAFETY_CODE section 12\n\n{rest}"
    stripped = strip_furniture(text, links=frozenset({"Ship freed from the Suez Canal"}))
    assert "Ship freed from the Suez Canal" not in stripped.text
    assert "FIRE_SAFETY_CODE section 12" in stripped.text


# Furniture as sites in other languages print it, each line written for the test, with its reason.
ABROAD_FURNITURE = [
    ("Lesen Sie auch: Neue Brücke über den Rhein eröffnet", "link to another story"),
    ("Lea también: El puerto amplía su terminal de contenedores", "link to another story"),
    ("À lire aussi » Le conseil municipal vote le budget", "link to another story"),
    ("Leggi anche: Il comune approva il nuovo piano dei trasporti", "link to another story"),
    ("Leia também: Prefeitura anuncia novas linhas de ônibus", "link to another story"),
    ("Lees ook: Gemeente opent nieuwe fietsbrug", "link to another story"),
    ("Artikel teilen", "share or follow links"),
    ("Compartir en Facebook", "share or follow links"),
    ("Jetzt zum Newsletter anmelden", "newsletter or subscription promo"),
    ("Schlagwörter: Verkehr, Stadtrat, Haushalt", "tags or caption"),
    ("Foto: Stadtverwaltung", "tags or caption"),
    ("Crédits photos : Mairie de Lyon", "tags or caption"),
    ("Wird geladen …", "page boilerplate"),
    ("Publicidad", "page boilerplate"),
    # a stock picture's label, alone or opening its credit
    ("Symbolbild", "page boilerplate"),
    ("Imagen de archivo.", "page boilerplate"),
    ("Photo d'illustration : un tramway à Bordeaux, licence Creative Commons", "tags or caption"),
    # rights notices, comment prompts, sponsored labels, menu words and promos of the site's own channels
    ("© 2024 Rheinische Zeitung. Alle Rechte vorbehalten.", "copyright or reproduction notice"),
    ("Todos los derechos reservados", "copyright or reproduction notice"),
    ("Tous droits réservés", "copyright or reproduction notice"),
    ("Kommentare anzeigen", "comment prompt"),
    ("Deja tu comentario", "comment prompt"),
    ("Lascia un commento", "comment prompt"),
    ("Contenido patrocinado", "page boilerplate"),
    ("Startseite", "page boilerplate"),
    ("Suscríbete a nuestro boletín", "newsletter or subscription promo"),
    ("Recibe nuestra newsletter diaria", "newsletter or subscription promo"),
    ("Únete a nuestro canal de WhatsApp", "share or follow links"),
    ("Join our Telegram channel", "share or follow links"),
    # the site's own channel on a video platform
    ("¡Mira lo que tiene nuestro canal de YouTube!", "share or follow links"),
    ("Abonnieren Sie unseren Kanal auf YouTube", "share or follow links"),
]


def test_a_sentence_about_a_channel_is_no_promo():
    lead = "The ministry said on Tuesday that it would regulate the messaging service within a year."
    line = "Officials said they would join the Telegram channel debate in parliament."
    assert strip_furniture(f"{lead}\n\n{line}", links=frozenset()).text == f"{lead}\n\n{line}"
    line = "The channel's YouTube videos were removed by the platform on Monday."
    assert strip_furniture(f"{lead}\n\n{line}", links=frozenset()).text == f"{lead}\n\n{line}"


@pytest.mark.parametrize(("line", "reason"), ABROAD_FURNITURE)
def test_furniture_in_other_languages_goes_with_its_reason(line, reason):
    lead = "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt für das kommende Jahr beschlossen."
    rest = "Die Opposition kritisierte die geplanten Kürzungen bei den Schwimmbädern und kündigte Widerstand an."
    stripped = strip_furniture(f"{lead}\n\n{line}\n\n{rest}", links=frozenset())
    assert stripped.text == f"{lead}\n\n{rest}"
    assert stripped.dropped == [DroppedSpan(line, reason)]


def test_a_list_header_in_another_language_lists_only_what_the_page_links():
    lead = "El ayuntamiento aprobó el martes el nuevo plan de movilidad tras un largo debate en el pleno municipal."
    rest = "La oposición criticó los recortes previstos en el transporte nocturno y anunció que presentará alegaciones."
    teaser = "El puerto amplía su terminal de contenedores"
    subhead = "Qué cambia para los vecinos"
    text = f"{lead}\n\nNoticias relacionadas\n\n{teaser}\n\n{subhead}\n\n{rest}"
    stripped = strip_furniture(text, links=frozenset({teaser}))
    assert stripped.text == f"{lead}\n\n{subhead}\n\n{rest}"
    assert [span.reason for span in stripped.dropped] == [
        "header of a list of other stories",
        "listed under “Noticias relacionadas”",
    ]


def test_a_line_naming_a_list_of_tags_goes_with_the_tags_the_page_links():
    lead = "El ayuntamiento aprobó el martes el nuevo plan de movilidad tras un largo debate en el pleno municipal."
    text = f"{lead}\n\nTemas\n\nMovilidad\n\nAyuntamiento"
    stripped = strip_furniture(text, links=frozenset({"Movilidad", "Ayuntamiento"}))
    assert stripped.text == lead
    assert [span.reason for span in stripped.dropped] == [
        "header of a list of other stories",
        "listed under “Temas”",
        "listed under “Temas”",
    ]


def test_a_list_header_that_ends_the_text_goes_and_sentences_with_the_same_words_stay():
    lead = "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt für das kommende Jahr beschlossen."
    own = "Lesen Sie auch die Stellungnahme der Opposition, die der Bürgermeister am Mittwoch beantwortet hat."
    stripped = strip_furniture(f"{lead}\n\n{own}\n\nDas könnte Sie auch interessieren:", links=frozenset())
    assert stripped.text == f"{lead}\n\n{own}"
    assert [span.reason for span in stripped.dropped] == ["header of a list of other stories"]


def test_dropped_spans_are_dataclasses():
    assert all(isinstance(span, DroppedSpan) for span in clean_seed("002").dropped)


# Bad input: a clear reason every time.
@pytest.mark.parametrize(
    ("raw", "content_type", "reason"),
    [
        (b"", "text/plain", "empty input"),
        (b" \n\t\r\n  ", "text/html", "empty input"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "text/plain", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/html", "PNG image"),
        (b"\x81\x8d\x8f\x90\x9d" * 50, "text/plain", "undecodable bytes"),
        (b"ok\x00\x00\x00\x01\x02 binary", "text/plain", "binary input"),
        (b"<html><body><p>short</p></body></html>", "text/html", "no article text"),
        (b"Too short.", "text/plain", "no article text"),
    ],
)
def test_unusable_input_has_a_reason(raw, content_type, reason):
    with pytest.raises(UnusableDocument, match=reason):
        clean_document(raw, content_type=content_type)


@pytest.mark.parametrize(
    ("declaration", "encoding", "text"),
    [
        ('<meta charset="iso-8859-1">', "cp1252", "Le café coûte 5 €, a dit le « patron »."),
        ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "shift_jis", "日本語の記事です。"),
        ('<meta charset="windows-1251">', "cp1251", "Правительство объявило новые меры."),
    ],
)
def test_a_page_is_decoded_as_its_meta_declares(declaration: str, encoding: str, text: str) -> None:
    page = f"<html><head>{declaration}</head><body><p>{text}</p></body></html>"
    assert decode_document(page.encode(encoding)) == page


def test_a_declaration_that_does_not_fit_the_bytes_gives_way_to_the_bytes() -> None:
    text = "Le gouvernement français a annoncé mardi de nouvelles mesures pour les agriculteurs touchés."
    page = f'<html><head><meta charset="shift_jis"></head><body><p>{text}</p></body></html>'
    assert decode_document(page.encode("latin-1")) == page


def test_utf8_with_a_broken_byte_is_still_read_as_utf8() -> None:
    text = "Die Schäferin zählt ihre Schafe: weiß, grün gefärbt, größer als üblich. Über Wölfe spräche sie später."
    # A comment cut in the middle of a character, as pages pieced together from several sources have.
    raw = f'<html><head><meta charset="utf-8"></head><body><!-- M\xe4 --><p>{text}</p></body></html>'.encode()
    raw = raw.replace(b"M\xc3\xa4", b"M\xe4")
    decoded = decode_document(raw)
    assert text in decoded and "M\ufffd" in decoded


def test_soft_hyphens_and_zero_width_spaces_go_so_plain_text_and_pages_give_the_same_words() -> None:
    paragraph = "Der Klima\u00adwandel trifft die Land\u00adwirte hart,\u200b sagte der Minister am Dienstag in Berlin."
    plain = clean_document(((paragraph + "\n\n") * 4).encode(), content_type="text/plain").text
    page = f"<html><body><article>{f'<p>{paragraph}</p>' * 4}</article></body></html>"
    html = clean_document(page.encode(), content_type="text/html").text
    expected = "Der Klimawandel trifft die Landwirte hart, sagte der Minister am Dienstag in Berlin."
    assert plain.split("\n\n")[0] == expected
    assert html.split("\n")[0] == expected


def test_latin1_text_is_decoded_right():
    text = (
        "Le gouvernement français a annoncé mardi de nouvelles mesures pour les agriculteurs touchés par la sécheresse."
    )
    assert decode_document(text.encode("latin-1")) == text
    result = clean_document(text.encode("latin-1"), content_type="text/plain")
    assert result.text == text
    assert result.language == "fr"


def test_a_letter_written_precomposed_or_decomposed_is_cleaned_to_one_spelling():
    sentence = "Le ministre a annoncé {} mesures pour les éleveurs de la région touchés par la sécheresse de l'été."
    composed, decomposed = "é", "e\u0301"
    texts = {
        clean_document(sentence.format("de").replace(composed, letter).encode(), content_type="text/plain").text
        for letter in (composed, decomposed)
    }
    assert texts == {sentence.format("de")}


def test_oversized_html_is_refused():
    raw = b"<html><body>" + b"<p>" + b"word " * (MAX_HTML_CHARS // 5) + b"</p></body></html>"
    with pytest.raises(UnusableDocument, match="HTML too large"):
        clean_document(raw, content_type="text/html")


def test_html_with_too_many_elements_is_refused():
    raw = b"<html><body><p>" + b"Some text. " * 10 + b"</p>" + b"<div>x</div>" * (MAX_ELEMENTS + 1) + b"</body></html>"
    with pytest.raises(UnusableDocument, match="HTML too complex"):
        clean_document(raw, content_type="text/html")


def test_deeply_nested_html_is_refused():
    raw = b"<html><body>" + b"<div>" * 5000 + b"<p>" + b"Deep text here. " * 20 + b"</p>" + b"</div>" * 5000
    with pytest.raises(UnusableDocument, match="nested more than"):
        clean_document(raw, content_type="text/html")


# Property tests: whatever arrives, the stage returns a result or raises UnusableDocument.
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(raw=st.binary(max_size=2000), content_type=st.sampled_from(["text/html", "text/plain"]))
def test_random_bytes_return_or_raise_unusable(raw, content_type):
    try:
        result = clean_document(raw, content_type=content_type)
    except UnusableDocument as exc:
        assert str(exc)
    else:
        assert len(result.text) >= 40


TAGS = st.sampled_from(
    [
        "div",
        "p",
        "span",
        "article",
        "section",
        "ul",
        "li",
        "table",
        "tr",
        "td",
        "h1",
        "a",
        "script",
        "style",
        "aside",
        "nav",
        "footer",
        "b",
        "br",
        "time",
    ]
)
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80)


@st.composite
def html_fragments(draw, depth=0):
    """Random markup: nested, unclosed and stray tags, attributes and text."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 3 if depth < 6 else 1))
        if kind == 0:
            parts.append(draw(WORDS))
        elif kind == 1:
            parts.append(f"<{draw(TAGS)} class='{draw(WORDS)[:10]}'>")
        else:
            tag = draw(TAGS)
            closing = draw(st.sampled_from([f"</{tag}>", "", "</div>"]))
            parts.append(f"<{tag}>{draw(html_fragments(depth=depth + 1))}{closing}")
    return "".join(parts)


@FAST
@given(
    body=html_fragments(),
    head=st.sampled_from(
        [
            "",
            "<meta property='article:published_time' content='x'>",
            "<script type='application/ld+json'>{\"@type\": [1]}</script>",
        ]
    ),
)
def test_random_html_returns_or_raises_unusable(body, head):
    raw = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    try:
        result = clean_document(raw, content_type="text/html")
    except UnusableDocument as exc:
        assert str(exc)
    else:
        assert len(result.text) >= 40


# The command line.
def test_cli_json_prints_what_the_pipeline_stores(tmp_path):
    (source,) = SEEDS.glob("003_*.txt")
    html_page = EVAL / "html" / "bridge-collapse-magazine.html"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    outcome = CliRunner().invoke(app, ["clean", str(source), str(html_page), str(empty), "--json"])
    assert outcome.exit_code == 0, outcome.output
    seed, page, failed = (json.loads(line) for line in outcome.output.splitlines())
    keys = {
        "text",
        "title",
        "author",
        "published",
        "published_precision",
        "published_source",
        "language",
        "url",
        "dropped",
    }
    assert keys <= seed.keys() and keys <= page.keys()
    assert seed["published"] == "2024-12-20T00:00:00+00:00"
    assert seed["dropped"] == [{"text": "date 2024-12-20", "reason": "date line (kept as the publication date)"}]
    assert page["author"] == "Marco Ferri" and page["published_source"] == "html"
    assert failed["error"].startswith("empty input")


def test_cli_explain_lists_dropped_spans():
    (source,) = SEEDS.glob("002_*.txt")
    outcome = CliRunner().invoke(app, ["clean", str(source), "--explain"])
    assert outcome.exit_code == 0, outcome.output
    assert "listed under “Read next”" in outcome.output
    assert "comment prompt" in outcome.output


# The evaluation set, on a slice small enough for every test run.
def test_eval_slice_scores_at_least_bare_trafilatura():
    html = load_pages("html")[::4]
    ours, bare, unstripped = score(newsflow, html), score(bare_trafilatura, html), score(trafilatura_only, html)
    assert ours.f1 >= bare.f1
    # The text stripper buys precision for at most a point of recall.
    assert ours.precision > unstripped.precision
    assert ours.recall >= unstripped.recall - 0.01


def test_eval_plain_text_slice():
    text = load_pages("text")
    assert score(newsflow, text).f1 >= 0.95


# JSON-LD as real pages write it: a null or single-object graph, nesting deeper than the JSON reader recurses.
ARTICLE_BODY = "<article><p>" + "The council voted on Tuesday to approve the new budget after a long debate. " * 3
LD_PAGE = '<html><head><script type="application/ld+json">{ld}</script></head><body>{body}</p></article></body></html>'


@pytest.mark.parametrize(
    ("ld", "title"),
    [
        ('{"@context": "https://schema.org", "@graph": null}', None),
        ('{"@graph": {"@type": "NewsArticle", "headline": "Budget approved"}}', "Budget approved"),
        ('{"@graph": "none", "@type": "NewsArticle", "headline": "Budget approved"}', "Budget approved"),
        ('{"@type": "NewsArticle", "author": [[{"name": "A"}]], "headline": "Budget approved"}', "Budget approved"),
        ("[" * 100_000 + "]" * 100_000, None),
    ],
)
def test_json_ld_of_any_shape_gives_what_it_can(ld, title):
    result = clean_document(LD_PAGE.format(ld=ld, body=ARTICLE_BODY).encode(), content_type="text/html")
    assert result.text.startswith("The council voted")
    assert result.title == title


def test_control_characters_past_the_first_kilobytes_are_stripped_at_decoding():
    body = "The council voted on Tuesday to approve the new budget after a long debate. " * 60  # 4.6 KB
    raw = (body + "A NUL\x00 here, a bell\x07 there.\n\n" + body).encode()
    text = decode_document(raw)
    assert "\x00" not in text and "\x07" not in text and "A NUL here, a bell there." in text


def test_c1_controls_are_read_as_the_windows_1252_characters_they_were():
    # windows-1252 bytes once read as ISO-8859-1: quotes, dashes and apostrophes, not controls to drop
    raw = "The army took \x93complete control\x94 of the Kibirizi\x96Rwindi road in today\x92s fighting.".encode()
    assert (
        decode_document(raw)
        == "The army took \u201ccomplete control\u201d of the Kibirizi\u2013Rwindi road in today\u2019s fighting."
    )


def test_c1_controls_windows_1252_leaves_undefined_are_dropped():
    assert (
        decode_document("A report\x81 from\x9d the council on the budget.".encode())
        == "A report from the council on the budget."
    )


def test_a_text_with_a_nul_byte_is_stored_by_the_clean_step(db_session):
    body = "The council voted on Tuesday to approve the new budget after a long debate. " * 60
    row = Article(raw=(body + "\x00" + body).encode(), content_type="text/plain", status=Status.RECEIVED)
    db_session.add(row)
    db_session.flush()
    assert clean_step(db_session, row.id) == row.id
    db_session.flush()  # Postgres text takes no NUL: this is where it failed
    assert row.status is Status.CLEANED and "\x00" not in row.text


def test_text_past_the_limit_is_kept_as_a_dropped_span_with_its_reason():
    paragraph = "Officials said the talks would continue next week and that both delegations would meet again."
    text = "\n\n".join(f"{paragraph} This is report number {n}." for n in range(MAX_TEXT_CHARS // 100 + 2000))
    result = clean_document(text.encode(), content_type="text/plain")
    assert MAX_TEXT_CHARS - 200 < len(result.text) <= MAX_TEXT_CHARS
    assert result.text.endswith(".")  # cut at the end of a sentence, not inside one
    (rest,) = [span for span in result.dropped if "not read" in span.reason]
    assert "1,000,000-character limit" in rest.reason
    assert result.text.split() + rest.text.split() == text.split()  # nothing lost
