"""Doc -> attributions: who said what, with the cue and the attributed content."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class Attribution:
    """One attributed statement; offsets are character offsets into the Doc's text."""

    speaker: str  # canonical full name within the article ("Dmitry Peskov")
    mention: str  # how the text names the speaker here ("he", "Kremlin spokesman Dmitry Peskov")
    cue: str  # reporting verb lemma or phrase ("say", "according to")
    content_start: int
    content_end: int
    negated: bool = False


def find_attributions(doc: Doc) -> Iterator[Attribution]:
    """Attributed statements of the Doc, in text order."""
    return iter(())
