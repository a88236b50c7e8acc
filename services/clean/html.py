"""HTML pages: trafilatura finds the main text; metadata comes from the page's own meta tags and JSON-LD."""

from __future__ import annotations

import html as html_entities
import json
import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from services.clean.chunks import with_sibling_chunks
from services.clean.decode import UnusableDocument
from services.clean.lead import casefolded_words, page_lead
from services.dates import ParsedDate, parse_date

MAX_HTML_CHARS = 5_000_000
# Extraction time grows with the element count (about 60 µs each); real article pages have a few thousand.
MAX_ELEMENTS = 50_000
# libxml2 stops parsing at 256 levels, which silently truncates the page; real news pages stay under 60.
MAX_DEPTH = 180
# Any element at that depth: a child-axis path that libxml2 walks level by level, far cheaper than counting ancestors.
TOO_DEEP = "/" + "/".join(["*"] * MAX_DEPTH)
# A page's declared article body (schema.org `articleBody`) replaces the extracted text when it is longer and the
# extracted text holds under this share of its word pairs: the page renders the article by script or behind a wall, and
# the extractor saw only what surrounds it. A shorter body is a teaser, and a covered one adds nothing.
DECLARED_BODY_COVERAGE = 0.5
# Markup some sites leave inside `articleBody`: block ends become paragraph breaks; inline tags go, as a browser
# shows them, without a space.
BODY_BREAK = re.compile(r"<(?:br|/?p|/h[1-6]|/li|/div|/blockquote)\b[^>]*>", re.IGNORECASE)
BODY_TAG = re.compile(r"<[^>]*>")
# Comments off (readers' comments are not the report), tables on. Trafilatura's recall mode found more of the
# bodies of tests/data/clean but less of real pages' (development part of the real-page set: passages kept 0.949
# with it, 0.954 without, and furniture gone 0.911 against 0.920), and real pages are what the stage reads.
EXTRACTION_OPTIONS = {"include_comments": False, "include_tables": True}

TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "publication_date",
)
DESCRIPTION_META = ("og:description", "description", "twitter:description", "dc.description")
SITE_META = ("og:site_name", "application-name", "twitter:site")
URL_META = ("og:url", "twitter:url")


@dataclass(frozen=True)
class HtmlArticle:
    """What a page yields: the extracted text (still carrying furniture) and its metadata; `dates` are the
    publication dates it gives, its meta tags' and JSON-LD's before its article's <time> element."""

    text: str
    title: str | None = None
    author: str | None = None
    dates: tuple[ParsedDate, ...] = ()
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    links: frozenset[str] = frozenset()  # the page's link texts, spaces collapsed
    lead: str | None = None  # the summary the page shows that the extracted text lacks


def extract_html(html: str, *, url: str | None = None) -> HtmlArticle:
    """Main text and metadata of one HTML page; raise UnusableDocument if the page has none or is unsafe to parse."""
    if len(html) > MAX_HTML_CHARS:
        raise UnusableDocument(f"HTML too large: {len(html):,} characters, over the {MAX_HTML_CHARS:,} cap")
    tree = _parse(html)
    if tree is None:
        raise UnusableDocument("no article text: the input does not parse as HTML")
    if (elements := int(tree.xpath("count(//*)"))) > MAX_ELEMENTS:
        raise UnusableDocument(f"HTML too complex: {elements:,} elements, over the {MAX_ELEMENTS:,} limit")
    if tree.xpath(TOO_DEEP):
        raise UnusableDocument(f"pathological HTML: elements nested more than {MAX_DEPTH} levels deep")
    tags, articles = _meta_tags(tree), _json_ld_articles(tree)
    meta = _read_meta(tree, tags, articles)
    # Given a tree, trafilatura deep-copies it, which costs more than parsing the string again.
    document = trafilatura.bare_extraction(html, url=url, **EXTRACTION_OPTIONS)
    extracted = with_sibling_chunks(tree, document.text) if document and document.text else None
    text = _declared_or_extracted(_declared_body(articles), extracted)
    if not text:
        raise UnusableDocument("no article text: the HTML holds no main content")
    return HtmlArticle(
        text=text,
        title=_without_site_name(meta.get("title") or _title_element(tree)),
        author=meta.get("author"),
        dates=tuple(date for date in (parse_date(meta.get("date", "")), _time_element(tree)) if date),
        site_name=meta.get("site"),
        url=meta.get("url") or url,
        language=(tree.get("lang") or "").split("-")[0].lower() or None,
        links=_link_texts(tree),
        lead=page_lead(tree, _descriptions(tags, articles), text),
    )


def _parse(html: str) -> HtmlElement | None:
    # lxml's parser is the fast path; trafilatura's loader copes with what it refuses (encoding declarations, junk).
    try:
        return lxml.html.fromstring(html)
    except (ValueError, etree.ParserError):
        return trafilatura.load_html(html)


def _meta_tags(tree: HtmlElement) -> list[tuple[str, str]]:
    """The page's meta tags as (key, content), in page order, each with both."""
    tags = []
    for element in tree.iterfind(".//meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        content = (element.get("content") or "").strip()
        if key and content:
            tags.append((key, content))
    return tags


def _read_meta(tree: HtmlElement, meta_tags: list[tuple[str, str]], articles: list[dict]) -> dict[str, str]:
    found: dict[str, str] = {}
    tags: dict[str, str] = {}
    for key, content in meta_tags:
        tags.setdefault(key, content)
    fields = (
        ("title", TITLE_META),
        ("author", AUTHOR_META),
        ("date", DATE_META),
        ("site", SITE_META),
    )
    for field, keys in fields:
        if value := next((tags[key] for key in keys if key in tags), None):
            found[field] = value
    if found.get("author", "").startswith("http"):
        del found["author"]  # article:author is often a profile URL, not a name
    canonical = tree.find(".//link[@rel='canonical']")
    if canonical is not None and canonical.get("href"):
        found["url"] = canonical.get("href")
    elif url := next((tags[k] for k in URL_META if k in tags), None):
        found["url"] = url
    for field, value in _json_ld(articles).items():
        found.setdefault(field, value)
    return found


def _descriptions(meta_tags: list[tuple[str, str]], articles: list[dict]) -> list[str]:
    """Every summary the page gives of itself, in its meta tags and its JSON-LD article, first given first: a page
    may hold two that differ (a site-wide template's and the article's own)."""
    found = [content for key, content in meta_tags if key in DESCRIPTION_META]
    found += [description for item in articles if (description := _string(item.get("description")))]
    return list(dict.fromkeys(found))


def _declared_body(articles: list[dict]) -> str | None:
    """The longest `articleBody` of the page's JSON-LD articles, as plain paragraphs."""
    bodies = [body for item in articles if (body := _string(item.get("articleBody")))]
    if not bodies:
        return None
    # Some sites escape the body's markup twice ("&lt;p&gt;"): unescape, then read the tags as text breaks.
    body = BODY_TAG.sub("", BODY_BREAK.sub("\n", html_entities.unescape(max(bodies, key=len))))
    paragraphs = (" ".join(line.split()) for line in html_entities.unescape(body).splitlines())
    return "\n".join(paragraph for paragraph in paragraphs if paragraph) or None


def _declared_or_extracted(declared: str | None, extracted: str | None) -> str | None:
    """The extracted text, unless the page's declared body is longer and the extraction holds little of it."""
    if not declared:
        return extracted
    if not extracted:
        return declared
    body_words = casefolded_words(declared)
    extracted_words = casefolded_words(extracted)
    if len(body_words) <= len(extracted_words):
        return extracted
    # Pairs of words in order, so that the words every text shares ("the", "of") do not count as held
    body_pairs = list(zip(body_words, body_words[1:], strict=False))
    held = set(zip(extracted_words, extracted_words[1:], strict=False))
    covered = sum(pair in held for pair in body_pairs) / max(len(body_pairs), 1)
    return declared if covered < DECLARED_BODY_COVERAGE else extracted


def _json_ld(articles: list[dict]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in articles:
        found.setdefault("title", _string(item.get("headline")))
        found.setdefault("date", _string(item.get("datePublished")))
        found.setdefault("author", _name(item.get("author")))
        found.setdefault("site", _name(item.get("publisher")))
    return {key: value for key, value in found.items() if value}


def _json_ld_articles(tree: HtmlElement) -> list[dict]:
    """The article objects of the page's JSON-LD."""
    articles = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue  # broken (or absurdly nested) JSON-LD is common and says nothing about the article
        articles += [
            item for item in _json_ld_items(data) if isinstance(item, dict) and "Article" in str(item.get("@type", ""))
        ]
    return articles


def _json_ld_items(data: object) -> list:
    # A list of items, an object with a "@graph" of them (a list, one object, or null on some sites), or one item.
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return []
    graph = data.get("@graph")
    if isinstance(graph, list):
        return graph
    return [graph] if isinstance(graph, dict) else [data]


def _name(value: object) -> str | None:
    if isinstance(value, list):
        names = [name for name in map(_single_name, value) if name]
        return ", ".join(names) or None
    return _single_name(value)


def _single_name(value: object) -> str | None:
    return _string(value.get("name")) if isinstance(value, dict) else _string(value)


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _link_texts(tree: HtmlElement) -> frozenset[str]:
    # What the page says links elsewhere: the evidence that a headline-shaped line is another story's teaser.
    texts = (" ".join(anchor.text_content().split()) for anchor in tree.iter("a"))
    return frozenset(text for text in texts if text)


def _title_element(tree: HtmlElement) -> str | None:
    element = tree.find(".//title")
    return " ".join(element.text_content().split()) or None if element is not None else None


def _without_site_name(title: str | None) -> str | None:
    # "Headline | Site", "Site | Headline", "Headline - Site". A dash inside headlines is common ("Russia - Ukraine
    # talks"), so only a short last part after a dash counts as the site's name.
    if not title:
        return None
    parts = title.split(" | ")
    headline = max(parts, key=len)
    if any(len(part.split()) > 4 for part in parts if part is not headline):
        headline = title
    suffix = re.search(r"\s[–—-]\s+([^–—-]+)$", headline)
    if suffix and len(suffix.group(1).split()) <= 3 and suffix.start() > 2 * len(suffix.group(1)):
        headline = headline[: suffix.start()].rstrip()
    return headline


def _time_element(tree: HtmlElement) -> ParsedDate | None:
    # The first <time datetime> inside the article, if the page marks one; elsewhere it dates sidebars.
    element = tree.find(".//article//time[@datetime]")
    return parse_date(element.get("datetime")) if element is not None else None
