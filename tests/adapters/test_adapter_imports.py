"""The adapters see the project only through the seam: they import messages, ports and texts (and modules of
coachbot/adapters/), never the core, the store or delivery, which the app injects through ports."""

from __future__ import annotations

import ast
from pathlib import Path

import coachbot

ADAPTERS = Path(coachbot.__file__).parent / "adapters"
ALLOWED = ("coachbot.messages", "coachbot.ports", "coachbot.texts", "coachbot.adapters")


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            names.update(
                f"{node.module}.{alias.name}" if node.module == "coachbot" else node.module
                for alias in node.names
            )
    return {name for name in names if name == "coachbot" or name.startswith("coachbot.")}


def test_adapters_import_only_messages_ports_and_texts() -> None:
    found = {
        f"{path.relative_to(ADAPTERS)}: {name}"
        for path in sorted(ADAPTERS.rglob("*.py"))
        for name in _imported(path)
        if not any(name == allowed or name.startswith(allowed + ".") for allowed in ALLOWED)
    }
    assert found == set()
    assert _imported(ADAPTERS / "telegram" / "pacing.py") >= {"coachbot.ports"}  # the scan sees imports
