"""Output formats: exact text for the human and GitHub formats, schemas for the rest."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from junitparser import JUnitXml

from claimlint import __version__
from claimlint.diagnostics import Diagnostic, RuleInfo, Severity
from claimlint.formatters import FORMATTERS
from claimlint.formatters.github import escape_property
from claimlint.formatters.rdjson import byte_column
from claimlint.formatters.sarif import artifact_uri
from claimlint.formatters.snippet import Snippet, snippet

REPO = Path(__file__).parents[1]
SCHEMA_PATH = REPO / "schemas" / "diagnostics.schema.json"
# shared/ sits beside the repository (a developer's work tree and CI's clone alike).
SARIF_SCHEMA_PATH = REPO.parent / "shared" / "vendor" / "sarif-schema-2.1.0.json"

# Sorted by path, as the CLI hands them over. The warning's path has a comma and a colon,
# its message a CRLF line break and a %, its source line a tab and a non-ASCII letter.
WARNING = Diagnostic(
    path="docs/a,b:c.md",
    line=3,
    column=12,
    end_line=3,
    end_column=15,
    code="CL401",
    name="unsourced-statistic",
    severity=Severity.WARNING,
    message='Statistic "50%" has no source\r\nCite the study.',
    pack="statistics",
    text="50%",
    context="Café: cut 50% of risk.",
    source_line="\tCafé: cut 50% of risk.\n",
)
INFO = Diagnostic(
    path="docs/blob.bin",
    line=1,
    column=1,
    end_line=1,
    end_column=1,
    code="CL001",
    name="unreadable-file",
    severity=Severity.INFO,
    message="The file could not be decoded",
    pack="engine",
)
ERROR = Diagnostic(
    path="docs/diet.md",
    line=12,
    column=11,
    end_line=12,
    end_column=16,
    code="CL301",
    name="absolute-efficacy-claim",
    severity=Severity.ERROR,
    message="This diet cures type 2 diabetes: an absolute efficacy claim with no source",
    suggestion='Say "may help" and cite a trial.',
    pack="claims",
    text="cures",
    context="This diet cures type 2 diabetes.",
    source_line="This diet cures type 2 diabetes.",
)
WIDE = Diagnostic(
    path="docs/zh.md",
    line=5,
    column=5,
    end_line=5,
    end_column=7,
    code="CL301",
    name="absolute-efficacy-claim",
    severity=Severity.ERROR,
    message="饮食可以治愈: an absolute efficacy claim",
    pack="claims",
    text="治愈",
    context="饮食可以治愈糖尿病。",
    source_line="饮食可以治愈糖尿病。",
)
DIAGNOSTICS = [WARNING, INFO, ERROR, WIDE]

RULES = {
    info.code: info
    for info in [
        RuleInfo("CL001", "unreadable-file", "engine", Severity.ERROR, "The file cannot be read"),
        RuleInfo("CL301", "absolute-efficacy-claim", "claims", Severity.ERROR, "Absolute claim"),
        RuleInfo("CL302", "miracle-language", "claims", Severity.WARNING, "Miracle language"),
        RuleInfo("CL401", "unsourced-statistic", "statistics", Severity.WARNING, "No source"),
    ]
}


def render(fmt: str, diagnostics: list[Diagnostic] = DIAGNOSTICS, **kwargs: bool) -> str:
    return FORMATTERS[fmt](diagnostics, RULES, **kwargs)


# --- human formats ---------------------------------------------------------------------


def test_full_output_is_exact() -> None:
    expected = "\n".join(
        [
            'docs/a,b:c.md:3:12: warning CL401 [unsourced-statistic] Statistic "50%" has no'
            " source Cite the study.",
            "  |",
            "3 |     Café: cut 50% of risk.",
            "  |               ^^^",
            "",
            "docs/blob.bin:1:1: info CL001 [unreadable-file] The file could not be decoded",
            "",
            "docs/diet.md:12:11: error CL301 [absolute-efficacy-claim] This diet cures type 2"
            " diabetes: an absolute efficacy claim with no source",
            "   |",
            "12 | This diet cures type 2 diabetes.",
            "   |           ^^^^^",
            '   = help: Say "may help" and cite a trial.',
            "",
            "docs/zh.md:5:5: error CL301 [absolute-efficacy-claim] 饮食可以治愈: an absolute"
            " efficacy claim",
            "  |",
            "5 | 饮食可以治愈糖尿病。",
            "  |         ^^^^",
            "",
            "",
        ]
    )
    assert render("full") == expected


def test_concise_output_is_exact() -> None:
    assert render("concise") == (
        'docs/a,b:c.md:3:12: CL401 [unsourced-statistic] Statistic "50%" has no source'
        " Cite the study.\n"
        "docs/blob.bin:1:1: CL001 [unreadable-file] The file could not be decoded\n"
        "docs/diet.md:12:11: CL301 [absolute-efficacy-claim] This diet cures type 2 diabetes:"
        " an absolute efficacy claim with no source\n"
        "docs/zh.md:5:5: CL301 [absolute-efficacy-claim] 饮食可以治愈: an absolute efficacy claim\n"
    )


@pytest.mark.parametrize(
    ("line", "start", "end", "expected"),
    [
        ("abc", 1, 2, Snippet("abc", 1, 1)),
        ("abc", 3, 3, Snippet("abc", 3, 1)),  # an empty span at the end: still one caret
        ("abc", 1, None, Snippet("abc", 1, 2)),  # a span going on to the next line
        ("a\tb", 2, 3, Snippet("a   b", 4, 1)),  # the tab runs to the next stop of 4
        ("ab\tc", 3, 4, Snippet("ab  c", 4, 1)),
        ("x한국어", 1, 4, Snippet("x한국어", 1, 6)),
        ("ＡＢc", 2, 3, Snippet("ＡＢc", 4, 1)),  # fullwidth letters take two cells
        ("e\u0301x", 2, 3, Snippet("e\u0301x", 1, 1)),  # a combining accent takes no cell
        ("a\x1bb", 0, 3, Snippet("a\u241bb", 0, 3)),  # an escape character is made visible
        ("abc\r\n", 0, 9, Snippet("abc", 0, 3)),
    ],
)
def test_snippet_layout(line: str, start: int, end: int | None, expected: Snippet) -> None:
    assert snippet(line, start, end) == expected


def test_long_line_is_windowed_around_the_span() -> None:
    line = "a" * 300 + "CURES" + "b" * 300
    shown = snippet(line, 300, 305)
    assert shown.text == "…" + "a" * 40 + "CURES" + "b" * 115 + "…"
    assert shown.text[shown.offset : shown.offset + shown.width] == "CURES"
    at_end = snippet(line, 600, 605)
    assert at_end.text == "…" + line[-160:]
    assert at_end.text[at_end.offset : at_end.offset + at_end.width] == "bbbbb"
    assert snippet("x" * 200, 0, 1).text == "x" * 200  # 200 characters is not long yet


def test_multi_line_span_underlines_to_the_end_of_its_first_line() -> None:
    tail = replace(ERROR, end_line=13, end_column=4)
    assert "   |           ^^^^^^^^^^^^^^^^^^^^^^\n" in render("full", [tail])


def test_color_only_when_asked() -> None:
    hostile = replace(ERROR, message="\x1b[31mred", source_line="\x1b[2J")
    for name in FORMATTERS:
        assert "\x1b" not in render(name, [*DIAGNOSTICS, hostile]), name
    colored = render("full", color=True)
    assert "\x1b[1mdocs/diet.md\x1b[0m" in colored
    assert "\x1b[1;31merror\x1b[0m" in colored
    assert "\x1b[1;33mwarning\x1b[0m" in colored
    assert "\x1b[1;34minfo\x1b[0m" in colored
    assert "\x1b[1;31m^^^^^\x1b[0m" in colored
    assert "\x1b[" in render("concise", color=True)


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_every_format_renders_nothing_found(name: str) -> None:
    output = render(name, [])
    if name in ("full", "concise", "github", "json-lines"):
        assert output == ""
    else:
        assert output.endswith("\n") and output.strip()


# --- GitHub Actions ----------------------------------------------------------------------


def test_github_output_is_exact() -> None:
    assert render("github") == (
        "::warning file=docs/a%2Cb%3Ac.md,line=3,col=12,endLine=3,endColumn=15,"
        'title=CL401 unsourced-statistic::Statistic "50%25" has no source%0D%0ACite the study.\n'
        "::notice file=docs/blob.bin,line=1,col=1,endLine=1,endColumn=1,"
        "title=CL001 unreadable-file::The file could not be decoded\n"
        "::error file=docs/diet.md,line=12,col=11,endLine=12,endColumn=16,"
        "title=CL301 absolute-efficacy-claim::This diet cures type 2 diabetes:"
        " an absolute efficacy claim with no source\n"
        "::error file=docs/zh.md,line=5,col=5,endLine=5,endColumn=7,"
        "title=CL301 absolute-efficacy-claim::饮食可以治愈: an absolute efficacy claim\n"
    )


def test_github_property_escaping() -> None:
    assert escape_property("50%,a:b\r\nc") == "50%25%2Ca%3Ab%0D%0Ac"


# --- JSON and JSON lines -----------------------------------------------------------------


def diagnostics_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def test_json_matches_its_schema() -> None:
    document = json.loads(render("json"))
    jsonschema.Draft202012Validator(diagnostics_schema()).validate(document)
    assert document["version"] == 1
    assert document["tool"] == {"name": "claimlint", "version": __version__}
    first = document["diagnostics"][0]
    assert first == {
        "path": "docs/a,b:c.md",
        "line": 3,
        "column": 12,
        "end_line": 3,
        "end_column": 15,
        "code": "CL401",
        "name": "unsourced-statistic",
        "severity": "warning",
        "pack": "statistics",
        "message": 'Statistic "50%" has no source\r\nCite the study.',
        "suggestion": None,
        "text": "50%",
        "fingerprint": WARNING.fingerprint(),
    }
    assert [d["suggestion"] for d in document["diagnostics"]][2] == ERROR.suggestion


def test_json_lines_match_the_schema_record() -> None:
    schema = diagnostics_schema()
    record = {"$ref": "#/$defs/json-lines-record", "$defs": schema["$defs"]}
    validator = jsonschema.Draft202012Validator(record)
    lines = render("json-lines").splitlines()
    assert len(lines) == len(DIAGNOSTICS)
    items = json.loads(render("json"))["diagnostics"]
    for line, item in zip(lines, items, strict=True):
        parsed = json.loads(line)
        validator.validate(parsed)
        assert parsed == {"version": 1, **item}


def test_schema_rejects_what_the_format_does_not_allow() -> None:
    validator = jsonschema.Draft202012Validator(diagnostics_schema())
    document = json.loads(render("json"))
    document["diagnostics"][0]["extra"] = 1
    assert not validator.is_valid(document)
    document = json.loads(render("json"))
    document["diagnostics"][0]["version"] = 1  # only json-lines records carry it
    assert not validator.is_valid(document)


def test_every_schema_field_is_documented() -> None:
    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert "description" in sub, f"{where}/properties/{name}"
            for key, sub in node.items():
                walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}/{i}")

    schema = diagnostics_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]
    walk(schema, "#")


# --- SARIF --------------------------------------------------------------------------------


def test_sarif_matches_the_official_schema() -> None:
    if not SARIF_SCHEMA_PATH.exists():
        pytest.skip(f"the official SARIF schema is not at {SARIF_SCHEMA_PATH}")
    schema = json.loads(SARIF_SCHEMA_PATH.read_text(encoding="utf-8"))
    log = json.loads(render("sarif"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("claimlint", __version__)
    # Every known rule is listed, also CL302, which has no result.
    assert [rule["id"] for rule in driver["rules"]] == ["CL001", "CL301", "CL302", "CL401"]
    assert driver["rules"][1] == {
        "id": "CL301",
        "name": "absolute-efficacy-claim",
        "shortDescription": {"text": "Absolute claim"},
        "helpUri": "https://claimlint.dev/rules/CL301",
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["claims"]},
    }
    results = run["results"]
    assert [r["level"] for r in results] == ["warning", "note", "error", "error"]
    for result, diagnostic in zip(results, DIAGNOSTICS, strict=True):
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == diagnostic.code
        assert result["partialFingerprints"] == {"claimlint/v1": diagnostic.fingerprint()}
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/a%2Cb%3Ac.md"}
    assert location["region"] == {
        "startLine": 3,
        "startColumn": 12,
        "endLine": 3,
        "endColumn": 15,
        "snippet": {"text": "50%"},
    }


def test_sarif_lists_a_rule_missing_from_the_mapping() -> None:
    log = json.loads(FORMATTERS["sarif"]([INFO], {}))
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == ["CL001"]


def test_artifact_uris() -> None:
    assert artifact_uri("docs/a b,c:d.md") == "docs/a%20b%2Cc%3Ad.md"
    assert artifact_uri("docs/café.md") == "docs/caf%C3%A9.md"
    assert artifact_uri("/srv/docs/a.md") == "file:///srv/docs/a.md"
    assert artifact_uri("C:\\docs\\a.md") == "file:///C:/docs/a.md"


# --- GitLab Code Quality -------------------------------------------------------------------


def test_gitlab_code_quality_structure() -> None:
    issues = json.loads(render("gitlab"))
    assert issues[2] == {
        "description": "CL301 [absolute-efficacy-claim] " + ERROR.message,
        "check_name": "CL301",
        "fingerprint": ERROR.fingerprint(),
        "severity": "major",
        "location": {"path": "docs/diet.md", "lines": {"begin": 12, "end": 12}},
    }
    assert [i["severity"] for i in issues] == ["minor", "info", "major", "major"]
    assert all(set(i) == set(issues[2]) for i in issues)


def test_gitlab_fingerprints_are_unique_and_stable() -> None:
    twice = [ERROR, replace(ERROR, column=20, end_column=25), ERROR]
    assert len({d.fingerprint() for d in twice}) == 1
    fingerprints = [i["fingerprint"] for i in json.loads(render("gitlab", twice))]
    assert len(set(fingerprints)) == 3
    assert fingerprints[0] == ERROR.fingerprint()
    assert fingerprints == [i["fingerprint"] for i in json.loads(render("gitlab", twice))]


def test_gitlab_end_line_excludes_a_span_ending_at_column_one() -> None:
    spans = replace(ERROR, end_line=14, end_column=1)
    (issue,) = json.loads(render("gitlab", [spans]))
    assert issue["location"]["lines"] == {"begin": 12, "end": 13}


# --- JUnit ---------------------------------------------------------------------------------


def test_junit_parses_with_a_junit_parser(tmp_path: Path) -> None:
    report = tmp_path / "claimlint.xml"
    report.write_text(render("junit"), encoding="utf-8")
    xml = JUnitXml.fromfile(str(report))
    assert (xml.name, xml.tests, xml.failures) == ("claimlint", 4, 4)
    suites = list(xml)
    assert [s.name for s in suites] == [
        "docs/a,b:c.md",
        "docs/blob.bin",
        "docs/diet.md",
        "docs/zh.md",
    ]
    (case,) = list(suites[2])
    assert (case.name, case.classname) == ("CL301 12:11", "docs/diet.md")
    (failure,) = case.result
    assert (failure.type, failure.message) == ("CL301", ERROR.message)
    assert failure.text.endswith('\nhelp: Say "may help" and cite a trial.')
    (warning_case,) = list(suites[0])
    assert warning_case.result[0].message == WARNING.message  # line breaks survive


def test_junit_survives_characters_xml_cannot_carry(tmp_path: Path) -> None:
    odd = replace(ERROR, message="bell\x07 here")
    report = tmp_path / "odd.xml"
    report.write_text(render("junit", [odd]), encoding="utf-8")
    (case,) = list(next(iter(JUnitXml.fromfile(str(report)))))
    assert case.result[0].message == "bell\ufffd here"


# --- reviewdog -----------------------------------------------------------------------------


def test_rdjson_structure() -> None:
    # reviewdog's rdjson schema is not on PyPI, so the structure is asserted exactly.
    multi_line = replace(WIDE, end_line=6, end_column=2)
    result = json.loads(render("rdjson", [WARNING, multi_line]))
    assert result == {
        "source": {"name": "claimlint", "url": "https://claimlint.dev"},
        "diagnostics": [
            {
                "message": WARNING.message,
                "location": {
                    "path": "docs/a,b:c.md",
                    # Columns count UTF-8 bytes: é takes two.
                    "range": {"start": {"line": 3, "column": 13}, "end": {"line": 3, "column": 16}},
                },
                "severity": "WARNING",
                "code": {"value": "CL401", "url": "https://claimlint.dev/rules/CL401"},
            },
            {
                "message": WIDE.message,
                "location": {
                    "path": "docs/zh.md",
                    "range": {"start": {"line": 5, "column": 13}, "end": {"line": 6}},
                },
                "severity": "ERROR",
                "code": {"value": "CL301", "url": "https://claimlint.dev/rules/CL301"},
            },
        ],
    }


def test_byte_column() -> None:
    assert byte_column("a𐐀b", 3) == 6  # the example in reviewdog's proto
    assert byte_column("", 4) == 4
    assert byte_column("ab", 5) == 5
