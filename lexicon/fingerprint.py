"""A lexicon's fingerprint: what a learned model was trained against.

A model learned from reviewers' decisions belongs to the lexicon whose flags
they decided on: an entry added, removed, re-worded or given a new exception
changes which flags appear and what they mean, so the model is stale.  The
fingerprint covers every entry's content and the official names, and not
where the files are (``file``, ``line``), so the same lexicon on two machines
has the same fingerprint.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json

from lexicon.model import Lexicon


def fingerprint(lexicon: Lexicon) -> str:
    """sha256 (first 16 hex digits) of the lexicon's content."""
    entries = []
    for e in sorted(lexicon.entries, key=lambda e: e.id):
        data = dataclasses.asdict(e)
        data.pop("file", None)
        data.pop("line", None)
        entries.append(data)
    blob = json.dumps(
        {"entries": entries, "names": sorted(lexicon.official_names)},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]
