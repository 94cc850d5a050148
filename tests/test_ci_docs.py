"""docs/ci.md stays true: its YAML parses, its commands use real flags, its examples validate."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from claimlint.cli import build_parser
from claimlint.resources import load_schema

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", DOC, re.MULTILINE | re.DOTALL)


def check_flags() -> set[str]:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    check = commands.choices["check"]  # type: ignore[index]
    return {flag for action in check._actions for flag in action.option_strings}


def test_yaml_blocks_parse() -> None:
    found = blocks("yaml")
    assert len(found) == 5
    for block in found:
        assert yaml.safe_load(block) is not None


def test_hook_id_is_the_one_this_repository_provides() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    snippet = yaml.safe_load(blocks("yaml")[0])
    assert [h["id"] for h in snippet["repos"][0]["hooks"]] == [h["id"] for h in hooks]
    assert hooks[0]["entry"] == "claimlint check"


def test_commands_use_real_flags() -> None:
    known = check_flags()
    commands = re.findall(r"claimlint check [^`\n]*(?:\n +--[^\n]*)?", DOC)
    assert len(commands) >= 7
    used = set()
    for command in commands:
        for word in shlex.split(command.replace("\n", " "), comments=True):
            if word.startswith("--"):
                used.add(word.split("=")[0])
    assert used <= known, used - known
    assert {"--baseline", "--write-baseline", "--diff", "--diff-lines", "--format"} <= used


def test_baseline_example_is_valid() -> None:
    (example,) = blocks("json")
    Draft202012Validator(load_schema("baseline.schema.json")).validate(json.loads(example))


README = (ROOT / "README.md").read_text(encoding="utf-8")
README_SECTION = README.split("## Pre-commit and CI", 1)[1].split("\n## ", 1)[0]


def test_readme_ci_examples_parse_and_use_real_flags() -> None:
    found = re.findall(r"^```yaml\n(.*?)^```$", README_SECTION, re.MULTILINE | re.DOTALL)
    parsed = [yaml.safe_load(block) for block in found]
    assert [list(p) for p in parsed] == [
        ["repos"],
        ["name", True, "permissions", "jobs"],  # YAML 1.1 reads the key `on` as True
        ["claimlint"],
    ]
    known = check_flags()
    commands = re.findall(r"claimlint check [^`\n]*(?:\n +--[^\n]*)?", README_SECTION)
    used = {
        word.split("=")[0]
        for command in commands
        for word in shlex.split(command.replace("\n", " "), comments=True)
        if word.startswith("--")
    }
    assert used <= known, used - known
    assert {"--format", "--output", "--diff", "--diff-lines", "--baseline"} <= used
