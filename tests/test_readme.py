"""The README and docs say what the bot does (issue 14, item 17): no promised-later features that exist,
the operator commands and the console's user id stated, and no citation of files outside the repository."""

from __future__ import annotations

import re

from coachbot.cli.wiring import _console_user
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_club_uploads_are_not_promised_for_later() -> None:
    assert "later release" not in README
    assert "`/club upload`" in README


def test_report_and_export_are_documented_with_the_console_user_id() -> None:
    assert "`/report`" in README
    assert "coachbot report --platform P --user ID --out FILE.pdf" in README
    assert 'coachbot export --platform console --user "$(whoami)"' in README
    assert "(`console` where the system has none)" in README
    assert _console_user()  # the id the console stores people under: the login name


def test_every_setting_is_in_the_configuration_table() -> None:
    source = (ROOT / "coachbot" / "settings.py").read_text(encoding="utf-8")
    for name in set(re.findall(r'"((?:COACHBOT|TELEGRAM|DISCORD)_[A-Z_]+)"', source)):
        assert f"`{name}`" in README, name


def test_the_demo_is_in_the_quick_start() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "coachbot run --demo" in quick_start
    assert "`/nextday`" in quick_start
    assert "`/later`" in quick_start


def test_docs_cite_no_file_outside_the_repository() -> None:
    for path in sorted((ROOT / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert "../shared/" not in text, path
        assert "CLINICAL.md" not in text, path
    clinical = (ROOT / "docs" / "clinical.md").read_text(encoding="utf-8")
    assert "### The spec, in short" in clinical
    assert all(f"**A{number}" in clinical or f"A{number}**" in clinical for number in (1, 9, 16, 25, 26))
