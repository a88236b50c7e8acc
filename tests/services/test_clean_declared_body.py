"""A page that renders its article by script, or shows it behind a wall, declares the article in its JSON-LD
(`articleBody`): the clean stage takes that body when the extracted text holds little of it, and only then. The pages
are written for these tests."""

from __future__ import annotations

import html
import json

from services.clean import clean_document

BODY = [
    "The city council voted on Monday to ration tap water for three months after the driest winter in forty years.",
    "Households will receive water on four days a week, and fines will be doubled for filling swimming pools.",
    "The water board said its reservoirs held less than a fifth of their capacity, the lowest level on record.",
    "Farmers' groups asked for an exemption for livestock, which the council said it would consider next week.",
]
CAPTION = "A dry reservoir outside the city on Sunday. Photo: Valley Herald"
WALL = (
    "This article is for subscribers only. Subscribe today for unlimited access to local news, puzzles and the "
    "digital edition of the Valley Herald, from one dollar a week."
)


def page(*, article_body: str, shown: list[str]) -> bytes:
    declared = json.dumps(
        {"@type": "NewsArticle", "headline": "Council rations tap water", "articleBody": article_body}
    )
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in shown)
    return f"""<html><head><title>Council rations tap water</title>
<script type="application/ld+json">{declared}</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Council rations tap water</h1><figure><figcaption>{CAPTION}</figcaption></figure>
<div id="app">{paragraphs}</div></article></main>
<footer><p>Contact us</p></footer></body></html>""".encode()


def clean_text(html_page: bytes) -> str:
    return clean_document(html_page, content_type="text/html").text


def test_an_article_behind_a_wall_is_read_from_the_body_the_page_declares() -> None:
    # The page shows the first paragraph and a subscription notice; the extractor sees those alone.
    text = clean_text(page(article_body="\n".join(BODY), shown=[BODY[0], WALL]))
    assert text.split("\n\n") == BODY


def test_a_declared_body_with_escaped_markup_gives_its_paragraphs() -> None:
    escaped = html.escape("".join(f"<p><strong>{p[:5]}</strong>{p[5:]}</p>" for p in BODY))
    text = clean_text(page(article_body=escaped, shown=[BODY[0], WALL]))
    assert [" ".join(line.split()) for line in text.split("\n\n")] == BODY


def test_a_shown_article_is_kept_as_shown_beside_a_teaser_or_the_same_body() -> None:
    teaser = BODY[0]
    for article_body in (teaser, "\n".join(BODY)):
        text = clean_text(page(article_body=article_body, shown=BODY))
        assert all(paragraph in text for paragraph in BODY)
        assert text.count(BODY[1]) == 1


def test_a_different_longer_declared_body_does_not_replace_a_shown_article_that_holds_most_of_its_words() -> None:
    # The page shows the article; its JSON-LD carries the same report with one more paragraph.
    longer = "\n".join([*BODY, "The mayor said the rationing could end early if the spring rains were heavy."])
    text = clean_text(page(article_body=longer, shown=BODY))
    assert all(paragraph in text for paragraph in BODY)
    assert "spring rains were heavy" not in text
