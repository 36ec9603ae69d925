"""Context rules: each decides whether one candidate is exempt under the policy.

A rule is ``rule(candidate, sentence, index) -> str | None`` and returns the
reason for exempting (shown with ``--debug``-style tooling and in tests) or
None.  ``TEXT_RULES`` need only the sentence text and run before tagging, so a
sentence whose candidates are all exempt never reaches the tagger.
``TAG_RULES`` need the tagger's part-of-speech tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from framing.candidate import Candidate, Sentence

if TYPE_CHECKING:
    from framing.index import Index

from framing.rules.captives import captive
from framing.rules.domain import noun_modifier_out_of_domain, out_of_domain_sense
from framing.rules.hypothetical import hypothetical_person
from framing.rules.idioms import in_exception_phrase, neighbour_words
from framing.rules.mentions import label_rejected, word_mention
from framing.rules.names import capitalised_name, propn_name
from framing.rules.nearby import missing_nearby
from framing.rules.nonhuman import (
    animal_welfare_context,
    literal_animal,
    nonhuman_referent,
    sport_metaphor,
)
from framing.rules.official import in_official_name
from framing.rules.pos import wrong_part_of_speech
from framing.rules.referent import (
    abstract_noun,
    adjective_complement,
    colour_before,
    modifies_thing,
    names_a_cause,
    predicate_of_thing,
)
from framing.rules.similes import treatment_simile
from framing.rules.titles import (
    appositive_title,
    fiction_cue,
    in_known_title,
    in_title_case_run,
    title_before_known_for,
)

# a rule: (candidate, sentence, index) -> the reason it is exempt, or None
Rule = Callable[[Candidate, Sentence, "Index"], str | None]

TEXT_RULES: tuple[Rule, ...] = (
    in_official_name,
    in_exception_phrase,
    neighbour_words,
    nonhuman_referent,
    animal_welfare_context,
    sport_metaphor,
    word_mention,
    label_rejected,
    in_known_title,
    in_title_case_run,
    appositive_title,
    title_before_known_for,
    fiction_cue,
    capitalised_name,
    out_of_domain_sense,
    missing_nearby,
    captive,
    hypothetical_person,
    treatment_simile,
    names_a_cause,
)
TAG_RULES: tuple[Rule, ...] = (
    wrong_part_of_speech,
    modifies_thing,
    predicate_of_thing,
    abstract_noun,
    colour_before,
    propn_name,
    noun_modifier_out_of_domain,
    literal_animal,
    adjective_complement,
)


def first_exemption(
    rules: Iterable[Rule], candidate: Candidate, sentence: Sentence, index: Index
) -> str | None:
    for rule in rules:
        reason = rule(candidate, sentence, index)
        if reason:
            return reason
    return None
