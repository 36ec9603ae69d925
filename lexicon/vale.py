"""Export the lexicon as a Vale style, for teams that already lint with Vale.

Vale matches regular expressions, not parsed sentences, so the export is an
approximation of what the framing engine does:

- ``not_followed_by`` / ``not_preceded_by`` become lookarounds in the swap
  keys (Vale's regexp2 engine supports them);
- entry exceptions and official names become the rule's ``exceptions``;
- part-of-speech checks cannot be expressed (the verb "to convict" will be
  reported by Vale but not by Framewatch);
- entries that need a nearby word (``requires_nearby``: "lags", "animals",
  "vermin"...) are left out, because without that check they are mostly
  noise.

One rule file per category and Vale level.  A category's commonest level
gets the plain file name (``PersonLabel.yml``); entries at another level go
to a file with the level appended (``PersonLabelError.yml``) so ``level``
stays faithful to each entry's severity.  Entries with no drop-in
alternative become ``existence`` rules (``...Avoid.yml``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from lexicon.model import CATEGORIES, SEVERITY_RANK, Entry, Lexicon

STYLE = "Framewatch"
LEVELS = {"high": "error", "medium": "warning", "low": "suggestion"}
_SPECIAL = set("\\.+*?()|[]{}^$#")


def escape(text: str) -> str:
    """Escape regex metacharacters only: spaces and apostrophes stay readable."""
    return "".join("\\" + c if c in _SPECIAL else c for c in text)


def form_pattern(entry: Entry, texts: list[str]) -> str:
    """Surface forms as one Vale regex, with the entry's neighbour exclusions."""
    # Longest first: the regex alternation takes the first branch that matches.
    texts = sorted(texts, key=len, reverse=True)
    pattern = escape(texts[0]) if len(texts) == 1 else "(?:" + "|".join(map(escape, texts)) + ")"
    # One fixed-width lookbehind per word: portable across regex engines.
    before = "".join(r"(?<!\b" + escape(w) + r"[\s-])" for w in entry.not_preceded_by if w != "-")
    pattern = before + pattern
    if "-" in entry.not_preceded_by:
        pattern = "(?<!-)" + pattern
    if entry.not_followed_by:
        after = "|".join(map(escape, entry.not_followed_by))
        pattern += r"(?![\s-]+(?:" + after + r")\b)"
    return pattern


def _camel(category: str) -> str:
    return "".join(part.capitalize() for part in category.split("-"))


def exportable(entry: Entry) -> bool:
    return not entry.requires_nearby


def rule_files(lexicon: Lexicon) -> dict[str, dict[str, Any]]:
    """File name -> rule mapping, ready to be dumped as YAML."""
    by_category: dict[str, list[Entry]] = defaultdict(list)
    for entry in lexicon.entries:
        if exportable(entry):
            by_category[entry.category].append(entry)
    names = [escape(n) for n in lexicon.official_names]
    rules: dict[str, dict[str, Any]] = {}
    for category in CATEGORIES:
        entries = by_category.get(category)
        if not entries:
            continue
        counts = Counter(e.severity for e in entries)
        # Commonest severity; ties go to the stricter one.
        default = max(counts, key=lambda s: (counts[s], SEVERITY_RANK[s]))
        groups: dict[tuple[str, bool], list[Entry]] = defaultdict(list)
        for entry in entries:
            groups[(entry.severity, bool(entry.alternatives))].append(entry)
        for (severity, has_alternatives), group in sorted(
            groups.items(), key=lambda kv: (-SEVERITY_RANK[kv[0][0]], not kv[0][1])
        ):
            level = LEVELS[severity]
            name = _camel(category)
            if severity != default:
                name += level.capitalize()
            if not has_alternatives:
                name += "Avoid"
            rules[f"{name}.yml"] = _rule(category, level, group, names, has_alternatives)
    return rules


def _rule(
    category: str, level: str, entries: list[Entry], names: list[str], substitution: bool
) -> dict[str, Any]:
    label = CATEGORIES[category]
    exceptions = list(dict.fromkeys([escape(x) for e in entries for x in e.exceptions] + names))
    rule: dict[str, Any] = {
        "extends": "substitution" if substitution else "existence",
        "message": (
            f"{label}: consider '%s' instead of '%s'."
            if substitution
            else f"{label}: '%s' has no drop-in replacement; rewrite the sentence "
            "(see 'framewatch lexicon show')."
        ),
        "level": level,
        "ignorecase": True,
        "link": entries[0].sources[0].url,
    }
    if substitution:
        rule["action"] = {"name": "replace"}
        swap = {}
        for entry in entries:
            by_number: dict[str | None, list[str]] = defaultdict(list)
            for form in entry.forms:
                by_number[form.number].append(form.text)
            for number, texts in by_number.items():
                options = [a.for_number(number) for a in entry.alternatives]
                swap[form_pattern(entry, texts)] = "|".join(dict.fromkeys(options))
        rule["swap"] = swap
    else:
        rule["tokens"] = [form_pattern(e, [f.text for f in e.forms]) for e in entries]
    rule["exceptions"] = exceptions
    return rule


README = """\
# Framewatch style for Vale

Generated by `framewatch lexicon export --format vale` from the Framewatch
lexicon ({entries} entries exported; {skipped} left out, see below).

## Use it

Put this folder's path in your `.vale.ini` as the styles path and enable the
style:

```ini
StylesPath = {path}
MinAlertLevel = suggestion

[*.{{md,txt,html}}]
BasedOnStyles = Framewatch
```

Then run `vale yourfile.md`.

- Levels follow the lexicon's severity: high = error, medium = warning,
  low = suggestion. Set `MinAlertLevel = warning` to hide the soft
  suggestions (for example "prisoner").
- Each category has one rule file; entries whose severity differs from the
  category's usual one are in a file with the level appended
  (`PersonLabelError.yml`). Entries with no drop-in replacement are
  `existence` rules in `...Avoid.yml` files.
- Turn a rule off for a passage with `<!-- vale Framewatch.PersonLabel = NO -->`.

## Limits

Vale matches patterns; the Framewatch engine reads sentences. Compared with
`framewatch check`, this style cannot tell a noun from a verb ("to
convict"), cannot see quotations, titles or whether a word refers to
people, and leaves out the entries that need a nearby word to be sure of
the sense: {skipped_ids}.
"""


def export_vale(lexicon: Lexicon, directory: Path | str) -> list[Path]:
    """Write ``directory/Framewatch/*.yml`` and ``directory/README.md``; return the paths."""
    directory = Path(directory)
    style_dir = directory / STYLE
    style_dir.mkdir(parents=True, exist_ok=True)
    for old in style_dir.glob("*.yml"):  # a rule dropped from the lexicon must not linger
        old.unlink()
    written = []
    for name, rule in rule_files(lexicon).items():
        path = style_dir / name
        path.write_text(
            yaml.safe_dump(rule, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
        )
        written.append(path)
    skipped = [e.id for e in lexicon.entries if not exportable(e)]
    readme = directory / "README.md"
    readme.write_text(
        README.format(
            entries=len(lexicon.entries) - len(skipped),
            skipped=len(skipped),
            path=directory.resolve(),
            skipped_ids=", ".join(skipped) or "none",
        ),
        encoding="utf-8",
    )
    written.append(readme)
    return written
