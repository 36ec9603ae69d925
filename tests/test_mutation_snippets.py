"""Every named mutation in benchmarks/mutations.py still applies to today's code.

The mutation check itself takes minutes and is run by hand (CONTRIBUTING.md);
a refactor that moves a guarded line makes its mutation inapplicable, and the
guarantee it stands for silently stops being checked.  This reads each snippet
against the work tree in milliseconds, so a move fails the suite at once and
names the mutation to re-point.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _mutations():
    spec = importlib.util.spec_from_file_location(
        "fw_mutations", ROOT / "benchmarks" / "mutations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


MOD = _mutations()


@pytest.mark.parametrize("mutation", MOD.MUTATIONS, ids=lambda m: m.name)
def test_each_mutation_applies_exactly_once(mutation):
    # the snippet occurs exactly once, and every guard module named exists
    assert MOD.snippet_problem(ROOT, mutation) is None
