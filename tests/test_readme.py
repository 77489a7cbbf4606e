"""The README is the manual: its first lines work, and it names every command and option."""

import argparse
from pathlib import Path

from auditor.cli import build_parser as auditor_parser
from cosecha.cli import build_parser as cosecha_parser

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def long_options(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings
            if option.startswith("--") and option not in ("--help", "--version")}


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return action.choices


def test_every_cosecha_option_is_in_the_readme():
    assert {o for o in long_options(cosecha_parser()) if o not in README} == set()


def test_every_auditor_command_and_option_is_in_the_readme():
    for name, sub in subcommands(auditor_parser()).items():
        assert f"auditor {name}" in README
        assert {o for o in long_options(sub) if o not in README} == set(), name


def test_the_first_two_lines_are_the_install_commands():
    commands = [line.strip() for line in README.splitlines() if line.startswith("    ")][:2]
    assert "ejemplos/" in commands[0] and "pip install" in commands[0]
    assert "pytest" in commands[1] and "[test]" in commands[1]
    assert commands[1] in (Path(__file__).parent.parent / ".ci" / "run").read_text()
