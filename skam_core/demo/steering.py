"""Demo steering committee: two past meetings with decisions and their action items (milestones, some done,
some overdue), and escalations (some already decided; on about half of the accounts one raised after the last
meeting whose decide-by date has passed, so "since the last meeting" has something to show)."""

from __future__ import annotations

from datetime import date, timedelta

from skam_core.demo import content as C
from skam_core.demo import names
from skam_core.demo.rows import Rows, entity_rng
from skam_core.demo.rows import ts as _ts


def build_steering(rows: Rows, cid: str, am: str, start: date, today: date, seed: int, team: list[tuple]) -> None:
    rng = entity_rng(seed, cid, "meetings")
    ours = ", ".join(t[0] for t in team if t[2] == "ours" and t[3]) + f", {team[0][0]}"
    theirs = ", ".join(t[0] for t in team if t[2] == "customer" and t[3])
    held = [today - timedelta(days=int(rng.integers(110, 140))), today - timedelta(days=int(rng.integers(20, 45)))]
    held = [d for d in held if d > start]
    for n, day in enumerate(held):
        mid = f"{cid}-sc{n}"
        nxt = held[n + 1] if n + 1 < len(held) else today + timedelta(days=int(rng.integers(40, 70)))
        rows.add(
            "steering_meetings",
            {
                "id": mid,
                "customer_id": cid,
                "held_on": day,
                "pinned_as_of": day,
                "attendees_ours": ours,
                "attendees_customer": theirs,
                "summary": "Statusbericht, KPIs und offene Eskalationen besprochen",
                "next_meeting_on": nxt,
            },
            _ts(day, 16),
            am,
        )
        # One offset per meeting: the meeting's two decisions are different ones.
        first = 2 * n + int(rng.integers(0, 2))
        for j in range(2):
            did = f"{mid}-d{j}"
            rows.add(
                "decisions",
                {
                    "id": did,
                    "customer_id": cid,
                    "meeting_id": mid,
                    "escalation_id": None,
                    "decided_on": day,
                    "text": C.DECISIONS[(first + j) % len(C.DECISIONS)],
                    "owner": team[1 + j][0],
                },
                _ts(day, 17),
                am,
            )
            _action_item(rows, cid, am, did, day, today, seed, team[1 + j][0], (first + j) % len(C.DECISIONS))
    for n in range(int(entity_rng(seed, cid, "escalations").integers(1, 3))):
        rng = entity_rng(seed, cid, "escalation", n)
        problem, need, owner = C.ESCALATIONS[(n + int(rng.integers(0, 3))) % len(C.ESCALATIONS)]
        raised = today - timedelta(days=int(rng.integers(5, 80)))
        eid = f"{cid}-es{n}"
        base = {
            "id": eid,
            "customer_id": cid,
            "raised_on": raised,
            "raised_by": am,
            "problem": problem,
            "owner": owner,
            "decision_needed": need,
            "due": raised + timedelta(days=21),
            "status": "open",
            "decision": None,
            "decided_on": None,
            "decided_by": None,
        }
        chain = [(_ts(raised, 10), am, base)]
        if n == 1 or raised < today - timedelta(days=40):
            decided = raised + timedelta(days=int(rng.integers(3, 15)))
            if decided < today:
                chain.append(
                    (
                        _ts(decided, 12),
                        f"d.hartmann@{names.DOMAIN}",
                        {
                            "status": "decided",
                            "decision": "Freigegeben wie vorgeschlagen",
                            "decided_on": decided,
                            "decided_by": "Dr. Dorothea Hartmann",
                        },
                    )
                )
        rows.versions("escalations", chain)
    if held:
        _late_escalation(rows, cid, am, held[-1], today, seed)


def _action_item(
    rows: Rows, cid: str, am: str, did: str, day: date, today: date, seed: int, owner: str, which: int
) -> None:
    """The decision's action item: a milestone of the plan, done when it was due long enough ago, and the link
    that says which decision it carries out."""
    rng = entity_rng(seed, cid, "action", did)
    mid = f"{did}-a"
    due = day + timedelta(days=int(rng.integers(14, 50)))
    base = {
        "id": mid,
        "customer_id": cid,
        "title": C.ACTIONS[which % len(C.ACTIONS)],
        "owner": owner,
        "start_date": day,
        "due": due,
        "status": "open",
        "completed_on": None,
        "opportunity_id": None,
        "objective_id": None,
        "comment": None,
    }
    chain = [(_ts(day, 17), am, base)]
    finished = due - timedelta(days=int(rng.integers(0, 10)))
    if rng.random() < 0.6 and finished < today:
        chain.append((_ts(finished, 15), am, {"status": "done", "completed_on": finished}))
    rows.versions("milestones", chain)
    rows.add(
        "action_items",
        {"id": f"{did}-ai", "customer_id": cid, "decision_id": did, "milestone_id": mid},
        _ts(day, 17),
        am,
    )


def _late_escalation(rows: Rows, cid: str, am: str, last: date, today: date, seed: int) -> None:
    """A problem that came up after the last meeting and was not decided in time (about half of the accounts)."""
    rng = entity_rng(seed, cid, "late_escalation")
    if rng.random() >= 0.5:
        return
    raised = last + timedelta(days=int(rng.integers(2, 8)))
    due = raised + timedelta(days=int(rng.integers(7, 11)))
    if due >= today:
        return
    problem, need, owner = C.LATE_ESCALATIONS[int(rng.integers(0, len(C.LATE_ESCALATIONS)))]
    rows.add(
        "escalations",
        {
            "id": f"{cid}-es-late",
            "customer_id": cid,
            "raised_on": raised,
            "raised_by": am,
            "problem": problem,
            "owner": owner,
            "decision_needed": need,
            "due": due,
            "status": "open",
            "decision": None,
            "decided_on": None,
            "decided_by": None,
        },
        _ts(raised, 11),
        am,
    )
