"""Pack loading: schema validation errors name the file, the rule and the JSON path."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.linter import build_plan
from claimlint.packs import PackError, builtin_pack_files, load_pack, load_rules

RULE = "  - code: XX100\n    name: x-rule\n    kind: claim\n    severity: error\n    summary: s\n    message: m\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_packs_are_valid_and_complete() -> None:
    names = sorted(path.stem for path in builtin_pack_files())
    assert names == ["claims", "disclaimer", "engine", "metadata", "references", "statistics"]
    codes = [rule.code for rule in load_rules().rules]
    assert codes == [
        "CL001",
        "CL002",
        "CL003",
        "CL004",
        "CL101",
        "CL102",
        "CL103",
        "CL104",
        "CL105",
        "CL201",
        "CL301",
        "CL302",
        "CL303",
        "CL304",
        "CL401",
        "CL402",
        "CL403",
        "CL501",
        "CL502",
        "CL503",
        "CL504",
        "CL505",
        "CL506",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "pack: p\nrules:\n" + RULE.replace("severity: error", "severity: fatal"),
            "rule XX100: $.rules[0].severity: 'fatal' is not one of ['error', 'warning', 'info']",
        ),
        (
            "pack: p\nrules:\n" + RULE.replace("code: XX100", "code: 301"),
            "rule 301: $.rules[0].code: 301 is not of type 'string'",
        ),
        (
            "pack: p\nrules:\n" + RULE + "    options:\n      patterns: 'x'\n",
            "rule XX100: $.rules[0].options.patterns: 'x' is not of type 'array'",
        ),
        (
            "pack: p\nrules:\n" + RULE + "    colour: red\n",
            "rule XX100: $.rules[0]: Additional properties are not allowed ('colour' was unexpected)",
        ),
        ("rules: []\n", "$: 'pack' is a required property"),
        (
            "pack: p\nrules: [\n",
            "invalid YAML (line 3): expected the node content, but found '<stream end>'",
        ),
    ],
)
def test_schema_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PackError) as error:
        load_pack(path)
    assert str(error.value) == f"{path}: {message}"


def test_unknown_kind_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "pack: p\nrules:\n" + RULE.replace("kind: claim", "kind: telepathy"))
    with pytest.raises(PackError, match=r"rule XX100: unknown kind 'telepathy' \(known: .*claim"):
        build_plan(load_rules([path]))


def test_duplicate_code_in_one_pack(tmp_path: Path) -> None:
    path = write(tmp_path, "pack: p\nrules:\n" + RULE + RULE.replace("x-rule", "y-rule"))
    with pytest.raises(PackError, match="rule XX100: the code is defined twice in this pack"):
        load_rules([path])


def test_duplicate_name_across_packs(tmp_path: Path) -> None:
    path = write(tmp_path, "pack: p\nrules:\n" + RULE.replace("x-rule", "absolute-efficacy-claim"))
    with pytest.raises(
        PackError, match="the name 'absolute-efficacy-claim' is already used by CL301"
    ):
        load_rules([path])


def test_a_user_pack_replaces_a_builtin_rule_and_extends_settings(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "pack: mine\nsettings:\n  hedge-cues: [arguably]\nrules:\n"
        + RULE.replace("XX100", "CL304").replace("x-rule", "hype-language"),
    )
    ruleset = load_rules([path])
    assert ruleset.by_code()["CL304"].pack == "mine"
    assert "arguably" in ruleset.settings["hedge-cues"] and "may" in ruleset.settings["hedge-cues"]
