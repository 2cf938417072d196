"""corroborate: cited, cross-checked briefs from a pile of news articles about one story.

The library's entry points (importing this package loads nothing else and changes nothing):

- :func:`corroborate.pipeline.build_brief` -- paths in, a :class:`corroborate.model.Brief` out;
- :func:`corroborate.pipeline.brief_story` -- the brief of one story's annotated articles;
- :mod:`corroborate.out.render` -- a brief as JSON (the contract), Markdown or HTML.
"""

__version__ = "0.1.0"
