"""bench/speakers.py: each speaker as written is put in one kind, the odd ones flagged."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bench.speakers import kind_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Maria Lopez", "person"),
        ("Kremlin", "organisation"),
        ("residents", "group"),
        ("spokesman for the ministry", "group"),
        ("statement", "document"),
        ("terrier", "animal"),
        ("accompanying list of fees", "thing"),
    ],
)
def test_kind_of(nlp: Language, name: str, kind: str) -> None:
    assert kind_of(name, nlp) == kind
