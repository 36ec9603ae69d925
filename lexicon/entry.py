"""Reading one lexicon entry (see ``lexicon/model.py`` for the format)."""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from lexicon.model import (
    CATEGORIES,
    SEVERITIES,
    STATUS_GROUPS,
    STATUSES,
    Alternative,
    Entry,
    Form,
    Source,
)
from lexicon.nodes import BOOL_TAG, Fields, NodeReader, kind_of
from lexicon.problems import close_match

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
# spaCy's coarse (Universal Dependencies) tags: anything else is a typo.
POS_TAGS = frozenset(
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
)
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CURLY = "\u2019"


class EntryReader(NodeReader):
    """Turns an entry's mapping node into an :class:`Entry`, noting problems."""

    def read_entry(self, node: yaml.Node) -> Entry | None:
        fields = self.mapping(node, "an entry")
        if fields is None:
            return None
        before = len(self.problems)
        line = node.start_mark.line + 1
        self.check_field_names(node, fields)

        def get(key: str) -> yaml.Node | None:
            return fields[key][1] if key in fields else None

        entry_id, category, severity, sense, rationale = self.read_scalars(get)
        forms = self.read_forms(get("forms")) if "forms" in fields else ()
        alternatives = (
            self.read_alternatives(get("alternatives")) if "alternatives" in fields else ()
        )
        sources = self.read_sources(get("sources")) if "sources" in fields else ()
        pos = self.read_pos(get("pos"))
        refers_to_people = self.read_refers_to_people(get("refers_to_people"))
        word_lists = self.read_word_lists(fields, get)
        exceptions = self.read_exceptions(get("exceptions"), forms)
        texts = {
            key: (self.text(get(key), key) or "") if key in fields else ""
            for key in ("advice", "disagreement", "decision")
        }
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
        assert entry_id and category and severity and sense and rationale  # no problems: all set
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
            not_followed_by=word_lists["not_followed_by"],
            not_preceded_by=word_lists["not_preceded_by"],
            requires_nearby=word_lists["requires_nearby"],
            advice=texts["advice"],
            disagreement=texts["disagreement"],
            decision=texts["decision"],
        )

    def check_field_names(self, node: yaml.Node, fields: Fields) -> None:
        id_hint = ""
        if "id" in fields:
            id_node = fields["id"][1]
            id_hint = f" '{id_node.value}'" if isinstance(id_node, yaml.ScalarNode) else ""
        for key, (key_node, _v) in fields.items():
            if key not in KNOWN_FIELDS:
                close = close_match(key, KNOWN_FIELDS)
                self.problem(key_node, f"unknown field '{key}' in entry{id_hint}{close}")
        for key in REQUIRED_FIELDS:
            if key not in fields:
                self.problem(node, f"entry{id_hint} is missing required field '{key}'")

    def read_scalars(
        self, get: Callable[[str], yaml.Node | None]
    ) -> tuple[str | None, str | None, str | None, str | None, str | None]:
        """id, category, severity, sense and rationale, each checked."""
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
                    f"unknown category '{category}'{close_match(category, CATEGORIES)} "
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
        return entry_id, category, severity, sense, rationale

    def read_pos(self, node: yaml.Node | None) -> tuple[str, ...]:
        if node is None:
            return ()
        items = self.text_list(node, "pos")
        for value, item in items:
            if value not in POS_TAGS:
                self.problem(
                    item,
                    f"unknown part-of-speech tag '{value}' "
                    f"(spaCy coarse tags such as NOUN, ADJ, PROPN)",
                )
        return tuple(v for v, _ in items)

    def read_refers_to_people(self, node: yaml.Node | None) -> bool:
        if node is None:
            return True
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG:
            return str(node.value).lower() in ("true", "yes", "on", "y")
        self.problem(node, "refers_to_people must be true or false")
        return True

    def read_word_lists(
        self, fields: Fields, get: Callable[[str], yaml.Node | None]
    ) -> dict[str, tuple[str, ...]]:
        word_lists = {}
        for key in ("not_followed_by", "not_preceded_by", "requires_nearby"):
            node = get(key)
            items = self.text_list(node, key) if node is not None else []
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
        return word_lists

    def read_exceptions(self, node: yaml.Node | None, forms: tuple[Form, ...]) -> tuple[str, ...]:
        if node is None:
            return ()
        items = self.text_list(node, "exceptions")
        form_texts = [f.text for f in forms]
        for value, item in items:
            if form_texts and not any(contains_word(value, f) for f in form_texts):
                self.problem(
                    item,
                    f"exception '{value}' contains none of the entry's "
                    "forms, so it can never apply",
                )
        return tuple(v for v, _ in items)

    def read_forms(self, node: yaml.Node | None) -> tuple[Form, ...]:
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

    def read_alternatives(self, node: yaml.Node | None) -> tuple[Alternative, ...]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"alternatives must be a list, not {kind_of(node)}")
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
                fields,
                ("singular", "plural", "statuses"),
                "alternative",
                "'singular', 'plural' and 'statuses'",
            )
            if "singular" not in fields:
                self.problem(item, "alternative is missing 'singular'")
                continue
            singular = self.text(fields["singular"][1], "alternative 'singular'")
            plural = singular
            if "plural" in fields:
                plural = self.text(fields["plural"][1], "alternative 'plural'")
            statuses = self.read_statuses(fields["statuses"][1]) if "statuses" in fields else ()
            if singular is not None and plural is not None:
                out.append(Alternative(singular, plural, statuses))
        return tuple(out)

    def read_statuses(self, node: yaml.Node) -> tuple[str, ...]:
        """An alternative's statuses: names from STATUSES or shorthands from
        STATUS_GROUPS ("pre-verdict"), expanded, in STATUSES order."""
        out: set[str] = set()
        for value, item in self.text_list(node, "statuses"):
            if value in STATUS_GROUPS:
                out.update(STATUS_GROUPS[value])
            elif value in STATUSES:
                out.add(value)
            else:
                known = (*STATUSES, *STATUS_GROUPS)
                self.problem(
                    item,
                    f"unknown status '{value}'{close_match(value, known)} "
                    f"(expected one of: {', '.join(known)})",
                )
        return tuple(s for s in STATUSES if s in out)

    def read_sources(self, node: yaml.Node | None) -> tuple[Source, ...]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"sources must be a list, not {kind_of(node)}")
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


def _is_possessive(text: str) -> bool:
    last = text.split()[-1].replace(CURLY, "'")
    return last.endswith("'s") or last.endswith("s'")


def contains_word(phrase: str, form: str) -> bool:
    pattern = r"(?<![\w'])" + re.escape(form.lower()) + r"(?![\w])"
    return re.search(pattern, phrase.lower()) is not None
