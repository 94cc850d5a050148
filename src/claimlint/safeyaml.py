"""YAML for configs and packs, which may come from an untrusted pull request: safe tags
only (no object construction), no aliases (a billion-laughs document is a few hundred
bytes that expand to billions of nodes when validated), and nesting beyond MAX_DEPTH is a YAML
error (the pure parser's scanner is quadratic in the depth of flow collections, and deep
documents end in RecursionError)."""

from __future__ import annotations

from typing import Any

import yaml


class CheckedValues:
    """A loader mixin: a value the safe constructors refuse is a YAML error at the value's
    line, not an exception that escapes. PyYAML raises ValueError for a timestamp such as
    2026-13-45 and IndexError for an empty ``!!int``, among others."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (yaml.YAMLError, RecursionError):
            raise
        except (ValueError, OverflowError) as error:
            problem = f"invalid value: {error}"
        except Exception:  # PyYAML's constructors fail in other ways on odd values
            tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            shown = node.value if isinstance(node, yaml.ScalarNode) else "this node"
            problem = f"invalid value for {tag}: {shown!r}"
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)


class _Safe(CheckedValues, yaml.SafeLoader):
    pass


# libyaml: the same data as the pure parser, about 8x faster.
_FAST: type[yaml.SafeLoader] = (
    type("_FastSafe", (CheckedValues, yaml.CSafeLoader), {})
    if hasattr(yaml, "CSafeLoader")
    else _Safe
)


def load(text: str) -> Any:
    """The document in ``text``; raises yaml.YAMLError with a problem and, when known, a
    problem_mark. The pure parser is used again for errors: its messages and lines are
    the better ones."""
    try:
        return _load(text, _FAST)
    except yaml.YAMLError:
        if _FAST is _Safe:
            raise
    return _load(text, _Safe)


MAX_DEPTH = 100  # packs and configs nest a few levels; the parsers slow down with depth


def _load(text: str, loader: type[yaml.SafeLoader]) -> Any:
    depth = 0
    for event in yaml.parse(text, Loader=loader):  # a generator: stops at the first problem
        if isinstance(event, yaml.AliasEvent):
            _refuse("aliases (*name) are not allowed", event)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                _refuse(f"nested more than {MAX_DEPTH} levels deep", event)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    try:
        return yaml.load(text, Loader=loader)  # a SafeLoader: safe tags only
    except RecursionError:  # not expected below MAX_DEPTH; never a traceback
        raise yaml.composer.ComposerError(None, None, "nested too deeply", None) from None


def _refuse(problem: str, event: yaml.Event) -> None:
    mark: Any = event.start_mark  # libyaml's Mark has the same fields as yaml.error.Mark
    raise yaml.composer.ComposerError(None, None, problem, mark)
