"""A corpus's articles and claims in DuckDB, so a new batch is checked against years of coverage
without reading or holding all of it.

Per article the store keeps what comparison reads (id, path, outlet, dates, the content key of
cache.claims_key), its claims as extracted, before speaker names are unified across a scan, and
its story markers (link/story.py) counted: content markers in `markers`, speaker names in
`speakers`, since a speaker's marker is the name the whole scan settles on. A scan against the
store (`corpus`) finds with SQL the story groups the batch falls in and loads only their
claims: pairing and judging work within a story group, weighing features within the group, so
the story group is the least that gives the findings a folder of the same articles gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from claimcheck.errors import BadPath
from claimcheck.extract import speakers
from claimcheck.link.story import SMALL_CORPUS, Census, content_markers, speaker_marker
from claimcheck.schema import Article, Claim, compact

# The database file inside a store given as a folder.
FILE_NAME = "claimcheck.duckdb"
# DuckDB writes its magic at this offset of the file's first block.
MAGIC = b"DUCK"
MAGIC_AT = 8
TABLES = ("articles", "claims", "markers", "speakers")
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR PRIMARY KEY, path VARCHAR NOT NULL, key VARCHAR NOT NULL,
    published VARCHAR, outlet VARCHAR, claims INTEGER NOT NULL, article VARCHAR NOT NULL,
    position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
    doc_id VARCHAR NOT NULL, claim_id VARCHAR NOT NULL, speaker VARCHAR, claim VARCHAR NOT NULL,
    position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS markers (doc_id VARCHAR NOT NULL, marker VARCHAR NOT NULL,
    n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS speakers (doc_id VARCHAR NOT NULL, speaker VARCHAR NOT NULL,
    n INTEGER NOT NULL);
"""
# What `Store.summarise` writes after an index run, and a scan of a store that an interrupted
# run left without them computes for itself: documents per content marker, and each speaker
# name of the store with its surname, the name the store's names unify it to, and its marker.
SUMMARIES = """
CREATE OR REPLACE {temp} TABLE {prefix}frequency AS
    SELECT marker, count(*)::INTEGER AS docs FROM markers GROUP BY marker ORDER BY marker;
CREATE OR REPLACE {temp} TABLE {prefix}names (speaker VARCHAR, surname VARCHAR, name VARCHAR,
    marker VARCHAR);
"""


def find(path: str) -> Path | None:
    """The database file when `path` is a store (a DuckDB file, or a folder holding
    claimcheck.duckdb), else None."""
    candidate = Path(path)
    if candidate.is_dir():
        candidate = candidate / FILE_NAME
    try:
        with candidate.open("rb") as f:
            head = f.read(MAGIC_AT + len(MAGIC))
    except OSError:
        return None
    return candidate if head[MAGIC_AT:] == MAGIC else None


def database(path: str) -> Path:
    """Where `index --store PATH` writes: PATH itself, or PATH/claimcheck.duckdb for a folder."""
    given = Path(path)
    return given / FILE_NAME if given.is_dir() else given


@dataclass(frozen=True)
class Stored:
    """What the store holds of one article: where it was read and its content key."""

    path: str
    key: str


@dataclass(frozen=True)
class Entry:
    """The rows of one article: its metadata, its claims as (id, speaker, JSON, position) and
    its story markers and speaker names, counted. `position` is the article's among the records
    of its file: with its path, where a folder scan reads it (comparison reads the claims in
    the order a folder scan extracts them)."""

    doc_id: str
    path: str
    key: str
    published: str | None
    outlet: str | None
    article: str  # the Article as JSON, without its text
    claims: tuple[tuple[str, str | None, str, int], ...]
    markers: Counter[str]
    names: Counter[str]
    position: int = 0

    @classmethod
    def of(cls, article: Article, key: str, claims: Sequence[Claim], position: int = 0) -> Entry:
        """`article` (its path made absolute) with `claims` as extracted, under content `key`;
        `position`: the article's among the records of its file."""
        path = str(Path(article.path).resolve())
        shell = article.model_copy(
            update={"path": path, "text": "", "line_map": (), "role": "corpus"}
        )
        return cls(
            doc_id=article.id,
            path=path,
            key=key,
            published=article.published,
            outlet=article.outlet,
            article=shell.model_dump_json(),
            claims=tuple((c.id, c.speaker, c.model_dump_json(), i) for i, c in enumerate(claims)),
            markers=Counter(m for c in claims for m in content_markers(c)),
            names=Counter(c.speaker for c in claims if c.speaker),
            position=position,
        )


class Store:
    """One store, open for writing (`index`) or reading (`scan --against`)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        try:
            self.db = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            why = str(exc).splitlines()[0]
            raise BadPath(str(path), f"cannot open the store: {why}") from exc
        if not read_only:
            self.db.execute(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def check_model(self, model: str) -> None:
        """Tie the store to one model: claims of two models must not meet in one scan."""
        row = self.db.execute("SELECT value FROM meta WHERE name = 'model'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('model', ?)", [model])
        elif row[0] != model:
            raise BadPath(
                "--store", f"the store holds claims of {row[0]}, not {model}; use another store"
            )

    def stored(self) -> dict[str, Stored]:
        rows = self.db.execute("SELECT doc_id, path, key FROM articles").fetchall()
        return {doc: Stored(path, key) for doc, path, key in rows}

    def put(self, entries: Sequence[Entry]) -> None:
        """Store articles and their claims in one transaction, replacing what they had."""
        with self._transaction():
            self._delete([e.doc_id for e in entries])
            _insert(
                self.db,
                "articles",
                [
                    (
                        e.doc_id,
                        e.path,
                        e.key,
                        e.published,
                        e.outlet,
                        len(e.claims),
                        e.article,
                        e.position,
                    )
                    for e in entries
                ],
            )
            _insert(self.db, "claims", [(e.doc_id, *c) for e in entries for c in e.claims])
            _insert(
                self.db, "markers", [(e.doc_id, *m) for e in entries for m in e.markers.items()]
            )
            _insert(self.db, "speakers", [(e.doc_id, *n) for e in entries for n in e.names.items()])

    def remove(self, docs: Sequence[str]) -> None:
        with self._transaction():
            self._delete(docs)

    def summarise(self) -> None:
        """Write the summaries a scan reads (SUMMARIES) in one transaction."""
        with self._transaction():
            _summarise(self.db, "", "")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('summaries', 'fresh')")

    def export(self, folder: Path) -> None:
        """Every table as a Parquet file in `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        for table in TABLES:
            target = str(folder / f"{table}.parquet").replace("'", "''")
            self.db.execute(
                f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{target}' (FORMAT parquet)"
            )

    def _delete(self, docs: Sequence[str]) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('summaries', 'stale')")
        for table in TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [list(docs)])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def corpus(
        self, batch: Sequence[Article], claims: Sequence[Claim]
    ) -> tuple[list[Article], list[Claim], dict[str, str], Census]:
        """What a scan of the `batch` (its claims as extracted) needs of the store: the stored
        articles of the story groups the batch falls in and their claims as extracted, the
        speaker names of store and batch unified (speakers.canonical_names), and the census
        that weighs story markers over both. A stored article at the path of (or with the id
        of) a batch article is left out: the batch's copy counts, as a file given both ways
        does in a folder scan."""
        return _Corpus(self.db, batch, claims).load()


class _Corpus:
    """One scan's view of the store and the batch as one collection of documents."""

    def __init__(
        self, db: duckdb.DuckDBPyConnection, batch: Sequence[Article], claims: Sequence[Claim]
    ) -> None:
        self.db = db
        self.batch_claims = claims
        hidden = self._column(
            "SELECT doc_id FROM articles WHERE path IN (SELECT unnest(?)) OR doc_id IN "
            "(SELECT unnest(?))",
            [[str(Path(a.path).resolve()) for a in batch], [a.id for a in batch]],
        )
        self._temp("hidden", ["doc_id VARCHAR"], [(doc,) for doc in hidden])
        db.execute(
            "CREATE OR REPLACE TEMP VIEW kept AS SELECT * FROM articles "
            "WHERE doc_id NOT IN (SELECT doc_id FROM hidden)"
        )
        self._summaries()
        self._tables()
        self.batch_docs = sorted({c.doc_id for c in claims})
        self.published: dict[str, str | None] = {a.id: a.published for a in batch}
        total = len(self.batch_docs) + self._count("SELECT count(*) FROM kept WHERE claims > 0")
        self.census = Census(Counter(), total, self.published)
        self.counts: dict[str, Counter[str]] = {}
        self.dated: set[str] = set(self.published)

    def load(self) -> tuple[list[Article], list[Claim], dict[str, str], Census]:
        docs = self._storied() if self.census.total > SMALL_CORPUS else self._everything()
        self._learn(docs)
        wanted = sorted(set(docs) - set(self.batch_docs))
        rows = self.db.execute(
            "SELECT article, path, position FROM kept WHERE doc_id IN (SELECT unnest(?))",
            [wanted],
        ).fetchall()
        # in the order a walk of the folders reads them (ingest.walk: each folder's entries
        # by name), as comparison reads claims
        rows.sort(key=lambda row: (Path(row[1]).parts, row[2]))
        articles = [Article.model_validate_json(row[0]) for row in rows]
        strings: dict[Any, Any] = {}
        claims: list[Claim] = []
        for article in articles:
            stored = self.db.execute(
                "SELECT claim FROM claims WHERE doc_id = ? ORDER BY position", [article.id]
            ).fetchall()
            claims.extend(compact([Claim.model_validate_json(r[0]) for r in stored], strings))
        said = sorted({c.speaker for c in [*self.batch_claims, *claims] if c.speaker})
        canonical = self.db.execute(
            "SELECT speaker, name FROM spoken WHERE speaker IN (SELECT unnest(?))", [said]
        ).fetchall()
        return articles, claims, dict(canonical), self.census

    def _summaries(self) -> None:
        """`store_frequency` and `store_names`: the store's summaries, computed here when an
        interrupted index left them out of date."""
        row = self.db.execute("SELECT value FROM meta WHERE name = 'summaries'").fetchone()
        if row is not None and row[0] == "fresh":
            for name in ("frequency", "names"):
                self.db.execute(f"CREATE OR REPLACE TEMP VIEW store_{name} AS SELECT * FROM {name}")
        else:
            _summarise(self.db, "TEMP", "store_")

    def _tables(self) -> None:
        """`spoken`: each speaker name of store and batch with the name they unify it to;
        `every`: each document's markers with their counts, the batch's and the store's (a
        speaker's marker from its unified name); `delta`: what to add to the store's count of
        documents per marker for the batch and the hidden documents."""
        batch = [(c.doc_id, m) for c in self.batch_claims for m in content_markers(c)]
        found = Counter(batch)
        self._temp(
            "batch_markers",
            ["doc_id VARCHAR", "marker VARCHAR", "n INTEGER"],
            [(d, m, n) for (d, m), n in found.items()],
        )
        said = Counter((c.doc_id, c.speaker) for c in self.batch_claims if c.speaker)
        self._temp(
            "batch_speakers",
            ["doc_id VARCHAR", "speaker VARCHAR", "n INTEGER"],
            [(d, name, n) for (d, name), n in said.items()],
        )
        self._unified()
        self.db.execute(
            """CREATE OR REPLACE TEMP TABLE speaker_markers AS
            SELECT doc_id, marker, sum(n)::INTEGER AS n FROM (
                SELECT * FROM speakers WHERE doc_id NOT IN (SELECT doc_id FROM hidden)
                UNION ALL SELECT * FROM batch_speakers) JOIN spoken USING (speaker)
            GROUP BY doc_id, marker"""
        )
        self.db.execute(
            """CREATE OR REPLACE TEMP VIEW every AS
            SELECT doc_id, marker, n FROM markers WHERE doc_id NOT IN (SELECT doc_id FROM hidden)
            UNION ALL SELECT doc_id, marker, n FROM batch_markers
            UNION ALL SELECT doc_id, marker, n FROM speaker_markers"""
        )
        self.db.execute(
            """CREATE OR REPLACE TEMP TABLE delta AS
            SELECT marker, -count(*) AS docs FROM markers
              WHERE doc_id IN (SELECT doc_id FROM hidden) GROUP BY marker
            UNION ALL SELECT marker, count(*) AS docs FROM batch_markers GROUP BY marker
            UNION ALL SELECT marker, count(*) AS docs FROM speaker_markers GROUP BY marker"""
        )

    def _unified(self) -> None:
        """`spoken`. Names are unified within a surname (speakers.canonical_names), so only the
        store's names of the surnames the batch brings, or that the hidden documents take
        away, are unified again, with the batch's; the others keep the store's summary."""
        touched = self._column(
            "SELECT DISTINCT surname FROM store_names WHERE speaker IN ("
            "SELECT speaker FROM speakers WHERE doc_id IN (SELECT doc_id FROM hidden))",
            [],
        )
        batch_names = Counter(c.speaker for c in self.batch_claims if c.speaker)
        surnames = sorted({*touched, *(speakers.surname(n) for n in batch_names)})
        rows = self.db.execute(
            "SELECT speaker, sum(n) FROM speakers JOIN store_names USING (speaker) "
            "WHERE surname IN (SELECT unnest(?)) AND doc_id NOT IN (SELECT doc_id FROM hidden) "
            "GROUP BY speaker",
            [surnames],
        ).fetchall()
        names = batch_names + Counter({name: int(n) for name, n in rows})
        canonical = speakers.canonical_names(names)
        self._temp(
            "renamed",
            ["speaker VARCHAR", "name VARCHAR", "marker VARCHAR"],
            [(n, canonical[n], speaker_marker(canonical[n])) for n in sorted(canonical)],
        )
        self.db.execute(
            """CREATE OR REPLACE TEMP TABLE spoken AS
            SELECT speaker, name, marker FROM renamed
            UNION ALL SELECT speaker, name, marker FROM store_names
              WHERE speaker NOT IN (SELECT speaker FROM renamed)"""
        )

    def _temp(self, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
        """A temporary table of `rows`; `columns` are 'name TYPE'."""
        self.db.execute(f"CREATE OR REPLACE TEMP TABLE {table} ({', '.join(columns)})")
        _insert(self.db, table, rows)

    def _everything(self) -> list[str]:
        return self.batch_docs + self._column("SELECT doc_id FROM kept WHERE claims > 0", [])

    def _storied(self) -> list[str]:
        """The documents linked to the batch's by a chain of related pairs (story.Stories):
        each round proposes the documents that share a rare marker with the last round's and
        are not too far apart in time to tell one story, and keeps those related to one of
        them."""
        group = set(self.batch_docs)
        frontier = list(self.batch_docs)
        vectors: dict[str, dict[str, float]] = {}
        while frontier:
            counts = self._learn(frontier)
            rare = sorted({m for doc in frontier for m in self.census.rare(counts[doc])})
            holders: dict[str, set[str]] = {}
            for doc, marker in self.db.execute(
                "SELECT DISTINCT doc_id, marker FROM every WHERE marker IN (SELECT unnest(?))",
                [rare],
            ).fetchall():
                holders.setdefault(marker, set()).add(doc)
            self._date({doc for docs in holders.values() for doc in docs})
            proposed = [
                (a, b)
                for a in frontier
                for b in sorted(
                    {d for m in self.census.rare(counts[a]) for d in holders.get(m, ())}
                )
                if b not in group and self.census.may_relate(a, b)
            ]
            counts = self._learn({doc for pair in proposed for doc in pair})
            added: list[str] = []
            for a, b in proposed:
                if b in group:
                    continue
                for doc in (a, b):
                    if doc not in vectors:
                        vectors[doc] = self.census.vector(counts[doc])
                if self.census.related(a, vectors[a], b, vectors[b]):
                    group.add(b)
                    added.append(b)
            frontier = sorted(added)
        return sorted(group)

    def _learn(self, docs: Iterable[str]) -> dict[str, Counter[str]]:
        """The markers of `docs` counted (read once a scan); the documents that hold each go
        into the census."""
        wanted = sorted(set(docs) - self.counts.keys())
        rows = self.db.execute(
            "SELECT doc_id, marker, n FROM every WHERE doc_id IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        for doc in wanted:
            self.counts[doc] = Counter()
        for doc, marker, n in rows:
            self.counts[doc][marker] = int(n)
        unknown = sorted({marker for _, marker, _ in rows} - self.census.frequency.keys())
        for marker, holding in self.db.execute(
            """SELECT marker, sum(docs) FROM (
                SELECT marker, docs FROM store_frequency UNION ALL SELECT marker, docs FROM delta)
            WHERE marker IN (SELECT unnest(?)) GROUP BY marker""",
            [unknown],
        ).fetchall():
            self.census.frequency[marker] = int(holding)
        return self.counts

    def _date(self, docs: Iterable[str]) -> None:
        """The publication dates of `docs` go into the census."""
        wanted = sorted(set(docs) - self.dated)
        self.dated.update(wanted)
        stored = self.db.execute(
            "SELECT doc_id, published FROM kept WHERE doc_id IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        self.census.learn(dict(stored))

    def _column(self, sql: str, params: list[Any]) -> list[str]:
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def _count(self, sql: str) -> int:
        row = self.db.execute(sql).fetchone()
        return int(row[0]) if row else 0


def _insert(db: duckdb.DuckDBPyConnection, table: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert `rows` in one statement (a column a list: far faster than a row at a time)."""
    columns = [list(column) for column in zip(*rows, strict=True)]
    if columns:
        slots = ", ".join("unnest(?)" for _ in columns)
        db.execute(f"INSERT INTO {table} SELECT {slots}", columns)


def _summarise(db: duckdb.DuckDBPyConnection, temp: str, prefix: str) -> None:
    """Compute SUMMARIES into `{prefix}frequency` and `{prefix}names`."""
    db.execute(SUMMARIES.format(temp=temp, prefix=prefix))
    rows = db.execute("SELECT speaker, sum(n) FROM speakers GROUP BY speaker").fetchall()
    canonical = speakers.canonical_names(Counter({name: int(n) for name, n in rows}))
    _insert(
        db,
        f"{prefix}names",
        [
            (name, speakers.surname(name), canonical[name], speaker_marker(canonical[name]))
            for name in sorted(canonical)
        ],
    )
