"""Starting and stopping the benchmark's processes: the fake Bot API, `coachbot run` and the baseline bot.

Every process is started in its own session (so a Ctrl-C reaches only the driver, which then stops them),
logs to a file in the run's folder, and is stopped by `Processes.close()` however the run ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

TOKEN_COACHBOT = "111111:coachbot-bench-token"
TOKEN_BASELINE = "222222:baseline-bench-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def peak_rss_mb(pid: int) -> float | None:
    """VmHWM (the peak resident set) of a live process, in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


class Processes:
    """The processes of one run, stopped (TERM, then KILL after `grace` seconds) by `close`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.running: list[subprocess.Popen[bytes]] = []

    def start(self, name: str, args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.log").open("ab")
        process = subprocess.Popen(
            args, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
            start_new_session=True, cwd=self.folder,
        )  # fmt: skip
        log.close()
        self.running.append(process)
        return process

    def fake(self, token: str, options: list[str]) -> tuple[subprocess.Popen[bytes], str]:
        port = free_port()
        args = [
            sys.executable,
            "-m",
            "benchmarks.delivery.fake_bot_api",
            "--port",
            str(port),
            "--token",
            token,
        ]
        process = self.start(f"fake-{token.split(':')[1]}", [*args, *options], {"PYTHONPATH": _root()})
        return process, f"http://127.0.0.1:{port}"

    def coachbot(self, name: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
        return self.start(name, [sys.executable, "-m", "coachbot", "run"], env)

    def baseline(self, url: str, people: int, first_chat: int, due: str) -> subprocess.Popen[bytes]:
        args = [
            sys.executable, "-m", "benchmarks.delivery.baseline", "--token", TOKEN_BASELINE, "--api-url", url,
            "--people", str(people), "--first-chat", str(first_chat), "--due", due,
        ]  # fmt: skip
        return self.start("baseline", args, {"PYTHONPATH": _root()})

    def stop(self, process: subprocess.Popen[bytes], grace: float = 15.0) -> int:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signal.SIGTERM)
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGKILL)
                process.wait()
        if process in self.running:
            self.running.remove(process)
        return process.returncode

    def close(self) -> None:
        for process in list(self.running):
            self.stop(process, grace=5.0)


def _root() -> str:
    return str(Path(__file__).resolve().parents[2])


async def wait_up(url: str, within: float = 20.0) -> None:
    """Wait until the fake answers /stats."""
    deadline = time.monotonic() + within
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(url + "/stats") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the fake Bot API at {url} did not start") from None
            await asyncio.sleep(0.05)  # a process starting up: nothing to wait on but its port
