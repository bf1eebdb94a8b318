"""Every user-facing string goes through one catalog with German and English."""

import re
from pathlib import Path

from skam_core.i18n import catalog, lang_from_locale, translate

ROOT = Path(__file__).resolve().parents[2]
# t("key"), ctx.t("key", ...), translate("key", lang): a whole literal key (not a prefix joined with a value)
KEY_USE = re.compile(r"""\b(?:t|translate)\(\s*["']([a-z_]+\.[a-z0-9_.]*[a-z0-9_])["']\s*[,)]""")


def _sources():
    for base in ("pages", "skam_core", "dashboard.py"):
        p = ROOT / base
        yield from ([p] if p.is_file() else p.rglob("*.py"))


def test_every_message_has_german_and_english():
    for key, pair in catalog().items():
        assert len(pair) == 2 and all(isinstance(s, str) and s.strip() for s in pair), key


def test_every_literal_key_used_in_code_is_in_the_catalog():
    missing = []
    for path in _sources():
        for key in KEY_USE.findall(path.read_text(encoding="utf-8")):
            if key not in catalog():
                missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert not missing, missing


def test_placeholders_match_between_languages():
    field = re.compile(r"{(\w+)}")
    for key, (de, en) in catalog().items():
        assert set(field.findall(de)) == set(field.findall(en)), key


def test_browser_locale_picks_the_language():
    assert lang_from_locale("de-AT") == "de"
    assert lang_from_locale("en-US") == "en"
    assert lang_from_locale("fr-FR") == "en"
    assert lang_from_locale(None) == "de"


def test_unknown_key_shows_itself_instead_of_crashing():
    assert translate("no.such.key", "en") == "no.such.key"


def test_every_spec_field_has_a_label_in_both_languages():
    from skam_core.domain.specs import SPECS

    names = {f.name for fields in SPECS.values() for f in fields}
    assert not [n for n in names if f"field.{n}" not in catalog()]
