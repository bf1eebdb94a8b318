"""Milestone status as the steering committee sees it: overdue counts as delayed, by date alone."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from skam_core.domain.enums import MilestoneStatus


def with_effective_status(milestones: pd.DataFrame, today: date) -> pd.DataFrame:
    """The milestones with ``effective_status``: domain.rules.effective_milestone_status of every row, in one
    vectorised step (the portfolio judges every milestone of every account: a call per row was ~70 ms of its
    ~300 ms at 1,500 milestones; tests/unit/test_milestones.py holds both to the same answers)."""
    df = milestones.copy()
    if df.empty:
        df["effective_status"] = pd.Series(dtype=str)
        return df
    status = df["status"].astype(object).to_numpy()
    known = {s.value for s in MilestoneStatus}
    for unknown in set(status) - known:
        MilestoneStatus(unknown)  # the rule's own refusal of a status outside the enum (ValueError)
    due = pd.to_datetime(df["due"])
    overdue = (status != MilestoneStatus.DONE.value) & due.notna().to_numpy() & (due < pd.Timestamp(today)).to_numpy()
    df["effective_status"] = np.where(overdue, MilestoneStatus.DELAYED.value, status).tolist()
    return df


def status_counts(milestones: pd.DataFrame, today: date) -> pd.DataFrame:
    """Counts per customer and effective status; one column per status, zeros where none."""
    cols = [s.value for s in MilestoneStatus]
    if milestones.empty:
        return pd.DataFrame(columns=cols, dtype="int64")
    df = with_effective_status(milestones, today)
    counts = df.groupby(["customer_id", "effective_status"]).size().unstack(fill_value=0)
    return counts.reindex(columns=cols, fill_value=0).astype("int64")


def for_timeline(milestones: pd.DataFrame, today: date, default_days: int = 30) -> pd.DataFrame:
    """Milestones with effective status and the bar of the Gantt chart: from ``start`` (the start date, or
    ``default_days`` before the due date) to ``finish`` (the due date; for a done milestone its completion date
    when known). ``overdue_days`` counts the days past due of milestones not done (0 otherwise)."""
    return timeline(with_effective_status(milestones, today), today, default_days)


def timeline(judged: pd.DataFrame, today: date, default_days: int = 30) -> pd.DataFrame:
    """:func:`for_timeline` of milestones that already carry their effective status on ``today`` (the steering
    pack judges them once for all its sections). The bars are worked out per row in plain Python: an account
    has a few dozen milestones, and each pandas step over them cost more than the rule."""
    if judged.empty:
        df = judged.copy()
        for c in ("start", "finish", "overdue_days"):
            df[c] = pd.Series(dtype="object")
        return df
    due = pd.to_datetime(judged["due"]).tolist()
    n = len(due)
    start = pd.to_datetime(judged["start_date"]).tolist() if "start_date" in judged else [pd.NaT] * n
    done = pd.to_datetime(judged["completed_on"]).tolist() if "completed_on" in judged else [pd.NaT] * n
    status = judged["effective_status"].tolist()
    span = pd.Timedelta(days=default_days)
    starts, finishes, overdue = [], [], []
    for d, s, c, st in zip(due, start, done, status, strict=True):
        is_done = st == MilestoneStatus.DONE.value
        s = s if not pd.isna(s) else d - span
        f = c if is_done and not pd.isna(c) else d
        s = s if s <= f else f - pd.Timedelta(days=1)  # False for a missing date, as pandas' where takes it
        starts.append(pd.NaT if pd.isna(s) else s.date())
        finishes.append(pd.NaT if pd.isna(f) else f.date())
        overdue.append(0 if is_done else max(0, (today - d.date()).days))
    df = judged.assign(start=starts, finish=finishes, overdue_days=overdue)
    titles = judged["title"].tolist()
    # By due date (the schema requires one), then title: the order sort_values(["due", "title"]) gives, stable.
    order = sorted(range(n), key=lambda i: (due[i], not isinstance(titles[i], str), str(titles[i])))
    return df.iloc[order].reset_index(drop=True)


def account_counts(milestones: pd.DataFrame, today: date) -> dict[str, int]:
    """Counts per effective status for one account (every status present, zeros where none)."""
    df = with_effective_status(milestones, today)
    counts = df["effective_status"].value_counts() if not df.empty else pd.Series(dtype="int64")
    return {s.value: int(counts.get(s.value, 0)) for s in MilestoneStatus}


def auto_delayed(milestones: pd.DataFrame, today: date) -> pd.DataFrame:
    """Milestones that count as delayed by date alone: past due and not done, while the status last set says
    otherwise (open, on track, at risk)."""
    df = with_effective_status(milestones, today)
    if df.empty:
        return df
    return df[
        (df["effective_status"] == MilestoneStatus.DELAYED.value) & (df["status"] != MilestoneStatus.DELAYED.value)
    ]


def filter_milestones(
    milestones: pd.DataFrame, *, owners: list[str] | None = None, statuses: list[str] | None = None
) -> pd.DataFrame:
    """Keep milestones of the given owners and effective statuses (None or empty: no filter)."""
    df = milestones
    if owners:
        df = df[df["owner"].fillna("").isin(owners)]
    if statuses:
        df = df[df["effective_status"].isin(statuses)]
    return df


def status_log(versions: pd.DataFrame) -> pd.DataFrame:
    """From all versions of milestones (oldest first per milestone): one row per version that set a status or a
    comment — when, who, milestone, status before and after, comment. Newest first."""
    cols = ["id", "title", "when", "who", "old_status", "new_status", "comment", "completed_on", "kind"]
    if versions.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for mid, part in versions.sort_values(["id", "valid_from"]).groupby("id", sort=False):
        prev = None
        for r in part.to_dict("records"):
            if r.get("is_deleted"):
                kind = "removed"
            elif prev is None:
                kind = "created"
            elif r["status"] != prev["status"] or _text(r.get("comment")) != _text(prev.get("comment")):
                kind = "status"
            else:
                kind = None  # an edit of other fields (title, dates): not part of the status log
            if kind:
                rows.append(
                    {
                        "id": mid,
                        "title": r["title"],
                        "when": r["valid_from"],
                        "who": r["changed_by"],
                        "old_status": prev["status"] if prev is not None else None,
                        "new_status": r["status"],
                        "comment": _text(r.get("comment")),
                        "completed_on": r.get("completed_on"),
                        "kind": kind,
                    }
                )
            prev = r
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values("when", ascending=False).reset_index(drop=True)


def _text(v) -> str | None:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    s = str(v).strip()
    return s or None
