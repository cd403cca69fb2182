"""`wording`: one quoted or characterised statement reported with different key words."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from claimcheck import lexicon
from claimcheck.judge.base import finding, near_copy_score, source
from claimcheck.link.about import stem
from claimcheck.link.align import Diff, Token, function_words, tokens
from claimcheck.schema import Claim, Contradiction


def compare(
    a: Claim, b: Claim, diffs: tuple[Diff, ...], similarity: float
) -> Iterator[Contradiction]:
    if not (a.speaker or b.speaker):
        return
    for diff in diffs:
        pair = _key_word_change(a, b, diff)
        if pair is None:
            continue
        wa, wb, quoted = pair
        what = "quotes" if quoted else "reports"
        yield finding(
            "wording",
            [(a, wa), (b, wb)],
            f"{source(a)} {what} the statement with '{wa}' where {source(b)} has '{wb}'.",
            near_copy_score("wording", similarity, quoted=quoted),
        )


def _key_word_change(a: Claim, b: Claim, diff: Diff) -> tuple[str, str, bool] | None:
    """Words swapped inside quotation marks on both sides, or one word turned into a different word
    built on it ('political' / 'geopolitical'): a change of meaning, not a paraphrase."""
    if "".join(t.norm for t in diff.a) == "".join(t.norm for t in diff.b):
        return None  # 'front lines' / 'frontlines': spelling, not wording
    words_a = [t for t in diff.a if _is_key(a, t)]
    words_b = [t for t in diff.b if _is_key(b, t)]
    if not words_a or not words_b:
        return None
    swapped = lexicon.count("wording.max_quoted_words")
    if (
        all(t.quoted for t in diff.a + diff.b)
        and len(words_a) <= swapped
        and len(words_b) <= swapped
    ):
        said_a, said_b = " ".join(t.norm for t in words_a), " ".join(t.norm for t in words_b)
        spelled = fuzz.ratio(said_a, said_b) >= lexicon.limit("wording.spelling")
        if stem(said_a) == stem(said_b) or spelled:
            return None  # 'anaesthetic' / 'anesthetic', 'seemed' / 'seems': one word
        return _text(a, words_a), _text(b, words_b), True
    for ta in words_a:
        for tb in words_b:
            short, long = sorted((ta.norm, tb.norm), key=len)
            if (
                short != long
                and long.endswith(short)
                and len(short) >= lexicon.count("wording.min_stem_letters")
                and not _inflection(short, long)
                and not _compound(a, ta, long)
                and not _compound(b, tb, long)
            ):
                return _text(a, [ta]), _text(b, [tb]), ta.quoted and tb.quoted
    return None


def _is_key(claim: Claim, token: Token) -> bool:
    short = len(token.norm) < lexicon.count("wording.min_word")
    if short or token.norm in function_words() or token.norm.isdigit():
        return False
    original = claim.text[token.start - claim.start : token.end - claim.start]
    return original[:1].islower()


def _compound(claim: Claim, token: Token, long: str) -> bool:
    """'front lines' against 'frontlines': the short word with its neighbour is the long one."""
    words = tokens(claim)
    i = words.index(token)
    before = words[i - 1].norm + token.norm if i > 0 else ""
    after = token.norm + words[i + 1].norm if i + 1 < len(words) else ""
    return long in (before, after)


def _inflection(short: str, long: str) -> bool:
    ending = len(long) - len(short)
    return long[: len(short)] == short and ending <= lexicon.count("wording.max_ending_letters")


def _text(claim: Claim, words: list[Token]) -> str:
    return claim.text[words[0].start - claim.start : words[-1].end - claim.start]
