"""An annotated dataset (JSONL: a text and its labelled occurrences per line), read and checked."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from core.errors import FramewatchError

LABELS = ("FLAG", "QUOTED", "NO")
POSITIVE = frozenset({"FLAG", "QUOTED"})
SNIPPET_CONTEXT = 40


class DatasetError(FramewatchError):
    """An evaluation dataset cannot be read; the message names file and line."""


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    text: str
    label: str  # FLAG | QUOTED | NO
    entry: str | None
    category: str

    @property
    def positive(self) -> bool:
        return self.label in POSITIVE


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    source: str
    occurrences: tuple[Occurrence, ...]
    line: int = 0


@dataclass(frozen=True)
class Dataset:
    path: str
    items: tuple[Item, ...]

    @property
    def occurrences(self) -> list[Occurrence]:
        return [o for it in self.items for o in it.occurrences]


def load_dataset(path: str | Path) -> Dataset:
    """Read a JSONL dataset, checking every line; errors name file and line."""
    p = Path(path)
    name = str(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise DatasetError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise DatasetError(f"{name}: is a directory, not a JSONL file") from None
    except OSError as exc:
        raise DatasetError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = raw[: exc.start].count(b"\n") + 1
        raise DatasetError(f"{name}:{at}: not UTF-8 text") from None
    items: list[Item] = []
    seen: set[str] = set()
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        item = _parse_item(line, name, lineno)
        if item.id in seen:
            raise DatasetError(f"{name}:{lineno}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise DatasetError(f"{name}: no items (expected one JSON object per line)")
    return Dataset(path=name, items=tuple(items))


def _parse_item(line: str, name: str, lineno: int) -> Item:
    where = f"{name}:{lineno}"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise DatasetError(f"{where}: expected a JSON object, got {type(data).__name__}")
    for key, kind in (("id", str), ("text", str), ("occurrences", list)):
        if not isinstance(data.get(key), kind):
            raise DatasetError(f"{where}: missing or invalid {key!r}")
    text = data["text"]
    occurrences = []
    for n, occ in enumerate(data["occurrences"], 1):
        occurrences.append(_parse_occurrence(occ, text, f"{where}: occurrence {n}"))
    occurrences.sort(key=lambda o: (o.start, o.end))
    return Item(
        id=data["id"],
        text=text,
        source=str(data.get("source", "")),
        occurrences=tuple(occurrences),
        line=lineno,
    )


def _parse_occurrence(occ: object, text: str, where: str) -> Occurrence:
    if not isinstance(occ, dict):
        raise DatasetError(f"{where}: expected an object")
    start, end = occ.get("start"), occ.get("end")
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        raise DatasetError(f"{where}: start and end must be integers")
    if not 0 <= start < end <= len(text):
        raise DatasetError(f"{where}: offsets {start}-{end} outside the text (length {len(text)})")
    span = occ.get("text")
    if text[start:end] != span:
        raise DatasetError(
            f"{where}: text {span!r} does not match text[{start}:{end}] {text[start:end]!r}"
        )
    label = occ.get("label")
    if label not in LABELS:
        raise DatasetError(f"{where}: label {label!r} is not one of {', '.join(LABELS)}")
    entry = occ.get("entry")
    if entry is not None and not isinstance(entry, str):
        raise DatasetError(f"{where}: entry must be a string or null")
    category = occ.get("category")
    if not isinstance(category, str) or not category:
        raise DatasetError(f"{where}: missing category")
    return Occurrence(start=start, end=end, text=span, label=label, entry=entry, category=category)
