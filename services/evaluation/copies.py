"""Wire copies of real articles, made with a seeded generator: every original plus edited copies at three levels.

A copy gets a new headline, a dateline, word edits, a cut tail, OCR-like noise (heavy copies only) and an agency
footer: what syndication does to a story. `make_benchmark(articles, seed=7)` gives the stream, each original
before its copies, in a shuffled order.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

from services.extract.lexicon import places


@dataclass(frozen=True)
class Level:
    name: str
    cut: float  # share of the body's words dropped from the end
    word_edits: float  # share of the kept words substituted, deleted or inserted
    char_noise: float  # share of characters hit by OCR-like noise


LEVELS = (
    Level("light", cut=0.0, word_edits=0.02, char_noise=0.0),
    Level("medium", cut=0.2, word_edits=0.05, char_noise=0.0),
    Level("heavy", cut=0.4, word_edits=0.10, char_noise=0.02),
)

SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "about": "around",
    "around": "roughly",
    "nearly": "almost",
    "almost": "nearly",
    "large": "big",
    "big": "large",
    "small": "little",
    "major": "key",
    "help": "assist",
    "began": "started",
    "started": "began",
    "start": "begin",
    "also": "additionally",
    "but": "yet",
    "after": "following",
    "government": "administration",
    "officials": "authorities",
    "authorities": "officials",
    "country": "nation",
    "city": "town",
    "showed": "indicated",
    "shows": "indicates",
    "warned": "cautioned",
    "rose": "climbed",
    "fell": "dropped",
    "increase": "rise",
    "damaged": "harmed",
    "destroyed": "wrecked",
    "homes": "houses",
    "houses": "homes",
    "residents": "locals",
    "plan": "proposal",
    "plans": "proposals",
    "quickly": "rapidly",
    "many": "numerous",
    "several": "various",
    "expected": "anticipated",
    "received": "got",
    "important": "significant",
    "significant": "major",
    "concerns": "worries",
    "worried": "concerned",
    "need": "require",
    "needs": "requires",
    "statement": "announcement",
    "company": "firm",
    "firm": "company",
    "companies": "firms",
    "firms": "companies",
    "children": "kids",
    "workers": "employees",
    "employees": "staff",
    "buy": "purchase",
    "announced": "unveiled",
    "decision": "move",
    "people": "persons",
    "killed": "slain",
    "week": "weekend",
    "first": "initial",
    "last": "final",
    "support": "backing",
    "urged": "pressed",
    "criticised": "faulted",
    "reported": "recorded",
}
FILLERS = ("also", "now", "still", "reportedly", "further", "then", "however", "indeed", "just", "already")

HUBS = ("LONDON", "NEW YORK", "PARIS", "SINGAPORE", "WASHINGTON", "JOHANNESBURG")
AGENCIES = ("Wire", "NewsWire", "Global Press", "WNS")
DASHES = (" — ", " - ", " -- ")
REPORTERS = (
    "Anna Keller",
    "Tomás Ortega",
    "Priya Raman",
    "Jonas Lindqvist",
    "Grace Obi",
    "Mehmet Aksoy",
    "Sarah Nolan",
    "Kenji Sato",
    "Lucía Ferrer",
    "David Mensah",
    "Olga Petrenko",
    "Ravi Kapoor",
)
EDITORS = ("Mark Heinrich", "Alison Williams", "Peter Graff", "Clelia Oziel", "Hugh Lawson", "Nick Macfie")

# Sentence ends that are really abbreviations, so a cut never leaves "... said Dr."
ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "st", "prof", "no", "gen", "lt", "sen", "rep", "jr", "u.s", "u.k"}
SENTENCE_END = re.compile(r"[.!?][\"”’')]?\s+")
WORD = re.compile(r"^(\W*)(.*?)(\W*)$")
NAME = re.compile(r"\b[A-Z][\w'-]+(?: [A-Z][\w'-]+)?")
OCR_SWAPS = {"m": "rn", "l": "1", "1": "l", "O": "0", "0": "O", " ": ""}  # a space lost is two words run together


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping punctuation and quotes with each sentence."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        following = paragraph[match.end() : match.end() + 1]
        if last in ABBREVIATIONS or not (following.isupper() or following in '"“‘('):
            continue
        sentences.append(paragraph[start : match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        sentences.append(paragraph[start:].strip())
    return sentences


def cut_tail(paragraphs: list[str], share: float) -> list[str]:
    """Drop about `share` of the words from the end, at the sentence boundary nearest the target."""
    if share <= 0:
        return list(paragraphs)
    flat = [(i, s) for i, p in enumerate(paragraphs) for s in split_sentences(p)]
    total = sum(len(s.split()) for _, s in flat)
    target = total * (1 - share)
    best_k, best_gap, kept = 1, float("inf"), 0
    for k, (_, sentence) in enumerate(flat, start=1):
        kept += len(sentence.split())
        if abs(kept - target) < best_gap:
            best_k, best_gap = k, abs(kept - target)
    out: list[list[str]] = []
    last_para = None
    for para, sentence in flat[:best_k]:
        if para != last_para:
            out.append([])
            last_para = para
        out[-1].append(sentence)
    return [" ".join(p) for p in out]


def _recase(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def edit_words(paragraphs: list[str], share: float, rng: random.Random) -> list[str]:
    """Apply round(share * words) edits, each a synonym swap, a deletion or an inserted filler word."""
    words = [(i, w) for i, p in enumerate(paragraphs) for w in p.split()]
    n_edits = min(len(words), max(1, round(share * len(words))))
    swappable = [i for i, (_, w) in enumerate(words) if WORD.match(w).group(2).lower() in SYNONYMS]
    edits: dict[int, str] = {}
    while len(edits) < n_edits:
        op = rng.choice(("swap", "swap", "delete", "insert"))
        # A swap needs a word the table knows; once those run out the edit becomes an insertion.
        free = [i for i in swappable if i not in edits] if op == "swap" else []
        if op == "swap" and not free:
            op = "insert"
        pos = rng.choice(free) if op == "swap" else rng.randrange(len(words))
        edits.setdefault(pos, op)
    for pos in sorted(edits, reverse=True):  # back to front, so earlier positions stay valid
        para, word = words[pos]
        if edits[pos] == "swap":
            lead, core, trail = WORD.match(word).groups()
            words[pos] = (para, lead + _recase(SYNONYMS[core.lower()], core) + trail)
        elif edits[pos] == "insert" or sum(1 for p, _ in words if p == para) == 1:
            words.insert(pos, (para, rng.choice(FILLERS)))  # never empty a paragraph
        else:
            del words[pos]
    out: dict[int, list[str]] = {}
    for para, word in words:
        out.setdefault(para, []).append(word)
    return [" ".join(out[i]) for i in sorted(out)]


def ocr_noise(text: str, share: float, rng: random.Random) -> str:
    """Corrupt about `share` of the characters the way OCR does: rn/m, l/1, O/0, dropped, doubled, no space."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\n" or rng.random() >= share:
            out.append(ch)
            i += 1
            continue
        if text.startswith("rn", i):
            out.append("m")
            i += 2
            continue
        if ch in OCR_SWAPS:
            out.append(OCR_SWAPS[ch])
        elif ch.isalpha():
            out.append(ch * 2 if rng.random() < 0.5 else "")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def new_headline(title: str, rng: random.Random) -> str:
    """A wire-style variant of the original headline."""
    style = rng.randrange(6)
    if style == 0:
        return f"UPDATE {rng.randint(1, 3)}-{title}"
    if style == 1:
        return title.upper()
    if style == 2:
        return f"REFILE-{title}"
    if style == 3:
        return f"WRAPUP {rng.randint(1, 2)}-{title}"
    if style == 4:
        return f"BREAKING: {title}"
    return f"(LEAD) {title}"


def dateline(text: str, rng: random.Random) -> str:
    """A dateline such as 'LONDON (Wire) — ', placed in one of the first cities the story names, else a hub."""
    gazetteer = places()
    # "In Istanbul" and "Addis Ababa" both match as two words: try the pair, then each word.
    names = (name for m in NAME.finditer(text) for name in (m.group(), *m.group().split()))
    found = list(dict.fromkeys(n for n in names if n in gazetteer and gazetteer[n].lat is not None))[:3]
    city = rng.choice(found).upper() if found else rng.choice(HUBS)
    return f"{city} ({rng.choice(AGENCIES)}){rng.choice(DASHES)}"


def footer(rng: random.Random) -> str:
    """A varied agency footer: reporting and editing credits or a copyright line."""
    style = rng.randrange(5)
    reporter, second = rng.sample(REPORTERS, 2)
    editor = rng.choice(EDITORS)
    if style == 0:
        return f"Reporting by {reporter}; Editing by {editor}"
    if style == 1:
        return f"(Reporting by {reporter} and {second}; Writing by {reporter}; Editing by {editor})"
    if style == 2:
        return f"Reporting by {reporter}; Additional reporting by {second}; Editing by {editor}"
    if style == 3:
        return f"© 2025 {rng.choice(AGENCIES)}. All rights reserved."
    return (
        f"Copyright 2025 {rng.choice(AGENCIES)}. This material may not be published, broadcast, "
        "rewritten or redistributed."
    )


def make_copy(article: dict, level: Level, rng: random.Random) -> str:
    """One wire copy of an article at the given edit level."""
    paragraphs = [p for p in re.split(r"\n+", article["text"]) if p.strip()]  # blank-line or one-line paragraphs
    paragraphs = cut_tail(paragraphs, level.cut)
    paragraphs = edit_words(paragraphs, level.word_edits, rng)
    paragraphs[0] = dateline(article["text"], rng) + paragraphs[0]
    body = "\n\n".join([new_headline(article["title"], rng), *paragraphs])
    if level.char_noise:
        body = ocr_noise(body, level.char_noise, rng)
    return body + "\n\n" + footer(rng)


def make_benchmark(corpus: list[dict], *, seed: int, copies_per_level: int = 1) -> list[dict]:
    """Originals and their copies in a shuffled arrival order where each original comes before its copies."""
    rng = random.Random(seed)
    groups: list[list[dict]] = []
    for article in corpus:
        group = [
            {
                "id": article["id"],
                "text": article["text"],
                "published": article["published"],
                "copy_of": None,
                "level": None,
                "story": article["story"],
            }
        ]
        for level in LEVELS:
            for n in range(1, copies_per_level + 1):
                copy_id = f"{article['id']}-{level.name}-{n}"
                # Each copy draws from its own generator, so a change in how one copy is made (a dateline city
                # the gazetteer now knows) leaves every other copy as it was.
                copy_rng = random.Random(f"{seed}:{copy_id}")
                # Copies go out the same day or the next, as syndicated wire copy does.
                days = dt.timedelta(days=copy_rng.choice((0, 0, 1)))
                published = dt.date.fromisoformat(article["published"]) + days if article["published"] else None
                group.append(
                    {
                        "id": copy_id,
                        "text": make_copy(article, level, copy_rng),
                        "published": published and published.isoformat(),
                        "copy_of": article["id"],
                        "level": level.name,
                        "story": article["story"],
                    }
                )
        copies = group[1:]
        rng.shuffle(copies)
        groups.append(group[:1] + copies)
    order = [g for g, group in enumerate(groups) for _ in group]
    rng.shuffle(order)
    # Each group's original takes the group's earliest slot, so no copy ever arrives before its source.
    queues = [iter(group) for group in groups]
    return [next(queues[g]) for g in order]
