"""spaCy Doc -> claims: one claim per attributed statement, else one per sentence."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from claimcheck.schema import Article, Claim


def extract_claims(doc: Doc, article: Article) -> list[Claim]:
    """All claims of one article, in text order."""
    return list(_claims(doc, article))


def _claims(doc: Doc, article: Article) -> Iterator[Claim]:
    for sent in doc.sents:
        if not _is_claim_sentence(sent):
            continue
        yield Claim(
            id=f"{article.id}:{sent.start_char}-{sent.end_char}",
            doc_id=article.id,
            kind="event",
            text=sent.text.strip(),
            start=sent.start_char,
            end=sent.end_char,
        )


def _is_claim_sentence(sent: Span) -> bool:
    return any(tok.pos_ == "VERB" or tok.pos_ == "AUX" for tok in sent)
