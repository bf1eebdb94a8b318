"""Demo steering committee: two past meetings with decisions, and escalations (some already decided)."""

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
        for j in range(2):
            rows.add(
                "decisions",
                {
                    "id": f"{mid}-d{j}",
                    "customer_id": cid,
                    "meeting_id": mid,
                    "escalation_id": None,
                    "decided_on": day,
                    "text": C.DECISIONS[(2 * n + j + int(rng.integers(0, 2))) % len(C.DECISIONS)],
                    "owner": team[1 + j][0],
                },
                _ts(day, 17),
                am,
            )
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
