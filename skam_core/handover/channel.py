"""The channel between a CLI and the running dashboard: where its endpoint is, who may use it, the wire format.

The endpoint file ``<store>.handover`` (mode 0600: only the store's owner can read it) names the socket and a
random token. The socket lives in a fresh private directory (mode 0700) and is itself 0600, so other users of
the machine can neither find nor connect to it; the server also checks the peer's user id (SO_PEERCRED) and
the token. No TCP port is opened. Messages are JSON lines: one request, then ``{"out"|"err": text}`` chunks
and a final ``{"rc": n}``.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import struct
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIX = ".handover"


def endpoint_path(store: Path) -> Path:
    return store.with_name(store.name + SUFFIX)


@dataclass(frozen=True)
class Endpoint:
    socket: str
    token: str
    pid: int


def new_token() -> str:
    return secrets.token_hex(32)


def write_endpoint(store: Path, endpoint: Endpoint) -> Path:
    """Write the endpoint file with owner-only permissions (created 0600, never readable by others)."""
    path = endpoint_path(store)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"socket": endpoint.socket, "token": endpoint.token, "pid": endpoint.pid}, f)
    os.replace(tmp, path)
    return path


def read_endpoint(store: Path) -> Endpoint | None:
    """The endpoint of a dashboard serving this store, or None (no file, unreadable, or not ours)."""
    path = endpoint_path(store)
    try:
        if path.stat().st_uid != os.getuid():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return Endpoint(str(data["socket"]), str(data["token"]), int(data["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def peer_uid(conn: socket.socket) -> int:
    """The user id of the process at the other end of a Unix socket (Linux SO_PEERCRED)."""
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return int(uid)


def send(f: Any, message: dict[str, Any]) -> None:
    f.write((json.dumps(message) + "\n").encode("utf-8"))
    f.flush()


def connect(endpoint: Endpoint) -> socket.socket | None:
    """A connection to the serving dashboard, or None when nobody listens (a stale endpoint file)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(endpoint.socket)
    except OSError:
        sock.close()
        return None
    return sock


def hand_over(sock: socket.socket, token: str, argv: list[str], user: str | None) -> int:
    """Send one command to the dashboard, relay its output as it comes, and return its exit code."""
    with sock, sock.makefile("rwb") as f:
        send(f, {"token": token, "argv": argv, "cwd": os.getcwd(), "user": user})
        for line in f:
            msg = json.loads(line)
            if "out" in msg:
                sys.stdout.write(msg["out"])
                sys.stdout.flush()
            elif "err" in msg:
                sys.stderr.write(msg["err"])
                sys.stderr.flush()
            elif "rc" in msg:
                return int(msg["rc"])
    print("error: the dashboard closed the connection before the command finished", file=sys.stderr)
    return 1
