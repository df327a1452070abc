"""One way to compare labels as people write them, and the vocabularies that map them to our ids.

``normalise_label`` is the only label normaliser: headers (``Video Revenue ($)``), channel labels
(``Vídeo``), role titles (``Fundadora``) all go through it. A vocabulary is data, one TOML file per
calculator, read by :meth:`Vocabulary.load`; its format::

    # one table per vocabulary in the file ("columns", "carriers", ...); one entry per id
    [columns]
    orders = ["Orders", "Pedidos", "SKU orders"]       # every label that means this id
    [columns.gmv]                                      # or split by language, for reviewers
    en = ["GMV", "Revenue"]
    es = ["GMV", "Ingresos"]

Labels compare after :func:`normalise_label`, so case, accents, punctuation and a unit or currency
in parentheses never matter.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Self

from pydantic import BaseModel, ConfigDict, PrivateAttr

UNIT_MARKS = (
    "$", "€", "£", "%", "¥", "₹", "us$", "mx$", "r$", "rm", "s/", "s/.", "c$", "a$", "ca$", "cop",
    "usd", "eur", "gbp", "mxn", "brl", "myr", "pen", "clp", "ars", "idr", "php", "thb", "vnd", "sgd",
    "x", "s", "sec", "seconds", "segundos", "min", "minutes", "minutos", "h", "hours", "horas",
)  # fmt: skip
"""What may sit in a header's parentheses to say its unit (``GMV ($)``, ``Tasa (%)``, ``Play time (s)``);
dropped, so a file in euros and one in dollars name the same column."""

_UNIT_PARENS = re.compile(
    r"\(\s*(?:" + "|".join(re.escape(mark) for mark in sorted(UNIT_MARKS, key=len, reverse=True)) + r")\s*\)",
    re.IGNORECASE,
)
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalise_label(text: object) -> str:
    """A label without case, accents, unit brackets, punctuation: ``Video Revenue ($)`` → ``video revenue``.

    ``Vídeo`` → ``video``; ``Founder/CEO`` → ``founder ceo``; ``CTR (%)`` → ``ctr``; ``None`` → ``""``.
    """
    if text is None:
        return ""
    plain = _UNIT_PARENS.sub(" ", str(text).casefold())
    plain = unicodedata.normalize("NFKD", plain)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def _labels(entry: object, where: str) -> tuple[str, ...]:
    """An entry is a list of labels, or a table of lists (by language); anything else is an error."""
    if isinstance(entry, str):
        return (entry,)
    if isinstance(entry, list) and all(isinstance(label, str) for label in entry):
        return tuple(entry)
    if isinstance(entry, Mapping):
        return tuple(label for key, part in entry.items() for label in _labels(part, f"{where}.{key}"))
    raise ValueError(f"{where}: expected a list of labels, got {entry!r}")


class Vocabulary(BaseModel):
    """Labels people write, grouped by the id they mean; looked up after :func:`normalise_label`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    """What it names (``carriers``, ``roles``), for messages."""
    terms: dict[str, tuple[str, ...]]
    """Each id with every label that means it, as written (both languages, export variants)."""

    _index: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        """Index the normalised labels (and the ids themselves); one label can't mean two ids."""
        index: dict[str, str] = {}
        clashes: list[str] = []
        for term_id, labels in self.terms.items():
            for label in (term_id, *labels):
                key = normalise_label(label)
                if key and index.setdefault(key, term_id) != term_id:
                    clashes.append(f"{label!r} ({index[key]} and {term_id})")
        if clashes:
            raise ValueError(f"vocabulary {self.name}: a label means two ids: {', '.join(clashes)}")
        self._index.update(index)

    @classmethod
    def from_table(cls, name: str, table: Mapping[str, object]) -> Self:
        """A vocabulary from one TOML table (``id = [labels]`` or ``[name.id]`` with ``en``/``es`` lists)."""
        return cls(name=name, terms={key: _labels(entry, f"{name}.{key}") for key, entry in table.items()})

    @classmethod
    def load(cls, path: Path, section: str | None = None) -> Self:
        """The vocabulary in ``path``: the whole file, or its table ``section`` (a file may hold several)."""
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        if section is None:
            return cls.from_table(path.stem, data)
        table = data.get(section)
        if not isinstance(table, Mapping):
            raise ValueError(f"{path}: no [{section}] table")
        return cls.from_table(section, table)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids, in file order."""
        return tuple(self.terms)

    def lookup(self, text: object) -> str | None:
        """The id a label means, compared whole after normalising; ``None`` when unknown."""
        return self._index.get(normalise_label(text))

    def search(self, text: object) -> str | None:
        """The id whose label appears as whole words inside ``text`` (the longest such label wins).

        For free text around a known label: ``Video editor (freelance, 2 days/week)`` → ``editor``.
        """
        words = normalise_label(text)
        if not words:
            return None
        exact = self._index.get(words)
        if exact is not None:
            return exact
        padded = f" {words} "
        found = [(len(key), term) for key, term in self._index.items() if f" {key} " in padded]
        return max(found)[1] if found else None

    def is_known(self, text: object) -> bool:
        """True when the label means one of the ids (for ``read_sheet(is_known_label=...)``)."""
        return normalise_label(text) in self._index


def load_vocabularies(path: Path) -> dict[str, Vocabulary]:
    """Every vocabulary in one file, by its table name (``[columns]``, ``[carriers]``, ...)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {
        name: Vocabulary.from_table(name, table) for name, table in data.items() if isinstance(table, Mapping)
    }


def any_known(vocabularies: Iterable[Vocabulary]) -> Callable[[object], bool]:
    """One ``is_known_label`` test over several vocabularies (column names of every kind a file may have)."""
    keys = frozenset(key for vocabulary in vocabularies for key in vocabulary._index)
    return lambda text: normalise_label(text) in keys
