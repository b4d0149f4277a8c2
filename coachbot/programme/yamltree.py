"""Safe YAML reading that remembers the line of every value, with limits on size and alias expansion.

PyYAML composes the node tree (which carries line marks); plain values are built by its SafeLoader, so no
Python tags are ever honoured. Imports only the stdlib and PyYAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

MAX_BYTES = 256 * 1024
MAX_NODES = 50_000

Path = tuple[str | int, ...]
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class YamlProblem(Exception):
    """The text is not usable YAML; `line` is 1-based (0 when the whole file is at fault)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Located:
    """Plain data parsed from YAML plus the 1-based line where each path's value starts."""

    data: Any
    lines: dict[Path, int]

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise YamlProblem(
            0, f"file is {size // 1024} KiB; programme files are limited to {MAX_BYTES // 1024} KiB"
        )


def parse(text: str) -> Located:
    """Parse one YAML document into plain data with line numbers; raise YamlProblem when it can't."""
    check_size(len(text.encode("utf-8")))
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlProblem(line, f"not valid YAML: {error.problem or error}") from None
    except yaml.YAMLError as error:
        raise YamlProblem(0, f"not valid YAML: {error}") from None
    if root is None:
        raise YamlProblem(1, "the file is empty")
    builder = _Builder()
    data = builder.build(root, ())
    return Located(data, builder.lines)


class _Builder:
    """Walks the composed node graph; aliases are followed, so counting visits bounds alias bombs."""

    def __init__(self) -> None:
        self.lines: dict[Path, int] = {}
        self._visited = 0
        self._scalars = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: Path) -> Any:
        self._visited += 1
        if self._visited > MAX_NODES:
            raise YamlProblem(
                node.start_mark.line + 1,
                f"more than {MAX_NODES} values after expanding aliases (an alias bomb?)",
            )
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
            raise YamlProblem(node.start_mark.line + 1, f"unsupported value: tag {node.tag!r} is not allowed")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        try:
            return self._scalars.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            raise YamlProblem(node.start_mark.line + 1, f"unsupported value: {error.problem}") from None

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(key_node.start_mark.line + 1, "merge keys (<<) are not supported")
            key = self.build(key_node, (*path, "<key>"))
            line = key_node.start_mark.line + 1
            if isinstance(key, bool):
                word = key_node.value
                raise YamlProblem(line, f"key {word!r} reads as {key} in YAML; put it in quotes")
            if not isinstance(key, str | int):
                raise YamlProblem(line, f"a key must be text or a number, not {type(key).__name__}")
            if key in result:
                raise YamlProblem(line, f"duplicate key {key!r} (first given on line {first_line[key]})")
            first_line[key] = line
            self.lines[(*path, key)] = line
            result[key] = self.build(value_node, (*path, key))
        self.lines.pop((*path, "<key>"), None)
        return result
