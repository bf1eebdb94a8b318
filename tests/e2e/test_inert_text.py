"""Text is text: markup in stored data or in a link renders as the literal text, never as a link, an image or
coloured text. Every free-text field of one key account (and the global names it shows) holds a payload,
stored through the services; every page is walked in Chromium and must contain no link or image to a
foreign host."""

from __future__ import annotations

import shutil
from urllib.parse import quote

import pytest

from skam_core.domain.specs import SPECS
from skam_core.services.items import save_item
from skam_core.storage.db import Store
from skam_core.storage.registry import table
from skam_core.ui.kit.nav import PAGES
from tests.conftest import ADMIN, require_chromium
from tests.e2e.conftest import settle, streamlit_server

pytestmark = pytest.mark.browser

HOST = "attacker.example"
PAYLOAD = (
    f"[Session expired – sign in](https://{HOST}/login) ![i](https://{HOST}/p.png)"
    f' <img src="https://{HOST}/h.png"> :red[RED] **bold** $x^2$ https://{HOST}/a www.{HOST} x@{HOST}'
    f' =HYPERLINK("https://{HOST}/x","c")'
)
LINK_PAYLOAD = f"[Session expired – sign in](https://{HOST}/login)"

# Everything with a href or src that leaves this server (or opens a mail client).
FOREIGN = """() => {
  const bad = [];
  for (const el of document.body.querySelectorAll('[href], [src], [*|href]')) {
    for (const name of ['href', 'src', 'xlink:href']) {
      const v = el.getAttribute(name);
      if (!v) continue;
      let u;
      try { u = new URL(v, location.href); } catch (e) { continue; }
      if (u.protocol === 'mailto:' || (u.protocol.startsWith('http') && u.host !== location.host))
        bad.push(el.tagName + ' ' + name + '=' + v + ' in '
          + ((el.closest('[data-testid]') || el).getAttribute('data-testid') || '') + ': '
          + (el.parentElement ? el.parentElement.textContent.slice(0, 50) : ''));
    }
  }
  return bad;
}"""


def _text_fields(name: str) -> list:
    t = table(name)
    return [
        f
        for f in SPECS[name]
        if f.kind == "text"
        and f.pattern is None
        and f.name not in t.key
        and f.name != "id"
        and not f.name.endswith("_id")
    ]


def poison(store: Store, account: str) -> int:
    """Every free-text field of ``account``'s items, its customer record, its manager's name and the global
    capabilities set to the payload through the services; returns how many items were changed."""
    n = 0
    for name in SPECS:
        fields = _text_fields(name)
        t = table(name)
        if not fields or name in ("users", "delivery_capacity"):
            continue
        where, params = ("customer_id = ?", [account]) if t.account_column else ("TRUE", [])
        rows = store.query(
            f"SELECT {', '.join(t.key)} FROM {name} WHERE valid_to IS NULL AND NOT is_deleted AND {where}", params
        ).rows
        for row in rows:
            values = dict(zip(t.key, row, strict=True))
            values.update({f.name: PAYLOAD[: f.max_len] for f in fields})
            save_item(store, ADMIN, name, values)
            n += 1
    manager = store.query(
        "SELECT account_manager FROM customers WHERE valid_to IS NULL AND customer_id = ?", [account]
    ).single_value()
    save_item(store, ADMIN, "users", {"user_id": manager, "display_name": PAYLOAD[:200]})
    return n + 1


@pytest.fixture(scope="module")
def poisoned(demo_template, tmp_path_factory):
    require_chromium()
    db = tmp_path_factory.mktemp("inert") / "skam.duckdb"
    shutil.copyfile(demo_template, db)
    s = Store(db)
    account = s.query(
        "SELECT c.customer_id FROM customers c JOIN steering_meetings m USING (customer_id)"
        " WHERE c.valid_to IS NULL AND m.valid_to IS NULL AND c.skam_stage = 'implementation'"
        " ORDER BY c.customer_id LIMIT 1"
    ).single_value()
    assert poison(s, account) > 20  # the payload is in many places, not in one
    s.close()
    with streamlit_server(db) as url:
        yield url, account


def _walk(page, url: str) -> list[str]:
    page.goto(url)
    settle(page)
    assert page.get_by_text("Traceback").count() == 0
    return page.evaluate(FOREIGN)


# The steering pack (ui/steering, owned by the steering committee work) still shows attendees and action items
# unescaped; strict, so that this marker has to go when they go through kit.text.md.
_PENDING: dict[str, str] = {}  # pages known to render data as markup (a strict xfail each): none


def _cases():
    for p in PAGES:
        marks = [pytest.mark.xfail(reason=_PENDING[p.page_id], strict=True)] if p.page_id in _PENDING else []
        yield pytest.param(p, id=p.page_id, marks=marks)


@pytest.mark.parametrize("spec", list(_cases()))
def test_stored_markup_renders_as_text_on_every_page(poisoned, page, spec):
    url, account = poisoned
    path = "" if spec.default else spec.url_path
    foreign = _walk(page, f"{url}/{path}?account={account}&lang=de")
    assert foreign == [], "\n".join(foreign)
    if spec.page_id not in ("admin", "kpis", "profit"):  # the programme page and pickers show no account text
        assert page.get_by_text("[Session expired – sign in](https", exact=False).count() > 0


# The link's values are echoed by setup_page, the same code on every page: one overview and one account page.
@pytest.mark.parametrize("path", ["", "value"])
def test_markup_in_a_link_is_echoed_as_text(poisoned, page, path):
    url, _ = poisoned
    foreign = _walk(page, f"{url}/{path}?account={quote(LINK_PAYLOAD)}&lang={quote(LINK_PAYLOAD)}")
    assert foreign == [], "\n".join(foreign)
    assert page.get_by_text("[Session expired – sign in](https", exact=False).count() >= 2
