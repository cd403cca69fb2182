"""Deterministic synthetic news corpora for benchmarks: many stories, several outlets each.

Every story has true facts (a headline figure, a share, an event date, a spokesperson); each
outlet's article restates them in its own words (agreements: "1,200" / "about 1,200" / "some
1200"), and some stories get one planted contradiction: an article with a different figure,
date, speaker or outlet. Story k is the same whatever the corpus size, so the 100-article corpus
is the start of the 1,000-article one. All sentences are written for this file.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

PLANTED_KINDS = ("quantity", "date", "speaker", "outlet")
# Share of stories that get one planted contradiction.
CONTRADICTION_RATE = 0.6

OUTLETS = (
    "Harbor Tribune",
    "Northern Ledger",
    "Daily Meridian",
    "Capital Wire",
    "Valley Courier",
    "Coastal Post",
    "Metro Dispatch",
    "Evening Standard-Gazette",
    "Plains Herald",
    "Riverside Observer",
    "Summit Times",
    "Lakeshore News",
)
FIRST = (
    "Maria", "James", "Aisha", "Tomasz", "Elena", "David", "Priya", "Kwame", "Sofia", "Lukas",
    "Hannah", "Omar", "Ingrid", "Mateo", "Yuki", "Fatima", "Gregor", "Leila", "Samuel", "Nadia",
    "Chiara", "Ben", "Anika", "Rafael", "Zainab", "Viktor", "Mei", "Tobias", "Amara", "Jonas",
    "Lucia", "Arjun", "Freya", "Idris", "Carmen", "Pavel", "Noor", "Henrik", "Rosa", "Emeka",
)  # fmt: skip
LAST = (
    "Alvarez", "Okafor", "Lindqvist", "Novak", "Haddad", "Brennan", "Castillo", "Moreau",
    "Sato", "Kowalski", "Petrov", "Mensah", "Whitfield", "Delgado", "Fischer", "Romano",
    "Nakamura", "O'Neill", "Bergstrom", "Qureshi", "Adeyemi", "Halloran", "Jankowski", "Ferreira",
    "Lund", "Takahashi", "Ostrowski", "Mwangi", "Vasquez", "Eriksen", "Demir", "Kaplan", "Rossi",
    "Yilmaz", "Dubois", "Abara", "Kessler", "Marchetti", "Szabo", "Gallagher",
)  # fmt: skip
PLACES = (
    "Port Ellis", "Granford", "Marrow County", "New Halden", "Eastbrook", "Cedar Falls",
    "Lowmoor", "Ashby", "Kingsreach", "Bellhaven", "Stonebridge", "Westmarch", "Duncaster",
    "Fairmont Valley", "Ravensholm", "Oakridge",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Topic:
    """A kind of story: what its figures count and how reporters phrase it."""

    name: str
    role: str  # who speaks for it: "the county emergency director"
    org: str
    noun: str  # what the headline figure counts
    low: int
    high: int
    money: bool  # the headline figure is dollars
    share_noun: str  # what the percentage is a share of
    headline: str
    lede: tuple[str, ...]
    quotes: tuple[str, ...]
    background: tuple[str, ...]


TOPICS = (
    Topic(
        name="storm",
        role="the county emergency director",
        org="the county emergency office",
        noun="homes",
        low=800,
        high=40000,
        money=False,
        share_noun="households in the area",
        headline="Storm leaves {figure} {noun} without power in {place}",
        lede=(
            "A fierce storm tore through {place} on {date}, leaving {figure} {noun} without power.",
            "{figure} {noun} in {place} lost electricity after high winds struck on {date}.",
        ),
        quotes=(
            "Crews will work around the clock until every line is restored",
            "We have never seen damage spread this fast across the valley",
        ),
        background=(
            "Utility trucks lined the main road as crews cleared fallen branches.",
            "Several schools closed for the day and shelters opened in two church halls.",
            "Forecasters had warned of gusts strong enough to topple older trees.",
            "Residents posted photos of flooded basements and crushed fences.",
        ),
    ),
    Topic(
        name="factory",
        role="the company spokesperson",
        org="Brightline Manufacturing",
        noun="jobs",
        low=120,
        high=4500,
        money=False,
        share_noun="the plant's workforce",
        headline="{org} to cut {figure} {noun} at its {place} plant",
        lede=(
            "{org} announced on {date} that it will cut {figure} {noun} at its {place} plant.",
            "The closure of the {place} line, confirmed on {date}, will cost {figure} {noun}.",
        ),
        quotes=(
            "This was a painful decision driven by falling orders",
            "Every affected worker will be offered retraining and severance",
        ),
        background=(
            "The plant opened more than forty years ago and once ran three shifts.",
            "Union representatives said they would seek talks with management this week.",
            "Local shops near the factory gates depend heavily on the lunchtime trade.",
            "Analysts pointed to weaker demand and rising energy costs across the sector.",
        ),
    ),
    Topic(
        name="budget",
        role="the finance minister",
        org="the finance ministry",
        noun="for road repairs",
        low=2,
        high=900,
        money=True,
        share_noun="the infrastructure budget",
        headline="Government sets aside {figure} {noun} in {place}",
        lede=(
            "The government unveiled a plan on {date} to spend {figure} {noun} in {place}.",
            "Ministers approved {figure} {noun} across {place} on {date}.",
        ),
        quotes=(
            "These roads have been neglected for far too long",
            "The money will be spent where the potholes are worst, not where the votes are",
        ),
        background=(
            "Opposition lawmakers called the package too little and too late.",
            "Drivers in the region have complained for years about crumbling bridges.",
            "The plan still needs approval from the regional assembly next month.",
            "Contractors expect the first tenders to be published before the summer.",
        ),
    ),
    Topic(
        name="wildfire",
        role="the regional fire chief",
        org="the regional fire service",
        noun="acres",
        low=300,
        high=90000,
        money=False,
        share_noun="the national park",
        headline="Wildfire near {place} burns {figure} {noun}",
        lede=(
            "A wildfire that broke out near {place} on {date} has burned {figure} {noun}.",
            "Firefighters near {place} battled a blaze that had scorched {figure} {noun} "
            "since {date}.",
        ),
        quotes=(
            "The wind changed direction twice and pushed the fire toward the houses",
            "Our crews are exhausted but the line is holding for now",
        ),
        background=(
            "Smoke drifted over neighbouring towns and air quality warnings were issued.",
            "Evacuation centres handed out water, masks and blankets to families.",
            "Helicopters dropped water drawn from the reservoir throughout the afternoon.",
            "Officials urged residents to keep roads clear for emergency vehicles.",
        ),
    ),
    Topic(
        name="outbreak",
        role="the chief health officer",
        org="the health department",
        noun="cases",
        low=40,
        high=6000,
        money=False,
        share_noun="patients in hospital",
        headline="Health officials confirm {figure} {noun} of measles in {place}",
        lede=(
            "Health officials confirmed {figure} {noun} of measles in {place} on {date}.",
            "The measles outbreak in {place} has reached {figure} {noun}, officials said on "
            "{date}.",
        ),
        quotes=(
            "Vaccination remains the best protection for children and adults alike",
            "We expect the number to rise before it falls",
        ),
        background=(
            "Clinics extended their opening hours to offer free vaccinations.",
            "Schools sent letters to parents asking them to check their records.",
            "Doctors said most patients were recovering at home.",
            "The last comparable outbreak in the region was more than a decade ago.",
        ),
    ),
    Topic(
        name="strike",
        role="the union leader",
        org="the transport workers' union",
        noun="workers",
        low=500,
        high=60000,
        money=False,
        share_noun="the rail workforce",
        headline="{figure} {noun} walk out as rail strike hits {place}",
        lede=(
            "About {figure} {noun} walked off the job in {place} on {date}.",
            "Rail services across {place} stopped on {date} as {figure} {noun} went on strike.",
        ),
        quotes=(
            "Our members have not had a fair raise in six years",
            "We are ready to talk the moment management makes a serious offer",
        ),
        background=(
            "Commuters crowded onto buses and many chose to work from home.",
            "The rail operator said it had offered a raise it called generous.",
            "Business groups warned the walkout would hurt shops in the city centre.",
            "Talks broke down late on the previous evening after hours of negotiation.",
        ),
    ),
    Topic(
        name="fine",
        role="the regulator's chair",
        org="the competition authority",
        noun="in fines",
        low=1,
        high=750,
        money=True,
        share_noun="the firm's annual profit",
        headline="Regulator imposes {figure} {noun} on {place} energy supplier",
        lede=(
            "The competition authority imposed {figure} {noun} on a {place} supplier on {date}.",
            "A {place} energy supplier was hit with {figure} {noun} on {date}.",
        ),
        quotes=(
            "Customers were overcharged for years and that has to stop",
            "The penalty reflects how long the practice went on",
        ),
        background=(
            "The supplier said it would study the decision and may appeal.",
            "Consumer groups welcomed the ruling but asked for refunds to households.",
            "The investigation began after hundreds of complaints about billing errors.",
            "Shares in the company fell sharply in early trading.",
        ),
    ),
    Topic(
        name="election",
        role="the electoral commissioner",
        org="the electoral commission",
        noun="votes",
        low=5000,
        high=900000,
        money=False,
        share_noun="registered voters",
        headline="Mayor of {place} re-elected with {figure} {noun}",
        lede=(
            "The mayor of {place} won a second term on {date} with {figure} {noun}.",
            "Voters in {place} returned the mayor to office on {date}, giving her {figure} {noun}.",
        ),
        quotes=(
            "Counting went smoothly and every ballot was checked twice",
            "Turnout was stronger than anyone predicted",
        ),
        background=(
            "Her challenger conceded shortly before midnight.",
            "Campaigning focused on housing costs and public transport.",
            "Queues formed outside several polling stations in the morning.",
            "Observers reported no serious irregularities.",
        ),
    ),
)

AGREEMENT_NOTE = "same figure worded differently"


@dataclass(frozen=True)
class Story:
    index: int
    topic: Topic
    place: str
    figure: int
    share: int  # percent
    event: dt.date
    speaker: str
    outlets: tuple[str, ...]


@dataclass
class Planted:
    """A planted contradiction: the odd article out and the values on each side."""

    story: int
    kind: str
    doc_id: str
    true_value: str
    planted_value: str
    agreeing_docs: list[str] = field(default_factory=list)


@dataclass
class Corpus:
    files: dict[str, str]  # file name -> text
    planted: list[Planted]
    agreements: int  # pairs of articles stating the same figure in different words


def generate(n_articles: int, *, seed: int = 7) -> Corpus:
    """The first `n_articles` articles of the corpus stream for `seed`."""
    files: dict[str, str] = {}
    planted: list[Planted] = []
    agreements = 0
    story_index = 0
    while len(files) < n_articles:
        rng = random.Random(f"{seed}:{story_index}")
        story = _story(story_index, rng)
        # The whole story is written, then cut to fit: story k never depends on the size.
        plant = _plant(story, story.outlets, rng)
        kept = story.outlets[: n_articles - len(files)]
        wordings: set[str] = set()
        for outlet in story.outlets:
            doc_id = f"s{story.index:05d}_{_slug(outlet)}"
            text, figure_text = _article(story, outlet, plant, rng)
            if outlet not in kept:
                continue
            files[f"{doc_id}.txt"] = text
            if plant is None or outlet != _odd_outlet(plant, story):
                wordings.add(figure_text)
        agreements += max(len(wordings) - 1, 0)
        if plant is not None:
            written = [d for d in plant.agreeing_docs if f"{d}.txt" in files]
            if f"{plant.doc_id}.txt" in files and written:
                plant.agreeing_docs = written
                planted.append(plant)
        story_index += 1
    return Corpus(files=files, planted=planted, agreements=agreements)


def write(corpus: Corpus, folder: Path) -> None:
    """Write the articles as .txt files, and the planted facts next to the folder in
    <folder>.manifest.json (outside it, so a scan of the folder reads articles only)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in corpus.files.items():
        (folder / name).write_text(text, encoding="utf-8")
    manifest = {
        "articles": len(corpus.files),
        "agreements": corpus.agreements,
        "planted": [asdict(p) for p in corpus.planted],
    }
    manifest_path(folder).write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def manifest_path(folder: Path) -> Path:
    return folder.with_name(f"{folder.name}.manifest.json")


def _story(index: int, rng: random.Random) -> Story:
    topic = rng.choice(TOPICS)
    figure = rng.randint(topic.low, topic.high)
    if figure > 1000:
        figure = round(figure, -2)
    return Story(
        index=index,
        topic=topic,
        place=rng.choice(PLACES),
        figure=figure,
        share=rng.randint(3, 85),
        event=dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 700)),
        speaker=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        outlets=tuple(rng.sample(OUTLETS, rng.randint(3, 8))),
    )


def _plant(story: Story, outlets: tuple[str, ...], rng: random.Random) -> Planted | None:
    if len(outlets) < 2 or rng.random() >= CONTRADICTION_RATE:
        return None
    kind = rng.choice(PLANTED_KINDS)
    odd = rng.choice(outlets)
    doc_id = f"s{story.index:05d}_{_slug(odd)}"
    agreeing = [f"s{story.index:05d}_{_slug(o)}" for o in outlets if o != odd]
    if kind == "quantity":
        factor = rng.choice((0.5, 0.6, 1.5, 2, 3))
        wrong = str(max(round(story.figure * factor), story.figure + 1))
        return Planted(story.index, kind, doc_id, str(story.figure), wrong, agreeing)
    if kind == "date":
        shift = rng.choice((-3, -2, -1, 1, 2, 4, 7))
        wrong_date = story.event + dt.timedelta(days=shift)
        return Planted(
            story.index, kind, doc_id, story.event.isoformat(), wrong_date.isoformat(), agreeing
        )
    if kind == "speaker":
        other = story.speaker
        while other == story.speaker:
            other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        return Planted(story.index, kind, doc_id, story.speaker, other, agreeing)
    wrong_outlet = rng.choice([o for o in OUTLETS if o not in outlets] or ["Radio Nine"])
    truth = story.outlets[0]
    return Planted(story.index, kind, doc_id, truth, wrong_outlet, agreeing)


def _odd_outlet(plant: Planted, story: Story) -> str:
    for outlet in story.outlets:
        if plant.doc_id.endswith(_slug(outlet)):
            return outlet
    return ""


def _article(
    story: Story, outlet: str, plant: Planted | None, rng: random.Random
) -> tuple[str, str]:
    """One outlet's article and the wording it used for the headline figure."""
    topic = story.topic
    mine = plant if plant is not None and plant.doc_id.endswith(_slug(outlet)) else None
    figure = int(mine.planted_value) if mine and mine.kind == "quantity" else story.figure
    event = (
        dt.date.fromisoformat(mine.planted_value) if mine and mine.kind == "date" else story.event
    )
    speaker = mine.planted_value if mine and mine.kind == "speaker" else story.speaker
    source_outlet = mine.planted_value if mine and mine.kind == "outlet" else story.outlets[0]
    published = story.event + dt.timedelta(days=rng.randint(1, 3))
    figure_text = _figure(figure, money=topic.money, rng=rng)
    slots = {
        "place": story.place,
        "org": topic.org[0].upper() + topic.org[1:],
        "noun": topic.noun,
        "figure": figure_text,
        "date": _date(event, published, rng),
    }
    title = topic.headline.format(**slots)
    surname = speaker.split()[-1]
    said = rng.choice(("said", "told reporters", "said in a statement", "added"))
    quote_a, quote_b = rng.sample(topic.quotes, 2)
    share = _share(story.share, rng)
    lede = rng.choice(topic.lede).format(**slots)
    paragraphs = [
        lede[0].upper() + lede[1:],  # "{figure} ..." may open with "about 1,200"
        f'"{quote_a}," {speaker}, {topic.role}, {said}.',
        rng.choice(
            (
                f"According to {topic.org}, the figure amounts to {share} of {topic.share_noun}.",
                f"That is {share} of {topic.share_noun}, {topic.org} said.",
                f"Officials estimate the total at {share} of {topic.share_noun}.",
            )
        ),
        rng.choice(
            (
                f"{surname} told {source_outlet} that {quote_b[0].lower()}{quote_b[1:]}.",
                f'"{quote_b}," {surname} said in an interview with {source_outlet}.',
                f"Speaking to {source_outlet}, {surname} said that "
                f"{quote_b[0].lower()}{quote_b[1:]}.",
            )
        ),
    ]
    target = rng.randint(300, 600)
    words = sum(len(p.split()) for p in paragraphs) + len(title.split())
    for sentences in _filler(story, outlet, rng):
        if words >= target:
            break
        paragraphs.insert(rng.randint(2, len(paragraphs)), sentences)
        words += len(sentences.split())
    dateline = f"Published {published:%B} {published.day}, {published.year}"
    byline = f"By {rng.choice(FIRST)} {rng.choice(LAST)}, {outlet}"
    text = "\n\n".join([title, f"{dateline}\n{byline}", *paragraphs]) + "\n"
    return text, figure_text


def _filler(story: Story, outlet: str, rng: random.Random) -> Iterator[str]:
    """Endless background paragraphs. The facts in them (who, where, when, how many) belong to
    the story, so every outlet that repeats one repeats it right: only planted contradictions
    differ between the articles of a story. Each outlet picks its own sentences and order."""
    facts = random.Random(f"background:{story.index}")
    pool = [*story.topic.background, *(_background(shape, story.topic, facts) for shape in SHAPES)]
    used: set[str] = set()
    while True:
        sentences: list[str] = []
        while len(sentences) < rng.randint(2, 4):
            sentence = rng.choice(pool)
            if sentence not in used or len(used) >= len(pool):
                used.add(sentence)
                sentences.append(sentence)
        yield " ".join(sentences).replace("{outlet}", outlet)


def _background(shape: str, topic: Topic, rng: random.Random) -> str:
    """One background sentence of the story: each shape once, so its facts never vary."""
    org = topic.org[0].upper() + topic.org[1:]
    slots = {
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "other": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "place": rng.choice(PLACES),
        "weekday": rng.choice(WEEKDAYS),
        "month": rng.choice(MONTHS),
        "years": rng.randint(3, 40),
        "n": rng.randint(2, 90),
        "hour": rng.randint(1, 11),
        "org": org,
        "outlet": "{outlet}",  # the outlet that prints the sentence, filled in per article
        "noun": topic.noun,
    }
    return shape.format(**slots)


MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
SHAPES = (
    "{name}, who has lived in {place} for {years} years, said the town had been through worse.",
    "A public meeting is planned for {weekday} at the {place} community centre.",
    "{org} said it would publish an update on {weekday} but declined to comment further.",
    '"People want answers, and they deserve them," said {name}, a council member from {place}.',
    "{name}, a professor at the University of {place}, said the figures should be read with care.",
    "The last time the region faced anything similar was in {month} {years} years ago.",
    "Neighbours in {place} organised a collection and raised money within {n} hours.",
    "Asked whether more help was coming, {name} said talks were continuing.",
    "{org} did not respond to a request for comment from the {outlet} by {hour} p.m.",
    "Critics, including {name} of the opposition, said warnings had been ignored for months.",
    '"We were told nothing until the morning," said {name}, {years}, a shop owner in {place}.',
    "The figures could change as more reports come in, officials cautioned.",
    "Some {n} volunteers gathered outside the town hall in {place} on {weekday} morning.",
    "In a post on social media, {name} thanked the crews and asked people to stay patient.",
    "A report due in {month} is expected to look at what went wrong.",
    "{name} and {other} both said they had received letters from {org} last week.",
    "Earlier this year, {org} promised to review how it handles cases like this one.",
    "The mayor of {place}, {name}, called for calm and promised a full account.",
    "Insurance companies said they had received {n} claims by {weekday} evening.",
    "Television footage showed long lines outside the main office in {place}.",
    "It was not immediately clear how many of the {noun} were in {place} itself.",
    "Local radio in {place} said phone lines had been busy since early {weekday}.",
    "{other}, a spokesperson for a residents' group, said the response had been slow.",
    "The council will hold an emergency session in {month}, {name} confirmed.",
    "Several businesses in {place} said they would stay closed until {weekday}.",
    "Experts quoted by the {outlet} said the pattern was consistent with earlier years.",
)


def _figure(value: int, *, money: bool, rng: random.Random) -> str:
    """The same number in one of several equivalent wordings."""
    if money:
        return rng.choice(
            (
                f"${value} million",
                f"${value}m",
                f"{value} million dollars",
                f"${value * 1_000_000:,}",
            )
        )
    plain = f"{value:,}"
    choices = [plain, f"about {plain}", f"some {plain}", f"{value}"]
    if value >= 10_000 and value % 1000 == 0:
        choices.append(f"{value // 1000} thousand")
    return rng.choice(choices)


def _share(percent: int, rng: random.Random) -> str:
    return rng.choice((f"{percent} percent", f"{percent}%", f"{percent} per cent"))


def _date(event: dt.date, published: dt.date, rng: random.Random) -> str:
    """The event date as an outlet would write it, relative to its publication date."""
    choices = [
        f"{event:%B} {event.day}",
        f"{event:%B} {event.day}, {event.year}",
        f"{event.day} {event:%B}",
    ]
    if 0 < (published - event).days < 7:
        choices.append(WEEKDAYS[event.weekday()])
    return rng.choice(choices)


def _slug(outlet: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in outlet.lower()).strip("-")
