# ruff: noqa: E501  (the page templates are HTML text; breaking their lines would only make them harder to read)
"""Build the HTML and plain-text evaluation pages from the article bodies in bodies/ (run once, commit the output)."""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
AGES = ["12 minutes ago", "1 hour ago", "3 hours ago", "5h ago", "Yesterday", "2 days ago", "1 week ago"]
CLOCKS = ["08:14", "09:52", "11:30", "13:05", "16:47", "21:10"]


@dataclass
class Body:
    """One article body: its metadata and paragraphs ("## " marks a subheading)."""

    name: str
    title: str
    author: str
    date: str
    section: str
    lang: str
    paragraphs: list[str]

    @property
    def lead(self) -> str:
        """The first sentence, as teaser cards print it."""
        return self.paragraphs[0].split(". ")[0] + "."


def read_body(path: Path) -> Body:
    """Parse one bodies/*.txt file: header lines, a blank line, then paragraphs."""
    header, _, text = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in header.splitlines())
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return Body(
        path.stem, meta["title"], meta["author"], meta["date"], meta["section"], meta.get("lang", "en"), paragraphs
    )


def expected_text(body: Body) -> str:
    """The text a perfect cleaner keeps: every paragraph and subheading, nothing else."""
    return "\n\n".join(_plain(p) for p in body.paragraphs) + "\n"


def _plain(paragraph: str) -> str:
    if paragraph.startswith("| "):
        return "\n".join(" ".join(row.strip("| ").split(" | ")) for row in paragraph.splitlines())
    return paragraph.removeprefix("## ")


def body_html(body: Body, *, insert: dict[int, str] | None = None) -> str:
    """Paragraphs as <p>/<h2>, with extra markup inserted after the given paragraph indexes."""
    parts = []
    for index, paragraph in enumerate(body.paragraphs):
        if paragraph.startswith("| "):
            rows = "".join(
                "<tr>"
                + "".join(f"<td>{html.escape(cell.strip())}</td>" for cell in row.strip("| ").split(" | "))
                + "</tr>"
                for row in paragraph.splitlines()
            )
            parts.append(f'<table class="facts">{rows}</table>')
        elif paragraph.startswith("## "):
            parts.append(f"<h2>{html.escape(paragraph[3:])}</h2>")
        else:
            parts.append(f"<p>{html.escape(paragraph)}</p>")
        if insert and index in insert:
            parts.append(insert[index])
    return "\n".join(parts)


def pretty_date(iso: str) -> str:
    """ "2021-03-29" as "29 March 2021"."""
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    year, month, day = iso.split("-")
    return f"{int(day)} {months[int(month) - 1]} {year}"


def head(body: Body, site: str, *, jsonld: bool = False, meta: bool = True) -> str:
    """The document head: title, canonical link, optional Open Graph tags and JSON-LD, and the site's chrome."""
    url = f"https://www.{site.lower().replace(' ', '')}.example/{body.section.lower().replace(' ', '-')}/{body.name}"
    tags = [f"<title>{html.escape(body.title)} | {site}</title>", f'<link rel="canonical" href="{url}">']
    if meta:
        tags += [
            f'<meta property="og:title" content="{html.escape(body.title)}">',
            f'<meta property="og:site_name" content="{site}">',
            f'<meta name="author" content="{html.escape(body.author)}">',
            f'<meta property="article:published_time" content="{body.date}T09:30:00+00:00">',
        ]
    if jsonld:
        tags.append(
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
            f'"headline":"{body.title}","datePublished":"{body.date}T07:00:00Z",'
            f'"author":{{"@type":"Person","name":"{body.author}"}},'
            f'"publisher":{{"@type":"Organization","name":"{site}"}}}}</script>'
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{body.lang}">\n<head>\n<meta charset="utf-8">\n'
        + "\n".join(tags)
        + "\n"
        + page_chrome_head(site)
        + "</head>\n"
    )


SUBSECTIONS = {
    "World": ["Africa", "Americas", "Asia", "Australia", "Europe", "Middle East", "United Kingdom"],
    "Politics": ["Congress", "White House", "Elections", "Supreme Court", "Parliament", "Polls"],
    "Business": ["Markets", "Tech", "Media", "Energy", "Personal Finance", "Economy", "Companies"],
    "Science": ["Space", "Climate", "Environment", "Archaeology", "Physics", "Biology"],
    "Health": ["Coronavirus", "Fitness", "Food", "Mental Health", "Medicine", "Wellness"],
    "Sport": ["Football", "Tennis", "Cricket", "Athletics", "Formula 1", "Golf", "Olympics"],
    "Culture": ["Film", "Music", "Books", "Art", "Television", "Theatre", "Style"],
}
FOOTER_LINKS = [
    "About us",
    "Contact us",
    "Careers",
    "Advertise with us",
    "Help",
    "Privacy policy",
    "Cookie policy",
    "Cookie settings",
    "Terms of use",
    "Accessibility",
    "Corrections",
    "Editorial standards",
    "Newsletters",
    "Podcasts",
    "Apps",
    "RSS feeds",
    "Site map",
    "Archive",
    "Events",
    "Licensing",
    "Press office",
]


def page_chrome_head(site: str) -> str:
    """What real pages carry in <head> besides the article's metadata: icons, feeds, styles, tag managers."""
    links = "\n".join(
        [
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="robots" content="max-image-preview:large">',
            '<meta name="theme-color" content="#ffffff">',
            '<meta name="twitter:card" content="summary_large_image">',
            '<meta property="og:type" content="article">',
            '<meta property="og:image" content="https://static.example/img/share.jpg">',
            '<link rel="icon" href="/favicon.ico">',
            '<link rel="apple-touch-icon" href="/apple-touch-icon.png">',
            f'<link rel="alternate" type="application/rss+xml" title="{site}" href="/rss.xml">',
            '<link rel="preconnect" href="https://static.example">',
            '<link rel="stylesheet" href="https://static.example/css/main.css">',
        ]
    )
    style = (
        "<style>" + " ".join(f".c{i}{{margin:{i}px;padding:{i % 7}px;color:#{i:03x}}}" for i in range(60)) + "</style>"
    )
    config = ",".join(f'"slot{i}":{{"size":[300,250],"targeting":{{"section":"news","pos":{i}}}}}' for i in range(25))
    scripts = (
        f"<script>window.adConfig={{{config}}};</script>"
        '<script async src="https://www.googletagmanager.example/gtm.js?id=GTM-XXXX"></script>'
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>"
    )
    return links + "\n" + style + "\n" + scripts + "\n"


def mega_menu() -> str:
    """The nested section menu most news sites put above the article."""
    columns = "".join(
        f'<li class="menu-section"><a href="/{name.lower()}">{name}</a><ul>'
        + "".join(f'<li><a href="/{name.lower()}/{sub.lower().replace(" ", "-")}">{sub}</a></li>' for sub in subs)
        + "</ul></li>"
        for name, subs in SUBSECTIONS.items()
    )
    return (
        f'<div class="mega-menu"><button class="menu-toggle">Menu</button><ul class="sections">{columns}</ul>'
        '<form class="search"><input type="search" placeholder="Search"><button>Search</button></form></div>'
    )


def site_footer(site: str) -> str:
    """A footer of link columns, app badges and a legal line."""
    links = "".join(f'<li><a href="/{link.lower().replace(" ", "-")}">{link}</a></li>' for link in FOOTER_LINKS)
    sections = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in SUBSECTIONS)
    return (
        f'<div class="site-footer-links"><ul class="sections">{sections}</ul><ul class="corporate">{links}</ul>'
        '<div class="apps"><a href="/ios">Download on the App Store</a> <a href="/android">Get it on Google Play</a></div>'
        f'<p class="legal">{site} is not responsible for the content of external sites.</p></div>'
    )


def nav(items: list[str]) -> str:
    """A navigation bar of links."""
    return "<nav><ul>" + "".join(f'<li><a href="/{i.lower()}">{i}</a></li>' for i in items) + "</ul></nav>"


SECTIONS = ["Home", "World", "Politics", "Business", "Science", "Health", "Sport", "Opinion", "Video"]


def wire(body: Body, others: list[Body]) -> str:
    """A wire-service page: nav, article, a 'Latest news' sidebar with ages, a footer."""
    latest = "".join(
        f'<li><a href="/{o.name}">{html.escape(o.title)}</a> <span class="age">{AGES[i % len(AGES)]}</span></li>'
        for i, o in enumerate(others[:6])
    )
    return (
        head(body, "Global Wire")
        + f"""<body>
{mega_menu()}
<header><a class="logo" href="/">Global Wire</a>{nav(SECTIONS)}</header>
<main>
<article>
<h1>{html.escape(body.title)}</h1>
<div class="byline">By {body.author}, Staff Reporter</div>
<time datetime="{body.date}">{pretty_date(body.date)}</time>
<div class="article-body">
{body_html(body)}
</div>
</article>
<aside class="sidebar"><h2>Latest news</h2><ul>{latest}</ul></aside>
</main>
<footer><p>&copy; 2024 Global Wire. All rights reserved.</p>{nav(["About", "Contact", "Privacy", "Terms"])}</footer>
{site_footer("Global Wire")}
</body></html>
"""
    )


def blog(body: Body, others: list[Body]) -> str:
    """A WordPress-style page: entry meta, an in-content newsletter box, an author box, related posts, comments."""
    related = "".join(
        f'<li><a href="/{o.name}">{html.escape(o.title)}</a><span class="date">{pretty_date(o.date)}</span></li>'
        for o in others[:4]
    )
    newsletter = (
        '<div class="newsletter-signup"><h3>Get our free newsletter</h3>'
        "<p>Sign up to receive the day's top stories in your inbox every morning.</p>"
        '<form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>'
    )
    return (
        head(body, "The Daily Ledger", meta=False)
        + f"""<body>
{mega_menu()}
<div id="page"><header class="site-header"><p class="site-title">The Daily Ledger</p>{nav(SECTIONS[:6])}</header>
<div class="site-content"><article class="post">
<header class="entry-header"><h1 class="entry-title">{html.escape(body.title)}</h1>
<div class="entry-meta">Posted on {pretty_date(body.date)} by {body.author}</div></header>
<div class="entry-content">
{body_html(body, insert={2: newsletter})}
</div>
<div class="author-box"><h4>About the author</h4><p><strong>{body.author}</strong></p>
<p>I'm a reporter covering {body.section.lower()} news. Before joining the Ledger I worked for regional newspapers for ten years. I love long walks, good coffee and a well-sourced story.</p></div>
<div class="related-posts"><h3>Related posts</h3><ul>{related}</ul></div>
</article>
<div id="comments"><h3>3 thoughts on this story</h3><ol class="commentlist">
<li class="comment"><p class="comment-author">jdoe77</p><p>Great reporting, thanks for keeping us informed about this.</p></li>
<li class="comment"><p class="comment-author">Marianne</p><p>I don't agree with the second point at all, the officials have been saying this for years and nothing ever changes.</p></li>
<li class="comment"><p class="comment-author">Tom</p><p>Does anyone know where to find the full statement?</p></li>
</ol><h3>Leave a Reply</h3><form><textarea></textarea><button>Post Comment</button></form></div>
</div></div>
<footer class="site-footer"><p>Copyright 2024 The Daily Ledger. Proudly powered by WordPress.</p></footer>
{site_footer("The Daily Ledger")}
</body></html>
"""
    )


def portal(body: Body, others: list[Body]) -> str:
    """A div-soup portal: cookie banner, inline 'Read more' box, a numbered 'Most read' list."""
    read_more = f'<div class="inline-related"><p>Read more: <a href="/{others[0].name}">{html.escape(others[0].title)}</a></p></div>'
    most_read = "".join(
        f'<div class="mr-item"><span class="rank">{i + 1}</span><a href="/{o.name}">{html.escape(o.title)}</a></div>'
        for i, o in enumerate(others[1:6])
    )
    return (
        head(body, "Newsportal", jsonld=True, meta=False)
        + f"""<body>
{mega_menu()}
<div id="cookie-banner"><p>We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.</p><button>Accept all</button> <a href="/privacy">Manage settings</a></div>
<div class="top"><div class="logo">Newsportal</div><div class="menu">{" | ".join(SECTIONS)}</div></div>
<div class="wrap"><div class="col-main">
<div class="crumbs"><a href="/">Home</a> &gt; <a href="/{body.section.lower()}">{body.section}</a></div>
<div class="headline"><h1>{html.escape(body.title)}</h1></div>
<div class="story-info"><span class="author">{body.author}</span> <span class="date">{pretty_date(body.date)}, {CLOCKS[2]}</span></div>
<div class="story-body">
{body_html(body, insert={1: read_more})}
</div>
<div class="tags">Tags: <a>{body.section}</a> <a>World</a></div>
</div>
<div class="col-side"><div class="most-read"><div class="box-title">Most read</div>{most_read}</div></div></div>
<div class="bottom"><p>Newsportal Ltd. Registered in England. Reproduction of this material without written permission is prohibited.</p></div>
{site_footer("Newsportal")}
</body></html>
"""
    )


def magazine(body: Body, others: list[Body]) -> str:
    """A magazine layout: figure with caption, share bar, tags, 'You may also like' cards under the article."""
    cards = "".join(
        f'<div class="card"><a href="/{o.name}"><h3>{html.escape(o.title)}</h3></a><p>{html.escape(o.lead)}</p></div>'
        for o in others[:3]
    )
    figure = '<figure><img src="/img/photo.jpg" alt=""><figcaption>A file photo from the scene. (Photo: Agency)</figcaption></figure>'
    return (
        head(body, "Horizon Magazine")
        + f"""<body>
{mega_menu()}
{nav(SECTIONS)}
<main><article>
<p class="kicker">{body.section}</p>
<h1>{html.escape(body.title)}</h1>
<p class="dek">By {body.author} &middot; {pretty_date(body.date)} &middot; 4 min read</p>
<div class="share">Share this article: <a>Facebook</a> <a>Twitter</a> <a>Email</a></div>
{figure}
<section class="body">
{body_html(body)}
</section>
<div class="share">Share this article: <a>Facebook</a> <a>Twitter</a> <a>Email</a></div>
<section class="also"><h2>You may also like</h2>{cards}</section>
</article></main>
<footer><p>&copy; Horizon Magazine 2024</p><p>Sign up for our weekly newsletter</p></footer>
{site_footer("Horizon Magazine")}
</body></html>
"""
    )


def government(body: Body, others: list[Body]) -> str:
    """A public broadcaster page: breadcrumbs, updated line, a RELATED paragraph, follow links, an empty comments box."""
    related = f'<p class="related"><strong>RELATED:</strong> <a href="/{others[0].name}">{html.escape(others[0].title)}</a></p>'
    return (
        head(body, "Public Voice", jsonld=True)
        + f"""<body>
{mega_menu()}
<div class="skip"><a href="#content">Skip to main content</a></div>
<header>{nav(["Home", "News", "Video", "Audio", "Learning English"])}</header>
<div id="content"><ol class="breadcrumb"><li>Home</li><li>News</li><li>{body.section}</li></ol>
<h1 class="title">{html.escape(body.title)}</h1>
<div class="published">Last Updated: {pretty_date(body.date)} 10:05 PM</div>
<div class="wsw">
{body_html(body, insert={3: related})}
</div>
<div class="follow">Follow us on <a>Facebook</a> <a>X</a> <a>YouTube</a></div>
<div class="comments"><h4>Comments</h4><p>There are no comments yet. Be the first to comment.</p><form><textarea></textarea></form></div>
</div>
<footer><p>All content is in the public domain unless otherwise noted.</p></footer>
{site_footer("Public Voice")}
</body></html>
"""
    )


def minimal(body: Body, others: list[Body]) -> str:
    """A bare page with no article markup: byline paragraph, copyright and newsletter paragraphs in the same container."""
    return (
        head(body, "Metro Herald", meta=False)
        + f"""<body>
{mega_menu()}
<div class="container">
<h1>{html.escape(body.title)}</h1>
<p><em>By {body.author} | {pretty_date(body.date)}</em></p>
{body_html(body)}
<p>&copy; 2024 Metro Herald. This material may not be published, broadcast, rewritten or redistributed.</p>
<p>Subscribe to our newsletter for daily updates. <a href="/newsletter">Sign up here</a>.</p>
<p>Follow us on Twitter and Facebook.</p>
</div>
{site_footer("Metro Herald")}
</body></html>
"""
    )


def cards(body: Body, others: list[Body]) -> str:
    """An app-style page: 'More stories' teaser cards with ages inside the article element, then a footer."""
    more = "".join(
        f'<div class="teaser"><h3>{html.escape(o.title)}</h3><p>{html.escape(o.lead)}</p><span>{AGES[(i + 2) % len(AGES)]}</span></div>'
        for i, o in enumerate(others[:4])
    )
    return (
        head(body, "Newsline", jsonld=True)
        + f"""<body>
{mega_menu()}
<div class="app"><div class="topbar">Newsline {nav(SECTIONS[:5])}</div>
<article class="story">
<h1>{html.escape(body.title)}</h1>
<div class="meta">{body.author} &bull; {pretty_date(body.date)}</div>
<div class="content">
{body_html(body)}
</div>
<section class="more"><h2>More stories</h2>{more}</section>
</article>
<div class="footer">Terms of use &middot; Privacy policy &middot; &copy; 2024 Newsline Media</div></div>
{site_footer("Newsline")}
</body></html>
"""
    )


def discussion(body: Body, others: list[Body]) -> str:
    """A page with a long reader discussion and a 'Recommended for you' list."""
    recommended = "".join(
        f'<li><a href="/{o.name}">{html.escape(o.title)}</a> <small>{CLOCKS[i % len(CLOCKS)]}</small></li>'
        for i, o in enumerate(others[:5])
    )
    comments = [
        "This is exactly what I was worried about when I read the first reports last week.",
        "Thanks for the update. Will there be a follow-up once the official figures are out?",
        "People in the comments keep blaming each other instead of looking at the facts in the article.",
        "My cousin lives nearby and says the situation is much worse than what is being reported.",
        "Good piece, but it would help to have a map showing where all of this happened.",
    ]
    thread = "".join(
        f'<div class="comment"><span class="user">reader{i}</span><p>{c}</p><a>Reply</a></div>'
        for i, c in enumerate(comments)
    )
    return (
        head(body, "Evening Post")
        + f"""<body>
{mega_menu()}
<header>{nav(SECTIONS)}</header>
<div id="main"><article>
<h1>{html.escape(body.title)}</h1>
<p class="byline">{body.author}, {body.section} correspondent</p>
<div class="article-text">
{body_html(body)}
</div>
</article>
<section id="comments"><h2>Join the discussion (5 comments)</h2>{thread}<p>Comments are moderated. Please read our community guidelines.</p></section>
<aside><h3>Recommended for you</h3><ul>{recommended}</ul></aside></div>
<footer>Evening Post &copy; 2024. All rights reserved.</footer>
{site_footer("Evening Post")}
</body></html>
"""
    )


def split(body: Body, others: list[Body]) -> str:
    """A body split around ad slots, an inline 'Related coverage' box and a numbered 'Most popular' list."""
    half = len(body.paragraphs) // 2
    ad = '<div class="ad-slot"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-1"></div></div>'
    related = (
        '<aside class="inline-box"><h4>Related coverage</h4><ul>'
        + "".join(f'<li><a href="/{o.name}">{html.escape(o.title)}</a></li>' for o in others[:3])
        + "</ul></aside>"
    )
    first = Body(body.name, body.title, body.author, body.date, body.section, body.lang, body.paragraphs[:half])
    second = Body(body.name, body.title, body.author, body.date, body.section, body.lang, body.paragraphs[half:])
    popular = "".join(f"<li><span>{i + 1}</span> {html.escape(o.title)}</li>" for i, o in enumerate(others[3:8]))
    return (
        head(body, "Capital Times", jsonld=True)
        + f"""<body>
<header>{nav(SECTIONS)}</header>
<article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{html.escape(body.title)}</h1>
<div class="byline">By <span itemprop="author">{body.author}</span> | Published {pretty_date(body.date)} | Updated {pretty_date(body.date)}</div>
<figure><img src="/a.jpg" alt=""><figcaption>Officials at the scene. Photo: Reuters</figcaption></figure>
<div class="paywall-part" itemprop="articleBody">{body_html(first, insert={1: ad})}</div>
{related}
<div class="paywall-part">{body_html(second)}</div>
{ad}
<div class="most-popular"><h3>Most popular</h3><ol>{popular}</ol></div>
</article>
<footer><p>&copy; 2024 Capital Times Company. All rights reserved.</p></footer>
</body></html>
"""
    )


def legacy(body: Body, others: list[Body]) -> str:
    """An old table layout: navigation cell, content cell with <br> between paragraphs, <font> tags."""
    paragraphs = "<br><br>\n".join(
        f"<b>{html.escape(p[3:])}</b>" if p.startswith("## ") else html.escape(_plain(p)) for p in body.paragraphs
    )
    links = "<br>".join(f'<a href="/{o.name}">{html.escape(o.title)}</a>' for o in others[:6])
    return (
        head(body, "County Chronicle", meta=False)
        + f"""<body>
<table width="100%"><tr>
<td class="left" width="180"><font size="2"><b>Sections</b><br>{"<br>".join(SECTIONS)}<br><br><b>Other headlines</b><br>{links}</font></td>
<td class="main"><font face="Arial" size="3"><h2>{html.escape(body.title)}</h2>
<i>{body.author}, Chronicle Staff Writer &ndash; {pretty_date(body.date)}</i><br><br>
{paragraphs}
<br><br><a href="/print">Printer-friendly version</a> | <a href="/email">E-mail this story</a></font></td>
</tr></table>
<center><font size="1">Copyright &copy; 2004 County Chronicle. All rights reserved.</font></center>
</body></html>
"""
    )


TEMPLATES = [wire, blog, portal, magazine, government, minimal, cards, discussion, split, legacy]


def text_page(body: Body, others: list[Body], recipe: int) -> str:
    """A plain-text page as a scraper leaves it: the body between furniture, in one of several layouts."""
    paras = [_plain(p) for p in body.paragraphs]
    teasers = [o.title for o in others[:5]]
    if recipe == 0:
        top = [f"By {body.author}, {body.section} Correspondent"]
        tail = [
            f"Copyright {body.date[:4]} The Observer Network. All rights reserved.",
            "More from The Observer Network",
            *[o.lead for o in others[:5]],
        ]
    elif recipe == 1:
        top = [body.section, pretty_date(body.date)]
        tail = ["Share this article", "Facebook", "Twitter", "Email", "Related articles"] + [
            x for t, a in zip(teasers, AGES, strict=False) for x in (t, a)
        ]
    elif recipe == 2:
        top = [f"Published: {body.date}", f"Written by {body.author}"]
        paras.insert(
            3, "Subscribe to our newsletter to get the latest headlines delivered to your inbox every morning."
        )
        tail = ["Comments", "Be the first to comment on this article.", "Popular now", *teasers[:4]]
    elif recipe == 3:
        top = []
        tail = [
            body.author,
            f"I am a freelance journalist who has spent the past decade covering {body.section.lower()} for newspapers and broadcasters. In my spare time I write fiction and run marathons.",
            "Trending",
            *[x for t, c in zip(teasers, CLOCKS, strict=False) for x in (c, t)],
        ]
    elif recipe == 4:
        top = [f"{pretty_date(body.date)} | {CLOCKS[1]} GMT"]
        paras.insert(2, f"READ MORE: {others[0].title}")
        tail = [
            "This article may not be reproduced without the permission of the publisher.",
            "Click here to sign up for breaking news alerts.",
        ]
    elif recipe == 6:
        top = [f"{body.title}", f"{body.author} | {pretty_date(body.date)}"]
        wrapped = [textwrap.fill(p, 72) for p in paras]
        half = len(wrapped) // 2
        middle = ["Advertisement", "Related Coverage", *[o.title for o in others[:3]]]
        return "\n\n".join([*top, *wrapped[:half], *middle, *wrapped[half:], "Advertisement"]) + "\n"
    else:
        top = [f"BY {body.author.upper()}", f"Updated {pretty_date(body.date)}"]
        tail = [
            "Tags: " + ", ".join([body.section, "World", "Breaking"]),
            "You might also be interested in:",
            *[f"{t} ({AGES[i]})" for i, t in enumerate(teasers[:3])],
            "View comments",
        ]
    blank = "\n\n" if recipe % 2 == 0 else "\n"
    return blank.join([*top, *paras, *tail]) + "\n"


def main() -> None:
    """Write html/*.html and text/*.txt, each with a .expected.txt beside it."""
    bodies = [read_body(path) for path in sorted((HERE / "bodies").glob("*.txt"))]
    (HERE / "html").mkdir(exist_ok=True)
    (HERE / "text").mkdir(exist_ok=True)
    for index, body in enumerate(bodies):
        others = [b for b in bodies[index + 1 :] + bodies[:index] if b.lang == "en"]
        for template in (TEMPLATES[index % len(TEMPLATES)], TEMPLATES[(index + 3) % len(TEMPLATES)]):
            stem = f"{body.name}-{template.__name__}"
            (HERE / "html" / f"{stem}.html").write_text(template(body, others), encoding="utf-8")
            (HERE / "html" / f"{stem}.expected.txt").write_text(expected_text(body), encoding="utf-8")
        if index < 13:
            (HERE / "text" / f"{body.name}.txt").write_text(text_page(body, others, index % 7), encoding="utf-8")
            (HERE / "text" / f"{body.name}.expected.txt").write_text(expected_text(body), encoding="utf-8")


if __name__ == "__main__":
    main()
