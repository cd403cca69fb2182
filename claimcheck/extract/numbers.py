"""Text -> numbers: the patterns that find figures, and their words, scales and currencies."""

from __future__ import annotations

import functools
import re
from typing import Any

from claimcheck import lexicon

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
DURATION_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade"}
)


def words_value(words: str) -> float:
    """'one hundred and fifty thousand' -> 150000; 'a dozen' -> 12."""
    t = table()
    total = current = 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a", "an"):
            current += 1
        elif word in t["units_cardinal"]:
            current += t["units_cardinal"][word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in t["scales"]:
            total += (current or 1) * t["scales"][word]
            current = 0
    return total + current


def side_value(g: dict[str, str | None], side: str) -> float:
    value = float(str(g[f"n{side}"]).replace(",", ""))
    scale = g[f"s{side}"]
    return value * scale_value(scale.strip()) if scale else value


def yearlike(digits: str) -> bool:
    return re.fullmatch(r"(?:1[6-9]|20)\d\d", digits) is not None


def scale_value(word: str) -> float:
    t = table()
    word = word.lower()
    if word == "dozen":
        return 12.0
    return float(t["scales"].get(word) or t["scale_suffixes"][word])


def currency(mark: str) -> str:
    t = table()
    symbol = t["currency_symbols"].get(mark)
    return str(symbol or t["currency_words"].get(norm_space(mark)) or mark.upper())


def fraction(words: str) -> float | None:
    """'a-half', 'a half', 'A Half' are one fraction, and so are 'two third' and 'two thirds';
    None for what the pattern accepts but is no share ('two half', 'three thirds')."""
    values = {_fraction_key(k): v for k, v in table()["fractions"].items()}
    value = values.get(_fraction_key(words))
    return None if value is None else float(value)


def _fraction_key(words: str) -> str:
    return norm_space(words.replace("-", " ")).removesuffix("s")


def norm_space(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip()).lower()


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def units() -> frozenset[str]:
    """Words a number can measure in: durations and the measure table's units."""
    return DURATION_UNITS | frozenset(table()["measure_units"])


@functools.cache
def table() -> dict[str, Any]:
    found: dict[str, Any] = lexicon.table("quantities")
    return found


@functools.cache
def patterns() -> dict[str, re.Pattern[str]]:
    t = table()
    units = _alternation(t["units_cardinal"])
    scales = _alternation(t["scales"])
    word = rf"(?:{units}|{scales}|dozen)"
    suffix_long = "bn|mn|mln|tn|trn"
    measure = _alternation([*DURATION_UNITS, *t["measure_units"]])
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    # A number ends at a non-letter; a hyphen only before a word ("a 12-member jury") or a
    # space ("a 40- to 60-hour course").
    number_end = r"(?![^\W_]|-(?![^\W\d_]{3}|\s|an?-)|[:/]\w|[.,]\d)"
    # '$US1 million', '$A3 billion': a symbol that ends in a letter stands right before the digits
    lettered = "|".join(
        f"(?<={re.escape(s)})" for s in sorted(t["currency_symbols"]) if s[-1].isalpha()
    )
    core = (
        rf"\b(?:half\s+an?\s+(?P<hscale>dozen|{scales})\b)"
        r"|\b(?P<vague>dozens|hundreds of thousands|tens of thousands|hundreds|thousands"
        r"|millions|billions)(?=\s+of\b)"
        r"|\b(?P<frac>(?:a|one|two|three)[\s-](?:half|thirds?|quarters?|fifths?|tenths?)|half)\b"
        rf"|(?:{lettered}|(?<![\w.,:/\\-]))(?P<dig>{number})"
        rf"(?:(?:\s+|-)(?P<dscale>{scales})\b|\s?(?P<dsuf>{suffix_long})\b|(?P<dsuf2>[kmb])\b)?"
        rf"{number_end}"
        rf"|\b(?P<spelled>(?:an?\s+(?=(?:{scales}|dozen)\b))?{word}\b"
        rf"(?:(?:\s+and\s+|\s+|-){word}\b)*)"
        rf"|\b(?P<unita>an?)(?=\s+(?:{measure})\b)"
    )
    quals = _alternation(t["qualifiers"])
    symbols = _alternation(t["currency_symbols"])
    codes = _alternation(t["currency_codes"])
    cur_words = _alternation(t["currency_words"])
    pct = _alternation(w for w in t["percent_words"] if w != "%")
    times = "|".join(
        p.replace("MONTH", f"(?:{MONTHS})").replace("YEAR", r"(?:19|20)\d\d")
        for p in sorted(t["time_refs"], key=len, reverse=True)
    )

    def side(x: str) -> str:
        return (
            rf"(?P<c{x}>{symbols})?(?P<n{x}>{number})"
            rf"(?P<s{x}>(?:\s+|-)(?:{scales})\b|\s?(?:{suffix_long})\b|[kmb]\b)?"
            rf"(?P<p{x}>\s?%|\s+(?:{pct})\b)?"
        )

    pair = (
        rf"(?:\b(?P<between>between)\s+)?(?<![\w.,:/\\$-]){side('a')}"
        rf"(?P<sep>\s*[-–]\s*(?:to\s*-?\s*)?|\s+to\s+|\s+and\s+){side('b')}{number_end}"
    )
    return {
        "core": re.compile(core, re.IGNORECASE),
        "pair": re.compile(pair, re.IGNORECASE),
        "id_before": re.compile(r"\b(?:no\.?|nos\.?|number|#)\s*$", re.IGNORECASE),
        "aged_before": re.compile(r"\b(?:aged?|ages)\s+(?:between\s+)?$", re.IGNORECASE),
        "change_from": re.compile(r"(?<!anywhere )(?<!ranging )(?<!range )\bfrom\s+$", re.I),
        # '32-year-old', '32 year old', and '32 - year - old' as tokenized text writes it
        "age_after": re.compile(
            r"(?:\s*-\s*|\s+)(?P<unit>year|month|week|day)s?(?:\s*-\s*|\s+)old\b",
            re.IGNORECASE,
        ),
        "period_after": re.compile(
            r"\s+(?:in\s+a\s+row|running|straight|ago|later|earlier|of\s+(?:the\s+|this\s+"
            r"|last\s+|that\s+|its\s+|their\s+)?(?:fiscal\s+|calendar\s+|financial\s+)?"
            r"(?:year|(?:19|20)\d\d|growth|decline|contraction|losses|gains))\b",
            re.IGNORECASE,
        ),
        "percent": re.compile(rf"\s?%|\s+(?:{pct})\b", re.IGNORECASE),
        "currency_after": re.compile(
            rf"\s+(?:U\.?S\.?\s+)?(?P<cur>{cur_words}|{codes})\b", re.IGNORECASE
        ),
        "currency_before": re.compile(rf"(?P<cur>{symbols}|\b(?:{codes}))\s?$"),
        "qualifier": re.compile(rf"(?<![\w-])(?P<qual>{quals})\s+$", re.IGNORECASE),
        "month_before": re.compile(rf"\b(?:{MONTHS}|{MONTH_ABBR})\.?\s+$"),
        "month_after": re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS}|{MONTH_ABBR})\b"),
        "clock_after": re.compile(
            r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|CET\b|EST\b|hrs\b|o'clock)", re.IGNORECASE
        ),
        "of_gap": re.compile(r"\s+of\s+(?:the\s+|all\s+|an?\s+)?"),
        "phone": re.compile(
            r"\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}|\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}"
            r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b"
        ),
        "time": re.compile(rf"\b(?:{times})\b", re.IGNORECASE),
        "rate": re.compile(
            r"(?:\s*\([^)\n]{0,40}\))?\s+(?P<rate>(?:a|an|per|each|every)\s+"
            r"(?:day|week|month|year|annum|quarter))\b",
            re.IGNORECASE,
        ),
    }
