"""The account's steering meetings, each with the link to the pack as it was pinned that day."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics.steering import Pack
from skam_core.ui.kit.page import PageContext
from skam_core.ui.steering.export import snapshot_url


def render_meetings(ctx: PageContext, pack: Pack) -> None:
    t, f = ctx.t, ctx.fmt
    cid = pack.customer["customer_id"]
    st.subheader(t("steering.meetings.title"))
    if pack.meetings.empty:
        st.caption(t("steering.meetings.none"))
    else:
        m = pack.meetings
        meetings = pd.DataFrame(
            {
                t("steering.meetings.held_on"): [f.day(d) for d in m["held_on"]],
                t("steering.meetings.attendees"): [
                    " · ".join(x for x in (o, c) if isinstance(x, str) and x)
                    for o, c in zip(m["attendees_ours"], m["attendees_customer"], strict=True)
                ],
                t("steering.meetings.summary"): m["summary"].fillna(""),
                t("steering.meetings.snapshot"): [
                    snapshot_url(ctx, cid, pd.Timestamp(d).date()) for d in m["pinned_as_of"]
                ],
            }
        )
        st.dataframe(
            meetings,
            hide_index=True,
            width="stretch",
            column_config={
                t("steering.meetings.snapshot"): st.column_config.LinkColumn(display_text=t("steering.meetings.open"))
            },
        )
        st.caption(t("steering.meetings.help"))
    st.divider()
    st.caption(t("steering.present.hint", url=snapshot_url(ctx, cid, pack.day) + "&present=1"))
