from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from claimlint.config import (
    DEFAULT_EXCLUDE,
    DEFAULT_INCLUDE,
    Config,
    ConfigError,
    clear_cache,
    config_from_mapping,
    default_config,
    find_config,
    load_config,
    merge_cli,
)
from claimlint.resources import data_dir, load_schema

SELECTOR_HELP = (
    "is not a rule selector (a code such as CL301, a name such as absolute-efficacy-claim, "
    "a code prefix such as CL3, or ALL)"
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return str(caught.value)


# --- the schema ----------------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12_with_descriptions() -> None:
    schema = load_schema("config.schema.json")
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith("config.schema.json")
    assert schema["additionalProperties"] is False
    missing = [key for key, sub in schema["properties"].items() if "description" not in sub]
    assert missing == []
    assert (data_dir("schemas") / "config.schema.json").is_file()


# --- discovery -----------------------------------------------------------------------------


def test_finds_config_in_parent_from_a_file_in_a_child_folder(tmp_path: Path) -> None:
    config = write(tmp_path / ".claimlint.yaml", "ignore: [CL201]\n")
    article = write(tmp_path / "docs" / "health" / "article.md", "# Title\n")
    assert find_config(article) == config
    assert find_config(article.parent) == config


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    config = write(tmp_path / ".claimlint.yaml", "")
    write(tmp_path / "site" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config(tmp_path / "site" / "a.md") == config


def test_pyproject_with_table_is_found(tmp_path: Path) -> None:
    write(tmp_path / ".claimlint.yaml", "")
    pyproject = write(
        tmp_path / "site" / "pyproject.toml", "[tool.claimlint]\nignore = ['CL201']\n"
    )
    assert find_config(tmp_path / "site" / "a.md") == pyproject
    assert load_config(pyproject).ignore == ("CL201",)


def test_nearer_config_wins(tmp_path: Path) -> None:
    write(tmp_path / ".claimlint.yaml", "")
    nearer = write(tmp_path / "docs" / "claimlint.yaml", "")
    assert find_config(tmp_path / "docs" / "sub" / "a.md") == nearer
    assert find_config(tmp_path / "a.md") == tmp_path / ".claimlint.yaml"


def test_order_of_names_within_one_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.claimlint]\n")
    write(tmp_path / "claimlint.yaml", "")
    assert find_config(tmp_path) == tmp_path / "claimlint.yaml"
    write(tmp_path / ".claimlint.yml", "")
    clear_cache()
    assert find_config(tmp_path) == tmp_path / ".claimlint.yml"
    write(tmp_path / ".claimlint.yaml", "")
    clear_cache()
    assert find_config(tmp_path) == tmp_path / ".claimlint.yaml"


def test_broken_pyproject_is_found_only_when_it_names_the_table(tmp_path: Path) -> None:
    outer = write(tmp_path / ".claimlint.yaml", "")
    write(tmp_path / "a" / "pyproject.toml", "[tool.ruff\n")
    broken = write(tmp_path / "b" / "pyproject.toml", "[tool.claimlint]\nselect = [CL3]\n")
    assert find_config(tmp_path / "a") == outer
    assert find_config(tmp_path / "b") == broken
    assert error_of(broken) == f"{broken}: invalid TOML: Invalid value (at line 2, column 11)"


# --- loading -------------------------------------------------------------------------------


def test_empty_yaml_gives_defaults(tmp_path: Path) -> None:
    path = write(tmp_path / ".claimlint.yaml", "# nothing yet\n")
    config = load_config(path)
    assert config == Config(path=path, root=tmp_path)
    assert config.select is None
    assert config.exclude == DEFAULT_EXCLUDE
    assert config.include == DEFAULT_INCLUDE
    assert config.fail_on == "error"
    assert config.max_file_bytes == 5_000_000
    assert config.today is None
    assert default_config(tmp_path) == Config(path=None, root=tmp_path)


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / ".claimlint.yaml",
        """\
select: [CL1, CL3]
extend-select: [CL4]
ignore: [hype-language]
per-file-ignores:
  "**/drafts/*.md": [CL2, CL104]
  legacy/**: [ALL]
severity:
  CL304: error
  CL4: info
rules:
  CL104: {max-age-days: 365}
  missing-metadata: {required: [date, author]}
exclude: [archive]
extend-exclude: ["*.tmp.md"]
include: ["*.md"]
packs: [packs/house.yaml, ../shared/packs]
fail-on: warning
require-suppression-reason: true
max-file-bytes: 1000
aliases:
  date: [published, pubDate]
extra-metadata-keys: [audience]
today: 2024-05-01
""",
    )
    config = load_config(path)
    assert config.path == path
    assert config.root == tmp_path
    assert config.select == ("CL1", "CL3")
    assert config.extend_select == ("CL4",)
    assert config.ignore == ("hype-language",)
    assert config.per_file_ignores == (
        ("**/drafts/*.md", ("CL2", "CL104")),
        ("legacy/**", ("ALL",)),
    )
    assert config.severity == {"CL304": "error", "CL4": "info"}
    assert config.rule_options == {
        "CL104": {"max-age-days": 365},
        "missing-metadata": {"required": ["date", "author"]},
    }
    assert config.exclude == ("archive",)
    assert config.extend_exclude == ("*.tmp.md",)
    assert config.include == ("*.md",)
    assert config.packs == (tmp_path / "packs" / "house.yaml", tmp_path.parent / "shared" / "packs")
    assert config.fail_on == "warning"
    assert config.require_suppression_reason is True
    assert config.max_file_bytes == 1000
    assert config.aliases == {"date": ("published", "pubDate")}
    assert config.extra_metadata_keys == ("audience",)
    assert config.today == dt.date(2024, 5, 1)


def test_quoted_today_and_toml_date(tmp_path: Path) -> None:
    yaml_path = write(tmp_path / "y" / ".claimlint.yaml", "today: '2023-12-31'\n")
    toml_path = write(tmp_path / "t" / "pyproject.toml", "[tool.claimlint]\ntoday = 2023-12-31\n")
    assert load_config(yaml_path).today == dt.date(2023, 12, 31)
    assert load_config(toml_path).today == dt.date(2023, 12, 31)


def test_config_from_mapping(tmp_path: Path) -> None:
    config = config_from_mapping({"ignore": ("CL201",), "packs": [Path("extra.yaml")]}, tmp_path)
    assert config.path is None
    assert config.ignore == ("CL201",)
    assert config.packs == (tmp_path / "extra.yaml",)
    with pytest.raises(ConfigError) as caught:
        config_from_mapping({"fail-on": "fatal"}, tmp_path)
    assert (
        str(caught.value)
        == "<config>: 'fail-on': 'fatal' is not one of ['error', 'warning', 'info']"
    )


# --- validation errors ---------------------------------------------------------------------


def test_unknown_key_with_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path / ".claimlint.yaml", "selct: [CL3]\n")
    assert error_of(path) == f"{path}: unknown key 'selct' (did you mean 'select'?)"


def test_unknown_key_in_pyproject_names_the_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.claimlint]\nselct = ['CL3']\n")
    assert (
        error_of(path) == f"{path} [tool.claimlint]: unknown key 'selct' (did you mean 'select'?)"
    )


def test_snake_case_key_suggests_kebab_case(tmp_path: Path) -> None:
    path = write(tmp_path / ".claimlint.yaml", "fail_on: warning\n")
    assert error_of(path) == f"{path}: unknown key 'fail_on' (did you mean 'fail-on'?)"


def test_unknown_key_without_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path / ".claimlint.yaml", "zzz: 1\n")
    assert error_of(path) == f"{path}: unknown key 'zzz'"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("select: CL3\n", "'select': expected a list, got 'CL3'"),
        ("max-file-bytes: lots\n", "'max-file-bytes': expected a whole number, got 'lots'"),
        ("max-file-bytes: 0\n", "'max-file-bytes': 0 is less than the minimum of 1"),
        (
            "require-suppression-reason: 'yes'\n",
            "'require-suppression-reason': expected true or false, got 'yes'",
        ),
        ("severity: [CL3]\n", "'severity': expected a mapping, got ['CL3']"),
        ("fail-on: fatal\n", "'fail-on': 'fatal' is not one of ['error', 'warning', 'info']"),
        (
            "severity: {CL301: fatal}\n",
            "'severity'['CL301']: 'fatal' is not one of ['error', 'warning', 'info']",
        ),
        ("ignore: [CL201, CL_3]\n", f"'ignore'[1]: 'CL_3' {SELECTOR_HELP}"),
        ("severity: {Hype Language: info}\n", f"'severity': 'Hype Language' {SELECTOR_HELP}"),
        (
            "per-file-ignores: {legacy/**: CL3}\n",
            "'per-file-ignores'['legacy/**']: expected a list, got 'CL3'",
        ),
        ("today: 2024/05/01\n", "'today': '2024/05/01' is not a date in YYYY-MM-DD form"),
        ("today: '2024-02-30'\n", "'today': '2024-02-30' is not a valid date"),
        (
            "fail-on: fatal\nselect: CL3\n",
            "'fail-on': 'fatal' is not one of ['error', 'warning', 'info'] (and 1 more problem)",
        ),
        ("- CL3\n", "the config must be a mapping of keys to values, not a list"),
    ],
)
def test_invalid_values(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / ".claimlint.yaml", text)
    assert error_of(path) == f"{path}: {message}"


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / ".claimlint.yaml", "select: [CL3\nignore: [CL4]\n")
    assert error_of(path) == f"{path}: invalid YAML (line 2): expected ',' or ']', but got ':'"


def test_pyproject_given_explicitly_without_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'site'\n")
    assert error_of(path) == f"{path}: there is no [tool.claimlint] table"


# --- extend --------------------------------------------------------------------------------


def test_extend_overlays_the_base(tmp_path: Path) -> None:
    write(
        tmp_path / "shared" / "base.yaml",
        """\
extend-select: [CL4]
ignore: [CL201]
include: ["*.md", "*.txt"]
extend-exclude: [archive]
packs: [packs/org.yaml]
severity: {CL304: error, CL401: info}
rules:
  CL104: {max-age-days: 365, field: updated}
fail-on: warning
""",
    )
    child = write(
        tmp_path / "site" / ".claimlint.yaml",
        """\
extend: ../shared/base.yaml
extend-select: [CL5]
ignore: [CL304]
include: ["*.mdx"]
extend-exclude: [tmp]
packs: [packs/site.yaml]
severity: {CL304: warning}
rules:
  CL104: {max-age-days: 730}
""",
    )
    config = load_config(child)
    assert config.root == tmp_path / "site"
    assert config.extend_select == ("CL4", "CL5")
    assert config.ignore == ("CL201", "CL304")
    assert config.include == ("*.mdx",)
    assert config.extend_exclude == ("archive", "tmp")
    assert config.packs == (
        tmp_path / "shared" / "packs" / "org.yaml",
        tmp_path / "site" / "packs" / "site.yaml",
    )
    assert config.severity == {"CL304": "warning", "CL401": "info"}
    assert config.rule_options == {"CL104": {"max-age-days": 730, "field": "updated"}}
    assert config.fail_on == "warning"


def test_select_in_the_child_starts_selection_afresh(tmp_path: Path) -> None:
    write(tmp_path / "base.yaml", "select: [CL1]\nextend-select: [CL4]\nignore: [CL201]\n")
    child = write(tmp_path / ".claimlint.yaml", "extend: base.yaml\nselect: [CL2, CL3]\n")
    config = load_config(child)
    assert (config.select, config.extend_select, config.ignore) == (("CL2", "CL3"), (), ())


def test_extend_chain_of_three_and_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "ignore: [CL1]\n")
    write(tmp_path / "b.yaml", "extend: a.yaml\nignore: [CL2]\n")
    pyproject = write(
        tmp_path / "pyproject.toml", "[tool.claimlint]\nextend = 'b.yaml'\nignore = ['CL3']\n"
    )
    assert load_config(pyproject).ignore == ("CL1", "CL2", "CL3")


def test_extend_cycle(tmp_path: Path) -> None:
    first = write(tmp_path / "a.yaml", "extend: b.yaml\n")
    second = write(tmp_path / "b.yaml", "extend: a.yaml\n")
    real = tmp_path.resolve()
    assert error_of(first) == (
        f"{second}: 'extend': the configs extend each other in a cycle: "
        f"{real / 'a.yaml'} -> {real / 'b.yaml'} -> {real / 'a.yaml'}"
    )


def test_extend_itself(tmp_path: Path) -> None:
    path = write(tmp_path / ".claimlint.yaml", "extend: .claimlint.yaml\n")
    assert "in a cycle" in error_of(path)


def test_extend_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path / ".claimlint.yaml", "extend: nowhere.yaml\n")
    assert error_of(path) == f"{path}: 'extend': no such file: {tmp_path / 'nowhere.yaml'}"


def test_errors_in_the_base_name_the_base(tmp_path: Path) -> None:
    base = write(tmp_path / "base.yaml", "fail-on: fatal\n")
    child = write(tmp_path / ".claimlint.yaml", "extend: base.yaml\n")
    assert (
        error_of(child) == f"{base}: 'fail-on': 'fatal' is not one of ['error', 'warning', 'info']"
    )


# --- the command line ----------------------------------------------------------------------


def base_config(**values: Any) -> Config:
    return Config(path=None, root=Path("/project"), **values)


def test_cli_select_replaces_the_file_selection() -> None:
    config = base_config(select=("CL1",), extend_select=("CL4",), ignore=("CL201",))
    merged = merge_cli(config, select=["CL201"], ignore=["CL202"])
    assert (merged.select, merged.extend_select, merged.ignore) == (("CL201",), (), ("CL202",))


def test_cli_extend_select_and_ignore_add_to_the_file() -> None:
    config = base_config(extend_select=("CL4",), ignore=("CL201",))
    merged = merge_cli(config, extend_select=["CL5"], ignore=["CL304", "CL201"])
    assert merged.select is None
    assert merged.extend_select == ("CL4", "CL5")
    assert merged.ignore == ("CL201", "CL304")


def test_cli_scalars_override() -> None:
    config = base_config(fail_on="warning", today=dt.date(2020, 1, 1))
    merged = merge_cli(config, fail_on="info", today=dt.date(2024, 1, 1), max_file_bytes=10)
    assert (merged.fail_on, merged.today, merged.max_file_bytes) == (
        "info",
        dt.date(2024, 1, 1),
        10,
    )
    assert config.fail_on == "warning"


def test_cli_without_values_returns_the_same_config() -> None:
    config = base_config(ignore=("CL201",))
    assert merge_cli(config) is config
    assert merge_cli(config, fail_on="error") is config


# --- exclude and per-file-ignores ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "excluded"),
    [
        ("node_modules/pkg/README.md", True),
        ("docs/.git/HEAD", True),
        (".venv", True),
        ("build/a.md", True),
        ("docs/build.md", False),
        ("docs/a.md", False),
        ("distribution/a.md", False),
    ],
)
def test_default_exclude(tmp_path: Path, path: str, excluded: bool) -> None:
    assert default_config(tmp_path).is_excluded(tmp_path / path) is excluded


@pytest.mark.parametrize(
    ("path", "excluded"),
    [
        ("legacy", True),
        ("legacy/a.md", True),
        ("legacy/2019/b.md", True),
        ("docs/legacy/a.md", False),
        ("legacy.md", False),
        ("notes/x.tmp.md", True),
        ("notes/x.md", False),
        ("node_modules/a.md", False),  # exclude replaces the defaults
        ("docs/private/a.md", True),
        ("private/a.md", False),
    ],
)
def test_exclude_globs(tmp_path: Path, path: str, excluded: bool) -> None:
    config = Config(
        root=tmp_path, exclude=("legacy/**", "docs/private"), extend_exclude=("*.tmp.md",)
    )
    assert config.is_excluded(tmp_path / path) is excluded


def test_paths_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Config(root=tmp_path, exclude=("legacy/**",))
    monkeypatch.chdir(tmp_path)
    assert config.is_excluded(Path("legacy/a.md"))
    assert config.is_excluded(Path("./legacy/a.md"))
    assert not config.is_excluded(Path("."))
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    assert config.is_excluded(Path("../legacy/a.md"))
    assert not config.is_excluded(Path("a.md"))


def test_paths_outside_the_root_match_only_name_globs(tmp_path: Path) -> None:
    config = Config(root=tmp_path / "site", exclude=("legacy/**", "node_modules"))
    assert not config.is_excluded(tmp_path / "legacy" / "a.md")
    assert config.is_excluded(tmp_path / "node_modules" / "a.md")


@pytest.mark.parametrize(
    ("path", "ignored"),
    [
        ("drafts/a.md", ("CL2", "CL104")),
        ("blog/2024/drafts/a.md", ("CL2", "CL104")),
        ("drafts/old/a.md", ()),
        ("drafts/a.txt", ()),
        ("mydrafts/a.md", ()),
        ("legacy/drafts/a.md", ("CL2", "CL104", "ALL")),
        ("legacy/a.md", ("ALL", "CL2")),
        ("README.md", ("CL201",)),
        ("docs/README.md", ("CL201",)),
        ("docs/page-1.md", ("CL5",)),
        ("docs/page-a.md", ()),
        ("docs/page-12.md", ()),
    ],
)
def test_per_file_ignores(tmp_path: Path, path: str, ignored: tuple[str, ...]) -> None:
    config = Config(
        root=tmp_path,
        per_file_ignores=(
            ("**/drafts/*.md", ("CL2", "CL104")),
            ("legacy/**", ("ALL", "CL2")),
            ("README.md", ("CL201",)),
            ("docs/page-[0-9].md", ("CL5",)),
        ),
    )
    assert config.ignored_for(tmp_path / path) == ignored


def test_per_file_ignores_from_a_file(tmp_path: Path) -> None:
    path = write(tmp_path / ".claimlint.yaml", "per-file-ignores:\n  '**/drafts/*.md': [CL2]\n")
    config = load_config(path)
    assert config.ignored_for(tmp_path / "blog" / "drafts" / "a.md") == ("CL2",)
    assert config.ignored_for(tmp_path / "blog" / "a.md") == ()


@pytest.mark.parametrize(
    ("glob", "path", "matched"),
    [
        ("docs/?.md", "docs/a.md", True),
        ("docs/?.md", "docs/ab.md", False),
        ("docs/[!a].md", "docs/b.md", True),
        ("docs/[!a].md", "docs/a.md", False),
        ("docs/**/*.md", "docs/a.md", True),
        ("docs/**/*.md", "docs/x/y/a.md", True),
        ("docs/*.md", "docs/x/a.md", False),
        ("/docs/*.md", "docs/a.md", True),
        ("./docs/*.md", "docs/a.md", True),
        ("**", "any/thing.md", True),
        ("a+b(1).md", "a+b(1).md", True),
    ],
)
def test_glob_syntax(tmp_path: Path, glob: str, path: str, matched: bool) -> None:
    assert Config(root=tmp_path, exclude=(glob,)).is_excluded(tmp_path / path) is matched
