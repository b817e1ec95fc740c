"""Each upstream internal the generator relies on (generator/upstream.py) is as it was read."""
import hashlib
import importlib
import importlib.metadata
import re
from pathlib import Path

import pytest

from conftest import ROOT
from generator.upstream import INTERNALS

PINS = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$",
                       (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M))


def _name(internal) -> str:
    return f"{internal.package}:{internal.file or internal.attribute}"


@pytest.mark.parametrize("internal", INTERNALS, ids=_name)
def test_an_upstream_internal_is_as_it_was_read(internal):
    where = f"{_name(internal)} (used by {internal.used_by}: {internal.relied_on})"
    assert PINS.get(internal.package) == internal.version, \
        f"requirements.txt pins {internal.package} {PINS.get(internal.package)}, but " \
        f"generator/upstream.py read {where} at {internal.version}: check it, then update"
    assert importlib.metadata.version(internal.package) == internal.version
    module = importlib.import_module(internal.module)
    if internal.file:
        file = Path(module.__file__).parent / internal.file
        assert file.exists(), f"{where} is gone from {internal.package}"
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        assert digest == internal.sha256, \
            f"{where} changed in {internal.package}: check the code that relies on it, then " \
            f"update its sha256 in generator/upstream.py to {digest}"
    if internal.attribute:
        assert _resolved(module, internal.attribute) is not None, \
            f"{where} is gone from {internal.package}"


def _resolved(module, dotted: str):
    """The object a dotted name inside module names (submodules imported), or None."""
    found = module
    for part in dotted.split("."):
        if hasattr(found, part):
            found = getattr(found, part)
            continue
        try:
            found = importlib.import_module(f"{found.__name__}.{part}")
        except ImportError:
            return None
    return found


def test_the_theme_s_search_worker_is_the_one_listed():
    material = Path(importlib.import_module("material").__file__).parent
    workers = sorted(p.relative_to(material).as_posix()
                     for p in material.glob("templates/assets/javascripts/workers/*.min.js"))
    assert workers == [i.file for i in INTERNALS if i.file and "/workers/" in i.file]
