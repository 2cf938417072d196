"""Every error corroborate raises on purpose, in one tree.

::

    CorroborateError          anything corroborate refuses, with a message for the user
    ├── UsageError            the command was asked for something impossible (exit code 2)
    │   └── ManifestError     a manifest cannot be read (missing, malformed, no file column)
    ├── ModelNotFound         a model package is not installed: the message says what to install
    ├── OutputError           an output cannot be written
    ├── StoreError            the database cannot be used as asked
    │   └── ReadOnlyStore     the database can be read but not written
    └── UploadError           an upload to the web app cannot be taken

An input that cannot be read is not an error of the run: it becomes a
:class:`corroborate.model.Rejected` with a reason, and the run goes on. The command line maps
this tree to one-line messages and exit codes in one place (:func:`corroborate.cli.main`):
usage errors exit with 2, the rest with 1. Each class also derives from the builtin error a
caller would expect (``ValueError``, ``RuntimeError``, ``OSError``), so code written against
those keeps working.
"""

from __future__ import annotations


class CorroborateError(Exception):
    """Anything corroborate refuses to do, with a message meant for the user."""

    exit_code = 1


class UsageError(CorroborateError, ValueError):
    """The command was asked for something it cannot do as given (exit code 2)."""

    exit_code = 2


class ManifestError(UsageError):
    """A manifest could not be read: missing, malformed, or without a column naming the file.

    The message says which file, where, and what a valid manifest looks like.
    """


class ModelNotFound(CorroborateError, RuntimeError):
    """A configured model is not installed; the message says what to install."""


class OutputError(CorroborateError, OSError):
    """An output (the JSON, Markdown or HTML brief) cannot be written."""


class StoreError(CorroborateError, RuntimeError):
    """The database cannot be used as asked (newer schema, other embedder, not a store)."""


class ReadOnlyStore(StoreError):
    """The database can be read but not written (a read-only file, folder or disk): nothing
    can be added to it. The web app answers an upload with 503."""


class UploadError(CorroborateError, ValueError):
    """An upload that cannot be taken, with a message for the user."""
