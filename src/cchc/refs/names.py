"""Comparing names of issuing bodies as people write them."""

from __future__ import annotations

from cchc.text import name_key


class NameIndex:
    """Finds the longest known name at the start of a phrase, in time bounded by its word count."""

    MAX_WORDS = 12

    def __init__(self) -> None:
        self._names: dict[str, object] = {}

    def add(self, name: str, value: object) -> None:
        self._names.setdefault(name_key(name), value)

    def get(self, name: str):
        return self._names.get(name_key(name))

    def longest_prefix(self, phrase: str):
        words = name_key(phrase).split(" ")
        for count in range(min(len(words), self.MAX_WORDS), 0, -1):
            # "UBND thành phố, Ủy ban …": punctuation after the name is not part of it.
            if (found := self._names.get(" ".join(words[:count]).rstrip(",;:"))) is not None:
                return found
        return None
