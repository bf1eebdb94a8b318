"""The German uploader's stylesheet: scoped to one widget, catalog texts quoted as CSS strings, odd keys refused."""

import pytest

from skam_core.ui.kit.uploader import german_css


def test_the_stylesheet_is_scoped_to_the_widget_and_quotes_its_texts():
    css = german_css("admin_upload_financials", 'Datei "wählen"', "bis 50 MB je Datei · CSV")
    rules = [line for line in css.splitlines() if "{" in line]
    assert rules and all(line.startswith(".st-key-admin_upload_financials ") for line in rules)
    assert 'content: "Datei \\"wählen\\""' in css and 'content: "bis 50 MB je Datei · CSV"' in css


@pytest.mark.parametrize("key", ["a b", "x{y", "k;}body{display:none"])
def test_a_key_that_is_no_plain_class_name_is_refused(key):
    with pytest.raises(ValueError):
        german_css(key, "Datei wählen", "bis 50 MB")
