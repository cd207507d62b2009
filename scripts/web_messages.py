"""Keep the web pages' catalogues in step with the templates and the web Python.

    .venv/bin/python scripts/web_messages.py          # add new messages, drop unused ones
    .venv/bin/python scripts/web_messages.py --check  # exit 1 when something is missing

Message ids are English: the English catalogue gets each id as its own translation; the
Dutch catalogue gets new ids with an empty translation, to be filled in by hand (the
catalogue test fails until they are). Translations already made are kept.
"""

from __future__ import annotations

import argparse
import sys
from io import BytesIO

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from tenhands.web.catalogue import template_catalog
from tenhands.web.i18n import LANGS, catalogue_path

HEADER = "Web pages of TenHands. Message ids are English; see scripts/web_messages.py."


def updated(lang: str, template: Catalog) -> tuple[Catalog, list[str]]:
    """The catalogue of ``lang`` with exactly the template's messages, and the ids still
    untranslated."""
    path = catalogue_path(lang)
    if path.is_file():
        with path.open("rb") as po:
            catalog = read_po(po, locale=lang)
    else:
        catalog = Catalog(locale=lang, project="TenHands", domain="messages")
    created, revised = catalog.creation_date, catalog.revision_date
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    # a header that changes only with the messages, so --check can compare files
    catalog.header_comment = f"# {HEADER}"
    catalog.creation_date, catalog.revision_date = created, revised
    catalog.fuzzy = False
    catalog.version = "1"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "TenHands"
    catalog.language_team = "TenHands"
    missing = []
    for message in catalog:
        if not message.id:
            continue
        message.locations = []
        if lang == "en" and not any(_strings(message.string)):
            message.string = message.id
        if not all(_strings(message.string)):
            missing.append(str(message.id))
    return catalog, missing


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, (tuple, list)) else [str(value or "")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args()
    template = template_catalog()
    stale = False
    for lang in LANGS:
        catalog, missing = updated(lang, template)
        text = BytesIO()
        write_po(text, catalog, width=100, no_location=True, omit_header=False, sort_output=True)
        path = catalogue_path(lang)
        old = path.read_bytes() if path.is_file() else b""
        if text.getvalue() != old:
            stale = True
            if not args.check:
                with open(str(path), "wb") as out:
                    out.write(text.getvalue())
        for message_id in missing:
            print(f"{lang}: not translated: {message_id!r}")
        stale = stale or bool(missing)
    if args.check and stale:
        sys.exit(1)


if __name__ == "__main__":
    main()
