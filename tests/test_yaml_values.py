"""YAML values that PyYAML's safe constructors cannot build are YAML errors at their line
(CL105 in front matter, a config error in a config), never an exception out of the run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from claimlint import safeyaml
from claimlint.cli import main
from claimlint.document.metadata import parse_front_matter

CASES = [
    ("!!int", "invalid value for !!int: ''"),
    ("!!float", "invalid value for !!float: ''"),
    ("!!bool", "invalid value for !!bool: ''"),
    ("!!timestamp x", "invalid value for !!timestamp: 'x'"),
    ("2026-13-45", "invalid value: month must be in 1..12"),
]


@pytest.mark.parametrize(("value", "problem"), CASES)
def test_front_matter_values_that_cannot_be_built_are_cl105(value: str, problem: str) -> None:
    """`title: !!int` raised IndexError out of PyYAML and stopped the whole run."""
    front = parse_front_matter(f"---\ntitle: {value}\n---\nBody.\n")
    assert [e.message for e in front.errors] == [
        f"invalid YAML front matter: {problem} (front matter line 1)"
    ]
    with pytest.raises(yaml.YAMLError, match=re.escape(problem)):
        safeyaml.load(f"select: {value}\n")


def test_the_run_goes_on_past_such_a_file(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (isolated / "a.md").write_text("---\ntitle: !!int\n---\nThis tea cures colds.\n")
    (isolated / "b.md").write_text("This tea cures colds.\n")
    assert main(["check", ".", "--no-cache", "--format", "concise", "--select", "CL105,CL301"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "a.md:2:1: CL105 [unparseable-metadata] invalid YAML front matter: "
        "invalid value for !!int: '' (front matter line 1)",
        "a.md:4:10: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source",
        "b.md:1:10: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source",
        "Found 3 problems (3 errors) in 2 of 2 files.",
    ]


def test_a_config_with_such_a_value_is_a_config_error(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (isolated / "claimlint.yaml").write_text("select: !!int\n")
    (isolated / "a.md").write_text("Walking helps.\n")
    assert main(["check", "a.md", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "invalid value for !!int: ''" in err and "Traceback" not in err
