"""Bytes to text: refuse what is empty, binary or undecodable instead of passing on mojibake."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# File signatures of the binary formats that most often arrive where text was expected.
BINARY_SIGNATURES: dict[bytes, str] = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or an office document)",
    b"\x1f\x8b": "gzip archive",
    b"RIFF": "RIFF media file",
    b"\x7fELF": "ELF executable",
    b"OggS": "Ogg media file",
    b"\x00\x00\x00": "binary file (ISO media or similar)",
}
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0e-\x1f\x7f-\x9f"
# Text holding C1 control characters (U+0080 to U+009F) was read from windows-1252 bytes as ISO-8859-1 on its way
# here ("\x93quoted\x94", "1990\x962000"): the WHATWG Encoding Standard reads those bytes as windows-1252, and so
# are they read here. The five bytes windows-1252 leaves undefined stay controls, and go.
C1_CONTROL = re.compile("[\x80-\x9f]")
WINDOWS_1252_C1 = {
    code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0) if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
# Invisible characters that only hint at layout: soft hyphens (where a word may break), zero-width spaces, word
# joiners, invisible operators and stray byte-order marks. They split words for every tool downstream ("Klima\xadwandel"
# is two tokens), and trafilatura drops them from pages, so plain text loses them too. Joiners that shape a script
# (U+200C, U+200D) and direction marks stay.
INVISIBLE_CHARACTERS = "\u00ad\u200b\u2060-\u2064\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
# Both removed in one pass over the page, which is most of the cost of removing them.
NOT_TEXT = re.compile(f"[{CONTROL_CHARACTERS}{INVISIBLE_CHARACTERS}]")
# More than this share of control characters is binary; a few in text are debris of its making, and go.
MAX_CONTROL_SHARE = 0.05
# A page declares its encoding in a <meta> within its first 1024 bytes (the HTML standard's prescan). Reading the
# declaration costs nothing; guessing the encoding from the bytes costs about 100 ms a page.
PRESCAN_BYTES = 1024
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# The WHATWG Encoding Standard, which browsers follow, reads these labels as windows-1252.
WINDOWS_1252_LABELS = frozenset(
    {"ascii", "cp1252", "cp819", "ibm819", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "latin1", "us-ascii",
     "windows-1252", "x-cp1252"}
)  # fmt: skip
# UTF-8 with a few broken bytes (a page pieced together from sources, one cut mid-character) is still UTF-8: in text
# of any legacy single-byte encoding, a byte sequence that happens to be valid multi-byte UTF-8 is rare. Decoding it
# by guess instead turns every accented letter of the page into mojibake.
MIN_VALID_PER_BROKEN = 10
# charset_normalizer's "chaos" is the share of the decoded text that looks like noise; real text stays far below.
MAX_CHAOS = 0.2


class UnusableDocument(ValueError):
    """The input cannot yield an article; the message says why, for the article's `error`."""


def decode_document(raw: bytes) -> str:
    """Decode input bytes to text in Unicode NFC without control characters (Postgres text holds no NUL), or raise
    UnusableDocument for empty, binary or undecodable input."""
    if not raw.strip():
        raise UnusableDocument("empty input: no bytes other than whitespace")
    for signature, kind in BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise UnusableDocument(f"binary input: {kind}, not text")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnusableDocument("binary input: NUL bytes in what should be text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_mostly_utf8(raw) or _decode_declared(raw) or _decode_legacy(raw)
    text = _read_c1_as_windows_1252(text)
    if _control_ratio(text) > MAX_CONTROL_SHARE:
        raise UnusableDocument("binary input: control characters in what should be text")
    return _without_controls(text)


def normalise_text(text: str) -> str:
    """Text as the stages after this one read it: windows-1252 characters for C1 controls, without other control
    or invisible characters, in Unicode NFC."""
    return _without_controls(_read_c1_as_windows_1252(text))


def _read_c1_as_windows_1252(text: str) -> str:
    return text.translate(WINDOWS_1252_C1) if C1_CONTROL.search(text) else text


def _without_controls(text: str) -> str:
    # One spelling per character (the W3C's normal form for the web): a letter written precomposed on one page and
    # decomposed on another compares, searches and deduplicates as the same letter.
    return unicodedata.normalize("NFC", NOT_TEXT.sub("", text))


def _decode_mostly_utf8(raw: bytes) -> str | None:
    # Broken bytes become U+FFFD, as a browser shows them; None when the bytes are not mostly UTF-8.
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    return text if multibyte >= MIN_VALID_PER_BROKEN * broken else None


def _decode_declared(raw: bytes) -> str | None:
    # The page's own declaration, if it names an encoding that decodes the bytes; else None, and the bytes decide.
    match = DECLARED_CHARSET.search(raw[:PRESCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        encoding = "cp1252" if label in WINDOWS_1252_LABELS else codecs.lookup(label).name
        return raw.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_legacy(raw: bytes) -> str:
    best = from_bytes(raw).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise UnusableDocument("undecodable bytes: no text encoding fits this input")
    text = str(best)
    # Random bytes often "decode" as a multi-byte Asian encoding; real text in any script has spaces or
    # punctuation between its words, and is mostly letters.
    letters = sum(1 for ch in text if ch.isalpha())
    separators = sum(1 for ch in text if ch.isspace() or unicodedata.category(ch).startswith("P"))
    if letters < 0.5 * (len(text) - separators) or separators < 0.01 * len(text):
        raise UnusableDocument(f"undecodable bytes: decoding as {best.encoding} gives no words")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    return len(CONTROL.findall(sample)) / max(len(sample), 1)
