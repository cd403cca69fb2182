"""JSON, JSON Lines and CSV files from scrapers and exports -> one article record per object
or row."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimcheck.ingest import reasons

TEXT_KEYS = ("text", "maintext", "content", "body", "article", "article_text")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = (
    "date",
    "date_publish",
    "published",
    "published_at",
    "publish_date",
    "pubdate",
    "datePublished",
)
OUTLET_KEYS = (
    "source",
    "outlet",
    "source_name",
    "source_domain",
    "site_name",
    "publisher",
    "publication",
)
BYLINE_KEYS = ("author", "authors", "byline")
# What an object value stands for: NewsAPI's {"source": {"id": ..., "name": "Politico"}},
# schema.org's {"publisher": {"@type": "Organization", "name": ...}}, {"source": {"domain": ...}}.
NAME_KEYS = ("name", "title", "domain")
# Objects that some scrapers wrap an article's metadata in: {"meta": {"site_name": ...}}.
WRAPPER_KEYS = ("meta", "metadata", "article")
# The top-level keys of claimcheck's own JSON report: one saved next to the articles is no article.
REPORT_KEYS = frozenset({"version", "model", "summary", "documents", "claims", "contradictions"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_KEY_NOISE = re.compile(r"[\W_]+")
# Column separators a spreadsheet export uses; the header row's most frequent one is taken.
CSV_DELIMITERS = ",;\t|"
SHOWN_COLUMNS = 8


@dataclass
class Record:
    index: int  # 1-based position in the file
    line: int  # 1-based line where the record starts
    fields: dict[str, Any]
    html: bool = False  # its text is HTML (a feed item's), to be read as a page is

    def first(self, keys: tuple[str, ...], *, wrapped: bool = False) -> str | None:
        """The first of `keys` the record has a value for. Keys match whatever their case and
        separators (site_name, siteName, Site-Name); `wrapped` also looks in WRAPPER_KEYS."""
        found = _first(_by_key(self.fields), keys)
        if found is None and wrapped:
            for wrapper in _values(_by_key(self.fields), WRAPPER_KEYS):
                if isinstance(wrapper, dict) and (found := _first(_by_key(wrapper), keys)):
                    break
        return found


def _key(name: str) -> str:
    return _KEY_NOISE.sub("", name).lower()


def _by_key(fields: dict[str, Any]) -> dict[str, Any]:
    """`fields` under normalised keys; of two keys that normalise alike, the first wins."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        out.setdefault(_key(name), value)
    return out


def _values(fields: dict[str, Any], keys: tuple[str, ...]) -> list[Any]:
    return [fields[_key(k)] for k in keys if _key(k) in fields]


def _first(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for value in _values(fields, keys):
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if isinstance(v, str | int | float))
        if isinstance(value, dict):
            value = _first(_by_key(value), NAME_KEYS)
        if isinstance(value, str | int | float) and str(value).strip():
            return _valid(str(value).strip())
    return None


def _valid(text: str) -> str:
    """`text` with lone surrogates (JSON's "\\ud800", valid JSON but no Unicode) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def _loads(text: str) -> Any:
    """json.loads; what is valid JSON but beyond what Python reads is an Unreadable that says
    why (malformed JSON still raises JSONDecodeError, for the caller to place)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise reasons.Unreadable(reasons.JSON_TOO_DEEP) from None
    except ValueError:  # int() refuses numbers of more than sys.get_int_max_str_digits()
        raise reasons.Unreadable(reasons.JSON_NUMBER_TOO_LONG) from None


def json_records(text: str) -> list[Record]:
    """The records of a .json file: one object, or a list of objects."""
    try:
        data = _loads(text)
    except json.JSONDecodeError as exc:
        raise reasons.Unreadable(
            f"malformed JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); fix the file"
        ) from None
    if isinstance(data, dict) and data.keys() >= REPORT_KEYS:
        raise reasons.Unreadable(reasons.CLAIMCHECK_REPORT)
    items = data if isinstance(data, list) else [data]
    records = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise reasons.Unreadable(
                f"JSON record {n} is a {type(item).__name__}, not an object with a text field"
            )
        records.append(Record(n, 1, item))
    if not records:
        raise reasons.Unreadable("JSON file holds no records")
    return records


def jsonl_records(text: str) -> Iterator[Record | str]:
    """The records of a .jsonl file, or for a bad line the reason it cannot be read."""
    n = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        n += 1
        try:
            item = _loads(line)
        except json.JSONDecodeError as exc:
            yield f"line {number}: malformed JSON ({exc.msg} at column {exc.colno}); fix the line"
            continue
        except reasons.Unreadable as exc:
            yield f"line {number}: {exc}"
            continue
        if not isinstance(item, dict):
            yield f"line {number}: a {type(item).__name__}, not an object with a text field"
            continue
        yield Record(n, number, item)


def csv_records(text: str) -> Iterator[Record | str]:
    """The rows of a .csv file with a header row, or for a bad row the reason it cannot be read.
    A file without a column TEXT_KEYS names is Unreadable, with the columns it has."""
    header_line = text.lstrip("\n").partition("\n")[0]
    delimiter = max(CSV_DELIMITERS, key=header_line.count) if header_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next((row for row in reader if any(cell.strip() for cell in row)), [])
    columns = [cell.strip() for cell in header]
    if not {_key(c) for c in columns} & {_key(k) for k in TEXT_KEYS}:
        raise reasons.Unreadable(reasons.no_text_column(columns[:SHOWN_COLUMNS], len(columns)))
    n, line = 0, reader.line_num + 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if any(cell.strip() for cell in row):
                n += 1
                yield Record(n, start, dict(zip(columns, row, strict=False)))
    except csv.Error as exc:
        yield f"line {line}: malformed CSV ({exc}); fix the file"
