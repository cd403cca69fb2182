"""The JSON report written in pieces is byte for byte the one pydantic writes whole."""

from __future__ import annotations

import json

import pytest

from claimcheck.report import json as json_report
from claimcheck.schema import Claim, Cluster, Report


def _with_cluster_and_awkward_text(report: Report) -> Report:
    tricky = Claim(
        id="gamma:0-30",
        doc_id="gamma",
        kind="event",
        text='He wrote "claims": [] and\n  "clusters": [] on the board.',
        start=0,
        end=30,
    )
    cluster = Cluster(
        id="cl-1",
        label="40 people hurt",
        claim_ids=tuple(c.id for c in report.claims[:2]),
        doc_ids=("alpha", "beta"),
    )
    return report.model_copy(update={"claims": (*report.claims, tricky), "clusters": (cluster,)})


@pytest.mark.parametrize("indent", [2, None])
@pytest.mark.parametrize("variant", ["sample", "cluster and quotes", "empty lists"])
def test_pieces_join_to_what_pydantic_writes(
    report: Report, indent: int | None, variant: str
) -> None:
    if variant == "cluster and quotes":
        report = _with_cluster_and_awkward_text(report)
    elif variant == "empty lists":
        report = report.model_copy(update={"claims": (), "clusters": ()})
    pieces = list(json_report.chunks(report, indent=indent))
    assert "".join(pieces) == report.model_dump_json(indent=indent) + "\n"
    assert json.loads("".join(pieces))["claims"] == json.loads(report.model_dump_json())["claims"]


def test_no_piece_holds_more_than_one_claim(report: Report) -> None:
    report = _with_cluster_and_awkward_text(report)
    pieces = list(json_report.chunks(report))
    assert max(p.count('"start"') for p in pieces) == 1
    assert json_report.render(report) == "".join(pieces)
