"""SARIF 2.1.0 output: valid against the official schema, one result per contradiction."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from claimcheck.report import sarif
from claimcheck.schema import Report

from .sample import against_corpus, make_report

SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json").read_text()
)


def _log(report: Report, cwd: Path | None = None) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(sarif.render(report, cwd=cwd))
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    return log


def test_valid_and_one_result_per_contradiction(report: Report) -> None:
    log = _log(report)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["claimcheck/quantity", "claimcheck/date"]
    assert [r["partialFingerprints"] for r in results] == [
        {sarif.FINGERPRINT: "q-1f2e"},
        {sarif.FINGERPRINT: "d-9a0b"},
    ]
    assert results[0]["message"]["text"] == report.contradictions[0].explanation


def test_every_kind_has_a_rule_and_rule_index_points_at_it(report: Report) -> None:
    run = _log(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [f"claimcheck/{k}" for k in sarif.CONTRADICTION_KINDS]
    for key in ("shortDescription", "fullDescription", "help"):
        assert all(r[key]["text"] for r in rules), key
    assert len({r["help"]["text"] for r in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_first_claim_is_the_location_and_the_others_related(report: Report) -> None:
    result = _log(report)["runs"][0]["results"][0]
    (location,) = result["locations"]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "articles/alpha.txt"
    assert physical["region"]["startLine"] == 3
    assert physical["region"]["startColumn"] == 5
    (related,) = result["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "articles/beta%20news.md"
    assert related["physicalLocation"]["region"]["startLine"] == 7
    assert related["message"]["text"] == "articles/beta news.md (Harbour Gazette): 400 people"


def test_the_new_article_is_the_location_when_the_first_side_is_corpus(report: Report) -> None:
    """alpha (the first side) is the corpus: the run is about beta, so beta is the location."""
    result = _log(against_corpus(report, "alpha"))["runs"][0]["results"][0]
    (location,) = result["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "articles/beta%20news.md"
    assert location["physicalLocation"]["region"]["startLine"] == 7
    (related,) = result["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "articles/alpha.txt"
    assert related["physicalLocation"]["region"]["startLine"] == 3
    assert related["message"]["text"] == "articles/alpha.txt: 40 people (Police)"
    assert result["properties"]["claimIds"] == ["alpha:0-40", "beta:10-50"]


@pytest.mark.parametrize("corpus", [(), ("alpha", "beta")])
def test_the_first_side_stays_the_location_when_no_side_or_every_side_is_new(
    report: Report, corpus: tuple[str, ...]
) -> None:
    result = _log(against_corpus(report, *corpus))["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "articles/alpha.txt"


def test_a_finding_with_one_claim_has_no_related_locations(report: Report) -> None:
    result = _log(report)["runs"][0]["results"][1]
    assert "relatedLocations" not in result
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 9


@pytest.mark.parametrize(
    ("confidence", "level"), [(0.95, "error"), (0.8, "error"), (0.6, "warning"), (0.2, "note")]
)
def test_level_follows_confidence(confidence: float, level: str) -> None:
    assert sarif.level(confidence) == level


def test_absolute_paths_under_cwd_become_relative(tmp_path: Path) -> None:
    report = make_report(doc_dir=str(tmp_path / "news"))
    uri = _log(report, cwd=tmp_path)["runs"][0]["results"][0]["locations"][0]
    assert uri["physicalLocation"]["artifactLocation"]["uri"] == "news/alpha.txt"


def test_paths_outside_cwd_are_file_uris(tmp_path: Path) -> None:
    report = make_report(doc_dir=str(tmp_path / "news"))
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    result = _log(report, cwd=elsewhere)["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (tmp_path / "news" / "alpha.txt").as_uri()


def test_empty_report_is_a_valid_log_with_no_results(report: Report) -> None:
    empty = report.model_copy(update={"contradictions": ()})
    assert _log(empty)["runs"][0]["results"] == []


def test_schema_rejects_a_broken_log(report: Report) -> None:
    """The vendored schema really checks: a result without a message is invalid."""
    log = json.loads(sarif.render(report))
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SCHEMA).validate(log)
