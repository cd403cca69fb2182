"""The whole scan over the five seed articles, scored with the gold the project is held to
(tests/data/seeds_gold.json, a copy of shared/acceptance/seeds_gold.json)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from claimcheck import pipeline
from claimcheck.evaluate import evaluate, norm
from claimcheck.report import json as json_report

from .conftest import ROOT, SEEDS

pytestmark = pytest.mark.model
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))


@cache
def report() -> dict[str, Any]:
    scanned = pipeline.scan([str(SEEDS)], pipeline.ScanOptions(jobs=1))
    result: dict[str, Any] = json.loads(json_report.render(scanned))
    return result


def test_publication_dates_are_read_not_guessed() -> None:
    published = {d["id"]: d["published"] for d in report()["documents"]}
    assert published == {d["doc"]: d["published"] for d in GOLD["documents"]}


def test_every_must_flag_and_must_not_flag_item_holds() -> None:
    outcome = evaluate(report(), GOLD)
    failed = [
        (tier, item) for tier, item, ok in outcome.items if not ok and tier.startswith("must")
    ]
    assert failed == []


def test_findings_stay_few() -> None:
    assert 0 < len(report()["contradictions"]) <= GOLD["max_contradictions"]


def test_every_finding_carries_its_evidence() -> None:
    claims = {c["id"]: c for c in report()["claims"]}
    for finding in report()["contradictions"]:
        assert len(finding["claim_ids"]) >= 2
        assert all(i in claims for i in finding["claim_ids"])
        assert finding["explanation"].endswith(".")
        assert 0 < finding["confidence"] <= 1
        assert {v["doc_id"] for v in finding["values"]} <= {
            claims[i]["doc_id"] for i in finding["claim_ids"]
        }


def test_no_page_furniture_becomes_a_claim() -> None:
    for item in GOLD["must_not_extract"]:
        texts = [norm(c["text"]) for c in report()["claims"] if c["doc_id"] == item["doc"]]
        assert not any(norm(item["contains"]) in t for t in texts), item["why"]


def test_a_sentence_broken_by_furniture_is_joined() -> None:
    for item in GOLD["must_extract"]["text"]:
        texts = [norm(c["text"]) for c in report()["claims"] if c["doc_id"] == item["doc"]]
        assert any(norm(item["contains"]) in t for t in texts), item["why"]


@pytest.mark.parametrize("item", GOLD["must_extract"]["attributions"], ids=lambda a: a["contains"])
def test_who_said_what(item: dict[str, str]) -> None:
    assert any(
        c["doc_id"] == item["doc"]
        and norm(item["contains"]) in norm(c["text"])
        and norm(item["speaker"]) in norm(c["speaker"])
        for c in report()["claims"]
    )
