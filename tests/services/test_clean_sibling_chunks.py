"""A page that splits its article into containers of one kind, with advertisements between them: trafilatura keeps
the first container, and the clean stage takes the rest back, in page order. A box of one paragraph beside them (an
author's bio) and containers of another kind stay out. The pages are written for these tests."""

from __future__ import annotations

import trafilatura

from services.clean import clean_document

PARAGRAPHS = [
    "The harbour authority voted on Monday to close the northern quay for repairs, a move that will send container "
    "ships to the southern berths for most of next year.",
    "Engineers found cracks in the quay wall during an inspection in the spring, and the authority said it could not "
    "risk heavy cranes on it through another winter.",
    "Shipping lines said the change would add a day to some crossings, and two of them asked for lower berth fees "
    "while the works go on.",
    "The repairs are expected to cost about forty million euros, most of it from the regional budget, according to "
    "the authority's finance director.",
    "Local businesses on the quay said they had not been told how long the access road would stay closed, and asked "
    "for a meeting with the board.",
    "The board said it would publish a timetable for the works in January, once the contractor has been chosen.",
]
BIO = "Mara Lind covers the port and shipping for the Harbour Gazette, and has reported from the docks since 2015."
OTHER_KIND = [
    "Ferry timetables change next month as the winter schedule begins, with fewer crossings on weekday evenings.",
    "The old lighthouse opens to visitors again this weekend after a year of work on its stairs and its lantern.",
]
AD = '<div class="ad-slot"><span>Advertisement</span></div>'


def chunk(paragraphs: list[str], kind: str = "grid") -> str:
    inner = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f'<div class="{kind}"><div class="grid--item body article__body">{inner}</div></div>'


def page(*chunks: str) -> bytes:
    return f"""<html><head><title>Quay to close for repairs</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Quay to close for repairs</h1><div class="article__chunks">{"".join(chunks)}</div></article></main>
<footer><p>Contact us</p></footer></body></html>""".encode()


def clean_text(html_page: bytes) -> str:
    return clean_document(html_page, content_type="text/html").text


def test_the_chunks_after_the_first_are_taken_back_in_page_order() -> None:
    split = page(chunk(PARAGRAPHS[:2]), AD, chunk(PARAGRAPHS[2:4]), AD, chunk(PARAGRAPHS[4:]))
    assert PARAGRAPHS[2] not in (trafilatura.extract(split) or "")  # the extractor stops at the first chunk
    text = clean_text(split)
    assert [text.index(paragraph) for paragraph in PARAGRAPHS] == sorted(text.index(p) for p in PARAGRAPHS)
    assert "Advertisement" not in text


def test_a_box_of_one_paragraph_beside_the_chunks_is_not_the_article() -> None:
    text = clean_text(page(chunk(PARAGRAPHS[:2]), AD, chunk(PARAGRAPHS[2:]), chunk([BIO])))
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert BIO not in text


def test_a_container_of_another_kind_beside_the_chunks_is_not_the_article() -> None:
    text = clean_text(page(chunk(PARAGRAPHS[:3]), chunk(OTHER_KIND, kind="promo-rail")))
    assert all(paragraph in text for paragraph in PARAGRAPHS[:3])
    assert not any(paragraph in text for paragraph in OTHER_KIND)
