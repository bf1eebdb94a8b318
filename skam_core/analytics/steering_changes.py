"""What the steering committee must see first: everything that changed since its last meeting, and the action
items its decisions carry.

- Escalations: *new* ones were raised after the last meeting; an open escalation whose "decide by" date has
  passed is *overdue*; "decide-by dates passed" lists the open escalations whose date passed since the meeting.
- KPI lights that changed: the light now against the light by the same rule at the last meeting (grey, no
  value, ranks below red: a KPI that lost its value got worse, one that gained a value is not "better").
- Action items: milestones that carry out a decision (analytics only joins; the milestone holds owner, due
  date and status, so an agreed action item counts as a milestone everywhere).

Pure functions over DataFrames; views.steering reads the inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from skam_core.analytics.frames import days, records
from skam_core.analytics.milestones import with_effective_status
from skam_core.domain.enums import MilestoneStatus

# Higher is better; grey (no value or no target) is not comparable with a colour.
_LIGHT_RANK = {"red": 0, "amber": 1, "green": 2}


@dataclass(frozen=True)
class EscalationChanges:
    new: pd.DataFrame  # raised after the last meeting (every status), with ``overdue``
    overdue: pd.DataFrame  # open, decide-by date passed (whenever raised)
    decide_by_passed: pd.DataFrame  # open, decide-by date passed since the last meeting


def escalation_overdue(escalations: pd.DataFrame, day: date) -> pd.Series:
    """True for an open escalation whose decide-by date lies before ``day``."""
    if escalations.empty:
        return pd.Series(dtype=bool)
    due = days(escalations["due"])
    return pd.Series(
        [s == "open" and d is not None and d < day for s, d in zip(escalations["status"], due, strict=True)],
        index=escalations.index,
        dtype=bool,
    )


def escalation_changes(escalations: pd.DataFrame, since: date | None, day: date) -> EscalationChanges:
    if escalations.empty:
        esc = escalations.copy()
        esc["overdue"] = pd.Series(dtype=bool)
        return EscalationChanges(esc, esc, esc)
    # The dates once, as rows; each list cut once (every pandas step over a handful of rows cost more than the
    # rule).
    due = days(escalations["due"])
    overdue = [
        s == "open" and d is not None and d < day for s, d in zip(escalations["status"].tolist(), due, strict=True)
    ]
    esc = escalations.assign(overdue=overdue)
    late = esc[overdue]
    if since is None:
        return EscalationChanges(esc, late, late)
    new = esc[[r is not None and r > since for r in days(escalations["raised_on"])]]
    passed = esc[[o and d is not None and d > since for o, d in zip(overdue, due, strict=True)]]
    return EscalationChanges(new, late, passed)


def kpi_light_changes(kpis: pd.DataFrame) -> pd.DataFrame:
    """KPIs whose light differs from the light at the last meeting: name, light_then, light, direction
    (``better`` / ``worse`` / ``changed`` when one side is grey and the other a colour got a value back)."""
    cols = ["kpi_id", "name", "light_then", "light", "change"]
    if kpis.empty or "light_then" not in kpis:
        return pd.DataFrame(columns=cols)
    rows = []
    for r in records(kpis, ("kpi_id", "name", "light_then", "light")):
        then, now = r.get("light_then"), r["light"]
        if then is None or pd.isna(then) or then == now:
            continue
        if then in _LIGHT_RANK and now in _LIGHT_RANK:
            change = "better" if _LIGHT_RANK[now] > _LIGHT_RANK[then] else "worse"
        elif now == "grey":
            change = "worse"  # the value went missing: nobody can see how it stands
        else:
            change = "changed"
        rows.append({"kpi_id": r["kpi_id"], "name": r["name"], "light_then": then, "light": now, "change": change})
    return pd.DataFrame(rows, columns=cols)


def action_items(links: pd.DataFrame, milestones: pd.DataFrame, decisions: pd.DataFrame, day: date) -> pd.DataFrame:
    """Action items with their decision: id, decision_id, decision (its text), milestone_id, title, owner, due,
    status (effective, as for milestones), overdue; open ones first, then by due date. Links whose milestone or
    decision was removed are left out."""
    return judged_action_items(links, with_effective_status(milestones, day), decisions, day)


def judged_action_items(links: pd.DataFrame, judged: pd.DataFrame, decisions: pd.DataFrame, day: date) -> pd.DataFrame:
    """:func:`action_items` of milestones that already carry their effective status on ``day``."""
    cols = ["id", "decision_id", "decision", "milestone_id", "title", "owner", "due", "status", "overdue"]
    if links.empty or judged.empty:
        return pd.DataFrame(columns=cols)
    ms = judged[["id", "title", "owner", "due", "effective_status"]]
    ms = ms.rename(columns={"id": "milestone_id", "effective_status": "status"})
    dec = decisions[["id", "text"]].rename(columns={"id": "decision_id", "text": "decision"})
    df = links[["id", "decision_id", "milestone_id"]].merge(ms, on="milestone_id").merge(dec, on="decision_id")
    if df.empty:
        return pd.DataFrame(columns=cols)
    due = days(df["due"])
    df["overdue"] = [
        s != MilestoneStatus.DONE.value and d is not None and d < day for s, d in zip(df["status"], due, strict=True)
    ]
    df["_done"] = df["status"] == MilestoneStatus.DONE.value
    df = df.sort_values(["_done", "due", "title"], kind="stable")
    return df[cols].reset_index(drop=True)


def open_action_items(items: pd.DataFrame) -> pd.DataFrame:
    return items[items["status"] != MilestoneStatus.DONE.value] if not items.empty else items
