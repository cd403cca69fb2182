"""evaluate(): per-kind precision and recall of a report against a gold file."""

from __future__ import annotations

from typing import Any

from claimcheck.evaluate import evaluate


def _report() -> dict[str, Any]:
    claims = [
        {"id": "a:0-40", "doc_id": "a", "text": "The ferry carried 120 passengers, police said."},
        {
            "id": "b:0-40",
            "doc_id": "b",
            "text": "The ferry carried 80 passengers, the operator said.",
        },
        {"id": "b:50-90", "doc_id": "b", "text": "The ferry left Dover on Friday."},
        {"id": "a:50-90", "doc_id": "a", "text": "The ferry left Dover on Saturday."},
    ]
    contradictions = [
        {"id": "q1", "kind": "quantity", "claim_ids": ["a:0-40", "b:0-40"]},
        {"id": "d1", "kind": "date", "claim_ids": ["a:50-90", "b:50-90"]},
        {"id": "e1", "kind": "entity", "claim_ids": ["a:0-40", "b:50-90"]},
    ]
    return {"claims": claims, "contradictions": contradictions}


GOLD = {
    "must_flag": [
        {
            "id": "passengers",
            "sides": [
                [{"doc": "a", "contains": "120 passengers"}],
                [{"doc": "b", "contains": "80 passengers"}],
            ],
        },
    ],
    "should_flag": [
        {
            "id": "port",
            "kind": "entity",
            "sides": [[{"doc": "a", "contains": "calais"}], [{"doc": "b", "contains": "dover"}]],
        },
    ],
    "must_not_flag": [
        {
            "id": "same-day",
            "kinds": ["date"],
            "sides": [[{"doc": "a", "contains": "saturday"}], [{"doc": "b", "contains": "friday"}]],
        },
    ],
}


def test_scores_per_kind() -> None:
    result = evaluate(_report(), GOLD)
    quantity, date, entity = result.kinds["quantity"], result.kinds["date"], result.kinds["entity"]
    assert (quantity.true_positive, quantity.recall, quantity.precision) == (1, 1.0, 1.0)
    assert (date.false_positive, date.precision) == (1, 0.0)
    assert (entity.unlabelled, entity.gold, entity.found, entity.recall) == (1, 1, 0, 0.0)
    assert entity.precision is None and entity.strict_precision == 0.0


def test_item_outcomes() -> None:
    result = evaluate(_report(), GOLD)
    assert result.items == [
        ("must_flag", "passengers", True),
        ("should_flag", "port", False),
        ("must_not_flag", "same-day", False),
    ]


def test_quotes_and_case_are_normalised() -> None:
    report = _report()
    report["claims"][0]["text"] = "The ferry carried 120 “PASSENGERS,” police said."
    gold = {
        "must_flag": [
            {
                "id": "q",
                "sides": [
                    [{"doc": "a", "contains": '120 "passengers'}],
                    [{"doc": "b", "contains": "80 passengers"}],
                ],
            }
        ]
    }
    assert evaluate(report, gold).items == [("must_flag", "q", True)]
