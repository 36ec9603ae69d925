"""Parse one lexicon YAML file into entries, official names and problems.

Files are parsed to YAML *nodes* (``yaml.compose``) rather than plain Python
objects so every problem can be reported as ``path:line: message``: a trainer
editing an entry needs the line, not a traceback.  Parsing collects every
problem instead of stopping at the first, so one ``framewatch lexicon check``
run shows all that needs fixing.

A file may hold ``entries:`` (a list of entries, see ``lexicon/model.py``)
and/or ``official_names:`` (a list of names, or a mapping of group -> list).
The shipped data and an organisation's extra files use the same format.
Problems *between* files (duplicate ids, shared forms) are found by
``lexicon.validate``; parsed files are memoised by ``lexicon.cache``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from lexicon.entry import EntryReader
from lexicon.model import Amendment, Entry
from lexicon.nodes import kind_of
from lexicon.problems import Problem

try:  # the C parser is several times faster; fall back silently without libyaml
    _Loader: type[yaml.SafeLoader | yaml.CSafeLoader] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

TOP_LEVEL_KEYS = ("entries", "official_names", "exceptions")
AMENDMENT_KEYS = ("entry", "not_followed_by", "not_preceded_by", "phrases", "note")


class FileReader(EntryReader):
    """Turns one file's node tree into entries and official names, noting problems."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.entries: list[Entry] = []
        self.names: list[tuple[str, int]] = []  # (name, line)
        self.amendments: list[Amendment] = []

    def read(self, root: yaml.Node | None) -> None:
        if root is None:
            self.problem(1, "file is empty (expected 'entries:' or 'official_names:')")
            return
        top = self.mapping(root, "the file")
        if top is None:
            return
        for key, (key_node, value_node) in top.items():
            if key == "entries":
                self.read_entries(value_node)
            elif key == "official_names":
                self.read_names(value_node)
            elif key == "exceptions":
                self.read_amendments(value_node)
            else:
                self.problem(
                    key_node,
                    f"unknown top-level key '{key}' (expected one of: {', '.join(TOP_LEVEL_KEYS)})",
                )

    def read_names(self, node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            groups = self.mapping(node, "official_names") or {}
            for group, (_k, value) in groups.items():
                items = self.text_list(value, f"official_names.{group}")
                self.names.extend((v, n.start_mark.line + 1) for v, n in items)
        else:
            items = self.text_list(node, "official_names")
            self.names.extend((v, n.start_mark.line + 1) for v, n in items)

    def read_amendments(self, node: yaml.Node) -> None:
        """``exceptions:``: a list of {entry, not_followed_by, not_preceded_by,
        phrases, note} amending entries of any file (which entry exists is
        checked between files, by ``lexicon.validate``)."""
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"'exceptions' must be a list, not {kind_of(node)}")
            return
        for item in node.value:
            fields = self.mapping(item, "an exception")
            if fields is None:
                continue
            self.unknown_keys(fields, AMENDMENT_KEYS, "an exception", ", ".join(AMENDMENT_KEYS))
            if "entry" not in fields:
                self.problem(item, "an exception needs 'entry' (the id of the entry it amends)")
                continue
            entry = self.text(fields["entry"][1], "entry")
            lists = {
                key: tuple(v.lower() for v, _ in self.text_list(fields[key][1], key))
                for key in ("not_followed_by", "not_preceded_by", "phrases")
                if key in fields
            }
            if not any(lists.values()):
                self.problem(item, "an exception needs not_followed_by, not_preceded_by or phrases")
                continue
            note = (
                self.text(fields["note"][1], "note", allow_empty=True) if "note" in fields else ""
            )
            if entry is None:
                continue
            self.amendments.append(
                Amendment(
                    entry=entry,
                    not_followed_by=lists.get("not_followed_by", ()),
                    not_preceded_by=lists.get("not_preceded_by", ()),
                    exceptions=lists.get("phrases", ()),
                    note=note or "",
                    file=self.path,
                    line=item.start_mark.line + 1,
                )
            )

    def read_entries(self, node: yaml.Node) -> None:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"'entries' must be a list, not {kind_of(node)}")
            return
        for item in node.value:
            entry = self.read_entry(item)
            if entry is not None:
                self.entries.append(entry)


@dataclass(frozen=True)
class FileResult:
    """One file's valid entries, official names and problems."""

    entries: tuple[Entry, ...]
    names: tuple[tuple[str, int], ...]  # (name, line)
    path: str
    problems: tuple[Problem, ...]
    amendments: tuple[Amendment, ...] = ()


def unreadable(display: str, exc: OSError) -> FileResult:
    return FileResult(
        (), (), display, (Problem(display, 0, f"cannot read file: {exc.strerror or exc}"),)
    )


def parse_file(path: Path, display: str) -> FileResult:
    """Read and parse ``path``; ``display`` is how problems name it."""
    reader = FileReader(display)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        reader.problem(0, f"cannot read file: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        reader.problem(0, f"not UTF-8 text (bad byte at offset {exc.start})")
    else:
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            what = exc.problem or exc.context or "invalid YAML"
            reader.problem(mark.line + 1 if mark else 0, f"YAML syntax error: {what}")
        except yaml.YAMLError as exc:
            reader.problem(0, f"YAML syntax error: {str(exc).splitlines()[0]}")
        else:
            reader.read(root)
    # In file order, as an editor shows them (sorted() is stable within a line).
    problems = tuple(sorted(reader.problems, key=lambda pr: pr.line))
    return FileResult(
        tuple(reader.entries), tuple(reader.names), display, problems, tuple(reader.amendments)
    )
