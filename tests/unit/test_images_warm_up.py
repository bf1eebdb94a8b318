"""The board pack's browser is started once per process in the background, and not at all without Chromium."""

from __future__ import annotations

import threading

from skam_core.io import images


def _fresh(monkeypatch, chromium: str | None) -> list[str]:
    started: list[str] = []
    monkeypatch.setattr(images, "_started", False)
    monkeypatch.setattr(images, "_warming", False)
    monkeypatch.setattr(images, "chromium_path", lambda: chromium)
    monkeypatch.setattr(images, "_ensure_server", lambda: started.append(threading.current_thread().name))
    return started


def _join_warm_ups() -> None:
    for t in threading.enumerate():
        if t.name == "skam-images-warm-up":
            t.join(timeout=10)


def test_the_browser_is_started_once_in_the_background_however_often_the_pack_is_shown(monkeypatch):
    started = _fresh(monkeypatch, "/usr/bin/chromium")
    for _ in range(5):
        images.warm_up_in_background()
    _join_warm_ups()
    assert started == ["skam-images-warm-up"]


def test_without_chromium_nothing_is_started(monkeypatch):
    started = _fresh(monkeypatch, None)
    images.warm_up_in_background()
    _join_warm_ups()
    assert started == []
