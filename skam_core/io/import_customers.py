"""The customers import: master data and programme membership, a version only where a value changed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from skam_core.domain.enums import Stage
from skam_core.io.columns import Problems, as_text, duplicated_rows, parse_dates, require_not_empty
from skam_core.io.importer import OPTIONAL, REQUIRED, ImportJob, finish
from skam_core.storage import imports as sql
from skam_core.storage.versioned import utc_now


def run(job: ImportJob) -> None:
    store, user, df, result, dry_run, progress = job.store, job.user, job.frame, job.result, job.dry_run, job.progress
    problems = Problems()
    t = {c: as_text(df[c]) for c in df.columns if c in REQUIRED["customers"] + OPTIONAL["customers"]}
    require_not_empty(t["customer_id"], "customer_id", problems)
    problems.add_mask(t["customer_id"].str.len() > 64, t["customer_id"], "customer_id", "is longer than 64 characters")
    problems.add_mask(
        duplicated_rows(pd.DataFrame({"id": t["customer_id"]}), ["id"]) & (t["customer_id"] != ""),
        t["customer_id"],
        "customer_id",
        "'{value}' appears more than once in the file",
    )
    require_not_empty(t["name"], "name", problems)
    clean = pd.DataFrame({"customer_id": t["customer_id"], "name": t["name"]})
    for c in ("industry", "region", "country", "segment"):
        if c in t:
            clean[c] = t[c].where(t[c] != "", None)
    if "skam_stage" in t:
        stage = t["skam_stage"].str.lower()
        problems.add_mask(
            ~stage.isin([s.value for s in Stage] + [""]),
            t["skam_stage"],
            "skam_stage",
            "'{value}' is not one of " + "|".join(s.value for s in Stage),
        )
        clean["skam_stage"] = stage.where(stage != "", "none")
    if "skam_start" in t:
        starts, bad = parse_dates(t["skam_start"])
        problems.add_mask(bad, t["skam_start"], "skam_start", "'{value}' is not an ISO date YYYY-MM-DD")
        clean["skam_start"] = starts
    if "account_manager" in t:
        am = t["account_manager"].str.lower()
        problems.add_mask(
            (am != "") & ~am.str.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
            t["account_manager"],
            "account_manager",
            "'{value}' is not an e-mail address",
        )
        clean["account_manager"] = am.where(am != "", None)
    if not finish(problems, result):
        return
    progress(0.5, "compare")

    def work(cur) -> None:
        current = sql.current_customers(cur).set_index("customer_id")
        present = [c for c in sql.CUSTOMER_COLUMNS if c in clean.columns and c != "customer_id"]
        incoming = clean.set_index("customer_id")
        is_new = ~incoming.index.isin(current.index)
        if is_new.any() and "skam_stage" not in incoming.columns:
            incoming["skam_stage"] = incoming.get("skam_stage", "none")
        # Absent columns keep their current value; new customers get NULL (stage 'none').
        full = incoming.reindex(columns=[c for c in sql.CUSTOMER_COLUMNS if c != "customer_id"])
        cur_aligned = current.reindex(incoming.index)
        for c in full.columns:
            if c not in present:
                full[c] = cur_aligned[c]
        full["skam_stage"] = full["skam_stage"].fillna("none")
        changed = np.zeros(len(full), dtype=bool)
        for c in full.columns:
            a, b = full[c], cur_aligned[c]
            if c == "skam_start":
                a, b = pd.to_datetime(a), pd.to_datetime(b)
            differs = ~((a == b) | (a.isna() & b.isna()))
            changed |= differs.to_numpy()
        changed &= ~is_new
        result.added = int(is_new.sum())
        result.changed = int(changed.sum())
        result.unchanged = len(full) - result.added - result.changed
        if dry_run:
            return
        to_write = full[is_new | changed].reset_index()
        sql.write_customer_versions(cur, to_write, user_id=user.user_id, now=utc_now())
        result.written = True

    store.transaction(work)
