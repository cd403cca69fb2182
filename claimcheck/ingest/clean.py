"""Article text -> clean paragraphs: undo Markdown, drop page furniture, join broken sentences.

Also reads what the header states about the article (title, date, outlet, byline) and keeps
anchors from the cleaned text back to line and column in the original file.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token

from claimcheck import lexicon
from claimcheck.ingest import metadata
from claimcheck.ingest.metadata import Meta

BLOCK_RE = re.compile(
    r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?P<heading>#{1,6})[ \t]+|(?:[-*+•●▪]|\d{1,3}[.)])[ \t]+)?"
)
RULE_RE = re.compile(r"[ \t]*(?:[-*_=~][ \t]*){3,}")
HEADING_TAIL_RE = re.compile(r"[ \t]+#+[ \t]*$")
MARKUP_HINT_RE = re.compile(r"[\[\\*_`<&]")
# "[label]: https://..." (a link reference definition): used by the links, dropped as a line.
REFERENCE_RE = re.compile(r" {0,3}\[(?P<label>[^\]\n]+)\]:\s*\S+.*")
# Inline tokens whose text is the article's; the rest (emphasis, link and image markup, HTML
# tags) is markup, and an image is dropped with its alt text.
KEPT_TOKENS = frozenset({"text", "text_special", "code_inline"})
BACKTICKS_RE = re.compile(r"`+")
RELATIVE_HINT_RE = re.compile(r"\b(?:ago|read|updated)\b", re.IGNORECASE)
TERMINAL_RE = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’]$")
PROMO_HEADING_RE = re.compile(
    r".{0,40}\b(?:subscribe|subscription|newsletter|sign up|support (?:us|our)|donate"
    r"|membership|become a member|get (?:our|the) app)\b.{0,60}",
    re.IGNORECASE,
)
NAME_ONLY_RE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|der|al|bin|of|the)){0,5}"
)
KEYED_DATE_RE = re.compile(
    r"(?:date|dateline|published|posted|updated|last updated|first published)\b", re.IGNORECASE
)
# A line that is only a link: a bare URL (in a list item or <angle brackets>) or [text](URL).
URL_LINE_RE = re.compile(
    r"\s*(?:[-*+•]\s+|\d{1,4}[.)]\s+)?"
    r"(?:<?(?:https?://|www\.)\S+?>?|\[[^\]\n]*\]\(\s*https?://[^)\s]+\s*\))\s*"
)
# Longest line that can be furniture: a correction notice can run to a few sentences.
FURNITURE_MAX = 450
# Separators of a menu or button row: "Like us on Facebook | Follow us on Twitter | Contact".
PIECES_RE = re.compile(r"\s+[|•·/]\s+|\s{3,}")
MENU_ITEM_WORDS = 4
# Where one sentence of a line ends and the next begins.
SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(—]?[A-Z])")
INITIAL_RE = re.compile(r"\b[A-Z]\.$")
HEADER_LINES = 12
LONG_LINE_WORDS = 20
TITLE_MAX_WORDS = 20


@dataclass
class Line:
    number: int
    text: str
    anchors: list[tuple[int, int]]  # (offset in text, 1-based column in the original line)
    heading: int = 0
    kind: str = "text"  # text, blank, drop

    def column(self, offset: int) -> int:
        col_offset, col = 0, 1
        for at, column in self.anchors:
            if at > offset:
                break
            col_offset, col = at, column
        return col + offset - col_offset

    def cut(self, start: int, end: int) -> None:
        """Remove text[start:end], keeping the anchors of what stays."""
        if start >= end:
            return
        resume = self.column(end)
        width = end - start
        kept = [a for a in self.anchors if a[0] < start]
        kept.append((start, resume))
        kept.extend((at - width, col) for at, col in self.anchors if at > end)
        self.text = self.text[:start] + self.text[end:]
        self.anchors = kept
        self.strip()

    def strip(self) -> None:
        lead = len(self.text) - len(self.text.lstrip())
        if lead:
            self.cut(0, lead)
        self.text = self.text.rstrip()


@dataclass
class Para:
    text: str
    anchors: list[tuple[int, int, int]]  # (offset in text, line, column)
    heading: int = 0
    after_drop: bool = False

    def extend(self, line: Line, sep: str = " ") -> None:
        base = len(self.text) + len(sep)
        self.text += sep + line.text
        self.anchors.extend((base + at, line.number, col) for at, col in line.anchors)


@dataclass
class Cleaned:
    text: str
    line_map: tuple[tuple[int, int, int], ...]
    meta: Meta = field(default_factory=Meta)


def clean(text: str, *, meta: Meta | None = None, read_header: bool = True) -> Cleaned:
    """Clean decoded article text (LF line ends); `meta` is filled from the header it states."""
    meta = meta if meta is not None else Meta()
    env = _references(text)
    lines = [_parse(raw, number, env) for number, raw in enumerate(text.split("\n"), start=1)]
    _drop_furniture(lines, meta)
    _drop_promo_blocks(lines)
    if read_header:
        _read_header(lines, meta)
    _drop_captions(lines)
    paras = _join_broken(_paragraphs(lines))
    out: list[str] = []
    line_map: list[tuple[int, int, int]] = []
    offset = 0
    for para in paras:
        line_map.extend((offset + at, line, col) for at, line, col in para.anchors)
        out.append(para.text)
        offset += len(para.text) + 2
    return Cleaned("\n\n".join(out), _monotone(line_map), meta)


@functools.cache
def _furniture_re() -> re.Pattern[str]:
    patterns = sorted(lexicon.words("furniture"))
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_furniture(text: str) -> bool:
    """A whole line of page furniture: credits, share buttons, promos, corrections, disclaimers,
    relative time stamps, or a row of menu items of which some are furniture."""
    text = text.strip()
    if len(text) > FURNITURE_MAX:
        return False
    if _furniture_re().fullmatch(text) is not None:
        return True
    pieces = [p for p in PIECES_RE.split(text) if p.strip(" |•·/")]
    if len(pieces) < 2:
        return False
    furniture = sum(1 for p in pieces if _furniture_re().fullmatch(p.strip()) is not None)
    short = all(len(p.split()) <= MENU_ITEM_WORDS for p in pieces)
    return furniture == len(pieces) or (short and furniture >= 1 and len(pieces) >= 3)


def is_url_list(text: str) -> bool:
    """Most non-empty lines are nothing but a link: a reading list, not an article."""
    lines = [line for line in text.split("\n") if line.strip()]
    links = sum(1 for line in lines if URL_LINE_RE.fullmatch(line))
    return links > len(lines) / 2


@functools.cache
def _markdown() -> MarkdownIt:
    # text_join would merge escapes and entities into the text around them, and hide where
    # each piece of text stands in the line.
    return MarkdownIt("commonmark").disable("text_join")


def _references(text: str) -> dict[str, Any]:
    """The link reference definitions of the whole text, for the links of each line."""
    env: dict[str, Any] = {}
    if "]:" in text:
        _markdown().parse(text, env)
    return env


def _parse(raw: str, number: int, env: dict[str, Any]) -> Line:
    if not raw.strip():
        return Line(number, "", [], kind="blank")
    if RULE_RE.fullmatch(raw):
        return Line(number, "", [], kind="drop")
    definition = REFERENCE_RE.fullmatch(raw)
    if definition and normalizeReference(definition["label"]) in env.get("references", {}):
        return Line(number, "", [], kind="drop")
    block = BLOCK_RE.match(raw)
    start = block.end() if block else 0
    heading = len(block["heading"]) if block and block["heading"] else 0
    end = len(raw)
    if heading:
        tail = HEADING_TAIL_RE.search(raw, start)
        end = tail.start() if tail else end
    text, anchors = _inline(raw, start, end, env)
    line = Line(number, text, anchors, heading=heading)
    line.strip()
    if not line.text:
        line.kind = "drop"
    return line


def _inline(
    raw: str, start: int, end: int, env: dict[str, Any]
) -> tuple[str, list[tuple[int, int]]]:
    """raw[start:end] with its Markdown inline markup undone by a CommonMark parser, with
    anchors from offsets in the result to columns in the original line."""
    anchors: list[tuple[int, int]] = [(0, start + 1)]
    if not MARKUP_HINT_RE.search(raw, start, end):
        return raw[start:end], anchors
    (inline,) = _markdown().parseInline(raw[start:end], env)
    pieces: list[str] = []
    length, pos = 0, start
    for kept, source in _kept(inline.children or ()):
        found = raw.find(source, pos, end)
        if found >= 0:
            # An escape ('\$') is anchored at its character, after the backslash.
            skipped = len(source) - len(kept) if source.endswith(kept) else 0
            anchors.append((length, found + skipped + 1))
            pos = found + len(source)
        pieces.append(kept)
        length += len(kept)
        anchors.append((length, pos + 1))
    return "".join(pieces), _dedupe(anchors)


def _kept(tokens: Iterable[Token]) -> Iterator[tuple[str, str]]:
    """(text kept, its source in the line) of each piece of article text among `tokens`."""
    for token in tokens:
        if token.type not in KEPT_TOKENS or not token.content:
            continue
        if token.type == "text_special":
            yield token.content, token.markup
        elif token.type == "text":
            # A backtick CommonMark left unpaired is an opening quote in wire copy (``bagman").
            yield from ((part, part) for part in BACKTICKS_RE.split(token.content) if part)
        else:
            yield token.content, token.content


def _dedupe(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One anchor per offset (the last wins) and none that a previous one already implies."""
    out: list[tuple[int, int]] = []
    for at, col in anchors:
        if out and out[-1][0] == at:
            out.pop()
        if out and out[-1][1] + at - out[-1][0] == col:
            continue
        out.append((at, col))
    return out


def _drop_furniture(lines: list[Line], meta: Meta) -> None:
    for line in _texts(lines):
        by = metadata.byline(line.text) if len(line.text) <= FURNITURE_MAX else None
        if by is not None:
            name, outlet, date = by
            meta.offer(byline=name, outlet=outlet, published=date)
            line.kind = "drop"
        elif is_furniture(line.text):
            line.kind = "drop"
        elif published := metadata.published_by(line.text):
            meta.offer(published=published[0], outlet=published[1])
            line.kind = "drop"
        elif KEYED_DATE_RE.match(line.text) and (date := metadata.date_line(line.text)):
            meta.offer(published=date)
            line.kind = "drop"
        elif RELATIVE_HINT_RE.search(line.text):
            # Only a fragment at either end of the line: "... / Updated 8 months ago".
            for found in reversed(list(metadata.RELATIVE_RE.finditer(line.text))):
                if found.start() == 0 or found.end() == len(line.text):
                    line.cut(found.start(), found.end())
            if not line.text:
                line.kind = "drop"
        if line.kind == "text":
            _cut_trailing_furniture(line)


def _cut_trailing_furniture(line: Line) -> None:
    """A credit or promo closing a paragraph: '... she said. The Harbour Times contributed to
    this report.' The sentence is cut; a boundary after an initial ('Catherine E. Shoichet') is
    not one, and a wrong boundary costs nothing unless what follows it is furniture."""
    while True:
        text = line.text
        ends = [
            m.end()
            for m in SENTENCE_END_RE.finditer(text)
            if not INITIAL_RE.search(text, 0, m.start())
        ]
        if not ends or not is_furniture(text[ends[-1] :]):
            return
        line.cut(ends[-1], len(text))


def _drop_promo_blocks(lines: list[Line]) -> None:
    """A 'Subscribe ...' heading drops everything up to the next heading of its level or above."""
    level = 0
    for line in lines:
        if line.kind == "blank":
            continue
        if level and (not line.heading or line.heading > level):
            line.kind = "drop"
            continue
        level = 0
        if line.heading and PROMO_HEADING_RE.fullmatch(line.text):
            level = line.heading
            line.kind = "drop"


def _read_header(lines: list[Line], meta: Meta) -> None:
    header = list(_texts(lines))[:HEADER_LINES]
    title_seen = False
    # A headline's suffix is the weakest sign of the outlet (syndicated copy keeps the
    # original's): it counts only when nothing else in the record or header names one.
    title_suffix = None
    for i, line in enumerate(header):
        long_line = len(line.text.split()) >= LONG_LINE_WORDS
        date = metadata.date_line(line.text)
        if date:
            meta.offer(published=date)
            line.kind = "drop"
            continue
        opening = metadata.dateline(line.text)
        if opening is not None:
            width, date, outlet = opening
            meta.offer(published=date, outlet=outlet)
            line.cut(0, width)
        if not title_seen and (line.heading or (not long_line and i + 1 < len(header))):
            title, suffix = metadata.title_outlet(line.text)
            if suffix:
                line.cut(len(title), len(line.text))
                title_suffix = suffix
            meta.offer(title=title)
        title_seen = True
        if long_line:
            break
    meta.offer(outlet=title_suffix)


def _drop_captions(lines: list[Line]) -> None:
    """A line that is only a name, next to a dropped credit line in the same block, is a caption."""
    for i, line in enumerate(lines):
        if line.kind != "text" or line.heading or not NAME_ONLY_RE.fullmatch(line.text):
            continue
        before = lines[i - 1] if i else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if any(n is not None and n.kind == "drop" and n.text for n in (before, after)):
            line.kind = "drop"


def _paragraphs(lines: list[Line]) -> list[Para]:
    wrapped = _hard_wrapped(lines)
    paras: list[Para] = []
    dropped = joinable = False
    for line in lines:
        if line.kind != "text":
            dropped = dropped or line.kind == "drop"
            joinable = False
            continue
        if wrapped and joinable and not line.heading and paras and not paras[-1].heading:
            paras[-1].extend(line)
        else:
            para = Para("", [], heading=line.heading, after_drop=dropped)
            para.extend(line, sep="")
            paras.append(para)
        dropped, joinable = False, True
    return paras


def _hard_wrapped(lines: list[Line]) -> bool:
    """Text wrapped at a fixed width: most lines run on into the next one without an ending."""
    texts = [ln for ln in lines if ln.kind == "text"]
    if not texts or max(len(ln.text) for ln in texts) > 120:
        return False
    follows = [a for a, b in itertools.pairwise(lines) if a.kind == "text" and b.kind == "text"]
    open_ended = sum(1 for ln in follows if not TERMINAL_RE.search(ln.text))
    return open_ended >= 3 and open_ended >= 0.6 * len(follows)


def _join_broken(paras: list[Para]) -> list[Para]:
    """A paragraph that stops mid-sentence continues in the next one when that starts lower-case."""
    out: list[Para] = []
    for para in paras:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.heading
            and not para.heading
            and para.text[:1].islower()
            and not TERMINAL_RE.search(prev.text)
        ):
            base = len(prev.text) + 1
            prev.text += " " + para.text
            prev.anchors.extend((base + at, line, col) for at, line, col in para.anchors)
        else:
            out.append(para)
    return out


def _texts(lines: Iterable[Line]) -> Iterable[Line]:
    return (line for line in lines if line.kind == "text")


def _monotone(anchors: list[tuple[int, int, int]]) -> tuple[tuple[int, int, int], ...]:
    out: list[tuple[int, int, int]] = []
    for anchor in anchors:
        if out and out[-1][0] == anchor[0]:
            out[-1] = anchor
        elif not out or anchor[0] > out[-1][0]:
            out.append(anchor)
    return tuple(out)
