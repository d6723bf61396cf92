"""Docs cannot drift: the quick start, the CI script and the command-line reference."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from policydiff.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert len(blocks) == 1, "the quick start has exactly one sh block"
    return [line for line in blocks[0].splitlines() if line.strip()]


def test_quick_start_is_two_commands_demo_then_tests():
    first, second = _quick_start_commands()
    assert first.startswith("pip install .") and "policydiff compare corpora/demo/" in first
    assert "pytest" in second and "[test]" in second


def test_ci_runs_the_quick_start_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _quick_start_commands()[1] in ci.splitlines()


def test_the_demo_glob_matches_the_three_demo_manifestos_only():
    pattern = _quick_start_commands()[0].split("compare ", 1)[1].split()[0]
    assert sorted(p.name for p in ROOT.glob(pattern)) == ["2016-harbour.md", "2020-harbour.md", "2024-harbour.txt"]


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_is_documented_and_has_help(name):
    command = cli.commands[name]
    assert command.help and f"policydiff {name}" in README
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            assert parameter.help, f"{name} {parameter.opts} has no help"
            assert any(f"`{opt}" in README for opt in parameter.opts), f"{parameter.opts} missing from README"
