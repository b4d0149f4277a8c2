"""The message catalogue never says what CLINICAL 12.7 forbids, and every template formats."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest

import coachbot.texts

FORBIDDEN = [
    r"you have a grade",
    r"grade [123] strain",
    r"you need surgery",
    r"need(s)? surgery",
    r"cleared to run",
    r"push through",
    r"\b\d+\s?mg\b",
    r"ibuprofen|paracetamol|naproxen|aspirin",
    r"salt tablets",
    r"flush(ing)? (out )?toxins",
    r"diagnos(e|is) (you|your)",
]


def catalogue() -> dict[str, str]:
    texts: dict[str, str] = {}
    for module_info in pkgutil.iter_modules(coachbot.texts.__path__):
        module = importlib.import_module(f"coachbot.texts.{module_info.name}")
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str):
                texts[f"{module_info.name}.{name}"] = value
            elif name.isupper() and isinstance(value, dict):
                texts.update({f"{module_info.name}.{name}.{key}": text for key, text in value.items()})
    return texts


def test_catalogue_is_not_empty() -> None:
    assert len(catalogue()) > 40


@pytest.mark.parametrize("pattern", FORBIDDEN)
def test_no_forbidden_phrase(pattern: str) -> None:
    offending = [key for key, text in catalogue().items() if re.search(pattern, text, re.IGNORECASE)]
    assert offending == []


def test_templates_have_only_named_fields() -> None:
    for key, text in catalogue().items():
        for _, field, _, _ in string.Formatter().parse(text):
            assert field is None or field.isidentifier(), f"{key} has a positional or odd field {field!r}"
