"""The servers and the database a bench/room_driver.py run uses: started, measured and stopped here.

Set-ups: ``uvicorn`` (this app, ``scripts/room-server.sh`` with K processes, HAProxy in front when
K > 1) or ``streamlit-run`` (``streamlit run app.py``, how the app was served before; with
``--app-dir`` pointing at an older checkout, the "as shipped" line). Loopback only.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
PASSCODE = "room-driver"
"""The instructor passcode the bench's servers get (the dashboard session signs in with it)."""

START_TIMEOUT_S = 90.0
"""How long the servers may take to answer their health checks."""


def free_port(span: int = 1) -> int:
    """A loopback port with ``span - 1`` free ports after it (room-server.sh uses port+1..port+K)."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port + span < 65000 and all(_free(port + n) for n in range(1, span + 1)):
            return port
    raise RuntimeError("no free loopback ports")


def _free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@dataclass
class Database:
    """A database of the run's own: a SQLite file, or a fresh schema on PostgreSQL."""

    url: str
    schema: str | None = None
    admin_url: str | None = None

    @classmethod
    def create(cls, kind: str, folder: Path) -> Database:
        if kind == "sqlite":
            return cls(f"sqlite:///{folder / 'room.sqlite3'}")
        base = os.environ.get("TEST_DATABASE_URL", "").strip()
        if not base:
            done = subprocess.run([str(ROOT / "scripts/start-postgres.sh")], capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"PostgreSQL: {done.stderr.strip()} (or set TEST_DATABASE_URL)")
            base = done.stdout.strip()
        from sqlalchemy import create_engine, text

        schema = f"room_{uuid.uuid4().hex[:12]}"
        engine = create_engine(base)
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
        joiner = "&" if "?" in base else "?"
        return cls(f"{base}{joiner}options=-csearch_path%3D{schema}", schema, base)

    def drop(self) -> None:
        if self.schema and self.admin_url:
            from sqlalchemy import create_engine, text

            engine = create_engine(self.admin_url)
            with engine.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{self.schema}" CASCADE'))
            engine.dispose()


@dataclass
class RoomServer:
    """The running set-up: the address phones use and the app processes behind it."""

    url: str
    apps: dict[str, int] = field(default_factory=dict)
    """App process name → PID."""
    process: subprocess.Popen[bytes] | None = None
    run_dir: Path | None = None

    def processes(self) -> list[psutil.Process]:
        alive = []
        for pid in self.apps.values():
            try:
                alive.append(psutil.Process(pid))
            except psutil.NoSuchProcess:
                continue
        return alive

    def cpu_seconds(self) -> float:
        """User + system CPU of the live app processes (a killed one stops counting)."""
        total = 0.0
        for process in self.processes():
            try:
                times = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
        return total

    def rss_mb(self) -> float:
        """Resident memory of the live app processes, summed."""
        total = 0
        for process in self.processes():
            try:
                total += process.memory_info().rss
            except psutil.NoSuchProcess:
                continue
        return total / 2**20

    def kill(self, name: str) -> None:
        """SIGKILL one app process, as a crash would."""
        os.kill(self.apps[name], signal.SIGKILL)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        for process in self.processes():
            try:
                process.kill()
            except psutil.NoSuchProcess:
                continue


def _wait_healthy(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not become healthy")


def start(setup: str, processes: int, database: Database, app_dir: Path, log_dir: Path) -> RoomServer:
    """Start the set-up on loopback and wait until every app process answers."""
    env = os.environ | {
        "COMPANION_DATABASE_URL": database.url,
        "COMPANION_INSTRUCTOR_PASSCODE": PASSCODE,
        "PYTHONUNBUFFERED": "1",
    }
    deadline = time.monotonic() + START_TIMEOUT_S
    if setup == "streamlit-run":
        port = free_port()
        log = (log_dir / "streamlit.log").open("wb")
        command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true"]
        command += [f"--server.port={port}", "--server.address=127.0.0.1"]
        popen = subprocess.Popen(command, cwd=app_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
        server = RoomServer(f"http://127.0.0.1:{port}", {"app-1": popen.pid}, popen)
        _wait_healthy(server.url, deadline)
        return server
    port = free_port(processes)
    run_dir = Path(tempfile.mkdtemp(prefix="room-server.", dir=log_dir))
    env |= {
        "PROCESSES": str(processes),
        "PORT": str(port),
        "ADDRESS": "127.0.0.1",
        "RUN_DIR": str(run_dir),
        "PYTHON": sys.executable,
    }
    log = (log_dir / "room-server.log").open("wb")
    popen = subprocess.Popen(
        ["bash", str(ROOT / "scripts/room-server.sh")],
        cwd=app_dir,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    ready = run_dir / "ready"
    while not ready.exists():
        if popen.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"room-server.sh did not start: see {log_dir / 'room-server.log'}")
        time.sleep(0.2)
    apps: dict[str, Any] = {}
    for line in ready.read_text().splitlines():
        name, _port, pid = line.split()
        apps[name] = int(pid)
    return RoomServer(f"http://127.0.0.1:{port}", apps, popen, run_dir)
