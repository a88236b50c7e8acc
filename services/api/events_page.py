"""The events page for readers: the latest events with the sentences that report them, and the latest stories.

Everything an article brought (sentences, titles, names, URLs) is untrusted text and is escaped; an article's own URL
is the one link to another host, and only an http(s) one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from urllib.parse import urlencode, urlsplit

from services.api.html import document
from services.models import Event, Story

EVENTS_PAGE = "/events.html"
# Name, label and an example, in the form's order: the filters of `GET /events`.
FILTER_FIELDS = (
    ("type", "type", "RETREAT"),
    ("country", "country", "SYR"),
    ("actor", "actor", "RUSGOV"),
    ("since", "first seen since", "2026-12-01"),
    ("until", "until", "2026-12-02T12:00Z"),
    ("story", "story", "id"),
)
STYLE = """
form label { margin-right: .8em; } form input { font: inherit; }
td { vertical-align: top; } .when { white-space: nowrap; }
tr.event td { border-bottom: none; padding-top: .8em; }
tr.evidence td { text-align: left; border-bottom: 2px solid #bbb; padding-bottom: .8em; }
tr.evidence ul { margin: .2em 0; padding-left: 1.2em; } tr.evidence li { margin: .3em 0; }
mark { background: #ffe08a; } .meta { color: #666; } .problems { color: #b00; }
"""
HEADER = """<h1>newsflow events</h1>
<p>The latest events, newest first, each with the sentences that report it (the words that signal the event are
marked) and the articles they are in; then the latest stories. <a href="/">Status</a> ·
<a href="#stories">Stories</a> · as JSON: <a href="/events">/events</a>, <a href="/stories">/stories</a>
(<a href="/docs">/docs</a>).</p>"""


@dataclass(frozen=True)
class Evidence:
    """A mention as the page shows it: its sentence, where the trigger lies in it, and the article it is in."""

    event_id: int
    mention_id: int
    sentence: str
    trigger: str
    trigger_offset: int | None  # in the sentence; None when the article's text does not hold the sentence
    modality: str
    confidence: float
    article_id: int
    article_title: str | None
    article_url: str | None
    article_outlet: str | None


def render_events_page(
    events: Sequence[Event],
    evidence: Mapping[int, Sequence[Evidence]],
    stories: Sequence[Story],
    given: Mapping[str, str],
    older_than: int | None,
) -> str:
    """The page for a page of events (newest first) with their evidence, the latest stories, and the filters as
    given in the query string; `older_than` is the id the next page's events lie below, if there are more."""
    links = []
    if "before" in given:
        links.append(f'<a href="{_page_link(given, before=None)}">Newest events</a>')
    if older_than is not None:
        links.append(f'<a id="older" href="{_page_link(given, before=older_than)}">Older events</a>')
    body = f"""{HEADER}
{_form(given)}
{_events(events, evidence)}
<p>{" · ".join(links)}</p>
<h2 id="stories">Latest stories</h2>
{_stories(stories)}"""
    return document("newsflow events", body, style=STYLE)


def render_invalid_filters(given: Mapping[str, str], problems: Sequence[str]) -> str:
    """The page for a query string it cannot read: the form as filled in, and what is wrong with it."""
    items = "".join(f"<li>{escape(problem)}</li>" for problem in problems)
    body = f"""{HEADER}
{_form(given)}
<div id="problems" class="problems"><p>These filters cannot be read:</p><ul>{items}</ul></div>"""
    return document("newsflow events", body, style=STYLE)


def _form(given: Mapping[str, str]) -> str:
    fields = "".join(
        f'<label>{label} <input name="{name}" value="{escape(given.get(name, ""))}" placeholder="{example}"'
        f' size="{max(len(example), 8)}"></label>'
        for name, label, example in FILTER_FIELDS
    )
    return (
        f'<form id="filters" method="get" action="{EVENTS_PAGE}">{fields}'
        f'<button type="submit">Show</button> <a href="{EVENTS_PAGE}">Clear</a></form>'
    )


def _page_link(given: Mapping[str, str], *, before: int | None) -> str:
    """This page's address with the same filters, starting below event `before` (None: the newest)."""
    query = {name: value for name, value in given.items() if name != "before"}
    if before is not None:
        query["before"] = str(before)
    return escape(f"{EVENTS_PAGE}?{urlencode(query)}" if query else EVENTS_PAGE)


def _events(events: Sequence[Event], evidence: Mapping[int, Sequence[Evidence]]) -> str:
    if not events:
        return '<p id="no-events">No events match.</p>'
    names = ("event", "type", "mode", "CAMEO", "source", "target", "place", "date", "mentions", "articles",
             "outlets", "confidence", "first seen (UTC)")  # fmt: skip
    text_columns = {"type", "mode", "source", "target", "place", "date", "first seen (UTC)"}
    header = "".join(f'<th class="text">{name}</th>' if name in text_columns else f"<th>{name}</th>" for name in names)
    rows = "".join(_event(event, evidence.get(event.id, ()), len(names)) for event in events)
    return f'<table id="events"><tr>{header}</tr>{rows}</table>'


def _event(event: Event, evidence: Sequence[Evidence], columns: int) -> str:
    place = _coded(event.location_name, event.location_country)
    cells = (
        f'<td><a href="/events/{event.id}">{event.id}</a></td>',
        f'<td class="text type">{escape(event.type)}</td>',
        f'<td class="text">{escape(event.mode or "-")}</td>',
        f"<td>{escape(event.cameo)}</td>",
        f'<td class="text">{_coded(event.source_text, event.source_code)}</td>',
        f'<td class="text">{_coded(event.target_text, event.target_code)}</td>',
        f'<td class="text">{place}</td>',
        f'<td class="text when">{_date(event)}</td>',
        f"<td>{event.mention_count}</td>",
        f"<td>{event.article_count}</td>",
        f"<td>{event.source_count}</td>",
        f"<td>{event.confidence:.2f}</td>",
        f'<td class="text when">{_when(event.first_seen)}</td>',
    )
    items = [_mention(mention) for mention in evidence]
    if (hidden := event.mention_count - len(evidence)) > 0:
        items.append(f'<li class="more"><a href="/events/{event.id}">{hidden} more</a> (JSON)</li>')
    return (
        f'<tr class="event" data-event="{event.id}">{"".join(cells)}</tr>'
        f'<tr class="evidence" data-event="{event.id}"><td colspan="{columns}"><ul>{"".join(items)}</ul></td></tr>'
    )


def _mention(mention: Evidence) -> str:
    title = escape(mention.article_title or f"article {mention.article_id}")
    article = f'<a href="/articles/{mention.article_id}">{title}</a>'
    if mention.article_outlet:
        article += f" ({escape(mention.article_outlet)})"
    if original := _original(mention.article_url):
        article += f" · {original}"
    return (
        f'<li class="mention" data-mention="{mention.mention_id}"><q class="sentence">{_highlighted(mention)}</q>'
        f'<br><span class="meta">{escape(mention.modality)} · confidence {mention.confidence:.2f} · {article}</span>'
        "</li>"
    )


def _highlighted(mention: Evidence) -> str:
    """The sentence escaped, with its trigger marked: at the offset from the article's text where that holds the
    trigger, else where the trigger's words first appear in the sentence."""
    sentence, trigger, start = mention.sentence, mention.trigger, mention.trigger_offset
    if start is None or sentence[start : start + len(trigger)] != trigger:
        start = sentence.find(trigger)
    if start < 0 or not trigger:
        return escape(sentence)
    end = start + len(trigger)
    return f"{escape(sentence[:start])}<mark>{escape(sentence[start:end])}</mark>{escape(sentence[end:])}"


def _original(url: str | None) -> str:
    """A link to the article where it was published; none for an address that is not a web page's."""
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    return f'<a class="original" href="{escape(url)}" rel="noopener noreferrer">{escape(parts.hostname)}</a>'


def _stories(stories: Sequence[Story]) -> str:
    if not stories:
        return "<p>No stories yet.</p>"
    header = (
        '<tr><th>story</th><th class="text">title</th><th>articles</th><th class="text">first seen (UTC)</th>'
        '<th class="text">last seen (UTC)</th><th class="text">events</th></tr>'
    )
    rows = "".join(
        f'<tr data-story="{s.id}"><td><a href="/stories/{s.id}">{s.id}</a></td>'
        f'<td class="text">{escape(s.title or "-")}</td><td>{s.article_count}</td>'
        f'<td class="text when">{_when(s.first_seen)}</td><td class="text when">{_when(s.last_seen)}</td>'
        f'<td class="text"><a href="{_page_link({"story": str(s.id)}, before=None)}">events</a></td></tr>'
        for s in stories
    )
    return f'<table id="story-list">{header}{rows}</table>'


def _coded(text: str | None, code: str | None) -> str:
    """A name as the article wrote it, with its code."""
    if not (text or code):
        return "-"
    return " ".join(part for part in (escape(text or ""), f"<code>{escape(code)}</code>" if code else "") if part)


def _date(event: Event) -> str:
    """When it happened, and how precisely the sentence said so."""
    return "-" if event.event_date is None else f"{event.event_date} ({escape(event.date_precision)})"


def _when(moment: datetime | None) -> str:
    return "-" if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
