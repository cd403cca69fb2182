"""List the speakers claimcheck credits in each corpus, with counts, and flag the ones that are
not a person, an organisation, a named group or a document's author.

    python bench/speakers.py [CORPUS ...] [--top 40] [--jobs 1]

Without arguments it reads the shared corpora beside the repository. Each speaker is put in one
kind by reading the name as written: `person` (a PERSON entity), `organisation` (ORG, GPE, NORP,
FAC), `named` (a proper noun the tagger left untyped), `group` (a common noun for people, a role
or an organisation: "residents", "the regulator"), and the flagged kinds `document` (a bare
"statement" or "report": it should have gone to its author), `animal` and `thing` (anything
else). The output quotes corpus names: keep it out of the repository.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from claimcheck import lexicon, nlp
from claimcheck.extract.coref import speaks
from claimcheck.pipeline import ScanOptions, load_claims

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
CORPORA = ("fnc1-dev", "basil-planted/clean", "basil-dev", "polnear-dev/dev")
FLAGGED = ("document", "animal", "thing")
ORGANISATIONS = ("ORG", "GPE", "NORP", "FAC", "LOC")


def kind_of(name: str, pipeline: object) -> str:
    """The kind of speaker a name as written is (see the module docstring)."""
    doc = pipeline(name)  # type: ignore[operator]
    words = [t for t in doc if not t.is_punct]
    if not words:
        return "thing"
    labels = {t.ent_type_ for t in words if t.ent_type_}
    if "PERSON" in labels:
        return "person"
    if labels & set(ORGANISATIONS):
        return "organisation"
    head = next((t for t in words if t.dep_ == "ROOT"), words[-1])
    if head.text[:1].isupper() and all(t.text[:1].isupper() for t in words if t.is_alpha):
        return "named"
    forms = {head.lemma_.lower(), head.lower_}  # the lemmatizer makes "terrier" "terri"
    if forms & lexicon.words("source_nouns"):
        return "document"
    if forms & lexicon.words("animal_nouns"):
        return "animal"
    # the small parser often heads a bare phrase oddly ("Fleeing residents", "people familiar"):
    # any noun of it that can speak makes it a group
    nouns = {f for t in words if t.pos_ in ("NOUN", "PROPN") for f in (t.lemma_.lower(), t.lower_)}
    return "group" if any(speaks(form) for form in forms | nouns) else "thing"


def speakers_of(folder: str, jobs: int) -> Counter[str]:
    """Speaker -> attributed claims; a folder that cannot be scanned whole is read file by
    file, and the files that fail are named and left out."""
    try:
        _, _, claims, _ = load_claims([folder], ScanOptions(jobs=jobs))
    except Exception as exc:  # a crash is another module's bug: list what can be read
        print(f"   ({folder} fails as a whole: {type(exc).__name__}; reading file by file)")
        claims = []
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            try:
                claims += load_claims([str(path)], ScanOptions(jobs=jobs))[2]
            except Exception as file_exc:
                print(f"   skipped {path.name}: {type(file_exc).__name__}")
    return Counter(c.speaker for c in claims if c.kind == "attribution" and c.speaker)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", help="folders (default: the shared corpora)")
    parser.add_argument("--top", type=int, default=40, help="speakers listed per corpus")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    folders = args.corpora or [str(SHARED / name) for name in CORPORA]
    pipeline = nlp.load(None)
    for folder in folders:
        counts = speakers_of(folder, args.jobs)
        kinds = {name: kind_of(name, pipeline) for name in sorted(counts)}
        by_kind: Counter[str] = Counter()
        for name, n in counts.items():
            by_kind[kinds[name]] += n
        total = sum(counts.values())
        print(f"== {folder}: {total} attributed claims, {len(counts)} speakers")
        print("   by kind: " + ", ".join(f"{k} {n}" for k, n in by_kind.most_common()))
        flagged = [(n, name) for name, n in counts.items() if kinds[name] in FLAGGED]
        print(f"   flagged: {sum(n for n, _ in flagged)} claims, {len(flagged)} speakers")
        for n, name in sorted(flagged, key=lambda x: (-x[0], x[1])):
            print(f"   ! {n:4d}  {kinds[name]:9s} {name}")
        print(f"   top {args.top}:")
        for name, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[: args.top]:
            print(f"     {n:4d}  {kinds[name]:12s} {name}")


if __name__ == "__main__":
    main()
