"""The cases of the sentence-level claim suite, tests/claims/*.yaml (format in
tests/claims/README.md), for tests/test_claims_suite.py and benchmarks/accuracy.py.

Plain Python and PyYAML, no pytest: the benchmark imports it as ``tests.claims_suite``
after putting the repository root on sys.path, as ``python -m pytest`` does.

A case is never refused here. What is wrong with one (an unknown key, a code that is not
scored, a text YAML read as a number, a file that is not YAML at all) is listed in its
``problems``, so that one bad case fails its own test and the suite's shape test instead
of stopping the whole test run at collection.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

SUITE = Path(__file__).resolve().parent / "claims"
# The codes the suite judges (CL401, the uncited statistic, is not one of them).
CLAIMS = ("CL301", "CL302", "CL303", "CL304")
SCORED = frozenset((*CLAIMS, "CL402"))
KEYS = ("text", "fire", "either", "why")
REQUIRED = ("text", "fire")


@dataclass(frozen=True)
class Case:
    """One case: ``text`` must report every code in ``fire`` and no other scored code,
    except those in ``either`` (reported or not, both are fine)."""

    file: str  # the file's name, such as "marketing.yaml"
    line: int  # 1-based line where the case starts
    text: str
    fire: frozenset[str] = frozenset()
    either: frozenset[str] = frozenset()
    why: str = ""
    problems: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}"

    def missing(self, reported: Iterable[str]) -> frozenset[str]:
        """The codes of ``fire`` that are not among the ``reported`` codes."""
        return self.fire - frozenset(reported)

    def unexpected(self, reported: Iterable[str]) -> frozenset[str]:
        """The scored codes among ``reported`` that the case neither wants nor allows."""
        return (frozenset(reported) & SCORED) - self.fire - self.either


def load_cases(folder: Path = SUITE) -> list[Case]:
    """Every case of every ``*.yaml`` file in ``folder``: files in name order, cases in
    file order."""
    cases: list[Case] = []
    for path in sorted(folder.glob("*.yaml")):
        cases.extend(load_file(path))
    return cases


def load_file(path: Path) -> list[Case]:
    name = path.name
    try:
        with path.open(encoding="utf-8") as stream:
            loader = yaml.SafeLoader(stream)
            try:
                root = loader.get_single_node()
                if root is None:  # an empty file (still being written): no cases
                    return []
                if not isinstance(root, yaml.SequenceNode):
                    problem = "the file must be a YAML list of cases (`- text: ...`)"
                    return [Case(name, root.start_mark.line + 1, "", problems=(problem,))]
                return [
                    _case(name, node.start_mark.line + 1, loader.construct_object(node, deep=True))
                    for node in root.value
                ]
            finally:
                loader.dispose()
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        message = " ".join(str(error).split())
        return [Case(name, line, "", problems=(f"cannot be read: {message}",))]


def _case(file: str, line: int, data: object) -> Case:
    if not isinstance(data, dict):
        problem = f"a case must be a mapping with `text` and `fire`, not {_shown(data)}"
        return Case(file, line, "", problems=(problem,))
    problems = [
        f"unknown key {key!r} (allowed: {', '.join(KEYS)})" for key in data if key not in KEYS
    ]
    problems += [f"no `{key}`" for key in REQUIRED if key not in data]
    text = data.get("text", "")
    if not isinstance(text, str) or not text.strip():
        problems.append(f"`text` must be a non-empty string, not {_shown(text)} (quote it)")
        text = ""
    why = data.get("why", "")
    if not isinstance(why, str):
        problems.append(f"`why` must be a string, not {_shown(why)} (quote it)")
        why = ""
    fire = _codes(data, "fire", problems)
    either = _codes(data, "either", problems)
    problems += [f"{code} is in both `fire` and `either`" for code in sorted(fire & either)]
    return Case(file, line, text, fire, either, why, tuple(problems))


def _codes(data: dict[object, object], key: str, problems: list[str]) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.append(f"`{key}` must be a list such as [] or [CL301], not {_shown(value)}")
        return frozenset()
    codes = frozenset(code for code in value if isinstance(code, str) and code in SCORED)
    problems += [
        f"`{key}`: {_shown(code)} is not a scored code ({', '.join(sorted(SCORED))})"
        for code in value
        if not (isinstance(code, str) and code in SCORED)
    ]
    return codes


def _shown(value: object) -> str:
    return f"{type(value).__name__} {value!r}" if value is not None else "nothing"
