"""Rule documentation as text: `claimlint rule CL301` and docs/rules.md share it."""

from __future__ import annotations

import json

from claimlint.rule import Example, Rule


def _example(example: Example) -> str:
    text = example.text.rstrip("\n")
    if "\n" in text:
        return "```markdown\n" + text + "\n```"
    return f"`{text}`" if "`" not in text else text


def explain(rule: Rule, heading: str = "#") -> str:
    """Markdown for one rule: what it flags, why, its options and its examples."""
    parts = [
        f"{heading} {rule.code} {rule.name}",
        "",
        f"- **Pack:** {rule.pack}",
        f"- **Severity:** {rule.severity}",
        f"- **Kind:** {rule.kind}",
        "",
        rule.summary,
        "",
    ]
    if rule.rationale:
        parts += [rule.rationale.strip(), ""]
    if rule.suggestion:
        parts += [f"**Fix:** {rule.suggestion}", ""]
    if rule.options:
        parts += [f"{heading}# Options", "", "```yaml"]
        for key, value in rule.options.items():
            parts.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        parts += ["```", ""]
    for title, examples in (("Reported", rule.fail), ("Not reported", rule.passes)):
        if examples:
            parts += [f"{heading}# {title}", ""]
            for example in examples:
                rendered = _example(example)
                parts.append(f"- {rendered}" if "\n" not in rendered else "-\n" + _indent(rendered))
            parts.append("")
    return "\n".join(parts)


def _indent(text: str) -> str:
    return "\n".join("  " + line if line else line for line in text.splitlines())
