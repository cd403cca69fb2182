"""Doc -> dates, relative ones resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Doc

from claimcheck.schema import DateRef


def find_dates(doc: Doc, *, published: dt.date | None) -> Iterator[DateRef]:
    """Dates mentioned in the Doc, in text order, each with its granularity."""
    return iter(())
