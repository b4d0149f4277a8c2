"""`coachbot run` at start-up (issue 17 items 3 and 5): a PostgreSQL server that answers late gets more tries,
one log line each, and a clear line when it never does; a console with no terminal says why it stops."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

from sqlalchemy.engine import make_url

from coachbot.cli.main import NO_TERMINAL
from tests.conftest import postgres_database, sqlite_url

RETRYING = "not reachable"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.close()


@contextlib.asynccontextmanager
async def _forwarder(port: int, to_host: str, to_port: int) -> AsyncIterator[None]:
    """A TCP proxy on 127.0.0.1:port to the real server: the database 'comes up' when this starts."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(to_host, to_port)
        await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))

    server = await asyncio.start_server(serve, "127.0.0.1", port)
    try:
        yield
    finally:
        server.close()


async def test_a_database_that_comes_up_late_is_waited_for(tmp_path: Path) -> None:
    async with postgres_database() as url:
        real = make_url(url)
        port = _free_port()
        late = real.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
        env = {**os.environ, "COACHBOT_DATABASE_URL": late, "COACHBOT_DATABASE_WAIT_SECONDS": "60"}
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "coachbot", "run", env=env, cwd=tmp_path,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert bot.stderr is not None
        first = (await asyncio.wait_for(bot.stderr.readline(), 30)).decode()
        assert RETRYING in first, first
        assert "trying again in 1 s" in first
        assert str(port) in first
        async with _forwarder(port, real.host or "127.0.0.1", real.port or 5432):
            out, err = await asyncio.wait_for(bot.communicate(b"/help\n"), 90)
        assert bot.returncode == 0, err.decode()
        assert "coachbot guides you" in out.decode()
        assert "Traceback" not in err.decode()


def test_a_database_that_never_answers_is_one_clear_line_after_the_wait(tmp_path: Path) -> None:
    port = _free_port()  # nothing listens there
    env = {
        **os.environ,
        "COACHBOT_DATABASE_URL": f"postgresql+asyncpg://postgres:s3cret@127.0.0.1:{port}/x",
        "COACHBOT_DATABASE_WAIT_SECONDS": "2",
    }
    result = subprocess.run(
        [sys.executable, "-m", "coachbot", "run"], input="", capture_output=True, text=True, env=env,
        cwd=tmp_path, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) >= 2, result.stderr
    assert all(RETRYING in line for line in lines[:-1]), result.stderr
    assert lines[-1].startswith(
        f"coachbot: cannot reach the database postgresql+asyncpg://postgres:***@127.0.0.1:{port}/x: "
    )
    assert "s3cret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_console_without_a_terminal_says_why_it_stops(tmp_path: Path) -> None:
    env = {**os.environ, "COACHBOT_DATABASE_URL": sqlite_url(tmp_path / "c.db")}
    env.pop("TELEGRAM_TOKEN", None)
    env.pop("DISCORD_TOKEN", None)
    silent = subprocess.run(
        [sys.executable, "-m", "coachbot", "run"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
        env=env, cwd=tmp_path, check=False, timeout=60,
    )  # fmt: skip
    assert silent.returncode == 0
    assert silent.stderr.strip() == NO_TERMINAL
    typed = subprocess.run(
        [sys.executable, "-m", "coachbot", "run"], input="/help\n", capture_output=True, text=True, env=env,
        cwd=tmp_path, check=False, timeout=60,
    )  # fmt: skip
    assert typed.returncode == 0
    assert NO_TERMINAL not in typed.stderr
