"""Reading YAML nodes with line numbers: the helpers every lexicon reader uses.

A reader notes a :class:`Problem` (``path:line: message``) for each node that
is not what the format says, and goes on, so one run reports every problem.
"""

from __future__ import annotations

import yaml

from lexicon.problems import Problem

STR_TAG = "tag:yaml.org,2002:str"
BOOL_TAG = "tag:yaml.org,2002:bool"

# a mapping node's keys -> (key node, value node)
Fields = dict[str, tuple[yaml.Node, yaml.Node]]


class NodeReader:
    """Typed access to one file's nodes, noting problems instead of raising."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node_or_line: yaml.Node | int | None, message: str) -> None:
        if node_or_line is None:
            line = 0
        elif isinstance(node_or_line, int):
            line = node_or_line
        else:
            line = node_or_line.start_mark.line + 1
        self.problems.append(Problem(self.path, line, message))

    def text(self, node: yaml.Node | None, what: str, *, allow_empty: bool = False) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != STR_TAG:
            self.problem(node, f"{what} must be text, not {kind_of(node)}")
            return None
        value = str(node.value).strip()
        if not value and not allow_empty:
            self.problem(node, f"{what} is empty")
            return None
        return value

    def text_list(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} must be a list, not {kind_of(node)}")
            return []
        out = []
        for item in node.value:
            value = self.text(item, f"each item of {what}")
            if value is not None:
                out.append((value, item))
        return out

    def mapping(self, node: yaml.Node, what: str) -> Fields | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping (key: value), not {kind_of(node)}")
            return None
        out: Fields = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.problem(key_node, f"{what} has a key that is not text")
                continue
            if key in out:
                self.problem(key_node, f"duplicate key '{key}' in {what}")
                continue
            out[key] = (key_node, value_node)
        return out

    def unknown_keys(
        self, fields: Fields, allowed: tuple[str, ...], what: str, expected: str
    ) -> None:
        for key, (key_node, _v) in fields.items():
            if key not in allowed:
                self.problem(key_node, f"{what} has unknown key '{key}' (expected {expected})")


def kind_of(node: yaml.Node | None) -> str:
    if node is None:
        return "nothing"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == STR_TAG:
        return "text"
    return f"'{node.value}'" if node.value else "nothing"
