"""Which messages the pages use: every ``_()``, ``ngettext()`` and ``N_()`` in the
templates and in this package's Python, as Babel extracts them. Used to keep the
catalogues complete (``scripts/web_messages.py`` adds what is missing; a test checks
nothing is).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file

Message = str | tuple[str, str]
"""A message id, or a singular and plural pair."""

_JINJA = "jinja2.ext:babel_extract"
_JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}


def package_dir() -> Path:
    return Path(str(resources.files(__package__)))


def sources() -> list[tuple[Path, str]]:
    """The files messages come from, with the Babel extraction method for each."""
    here = package_dir()
    templates = sorted((here / "templates").glob("*.html"))
    python = sorted(p for p in here.glob("*.py"))
    return [(p, _JINJA) for p in templates] + [(p, "python") for p in python]


def used_messages() -> dict[Message, list[tuple[str, int]]]:
    """Every message the pages use, with where (file, line)."""
    found: dict[Message, list[tuple[str, int]]] = {}
    for path, method in sources():
        options = _JINJA_OPTIONS if method == _JINJA else {}
        for line, message, _comments, _context in extract_from_file(
            method, str(path), keywords=DEFAULT_KEYWORDS, options=options
        ):
            key: Message = (
                (str(message[0]), str(message[1])) if isinstance(message, tuple) else message
            )
            if key:
                found.setdefault(key, []).append((path.name, line))
    return found


def template_catalog() -> Catalog:
    """A catalogue of every used message, without translations."""
    catalog = Catalog(project="TenHands", domain="messages")
    for message, places in sorted(used_messages().items(), key=lambda kv: str(kv[0])):
        catalog.add(message, locations=places)
    return catalog
