"""WARC files, as crawlers write them (Common Crawl News among them): one article per HTML page fetched with 200.

A crawl holds far more than articles: the requests, metadata, images, scripts, redirects and errors. Those are
counted by kind and reported as one line each, never stored. The file is read record by record, so a crawl of any
size goes in; the input limit applies to each page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from services.sources.inputs import ArticleInput, Refusal, too_large

WARC_SUFFIX = ".warc"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def inputs_from_warc(path: Path, *, max_bytes: int) -> Iterator[ArticleInput | Refusal]:
    """An article for each HTML response with status 200, with its URL and the time it was fetched; then one
    skipped line for each kind of record that is not an article, with its count."""
    skipped: Counter[str] = Counter()
    number = 0
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.format != "warc":  # warcio reads any text as the older ARC format
                    raise ArchiveLoadFailed(f"record {number} is not a WARC record")
                if (reason := _not_an_article(record)) is not None:
                    skipped[reason] += 1
                    continue
                yield _article(record, f"{path}#{number}", max_bytes)
    except ArchiveLoadFailed as exc:
        yield Refusal(str(path), f"not a readable WARC file: {exc.msg}")
    except OSError as exc:
        yield Refusal(str(path), f"cannot read the file: {exc.strerror or exc}")
    except Exception as exc:  # warcio raises whatever its parsers meet in a broken record
        yield Refusal(str(path), f"not a readable WARC file past record {number}: {type(exc).__name__}: {exc}")
    for reason, count in sorted(skipped.items()):
        yield Refusal(str(path), f"{count} record(s) skipped: {reason}", skipped=True)


def _not_an_article(record) -> str | None:
    if record.rec_type != "response":
        return "not a response (a request, metadata or warcinfo record)"
    if record.http_headers is None:
        return "not an HTTP response"
    if record.http_headers.get_statuscode() != "200":
        return "HTTP status other than 200"
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return "not HTML"
    return None


def _article(record, origin: str, max_bytes: int) -> ArticleInput:
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = record.rec_headers.get_header("WARC-Date")
    # The payload without its transfer and content encodings (chunked, gzip), read no further than the limit.
    raw = record.content_stream().read(max_bytes + 1)
    given = {"fetched": fetched} if fetched else {}
    if len(raw) > max_bytes:
        return ArticleInput(origin, url=url, given=given, problem=too_large(len(raw), max_bytes) + " at least")
    if missing := getattr(record.raw_stream, "limit", 0):  # the file ends inside the record
        return ArticleInput(origin, url=url, given=given, problem=f"cut short: {missing} bytes of the record missing")
    return ArticleInput(origin, url=url, raw=raw, content_type="text/html", given=given)
