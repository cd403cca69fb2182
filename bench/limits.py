"""The judges' hand-set limits -> models/limits.json.

    python bench/limits.py [--out FILE]

Every level, threshold, tolerance, word count, window, similarity cut and hand-set score the
judges (and extract/names.py) read is set here, with the reason it holds, not learned: a change
to a limit is a reviewed change of this table and the file it writes
(tests/bench/test_limits.py checks the shipped file is what this script writes). The learned
weights are bench/weights.py's (models/judge.json), the confidence model bench/calibrate.py's.

Names are 'module.limit', the module of claimcheck/judge (or 'names', extract/names.py) that
reads it through `lexicon.limit` or `lexicon.count`. Counts (words, letters, levels) are whole
numbers; cuts on rapidfuzz's 0..100 ratios are given on that scale.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "models" / "limits.json"

# A near-copy comparator's score (two versions of one sentence read word by word) is a base plus
# a share of the two versions' alignment similarity; judge/confidence.py turns it into the
# finding's confidence with models/calibration.json, which bench/calibrate.py fitted on scores
# made this way: a change of base or slope needs that refit.
_SCORE = "models/calibration.json was fitted on scores made with it (refit: bench/calibrate.py)"

LIMITS: dict[str, tuple[float, str]] = {
    "judge.update_cue_words": (
        4,
        "An update cue ('revised to', 'now') counts within this many words before the figure it "
        "updates: further back it belongs to another clause.",
    ),
    "base.name_words": (
        2,
        "A speaker the model did not label PERSON is a person the sentence names only in this many "
        "capitalised words or more, a first name and a surname: one capitalised word ('Police') "
        "may be any noun.",
    ),
    "evidence.shown_levels": (
        4,
        "How many of the deciding levels an explanation names, strongest first (the others weigh "
        "less).",
    ),
    "attribution.min_similarity": (
        0.7,
        "Two versions of one sentence credited to two people are one statement only when this "
        "share of their words aligns; less alike, each may be its own speaker's statement.",
    ),
    "attribution.min_content_words": (
        6,
        "A statement needs this many words to be worth crediting ('did not respond' is not one).",
    ),
    "attribution.min_quote_words": (
        3,
        "Quoted words two claims must share, in one run, to quote the same words. A shorter run is "
        "a phrase many people use ('coalition of the willing'): it counts only for two claims "
        "much alike.",
    ),
    "attribution.min_quote_content": (
        2,
        "Of the shared quoted run, this many words must be content words: a run of function words "
        "('that it was') quotes no one in particular.",
    ),
    "attribution.score_base": (0.45, f"Near-copy attribution score with no similarity; {_SCORE}."),
    "attribution.score_slope": (
        0.45,
        f"Near-copy attribution score per unit of similarity; {_SCORE}.",
    ),
    "date.score_base": (0.45, f"Near-copy date score with no similarity; {_SCORE}."),
    "date.score_slope": (0.45, f"Near-copy date score per unit of similarity; {_SCORE}."),
    "entity.subject_words": (
        3,
        "An entity with fewer words than this before it stands as the sentence's subject, what the "
        "sentence is about, not a role in its event: two sentences about different subjects can "
        "both hold.",
    ),
    "entity.same_name": (
        80,
        "Names this alike (rapidfuzz token-set ratio, 0..100) are one name written two ways "
        "('Missouri Highway Patrol' / 'Missouri State Highway Patrol').",
    ),
    "entity.score_base": (0.45, f"Near-copy entity score with no similarity; {_SCORE}."),
    "entity.score_slope": (0.45, f"Near-copy entity score per unit of similarity; {_SCORE}."),
    "quantity.exact_tolerance": (
        0.005,
        "Rounding that different outlets apply to one exact figure, as a share of the figure: "
        "half a percent.",
    ),
    "quantity.slot_words": (
        3,
        "An aligned difference this short (words a side) is one slot of the sentence "
        "('Eastbrook' / 'Westmarch').",
    ),
    "quantity.alike": (
        0.35,
        "Claims this alike (pairing's cosine) state one fact whatever the words next to their "
        "figures.",
    ),
    "quantity.context_words": (
        4,
        "Content words either side of a sum of money or a share that say what it is a sum of: "
        "further away they describe something else of the sentence.",
    ),
    "quantity.short_word_letters": (
        2,
        "A word beside a figure of this many letters or fewer ('us', 'tv') says nothing of what "
        "the figure counts.",
    ),
    "quantity.negation_words": (
        2,
        "A negation cue within this many words before a figure negates the figure itself ('not "
        "300', 'not even 300'); a cue further back belongs to the clause.",
    ),
    "quantity.score_base": (0.5, f"Near-copy quantity score with no similarity; {_SCORE}."),
    "quantity.score_slope": (0.4, f"Near-copy quantity score per unit of similarity; {_SCORE}."),
    "wording.min_word": (
        4,
        "A changed word this short is usually grammar ('a' / 'the', 'to' / 'at'), not a key word.",
    ),
    "wording.spelling": (
        85,
        "Quoted words this alike (rapidfuzz ratio, 0..100) are one word spelled two ways "
        "('anaesthetic' / 'anesthetic').",
    ),
    "wording.max_quoted_words": (
        3,
        "Quoted key words swapped, at most this many a side, are a changed word; a longer changed "
        "stretch is a quote retold in other words.",
    ),
    "wording.min_stem_letters": (
        5,
        "A word built on another ('political' / 'geopolitical') changes the meaning only when the "
        "shorter word has this many letters: shorter ones end many unrelated words "
        "('act' / 'fact').",
    ),
    "wording.max_ending_letters": (
        3,
        "A word that adds at most this many letters to the end of another is its inflection "
        "('rule' / 'rules', 'report' / 'reported', 'say' / 'saying'), not another word.",
    ),
    "wording.score_base": (0.5, f"Near-copy wording score with no similarity; {_SCORE}."),
    "wording.score_base_quoted": (
        0.6,
        "Near-copy wording score with no similarity when both sides are quoted (a quote's words "
        f"are the speaker's own, so a swap is surer); {_SCORE}.",
    ),
    "wording.score_slope": (0.35, f"Near-copy wording score per unit of similarity; {_SCORE}."),
    "polarity.min_similarity": (
        0.65,
        "Two versions of one sentence this alike (share of aligned words) tell one statement; "
        "below it a negation may belong to a different statement.",
    ),
    "polarity.max_flip_words": (
        3,
        "A negation flips the statement only in a changed stretch this short ('would resume' / "
        "'would not resume'); one inside a longer stretch only one side has belongs to other "
        "words.",
    ),
    "polarity.score_base": (0.4, f"Near-copy polarity score with no similarity; {_SCORE}."),
    "polarity.score_slope": (0.5, f"Near-copy polarity score per unit of similarity; {_SCORE}."),
    "dispute.about_similarity": (
        0.12,
        "Pairing's cosine two claims need before one can deny the other: below it they share "
        "too little of what they are about.",
    ),
    "dispute.shared_stems": (
        2,
        "Content stems a denial must share with the claim it denies, beyond the words of denial.",
    ),
    "dispute.target_words": (
        6,
        "Words after a denial within which what it denies is named ('denied the report').",
    ),
    "dispute.target_before": (
        12,
        "Words before a denial within which what it denies is named ('called reports that the "
        "plant will close false').",
    ),
    "dispute.name_letters": (
        2,
        "A capitalised word of this many letters or fewer ('US', 'Mr') names no one a denial "
        "and a claim could share.",
    ),
    "dispute.within_base": (
        0.75,
        f"Score of one rejection of a claim inside one article; {_SCORE}.",
    ),
    "dispute.within_step": (
        0.05,
        f"Score added per further sentence of the article that rejects the claim; {_SCORE}.",
    ),
    "dispute.within_cap": (
        0.95,
        f"Most a rejection inside one article scores, however many sentences reject; {_SCORE}.",
    ),
    "dispute.across_base": (
        0.5,
        f"Score of a denial across articles with no similarity; {_SCORE}.",
    ),
    "dispute.across_slope": (
        0.35,
        f"Score a denial across articles gains up to full similarity; {_SCORE}.",
    ),
    "dispute.similarity_scale": (
        1.5,
        "Pairing's cosine times this is the share of the slope a denial gains, up to all of it: "
        f"cosines of two wordings of one claim rarely pass 2/3; {_SCORE}.",
    ),
    "dispute.story_score": (
        0.5,
        f"Score of an article's denial of the story another article states; {_SCORE}.",
    ),
    "names.typo_length": (
        4,
        "A name this long or longer may lose or gain one letter and stay one name ('Rait' / "
        "'Raite'); a changed letter makes another name ('Rome' / 'Nome').",
    ),
    "names.first_names_alike": (
        50,
        "First names with one first letter this alike (rapidfuzz ratio, 0..100) can be one name "
        "in two spellings or languages ('Vladimir' / 'Volodymyr', 59).",
    ),
}


def table() -> dict[str, object]:
    """models/limits.json as this script writes it."""
    return {
        "about": (
            "The judges' hand-set limits (levels, thresholds, tolerances, word counts, windows, "
            "similarity cuts, near-copy scores), each with the reason it holds; read through "
            "claimcheck.lexicon.limit and written by bench/limits.py, which is where to change one."
        ),
        "limits": {
            name: {"value": value, "why": why} for name, (value, why) in sorted(LIMITS.items())
        },
    }


def render() -> str:
    return json.dumps(table(), indent=2, sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    Path(args.out).write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
