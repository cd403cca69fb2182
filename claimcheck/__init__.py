"""claimcheck: find where news articles about one story disagree, with the evidence."""

__version__ = "0.1.0"
