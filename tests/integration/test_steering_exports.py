"""The board pack: what the page shows is what the PDF and the PowerPoint contain, with the snapshot link."""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pytest
from pptx import Presentation
from pypdf import PdfReader

from skam_core.analytics.portfolio import Standing
from skam_core.demo import names as demo_names
from skam_core.domain import clock
from skam_core.domain.asof import AsOf
from skam_core.domain.enums import Role
from skam_core.domain.users import PermissionDenied, User
from skam_core.i18n import translate
from skam_core.i18n.formats import Formatter
from skam_core.services.steering import Meeting, NewEscalation, decide_escalation, raise_escalation, record_meeting
from skam_core.ui.kit.text import md_all
from skam_core.views.steering import pack as load_pack_view
from tests.conftest import AM_BECKER, AM_YILMAZ, DEMO_TODAY, VIEWER, key_account_of, require_chromium

CEO = User("d.hartmann@hartmann-antriebe.example", "Dr. Dorothea Hartmann", Role.EXECUTIVE)


@dataclass
class FakeCtx:
    """What the export builders read from a page context — messages escaped for markdown as the real one does, so
    that an escape reaching a document shows in these tests."""

    lang: str
    as_of: date | None = None
    today: date = field(default_factory=clock.today)
    account: str | None = None
    present: bool = False
    plain_text: bool = False
    user: User = VIEWER  # who reads the pack (names of others come from user_names)

    def __post_init__(self):
        self.fmt = Formatter(self.lang)

    def t(self, key, **kw):
        return self.t_plain(key, **kw) if self.plain_text else translate(key, self.lang, **md_all(kw))

    def t_plain(self, key, **kw):
        return translate(key, self.lang, **kw)

    def for_documents(self):
        return replace(self, plain_text=True)

    def user_names(self):
        return {u: name for u, name, _ in demo_names.USERS}

    @property
    def as_of_date(self):
        return self.as_of or self.today


def _pack(store, cid, as_of=None):
    return load_pack_view(
        store, AsOf.at(as_of, DEMO_TODAY), cid, Standing(others_margin=0.057, size_rank=40, customers=2000)
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_pdf_and_pptx_contain_the_headline_figures_and_the_snapshot_link(demo_store, lang, monkeypatch):
    from skam_core.ui.steering import export as ex
    from skam_core.ui.steering.pack import headline

    monkeypatch.setattr(
        ex,
        "snapshot_url",
        lambda ctx, cid, day: f"http://skam.example/steering?account={cid}&as_of={day.isoformat()}&lang={ctx.lang}",
    )
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    ctx = FakeCtx(lang, account=cid)
    pack = _pack(demo_store, cid)
    report = ex.Report(
        ex.pack_report(ctx, pack).title,
        "s",
        f"as_of={DEMO_TODAY.isoformat()}",
        ex.pack_sections(ctx, pack, charts_too=False),
        lang,
    )
    from skam_core.io.report_pdf import render_pdf
    from skam_core.io.report_pptx import render_pptx

    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(report))).pages)
    prs = Presentation(io.BytesIO(render_pptx(report)))
    pptx_text = "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    pptx_text += "\n" + "\n".join(
        c.text for s in prs.slides for sh in s.shapes if sh.has_table for r in sh.table.rows for c in r.cells
    )
    for label, value, _, _ in headline(ctx, pack):
        assert value in pdf_text, (label, value)
        assert value in pptx_text, (label, value)
    flat_pdf, flat_pptx = " ".join(pdf_text.split()), " ".join(pptx_text.split())  # table cells wrap lines
    for kpi in pack.kpis["name"]:
        assert kpi in flat_pdf and kpi in flat_pptx
    assert f"as_of={DEMO_TODAY.isoformat()}" in pdf_text


def test_the_full_board_pack_renders_with_charts(demo_store):
    require_chromium()
    from skam_core.io.report_pdf import render_pdf
    from skam_core.io.report_pptx import render_pptx
    from skam_core.ui.steering import export as ex

    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    ctx = FakeCtx("de", account=cid)
    report = ex.Report("Pack", "s", "f", ex.pack_sections(ctx, _pack(demo_store, cid)), "de")
    pdf = PdfReader(io.BytesIO(render_pdf(report)))
    assert sum(len(p.images) for p in pdf.pages) >= 3
    prs = Presentation(io.BytesIO(render_pptx(report)))
    assert sum(1 for s in prs.slides for sh in s.shapes if sh.shape_type == 13) >= 3


def test_a_meeting_pins_its_day_and_later_changes_do_not_move_its_pack(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    held = DEMO_TODAY - timedelta(days=1)
    record_meeting(demo_store, AM_BECKER, Meeting(cid, held, decisions=[("Budget freigegeben", "CFO")]))
    before = _pack(demo_store, cid, held)
    eid = raise_escalation(demo_store, AM_BECKER, cid, NewEscalation("Neues Problem", None, None, None))
    decide_escalation(demo_store, CEO, eid, "Entschieden")
    after = _pack(demo_store, cid, held)
    assert list(after.decisions["text"]) == list(before.decisions["text"])
    assert "Entschieden" in list(_pack(demo_store, cid).decisions["text"])


def test_who_may_act_for_the_committee(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    with pytest.raises(PermissionDenied):
        raise_escalation(demo_store, VIEWER, cid, NewEscalation("x", None, None, None))
    with pytest.raises(PermissionDenied):
        record_meeting(demo_store, AM_YILMAZ, Meeting(cid, DEMO_TODAY))
    record_meeting(demo_store, CEO, Meeting(cid, DEMO_TODAY, summary="Executives record meetings"))
