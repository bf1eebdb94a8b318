"""The link remembered over a sign-in: only a known page and the contract's parameters come back."""

from __future__ import annotations

import pytest

from skam_core.ui.kit.return_to import parse

PATHS = {"portfolio": "portfolio", "steering": "steering", "profit": "profit"}


def _parse(raw: str | None):
    return parse(raw, PATHS, "portfolio")


def test_a_deep_link_comes_back_with_its_page_and_parameters():
    assert _parse("/steering?account=K000700&lang=en&as_of=2026-11-13") == (
        "steering",
        {"account": "K000700", "as_of": "2026-11-13", "lang": "en"},
    )


def test_the_cookie_may_hold_the_link_url_encoded_and_under_a_prefix():
    assert _parse("%2Fskam%2Fprofit%3Flang%3Den") == ("profit", {"lang": "en"})


def test_presentation_mode_is_kept_other_parameters_are_dropped():
    assert _parse("/steering?present=1&account=K1&view_as=boss&x=<b>") == (
        "steering",
        {"present": "1", "account": "K1"},
    )


@pytest.mark.parametrize("raw", [None, "", "/", "/?", "/?foo=bar", "/unknown-page"])
def test_nothing_to_restore_is_none(raw):
    assert _parse(raw) is None


def test_an_unknown_page_means_the_default_page_with_the_links_parameters():
    assert _parse("/../../etc/passwd?lang=en") == ("portfolio", {"lang": "en"})
