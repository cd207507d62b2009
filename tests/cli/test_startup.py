"""The command line starts at once: ``tenhands --help`` and each command's help import
none of the heavy parts (numeric, graph, web, database and drawing libraries), and a
light command imports only what it uses. Checked in a fresh interpreter, by the modules
loaded, not by a clock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import get_args

from tenhands import __version__
from tenhands.cli.main import app
from tenhands.cli.users import RoleName
from tenhands.graph.model import UserRole

HEAVY = (
    "numpy",
    "networkx",
    "pandas",
    "fastapi",
    "starlette",
    "uvicorn",
    "neo4j",
    "pyvis",
    "rapidfuzz",
    "openpyxl",
    "playwright",
    "jinja2",
    "splink",
    "duckdb",
)
"""Never loaded to show help or to run a command that does not use them."""

RUN = """
import json, sys
from tenhands import __version__
from tenhands.cli.main import app
for args in json.loads(sys.argv[1]):
    try:
        app(args, prog_name="tenhands")
    except SystemExit as exit:
        if exit.code:
            raise
loaded = {m.partition(".")[0] for m in sys.modules}
print(json.dumps(sorted(loaded)), file=sys.stderr)
"""


def loaded_by(runs: list[list[str]], env: dict[str, str] | None = None) -> set[str]:
    """The top-level modules a fresh interpreter holds after running ``runs`` in turn."""
    done = subprocess.run(
        [sys.executable, "-c", RUN, json.dumps(runs)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **(env or {})},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    modules: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return set(modules)


def command_paths() -> list[list[str]]:
    """Every command and sub-command, as the words that name it."""
    import typer.main

    root = typer.main.get_command(app)
    paths: list[list[str]] = []

    def walk(command: object, words: list[str]) -> None:
        children = getattr(command, "commands", None)
        if children is None:
            paths.append(words)
            return
        for name, child in children.items():
            walk(child, [*words, name])

    walk(root, [])
    return paths


def test_help_loads_no_heavy_module_not_even_pydantic() -> None:
    loaded = loaded_by([["--help"]])
    assert "typer" in loaded  # it did run
    assert loaded.isdisjoint({*HEAVY, "pydantic", "pydantic_settings", "rich", "sqlite3"}), sorted(
        loaded & {*HEAVY, "pydantic", "pydantic_settings", "rich", "sqlite3"}
    )


def test_every_commands_help_loads_no_heavy_module() -> None:
    paths = command_paths()
    assert ["find"] in paths and ["users", "add"] in paths and len(paths) > 15
    loaded = loaded_by([[*path, "--help"] for path in paths if len(path) == 1])
    assert loaded.isdisjoint({*HEAVY, "pydantic"}), sorted(loaded & {*HEAVY, "pydantic"})
    loaded = loaded_by([[*path, "--help"] for path in paths])
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_the_version_is_printed_at_once() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from tenhands.cli.main import app; app(['--version'])"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, __version__), done.stderr
    assert loaded_by([["--version"]]).isdisjoint({*HEAVY, "pydantic"})


def test_a_light_command_loads_only_what_it_uses(tmp_path: Path) -> None:
    store = {"TENHANDS_STORE": f"sqlite:///{tmp_path / 'cli.db'}"}
    loaded = loaded_by([["cases", "--json"]], store)
    assert {"sqlite3", "pydantic"} <= loaded  # it opened the store
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_the_role_choices_are_the_user_roles() -> None:
    assert list(get_args(RoleName)) == [r.value for r in UserRole]
