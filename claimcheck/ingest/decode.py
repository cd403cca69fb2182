"""Raw bytes -> text: refuses binaries, detects the encoding, normalises line ends and Unicode."""

from __future__ import annotations

import codecs
import re
import unicodedata

from claimcheck.ingest.reasons import BINARY, Unreadable

# Signatures of common binary formats an article folder picks up (images, archives, executables).
MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"%PDF",
    b"\x7fELF",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"MZ",
    b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",
    b"SQLite format 3",
)
SAMPLE = 8192
# Control characters other than tab, line feed, form feed and carriage return.
CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
CONTROL_BYTES = bytes(sorted(CONTROL))
CONTROL_TEXT_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x80-\x9f]")
TRANSLATE_CR = str.maketrans({"\r": "\n", "\x00": None, "\ufeff": None})


def decode(raw: bytes) -> str:
    """Decode article bytes to NFC text with LF line ends; Unreadable says why it cannot."""
    if raw.startswith(MAGIC):
        raise Unreadable(BINARY)
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and not raw.startswith(
        codecs.BOM_UTF16_LE + b"\x00"
    ):
        text = _strict(raw, "utf-32")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(raw, "utf-16")
    else:
        sample = raw[:SAMPLE]
        if _looks_binary(sample):
            raise Unreadable(BINARY)
        bomless = _utf16_without_bom(sample) if 0 in sample else None
        text = _strict(raw, bomless) if bomless else _utf8_or_cp1252(raw)
    text = text.replace("\r\n", "\n").translate(TRANSLATE_CR)
    if _control_share(text) > 0.05:
        raise Unreadable(BINARY)
    return unicodedata.normalize("NFC", text)


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Unreadable(
            f"undecodable {encoding.upper()} text (bad bytes at {exc.start}); "
            "re-save the file as UTF-8"
        ) from None


def _utf8_or_cp1252(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps them to C1 controls instead of failing.
        return raw.decode("latin-1")


def _looks_binary(sample: bytes) -> bool:
    """Many NULs or control bytes in the first kilobytes: UTF-16 without BOM is the one text
    form that has them, and it shows as NULs at every other position."""
    if not sample:
        return False
    nuls = sample.count(0)
    if nuls and _utf16_without_bom(sample):
        return False
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return nuls > len(sample) * 0.01 + 2 or controls > len(sample) * 0.05


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is NUL (ASCII-range UTF-16), else None."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 8 and odd.count(0) > len(odd) * 0.9 and not even.count(0):
        return "utf-16-le"
    if len(sample) >= 8 and even.count(0) > len(even) * 0.9 and not odd.count(0):
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    head = text[:SAMPLE]
    return len(CONTROL_TEXT_RE.findall(head)) / len(head)
