"""Start-up hook of the CLI handover: the dashboard, which holds the store, serves CLI commands for it
(``skam_core.handover``) and refreshes its caches after each. ``SKAM_HANDOVER=0`` turns it off."""

from __future__ import annotations

import atexit
import logging
import os
import threading
from pathlib import Path

from skam_core.handover.server import HandoverServer
from skam_core.storage.db import Store
from skam_core.ui.cache import bump_data_version

log = logging.getLogger(__name__)
_servers: dict[Path, HandoverServer] = {}
_lock = threading.Lock()


def serve_cli(store: Store) -> None:
    """Serve CLI jobs for ``store`` from this process (once per store; a failure never stops the dashboard)."""
    # A PostgreSQL store is open to every process at once: the CLI writes it itself.
    if os.environ.get("SKAM_HANDOVER") == "0" or not isinstance(store.path, Path):
        return
    key = store.path.resolve()
    with _lock:
        running = _servers.get(key)
        if running is not None and running.store is store:
            return
        if running is not None:  # the store was closed and opened again: serve the open one
            running.stop()
        try:
            server = HandoverServer(store, after_job=bump_data_version)
            server.start()
        except OSError as exc:
            log.warning("the CLI cannot hand jobs to this dashboard: %s", exc)
            return
        _servers[key] = server
        atexit.register(server.stop, at_exit=True)
