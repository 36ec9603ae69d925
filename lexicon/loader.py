"""Read, validate and assemble lexicon YAML files.

Files are parsed to YAML *nodes* (``yaml.compose``) rather than plain Python
objects so every problem can be reported as ``path:line: message``: a trainer
editing an entry needs the line, not a traceback.  Validation collects every
problem instead of stopping at the first, so one ``framewatch lexicon check``
run shows all that needs fixing.

A file may hold ``entries:`` (a list of entries, see ``lexicon/model.py``)
and/or ``official_names:`` (a list of names, or a mapping of group -> list).
The shipped data and an organisation's extra files use the same format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from lexicon.errors import LexiconError
from lexicon.files import DATA_DIR, lexicon_files, shipped_files  # noqa: F401 - re-exported
from lexicon.model import (
    CATEGORIES,
    SEVERITIES,
    Alternative,
    Entry,
    Form,
    Lexicon,
    Source,
)

try:  # the C parser is several times faster; fall back silently without libyaml
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

STR_TAG = "tag:yaml.org,2002:str"
BOOL_TAG = "tag:yaml.org,2002:bool"

REQUIRED_FIELDS = (
    "id",
    "category",
    "severity",
    "forms",
    "sense",
    "alternatives",
    "rationale",
    "sources",
)
OPTIONAL_FIELDS = (
    "pos",
    "refers_to_people",
    "not_followed_by",
    "not_preceded_by",
    "requires_nearby",
    "exceptions",
    "advice",
    "disagreement",
    "decision",
)
KNOWN_FIELDS = frozenset(REQUIRED_FIELDS + OPTIONAL_FIELDS)
TOP_LEVEL_KEYS = ("entries", "official_names")
# spaCy's coarse (Universal Dependencies) tags: anything else is a typo.
POS_TAGS = frozenset(
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
)
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CURLY = "\u2019"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}: {self.message}"

    def to_json(self) -> dict:
        return {"path": self.path, "line": self.line, "message": self.message}


# --------------------------------------------------------------------------- parsing


class _FileReader:
    """Turns one file's node tree into entries and official names, noting problems."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.entries: list[Entry] = []
        self.names: list[tuple[str, int]] = []  # (name, line)

    def problem(self, node_or_line, message: str) -> None:
        if isinstance(node_or_line, int):
            line = node_or_line
        else:
            line = node_or_line.start_mark.line + 1
        self.problems.append(Problem(self.path, line, message))

    # -- scalar helpers -----------------------------------------------------------

    def text(self, node, what: str, *, allow_empty: bool = False) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != STR_TAG:
            self.problem(node, f"{what} must be text, not {_kind(node)}")
            return None
        value = node.value.strip()
        if not value and not allow_empty:
            self.problem(node, f"{what} is empty")
            return None
        return value

    def text_list(self, node, what: str) -> list[tuple[str, yaml.Node]]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} must be a list, not {_kind(node)}")
            return []
        out = []
        for item in node.value:
            value = self.text(item, f"each item of {what}")
            if value is not None:
                out.append((value, item))
        return out

    def mapping(self, node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping (key: value), not {_kind(node)}")
            return None
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
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
        self, fields: dict, allowed: tuple[str, ...], what: str, expected: str
    ) -> None:
        for key, (key_node, _v) in fields.items():
            if key not in allowed:
                self.problem(key_node, f"{what} has unknown key '{key}' (expected {expected})")

    # -- file -----------------------------------------------------------------------

    def read(self, root) -> None:
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
            else:
                self.problem(
                    key_node,
                    f"unknown top-level key '{key}' (expected one of: {', '.join(TOP_LEVEL_KEYS)})",
                )

    def read_names(self, node) -> None:
        if isinstance(node, yaml.MappingNode):
            groups = self.mapping(node, "official_names") or {}
            for group, (_k, value) in groups.items():
                items = self.text_list(value, f"official_names.{group}")
                self.names.extend((v, n.start_mark.line + 1) for v, n in items)
        else:
            items = self.text_list(node, "official_names")
            self.names.extend((v, n.start_mark.line + 1) for v, n in items)

    def read_entries(self, node) -> None:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"'entries' must be a list, not {_kind(node)}")
            return
        for item in node.value:
            entry = self.read_entry(item)
            if entry is not None:
                self.entries.append(entry)

    # -- entry ----------------------------------------------------------------------

    def read_entry(self, node) -> Entry | None:
        fields = self.mapping(node, "an entry")
        if fields is None:
            return None
        before = len(self.problems)
        line = node.start_mark.line + 1
        id_hint = ""
        if "id" in fields:
            id_hint = (
                f" '{fields['id'][1].value}'"
                if isinstance(fields["id"][1], yaml.ScalarNode)
                else ""
            )
        for key, (key_node, _v) in fields.items():
            if key not in KNOWN_FIELDS:
                close = _close(key, KNOWN_FIELDS)
                self.problem(key_node, f"unknown field '{key}' in entry{id_hint}{close}")
        for key in REQUIRED_FIELDS:
            if key not in fields:
                self.problem(node, f"entry{id_hint} is missing required field '{key}'")

        def get(key):
            return fields[key][1] if key in fields else None

        entry_id = category = severity = sense = rationale = None
        if (n := get("id")) is not None:
            entry_id = self.text(n, "id")
            if entry_id is not None and not ID_RE.match(entry_id):
                self.problem(
                    n,
                    f"id '{entry_id}' must be a lower-case slug (letters, digits, single hyphens)",
                )
        if (n := get("category")) is not None:
            category = self.text(n, "category")
            if category is not None and category not in CATEGORIES:
                self.problem(
                    n,
                    f"unknown category '{category}'{_close(category, CATEGORIES)} "
                    f"(expected one of: {', '.join(CATEGORIES)})",
                )
        if (n := get("severity")) is not None:
            severity = self.text(n, "severity")
            if severity is not None and severity not in SEVERITIES:
                self.problem(
                    n, f"unknown severity '{severity}' (expected one of: {', '.join(SEVERITIES)})"
                )
        if (n := get("sense")) is not None:
            sense = self.text(n, "sense")
        if (n := get("rationale")) is not None:
            rationale = self.text(n, "rationale")

        forms = self.read_forms(get("forms")) if "forms" in fields else ()
        alternatives = (
            self.read_alternatives(get("alternatives")) if "alternatives" in fields else ()
        )
        sources = self.read_sources(get("sources")) if "sources" in fields else ()

        pos: tuple[str, ...] = ()
        if (n := get("pos")) is not None:
            items = self.text_list(n, "pos")
            for value, item in items:
                if value not in POS_TAGS:
                    self.problem(
                        item,
                        f"unknown part-of-speech tag '{value}' "
                        f"(spaCy coarse tags such as NOUN, ADJ, PROPN)",
                    )
            pos = tuple(v for v, _ in items)
        refers_to_people = True
        if (n := get("refers_to_people")) is not None:
            if isinstance(n, yaml.ScalarNode) and n.tag == BOOL_TAG:
                refers_to_people = n.value.lower() in ("true", "yes", "on", "y")
            else:
                self.problem(n, "refers_to_people must be true or false")
        word_lists = {}
        for key in ("not_followed_by", "not_preceded_by", "requires_nearby"):
            items = self.text_list(get(key), key) if key in fields else []
            if key == "requires_nearby":
                for value, item in items:
                    # nearby words also match longer words starting with them
                    if " " not in value and len(value) < 3:
                        self.problem(
                            item,
                            f"requires_nearby word '{value}' is too short: it "
                            "would match every word starting with it",
                        )
            word_lists[key] = tuple(v.lower() for v, _ in items)
        exceptions: tuple[str, ...] = ()
        if (n := get("exceptions")) is not None:
            items = self.text_list(n, "exceptions")
            form_texts = [f.text for f in forms]
            for value, item in items:
                if form_texts and not any(_contains_word(value, f) for f in form_texts):
                    self.problem(
                        item,
                        f"exception '{value}' contains none of the entry's "
                        "forms, so it can never apply",
                    )
            exceptions = tuple(v for v, _ in items)
        texts = {}
        for key in ("advice", "disagreement", "decision"):
            texts[key] = (self.text(get(key), key) or "") if key in fields else ""
        if (
            "alternatives" in fields
            and not alternatives
            and not texts["advice"]
            and len(self.problems) == before
        ):
            self.problem(
                get("alternatives"),
                "an entry with no alternatives needs 'advice' saying what to write instead",
            )

        if len(self.problems) > before:
            return None
        return Entry(
            id=entry_id,
            category=category,
            severity=severity,
            forms=forms,
            sense=sense,
            alternatives=alternatives,
            rationale=rationale,
            sources=sources,
            pos=pos,
            refers_to_people=refers_to_people,
            exceptions=exceptions,
            file=self.path,
            line=line,
            **word_lists,
            **texts,
        )

    def read_forms(self, node) -> tuple[Form, ...]:
        raw: list[tuple[str, str | None, yaml.Node]] = []
        if isinstance(node, yaml.MappingNode):
            groups = self.mapping(node, "forms") or {}
            for key, (key_node, value) in groups.items():
                if key not in ("singular", "plural"):
                    self.problem(
                        key_node,
                        f"forms has unknown key '{key}' (expected 'singular' and/or 'plural')",
                    )
                    continue
                raw.extend((v, key, n) for v, n in self.text_list(value, f"forms.{key}"))
        elif isinstance(node, yaml.SequenceNode):
            raw.extend((v, None, n) for v, n in self.text_list(node, "forms"))
        else:
            self.problem(node, "forms must be a list or a mapping of 'singular'/'plural' lists")
            return ()
        if not raw:
            self.problem(node, "forms is empty: an entry needs at least one surface form")
            return ()
        seen: set[str] = set()
        forms: list[Form] = []
        for text, number, item in raw:
            key = text.lower()
            if key in seen:
                self.problem(item, f"form '{text}' is listed twice in this entry")
                continue
            seen.add(key)
            forms.append(Form(text, number, _is_possessive(text)))
        # Typographic apostrophes are what newspapers print; match them too.
        for form in list(forms):
            if "'" in form.text:
                curly = form.text.replace("'", CURLY)
                if curly.lower() not in seen:
                    seen.add(curly.lower())
                    forms.append(Form(curly, form.number, form.possessive))
        return tuple(forms)

    def read_alternatives(self, node) -> tuple[Alternative, ...]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"alternatives must be a list, not {_kind(node)}")
            return ()
        out = []
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                value = self.text(item, "an alternative")
                if value is not None:
                    out.append(Alternative(value, value))
                continue
            fields = self.mapping(item, "an alternative")
            if fields is None:
                continue
            self.unknown_keys(
                fields, ("singular", "plural"), "alternative", "'singular' and 'plural'"
            )
            if "singular" not in fields:
                self.problem(item, "alternative is missing 'singular'")
                continue
            singular = self.text(fields["singular"][1], "alternative 'singular'")
            plural = singular
            if "plural" in fields:
                plural = self.text(fields["plural"][1], "alternative 'plural'")
            if singular is not None and plural is not None:
                out.append(Alternative(singular, plural))
        return tuple(out)

    def read_sources(self, node) -> tuple[Source, ...]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"sources must be a list, not {_kind(node)}")
            return ()
        if not node.value:
            self.problem(node, "sources is empty: cite at least one source")
            return ()
        out = []
        for item in node.value:
            fields = self.mapping(item, "a source")
            if fields is None:
                continue
            self.unknown_keys(fields, ("title", "url"), "source", "'title' and 'url'")
            title = url = None
            if "title" not in fields:
                self.problem(item, "source has no title")
            else:
                title = self.text(fields["title"][1], "source title")
            if "url" not in fields:
                self.problem(item, "source has no url")
            else:
                url = self.text(fields["url"][1], "source url")
                if url is not None and not url.startswith(("http://", "https://")):
                    self.problem(
                        fields["url"][1], f"source url '{url}' must start with http:// or https://"
                    )
                    url = None
            if title is not None and url is not None:
                out.append(Source(title, url))
        return tuple(out)


def _kind(node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == STR_TAG:
        return "text"
    return f"'{node.value}'" if node.value else "nothing"


def _close(word: str, choices: Iterable[str]) -> str:
    import difflib

    match = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _is_possessive(text: str) -> bool:
    last = text.split()[-1].replace(CURLY, "'")
    return last.endswith("'s") or last.endswith("s'")


def _contains_word(phrase: str, form: str) -> bool:
    pattern = r"(?<![\w'])" + re.escape(form.lower()) + r"(?![\w])"
    return re.search(pattern, phrase.lower()) is not None


# --------------------------------------------------------------------------- files


@dataclass
class _FileResult:
    entries: tuple[Entry, ...]
    names: tuple[tuple[str, int], ...]  # (name, line)
    path: str
    problems: tuple[Problem, ...]


_cache: dict[tuple[str, str, int, int], _FileResult] = {}
_assembled: dict[tuple, Lexicon] = {}


def _read_file(path: Path | str) -> _FileResult:
    """One file's entries, names and problems; cached by (path, mtime, size)."""
    display = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        return _FileResult(
            (), (), display, (Problem(display, 0, f"cannot read file: {exc.strerror or exc}"),)
        )
    # The display path is part of the key because problems quote it.
    key = (display, str(p.resolve()), st.st_mtime_ns, st.st_size)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    reader = _FileReader(display)
    try:
        text = p.read_bytes().decode("utf-8")
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
    result = _FileResult(tuple(reader.entries), tuple(reader.names), display, problems)
    _cache[key] = result
    return result


def _cross_check(
    results: list[_FileResult], ignore_ids: frozenset[str] = frozenset()
) -> list[Problem]:
    """Problems between entries: duplicate ids, a surface form in two entries."""
    problems: list[Problem] = []
    ids: dict[str, Entry] = {}
    forms: dict[str, Entry] = {}
    for result in results:
        for entry in result.entries:
            first = ids.get(entry.id)
            if first is not None:
                problems.append(
                    Problem(
                        entry.file,
                        entry.line,
                        f"duplicate id '{entry.id}' (first defined at {first.file}:{first.line})",
                    )
                )
                continue
            ids[entry.id] = entry
            if entry.id in ignore_ids:
                continue
            for form in entry.forms:
                key = form.text.lower()
                other = forms.get(key)
                if other is not None and other.id != entry.id:
                    problems.append(
                        Problem(
                            entry.file,
                            entry.line,
                            f"form '{form.text}' of entry '{entry.id}' is also "
                            f"a form of entry '{other.id}' ({other.file}:"
                            f"{other.line}); a form may belong to one entry",
                        )
                    )
                else:
                    forms[key] = entry
    active = [e for r in results for e in r.entries if e.id not in ignore_ids]
    problems.extend(_check_alternatives(active))
    return problems


_EDGE_PUNCT = '.,;:!?()[]"“”'


def _phrases(text: str, longest: int | None = None):
    """Every run of 1..longest (default: any number of) whitespace-separated
    words, lower case, with the word right after it (None at the end)."""
    words = [w.strip(_EDGE_PUNCT) for w in text.lower().split()]
    for i in range(len(words)):
        top = len(words) - i if longest is None else min(longest, len(words) - i)
        for n in range(1, top + 1):
            yield " ".join(words[i : i + n]), (words[i + n] if i + n < len(words) else None)


def _check_alternatives(entries: list[Entry]) -> list[Problem]:
    """A suggestion must not itself be flagged, or applying it creates a new flag.

    Entries whose matches depend on context (part of speech, nearby words)
    are left out: "person with a criminal record" is fine because only the
    noun "criminal" is flagged.  Word runs are looked up in a set rather than
    matched with one big regex, which would cost more than the whole load.
    """
    owner = {
        f.text.lower(): e.id
        for e in entries
        if not e.pos and not e.requires_nearby
        for f in e.forms
    }
    longest = max((len(k.split()) for k in owner), default=0)
    problems = []
    for entry in entries:
        own = {f.text.lower() for f in entry.forms}
        for alt in entry.alternatives:
            for text in dict.fromkeys((alt.singular, alt.plural)):
                # Its own forms are checked whatever the context rules, unless a
                # not_followed_by word right after them rules the match out.
                for phrase, after in _phrases(text):
                    if phrase in own and after not in entry.not_followed_by:
                        problems.append(
                            Problem(
                                entry.file,
                                entry.line,
                                f"alternative '{text}' of entry '{entry.id}' contains its own "
                                f"form '{phrase}', so the rewrite would be flagged again",
                            )
                        )
                hit = next(
                    (p for p, _after in _phrases(text, longest) if p in owner and p not in own),
                    None,
                )
                if hit is not None:
                    problems.append(
                        Problem(
                            entry.file,
                            entry.line,
                            f"alternative '{text}' of entry '{entry.id}' "
                            f"contains '{hit}', flagged by entry "
                            f"'{owner[hit]}'",
                        )
                    )
    return problems


def _problems(results: list[_FileResult], disable: Iterable[str] = ()) -> list[Problem]:
    """Each file's own problems, then those between its entries."""
    problems = [pr for r in results for pr in r.problems]
    problems.extend(_cross_check(results, frozenset(disable)))
    return problems


def validate_files(paths: Iterable[Path | str] | None = None) -> list[Problem]:
    """Every problem in these files, checked as one lexicon (default: shipped data)."""
    files = list(shipped_files() if paths is None else paths)
    return _problems([_read_file(p) for p in files])


def _fail(problems: list[Problem]) -> LexiconError:
    n = len(problems)
    more = f"{n} problem{'s' if n != 1 else ''}; run framewatch lexicon check"
    return LexiconError(f"{problems[0]} ({more})")


def override_problems(
    entries: Iterable[Entry], disable: Iterable[str] = (), severity: Mapping[str, str] | None = None
) -> list[str]:
    """What is wrong with an organisation's ``disable`` and ``severity`` settings."""
    known = {e.id for e in entries}
    problems = []
    for entry_id in disable:
        if entry_id not in known:
            problems.append(
                f"cannot disable unknown lexicon entry '{entry_id}'{_close(entry_id, known)}"
            )
    for entry_id, level in (severity or {}).items():
        if entry_id not in known:
            problems.append(
                f"cannot set severity of unknown lexicon entry '{entry_id}'"
                f"{_close(entry_id, known)}"
            )
        elif level not in SEVERITIES:
            problems.append(
                f"unknown severity '{level}' for lexicon entry '{entry_id}' "
                f"(expected one of: {', '.join(SEVERITIES)})"
            )
    return problems


@dataclass(frozen=True)
class CheckResult:
    files: tuple[str, ...]
    entries: tuple[Entry, ...]  # valid entries still enabled
    official_names: tuple[str, ...]
    problems: tuple[Problem, ...]  # path "config" for the disable/severity settings

    @property
    def ok(self) -> bool:
        return not self.problems


def check_lexicon(
    extra_files: Iterable[Path | str] = (),
    disable: Iterable[str] = (),
    severity: Mapping[str, str] | None = None,
) -> CheckResult:
    """Everything wrong with the shipped data plus these overrides, without raising."""
    files = lexicon_files(extra_files)
    disable = tuple(disable)
    results = [_read_file(p) for p in files]
    problems = _problems(results, disable)
    entries = [e for r in results for e in r.entries]
    problems += [Problem("config", 0, m) for m in override_problems(entries, disable, severity)]
    names = dict.fromkeys(n for r in results for n, _ in r.names)
    disabled = set(disable)
    return CheckResult(
        files=tuple(str(f) for f in files),
        entries=tuple(e for e in entries if e.id not in disabled),
        official_names=tuple(names),
        problems=tuple(problems),
    )


def load_lexicon(
    extra_files: Iterable[Path | str] = (),
    disable: Iterable[str] = (),
    severity: Mapping[str, str] | None = None,
) -> Lexicon:
    """The shipped lexicon plus an organisation's overrides.

    ``extra_files`` add entries and official names (validated like the shipped
    data), ``disable`` removes entries by id and ``severity`` maps id -> new
    severity.  Raises ``LexiconError`` (one line) on any problem.  Parsed files
    are cached by modification time, so repeated calls are cheap.
    """
    files = lexicon_files(extra_files)
    disable = tuple(disable)
    severity = dict(severity or {})
    results = [_read_file(p) for p in files]
    # Parsed files are cached objects, so their identities key the assembled result.
    memo_key = (tuple(map(id, results)), disable, tuple(sorted(severity.items())))
    lexicon = _assembled.get(memo_key)
    if lexicon is not None:
        return lexicon
    problems = _problems(results, disable)
    if problems:
        raise _fail(problems)
    entries = [e for r in results for e in r.entries]
    wrong = override_problems(entries, disable, severity)
    if wrong:
        raise LexiconError(wrong[0])
    disabled = set(disable)
    entries = [
        replace(e, severity=severity[e.id]) if e.id in severity else e
        for e in entries
        if e.id not in disabled
    ]
    names: list[str] = []
    seen: set[str] = set()
    for r in results:
        for name, _line in r.names:
            if name.lower() not in seen:
                seen.add(name.lower())
                names.append(name)
    lexicon = Lexicon(
        entries=tuple(entries), official_names=tuple(names), files=tuple(str(f) for f in files)
    )
    if len(_assembled) > 32:  # overrides rarely change; don't grow without bound
        _assembled.clear()
    _assembled[memo_key] = lexicon
    return lexicon
