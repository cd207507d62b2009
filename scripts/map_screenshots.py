"""Screenshots of the demo case's maps for ``docs/maps/``: every view, mode and language.

    .venv/bin/python scripts/map_screenshots.py [--out docs/maps]

Seeds the demo into a throw-away SQLite store, builds each map and renders it to PNG
in headless Chromium (``make browser`` installs it). Also writes ``index.md`` listing
them.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tenhands.demo.seed import seed_demo
from tenhands.graph.languages import INTERFACE
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.export import html_to_png
from tenhands.viz.render import render_html

LANGS = INTERFACE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/maps"))
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    lines = ["# Maps of the demo case", "",
             "Made by `scripts/map_screenshots.py` from the fictional demo case.", ""]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "demo.db")
        store.init_schema()
        case_id = seed_demo(store)
        for view in View:
            lines += [f"## {view.value}", ""]
            for mode in Mode:
                for lang in LANGS:
                    scene = build_scene(store, case_id, view, mode, lang)
                    name = f"{view.value}-{mode.value}-{lang}.png"
                    html_to_png(
                        render_html(scene), args.out / name,
                        width=args.width, height=args.height, scale=1.0,
                    )  # fmt: skip
                    lines.append(f"- {mode.value}, {lang}: ![{name}]({name})")
                    print(f"wrote {args.out / name}")  # noqa: T201
            lines.append("")
        store.close()
    (args.out / "index.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
