"""The customers import: master data and programme membership, a version only where a value changed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from skam_core.domain.specs import SPECS, Field
from skam_core.domain.validation import EMAIL_PATTERN
from skam_core.io.columns import Problems, as_text, duplicated_rows, parse_dates, require_not_empty
from skam_core.io.importer import OPTIONAL, REQUIRED, ImportJob, finish
from skam_core.storage import imports as sql
from skam_core.storage.versioned import utc_now


def _column(f: Field, text: pd.Series, problems: Problems) -> pd.Series:
    """One column checked cell by cell against its field's spec (``SPECS["customers"]``), as the values to
    store: empty optional cells become None (the stage its default)."""
    if f.required:
        require_not_empty(text, f.name, problems)
    filled = text != ""
    if f.kind == "text":
        problems.add_mask(text.str.len() > f.max_len, text, f.name, f"is longer than {f.max_len} characters")
        if f.pattern:
            problems.add_mask(
                filled & ~text.str.fullmatch(f.pattern), text, f.name, f"'{{value}}' is not in the form {f.example}"
            )
        return text if f.required else text.where(filled, None)
    if f.kind == "choice":
        choices = [str(c) for c in f.choices or ()]
        value = text.str.lower()
        problems.add_mask(filled & ~value.isin(choices), text, f.name, "'{value}' is not one of " + "|".join(choices))
        return value.where(filled, f.default)
    if f.kind == "email":
        value = text.str.lower()
        problems.add_mask(filled & ~value.str.match(EMAIL_PATTERN), text, f.name, "'{value}' is not an e-mail address")
        return value.where(filled, None)
    if f.kind == "date":
        dates, bad = parse_dates(text)
        problems.add_mask(bad, text, f.name, "'{value}' is not an ISO date YYYY-MM-DD")
        return dates
    raise AssertionError(f"the customers import has no check for {f.kind} fields")


def run(job: ImportJob) -> None:
    store, user, df, result, dry_run, progress = job.store, job.user, job.frame, job.result, job.dry_run, job.progress
    problems = Problems()
    t = {c: as_text(df[c]) for c in df.columns if c in REQUIRED["customers"] + OPTIONAL["customers"]}
    clean = pd.DataFrame({f.name: _column(f, t[f.name], problems) for f in SPECS["customers"] if f.name in t})
    problems.add_mask(
        duplicated_rows(pd.DataFrame({"id": t["customer_id"]}), ["id"]) & (t["customer_id"] != ""),
        t["customer_id"],
        "customer_id",
        "'{value}' appears more than once in the file",
    )
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
