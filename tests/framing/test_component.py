"""The spaCy component's contract, as spaCy's own components keep it: a factory
declaring what it assigns, a default config naming a registered lexicon loader,
data loaded by initialize(), and a clear error (never the shipped lexicon as a
silent stand-in) when it has none."""

from __future__ import annotations

import pytest
from spacy.language import Language

from framing.component import LEXICON_LOADER, NAME
from framing.errors import ComponentError
from framing.model import load_model

from ..lexicon.conftest import entry

TEXT = "The inmates were moved after the widgeteers complained."


def _pipeline(**loader_args: object) -> Language:
    nlp = load_model()
    config = {"lexicon_loader": {"@misc": LEXICON_LOADER, **loader_args}} if loader_args else {}
    nlp.add_pipe(NAME, config=config)
    return nlp


def _flags(nlp: Language) -> dict[str, str]:
    return {s._.flag.entry: s.text for s in nlp(TEXT)._.flags}


def test_factory_declares_what_it_assigns_and_names_a_registered_loader():
    meta = Language.get_factory_meta(NAME)
    assert meta.assigns == ["doc._.flags", "span._.flag"]
    assert meta.default_config == {"lexicon_loader": {"@misc": "framewatch.lexicon_loader.v1"}}
    nlp = _pipeline()
    assert nlp.config["components"][NAME]["lexicon_loader"]["@misc"] == LEXICON_LOADER


def test_uninitialised_component_raises_a_clear_error_not_a_fallback():
    nlp = _pipeline()
    with pytest.raises(ComponentError, match=r"has no lexicon: call .*initialize\(\)"):
        nlp(TEXT)


def test_initialize_loads_the_configured_lexicon_with_its_overrides(tmp_path):
    nlp = _pipeline()
    nlp.get_pipe(NAME).initialize()
    assert _flags(nlp) == {"inmate": "inmates"}  # the shipped lexicon, as configured

    extra = tmp_path / "org.yaml"
    extra.write_text("entries:\n" + entry("org-widgeteer", "widgeteer"), encoding="utf-8")
    custom = _pipeline(extra_files=[str(extra)], disable=["inmate"], severity={"thug": "low"})
    custom.get_pipe(NAME).initialize()
    flags = {s._.flag.entry: s for s in custom(TEXT + " The thug ran.")._.flags}
    assert set(flags) == {"org-widgeteer", "thug"}
    assert flags["org-widgeteer"].text == "widgeteers"
    index = custom.get_pipe(NAME).index
    assert index is not None and index.entries["thug"].severity == "low"
