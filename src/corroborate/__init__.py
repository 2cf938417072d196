"""corroborate: cited, cross-checked briefs from a pile of news articles about one story."""

__version__ = "0.1.0"
