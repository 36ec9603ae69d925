"""Learning from reviewers (issue 14): a model per database that predicts which
flags a reviewer would dismiss, trained on the decisions the review stores.

A service, beside ``monitor`` and ``awards``: it reads decisions through
``storage.learned`` (every query there), describes flags with
``framing.features`` and keys models to the lexicon they were trained with.
It only ever serves the review queue; ``check`` and the draft checker never
suppress a flag unless asked (``--learned``).
"""
