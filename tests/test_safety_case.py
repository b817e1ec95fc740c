"""SAFETY.md names, for each hazard, the tests that check its controls: each of them exists."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMED = re.compile(r"`(tests/test_\w+\.py)::(test_\w+)`")


def test_every_test_the_hazard_log_names_exists():
    text = (ROOT / "SAFETY.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if re.match(r"\| H\d+ \|", line)]
    assert len(rows) >= 5
    for row in rows:
        named = NAMED.findall(row)
        assert named, f"a hazard with no test: {row[:60]}"
        for file, test in named:
            source = (ROOT / file).read_text(encoding="utf-8")
            assert re.search(rf"^def {test}\(", source, re.M), f"{file}::{test} is missing"
