"""The bench's articles; here, a synthetic news corpus from a seeded RNG: HTML pages with site furniture, plain-text
articles, wire copies (`files` reads real ones).

Bodies are templated news sentences about named countries, officials and places, so the extract stage finds
events in them; no article is fetched from anywhere.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

from services.sources.ingest import ArticleInput
from services.stages import entry_stage, stages_from

# Articles given with their content enter after the download: the fetch stage has nothing to do in the bench.
BENCH_STAGES = stages_from(entry_stage(has_content=True))

COUNTRIES = (
    ("France", "Paris", "French"), ("Germany", "Berlin", "German"), ("Japan", "Tokyo", "Japanese"),
    ("Brazil", "Brasília", "Brazilian"), ("Argentina", "Buenos Aires", "Argentine"), ("Kenya", "Nairobi", "Kenyan"),
    ("Turkey", "Ankara", "Turkish"), ("Greece", "Athens", "Greek"), ("India", "New Delhi", "Indian"),
    ("Pakistan", "Islamabad", "Pakistani"), ("Egypt", "Cairo", "Egyptian"), ("Nigeria", "Abuja", "Nigerian"),
    ("Mexico", "Mexico City", "Mexican"), ("Canada", "Ottawa", "Canadian"), ("Poland", "Warsaw", "Polish"),
    ("Spain", "Madrid", "Spanish"), ("Italy", "Rome", "Italian"), ("Indonesia", "Jakarta", "Indonesian"),
    ("Vietnam", "Hanoi", "Vietnamese"), ("Peru", "Lima", "Peruvian"), ("Ethiopia", "Addis Ababa", "Ethiopian"),
    ("Sweden", "Stockholm", "Swedish"), ("Chile", "Santiago", "Chilean"), ("Ghana", "Accra", "Ghanaian"),
)  # fmt: skip
OFFICES = ("foreign minister", "president", "prime minister", "defence minister", "trade minister")
FORCES = ("troops", "soldiers", "police", "border guards")
THINGS = ("trade agreement", "security pact", "energy deal", "climate accord", "fisheries treaty")
TOPICS = ("the border dispute", "grain exports", "the refugee crisis", "energy prices", "water rights", "tariffs")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FIRST = ("Anna", "Tomás", "Priya", "Jonas", "Grace", "Mehmet", "Sarah", "Kenji", "Lucía", "David", "Olga", "Ravi")

# One sentence a template; {a} and {b} are countries, {ca} a capital, {da} a demonym.
EVENT_SENTENCES = (
    "The {office} of {a} met the {office2} of {b} in {cb} on {day} to discuss {topic}.",
    "Police arrested {n} protesters in {ca} on {day} after clashes near parliament, officials said.",
    "{a} withdrew its {forces} from the border with {b} on {day}.",
    "{a} imposed sanctions on {b} over {topic}, the government said.",
    "The government of {a} signed a {thing} with {b} in {ca} on {day}.",
    "Rebels attacked a military convoy near {ca}, killing {n} soldiers, the army of {a} said.",
    "{a} condemned the attack on {da} aid workers near {cb}.",
    "{a} and {b} agreed to resume talks on {topic} next month.",
    "The {office} of {a} visited {cb} on {day} and praised the government of {b}.",
    "{a} accused {b} of violating the ceasefire near {cb}.",
    "{da} officials said {a} would send aid to {b} after the floods.",
    "{a} expelled {n} diplomats of {b} on {day}, the foreign ministry said.",
)
# Background sentences are put together word by word from these lists, so unrelated reports share few word pairs,
# as real ones do (the dedup stage compares word pairs).
SUBJECTS = (
    "officials", "lawmakers", "analysts", "executives", "farmers", "economists", "campaigners", "investors",
    "residents", "teachers", "doctors", "engineers", "regulators", "auditors", "contractors", "unions",
    "shopkeepers", "commuters", "fishermen", "students", "nurses", "judges", "prosecutors", "mayors", "governors",
    "traders", "miners", "pilots", "bankers", "landlords", "tenants", "drivers", "planners", "scientists",
    "historians", "diplomats", "volunteers", "exporters", "importers", "growers", "builders", "insurers"
)  # fmt: skip
ADJECTIVES = (
    "disputed", "ambitious", "delayed", "costly", "revised", "controversial", "modest", "secret", "provisional",
    "sweeping", "regional", "northern", "southern", "eastern", "western", "coastal", "rural", "industrial",
    "temporary", "annual", "quarterly", "municipal", "private", "public", "expensive", "cheaper", "faster",
    "slower", "unpopular", "popular", "fragile", "stable", "volatile", "informal", "formal", "urgent", "routine",
    "unexpected", "predictable", "generous", "strict", "lenient", "outdated", "modern", "traditional", "digital",
    "local", "national", "foreign", "domestic", "seasonal", "weekly", "monthly", "fiscal", "legal", "illegal",
    "voluntary", "mandatory", "partial", "complete", "broad", "narrow"
)  # fmt: skip
NOUNS = (
    "harbour", "pension", "railway", "budget", "licence", "reservoir", "housing", "tax", "grain", "tariff",
    "bridge", "school", "subsidy", "airport", "survey", "wage", "census", "levee", "hospital", "clinic", "highway",
    "tunnel", "pipeline", "refinery", "factory", "warehouse", "market", "bakery", "dairy", "vineyard", "orchard",
    "forest", "quarry", "canal", "ferry", "stadium", "museum", "library", "courthouse", "prison", "barracks",
    "embassy", "consulate", "parliament", "council", "ministry", "agency", "regulator", "court", "inquiry", "audit",
    "contract", "lease", "mortgage", "loan", "bond", "currency", "inflation", "deficit", "surplus", "export",
    "import", "quota", "permit", "visa", "passport", "ballot", "referendum", "census", "salary", "bonus", "fine",
    "penalty", "levy", "toll", "fare", "ticket", "voucher", "grant", "scholarship", "curriculum", "exam",
    "syllabus", "vaccine", "antibiotic", "ambulance", "fleet", "convoy", "tanker", "freighter", "locomotive",
    "tram", "bus", "lorry", "bicycle", "scooter", "drone", "satellite", "antenna", "cable", "turbine", "reactor",
    "dam", "sluice", "pump", "generator", "battery", "charger", "meter", "sensor"
)  # fmt: skip
VERBS = (
    "questioned", "welcomed", "criticised", "reviewed", "debated", "challenged", "supported", "studied", "doubted",
    "defended", "examined", "discussed", "opposed", "endorsed", "scrutinised", "delayed", "approved", "rejected",
    "postponed", "revised", "funded", "audited", "inspected", "blocked", "extended", "renewed", "cancelled",
    "doubled", "halved", "expanded", "reduced", "suspended", "restored", "replaced", "upgraded", "repaired",
    "financed", "appealed", "contested", "mapped", "measured", "priced"
)  # fmt: skip
PREPOSITIONS = ("in", "near", "outside", "around", "beyond", "across", "behind", "throughout")
LINKS = ("after", "before", "despite", "during", "amid", "following", "ahead")
WIRE_SYNONYMS = {"said": "stated", "officials": "authorities", "government": "administration", "talks": "negotiations"}
FURNITURE_HEADLINES = (
    "Markets close higher as oil steadies", "Five things to know this morning", "Weather: storms expected",
    "Opinion: the summit nobody wanted", "Sport: late goal settles the derby", "How the new tax rules affect you",
    "Watch: scenes from the festival", "Tech giants face fresh scrutiny", "Letters to the editor",
)  # fmt: skip
SITES = ("The Daily Ledger", "Morning Courier", "Global Dispatch", "The Evening Post")
AGENCIES = ("Wire", "NewsWire", "Global Press")
# A fixed daily volume, as a live feed has: a larger corpus spans more days (10,000 articles a month), not more
# articles a day, so each day's events and stories stay as many and as big however long the run.
ARTICLES_PER_DAY = 333
# An original report follows up a recent story (the same countries, town and spokesperson, a new text) this often;
# otherwise it opens a story of its own, as most reports of a day do.
FOLLOW_UP = 0.4
RECENT_TOPICS = 30
# Syllables of made-up town names: every story gets a place name of its own, as real ones do.
SYLLABLES = ("var", "ol", "tem", "bra", "ska", "lin", "dor", "ma", "ket", "ru", "zel", "pon", "sha", "vek", "ida")


@dataclass(frozen=True)
class BenchArticle:
    """One article of the corpus, as ingest receives it; `copy_of` names the original of a wire copy.

    An article read from a file may also come with a URL, what ingest is given with it (title, published, source),
    and the problem that makes ingest store it failed (a record that is not one, a file of an unsupported type).
    """

    key: str
    content: bytes
    content_type: str | None
    published: str | None
    copy_of: str | None = None
    url: str | None = None
    given: dict[str, str] = field(default_factory=dict)
    problem: str | None = None

    def as_input(self) -> ArticleInput:
        """The article as ingest takes it."""
        return ArticleInput(
            self.key, url=self.url, raw=self.content, content_type=self.content_type, source=self.given.get("source"),
            given=self.given, problem=self.problem,
        )  # fmt: skip


@dataclass(frozen=True)
class Failure:
    """An input that ended neither stored nor a duplicate: its final status, the stage and the reason."""

    status: str  # "failed" or "skipped" as in the pipeline, or "refused" (never taken, as ingest refuses a file)
    stage: str
    reason: str


@dataclass(frozen=True)
class _Topic:
    """What one story is about: two countries, a town and the spokesperson quoted."""

    pair: tuple[tuple[str, str, str], tuple[str, str, str]]
    town: str
    spokesperson: str


@dataclass(frozen=True)
class _Story:
    key: str
    title: str
    paragraphs: list[str]
    published: date


def make_corpus(count: int, *, copies: float, seed: int, html_share: float = 0.7) -> list[BenchArticle]:
    """`count` articles: a share `copies` of them wire copies of earlier originals, the rest original reports."""
    if not 0 <= copies < 1:
        raise ValueError(f"the copy rate must be in [0, 1), not {copies}")
    rng = random.Random(seed)
    originals: list[_Story] = []
    topics: list[_Topic] = []
    articles: list[BenchArticle] = []
    start = date(2025, 3, 1)
    for number in range(count):
        published = start + timedelta(days=number // ARTICLES_PER_DAY)
        if originals and rng.random() < copies:
            source = rng.choice(originals[-200:])  # wire copies follow their original closely
            story = _wire_copy(source, f"a{number}", rng)
            copy_of = source.key
        else:
            if not topics or rng.random() >= FOLLOW_UP:
                topics.append(_new_topic(rng))
            story = _original(f"a{number}", published, rng.choice(topics[-RECENT_TOPICS:]), rng)
            originals.append(story)
            copy_of = None
        if rng.random() < html_share:
            content, content_type = _html_page(story, rng), "text/html"
        else:
            content, content_type = _text_page(story, rng), "text/plain"
        articles.append(BenchArticle(story.key, content.encode(), content_type, story.published.isoformat(), copy_of))
    return articles


def _made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {_made_up_name(rng)}"


def _new_topic(rng: random.Random) -> _Topic:
    a, b = rng.sample(COUNTRIES, 2)
    return _Topic((a, b), _made_up_name(rng), _person(rng))


def _fill(template: str, rng: random.Random, pair: tuple | None = None) -> str:
    (a, ca, da), (b, cb, _) = pair or rng.sample(COUNTRIES, 2)
    office, office2 = rng.sample(OFFICES, 2)
    return template.format(
        a=a, b=b, ca=ca, cb=cb, da=da, office=office, office2=office2, day=rng.choice(WEEKDAYS),
        topic=rng.choice(TOPICS), forces=rng.choice(FORCES), thing=rng.choice(THINGS), n=rng.randint(2, 90),
    )  # fmt: skip


def _noun_phrase(rng: random.Random) -> str:
    words = [rng.choice(ADJECTIVES)] if rng.random() < 0.7 else []
    words += rng.sample(NOUNS, rng.choice((1, 1, 2)))
    return " ".join(words)


def _background(rng: random.Random) -> str:
    """A sentence of background from the word lists, with a place, and sometimes a figure or a name."""
    subject = rng.choice(SUBJECTS)
    if rng.random() < 0.5:
        subject = f"{rng.choice(ADJECTIVES)} {subject}"
    sentence = f"{subject.capitalize()} {rng.choice(VERBS)} the {_noun_phrase(rng)}"
    roll = rng.random()
    if roll < 0.4:
        sentence += f" {rng.choice(PREPOSITIONS)} {_made_up_name(rng)}"
    elif roll < 0.7:
        sentence += f" {rng.choice(LINKS)} the {_noun_phrase(rng)}"
    if rng.random() < 0.3:
        sentence += f", {_person(rng)} said"
    elif rng.random() < 0.3:
        sentence += f" worth {rng.randint(2, 900)} million {rng.choice(('dollars', 'euros', 'pounds'))}"
    return sentence + "."


def _original(key: str, published: date, topic: _Topic, rng: random.Random) -> _Story:
    """A report on a topic: a lede with its event, then paragraphs mixing events (mostly the topic's countries)
    and background, with the topic's town and spokesperson named."""
    lede = _fill(rng.choice(EVENT_SENTENCES), rng, topic.pair)
    (_, _, da), _ = topic.pair
    quote = f"{topic.spokesperson}, a {da} spokesperson, said the situation in {topic.town} remained tense."
    paragraphs = []
    for _ in range(rng.randint(5, 9)):
        pair = topic.pair if rng.random() < 0.85 else None
        sentences = [_fill(rng.choice(EVENT_SENTENCES), rng, pair)] if rng.random() < 0.7 else []
        sentences += [_background(rng) for _ in range(rng.randint(2, 4))]
        rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
    paragraphs[0] = f"{lede} {paragraphs[0]}"
    paragraphs[1] = f"{quote} {paragraphs[1]}"
    title = lede.split(",")[0].removesuffix(".")
    return _Story(key, title, paragraphs, published)


def _wire_copy(source: _Story, key: str, rng: random.Random) -> _Story:
    """A syndicated copy: a new headline, a dateline, a few words changed, sometimes the tail cut."""
    keep = len(source.paragraphs) if rng.random() < 0.6 else max(2, len(source.paragraphs) * 3 // 4)
    paragraphs = []
    for paragraph in source.paragraphs[:keep]:
        words = paragraph.split()
        for position in rng.sample(range(len(words)), k=max(1, len(words) // 50)):
            words[position] = WIRE_SYNONYMS.get(words[position], words[position])
        paragraphs.append(" ".join(words))
    city = rng.choice(COUNTRIES)[1].upper()
    paragraphs[0] = f"{city} ({rng.choice(AGENCIES)}) - {paragraphs[0]}"
    title = rng.choice(("UPDATE 1-", "REFILE-", "", "BREAKING: ")) + source.title
    published = source.published + timedelta(days=rng.choice((0, 0, 1)))
    return _Story(key, title, paragraphs, published)


def _byline(rng: random.Random) -> str:
    return _person(rng)


def _html_page(story: _Story, rng: random.Random) -> str:
    """The story inside one of several site layouts: navigation, promos, related headlines, footer."""
    site = rng.choice(SITES)
    related = "".join(
        f'<li><a href="/n/{rng.randint(1, 99999)}">{h}</a></li>' for h in rng.sample(FURNITURE_HEADLINES, 4)
    )
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    nav = "".join(f'<a href="/{s.lower()}">{s}</a> ' for s in ("World", "Business", "Sport", "Opinion", "Culture"))
    layout = rng.randrange(3)
    article = (
        f'<article><h1>{escape(story.title)}</h1><p class="byline">By {_byline(rng)}</p>'
        f'<time datetime="{story.published.isoformat()}">{story.published:%d %B %Y}</time>{body}</article>'
    )
    if layout == 0:
        main = f'<main>{article}<aside class="related"><h2>Related</h2><ul>{related}</ul></aside></main>'
    elif layout == 1:
        main = (
            f'<div id="content"><div class="promo">Subscribe for unlimited access. Cancel anytime.</div>{article}'
            f'<section class="more"><h3>More from {site}</h3><ul>{related}</ul></section></div>'
        )
    else:
        main = (
            f'<div class="wrap"><div class="col-main">{article}</div><div class="col-side"><h4>Most read</h4>'
            f'<ol>{related}</ol><div class="newsletter">Sign up for our daily newsletter</div></div></div>'
        )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(story.title)} | {site}</title>'
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{story.published.isoformat()}"></head><body>'
        f'<header><div class="logo">{site}</div><nav>{nav}</nav></header>{main}'
        f'<div class="cookies">We use cookies to improve your experience. Accept all</div>'
        f"<footer><p>\u00a9 2025 {site}. All rights reserved.</p><p>About us | Contact | Privacy</p></footer>"
        "</body></html>"
    )


def _text_page(story: _Story, rng: random.Random) -> str:
    """The story as plain text with a byline, a share line, related headlines and a copyright line."""
    related = "\n".join(rng.sample(FURNITURE_HEADLINES, 3))
    return (
        f"{story.title}\n\nBy {_byline(rng)}\n{story.published:%B %d, %Y}\n\n"
        + "\n\n".join(story.paragraphs)
        + f"\n\nShare this article\n\nRelated stories\n{related}\n\n\u00a9 2025 {rng.choice(SITES)}"
    )
