"""Award cycles: creating one, editing it (every nomination's eligibility
judged again under the new rules), finding one, and the sift's progress.
Which cycle is current, archiving and deleting: :mod:`awards.lifecycle`.

Every function takes the open Database and does its work in one
transaction, with an audit entry for every change in that same transaction.
"""

from __future__ import annotations

import json

from awards import lifecycle, rules
from awards.common import (
    did_you_mean,
    load_cycle,
    log_change,
    match_category,
    need_who,
    parse_date,
    writable_cycle,
)
from awards.errors import AwardsError
from awards.model import (
    CategoryProgress,
    Cycle,
    Nomination,
    Reassessed,
    cycle_from_row,
    nomination_from_row,
)
from storage.awards import cycles as cycle_store
from storage.awards import nominations as nomination_store
from storage.db import Connection, Database, utcnow


def create_cycle(
    db: Database,
    *,
    year: int,
    who: str,
    name: str | None = None,
    window_start: str | None = None,
    window_end: str | None = None,
    categories: tuple[str, ...] | list[str] | None = None,
    criteria: tuple[str, ...] | list[str] | None = None,
    scale: tuple[int, int] = rules.DEFAULT_SCALE,
    max_items: int = rules.DEFAULT_MAX_ITEMS,
    max_citation_words: int = rules.DEFAULT_MAX_CITATION_WORDS,
    shortlist_target: int = rules.DEFAULT_SHORTLIST_TARGET,
    highly_commended_max: int = rules.DEFAULT_HIGHLY_COMMENDED_MAX,
    make_current: bool = False,
) -> Cycle:
    """A new cycle.  The window defaults to the calendar year; criteria are labels.

    It becomes the current cycle only when asked (``make_current``) or when
    there is no other open cycle (the first one, or all others archived):
    creating next year's cycle must not redirect this year's commands.  If a
    cycle was in effect only as "the only one", it is now set as current, so
    it stays in effect."""
    who = need_who(who)
    start = parse_date(window_start, "window start") or f"{year}-01-01"
    end = parse_date(window_end, "window end") or f"{year}-12-31"
    if start > end:
        raise AwardsError(f"cycle {year}: window start {start} is after window end {end}")
    if scale[0] >= scale[1]:
        raise AwardsError(f"cycle {year}: scale {scale[0]}-{scale[1]} must go from low to high")
    for label, n in (
        ("items per nominee", max_items),
        ("citation word limit", max_citation_words),
        ("shortlist target", shortlist_target),
    ):
        if n < 1:
            raise AwardsError(f"cycle {year}: {label} must be at least 1")
    if highly_commended_max < 0:
        raise AwardsError(f"cycle {year}: highly commended per category cannot be negative")
    cats = tuple(" ".join(c.split()) for c in (categories or rules.DEFAULT_CATEGORIES) if c.strip())
    if len(set(cats)) != len(cats) or not cats:
        raise AwardsError(f"cycle {year}: categories must be distinct and non-empty")
    if criteria:
        crit = tuple((rules.slug(c), " ".join(c.split())) for c in criteria if c.strip())
    else:
        crit = rules.DEFAULT_CRITERIA
    if len({k for k, _ in crit}) != len(crit) or not crit:
        raise AwardsError(f"cycle {year}: criteria must be distinct and non-empty")
    name = (name or f"Media Awards {year}").strip()
    with db.transaction() as conn:
        if cycle_store.id_by_name(conn, name) is not None:
            raise AwardsError(f"cycle '{name}' already exists")
        before = lifecycle.in_effect(conn)  # before this one exists
        had_open = any(not c.archived for c in lifecycle.all_cycles(conn))
        cid = cycle_store.insert(
            conn,
            year=year,
            name=name,
            window_start=start,
            window_end=end,
            categories=json.dumps(list(cats)),
            criteria=json.dumps([list(c) for c in crit]),
            scale_min=scale[0],
            scale_max=scale[1],
            max_items=max_items,
            max_citation_words=max_citation_words,
            shortlist_target=shortlist_target,
            highly_commended_max=highly_commended_max,
            created_at=utcnow(),
            created_by=who,
        )
        cycle = load_cycle(conn, cid)
        current = make_current or not had_open
        pinned = before if not current and before is not None else None
        if pinned is not None and lifecycle.stored_current(conn) is not None:
            pinned = None  # already set: nothing to pin
        if current:
            lifecycle.set_current(conn, cycle, who, audit=False)
        elif pinned is not None:
            # in effect only as the one open cycle: pin it, or this one would take over
            lifecycle.set_current(conn, pinned, who, audit=False)
        log_change(
            conn,
            cid,
            who,
            "cycle.create",
            "cycle",
            cid,
            name=name,
            year=year,
            window=[start, end],
            categories=list(cats),
            criteria=[k for k, _ in crit],
            scale=list(scale),
            max_items=max_items,
            max_citation_words=max_citation_words,
            shortlist_target=shortlist_target,
            highly_commended_max=highly_commended_max,
            current=current,
            **({"kept_current": pinned.name} if pinned is not None else {}),
            **({"replaced_current": before.name} if current and before is not None else {}),
        )
        return cycle


def edit_cycle(
    db: Database,
    cycle_id: int,
    *,
    who: str,
    name: str | None = None,
    window_start: str | None = None,
    window_end: str | None = None,
    add_categories: tuple[str, ...] | list[str] = (),
    rename_categories: dict[str, str] | None = None,
    remove_categories: tuple[str, ...] | list[str] = (),
    max_items: int | None = None,
    max_citation_words: int | None = None,
    shortlist_target: int | None = None,
    highly_commended_max: int | None = None,
) -> tuple[Cycle, list[Reassessed]]:
    """Change a cycle's name, window, categories or limits, then judge every
    nomination's eligibility again under the new rules.

    Criteria and the scale are not editable: score sheets already entered are
    expressed in them.  A renamed category carries its nominations with it; a
    category that still holds nominations cannot be removed.  Overridden
    nominations stay overridden (an admin's decision, recorded with a reason).
    The highly-commended limit cannot drop below what a category already has.
    The change and every eligibility it alters go into the audit log."""
    who = need_who(who)
    with db.transaction() as conn:
        old = writable_cycle(conn, cycle_id)
        # category names as typed on a command line: matched like a nomination's
        renames = {
            match_category(old, k): " ".join(v.split())
            for k, v in (rename_categories or {}).items()
        }
        remove_categories = [match_category(old, c) for c in remove_categories]
        where = f"cycle '{old.name}'"
        start = parse_date(window_start, "window start") or old.window_start
        end = parse_date(window_end, "window end") or old.window_end
        if start > end:
            raise AwardsError(f"{where}: window start {start} is after window end {end}")
        limits = {
            "max_items": max_items,
            "max_citation_words": max_citation_words,
            "shortlist_target": shortlist_target,
        }
        for label, n in limits.items():
            if n is not None and n < 1:
                raise AwardsError(f"{where}: {label.replace('_', ' ')} must be at least 1")
        if highly_commended_max is not None:
            _check_highly_commended(conn, old, where, highly_commended_max)
            limits["highly_commended_max"] = highly_commended_max
        cats = _edited_categories(conn, old, where, renames, remove_categories, add_categories)
        new_name = (name or old.name).strip()
        if new_name != old.name and cycle_store.id_by_name(conn, new_name) is not None:
            raise AwardsError(f"cycle '{new_name}' already exists")
        values = {
            "name": new_name,
            "window_start": start,
            "window_end": end,
            "categories": json.dumps(cats),
        }
        values.update({k: v for k, v in limits.items() if v is not None})
        cycle_store.update(conn, cycle_id, **values)
        for before, after in renames.items():
            nomination_store.rename_category(conn, cycle_id, before, after)
        cycle = load_cycle(conn, cycle_id)
        changed = {
            k: [getattr(old, k), getattr(cycle, k)]
            for k in (
                "name",
                "window_start",
                "window_end",
                "max_items",
                "max_citation_words",
                "shortlist_target",
                "highly_commended_max",
            )
            if getattr(old, k) != getattr(cycle, k)
        }
        if old.categories != cycle.categories:
            changed["categories"] = [list(old.categories), list(cycle.categories)]
        log_change(
            conn, cycle_id, who, "cycle.edit", "cycle", cycle_id, changed=changed, renamed=renames
        )
        reassessed = reassess(conn, cycle, who)
        return cycle, reassessed


def _check_highly_commended(conn: Connection, old: Cycle, where: str, limit: int) -> None:
    if limit < 0:
        raise AwardsError(f"{where}: highly commended per category cannot be negative")
    category, held = nomination_store.max_decided_in_a_category(conn, old.id, "highly-commended")
    if held > limit:
        raise AwardsError(
            f"{where}: {category} already has {held} highly commended; "
            f"change some of those decisions before lowering the limit to {limit}"
        )


def _edited_categories(
    conn: Connection,
    old: Cycle,
    where: str,
    renames: dict[str, str],
    remove: list[str],
    add: tuple[str, ...] | list[str],
) -> list[str]:
    """The cycle's categories after renames, removals (of empty ones) and additions."""
    cats = list(old.categories)
    for before, after in renames.items():
        if before not in cats:
            raise AwardsError(
                f"{where}: no category '{before}' to rename{did_you_mean(before, cats)} "
                f"(categories: {', '.join(cats)})"
            )
        if not after or after in cats:
            raise AwardsError(
                f"{where}: cannot rename '{before}' to '{after}': empty or already a category"
            )
        cats[cats.index(before)] = after
    held = nomination_store.counts_by_category(conn, old.id)
    for gone in (" ".join(c.split()) for c in remove):
        if gone not in cats:
            raise AwardsError(
                f"{where}: no category '{gone}' to remove{did_you_mean(gone, cats)} "
                f"(categories: {', '.join(cats)})"
            )
        count = held.get(next((b for b, a in renames.items() if a == gone), gone), 0)
        if count:
            raise AwardsError(
                f"{where}: category '{gone}' holds {count} nomination(s); "
                "rename it, or move them first"
            )
        cats.remove(gone)
    for extra in (" ".join(c.split()) for c in add if c.strip()):
        if extra in cats:
            raise AwardsError(f"{where}: category '{extra}' already exists")
        cats.append(extra)
    if not cats:
        raise AwardsError(f"{where}: a cycle needs at least one category")
    return cats


def reassess(conn: Connection, cycle: Cycle, who: str) -> list[Reassessed]:
    """Every nomination judged again in the order it was made, as if nominated
    under the cycle's current rules (earlier items count; duplicates are of earlier URLs)."""
    counts: dict[str, int] = {}
    first_url: dict[str, int] = {}
    out: list[Reassessed] = []
    rows = nomination_store.in_order(conn, cycle.id)
    for row in rows:
        nom = nomination_from_row(row)
        url = nom.url.strip()
        reasons = rules.eligibility_reasons(
            cycle.rules(),
            category=nom.category,
            published_on=nom.published_on,
            nominees=rules.nominees(nom.journalists, nom.outlet),
            citation=nom.citation,
            items_so_far=counts,
            duplicate_of=first_url.get(url) if url else None,
        )
        status = (
            nom.eligibility
            if nom.eligibility == "overridden"
            else ("ineligible" if reasons else "eligible")
        )
        if status != "ineligible":
            rules.count_item(counts, rules.nominees(nom.journalists, nom.outlet))
        if url:
            first_url.setdefault(url, nom.id)
        stored = json.dumps([r.to_json() for r in reasons], ensure_ascii=False)
        if status != nom.eligibility or stored != row.reasons:
            nomination_store.update(conn, nom.id, eligibility=status, reasons=stored)
            log_change(
                conn,
                cycle.id,
                who,
                "nomination.reassess",
                "nomination",
                nom.id,
                before=nom.eligibility,
                after=status,
                reasons=[r.code for r in reasons],
            )
        off = nom.stage == "shortlist" and not rules.judged(nom.stage, status)
        cleared = _unshortlist(conn, cycle, nom, reasons, who) if off else ""
        if status != nom.eligibility or off:
            out.append(
                Reassessed(nom.id, nom.title, nom.eligibility, status, tuple(reasons), off, cleared)
            )
    return out


def _unshortlist(
    conn: Connection, cycle: Cycle, nom: Nomination, reasons: list[rules.Reason], who: str
) -> str:
    """Take a shortlisted entry that is no longer eligible (and has no
    override) back to the longlist, clearing any decision it held; returns
    that decision ("" if none).

    Shortlisting refuses an ineligible entry, so one made ineligible later
    must leave the shortlist too: otherwise it is judged, ranked and can win
    against the rules.  Its score sheets are kept (uncounted), and an
    override followed by 'shortlist move' puts it back.
    """
    why = "no longer eligible: " + ("; ".join(r.message for r in reasons) or "ineligible")
    nomination_store.update(conn, nom.id, stage="longlist", stage_reason=why)
    log_change(
        conn,
        cycle.id,
        who,
        "nomination.move",
        "nomination",
        nom.id,
        **{"from": "shortlist", "to": "longlist", "reason": why},
    )
    if not nom.decision:
        return ""
    nomination_store.update(conn, nom.id, decision="", decision_note="")
    log_change(
        conn,
        cycle.id,
        who,
        "nomination.decide",
        "nomination",
        nom.id,
        **{
            "from": nom.decision,
            "to": "",
            "note": why,
            "category": nom.category,
            "stage": "no decision",
        },
    )
    return nom.decision


def list_cycles(db: Database, *, archived: bool = False) -> list[Cycle]:
    """Cycles oldest year first; archived ones only when asked (hidden from defaults)."""
    with db.read() as conn:
        found = [cycle_from_row(r) for r in cycle_store.all_cycles(conn)]
    return [c for c in found if archived or not c.archived]


def get_cycle(db: Database, ref: int | str | None = None) -> Cycle:
    """A cycle by name, year or id (archived ones too); ``None`` means the
    current cycle (see :mod:`awards.lifecycle`), never simply the newest."""
    with db.read() as conn:
        if ref is None or str(ref).strip() == "":
            return lifecycle.resolve_current(conn)
        return lifecycle.find(conn, ref)


def cycle_by_id(db: Database, cycle_id: int) -> Cycle:
    with db.read() as conn:
        return load_cycle(conn, cycle_id)


def progress(db: Database, cycle_id: int) -> list[CategoryProgress]:
    with db.read() as conn:
        cycle = load_cycle(conn, cycle_id)
        noms = [nomination_from_row(r) for r in nomination_store.of_cycle(conn, cycle.id)]
    return progress_from(cycle, noms)


def progress_from(cycle: Cycle, noms: list[Nomination]) -> list[CategoryProgress]:
    """``progress`` over all the cycle's nominations, already read."""
    cats = list(cycle.categories) + sorted({n.category for n in noms} - set(cycle.categories))
    return [
        CategoryProgress(
            c,
            *(sum(1 for n in noms if n.category == c and n.stage == s) for s in rules.STAGES),
            cycle.shortlist_target,
        )
        for c in cats
    ]
