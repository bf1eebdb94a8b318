"""The dashboard's side of the handover: a Unix-socket server in daemon threads that runs CLI commands on the
dashboard's own store, exactly as ``python -m skam_core`` would run them (``skam_core.cli.run_handed``).

Only the store's owner gets in: the socket sits in a private 0700 directory and is 0600, the peer's user id
must be ours (SO_PEERCRED), and the request must carry the endpoint file's token. A refused request runs
nothing. Each connection is one job in its own thread, so the dashboard's sessions keep answering meanwhile.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import pwd
import shutil
import socketserver
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from skam_core.handover import channel, output
from skam_core.storage.db import Store

log = logging.getLogger(__name__)
MAX_REQUEST = 1 << 20


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


class HandoverServer:
    """Serve CLI jobs for ``store``; ``after_job`` runs after every job (the dashboard refreshes its caches)."""

    def __init__(self, store: Store, *, after_job: Callable[[], None] = lambda: None):
        if not isinstance(store.path, Path):
            raise ValueError("only a store file is handed over: a PostgreSQL store is open to every process")
        self.store = store
        self._file: Path = store.path
        self.after_job = after_job
        self.token = channel.new_token()
        self._dir = Path(tempfile.mkdtemp(prefix="skam-handover-"))  # created 0700
        self.socket_path = self._dir / "cli.sock"
        self._server: socketserver.ThreadingUnixStreamServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> channel.Endpoint:
        outer = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                outer._handle(self)

        old = os.umask(0o177)  # the socket file is created 0600
        try:
            server = socketserver.ThreadingUnixStreamServer(str(self.socket_path), Handler)
        finally:
            os.umask(old)
        os.chmod(self.socket_path, 0o600)
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="skam-handover", daemon=True)
        self._thread.start()
        endpoint = channel.Endpoint(str(self.socket_path), self.token, os.getpid())
        channel.write_endpoint(self._file, endpoint)
        output.install()
        log.info("CLI handover listening at %s", self.socket_path)
        return endpoint

    def stop(self, *, at_exit: bool = False) -> None:
        """Stop serving and remove the endpoint. ``at_exit`` (the atexit hook): the process is ending and its
        threads and sockets end with it, so only the endpoint file and the socket folder are removed; waiting
        for the serving loop there kept a finished test run from exiting."""
        server, thread = self._server, self._thread
        if server is not None:
            if not at_exit:
                # shutdown() waits until serve_forever returns: ask only a loop that still runs, a bounded time.
                if thread is not None and thread.is_alive():
                    stopper = threading.Thread(target=server.shutdown, name="skam-handover-stop", daemon=True)
                    stopper.start()
                    stopper.join(timeout=2.0)
                server.server_close()
            self._server = None
        mine = channel.read_endpoint(self._file)
        if mine is not None and mine.socket == str(self.socket_path):
            channel.endpoint_path(self._file).unlink(missing_ok=True)
        shutil.rmtree(self._dir, ignore_errors=True)

    def _handle(self, h: socketserver.StreamRequestHandler) -> None:
        lock = threading.Lock()

        def send(message: dict[str, object]) -> None:
            with lock:
                try:
                    channel.send(h.wfile, message)
                except OSError:
                    pass  # the client went away; the job still finishes (all or nothing)

        uid = channel.peer_uid(h.connection)
        if uid != os.getuid():
            send({"err": "error: refused: the dashboard serves only its own user\n"})
            send({"rc": 1})
            return
        try:
            request = json.loads(h.rfile.readline(MAX_REQUEST))
            token, argv = str(request["token"]), [str(a) for a in request["argv"]]
            cwd, user = str(request["cwd"]), request.get("user")
        except (ValueError, KeyError, TypeError):
            send({"err": "error: refused: not a handover request\n"})
            send({"rc": 1})
            return
        if not hmac.compare_digest(token.encode(), self.token.encode()):
            send({"err": "error: refused: wrong token (read it from the endpoint file next to the store)\n"})
            send({"rc": 1})
            return
        from skam_core.cli import run_handed  # the command line's own commands, run here

        acting = str(user) if user else f"cli:{_user_name(uid)}"
        with output.routed(lambda s: send({"out": s}), lambda s: send({"err": s})):
            rc = run_handed(self.store, argv, cwd=cwd, user=acting)
        try:
            self.after_job()
        finally:
            send({"rc": rc})
