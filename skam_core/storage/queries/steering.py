"""Steering-committee reads: meetings, escalations and decisions of an account, as of a date."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.storage.db import Store
from skam_core.storage.versioned import visible_clause


def meetings(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """Meetings of the account, newest first."""
    vis, params = visible_clause(as_of)
    return store.df(
        f"SELECT id, customer_id, held_on, pinned_as_of, attendees_ours, attendees_customer, summary,"
        f" next_meeting_on, valid_from, changed_by FROM steering_meetings"
        f" WHERE customer_id = ? AND {vis} AND NOT is_deleted ORDER BY held_on DESC",
        [customer_id, *params],
    )


def escalations(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """Escalations of the account, open first, then by due date."""
    vis, params = visible_clause(as_of)
    return store.df(
        f"SELECT id, customer_id, raised_on, raised_by, problem, owner, decision_needed, due, status, decision,"
        f" decided_on, decided_by, valid_from FROM escalations WHERE customer_id = ? AND {vis} AND NOT is_deleted"
        f" ORDER BY status <> 'open', due NULLS LAST, raised_on",
        [customer_id, *params],
    )


def decisions(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """The decision log, newest first."""
    vis, params = visible_clause(as_of)
    return store.df(
        f"SELECT id, customer_id, meeting_id, escalation_id, decided_on, text, owner, changed_by FROM decisions"
        f" WHERE customer_id = ? AND {vis} AND NOT is_deleted ORDER BY decided_on DESC, valid_from DESC",
        [customer_id, *params],
    )


def committee_overview(store: Store, customer_ids: list[str], as_of: date | None = None) -> pd.DataFrame:
    """Per account: last meeting, next meeting, open escalations (for the chair's overview of all packs)."""
    if not customer_ids:
        return pd.DataFrame(columns=["customer_id", "meetings", "last_meeting", "next_meeting", "open_escalations"])
    mvis, mparams = visible_clause(as_of, "m")
    evis, eparams = visible_clause(as_of, "e")
    return store.df(
        f"WITH ids AS (SELECT unnest(?::VARCHAR[]) AS customer_id),"
        f" m AS (SELECT customer_id, count(*) AS meetings, max(held_on) AS last_meeting,"
        f"   arg_max(next_meeting_on, held_on) AS next_meeting FROM steering_meetings m"
        f"   WHERE {mvis} AND NOT m.is_deleted GROUP BY 1),"
        f" e AS (SELECT customer_id, count(*) FILTER (WHERE status = 'open') AS open_escalations"
        f"   FROM escalations e WHERE {evis} AND NOT e.is_deleted GROUP BY 1)"
        f" SELECT ids.customer_id, coalesce(m.meetings, 0) AS meetings, m.last_meeting, m.next_meeting,"
        f" coalesce(e.open_escalations, 0) AS open_escalations"
        f" FROM ids LEFT JOIN m USING (customer_id) LEFT JOIN e USING (customer_id)",
        [customer_ids, *mparams, *eparams],
    )
