"""The board pack's files, one click at the top of the pack: built when a button is clicked (Streamlit calls a
download button's data function on the click), kept per account, day, language and data version, so that the
second button and the next click take the finished file.

Not built when the pack is shown: charts through Chromium take seconds of the server's two cores, and building
them on every view (and after every write) slowed every page served meanwhile — the steering page itself most
(issue 15: the pack ran 4× a blank page in the browser while its files were being built behind it)."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor

import streamlit as st
from streamlit import runtime

from skam_core.analytics.steering import Pack, with_size_rank
from skam_core.io.images import chromium_path, warm_up_in_background
from skam_core.io.report import figures, without_charts
from skam_core.io.report_pdf import render_pdf
from skam_core.io.report_pptx import render_pptx
from skam_core.ui import cache
from skam_core.ui.kit.page import PageContext
from skam_core.ui.steering.board import board_report
from skam_core.views import steering as steering_view

# One worker: exports render one after another through the one Chromium (images.py serialises them anyway).
_LOG = logging.getLogger(__name__)
_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="board-pack")
_FILES: OrderedDict[tuple, Future] = OrderedDict()
_LOCK = threading.Lock()
_KEEP = 24  # packs kept (a few hundred kB each)


def _build(ctx: PageContext, pack: Pack, footer: str) -> tuple[bytes, bytes]:
    # The appendix's golden rules name the size rank, which the pack leaves to where it is shown.
    rank = steering_view.size_rank(ctx.store, ctx.asof, pack.customer["customer_id"])
    report = board_report(ctx, with_size_rank(pack, rank), footer)
    try:
        for fig in figures(report):
            fig.png()  # drawn once here, placed in both files
    except Exception as exc:  # Chromium missing, crashed or timed out: the meeting still gets its pack
        _LOG.warning("board pack without charts: Chromium could not draw them (%s)", exc, exc_info=True)
        report = without_charts(report, ctx.t_plain("steering.board.charts_failed"))
    return render_pdf(report), render_pptx(report)


def files_key(ctx: PageContext, pack: Pack) -> tuple:
    """What the files depend on. Taken when the pack is drawn, not on the click: a write in between must not
    file the pack as drawn under the newer data version."""
    return (str(ctx.store.path), ctx.asof.key, pack.customer["customer_id"], ctx.lang, cache.data_version())


def board_files(ctx: PageContext, pack: Pack, footer: str, key: tuple) -> Future:
    """The (PDF, PPTX) of this pack, being built or ready (started by the first call for this ``key``)."""
    with _LOCK:
        fut = _FILES.get(key)
        if fut is None:
            fut = _POOL.submit(_build, ctx, pack, footer)
            _FILES[key] = fut
            while len(_FILES) > _KEEP:
                _FILES.popitem(last=False)
        _FILES.move_to_end(key)
        return fut


def board_buttons(ctx: PageContext, pack: Pack, footer: str, stem: str) -> None:
    """PDF and PowerPoint of the board pack, each one click."""
    t = ctx.t
    if not runtime.exists():  # a bare script run (tests): no server to download from, nothing to build
        return
    key = files_key(ctx, pack)

    def pdf() -> bytes:
        return board_files(ctx, pack, footer, key).result()[0]

    def pptx() -> bytes:
        return board_files(ctx, pack, footer, key).result()[1]

    if chromium_path() is None:  # the charts cannot be drawn here: say so rather than offer a failing click
        st.error(t("steering.board.no_chromium"))
        return
    warm_up_in_background()  # once per process: the first click need not wait for the browser to start
    c1, c2, _ = st.columns([1, 1, 2])
    c1.download_button(
        t("steering.board.download_pdf"),
        pdf,
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        key=f"board_pdf_{stem}",
        icon=":material/picture_as_pdf:",
        type="primary",
        on_click="ignore",
        help=t("steering.board.help"),
        width="stretch",
    )
    c2.download_button(
        t("steering.board.download_pptx"),
        pptx,
        file_name=f"{stem}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key=f"board_pptx_{stem}",
        icon=":material/slideshow:",
        on_click="ignore",
        help=t("steering.board.help"),
        width="stretch",
    )
