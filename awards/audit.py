"""Reading the awards audit log (entries are written by each change, see
``awards.common.log_change``)."""

from __future__ import annotations

import json

from awards.model import AuditEntry
from storage.awards import audit as audit_store
from storage.db import Database


def audit_log(db: Database, cycle_id: int | None = None) -> list[AuditEntry]:
    with db.read() as conn:
        return [
            AuditEntry(
                r.id,
                r.cycle_id,
                r.at,
                r.who,
                r.action,
                r.entity,
                r.entity_id,
                json.loads(r.details),
            )
            for r in audit_store.entries(conn, cycle_id)
        ]
