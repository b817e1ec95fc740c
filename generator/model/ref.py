"""An id written in content, pointing at another entry."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    """An id written in content, with the line it is on."""

    id: str
    line: int
