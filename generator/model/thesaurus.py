"""The lay thesaurus (content/synonyms.yml): groups of words search treats as one."""
from dataclasses import dataclass


@dataclass(frozen=True)
class SynonymGroup:
    """Words (or phrases) that mean the same thing to a reader searching."""

    words: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Thesaurus:
    path: str
    groups: tuple[SynonymGroup, ...]
