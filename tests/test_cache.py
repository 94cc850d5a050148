"""The result cache: hits, misses on every input of the key, --no-cache, clean, corrupt
entries, no spaCy on a cached run, nothing written beside the linted files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import claimlint.cache
import claimlint.runner
from claimlint.cache import Cache
from claimlint.cli import main
from claimlint.config import clear_cache
from claimlint.packs import builtin_pack_files, load_pack, validate_pack

BAD = "---\nslug: a\ndate: 2026-01-01\nauthor: Dana\n---\n\nThis diet cures diabetes.\n\nNot medical advice.\n"
CURES = (
    "bad.md:7:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n"
)


class Counting:
    """Wraps linter.lint as the runner calls it, counting the files actually linted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = claimlint.runner.lint

        def lint(*args: object, **kwargs: object) -> object:
            self.calls += 1
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(claimlint.runner, "lint", lint)


@pytest.fixture
def linted(monkeypatch: pytest.MonkeyPatch) -> Counting:
    return Counting(monkeypatch)


@pytest.fixture
def folder(isolated: Path) -> Path:
    (isolated / "bad.md").write_text(BAD, encoding="utf-8")
    return isolated


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args, "--format", "concise", "-q", "--today", "2026-11-22"])
    return code, capsys.readouterr().out


def entries(root: Path) -> list[Path]:
    return sorted(root.glob("v1/??/*.json"))


def test_a_rerun_of_unchanged_files_is_answered_from_the_cache(
    folder: Path, linted: Counting, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(capsys, "bad.md") == (1, CURES)
    assert linted.calls == 1
    assert len(entries(folder / ".claimlint_cache")) == 1
    assert check(capsys, "bad.md") == (1, CURES)
    assert linted.calls == 1  # the second run linted nothing


def test_changed_content_is_linted_again(
    folder: Path, linted: Counting, capsys: pytest.CaptureFixture[str]
) -> None:
    check(capsys, "bad.md")
    (folder / "bad.md").write_text(BAD.replace("cures", "may help with"), encoding="utf-8")
    assert check(capsys, "bad.md") == (0, "")
    assert linted.calls == 2


def test_changed_config_options_day_and_suppression_mode_miss(
    folder: Path, linted: Counting, capsys: pytest.CaptureFixture[str]
) -> None:
    check(capsys, "bad.md")
    (folder / ".claimlint.yaml").write_text("ignore: [CL301]\n", encoding="utf-8")
    clear_cache()  # config discovery is memoised per process
    assert check(capsys, "bad.md") == (0, "")
    assert linted.calls == 2
    (folder / ".claimlint.yaml").unlink()
    clear_cache()
    assert check(capsys, "bad.md", "--select", "CL4") == (0, "")
    assert linted.calls == 3
    main(["check", "bad.md", "-q", "--today", "2026-11-23"])
    assert linted.calls == 4
    capsys.readouterr()


def test_suppression_comments_and_audit_mode_are_both_honoured(
    folder: Path, linted: Counting, capsys: pytest.CaptureFixture[str]
) -> None:
    suppressed = BAD.replace("This diet", "<!-- claimlint-disable-next-line CL301 -->\nThis diet")
    (folder / "bad.md").write_text(suppressed, encoding="utf-8")
    for _ in range(2):  # a cold run, then a cached one
        assert check(capsys, "bad.md") == (0, "")
        code, out = check(capsys, "bad.md", "--no-inline-suppressions")
        assert (code, out) == (1, CURES.replace(":7:", ":8:"))
    assert linted.calls == 2


def test_a_changed_pack_misses(
    folder: Path, linted: Counting, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = folder / "house.yaml"
    rule = (
        "pack: house\nrules:\n- code: CL901\n  name: house-word\n  kind: claim\n"
        "  severity: warning\n  summary: A word the house style avoids.\n"
        "  message: avoid '{text}'\n  options:\n    phrases: [{word}]\n"
    )
    pack.write_text(rule.replace("{word}", "diet"), encoding="utf-8")
    (folder / ".claimlint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    assert "CL901 [house-word] avoid 'diet'" in check(capsys, "bad.md")[1]
    pack.write_text(rule.replace("{word}", "diabetes"), encoding="utf-8")
    assert "CL901 [house-word] avoid 'diabetes'" in check(capsys, "bad.md")[1]
    assert linted.calls == 2


def test_a_new_version_misses(
    folder: Path,
    linted: Counting,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    check(capsys, "bad.md")
    monkeypatch.setattr(claimlint.cache, "__version__", "999.0.0")
    assert check(capsys, "bad.md") == (1, CURES)
    assert linted.calls == 2


def test_no_cache_neither_reads_nor_writes(
    folder: Path, linted: Counting, capsys: pytest.CaptureFixture[str]
) -> None:
    check(capsys, "bad.md", "--no-cache")
    check(capsys, "bad.md", "--no-cache")
    assert linted.calls == 2
    assert not (folder / ".claimlint_cache").exists()


def test_cache_dir_and_clean(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check(capsys, "bad.md", "--cache-dir", "elsewhere/cache")
    assert not (folder / ".claimlint_cache").exists()
    root = folder / "elsewhere" / "cache"
    assert len(entries(root)) == 1
    assert (root / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172")
    assert main(["clean", "--cache-dir", str(root)]) == 0
    assert capsys.readouterr().out == f"removed {root}\n"
    assert not root.exists()
    assert main(["clean"]) == 0
    assert capsys.readouterr().out == "no cache at .claimlint_cache\n"


def test_clean_refuses_a_folder_that_is_not_a_cache(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", "--cache-dir", "."]) == 2
    assert capsys.readouterr().err == (
        "claimlint: error: . is not a claimlint cache folder (it has no CACHEDIR.TAG)\n"
    )
    assert (folder / "bad.md").exists()


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b'{"diagnostics": [["bad.md", "seven"]]}',
        b'{"diagnostics": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]]}',
        b'{"diagnostics": 5}',
        b"[]",
    ],
)
def test_a_corrupt_entry_is_a_miss(
    folder: Path, linted: Counting, capsys: pytest.CaptureFixture[str], damage: bytes
) -> None:
    check(capsys, "bad.md")
    [entry] = entries(folder / ".claimlint_cache")
    entry.write_bytes(damage)
    assert check(capsys, "bad.md") == (1, CURES)
    assert linted.calls == 2
    assert json.loads(entry.read_bytes())["diagnostics"][0][0] == "bad.md"  # rewritten


def test_an_internal_error_is_never_cached(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimlint.kinds import KINDS, Kind

    def broken(*args: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setitem(KINDS, "claim", Kind(KINDS["claim"].prepare, broken, ""))
    code, out = check(capsys, "bad.md")
    assert code == 2 and "CL002" in out
    assert entries(folder / ".claimlint_cache") == []


def test_nothing_but_the_cache_folder_is_written_beside_the_linted_files(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "two.md").write_text(BAD, encoding="utf-8")
    before = {p.relative_to(folder) for p in folder.rglob("*")}
    check(capsys, ".")
    check(capsys, ".")
    after = {p.relative_to(folder) for p in folder.rglob("*")}
    assert {p.parts[0] for p in after - before} == {".claimlint_cache"}
    outside = folder / "sub"
    check(capsys, str(outside), "--cache-dir", str(folder / ".claimlint_cache"))
    assert sorted(p.name for p in outside.iterdir()) == ["two.md"]


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_a_fully_cached_run_imports_neither_spacy_nor_jsonschema(folder: Path) -> None:
    code = (
        "import sys\n"
        "from claimlint.cli import main\n"
        "status = main(['check', 'bad.md', '--today', '2026-11-22', '-q'])\n"
        "print(status, 'spacy' in sys.modules, 'jsonschema' in sys.modules)\n"
    )
    first = run_python(code, folder)
    assert first.stdout.splitlines()[-1] == "1 True True", first.stderr
    second = run_python(code, folder)
    assert second.stdout.splitlines()[-1] == "1 False False", second.stderr


def test_two_runs_sharing_a_cache_at_once(folder: Path) -> None:
    for index in range(20):
        (folder / f"a{index}.md").write_text(BAD + f"\nNote {index}.\n", encoding="utf-8")
    command = [sys.executable, "-m", "claimlint", "check", ".", "--today", "2026-11-22"]
    command += ["--format", "concise", "-q"]
    runs = [
        subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = [run.communicate()[0] for run in runs]
    assert outputs[0] == outputs[1]
    assert outputs[0].count("CL301") == 21
    root = folder / ".claimlint_cache"
    assert len(entries(root)) == 21
    assert [p for p in root.rglob("*") if p.name.endswith(".tmp")] == []


def test_builtin_packs_pass_schema_validation() -> None:
    # Runs skip validating a pack whose content already passed; this is where the
    # built-in packs themselves are validated.
    for path in builtin_pack_files():
        validate_pack(load_pack(path), path)


def test_an_invalid_pack_is_reported_on_every_run(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "house.yaml").write_text("pack: house\nrules: 5\n", encoding="utf-8")
    (folder / ".claimlint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    for _ in range(2):
        assert main(["check", "bad.md", "-q"]) == 2
        assert "house.yaml: $.rules: 5 is not of type 'array'" in capsys.readouterr().err


def test_cache_folder_is_not_linted(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = folder / ".claimlint_cache"
    check(capsys, ".")
    (root / "stray.md").write_text(BAD, encoding="utf-8")
    assert check(capsys, ".") == (1, CURES)


def test_cache_api_round_trip(tmp_path: Path) -> None:
    from claimlint.api import lint_text

    found = tuple(lint_text(BAD, "bad.md", config={}))
    cache = Cache(tmp_path / "c")
    cache.put("ab" * 20, found)
    assert cache.get("ab" * 20) == found
    assert [d.source_line for d in cache.get("ab" * 20) or ()] == [d.source_line for d in found]
    assert cache.get("cd" * 20) is None
