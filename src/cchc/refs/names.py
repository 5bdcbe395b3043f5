"""Comparing names of issuing bodies as people write them."""

from __future__ import annotations

from typing import Generic, TypeVar

from cchc.text import name_key

V = TypeVar("V")


class NameIndex(Generic[V]):
    """Finds the longest known name at the start of a phrase, in time bounded by its word count."""

    MAX_WORDS = 12

    def __init__(self) -> None:
        self._names: dict[str, V] = {}

    def add(self, name: str, value: V) -> None:
        self._names.setdefault(name_key(name), value)

    def get(self, name: str) -> V | None:
        return self._names.get(name_key(name))

    def longest_prefix(self, phrase: str) -> V | None:
        words = name_key(phrase).split(" ")
        for count in range(min(len(words), self.MAX_WORDS), 0, -1):
            # "UBND thành phố, Ủy ban …": punctuation after the name is not part of it.
            if (found := self._names.get(" ".join(words[:count]).rstrip(",;:"))) is not None:
                return found
        return None
