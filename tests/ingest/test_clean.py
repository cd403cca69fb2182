"""Text cleaning: Markdown undone, page furniture dropped, broken sentences joined."""

from __future__ import annotations

import pytest

from claimcheck.ingest.clean import clean, is_furniture


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "The plan costs \\$40 million, the mayor said.",
            "The plan costs $40 million, the mayor said.",
        ),
        ("Reported by [Maria Lopez](https://x.example/m) today.", "Reported by Maria Lopez today."),
        ("The daily *Tageblatt* reported the vote.", "The daily Tageblatt reported the vote."),
        ("It was **very** close, she said.", "It was very close, she said."),
        ("## Council Approves Budget", "Council Approves Budget"),
        ("- Taxes rise 2 percent.", "Taxes rise 2 percent."),
        ("> The vote was fair, he said.", "The vote was fair, he said."),
        ("A ![chart](img.png) shows growth.", "A  shows growth."),
        ("snake_case_name stays", "snake_case_name stays"),
        ("Tax rate is 5 * 3 units", "Tax rate is 5 * 3 units"),
    ],
)
def test_markdown_is_undone(raw: str, expected: str) -> None:
    assert clean(raw, read_header=False).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The account @harbour_watch_ posted it.", "The account @harbour_watch_ posted it."),
        ('"You never f*** with the tide," he said.', '"You never f*** with the tide," he said.'),
        ("Type `rm *_old*` to clear it.", "Type rm *_old* to clear it."),
        ("Fish &amp; chips cost &#36;9.", "Fish & chips cost $9."),
        ("The fleet sailed.<!-- ad slot 4 -->", "The fleet sailed."),
        ("The ``harbour tax'' rose.", "The harbour tax'' rose."),
        ("Read [the audit][a] now.\n\n[a]: https://x.example/audit", "Read the audit now."),
    ],
)
def test_markdown_follows_commonmark(raw: str, expected: str) -> None:
    assert clean(raw, read_header=False).text == expected


def test_markdown_anchors_point_past_removed_markup() -> None:
    cleaned = clean("A **bold** \\$5 [fee](https://x.example) rise.", read_header=False)
    assert cleaned.text == "A bold $5 fee rise."
    columns = dict((at, col) for at, _, col in cleaned.line_map)
    assert [columns[cleaned.text.index(w)] for w in ("bold", "$5", "fee", " rise")] == [
        5,
        13,
        17,
        40,
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Getty Images",
        "AP Images",
        "Photo: Jane Roe / Reuters",
        "Advertisement",
        "Share this article",
        "Follow us on Twitter",
        "Updated 3 hours ago",
        "Sign up for our daily newsletter",
        "24 Issues Per Year",
        "60-Day money back guarantee!",
        "Read more: Council votes on budget",
        # correction notices
        "This post has been revised to reflect the following correction:",
        "Correction: June 3, 2011",
        "Because of an editing error, an earlier version of this story gave the wrong age.",
        "An earlier version of this article misstated the size of the harbour fund.",
        # credits
        "The Harbour Times contributed to this report.",
        "Maria Lopez and Ken Abe contributed reporting.",
        "(Reporting by Ana Ruiz; Editing by Tom Lee)",
        "Additional reporting by Reuters",
        "Ana Ruiz reported from Lisbon, and Tom Lee from Porto, Portugal.",
        "— Dana Ruiz is a staff writer at the Harbour Times.",
        # promos, sign-ups, navigation, disclaimers
        "Watch Evening Report tonight at 8 p.m. ET on Channel 5.",
        "For mobile users, click here to watch the video",
        "Watch the clip below:",
        "MORE: Council votes to close the harbour",
        "Follow her on Twitter: @danaruiz.",
        "Like Us On Facebook |   Follow Us On Twitter |   Contact Harbour Parents",
        "Enter your email address to get our weekly digest",
        "By signing up, you agree to our privacy policy.",
        "Site Mobile Navigation",
        "Skip to main content",
        "Copyright 2012 Harbour Media. All rights reserved.",
        "Disclosure: The author owns shares of Acme Corp.",
        "The author has no position in any stocks mentioned.",
        "This article is not investment advice.",
        "Past performance is no guarantee of future results.",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The mayor said the budget would pass.",
        "Readers of the newsletter were told on Monday that the vote had been moved back.",
        "Follow the money, the senator told reporters on Tuesday.",
        "Related to this, the official said the plan was dead.",
        "The mayor will speak at 8 p.m. ET, her office said.",
        "Officials reported from the scene that two people had died in the fire.",
        "The senator has no stake in the companies that won the contracts.",
        "The paper has published a correction, the editor said.",
        "Analysts see growth above 3 percent this year.",
        "Watch what the council does next, the mayor warned.",
        "The version of the bill that was revised on Monday passed.",
    ],
)
def test_body_sentences_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


BROKEN = """The council approved the harbour budget, which had not

Written by Tom Reed on June 2, 2023

---

been disclosed before, a clerk said.

AP Images
Olaf Berger

The mayor welcomed it.
"""


def test_sentence_broken_by_furniture_is_joined() -> None:
    text = clean(BROKEN).text
    assert text == (
        "The council approved the harbour budget, which had not been disclosed before, "
        "a clerk said.\n\nThe mayor welcomed it."
    )


def test_paragraph_with_an_ending_is_not_joined() -> None:
    text = clean("The vote passed.\n\nbut nobody cheered.", read_header=False).text
    assert text == "The vote passed.\n\nbut nobody cheered."


PROMO = """## Harbour Plan Passes

The council passed the plan on Monday.

## Subscribe to the Harbour Times

Get exclusive digital access to our reporting!

### What You Get

- 12 Issues Per Year
- Cancel anytime.

## Reactions

The opposition said it would appeal.
"""


def test_subscription_block_is_dropped_up_to_the_next_heading() -> None:
    text = clean(PROMO).text
    assert text == (
        "Harbour Plan Passes\n\nThe council passed the plan on Monday.\n\n"
        "Reactions\n\nThe opposition said it would appeal."
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Harbour plan passes / Updated 2 days ago", "Harbour plan passes"),
        ("The list was updated 2 days ago, the clerk said.", None),
        ("The vote is just now beginning.", None),
    ],
)
def test_updated_fragment_only_at_a_line_end(raw: str, expected: str | None) -> None:
    assert clean(raw, read_header=False).text == (expected or raw)


def test_hard_wrapped_paragraphs_are_unwrapped() -> None:
    raw = (
        "The council approved the harbour budget on Monday after a long\n"
        "debate in which the opposition argued that the costs had been\n"
        "understated by the mayor's office for at least two years.\n"
        "\n"
        "The mayor rejected the claim and said the figures were audited\n"
        "by an outside firm every spring, as the law requires of all\n"
        "towns of its size.\n"
    )
    paragraphs = clean(raw, read_header=False).text.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith(
        "The council approved the harbour budget on Monday after a long debate"
    )


def test_line_map_points_at_original_line_and_column() -> None:
    raw = "\n\n## Harbour Plan\n\nThe \\$5 fee, said [Ann Lee](#), will rise.\n"
    cleaned = clean(raw)
    text = cleaned.text
    assert text == "Harbour Plan\n\nThe $5 fee, said Ann Lee, will rise."
    anchors = dict((at, (line, col)) for at, line, col in cleaned.line_map)
    assert anchors[0] == (3, 4)
    body = text.index("The $5")
    assert anchors[body] == (5, 1)
    ann = text.index("Ann Lee")
    assert anchors[ann] == (5, 20)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "The council met on Monday, the clerk said. The Tribune contributed to this report.",
            "The council met on Monday, the clerk said.",
        ),
        ("The bill passed. CLICK HERE TO SEE THE VIDEO.", "The bill passed."),
        (
            "Shares rose, said Ana Ruiz. Follow The Daily Harbour on Twitter.",
            "Shares rose, said Ana Ruiz.",
        ),
        # near-misses: a last sentence that only looks like furniture stays
        (
            "The town will watch the vote at 8 p.m. ET. Residents agreed.",
            "The town will watch the vote at 8 p.m. ET. Residents agreed.",
        ),
        ("The vote was close. The mayor said she would sign it.", None),
    ],
)
def test_trailing_furniture_sentence_is_cut(raw: str, expected: str | None) -> None:
    assert clean(raw, read_header=False).text == (expected or raw)
