"""A page's lead (standfirst) set apart from its body is kept when the page's own description names it, and only
then: a summary shown in a footer, a link or a caption, a tagline, or a lead the body already holds adds nothing.
The pages are written for these tests."""

from __future__ import annotations

import pytest

from services.clean import clean_document

LEAD = (
    "Ferry crews walked off the job at dawn on Tuesday, leaving thousands of island commuters stranded at both "
    "terminals."
)
BODY = [
    "The ferry operator said no crossings would run before Thursday at the earliest, and advised travellers to "
    "postpone trips.",
    "Union leaders said the walkout followed months of failed talks over rosters and the number of crew required on "
    "each vessel.",
    "Island businesses reported empty shops by midday, and the regional council called an emergency meeting for the "
    "evening.",
    "A spokesperson for the operator said it regretted the disruption and remained ready to meet the union at any "
    "time.",
]


def page(*, description: str, lead_block: str, body: list[str] = BODY, footer: str = "<p>Contact us</p>") -> bytes:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in body)
    return f"""<html><head><title>Ferry strike strands island commuters</title>
<meta property="og:description" content="{description}"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header class="article-header"><h1>Ferry strike strands island commuters</h1>{lead_block}</header>
<div class="share"><a href="#">Share</a></div>
<main><article><div class="article-body">{paragraphs}</div></article></main>
<footer>{footer}</footer></body></html>""".encode()


def clean_text(html: bytes) -> str:
    return clean_document(html, content_type="text/html").text


@pytest.mark.parametrize(
    "lead_block",
    [
        f'<div class="standfirst"><p>{LEAD}</p></div>',
        # The dateline in bold is a child element: the block that opens with the description is its parent.
        '<p class="intro"><strong>{} {}</strong> {}</p>'.format(*LEAD.split(" ", 2)),
    ],
)
def test_a_lead_apart_from_the_body_opens_the_text_when_the_description_names_it(lead_block: str) -> None:
    text = clean_text(page(description=LEAD, lead_block=lead_block))
    assert text.startswith(LEAD)
    assert all(paragraph in text for paragraph in BODY)


@pytest.mark.parametrize(
    "second",
    [
        f'<meta property="og:description" content="{LEAD}">',
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "description": "{LEAD}"}}</script>',
    ],
)
def test_a_lead_named_by_a_later_description_is_found(second: str) -> None:
    # A site-wide template's description comes first; the article's own is a second tag, or its JSON-LD's.
    template = "Island news and ferry timetables, every day of the year, from our newsroom on the quay."
    html = page(description=template, lead_block=f"<p>{LEAD}</p>").replace(b"</head>", second.encode() + b"</head>")
    assert clean_text(html).startswith(LEAD)


def test_a_description_that_shortens_the_lead_still_finds_the_whole_lead() -> None:
    shortened = " ".join(LEAD.split()[:12]) + "…"
    assert clean_text(page(description=shortened, lead_block=f"<p>{LEAD}</p>")).startswith(LEAD)


@pytest.mark.parametrize(
    "lead_block, footer",
    [
        ("", f"<p>{LEAD}</p>"),  # the page shows the summary only in its footer
        (f'<a href="/ferry-strike">{LEAD}</a>', "<p>Contact us</p>"),  # a teaser linking elsewhere
        (f"<figure><img src='ferry.jpg'><figcaption>{LEAD}</figcaption></figure>", "<p>Contact us</p>"),
    ],
)
def test_a_summary_shown_as_furniture_is_not_taken_for_the_lead(lead_block: str, footer: str) -> None:
    assert LEAD not in clean_text(page(description=LEAD, lead_block=lead_block, footer=footer))


def test_a_tagline_is_not_a_lead() -> None:
    tagline = "Island news and views from the harbour towns and the ferry routes between them"
    text = clean_text(page(description=tagline, lead_block=f"<p>{tagline}</p>"))
    assert tagline not in text


def test_a_lead_the_body_already_holds_is_not_repeated() -> None:
    text = clean_text(page(description=LEAD, lead_block="", body=[LEAD, *BODY]))
    assert text.count(LEAD) == 1


def test_a_lead_the_markup_names_opens_the_text_without_a_description() -> None:
    html = page(description="", lead_block=f'<p class="article__intro">{LEAD}</p>').replace(
        b"<header", b"<article><header"
    )
    assert clean_text(html).startswith(LEAD)


@pytest.mark.parametrize(
    "block",
    [
        # The same class in a box of other stories, and in a pop-up outside the article's part of the page.
        f'<main><div class="related-stories"><p class="intro">{LEAD}</p></div></main>',
        f'<div class="cookie-popup"><p class="intro">{LEAD}</p></div>',
    ],
)
def test_a_block_named_intro_outside_the_article_or_in_a_box_is_not_its_lead(block: str) -> None:
    html = page(description="", lead_block="").replace(b"<footer>", block.encode() + b"<footer>")
    assert LEAD not in clean_text(html)
