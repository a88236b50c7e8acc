"""Plain-text stripper: keep an article's own paragraphs, drop page furniture and say why each span went."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from services.clean import furniture as f
from services.dates import ParsedDate, find_written_date

HEADLINE_REASON = "headline (kept as the title)"
DATE_LINE_REASON = "date line (kept as the publication date)"
# Leading blocks searched for a headline, section label, byline or date line.
HEAD_BLOCKS = 6
# A block is prose when it is a sentence of at least this many words; shorter unpunctuated blocks are headline-shaped.
PROSE_WORDS = 12
HEADLINE_MAX_WORDS = 24
LAYOUT_ROW_WORDS = 60
# Furniture patterns only judge short blocks, so a long paragraph that mentions copyright or a newsletter stays.
SHORT_BLOCK_WORDS = 45
# A call to sign up is a line or two; a paragraph of three sentences that mentions signing up for something other
# than a newsletter is the article's (a review telling how to sign up for a streaming service).
PROSE_SENTENCES = 3
# Share of a block's content words (by five-letter stem) that also occur in the reference text.
UNRELATED_BELOW = 0.2
RESUMES_AT = 0.5
LEAD_BLOCKS = 3
# A block is a run of links when link texts of the page cover at least this share of it.
LINKED_SHARE = 0.5
# Prose has function words in about two words of five (ECB+ article sentences: under 0.3 in one in twenty);
# a run of headlines or menu items drops them.
PROSE_FUNCTION_SHARE = 0.3
STEM = 5
SENTENCE_PUNCT = re.compile(r"[.!?][\"”’)]?(?:\s|$)|[。！？]")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STOPWORD_TEXT = """
a about after again against all also an and any are as at be because been before being between both but by can
could did do does doing down during each few for from further had has have having he her here hers him his how
i if in into is it its itself just me more most my no nor not now of off on once only or other our out over
own same she should so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your said says
say told one two new last first week year years day days since still amid among however
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Chinese, Japanese and Korean are written without spaces between words; a word there is about two characters.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CJK_CHARS_PER_WORD = 2


@dataclass(frozen=True)
class DroppedSpan:
    """A span of input left out of the article, and the reason."""

    text: str
    reason: str


@dataclass
class StrippedText:
    """What is left of a text after its furniture is stripped, and what the furniture told about the article."""

    text: str
    dropped: list[DroppedSpan] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    published: ParsedDate | None = None


def split_blocks(text: str) -> list[str]:
    """Lines as blocks; the lines of a hard-wrapped paragraph are joined into one block first."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in paragraph.splitlines()]
        lines = [cell for line in lines if line for cell in _layout_cells(line)]
        if len(lines) > 1 and _hard_wrapped(lines):
            blocks.append(" ".join(lines))
        else:
            blocks.extend(lines)
    return blocks


def _layout_cells(line: str) -> list[str]:
    # Extractors print a table row as "| cell | cell |". A page laid out in a table puts the navigation and the
    # whole article in one such row; a cell that long is a page region, so each cell becomes its own block.
    if not line.startswith("|") or _words(line) < LAYOUT_ROW_WORDS:
        return [line]
    cells = [cell.strip() for cell in line.strip("| ").split(" | ")]
    if max(_words(cell) for cell in cells) < LAYOUT_ROW_WORDS:
        return [line]
    return [cell for cell in cells if cell]


def _hard_wrapped(lines: list[str]) -> bool:
    # Wrapped lines fill a fixed width (within a word or two of the widest) and most break mid-sentence.
    widths = [len(line) for line in lines[:-1]]
    widest = max(widths)
    full = sum(1 for width in widths if width >= widest - 20)
    open_ended = sum(1 for line in lines[:-1] if not f.TERMINAL.search(line))
    if len(lines) == 2:
        # Too few lines to see a width: a long first line broken mid-sentence before a lowercase word.
        return 50 <= widest <= 100 and open_ended == 1 and lines[1][:1].islower()
    return 40 <= widest <= 100 and full >= 0.8 * len(widths) and open_ended > len(widths) // 2


def strip_furniture(
    text: str, *, title: str | None = None, author: str | None = None, links: frozenset[str] | None = None
) -> StrippedText:
    """Split text into blocks, drop the furniture among them and return the article with each drop's reason.
    `links` are the link texts of the page the text comes from; None for plain text, which has no links."""
    return _Stripper(split_blocks(text), title=title, author=author, links=links).run()


def content_stems(text: str) -> set[str]:
    """Content words of a text, lowercased and cut to a short stem so "Syria" and "Syrian" match; for scripts
    written without spaces, pairs of adjacent characters."""
    stems = {w[:STEM] for w in WORD.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS}
    if text.isascii():
        return stems
    characters = "".join(CJK.findall(text))
    return stems | {characters[i : i + 2] for i in range(len(characters) - 1)}


def relatedness(stems: set[str], reference: set[str]) -> float:
    """Share of a block's content stems that occur in the reference text (1.0 for a block with none)."""
    return len(stems & reference) / len(stems) if stems else 1.0


def _words(block: str) -> int:
    spaced = block.count(" ") + 1
    return spaced if block.isascii() else spaced + len(CJK.findall(block)) // CJK_CHARS_PER_WORD


def _is_paragraph(block: str) -> bool:
    """Whether the block runs to several sentences."""
    return len(f.SENTENCE_END.split(block)) >= PROSE_SENTENCES


def _is_promo(text: str) -> bool:
    """Whether a text asks the reader to sign up for a newsletter, alerts or a subscription."""
    signs_up = f.NEWSLETTER.search(text) or (f.SIGN_UP.search(text) and not _is_paragraph(text))
    return bool(signs_up and f.PROMO_CUE.search(text))


def _is_prose(block: str) -> bool:
    return _words(block) >= PROSE_WORDS and bool(f.TERMINAL.search(block)) and not _has_age(block)


def _function_share(block: str) -> float:
    words = WORD.findall(block.lower())
    return sum(word in STOPWORDS for word in words) / len(words) if words else 0.0


def _is_timestamp(block: str) -> bool:
    if f.TIMESTAMP.match(block):
        return True
    if _words(block) > 8:
        return False
    found = find_written_date(block)
    return found is not None and not WORD.search(_without_date(block, found[1]))


def _without_date(block: str, match: re.Match[str]) -> str:
    rest = block[: match.start()] + " " + block[match.end() :]
    rest = f.TIME_ZONE.sub(" ", f.STAMP_CLOCK.sub(" ", rest))
    return f.READING_TIME.sub(" ", f.DATE_LABEL.sub(" ", rest))


class _Stripper:
    """One pass over a document's blocks; each block ends up kept, rewritten or dropped with a reason."""

    def __init__(
        self, blocks: list[str], *, title: str | None, author: str | None, links: frozenset[str] | None
    ) -> None:
        self.blocks = blocks
        self.links = links
        self.reasons: list[str | None] = [None] * len(blocks)
        self.rewrites: dict[int, str] = {}
        self.trimmed: list[tuple[int, DroppedSpan]] = []
        self.title = title
        self.author = author
        self.published: ParsedDate | None = None
        self._stems: dict[int, set[str]] = {}

    def stems(self, index: int) -> set[str]:
        """Content stems of one block, computed when a list or tail check first needs them."""
        if index not in self._stems:
            self._stems[index] = content_stems(self.blocks[index])
        return self._stems[index]

    def run(self) -> StrippedText:
        """Classify every block, then assemble the kept text and the dropped spans in document order."""
        self._head()
        for index, block in enumerate(self.blocks):
            if self.reasons[index] is None:
                self.reasons[index] = self._pattern_reason(index, block)
        self._lists()
        self._link_runs()
        self._tail()
        kept: list[str] = []
        dropped: list[DroppedSpan] = []
        trimmed = dict(self.trimmed)
        for index, block in enumerate(self.blocks):
            if self.reasons[index] is not None:
                dropped.append(DroppedSpan(block, self.reasons[index]))
                continue
            kept.append(self.rewrites.get(index, block))
            if index in trimmed:
                dropped.append(trimmed[index])
        return StrippedText("\n\n".join(kept), dropped, self.title, self.author, self.published)

    # The head: section label, headline, byline and date line, before the first paragraph of prose.
    def _head(self) -> None:
        title_key = _key(self.title) if self.title else None
        for index, block in enumerate(self.blocks[:HEAD_BLOCKS]):
            if title_key and _is_title(_key(block), title_key):
                # A page title often carries the site's name; the headline line is the cleaner title.
                self.title = block
                self.reasons[index] = HEADLINE_REASON
            elif (reason := self._byline(block)) or (reason := self._date_line(block)):
                self.reasons[index] = reason
            elif _is_prose(block):
                self._date_prefix(index, block)
                return
            elif self._is_headline(index, block):
                self.title = self.title or block
                self.reasons[index] = HEADLINE_REASON
            elif self._is_label_shaped(index, block):
                # On a page, a section label links to its section; an unlinked short line is the article's kicker.
                if self._links_elsewhere(block):
                    self.reasons[index] = "section label"
            else:
                return

    def _is_label_shaped(self, index: int, block: str) -> bool:
        # "World", "Business | Markets" stand above the headline; a short line below it is the article's deck.
        if HEADLINE_REASON in self.reasons[:index] or index + 1 >= len(self.blocks):
            return False
        return _words(block) <= 3 and not f.TERMINAL.search(block)

    def _is_headline(self, index: int, block: str) -> bool:
        earlier_kept = any(reason is None for reason in self.reasons[:index])
        following = self.blocks[index + 1 : index + 4]
        return (
            not earlier_kept
            and self.title is None
            and 4 <= _words(block) <= HEADLINE_MAX_WORDS
            and not f.TERMINAL.search(block)
            and any(_is_prose(b) for b in following)
        )

    def _byline(self, block: str) -> str | None:
        if _words(block) > 16:
            return None
        if match := f.BYLINE.match(block):
            self._take_author(match.group("name"))
            self._take_date(match.group("rest"))
            return "byline (kept as the author)"
        if match := f.POSTED_BY.match(block):
            self._take_author(match.group("name"))
            self._take_date(match.group("date"))
            return "byline (kept as the author)"
        if (match := f.NAME_AND_ROLE.match(block)) and f.ROLE.search(match.group("role")):
            self._take_author(match.group("name"))
            return "byline (kept as the author)"
        if (found := find_written_date(block)) and _words(block) <= 12:
            rest = " ".join(re.split(r"[|•·,–—]", _without_date(block, found[1])))
            rest = " ".join(rest.split())
            if rest and f.NAME_LINE.match(rest):
                self._take_author(rest)
                self._take_date(block)
                return "byline and date line (kept as author and publication date)"
        return None

    def _date_line(self, block: str) -> str | None:
        if _words(block) > 12 or not (found := find_written_date(block)):
            return None
        if WORD.search(_without_date(block, found[1])):
            return None
        if f.UPDATED_LABEL.search(block[: found[1].start()]):
            return "update time line"  # a label names the date after it: "Updated: 2 July 2013"
        self._take_date(block)  # "16 September 2013 Last updated at 12:42 GMT" was published that day
        return DATE_LINE_REASON

    def _date_prefix(self, index: int, block: str) -> None:
        # "date 2024-12-20 The ministry said ...": the stamp is the page's, the rest is the article's.
        prefix = re.match(r"^\W*(?:(?i:date|published|posted|updated)\s*:?\s*)?", block)
        found = find_written_date(block[prefix.end() : prefix.end() + 40]) if prefix else None
        if not found or found[1].start() != 0:
            return
        cut = prefix.end() + found[1].end()
        rest = re.sub(r"^\s*[|:–—-]?\s*", "", block[cut:])
        if rest[:1].isupper():
            if not f.UPDATED_LABEL.search(block[:cut]):
                self._take_date(block[:cut])
            self.rewrites[index] = rest
            self.trimmed.append((index, DroppedSpan(block[:cut].strip(), DATE_LINE_REASON)))

    def _take_author(self, name: str) -> None:
        if self.author is None:
            self.author = name.title() if name.isupper() else name

    def _take_date(self, text: str) -> None:
        if self.published is None and (found := find_written_date(text)):
            self.published = found[0]

    # Patterns that mark a block as furniture wherever it stands.
    def _pattern_reason(self, index: int, block: str) -> str | None:
        # Each pattern runs only when a cheap substring test says it could match: this loop sees every block.
        words = _words(block)
        low = block.lower()
        # Near the top, a stamp that gives a date is the article's own ("Posted: May 24, 2005" below a headline
        # written as a sentence); lower down, stamps date comments and teasers.
        if index < HEAD_BLOCKS and (reason := self._date_line(block)):
            return reason
        if words <= 8 and _is_timestamp(block):
            return "timestamp"
        if words <= SHORT_BLOCK_WORDS:
            if _has(low, f.COPYRIGHT_HINTS) and f.COPYRIGHT.search(block):
                return "copyright or reproduction notice"
            if _has(low, f.PROMO_HINTS) and _is_promo(block):
                if self._trim_promo(index, block):
                    return None
                return "newsletter or subscription promo"
        if words <= 20 and _has(low, f.COMMENT_HINTS) and f.COMMENT_PROMPT.search(block):
            return "comment prompt"
        # Link bars carry no full stop; "Email from the minister was leaked." is a sentence.
        social = (
            f.SOCIAL.match(block)
            and not f.TERMINAL.search(block)
            and (not f.SHARE_BAR_WORD.sub("", block).strip() or self._links_elsewhere(block))
        )
        channel = _has(low, f.MESSAGING_APPS) and f.CHANNEL_PROMO.search(block)
        channel = channel or _has(low, f.CHANNEL_PLATFORMS) and f.OWN_CHANNEL.search(block)
        if words <= 10 and (social or channel or ("follow" in low and f.FOLLOW_US.search(block))):
            return "share or follow links"
        if words <= 30 and (f.TAGS.match(block) or (_has(low, f.CAPTION_HINTS) and f.CAPTION.search(block))):
            return "tags or caption"
        if words <= 6 and (f.BOILERPLATE.match(block) or f.SEPARATOR.match(block)):
            return "page boilerplate"
        if reason := self._bio(index, block):
            return reason
        if words <= 30 and f.INLINE_TEASER.match(block):
            return "link to another story"
        self._trim(index, block)
        return None

    def _bio(self, index: int, block: str) -> str | None:
        # Bios close an article, so only the second half is searched: a first-person column stays whole.
        if index < len(self.blocks) / 2 or _words(block) > 90 or not f.PROFESSION.search(block):
            return None
        third_person = self.author and re.match(rf"^{re.escape(self.author)}\s+(?:is|was|has|covers|writes)\b", block)
        if not (f.FIRST_PERSON_BIO.match(block) or third_person):
            return None
        previous = index - 1
        if previous >= 0 and self.reasons[previous] is None and f.NAME_LINE.match(self.blocks[previous]):
            self._take_author(self.blocks[previous])
            self.reasons[previous] = "author name above a bio"
        return "author bio"

    def _trim_promo(self, index: int, block: str) -> bool:
        # A call to sign up closing a paragraph whose first sentence is the article's own ("... into investment
        # banking. Free! Sign up here to receive our Weekly Roundup!"): only the call goes.
        sentences = f.SENTENCE_END.split(block)
        first_promo = next((i for i, sentence in enumerate(sentences) if _is_promo(sentence)), 0)
        if first_promo == 0:
            return False  # the paragraph opens with the call: it goes whole
        while first_promo > 1 and sentences[first_promo - 1].endswith("!") and _words(sentences[first_promo - 1]) <= 2:
            first_promo -= 1  # its cry ("Free!")
        self.rewrites[index] = " ".join(sentences[:first_promo])
        self.trimmed.append((index, DroppedSpan(" ".join(sentences[first_promo:]), "newsletter or subscription promo")))
        return True

    def _trim(self, index: int, block: str) -> None:
        # Trailing pieces of a kept paragraph: a "View on <site>" link, a teaser cut off mid-sentence.
        if _has(block, ("View ", "Watch ", "Read ")) and (match := f.VIEW_ON.search(block)):
            self.rewrites[index] = block[: match.start()]
            self.trimmed.append((index, DroppedSpan(match.group(0).strip(), "link to the story on another site")))
        elif f.ELLIPSIS.search(block) and not self._opens_plain_text(index):
            sentences = f.SENTENCE_END.split(block)
            # A paragraph may end in a writer's own "..."; on a page, only a linked one is another story's teaser.
            if len(sentences) > 1 and self._links_elsewhere(sentences[-1]):
                self.rewrites[index] = " ".join(sentences[:-1])
                self.trimmed.append((index, DroppedSpan(sentences[-1], "teaser cut off mid-sentence")))

    # Lists of other stories: a block header, then items until the article resumes.
    def _lists(self) -> None:
        index = 0
        while index < len(self.blocks):
            header = self.blocks[index]
            if self._opens_list(index, header):
                end = self._list_end(index)
                if end > index + 1 or self._header_words(header):
                    self.reasons[index] = self.reasons[index] or "header of a list of other stories"
                    for item in range(index + 1, end):
                        if self._links_elsewhere(self.blocks[item]) or self._stamped(item):
                            self.reasons[item] = self.reasons[item] or f"listed under “{header}”"
                    index = end
                    continue
            index += 1

    def _opens_list(self, index: int, block: str) -> bool:
        if _words(block) > 8 or f.TERMINAL.search(block.rstrip(":")):
            return False
        if self.reasons[index] not in (None, "comment prompt"):
            return False
        # Only a header that says so ("Related stories", "Most read") opens a list: a short line above list-shaped
        # lines is as often a subhead over the article's own steps, results or one-sentence paragraphs.
        return self._header_words(block)

    @staticmethod
    def _header_words(block: str) -> bool:
        # A header can stand in a table cell of its own: "| Related articles |".
        return _words(block) <= 8 and bool(f.LIST_HEADER.match(block.strip("| ")))

    def _stamped(self, index: int) -> bool:
        block = self.blocks[index]
        return _is_timestamp(block) or bool(f.ELLIPSIS.search(block)) or _has_age(block)

    def _list_item(self, index: int) -> bool:
        block = self.blocks[index]
        return self._stamped(index) or (not f.TERMINAL.search(block) and _words(block) <= HEADLINE_MAX_WORDS)

    def _list_end(self, header: int) -> int:
        # A list of bare headlines ends at the first paragraph of prose. A list of prose teasers (or of items
        # set between timestamps) looks like the article itself, so only a paragraph that is clearly about the
        # article's subject ends it; otherwise it runs to the end, where such lists sit.
        body: set[str] | None = None
        headlines_only = False
        for index in range(header + 1, len(self.blocks)):
            if self._could_resume(index):
                if headlines_only and self._prose_follows(index):
                    return index
                if body is None:
                    body = set().union(*(self.stems(i) for i in range(header) if self.reasons[i] is None))
                if not headlines_only and relatedness(self.stems(index), body) >= RESUMES_AT:
                    return index
            # Still a list of bare headlines if it opened with one and nothing but list items followed.
            headlines_only = self._list_item(index) and (headlines_only or index == header + 1)
        return len(self.blocks)

    def _could_resume(self, index: int) -> bool:
        block = self.blocks[index]
        if self.reasons[index] is not None or not _is_prose(block) or f.ELLIPSIS.search(block):
            return False
        neighbours = (self.blocks[i] for i in (index - 1, index + 1) if 0 <= i < len(self.blocks))
        return not any(_is_timestamp(n) for n in neighbours)

    def _prose_follows(self, index: int) -> bool:
        # Headline-and-lead cards also put prose after a headline; the article resumes only if prose goes on.
        following = next((i for i in range(index + 1, len(self.blocks)) if self.reasons[i] is None), None)
        return following is not None and _is_prose(self.blocks[following])

    # Long blocks with no sentence in them, unrelated to the lead: navigation bars and link lists run together. In
    # plain text, with no links to show it, a block that reads as prose (a quote cut before its full stop) stays.
    def _link_runs(self) -> None:
        lead: set[str] | None = None
        for index, block in enumerate(self.blocks):
            if self.reasons[index] is None and _words(block) > HEADLINE_MAX_WORDS and not SENTENCE_PUNCT.search(block):
                lead = self._lead() if lead is None else lead
                # With no prose to compare with (a one-sentence brief without its full stop), nothing is unrelated.
                if (
                    lead
                    and relatedness(self.stems(index), lead) < UNRELATED_BELOW
                    and self._links_elsewhere(block)
                    and (self.links is not None or _function_share(block) < PROSE_FUNCTION_SHARE)
                ):
                    self.reasons[index] = "navigation or run of links"

    # A run of headline-shaped blocks unrelated to the lead, at the very end, with no header above it.
    def _tail(self) -> None:
        run: list[int] = []
        for index in range(len(self.blocks) - 1, -1, -1):
            if self.reasons[index] is not None:
                continue
            block = self.blocks[index]
            if (f.TERMINAL.search(block) and not _has_age(block)) or _words(block) > HEADLINE_MAX_WORDS:
                break
            run.append(index)
        if len(run) < 3:
            return  # decided by shape alone, before the costlier comparison with the lead
        lead = self._lead()
        if not lead:
            return  # with no prose to compare with (a page that is all a list of links), nothing is unrelated
        unrelated = [
            index
            for index in run
            if relatedness(self.stems(index), lead) < UNRELATED_BELOW and self._links_elsewhere(self.blocks[index])
        ]
        if unrelated == run:
            for index in run:
                self.reasons[index] = "headline of another story at the end of the page"

    def _opens_plain_text(self, index: int) -> bool:
        # The first paragraph kept of a plain text is the article's lead: one cut off with "..." is the article's own
        # text shortened (a feed's summary, a wire lead), not another story's teaser.
        return self.links is None and all(reason is not None for reason in self.reasons[:index])

    def _links_elsewhere(self, block: str) -> bool:
        # On a page, a line is another story's teaser or a navigation bar only if the page links it; plain text
        # carries no links, and its shape alone decides.
        if self.links is None:
            return True
        if block in self.links:
            return True
        covered = sum(len(link) for link in self.links if len(link) > 3 and link in block)
        return covered >= LINKED_SHARE * len(block)

    def _lead(self) -> set[str]:
        prose = [i for i, block in enumerate(self.blocks) if self.reasons[i] is None and _is_prose(block)]
        return set().union(*(self.stems(i) for i in prose[:LEAD_BLOCKS]))


def _is_title(key: str, title_key: str) -> bool:
    # The headline line and the page's title differ by a site name, a kicker or an edit after publication.
    if key == title_key or (key.count(" ") >= 3 and key in title_key):
        return True
    words, title_words = set(key.split()), set(title_key.split())
    return len(words) >= 4 and len(words & title_words) >= 0.8 * max(len(words), len(title_words))


def _has(low: str, hints: tuple[str, ...]) -> bool:
    return any(hint in low for hint in hints)


def _has_age(block: str) -> bool:
    return ("ago" in block or "esterday" in block) and bool(f.AGE_SUFFIX.search(block))


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))
