"""Claims that state one fact in other words meet, across articles, and are judged right.

Each case is two or three short articles of one story written independently (the sentences
are this project's own): the disagreement must be flagged with both sides, and the same fact
in other words must not be.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimcheck import pipeline
from claimcheck.report import json as json_report

pytestmark = pytest.mark.model

Article = tuple[str, str, str]  # stem, outlet, text


def scan(
    folder: Path, articles: list[Article], dates: dict[str, str | None] | None = None
) -> dict[str, Any]:
    """Scan the articles as one folder; each is dated 2024-05-14 unless `dates` says (None: the
    article states no date)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, outlet, text in articles:
        record = {"title": f"{outlet} report", "text": text, "source": outlet}
        date = (dates or {}).get(stem, "2024-05-14")
        if date:
            record["date"] = date
        (folder / f"{stem}.json").write_text(json.dumps(record), encoding="utf-8")
    report = pipeline.scan([str(folder)], pipeline.ScanOptions(jobs=1))
    result: dict[str, Any] = json.loads(json_report.render(report))
    return result


def flagged(report: dict[str, Any], kind: str, a: str, b: str) -> list[dict[str, Any]]:
    """Findings of `kind` that hold a claim of document a and one of document b."""
    return [
        c
        for c in report["contradictions"]
        if c["kind"] == kind and {a, b} <= {v["doc_id"] for v in c["values"]}
    ]


LIBRARY = (
    "Riverton's council met on Monday evening in the old town hall. The council approved "
    "{money} for the new public library on Elm Street after a long debate. Construction is "
    "expected to start in the autumn, officials said."
)
LIBRARY_OTHER = (
    "Riverton will build its new library on Elm Street. Council members voted on Monday "
    "to spend $48 million on the new public library, ending months of argument. Work on the "
    "building could begin this autumn."
)

DIFFERENT_WORDS: list[Any] = [
    pytest.param(
        "quantity",
        [
            ("a", "Valley Post", LIBRARY.format(money="$84 million")),
            ("b", "Coast Star", LIBRARY_OTHER),
        ],
        None,
        id="figure-in-other-words",
    ),
    pytest.param(
        "date",
        [
            (
                "a",
                "Valley Post",
                "Former mayor Carla Benn appeared in court in Dunmore on Tuesday. Her trial "
                "on bribery charges will open on June 3, the judge said. Benn denies wrongdoing.",
            ),
            (
                "b",
                "Coast Star",
                "A judge in Dunmore scheduled the bribery trial of Carla Benn, the city's former "
                "mayor, to open on July 3. Benn, who left office last year, says she is innocent.",
            ),
        ],
        None,
        id="date-in-other-words",
    ),
    pytest.param(
        "attribution",
        [
            (
                "a",
                "Valley Post",
                'Union leaders met the rail operator on Friday. "We will not accept a contract '
                "that cuts the pensions of our drivers,\" Marta Iles, the union's president, said.",
            ),
            (
                "b",
                "Coast Star",
                'Talks between the rail operator and its drivers broke off on Friday. "We will '
                'not accept a contract that cuts the pensions of our drivers," said Tom Radley, '
                "the operator's chief executive.",
            ),
        ],
        None,
        id="quote-credited-to-another",
    ),
    pytest.param(
        "polarity",
        [
            (
                "a",
                "Valley Post",
                "The state auditor released her review of the housing agency on Wednesday. The "
                "audit found evidence of fraud in the agency's grant program.",
            ),
            (
                "b",
                "Coast Star",
                "The housing agency welcomed the auditor's review on Wednesday. The audit did "
                "not find evidence of fraud in the grant program, the agency's director said.",
            ),
        ],
        None,
        id="affirmed-and-negated",
    ),
    pytest.param(
        "dispute",
        [
            (
                "a",
                "Valley Post",
                "Graymoor Mining will close its Ridgeway smelter next spring and lay off 300 "
                "workers, according to people familiar with the plan.",
            ),
            (
                "b",
                "Coast Star",
                "Graymoor Mining called reports that it will close its Ridgeway smelter false on "
                "Thursday. The company said the smelter will keep running.",
            ),
        ],
        None,
        id="cross-article-denial",
    ),
    pytest.param(
        "entity",
        [
            (
                "a",
                "Valley Post",
                "A spokeswoman for the district attorney in Queens said the investigation into "
                "the warehouse fire was continuing on Monday.",
            ),
            (
                "b",
                "Coast Star",
                "The district attorney in the Bronx is investigating the warehouse fire, a "
                "spokeswoman for the office said Monday.",
            ),
        ],
        None,
        id="office-in-another-place",
        # a miss of the learned weights (docs/judging.md), kept so that it shows when fixed
        marks=pytest.mark.xfail(
            strict=True,
            reason="the fitted entity weights put this pair at P 0.41: the sentences share "
            "under half their words",
        ),
    ),
    pytest.param(
        "entity",
        [
            (
                "a",
                "Valley Post",
                "Former Ohio Rep. Dana Whitfield, who chaired the panel, presented its findings "
                "on rail safety on Tuesday.",
            ),
            (
                "b",
                "Coast Star",
                "Dana Whitfield, a former congresswoman from Iowa who chaired the panel, "
                "presented the rail safety findings on Tuesday.",
            ),
        ],
        None,
        id="home-state-of-a-lawmaker",
    ),
    pytest.param(
        "quantity",
        [
            (
                "a",
                "Valley Post",
                "The pension fund will run dry in 2031, and retirees would then face a 20 "
                "percent cut in benefits, the trustees warned.",
            ),
            (
                "b",
                "Coast Star",
                "After 2031 the pension fund will only be able to pay 70 percent of promised "
                "benefits, according to the trustees.",
            ),
        ],
        None,
        id="a-cut-against-what-remains",
    ),
    pytest.param(
        "quantity",
        [
            (
                "a",
                "Valley Post",
                "At least 300 nurses who work in county clinics joined the strike on Monday, "
                "the union said.",
            ),
            (
                "b",
                "Coast Star",
                "The strike drew at least 500 nurses from the county clinics on Monday, union "
                "leaders said.",
            ),
        ],
        None,
        id="two-different-floors",
    ),
    pytest.param(
        "date",
        [
            (
                "a",
                "Valley Post",
                "The ferry operator suspended the night crossing on Friday after the engine "
                "fire, the port authority said.",
            ),
            (
                "b",
                "Coast Star",
                "The ferry operator suspended the night crossing on Wednesday after the engine "
                "fire, port officials said.",
            ),
        ],
        {"a": "2024-05-14", "b": None},
        id="undated-article-anchored-to-the-story",
    ),
    pytest.param(
        "date",
        [
            (
                "a",
                "Valley Post",
                "The runoff election between the two candidates will be held in early July, "
                "party officials said.",
            ),
            (
                "b",
                "Coast Star",
                "The runoff election for county sheriff will be held on June 25.",
            ),
        ],
        None,
        id="a-day-outside-the-month-of-one-event",
    ),
    pytest.param(
        "date",
        [
            (
                "a",
                "Valley Post",
                "Judge Mara Quinlan spent twelve years on the state supreme court: she served "
                "from 1994 until her retirement.",
            ),
            (
                "b",
                "Coast Star",
                "Quinlan, now a law professor, held the seat on the supreme court from 1996 to "
                "2008, court records show.",
            ),
        ],
        None,
        id="one-term-in-other-words-served-and-held-the-seat",
    ),
    pytest.param(
        "date",
        [
            (
                "a",
                "Valley Post",
                "Tomas Reyes resigned from the port authority earlier this month, two of his "
                "aides said.",
            ),
            (
                "b",
                "Coast Star",
                "Tomas Reyes left the port authority last year after a long dispute over the "
                "budget.",
            ),
        ],
        None,
        id="one-departure-this-month-and-last-year",
    ),
]


@pytest.mark.parametrize(("kind", "articles", "dates"), DIFFERENT_WORDS)
def test_disagreement_in_other_words_is_flagged(
    tmp_path: Path, kind: str, articles: list[Article], dates: dict[str, str | None] | None
) -> None:
    report = scan(tmp_path, articles, dates)
    found = flagged(report, kind, "a", "b")
    assert found, [c["explanation"] for c in report["contradictions"]]
    assert all(c["explanation"] and 0 < c["confidence"] <= 1 for c in found)


SAME_FACT = [
    pytest.param(
        [
            ("a", "Valley Post", LIBRARY.format(money="about $48 million")),
            ("b", "Coast Star", LIBRARY_OTHER),
        ],
        None,
        id="same-figure-rounded",
    ),
    pytest.param(
        [
            ("a", "Valley Post", LIBRARY.format(money="$50 million")),
            ("b", "Coast Star", LIBRARY_OTHER.replace("$48 million", "$48.3 million")),
        ],
        None,
        id="round-figure-holds-exact-one",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "Harlow Foods paid $2 million in state taxes last year, its filing shows. The "
                "grocer's income was far larger, analysts said.",
            ),
            (
                "b",
                "Coast Star",
                "Harlow Foods reported income of $9 million last year in its state filing, "
                "which also lists the taxes the grocer paid.",
            ),
        ],
        None,
        id="different-measures",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "Graymoor Mining will close its Ridgeway smelter next spring, according to "
                "people familiar with the plan. The company called those reports false.",
            ),
            (
                "b",
                "Coast Star",
                "Graymoor Mining called reports that it will close its Ridgeway smelter false on "
                "Thursday. The company said the smelter will keep running.",
            ),
        ],
        None,
        id="both-report-the-denial",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "The mayor and the governor met at City Hall on Monday to discuss the flood "
                "barrier. It was their first meeting in months.",
            ),
            (
                "b",
                "Coast Star",
                "The governor and the mayor met again at City Hall on Thursday about the flood "
                "barrier, their second meeting this week.",
            ),
        ],
        {"a": "2024-05-13", "b": "2024-05-16"},
        id="a-later-meeting-is-another-event",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "The county will hold its runoff election in late June, party officials said.",
            ),
            ("b", "Coast Star", "The runoff election for county sheriff will be held on June 25."),
        ],
        None,
        id="a-day-inside-the-month-of-one-event",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "Sheriff Dale Orton, who was first elected in 2009, will run in the runoff "
                "election.",
            ),
            ("b", "Coast Star", "The runoff election for county sheriff will be held on June 25."),
        ],
        None,
        id="a-year-of-background-against-a-day",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "Graymoor Mining will close its Ridgeway smelter next spring, a post on social "
                "media claimed on Thursday.",
            ),
            (
                "b",
                "Coast Star",
                "Graymoor Mining called reports that it will close its Ridgeway smelter false on "
                "Thursday.",
            ),
        ],
        None,
        id="a-rumour-passed-on-is-not-stated",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "Former treasurer Owen Blake was charged with fraud on Monday over the missing "
                "county funds.",
            ),
            (
                "b",
                "Coast Star",
                "Owen Blake, the former county treasurer, denied wrongdoing on Monday after he "
                "was charged with fraud over the missing funds.",
            ),
        ],
        None,
        id="denying-wrongdoing-disputes-no-report",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "A fire broke out in the 300 block of E. Main St. on Sunday, and the district "
                "attorney in Queens is investigating.",
            ),
            (
                "b",
                "Coast Star",
                "Fire crews were called to the 300 block of East Main Street on Sunday; the "
                "district attorney in Queens has opened an inquiry.",
            ),
        ],
        None,
        id="a-street-abbreviated",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "Ruth Calloway, who served on the county board from 1981, spoke at the opening "
                "of the Elm Street library.",
            ),
            (
                "b",
                "Coast Star",
                "Ruth Calloway held a rally for the Elm Street library in 1979, long before "
                "the county board voted on it.",
            ),
        ],
        None,
        id="holding-a-rally-is-not-holding-the-seat",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "Lena Ortiz, the county clerk, resigned last month as the audit widened.",
            ),
            (
                "b",
                "Coast Star",
                "Marco Ortiz, a former councilman, resigned from the council last year to open "
                "a bakery.",
            ),
        ],
        None,
        id="two-people-of-one-name-resign-in-two-years",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "The climber spent a full day in intensive care and two more days on "
                "the ward at Kestrel General Hospital.",
            ),
            (
                "b",
                "Coast Star",
                "The climber spent three days at Kestrel General Hospital after the "
                "fall, doctors said.",
            ),
        ],
        None,
        id="a-part-on-top-of-another-and-the-total",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "Police in Dunmore said two or three gunmen took part in the bank raid on Friday.",
            ),
            (
                "b",
                "Coast Star",
                "Police in Dunmore said as many as two other gunmen may have joined the "
                "bank raid on Friday.",
            ),
        ],
        None,
        id="two-other-gunmen-besides-one",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "The vet removed one tumour from the terrier's leg and another from its "
                "neck on Tuesday.",
            ),
            (
                "b",
                "Coast Star",
                "On Tuesday the vet removed two tumours from the terrier, its owner said.",
            ),
        ],
        None,
        id="one-and-another-are-two",
    ),
    pytest.param(
        [
            (
                "a",
                "Valley Post",
                "Photos show the 30-year-old teacher Li Wen on the streets in Eastern China "
                "with her son.",
            ),
            (
                "b",
                "Coast Star",
                "The 30-year-old teacher Li Wen went to the streets of Rongcheng, in China’s "
                "eastern Shandong province, with a sign.",
            ),
        ],
        None,
        id="a-city-inside-the-region-the-other-names",
    ),
]


@pytest.mark.parametrize(("articles", "dates"), SAME_FACT)
def test_same_fact_in_other_words_is_not_flagged(
    tmp_path: Path, articles: list[Article], dates: dict[str, str | None] | None
) -> None:
    report = scan(tmp_path, articles, dates)
    assert flagged(report, "quantity", "a", "b") == []
    assert [c for c in report["contradictions"] if c["kind"] != "wording"] == []


def test_an_undated_articles_weekday_is_resolved_against_its_story(tmp_path: Path) -> None:
    articles: list[Article] = [
        ("a", "Valley Post", "The ferry operator suspended the night crossing on Friday."),
        ("b", "Coast Star", "The ferry operator suspended the night crossing on Friday."),
    ]
    report = scan(tmp_path, articles, {"a": "2024-05-14", "b": None})
    dates = {c["doc_id"]: c["dates"] for c in report["claims"] if c["dates"]}
    assert dates["a"][0]["value"] == dates["b"][0]["value"] == "2024-05-10"
    assert dates["b"][0]["anchor"] == "2024-05-14" and dates["a"][0]["anchor"] is None
    assert report["contradictions"] == []


STORY = (
    "Fado singer Lola Brandt has died at her home in Lisbon at the age of 74, her record label "
    "announced on Tuesday. Tributes to the singer poured in from fans across Portugal."
)
HOAX = (
    "Reports that fado singer Lola Brandt died at her home in Lisbon spread quickly online on "
    "Tuesday. The story is a hoax: her record label says the singer is well, and the website "
    "that started it has published fake obituaries before."
)


def test_an_article_that_calls_the_story_a_hoax_disputes_an_article_that_states_it(
    tmp_path: Path,
) -> None:
    report = scan(tmp_path, [("a", "Valley Post", STORY), ("b", "Coast Star", HOAX)])
    assert flagged(report, "dispute", "a", "b")


@pytest.mark.parametrize(
    "articles",
    [
        pytest.param(
            [
                ("a", "Valley Post", STORY + " Some called the reports a hoax."),
                ("b", "Coast Star", HOAX),
            ],
            id="both-report-the-doubt",
        ),
        pytest.param(
            [
                ("a", "Valley Post", STORY),
                (
                    "b",
                    "Coast Star",
                    'Fans of Lola Brandt gathered in Lisbon on Tuesday. "This campaign is a '
                    'hoax," said Marta Iles, who leads a rival label.',
                ),
            ],
            id="a-person-calling-something-a-hoax",
        ),
        pytest.param(
            [
                ("a", "Valley Post", STORY),
                (
                    "b",
                    "Coast Star",
                    "Fans of Lola Brandt gathered in Lisbon on Tuesday. Some carried fake "
                    "posters of her last concert.",
                ),
            ],
            id="a-fake-thing-calls-no-report-false",
        ),
        pytest.param(
            [
                ("a", "Valley Post", STORY),
                (
                    "b",
                    "Coast Star",
                    "Fans of Lola Brandt gathered in Lisbon on Tuesday. The reports of her death "
                    "are not a hoax, the club that booked her last concert said.",
                ),
            ],
            id="a-negated-hoax-word",
        ),
        pytest.param(
            [
                ("a", "Valley Post", STORY),
                (
                    "b",
                    "Coast Star",
                    "Fans of Lola Brandt gathered in Lisbon on Tuesday. It is not true that she "
                    "ever envied the younger singers, a friend wrote in a tribute.",
                ),
            ],
            id="a-denial-of-a-fact-of-its-own",
        ),
        pytest.param(
            [
                ("a", "Valley Post", STORY),
                (
                    "b",
                    "Coast Star",
                    "Fans of Lola Brandt gathered in Lisbon on Tuesday. So is the story of her "
                    "death a hoax? Her label would not say.",
                ),
            ],
            id="a-question-denies-nothing",
        ),
        pytest.param(
            [
                ("a", "Valley Post", STORY),
                (
                    "b",
                    "Coast Star",
                    "Fans of Lola Brandt gathered in Lisbon on Tuesday. Separately, the mayor of "
                    "Braga called a rumour about the city's budget a hoax.",
                ),
            ],
            id="a-denial-that-names-something-else",
        ),
    ],
)
def test_no_story_level_dispute(tmp_path: Path, articles: list[Article]) -> None:
    assert flagged(scan(tmp_path, articles), "dispute", "a", "b") == []


def test_across_only_keeps_the_findings_between_articles(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimcheck.cli import app

    scan(tmp_path / "story", [("a", "Valley Post", STORY), ("b", "Coast Star", HOAX)])
    within = (
        'Mayor Ada Lund said 40 homes were lost in the fire. "It was 400 homes," said Fire '
        "Chief Tom Berg, who said the fire destroyed homes on both sides of the river."
    )
    (tmp_path / "story" / "c.json").write_text(
        json.dumps({"title": "c", "text": within, "source": "River News", "date": "2024-05-14"})
    )
    runner = CliRunner()
    args = ["scan", str(tmp_path / "story"), "--format", "json", "--no-cache"]
    every = json.loads(runner.invoke(app, args).stdout)
    across = json.loads(runner.invoke(app, [*args, "--across-only"]).stdout)
    assert {c["scope"] for c in across["contradictions"]} <= {"across"}
    assert len(across["contradictions"]) == sum(
        c["scope"] == "across" for c in every["contradictions"]
    )
    assert across["contradictions"]


# Unrelated stories that share a folder: each is about other people, places and things.
OTHER_STORIES = [
    "The {town} rowing club opened a boathouse on the river on Saturday. Its members raised the "
    "money over two years with bake sales, the club secretary, Ines Carvalho, said.",
    "A rare orchid has flowered in the glasshouse of the {town} botanic garden for the first "
    "time in twelve years. Gardeners expect visitors to queue to see the bloom this weekend.",
    "The {town} library will lend sewing machines and power drills from next month. Readers "
    "asked for tools they use once a year, the head librarian, Piet Smeets, explained.",
    "Bus drivers in {town} will wear new uniforms designed by pupils of the local art school. "
    "The winning design uses the colours of the town's coat of arms.",
]
TOWNS = ["Oakham", "Penrith", "Bideford", "Ludlow", "Whitby"]
FILLERS: list[Article] = [
    (f"z{i}{j}", f"Paper {i}{j}", text.format(town=town))
    for i, text in enumerate(OTHER_STORIES)
    for j, town in enumerate(TOWNS)
]
EVENT_A: list[Article] = [
    (
        "a1",
        "Valley Post",
        "Harlow Foods will shut its biscuit factory in Corby and cut 420 jobs, the company "
        "said on Tuesday. Production moves to a plant in Poland next year.",
    ),
    (
        "a2",
        "Coast Star",
        "Harlow Foods will cut about 240 jobs when it closes the Corby biscuit factory, the "
        "firm announced on Tuesday.",
    ),
    (
        "a3",
        "River News",
        "Harlow Foods is closing its factory in Corby. The biscuit maker said 420 jobs would "
        "go and production would move to Poland.",
    ),
]
EVENT_B: list[Article] = [
    (
        "b1",
        "Valley Post",
        "The Tamsin Bridge in Exmouth will reopen to traffic on March 8 after repairs to its "
        "cables, the county council said.",
    ),
    (
        "b2",
        "Coast Star",
        "Once the council has repaired its cables, the Tamsin Bridge in Exmouth will reopen "
        "on March 18, a council engineer said.",
    ),
]


def findings_of(report: dict[str, Any], docs: set[str]) -> list[tuple[str, tuple[str, ...]]]:
    return sorted(
        (c["kind"], tuple(sorted(c["claim_ids"])))
        for c in report["contradictions"]
        if {v["doc_id"] for v in c["values"]} <= docs
    )


def test_a_storys_findings_do_not_depend_on_the_folder_it_is_scanned_in(tmp_path: Path) -> None:
    alone_a = scan(tmp_path / "a", EVENT_A)
    alone_b = scan(tmp_path / "b", EVENT_B)
    mixed = scan(tmp_path / "mixed", EVENT_A + EVENT_B + FILLERS)
    docs_a, docs_b = {s for s, _, _ in EVENT_A}, {s for s, _, _ in EVENT_B}
    assert findings_of(alone_a, docs_a) and findings_of(alone_b, docs_b)
    assert findings_of(mixed, docs_a) == findings_of(alone_a, docs_a)
    assert findings_of(mixed, docs_b) == findings_of(alone_b, docs_b)
    # the report lists the stories the scan compared within: each event is one, every
    # document is in exactly one
    stories = [set(story["doc_ids"]) for story in mixed["stories"]]
    assert docs_a in stories and docs_b in stories
    listed = [doc for story in mixed["stories"] for doc in story["doc_ids"]]
    assert sorted(listed) == sorted(d["id"] for d in mixed["documents"])
    touching = docs_a | docs_b
    assert all(
        {v["doc_id"] for v in c["values"]} <= docs_a
        or {v["doc_id"] for v in c["values"]} <= docs_b
        or not {v["doc_id"] for v in c["values"]} & touching
        for c in mixed["contradictions"]
    )


def test_articles_published_months_apart_in_a_large_folder_are_two_stories(
    tmp_path: Path,
) -> None:
    later = [(f"{s}-later", outlet, text.replace("420", "150")) for s, outlet, text in EVENT_A]
    dates = {f"{s}-later": "2024-09-20" for s, _, _ in EVENT_A}
    report = scan(tmp_path, EVENT_A + later + FILLERS, dates)
    docs = {s for s, _, _ in EVENT_A}
    assert not [
        c
        for c in report["contradictions"]
        if {v["doc_id"] for v in c["values"]} & docs
        and {v["doc_id"] for v in c["values"]} - docs
        and not {v["doc_id"] for v in c["values"]} - docs - {s for s, _, _ in later}
    ]
    # the same figures in one month are compared: 420 against 240 within the first batch
    assert findings_of(report, docs)
