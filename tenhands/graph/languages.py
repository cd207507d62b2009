"""The languages TenHands speaks, which part speaks which, and the one shape of a word table.

Every part takes its languages from here: the web pages, the maps, the closure handout
and the candidate cards speak :data:`INTERFACE` (Dutch first, English second); the
relationship words, the map's text listing and the helplines a family reads also speak
French (:data:`LANGUAGES`). A word table (:class:`WordTable`) names the languages it
speaks, one word per language and key; a language it does not speak gets Dutch, and a
key it does not hold raises. ``tests/test_words.py`` walks every table of the package
and fails for a word missing in any language the table speaks.

>>> TABLE = WordTable("example", INTERFACE, {"yes": ("ja", "yes")}, every=("yes",))
>>> TABLE.say("yes", "en"), TABLE.say("yes", "fr"), TABLE.gaps()
('yes', 'ja', [])
>>> TABLE.say("no", "nl")
Traceback (most recent call last):
...
KeyError: "the word table 'example' has no words for 'no'"
>>> locale_of("fr"), locale_of("xx")
('fr_BE', 'nl_BE')
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

Lang = Literal["nl", "en", "fr"]
"""Every language TenHands writes in."""

InterfaceLang = Literal["nl", "en"]
"""The languages of the interface: the web pages, the maps, the handout, the cards."""

LANGUAGES: tuple[Lang, ...] = ("nl", "en", "fr")
"""Every language, Dutch first: the relationship words, the map's listing, the helplines."""

INTERFACE: tuple[InterfaceLang, ...] = ("nl", "en")
"""The languages of the web pages, the maps, the closure handout and the candidate cards."""

DEFAULT: InterfaceLang = "nl"
"""What a reader gets when their language is not spoken: Flemish users come first."""

_LOCALES: dict[str, str] = {"nl": "nl_BE", "en": "en_GB", "fr": "fr_BE"}


def locale_of(lang: str) -> str:
    """The locale dates and numbers of ``lang`` are written in (Belgian Dutch by default)."""
    return _LOCALES.get(lang, _LOCALES[DEFAULT])


def interface_lang(lang: str) -> InterfaceLang:
    """``lang`` when the interface speaks it, else Dutch.

    >>> interface_lang("en"), interface_lang("fr")
    ('en', 'nl')
    """
    return lang if lang in INTERFACE else DEFAULT


def listed(langs: Sequence[str]) -> str:
    """Languages as a sentence says them.

    >>> listed(INTERFACE), listed(LANGUAGES)
    ('nl or en', 'nl, en or fr')
    """
    return f"{', '.join(langs[:-1])} or {langs[-1]}" if len(langs) > 1 else "".join(langs)


def check_lang(lang: str, langs: Sequence[str] = INTERFACE, what: str = "text") -> str:
    """``lang`` when it is one of ``langs``; else ValueError with a sentence.

    >>> check_lang("fr", INTERFACE, "map")
    Traceback (most recent call last):
    ...
    ValueError: unknown map language 'fr': use nl or en
    """
    if lang not in langs:
        raise ValueError(f"unknown {what} language {lang!r}: use {listed(langs)}")
    return lang


K = TypeVar("K")
W = TypeVar("W")


@dataclass(frozen=True)
class WordTable(Generic[K, W]):
    """Words per key, one per language of ``langs`` (in that order).

    A word is a text, or a tuple of texts (e.g. female, male and neutral forms).
    ``every`` lists the keys the table must hold (say every member of an enum), so a
    forgotten one is a gap rather than a silent fall-back. It reads like a mapping of
    key to the words of all its languages.
    """

    name: str
    langs: tuple[Lang, ...]
    words: Mapping[K, tuple[W, ...]]
    every: tuple[K, ...] = field(default=())

    def say(self, key: K, lang: str = DEFAULT) -> W:
        """The word of ``key`` in ``lang`` (Dutch for a language the table does not
        speak); KeyError for a key the table does not hold."""
        try:
            words = self.words[key]
        except KeyError:
            raise KeyError(f"the word table {self.name!r} has no words for {key!r}") from None
        return words[self.langs.index(lang) if lang in self.langs else 0]

    def maybe(self, key: K, lang: str = DEFAULT) -> W | None:
        """The word of ``key`` in ``lang``, or None where the table holds no such key (for
        tables of words that may be absent, e.g. a code not worded here)."""
        return self.say(key, lang) if key in self.words else None

    def gaps(self) -> list[str]:
        """What is missing: keys of ``every`` not held, and keys whose words do not give
        one non-empty word per language."""
        out = [f"{self.name}: no words for {key!r}" for key in self.every if key not in self.words]
        for key, words in self.words.items():
            if len(words) != len(self.langs):
                out.append(
                    f"{self.name}: {key!r} has {len(words)} words for {len(self.langs)} "
                    f"languages ({', '.join(self.langs)})"
                )
                continue
            for lang, word in zip(self.langs, words, strict=True):
                texts = word if isinstance(word, tuple) else (word,)
                if not texts or not all(isinstance(t, str) and t.strip() for t in texts):
                    out.append(f"{self.name}: {key!r} has no word in {lang}")
        return out

    def __getitem__(self, key: K) -> tuple[W, ...]:
        return self.words[key]

    def __contains__(self, key: object) -> bool:
        return key in self.words

    def __iter__(self) -> Iterator[K]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def items(self) -> Iterator[tuple[K, tuple[W, ...]]]:
        return iter(self.words.items())
