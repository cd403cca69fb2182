"""Why an input was skipped: one line that names the problem and what to do about it."""

from __future__ import annotations


class Unreadable(Exception):
    """An input that cannot become an Article; str(exc) is the reason shown to the user."""


BINARY = "binary file, not an article; pass text, Markdown, HTML or JSON files"
EMPTY = "empty file (no text); remove it or fill it"
MISSING = "no such file or directory; check the path"
BROKEN_LINK = "broken symbolic link (its target does not exist); fix or remove the link"
LOOP = "symbolic link loop; fix the link"
NOT_ENGLISH = "not English text (claimcheck reads English only)"
NO_HTML_TEXT = "HTML with no extractable article text; save the article's text instead"
JSON_TOO_DEEP = "JSON nested too deeply to read (some 1,000 levels of arrays or objects); fix it"
JSON_NUMBER_TOO_LONG = "a JSON number of more than 4,300 digits, too long to read; fix the file"
NOT_A_FEED = "XML that is not an RSS or Atom feed; pass feeds, or the articles as text or HTML"
URL_LIST = "a list of URLs, not an article: fetch the pages and save their text"
CLAIMCHECK_REPORT = "a claimcheck report, not an article"
NO_RECORD_TEXT = "no article text in the record (expected a text, maintext or content field)"


def unsupported(suffix: str) -> str:
    kind = f"'{suffix}'" if suffix else "no extension"
    return (
        f"unsupported file type ({kind}); pass .txt, .md, .html, .htm, .json, .jsonl, .csv "
        "or .xml/.rss/.atom feed files"
    )


def no_text_column(columns: list[str], count: int) -> str:
    shown = ", ".join(c[:30] or "(blank)" for c in columns)
    more = f" and {count - len(columns)} more" if count > len(columns) else ""
    return (
        f"CSV with no article text column (expected body, text, content or article; "
        f"it has {shown}{more})"
    )


def too_big(size: int, limit: int) -> str:
    return f"{size} bytes is over --max-bytes {limit}; raise --max-bytes or split the file"


def os_error(exc: OSError) -> str:
    what = exc.strerror or exc.__class__.__name__
    if isinstance(exc, PermissionError):
        return f"cannot read: {what.lower()}; check the file's permissions"
    return f"cannot read: {what.lower()}"
