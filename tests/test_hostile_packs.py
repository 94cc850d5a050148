"""Hostile packs and configs (issue 6): a pull request may bring its own. Each is linear
in time (RE2) or a clear error with exit status 2; never a traceback, never a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.cli import main

LAUGHS = "".join(
    f"  {name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['x'] * 9)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=True)
)  # 9**8 = 43 million strings once expanded
RULE = (
    "  - code: XX100\n    name: x-rule\n    kind: claim\n    severity: error\n"
    "    summary: s\n    message: 'x {text}'\n    options:\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([*args, "--today", "2026-11-22", "--no-cache", "--format", "concise", "-q"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def folder(isolated: Path) -> Path:
    (isolated / "a.md").write_text("This tea cures colds. " + "a" * 30_000 + "b\n", "utf-8")
    return isolated


def with_pack(folder: Path, text: str) -> list[str]:
    (folder / "pack.yaml").write_text(text, encoding="utf-8")
    (folder / "config.yaml").write_text("packs: [pack.yaml]\n", encoding="utf-8")
    return ["check", "a.md", "--config", "config.yaml"]


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|aa)+$", "(a*)*c$", "(x+x+)+y", "(a|a)+c"])
def test_catastrophic_patterns_run_in_linear_time(
    folder: Path, capsys: pytest.CaptureFixture[str], pattern: str
) -> None:
    """Each would take ages in a backtracking engine on 30,000 'a's; RE2 is linear."""
    args = with_pack(folder, f"pack: p\nrules:\n{RULE}      patterns: ['{pattern}']\n")
    assert run([*args, "--select", "XX100"], capsys) == (0, "", "")


def test_catastrophic_pattern_in_settings(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = with_pack(folder, "pack: p\nsettings:\n  named-source-patterns: ['(a+)+$']\nrules: []\n")
    assert run([*args, "--select", "CL301"], capsys) == (
        1,
        "a.md:1:10: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n",
        "",
    )


def test_an_enormous_word_list(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = "".join(f"      - word{i} phrase{i}\n" for i in range(40_000))
    text = f"pack: p\nrules:\n{RULE}      phrases:\n{words}      - cures colds\n"
    args = with_pack(folder, text)
    assert run([*args, "--select", "XX100"], capsys) == (
        1,
        "a.md:1:10: XX100 [x-rule] x cures colds\n",
        "",
    )


def test_a_pack_over_the_size_limit(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = with_pack(folder, "pack: p\nrules: []\n# " + "x" * 5_000_000 + "\n")
    code, out, err = run(args, capsys)
    assert (code, out) == (2, "")
    assert (
        err == f"claimlint: error: {folder / 'pack.yaml'}: the pack is larger than 5000000 bytes\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            f"pack: p\nsettings:\n{LAUGHS}rules: []\n",
            "invalid YAML (line 4): aliases (*name) are not allowed",
        ),
        (
            "pack: p\nrules: " + "[" * 20_000 + "]" * 20_000 + "\n",
            "invalid YAML (line 2): nested more than 100 levels deep",
        ),
        (
            "pack: p\nrules: " + "[" * 20_000 + "\n",
            "invalid YAML (line 2): nested more than 100 levels deep",
        ),
        (
            "pack: !!python/object/apply:os.system ['echo pwned']\nrules: []\n",
            "invalid YAML (line 1): could not determine a constructor for the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system'",
        ),
        (
            "pack: p\nrules:\n"
            + RULE.replace("kind: claim", "kind: telepathy")
            + "      phrases: [x]\n",
            "",
        ),
        ("pack: p\nrules: {a: 1}\n", "$.rules: {'a': 1} is not of type 'array'"),
        ("pack: p\nrules: []\n\xff\n", ""),
    ],
    ids=[
        "billion laughs",
        "deep nesting",
        "unclosed nesting",
        "python tag",
        "unknown kind",
        "schema",
        "not UTF-8",
    ],
)
def test_broken_or_hostile_packs_are_exit_2(
    folder: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    path = folder / "pack.yaml"
    args = with_pack(folder, text)
    if text.endswith("\xff\n"):
        path.write_bytes(text.encode("latin-1"))
        message = "the pack is not UTF-8 text"
    if "telepathy" in text:
        message = "rule XX100: unknown kind 'telepathy'"
    code, out, err = run(args, capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"claimlint: error: {path}: {message}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"rules:\n{LAUGHS}", "invalid YAML (line 3): aliases (*name) are not allowed"),
        (
            "select: " + "[" * 20_000 + "]" * 20_000 + "\n",
            "invalid YAML (line 1): nested more than 100 levels deep",
        ),
        (
            "select: !!python/object/apply:os.system ['echo pwned']\n",
            "invalid YAML (line 1): could not determine a constructor for the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system'",
        ),
        ("ignore: ['(a+)+$']\n", "'ignore'[0]: '(a+)+$' is not a rule selector"),
    ],
    ids=["billion laughs", "deep nesting", "python tag", "bad selector"],
)
def test_broken_or_hostile_configs_are_exit_2(
    folder: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (folder / ".claimlint.yaml").write_text(text, encoding="utf-8")
    code, out, err = run(["check", "a.md"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"claimlint: error: {folder / '.claimlint.yaml'}: {message}"), err


def test_deep_toml_config_is_exit_2(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "pyproject.toml").write_text(
        "[tool.claimlint]\nselect = " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8"
    )
    code, out, err = run(["check", "a.md"], capsys)
    assert (code, out) == (2, "")
    assert (
        err == f"claimlint: error: {folder / 'pyproject.toml'}: invalid TOML: nested too deeply\n"
    )
