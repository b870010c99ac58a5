"""Errors newsprism raises. Every message names the file, article or setting and what to do.

    NewsprismError
    ├── InputError          an input could not be read as articles (one file, one line)
    │   └── EmptyInputError     nothing to read in it
    ├── NotFoundError       no such story or article (the web API's 404)
    ├── ModelError          a bundled model could not be loaded
    ├── BriefingJSONError   a briefing's JSON breaks its schema or points outside its documents
    ├── StoreError          the corpus database failed (the web API's 503)
    ├── EngineError         the Ray cluster could not be joined, or Ray is not installed
    ├── SettingsError       a settings file, variable or flag is unreadable, unknown or mistyped
    └── NewsprismWarning    not a failure: the work was done, with a doubt to report
        └── InputWarning        read, but something in it was dropped (bad date, cut-off feed)

A reader yields articles and ``InputProblem``s (an ``InputError`` or an ``InputWarning``);
only an ``InputError`` makes a command exit 1 ("some inputs failed").
"""

from __future__ import annotations

import re

# scheme://user:PASSWORD@host: the password of any URL a message quotes (a database, a Ray
# address, a feed) is never printed.
_URL_PASSWORD = re.compile(r"(\b[a-zA-Z][\w+.-]*://[^\s/:@]*:)[^\s/@]+@")


def mask_passwords(text: str) -> str:
    """``text`` with the password of every URL in it replaced by ``***``."""
    return _URL_PASSWORD.sub(r"\1***@", text)


class NewsprismError(Exception):
    """Root of every error newsprism raises on purpose; its message never shows a URL's
    password, wherever it is printed."""

    def __str__(self) -> str:
        return mask_passwords(super().__str__())


class InputError(NewsprismError):
    """An input (file, JSONL line, stdin) could not be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class EmptyInputError(InputError):
    """The input holds no article text."""


class ModelError(NewsprismError):
    """A model that ships inside a package could not be loaded."""


class BriefingJSONError(NewsprismError):
    """Briefing JSON does not follow ``schema/briefing.schema.json`` or its offsets do not hold."""


class StoreError(NewsprismError):
    """The corpus database could not be opened or written."""


class NotFoundError(NewsprismError):
    """A story or article asked for by id is not stored (or no longer is)."""


class NewsprismWarning(NewsprismError):
    """Something to report that did not stop the work: never a reason to exit 1."""


class InputWarning(NewsprismWarning):
    """Something in an input was dropped or doubted, but the article was still read
    (an unparseable or future date, a feed that ends early)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


# What a reader yields beside articles: a failure (the input, or part of it, was not read) or
# a warning (it was read, with something dropped).
InputProblem = InputError | InputWarning


class EngineError(NewsprismError):
    """The Ray cluster could not be joined, or Ray is not installed."""


class SettingsError(NewsprismError):
    """A setting could not be used: its file is not TOML, its key is unknown or its value of the
    wrong type. The message names the file (or variable, or flag), the key and what to do."""
