"""Turn programme YAML into a validated `Programme`, or into problems that name file, line and field.

A problem reads `programmes/x.yaml:42: phases[2].menu[1]: ladder E1 has no level 10`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from pydantic import ValidationError

from coachbot.programme import references, safety_floor
from coachbot.programme.schema import Programme
from coachbot.programme.yamltree import Located, Path, YamlProblem, check_size, parse


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a programme file."""

    source: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ProgrammeError(Exception):
    """A programme could not be loaded; `problems` lists every reason found, in file order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = list(problems)


def format_path(path: Iterable[str | int]) -> str:
    """('phases', 2, 'menu', 1) -> 'phases[2].menu[1]'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_file(path: FsPath | str) -> Programme:
    """Load and validate one programme file."""
    path = FsPath(path)
    try:
        check_size(path.stat().st_size)
        text = path.read_text(encoding="utf-8")
    except YamlProblem as problem:
        raise ProgrammeError([Problem(str(path), 0, "", problem.message)]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProgrammeError([Problem(str(path), 0, "", f"cannot read: {error}")]) from None
    return load_text(text, str(path))


def load_text(text: str, source: str) -> Programme:
    """Validate programme YAML given as text (an upload, say); `source` names it in problems."""
    try:
        located = parse(text)
    except YamlProblem as problem:
        raise ProgrammeError([Problem(source, problem.line, "", problem.message)]) from None
    if not isinstance(located.data, dict):
        raise ProgrammeError([Problem(source, 1, "", "a programme file must be a mapping of keys")])
    try:
        programme = Programme.model_validate(located.data)
    except ValidationError as error:
        raise ProgrammeError(_schema_problems(error, located, source)) from None
    found = references.check(programme)
    if found:
        problems = [_at(located, source, path, message) for path, message in found]
        raise ProgrammeError(sorted(problems, key=lambda problem: problem.line))
    return programme


def load_upload(text: str, source: str, shipped: Mapping[str, Programme]) -> Programme:
    """A programme someone uploaded: valid like any other, and no looser than the shipped defaults."""
    programme = load_text(text, source)
    if programme.id in shipped:
        raise ProgrammeError(
            [Problem(source, parse(text).line_of(("id",)), "id", "a shipped programme has this id")]
        )
    found = safety_floor.looser(programme, shipped)
    if found:
        located = parse(text)
        problems = [_at(located, source, path, message) for path, message in found]
        raise ProgrammeError(sorted(problems, key=lambda problem: problem.line))
    return programme


def _at(located: Located, source: str, path: Path, message: str) -> Problem:
    # Name the item (e.g. phases[2].menu[1]) while pointing at the line of the field at fault.
    field_path = path[:-1] if path and isinstance(path[-1], str) and len(path) > 1 else path
    return Problem(source, located.line_of(path), format_path(field_path), message)


def _schema_problems(error: ValidationError, located: Located, source: str) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        path: Path = tuple(part for part in detail["loc"] if part != "[key]" and not _is_type_tag(part))
        problems.append(_schema_problem(detail, located, source, path))
    return sorted(problems, key=lambda problem: problem.line)


def _is_type_tag(part: Any) -> bool:
    # pydantic adds a tag such as 'function-before[_to_amount(), _Amount]' to paths through validators
    return isinstance(part, str) and ("[" in part or "(" in part)


def _schema_problem(detail: Any, located: Located, source: str, path: Path) -> Problem:
    kind = detail["type"]
    line = located.line_of(path)
    if kind == "extra_forbidden":
        return Problem(source, line, format_path(path[:-1]), f"unknown key {path[-1]!r}")
    if kind == "missing":
        return Problem(source, line, format_path(path[:-1]), f"missing required key {path[-1]!r}")
    message = str(detail["msg"]).removeprefix("Value error, ")
    return Problem(source, line, format_path(path), message)


def load_directory(directory: FsPath | str) -> dict[str, Programme]:
    """Load every *.yaml file in a directory, keyed by programme id; all problems are raised together."""
    programmes: dict[str, Programme] = {}
    problems: list[Problem] = []
    for path in sorted(FsPath(directory).glob("*.yaml")):
        try:
            programme = load_file(path)
        except ProgrammeError as error:
            problems.extend(error.problems)
            continue
        if programme.id in programmes:
            problems.append(Problem(str(path), 1, "id", f"programme id {programme.id!r} is used twice"))
        programmes[programme.id] = programme
    if problems:
        raise ProgrammeError(problems)
    return programmes
