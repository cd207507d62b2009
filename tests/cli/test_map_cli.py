"""``tenhands map``: a case's map as an offline HTML file, redacted for its audience."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from tenhands.cli.main import app

runner = CliRunner()


def test_map_writes_an_offline_page_of_the_demo(cli_store: str, tmp_path: Path) -> None:
    assert runner.invoke(app, ["demo", "--no-serve"]).exit_code == 0
    out = tmp_path / "ecomap.html"
    result = runner.invoke(app, ["map", "demo-case", "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Oma Ria" in html and "grandmother" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)


def test_projection_leaves_out_what_a_meeting_may_not_see(cli_store: str, tmp_path: Path) -> None:
    runner.invoke(app, ["demo", "--no-serve"])
    work, wall = tmp_path / "work.html", tmp_path / "wall.html"
    assert runner.invoke(app, ["map", "demo-case", "--out", str(work)]).exit_code == 0
    args = ["map", "demo-case", "--mode", "projection", "--out", str(wall)]
    assert runner.invoke(app, args).exit_code == 0
    phone = "+32 475 33 81 09"  # Oma Ria's phone in the demo
    assert phone in work.read_text(encoding="utf-8")
    assert phone not in wall.read_text(encoding="utf-8")


def test_map_of_an_unknown_case_says_so(cli_store: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["map", "c-nobody", "--out", str(tmp_path / "x.html")])
    assert result.exit_code == 1
    assert "no case 'c-nobody'" in result.output


def test_map_refuses_an_unknown_view(cli_store: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["map", "demo-case", "--view", "tree", "--out", "x.html"])
    assert result.exit_code == 2
