"""Doc -> attributions: who said what, with the cue and the attributed content."""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimcheck import lexicon
from claimcheck.extract.coref import Mentions
from claimcheck.extract.quotes import (
    DASHES,
    QUOTE_MARKS,
    find_paragraphs,
    find_quotes,
    inside_quote,
    mark_of,
    quote_at,
)

# Children that carry what was said when there is no clausal complement.
OBJECTS = ("dobj", "oprd", "xcomp", "prep", "dative", "attr", "acomp", "advcl")
RELATIVE = frozenset({"who", "that", "which", "whom"})
LABELS = frozenset({":", "―"})
# Reporting verbs whose passive subject is the one spoken to ("was told", "were urged").
LISTENER_VERBS = frozenset(
    {"tell", "ask", "warn", "urge", "advise", "assure", "caution", "answer"}
)  # the cues of labelled paragraphs, which label only themselves

Region = tuple[int, int] | None


@dataclass(frozen=True)
class Attribution:
    """One attributed statement; offsets are character offsets into the Doc's text."""

    speaker: str  # canonical full name within the article ("Dmitry Peskov")
    mention: str  # how the text names the speaker here ("he", "Kremlin spokesman Dmitry Peskov")
    cue: str  # reporting verb lemma or phrase ("say", "according to")
    content_start: int
    content_end: int
    negated: bool = False
    cue_at: int = -1  # character offset of the cue word, -1 when it stands on its own (_cue_at)


def find_attributions(doc: Doc) -> Iterator[Attribution]:
    """Attributed statements of the Doc, in text order."""
    quotes = find_quotes(doc)
    mentions = Mentions(doc, quotes)
    sents = [sent for sent in doc.sents if not _is_blank(sent)]
    found = [
        sorted(_outermost(list(_sentence_attributions(sent, quotes, mentions))), key=_order)
        for sent in sents
    ]
    starts = [sent.start_char for sent in sents]
    for said in _labelled(doc, quotes, mentions):
        i = bisect.bisect_right(starts, said.content_start) - 1
        if i >= 0 and not found[i]:
            found[i].append(said)
    pure = [_pure_quote(sent, quotes) for sent in sents]
    taken = [bool(f) for f in found]
    for i in range(len(sents)):
        if found[i]:
            found[i][0] = _grow_back(found[i][0], i, sents, pure, taken)
            found[i][-1] = _grow_on(found[i][-1], i, sents, pure, taken)
    previous: Attribution | None = None
    for i in range(len(sents)):
        if found[i]:
            yield from sorted(found[i], key=_order)
            previous = found[i][-1] if found[i][-1].cue not in LABELS else None
            continue
        if previous is not None and sents[i].start_char < previous.content_end:
            continue  # inside what was said ("He told reporters:" and the next paragraph)
        region = pure[i]
        if not taken[i] and region and previous is not None and _follows(previous, sents[i - 1]):
            # a paragraph of quotation right after a statement that ended its paragraph
            previous = Attribution(
                previous.speaker, previous.mention, previous.cue, region[0], region[1]
            )
            yield previous
            continue
        if not taken[i]:
            previous = None


def _outermost(said: list[Attribution]) -> list[Attribution]:
    """What a statement reports someone else to say, want or do ('Ito said Lee wants to
    ...', 'Lee plans to ..., according to an aide') is part of that statement, not a second
    one: an attribution whose cue sits inside another's content is left out."""
    return [
        a
        for a in said
        if not any(
            b is not a
            and b.content_start <= a.cue_at < b.content_end
            and not a.content_start <= b.cue_at < a.content_end
            for b in said
        )
    ]


def _order(attribution: Attribution) -> tuple[int, int]:
    return attribution.content_start, attribution.content_end


def _grow_back(
    said: Attribution, i: int, sents: list[Span], pure: list[Region], taken: list[bool]
) -> Attribution:
    """Quotation sentences just before, in the same paragraph, belong to the same statement."""
    start = said.content_start
    j = i - 1
    while (
        j >= 0 and pure[j] is not None and not taken[j] and _same_paragraph(sents[j], sents[j + 1])
    ):
        region = pure[j]
        assert region is not None
        start = region[0]
        taken[j] = True
        j -= 1
    return replace(said, content_start=start) if start != said.content_start else said


def _grow_on(
    said: Attribution, i: int, sents: list[Span], pure: list[Region], taken: list[bool]
) -> Attribution:
    """Quotation sentences just after, in the same paragraph, belong to the same statement."""
    end = said.content_end
    k = i + 1
    while k < len(sents) and pure[k] is not None and not taken[k]:
        if not _same_paragraph(sents[k - 1], sents[k]):
            break
        region = pure[k]
        assert region is not None
        end = max(end, region[1])
        taken[k] = True
        k += 1
    return replace(said, content_end=end) if end != said.content_end else said


def _pure_quote(sent: Span, quotes: list[tuple[int, int]]) -> Region:
    """The quoted part of a sentence that is nothing but quotation, else None."""
    start, end = _trimmed(sent)
    quote = quote_at(start + 1, quotes) or quote_at(start, quotes)
    if quote is None or quote[1] < end - 3 or quote[0] > start + 2:
        return None
    return max(quote[0], start), min(quote[1], end)


def _same_paragraph(first: Span, second: Span) -> bool:
    """No line break between the two sentences (read from the tokens: Doc.text is rebuilt on
    every access, which made this quadratic)."""
    doc = first.doc
    between = doc[first.end - 1 : second.start + 1]
    return not any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in between[:-1])


def _follows(previous: Attribution, sent: Span) -> bool:
    return previous.content_end >= _trimmed(sent)[1] - 3


# ------------------------------------------------------------------ one sentence


def _sentence_attributions(
    sent: Span, quotes: list[tuple[int, int]], mentions: Mentions
) -> Iterator[Attribution]:
    reporting = lexicon.words("reporting_verbs")
    stances = _stance_cues()
    for tok in sent:
        low = tok.lower_
        if low == "according" and _is_according_to(tok):
            yield from _prepositional(sent, tok, "according to", mentions)
        elif low == "per" and tok.dep_ == "prep":
            yield from _prepositional(sent, tok, "per", mentions)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.words("statement_nouns"):
            yield from _noun_cue(tok, quotes, mentions)
        elif tok.pos_ != "VERB" or not _is_cue(tok, quotes):
            continue
        elif _lemma(tok) in reporting:
            yield from _verbal(sent, tok, quotes, mentions)
        elif _lemma(tok) in stances:
            yield from _stance(tok, stances[_lemma(tok)], quotes, mentions)
        elif _lemma(tok) in lexicon.words("quotation_verbs"):
            yield from _verbal(sent, tok, quotes, mentions, quoted_only=True)


def _verbal(
    sent: Span,
    verb: Token,
    quotes: list[tuple[int, int]],
    mentions: Mentions,
    *,
    quoted_only: bool = False,
) -> Iterator[Attribution]:
    """A reporting verb and what it reports; with `quoted_only`, only a quotation next to the
    verb and its speaker ('"...," she continued'; not 'prices continued to rise')."""
    subject = _speaker_token(verb)
    if subject is None:
        if not quoted_only:
            yield from _passive(verb, quotes, mentions)
        return
    if verb.lemma_.lower() in lexicon.words("naming_verbs") and not _names_something(verb, quotes):
        return  # "police called the family": a call, not a label
    resolved = mentions.resolve(subject)
    if resolved is None:
        return
    speaker, mention = resolved
    if quoted_only:
        span = _adjacent_quote(sent, verb, subject, quotes) or _next_paragraph(sent, verb)
    else:
        span = _content(sent, verb, subject, quotes)
    if span is None:
        return
    mentions.spoke(subject, speaker)
    yield Attribution(
        speaker=speaker,
        mention=mention,
        cue=_cue(verb),
        content_start=span[0],
        content_end=span[1],
        negated=any(c.dep_ == "neg" for c in verb.children),
        cue_at=_cue_at(verb),
    )


def _passive(
    verb: Token, quotes: list[tuple[int, int]], mentions: Mentions
) -> Iterator[Attribution]:
    """'The figure was first reported by the Herald': what was said is the passive subject,
    the speaker the agent. Not for verbs whose passive subject is the listener ('was told')."""
    said = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if not said or not agents or verb.lemma_.lower() in LISTENER_VERBS:
        return
    source = next((c for c in agents[0].children if c.dep_ == "pobj"), None)
    if source is None:
        return
    resolved = mentions.resolve(source)
    if resolved is None:
        return
    mentions.spoke(source, resolved[0])
    start, end = _widen_to_quote(*_subtree_chars(said[0]), quotes)
    yield Attribution(resolved[0], resolved[1], _cue(verb), start, end, cue_at=verb.idx)


def _noun_cue(
    tok: Token, quotes: list[tuple[int, int]], mentions: Mentions
) -> Iterator[Attribution]:
    """'the mayor's claim that ...', 'a Herald report that ...', 'her promise to cut taxes': a
    statement noun with its owner and a that-clause or an infinitive."""
    clause = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("acl", "ccomp", "appos")
            and c.i > tok.i
            and (any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or _infinitive(c))
        ),
        None,
    )
    if clause is None:
        return
    for owner in (c for c in tok.children if c.dep_ in ("poss", "compound")):
        resolved = mentions.resolve(owner)
        if resolved is None or (
            owner.pos_ == "PRON" and owner.lower_ not in ("his", "her", "its", "their")
        ):
            continue
        start, end = _widen_to_quote(*_subtree_chars(clause), quotes)
        yield Attribution(resolved[0], resolved[1], tok.lemma_.lower(), start, end, cue_at=tok.idx)
        return


def _stance(
    verb: Token, complements: frozenset[str], quotes: list[tuple[int, int]], mentions: Mentions
) -> Iterator[Attribution]:
    """A belief, finding, plan or position: 'the poll shows that ...', 'she wants to ...';
    a position in the passive with its holder: 'the bill is opposed by the union'."""
    subject = _speaker_token(verb)
    if subject is None and "object" in complements:
        yield from _passive(verb, quotes, mentions)
    if subject is None or subject.lower_ in RELATIVE:
        return
    if "finding" in complements and subject.lemma_.lower() in lexicon.words("source_nouns"):
        complements |= {"object"}  # "the poll shows a close race"; not "he showed the way"
    complement = _stance_complement(verb, complements)
    if complement is None:
        return
    if verb.dep_ == "relcl" and subject.ent_type_ not in ("PERSON", "ORG"):
        return  # "investors who want a refund" say nothing; "Ana Ruiz, who wants ..." does
    resolved = mentions.resolve(subject, named=False)
    if resolved is None:
        return
    speaker, mention = resolved
    mentions.spoke(subject, speaker)
    start, end = _widen_to_quote(*_subtree_chars(complement), quotes)
    yield Attribution(
        speaker=speaker,
        mention=mention,
        cue=_cue(verb),
        content_start=start,
        content_end=end,
        negated=any(c.dep_ == "neg" for c in verb.children),
        cue_at=_cue_at(verb),
    )


def _stance_complement(verb: Token, complements: frozenset[str]) -> Token | None:
    """The child that holds what is believed, found, planned or opposed, of a kind the verb
    takes ('clause', 'infinitive', 'object'), after the verb but for a clause."""
    for child in verb.children:
        after = child.i > verb.i
        if child.dep_ == "ccomp" and "clause" in complements and (after or _closing(verb)):
            return child  # also before: "The bridge is unsafe, inspectors believe."
        if child.i < verb.i:
            continue
        if child.dep_ == "xcomp" and _infinitive(child) and "infinitive" in complements:
            return child
        if child.dep_ == "dobj" and "object" in complements:
            return child
        if (
            child.dep_ == "prep"
            and child.lower_ in ("of", "about", "on")
            and "topic" in complements
            and not any(c.ent_type_ in ("DATE", "TIME") for c in child.children)
        ):
            return child  # "spoke of the legacy"; not "spoke on Monday"
    return None


def _closing(verb: Token) -> bool:
    """The verb and its subject close the sentence after a comma: '..., officials believe.'"""
    sent = verb.sent
    after = [t for t in sent if t.i > verb.i and not (t.is_punct or t.is_space)]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if after or subject is None:
        return False
    before = subject.left_edge.i - 1
    return before > sent.start and verb.doc[before].text == ","


@functools.cache
def _stance_cues() -> dict[str, frozenset[str]]:
    """Stance verb lemma -> the complements it takes (models/stance_cues.json)."""
    groups: dict[str, set[str]] = {}
    for kind, verbs in lexicon.table("stance_cues").items():
        if kind.startswith("_"):
            continue
        for verb in verbs:
            groups.setdefault(verb, set()).add(kind)
    return {verb: frozenset(kinds) for verb, kinds in groups.items()}


def _prepositional(sent: Span, prep: Token, cue: str, mentions: Mentions) -> Iterator[Attribution]:
    to = prep if cue == "per" else next(c for c in prep.children if c.lower_ == "to")
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return
    source = objects[0]
    if cue == "per" and not (source.ent_type_ in ("PERSON", "ORG") or source.pos_ == "PROPN"):
        return  # "per month", "per cent"
    resolved = mentions.resolve(source)
    if resolved is None:
        return
    speaker, mention = resolved
    mentions.spoke(source, speaker)
    span = _rest_of_sentence(sent, prep.left_edge.i, prep.right_edge.i)
    if span is not None:
        yield Attribution(speaker, mention, cue, span[0], span[1], cue_at=prep.idx)


# ------------------------------------------------------------------ labels


def _labelled(doc: Doc, quotes: list[tuple[int, int]], mentions: Mentions) -> Iterator[Attribution]:
    """Paragraphs a name labels: 'SMITH: We will ...' (a transcript, a headline) and a
    quotation signed '― Ana Ruiz' at the end of its paragraph."""
    paragraphs = [
        (first + (doc[first].text in QUOTE_MARKS and first < last), last)
        for first, last in find_paragraphs(doc)
    ]
    tags: Counter[str] = Counter()
    for first, last in paragraphs:
        colon = _label_colon(doc, first, last)
        if colon == first + 1 and doc[first].is_upper:
            tags[doc[first].text] += 1
    for first, last in paragraphs:
        colon = _label_colon(doc, first, last)
        if colon is not None:
            named = mentions.label(doc[first:colon])
            if named is None and colon == first + 1 and tags[doc[first].text] > 1:
                named = (doc[first].text.title(), doc[first].text)  # "SMITH:" again and again
            if named is not None:
                yield Attribution(named[0], named[1], ":", doc[colon + 1].idx, _end(doc[last]))
                continue
        signed = _signature(doc, first, last, quotes, mentions)
        if signed is not None:
            yield signed


def _signature(
    doc: Doc, first: int, last: int, quotes: list[tuple[int, int]], mentions: Mentions
) -> Attribution | None:
    """'"We will rebuild." ― Ana Ruiz': a quotation, a dash and a name end the paragraph (the
    tokenizer may glue the closing mark to the dash, and a no-break space may sit between)."""
    dash = next(
        (t.i for t in reversed(doc[max(first, last - 6) : last + 1]) if mark_of(t) in DASHES),
        None,
    )
    if dash is None or dash <= first:
        return None
    closer = doc[dash] if doc[dash].text != mark_of(doc[dash]) else _before(doc, dash)
    if closer is None or closer.text[:1] not in QUOTE_MARKS:
        return None
    quote = quote_at(closer.idx, quotes)
    begin = dash + 1
    while begin <= last and doc[begin].is_space:
        begin += 1
    end = last - (doc[last].text == ".")
    named = mentions.label(doc[begin : end + 1]) if end >= begin else None
    if quote is None or named is None:
        return None
    return Attribution(named[0], named[1], "―", quote[0], min(quote[1], closer.idx))


def _before(doc: Doc, i: int) -> Token | None:
    """The nearest token before i that is not blank."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return doc[j] if j >= 0 else None


def _label_colon(doc: Doc, first: int, last: int) -> int | None:
    """The colon closing a short label at the start of a paragraph, if any."""
    colon = next((t.i for t in doc[first : min(first + 6, last)] if t.text == ":"), None)
    return colon if colon is not None and colon > first else None


def _end(tok: Token) -> int:
    return tok.idx + len(tok)


# ------------------------------------------------------------------ cues and speakers


def _is_according_to(tok: Token) -> bool:
    return any(c.lower_ == "to" for c in tok.children) or (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to" and tok.head == tok
    )


def _is_cue(verb: Token, quotes: list[tuple[int, int]]) -> bool:
    """A reporting verb that reports: not a modifier ("so-called"), a name, nor inside a quote."""
    if verb.dep_ in ("amod", "compound") or verb.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART"):
        return False
    doc = verb.doc
    if verb.i >= 1 and doc[verb.i - 1].text in ("-", "so-"):
        return False
    return not inside_quote(verb.idx, quotes)


def _speaker_token(verb: Token) -> Token | None:
    """The token naming who speaks: the verb's subject, or the subject it shares with its head.

    The small parser attaches half the reporting verbs oddly, so the verb's head is read too:
    "who wrote" (relative clause), "..., adding that" and "tried to clarify, telling" (the
    subject of the verb above), "was quoted as saying" (the passive subject of "quoted"),
    "quoted X as saying" (its object).
    """
    earlier = _continued_from(verb)
    if earlier is not None:
        return _speaker_token(earlier)
    current = verb
    for _ in range(4):
        children = list(current.children)
        quoted = [c for c in children if c.dep_ == "dobj"] if current.lemma_ == "quote" else []
        if quoted and current is not verb:
            return quoted[0]  # "the paper quoted a local man, Ravi Nair, as saying"
        subjects = [c for c in children if c.dep_ == "nsubj"]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE and current.dep_ == "relcl":
                return current.head
            return subject
        passive = [c for c in children if c.dep_ == "nsubjpass"]
        if passive:
            # "was told", "were warned": the subject is the listener, unless "was quoted"
            return passive[0] if current.lemma_ == "quote" and current is not verb else None
        if current.dep_ == "relcl":
            return current.head
        if current is verb and verb.dep_ == "conj" and verb.head.i < verb.i:
            tail = _trailing_speaker(verb)
            if tail is not None:
                return tail
        head = current.head
        if current.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head  # "quoted as saying"
        if current.dep_ in ("advcl", "pcomp") and head.lemma_ == "quote":
            current = head
            continue
        if current.dep_ == "conj" or (current.dep_ in ("advcl", "xcomp") and current.tag_ == "VBG"):
            current = head
            continue
        if current.dep_ == "pcomp" and head.pos_ in ("VERB", "AUX"):
            current = head  # "pitched himself by telling them", "before asking her"
            continue
        if (
            _infinitive(current)
            and current.dep_ in ("xcomp", "advcl")
            and not _object_before(head, current)
        ):
            current = head  # "appeared to suggest", "went on to discuss"; not "urged him to say"
            continue
        if current.dep_ == "acl" and current.tag_ == "VBG" and _is_document(head):
            return head  # "issued a statement calling the test a violation"
        return None
    return None


def _is_document(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.words("source_nouns")


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _object_before(head: Token, verb: Token) -> bool:
    """The head has an object before the verb: whoever is urged, asked or forced to speak has
    not spoken yet."""
    return any(c.dep_ in ("dobj", "dative") and c.i < verb.i for c in head.children)


def _continued_from(verb: Token) -> Token | None:
    """'X said ..., explaining that ...': a reporting participle after a comma goes on with the
    nearest reporting verb before it in the sentence, wherever the parser attached it."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    reporting = lexicon.words("reporting_verbs")
    for tok in reversed(verb.doc[verb.sent.start : verb.i - 1]):
        if tok.pos_ == "VERB" and tok.tag_ != "VBG" and tok.lemma_.lower() in reporting:
            return tok
    return None


def _trailing_speaker(verb: Token) -> Token | None:
    """'..., the spokesman, Ana Ruiz, said.': a name the parser left in the clause before."""
    i = verb.i - 1
    doc = verb.doc
    while i > 0 and (doc[i].is_punct or doc[i].dep_ == "advmod") and doc[i].text not in QUOTE_MARKS:
        i -= 1
    tok = doc[i]
    if i < verb.i - 1 and doc[verb.i - 1].text == "," and tok.ent_type_ in ("PERSON", "ORG"):
        return tok
    return None


def _names_something(verb: Token, quotes: list[tuple[int, int]]) -> bool:
    """'called him a liar', 'labeled it "a hoax"', 'described it as', 'called for': a label."""
    for child in verb.children:
        if child.dep_ in ("oprd", "ccomp", "xcomp", "prt"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("as", "for"):
            return True
        if child.i > verb.i and any(inside_quote(t.idx, quotes) for t in child.subtree):
            return True
    return False


def _cue_at(verb: Token) -> int:
    """Where a cue verb is, for telling whether it is inside another statement (_outermost);
    -1 for one that never is: a relative clause ('Ida Holm, who said ...') describes its own
    speaker, and a participle after a comma ('..., adding that') goes on from the statement."""
    return -1 if verb.dep_ == "relcl" or _continued_from(verb) is not None else verb.idx


def _cue(verb: Token) -> str:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([_lemma(verb), *particles])


def _lemma(verb: Token) -> str:
    """The verb's lemma, mended where the small model drops a final e ('hoped' -> 'hop')."""
    lemma = verb.lemma_.lower()
    mended = lemma + "e"
    if verb.lower_.startswith(mended) and (
        mended in lexicon.words("reporting_verbs") or mended in _stance_cues()
    ):
        return mended
    return lemma


# ------------------------------------------------------------------ content


def _content(
    sent: Span, verb: Token, subject: Token, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    doc = sent.doc
    ccomps = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i != subject.i]
    if ccomps:
        clause = ccomps[0] if ccomps[0].i > verb.i else ccomps[-1]
        start, end = _subtree_chars(clause)
        return _widen_to_quote(start, end, quotes)
    quote = _adjacent_quote(sent, verb, subject, quotes) or _next_paragraph(sent, verb)
    if quote is not None:
        return quote
    if _inserted(verb) and verb.head in sent:
        verb_first, verb_last = _subtree_bounds(verb)
        return _rest_of_sentence(sent, verb_first, verb_last)
    if verb.dep_ == "conj" and subject.i < verb.i and subject.head.i != verb.i:
        return _rest_of_sentence(sent, subject.i, sent.end - 1)
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in OBJECTS]
    if after:
        first = min(after[0].left_edge.i, verb.i + 1)
        last = max(c.right_edge.i for c in after)
        while last > first and doc[last].is_punct:
            last -= 1
        return _widen_to_quote(doc[first].idx, doc[last].idx + len(doc[last]), quotes)
    return None


def _inserted(verb: Token) -> bool:
    """The cue is set into or after what it reports ('The bridge, the study found, is unsafe',
    '..., experts say.')."""
    return verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.head.i > verb.i)


def _adjacent_quote(
    sent: Span, verb: Token, subject: Token, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """A quotation right before the speaker and verb, or right after them; the quotation may
    end the sentence before when the speaker and verb are all this one says ('... ?" Ito
    asked.')."""
    lo = min(verb.i, subject.left_edge.i)
    hi = max(verb.i, subject.i)
    doc = sent.doc
    floor = sent.start
    previous = _before(doc, sent.start)
    alone = _only_punct(doc[sent.start : lo]) and _only_punct(doc[hi + 1 : sent.end])
    if alone and previous is not None and "\n" not in doc[previous.i : sent.start].text:
        floor = previous.i
    before = lo - 1
    while before >= floor and (doc[before].is_punct and doc[before].text not in QUOTE_MARKS):
        before -= 1
    if before >= floor and doc[before].text in QUOTE_MARKS:
        quote = quote_at(doc[before].idx - 1, quotes)
        if quote is not None:
            return quote
    after = hi + 1
    while after < sent.end and doc[after].is_punct and doc[after].text not in QUOTE_MARKS:
        after += 1
    if after < sent.end and doc[after].text in QUOTE_MARKS:
        quote = quote_at(doc[after].idx + 1, quotes)
        if quote is not None:
            return quote
    return None


def _next_paragraph(sent: Span, verb: Token) -> tuple[int, int] | None:
    """'He told reporters:' closing its paragraph: what was said is the next paragraph."""
    doc = sent.doc
    last = sent.end - 1
    while last > verb.i and doc[last].is_space:
        last -= 1
    if doc[last].text != ":" or last - verb.i > 4 or "\n" not in doc[last : last + 2].text:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1 : last]):
        return None
    first = last + 1
    while first < len(doc) and doc[first].is_space:
        first += 1
    end = first
    while end + 1 < len(doc) and "\n" not in doc[end].whitespace_ + doc[end + 1].text:
        end += 1
    return (doc[first].idx, _end(doc[end])) if first < len(doc) else None


def _only_punct(tokens: Span) -> bool:
    return all(t.is_punct or t.is_space for t in tokens)


def _rest_of_sentence(sent: Span, first: int, last: int) -> tuple[int, int] | None:
    """The sentence without the tokens first..last when they sit at one of its ends."""
    doc = sent.doc
    begin, end = sent.start, sent.end
    while end > begin and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if first <= begin + 1:
        begin = last + 1
    elif last >= end - 1:
        end = first
    while begin < end and (doc[begin].is_punct or doc[begin].is_space):
        if doc[begin].text in QUOTE_MARKS:
            break
        begin += 1
    while end > begin and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text in QUOTE_MARKS:
            break
        end -= 1
    if end - begin < 2:
        return None
    return doc[begin].idx, doc[end - 1].idx + len(doc[end - 1])


def _widen_to_quote(start: int, end: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A clause that starts or ends inside a quotation covers the whole quotation."""
    q = quote_at(start, quotes)
    if q is not None:
        start = min(start, q[0])
        if q[1] > end and q[1] - end < 3:
            end = q[1]
    q = quote_at(max(end - 1, start), quotes)
    if q is not None:
        end = max(end, q[1])
    return start, end


# ------------------------------------------------------------------ spans


def _subtree_bounds(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i


def _subtree_chars(tok: Token) -> tuple[int, int]:
    doc = tok.doc
    first, last = tok.left_edge.i, tok.right_edge.i
    while last > first and doc[last].is_punct and doc[last].text not in QUOTE_MARKS:
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last])


def _trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())


def _is_blank(sent: Span) -> bool:
    return not sent.text.strip()
