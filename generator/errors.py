"""Problems found in content, reported as values with their location."""
import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a content file, at a line, with what to do about it."""

    path: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}: {prefix}{self.message}"


class BuildError(Exception):
    """The build stopped; the message says why. The last good site is left as it was."""


def did_you_mean(word: str, choices) -> str:
    """Return ' (did you mean 'x'?)' for the nearest valid choice, or '' when none is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
