"""Review services: what the terminal UI and ``framewatch articles`` ask of the database.

- :mod:`monitor.review.model`: the dataclasses returned and the values accepted;
- :mod:`monitor.review.listing`: the queue (one page, filtered and sorted) and article lists;
- :mod:`monitor.review.article`: one article with its flags; decisions, notes, status;
- :mod:`monitor.review.paste`: a pasted or hand-entered article, analysed;
- :mod:`monitor.review.insights`: lexicon statistics and the weekly overview.

Every function takes the open :class:`storage.db.Database`; the SQL is in ``storage/``.
"""
