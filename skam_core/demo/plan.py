"""Demo content of steps 4 and 5: stakeholders, feedback, the plan, team and RACI, milestones; then the KPIs
and the steering committee of accounts whose plan is agreed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd

from skam_core.demo import content as C
from skam_core.demo import names
from skam_core.demo.kpis import build_kpis
from skam_core.demo.rows import Rows, entity_rng
from skam_core.demo.rows import ts as _ts
from skam_core.demo.steering import build_steering
from skam_core.domain.validation import month_add


def build_plan(
    rows: Rows,
    cust: pd.Series,
    am: str,
    start: date | None,
    t_val: datetime,
    today: date,
    seed: int,
    opp_ids: list[str],
) -> None:
    cid = cust["customer_id"]
    t_plan = t_val + timedelta(days=30)
    rng = entity_rng(seed, cid, "stakeholders")
    # Step 4: stakeholders. The plan-stage account reaches mostly purchasing: the warning case.
    only_purchasing = start is None
    pool = (
        [s for s in C.STAKEHOLDERS if s[2] == "purchasing"] + [C.STAKEHOLDERS[4]]
        if only_purchasing
        else C.STAKEHOLDERS[: int(rng.integers(5, 9))]
    )
    for n, (name, title, func, infl, att, longterm) in enumerate(pool):
        # Each contact is recorded as it happens (a new version with the new date); some relationships go
        # quiet after a while, which the coverage check must notice. A running plan keeps its long-term
        # stakeholders close (last contact under 60 days ago, within the 90 days the check asks for).
        rng = entity_rng(seed, cid, "stakeholder", n)
        close = bool(start) and longterm
        last_wanted = today - timedelta(days=int(rng.integers(5, 60 if close else 150)))
        contact = t_plan.date() - timedelta(days=int(rng.integers(0, 20)))
        chain = [
            (
                t_plan,
                am,
                {
                    "id": f"{cid}-sh{n}",
                    "customer_id": cid,
                    "name": name,
                    "job_title": title,
                    "function": func,
                    "influence": infl,
                    "attitude": att,
                    "long_term_responsibility": longterm,
                    "last_contact": contact,
                    "our_contact": names.USERS[3 + n % 3][1],
                },
            )
        ]
        while True:
            contact = contact + timedelta(days=int(rng.integers(35, 80)))
            if contact > last_wanted:
                break
            chain.append((_ts(contact, 18), am, {"last_contact": contact}))
        if close and chain[-1][2]["last_contact"] < last_wanted:  # the latest contact of a close relationship
            chain.append((_ts(last_wanted, 18), am, {"last_contact": last_wanted}))
        rows.versions("stakeholders", chain)
    rng = entity_rng(seed, cid, "feedback")
    for n, (text, sentiment) in enumerate(C.FEEDBACK[: int(rng.integers(2, 5))]):
        received = (t_plan + timedelta(days=25 * n + 10)).date()
        if received > today:
            break
        rows.add(
            "customer_feedback",
            {
                "id": f"{cid}-fb{n}",
                "customer_id": cid,
                "received_on": received,
                "stakeholder_id": f"{cid}-sh{n % len(pool)}",
                "from_name": pool[n % len(pool)][0],
                "text": text,
                "sentiment": sentiment,
                "value_item_id": f"{cid}-vi{n % max(1, len(opp_ids))}",
            },
            _ts(received, 15),
            am,
        )

    # The plan: v1 agreed at the SKAM start; long-running accounts agreed a v2 a year later.
    v1 = {
        "id": f"{cid}-pv1",
        "customer_id": cid,
        "version_no": 1,
        "title": "Strategic Key Account Plan",
        "status": "draft",
        "agreed_on": None,
        "customer_sees": "objectives,team,milestones,kpis",
        "summary": "Gemeinsamer Plan für profitables Wachstum auf beiden Seiten",
    }
    chain = [(t_plan, am, v1)]
    if start:
        chain.append((_ts(start, 17), am, {"status": "agreed", "agreed_on": start}))
        if (today - start).days > 400:
            v2_day = start + timedelta(days=365)
            chain.append((_ts(v2_day, 16), am, {"status": "superseded"}))
            rows.versions("plan_versions", chain)
            chain = [
                (
                    _ts(v2_day, 16),
                    am,
                    {
                        **v1,
                        "id": f"{cid}-pv2",
                        "version_no": 2,
                        "status": "agreed",
                        "agreed_on": v2_day,
                        "title": "Strategic Key Account Plan – Jahr 2",
                    },
                )
            ]
    rows.versions("plan_versions", chain)

    for n, (obj, measure) in enumerate(C.OBJECTIVES):
        rows.add(
            "plan_objectives",
            {
                "id": f"{cid}-ob{n}",
                "customer_id": cid,
                "objective": obj,
                "measure": measure,
                "due": month_add((start or today).replace(day=1), 12 + 6 * n),
                "visible_to_customer": n != 3,
                "sort_order": n,
            },
            t_plan,
            am,
        )
    members = []
    am_name = next(nm for u, nm, _ in names.USERS if u == am)
    team = (
        [(am_name, "Key Account Manager", "ours", False, am)]
        + [(n, r, "ours", sc, None) for n, r, sc in C.TEAM_OURS]
        + [(n, r, "customer", sc, None) for n, r, sc in C.TEAM_CUSTOMER]
    )
    for n, (name, role, side, sc, email) in enumerate(team):
        mid = f"{cid}-tm{n}"
        members.append(mid)
        rows.add(
            "team_members",
            {
                "id": mid,
                "customer_id": cid,
                "name": name,
                "side": side,
                "role": role,
                "email": email,
                "on_steering_committee": sc,
            },
            t_plan,
            am,
        )
    # Who answers for each objective: the project lead or service lead is responsible, the sponsor accountable,
    # the customer's project lead consulted, our account manager informed.
    for n in range(len(C.OBJECTIVES)):
        for member, letter in ((members[2 + n % 2], "R"), (members[1], "A"), (members[5], "C"), (members[0], "I")):
            rows.add(
                "raci",
                {
                    "customer_id": cid,
                    "member_id": member,
                    "item_kind": "objective",
                    "item_id": f"{cid}-ob{n}",
                    "letter": letter,
                },
                t_plan,
                am,
            )

    # Step 5: milestones. Past ones done (some late), one overdue and not done, one at risk, future ones open.
    anchor = start or (today + timedelta(days=30))
    n_ms = 8 if start else 5
    # A running plan's milestones reach from the start to half a year ahead, so that every account has some
    # done, some due now (a few at risk, one overdue) and some still to come.
    step = max(30, ((today + timedelta(days=180)) - anchor).days // n_ms) if start else 45
    for n in range(n_ms):
        ms_id = f"{cid}-ms{n}"
        rng = entity_rng(seed, cid, "milestone", n)
        due = anchor + timedelta(days=step * n + int(rng.integers(0, 20)))
        base = {
            "id": ms_id,
            "customer_id": cid,
            "title": C.MILESTONES[n % len(C.MILESTONES)],
            "owner": team[(n % 3) + 1][0] if n % 2 else am_name,
            "start_date": due - timedelta(days=40),
            "due": due,
            "status": "open",
            "completed_on": None,
            "opportunity_id": opp_ids[n % len(opp_ids)] if opp_ids else None,
            "objective_id": f"{cid}-ob{n % 4}",
            "comment": None,
        }
        chain = [(t_plan, am, base)]
        if start:
            chain.append((_ts(start, 18), am, {"status": "on_track"}))
            days_left = (due - today).days
            if days_left < -20 and n != 3:
                done = due + timedelta(days=int(rng.integers(-10, 25)))
                done = min(done, today - timedelta(days=1))
                chain.append(
                    (
                        _ts(done, 17),
                        am,
                        {
                            "status": "done",
                            "completed_on": done,
                            "comment": "Abgeschlossen und mit dem Kunden abgenommen",
                        },
                    )
                )
            elif days_left < 60 and n % 2 == 1:
                chain.append(
                    (
                        _ts(min(today - timedelta(days=3), due - timedelta(days=10)), 11),
                        am,
                        {"status": "at_risk", "comment": "Lieferengpass bei Leistungselektronik"},
                    )
                )
        chain = [c for c in chain if c[0].date() <= today]
        rows.versions("milestones", chain)
        rows.add(
            "raci",
            {
                "customer_id": cid,
                "member_id": members[n % 3 + 1],
                "item_kind": "milestone",
                "item_id": ms_id,
                "letter": "R",
            },
            t_plan,
            am,
        )
        rows.add(
            "raci",
            {"customer_id": cid, "member_id": members[0], "item_kind": "milestone", "item_id": ms_id, "letter": "A"},
            t_plan,
            am,
        )
        rows.add(
            "raci",
            {
                "customer_id": cid,
                "member_id": members[5 + n % 2],
                "item_kind": "milestone",
                "item_id": ms_id,
                "letter": "C",
            },
            t_plan,
            am,
        )

    build_kpis(rows, cust, am, start, t_plan, today, seed)
    if start:
        build_steering(rows, cid, am, start, today, seed, team)
