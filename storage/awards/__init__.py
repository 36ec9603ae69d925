"""The awards repositories: cycles, nominations, judges and recusals, score
sheets, and the audit log (tables in ``storage/awards/tables.py``)."""
