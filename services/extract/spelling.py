"""Names spelled one letter off a known one ("Ethopia", "Bouteflicka", "Mitterand"): a dropped, added, changed or
swapped letter, found through an index of each known name with one letter deleted (the symmetric-delete method)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

# Shorter names sit one letter from too many others ("Roland" and "Poland", "Kenyon" and "Kenyan").
MIN_LETTERS = 7


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether two different words are one insertion, deletion, substitution or swap of neighbours apart."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class NearNames:
    """Known one-word names, each with what it names, looked up by a word spelled one letter off one of them."""

    def __init__(self, names: Iterable[tuple[str, object]]) -> None:
        self._named: dict[str, object] = {}
        self._by_key: defaultdict[str, set[str]] = defaultdict(set)
        for name, value in names:
            if len(name) >= MIN_LETTERS - 1 and name.isalpha():
                self._named[name] = value
                for key in {name} | _deletions(name):
                    self._by_key[key].add(name)

    def match(self, word: str) -> object | None:
        """What the one known name one letter off this word names, when there is exactly one such thing; the first
        letter must agree, since misspellings keep it."""
        if len(word) < MIN_LETTERS or not word.isalpha() or word in self._named:
            return None
        found = {
            self._named[name]
            for key in {word} | _deletions(word)
            for name in self._by_key.get(key, ())
            if name[0] == word[0] and _one_edit_apart(name, word)
        }
        return found.pop() if len(found) == 1 else None
