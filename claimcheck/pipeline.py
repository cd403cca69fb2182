"""scan(paths, options) -> Report: the one place that strings the steps together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck import __version__, cluster, compare, nlp, runner
from claimcheck.errors import NoArticles
from claimcheck.extract import speakers
from claimcheck.ingest import DEFAULT_MAX_BYTES, read_articles
from claimcheck.schema import Article, Claim, Document, Report, Skipped, Summary


@dataclass(frozen=True)
class ScanOptions:
    model: str | None = None
    glob: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 0
    progress: bool = False


def load_claims(
    paths: Sequence[str], options: ScanOptions
) -> tuple[list[Article], list[Skipped], list[Claim], str]:
    """Read and extract: articles, skipped inputs, claims (speakers unified) and the model key."""
    model = nlp.resolve_model(options.model)
    articles, skipped = read_articles(paths, glob=options.glob, max_bytes=options.max_bytes)
    if not articles:
        raise NoArticles(len(skipped))
    per_article = runner.extract_all(
        articles, model=model, jobs=options.jobs, progress=options.progress
    )
    claims = speakers.unify([claim for claims in per_article for claim in claims])
    return articles, skipped, claims, nlp.model_key(nlp.load(model))


def scan(paths: Sequence[str], options: ScanOptions) -> Report:
    """Read the articles under `paths`, extract and cluster claims, and flag contradictions."""
    articles, skipped, claims, model = load_claims(paths, options)
    pairs = cluster.similar_pairs(claims)
    contradictions, supersessions = compare.compare_all(claims, pairs, articles)
    clusters = cluster.mark_disputed(cluster.cluster_claims(claims, pairs), contradictions)
    return build_report(
        articles,
        skipped,
        claims,
        model=model,
        clusters=clusters,
        contradictions=contradictions,
        supersessions=supersessions,
    )


def build_report(
    articles: Sequence[Article],
    skipped: Sequence[Skipped],
    claims: Sequence[Claim],
    *,
    model: str,
    clusters: Sequence[cluster.Cluster] = (),
    contradictions: Sequence[compare.Contradiction] = (),
    supersessions: Sequence[compare.Supersession] = (),
) -> Report:
    """Assemble a report in a canonical order, so the same input gives byte-identical JSON."""
    documents = sorted(
        (
            Document.model_validate(a.model_dump(include=set(Document.model_fields)))
            for a in articles
        ),
        key=lambda d: (d.id, d.path),
    )
    return Report(
        version=__version__,
        model=model,
        summary=Summary(
            documents=len(documents),
            skipped=len(skipped),
            claims=len(claims),
            clusters=len(clusters),
            contradictions=len(contradictions),
        ),
        documents=tuple(documents),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        claims=tuple(sorted(claims, key=lambda c: (c.doc_id, c.start, c.id))),
        clusters=tuple(sorted(clusters, key=lambda c: c.id)),
        contradictions=tuple(sorted(contradictions, key=lambda c: (-c.confidence, c.kind, c.id))),
        supersessions=tuple(sorted(supersessions, key=lambda s: s.id)),
    )
