"""Measure the live preview: the time from saving a YAML file to the served page showing it.

    python -m bench.preview --root DIR [--runs 5]

Copies DIR's inputs to a temporary folder, starts `python -m generator serve` on them, then edits
a cause's summary (one cause page and the pages that list it change) and a location's causes list
(the location and the added cause change) and a cause's title (every page changes: it is in the
navigation), several times each, polling the page every 50 ms.
Prints the median and the longest wait, wall clock and the server's CPU time. Reported, never
asserted: the machine is shared.
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from bench import synthetic

ROOT = Path(__file__).resolve().parent.parent
CAUSE, LOCATION = "diabetes", "feet"
POLL = 0.05


def measure(root: Path, runs: int = 5) -> dict:
    """Serve a copy of root's inputs and time edits to them; return the figures."""
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as work:
        copy = synthetic.make_set(root, Path(work) / "guide", 1)
        with _Server(copy) as server:
            figures = {"load": os.getloadavg()[0], "startup": server.startup}
            figures["summary"] = _timed(server, [_summary_edit(copy, run) for run in range(runs)])
            figures["causes_list"] = _timed(server, _causes_list_edits(copy, runs))
            figures["title"] = _timed(server, [_title_edit(copy, run) for run in range(runs)])
            figures["rebuilds"] = server.rebuild_lines()
        return figures


class _Server:
    """`python -m generator serve` on a free port, its errors kept in a file."""

    def __init__(self, root: Path):
        self.root = root
        self.log = root / "serve.log"
        site_url = yaml.safe_load((root / "site_config.yml").read_text())["site_url"]
        mount = urlsplit(site_url).path.strip("/")
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/" + (f"{mount}/" if mount else "")

    def __enter__(self):
        started = time.perf_counter()
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "generator", "serve", "--root", str(self.root),
                 "--port", str(self.port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        _wait(lambda: CAUSE.replace("-", " ") in _get(self.page("causes", CAUSE)).lower(), 600)
        self.startup = time.perf_counter() - started
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(30)

    def page(self, folder: str, page_id: str) -> str:
        return f"{self.url}{folder}/{page_id}/"

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rebuild_lines(self) -> list[str]:
        return [line for line in self.log.read_text().splitlines()
                if line.startswith("preview updated")]


def _summary_edit(root: Path, run: int):
    """Put a marker into the cause's summary; the cause page must show it."""
    return _marker_edit(root, "summary", f"Bench{run}marker", ("causes", CAUSE))


def _title_edit(root: Path, run: int):
    """Put a marker into the cause's title (in the navigation: every page is rebuilt); the
    location page that lists the cause must show it."""
    return _marker_edit(root, "title", f"Bench{run}title", ("locations", LOCATION))


def _marker_edit(root: Path, field: str, marker: str, shown_on: tuple[str, str]):
    """An edit putting marker at the start of one field of the cause (in place of the last
    run's), the page that must show it, and the test that it does."""
    def apply():
        _replace(root / "content" / "causes" / f"{CAUSE}.yml",
                 rf"^{field}: (?:Bench\d+\w+ )?", f"{field}: {marker} ")
    return apply, shown_on, lambda html: marker in html


def _causes_list_edits(root: Path, runs: int):
    """Add a cause to the location's list, then take it off again, and so on."""
    location = root / "content" / "locations" / f"{LOCATION}.yml"
    listed = yaml.safe_load(location.read_text(encoding="utf-8"))["causes"]
    extra = next(file.stem for file in sorted((root / "content" / "causes").glob("*.yml"))
                 if file.stem not in listed)
    link = f"causes/{extra}/"
    plain, added = ", ".join(listed), ", ".join([*listed, extra])
    edits = []
    for run in range(runs):
        old, new = (plain, added) if run % 2 == 0 else (added, plain)
        edits.append((lambda old=old, new=new: _replace(location, rf"^causes: \[{old}\]",
                                                        f"causes: [{new}]"),
                      ("locations", LOCATION),
                      (lambda html: link in html) if run % 2 == 0 else
                      (lambda html: "md-content" in html and link not in html)))
    return edits


def _timed(server: _Server, edits: list) -> dict:
    """Apply each edit, wait until the page shows it; return wall and CPU times in seconds."""
    walls, cpus = [], []
    for apply, (folder, page_id), shows in edits:
        url = server.page(folder, page_id)
        cpu = server.cpu_seconds()
        started = time.perf_counter()
        apply()
        _wait(lambda: shows(_get(url)), 120)
        walls.append(time.perf_counter() - started)
        time.sleep(1)  # let the server finish any rebuild the edit's second event started
        cpus.append(server.cpu_seconds() - cpu)
    return {"times": walls, "median": statistics.median(walls), "max": max(walls),
            "cpu_median": statistics.median(cpus), "cpu_max": max(cpus)}


def _replace(file: Path, pattern: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    if not count:
        raise SystemExit(f"{file}: no line matches {pattern!r}")
    file.write_text(changed, encoding="utf-8")


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode()
    except OSError:
        return ""


def _wait(condition, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit(f"the preview did not show the change within {seconds} s")
        time.sleep(POLL)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def report(figures: dict) -> str:
    """The figures as a Markdown table."""
    rows = ["| edit | median wait | longest wait | server CPU, median | server CPU, max |",
            "|---|---|---|---|---|"]
    for name, label in (("summary", f"summary of causes/{CAUSE}"),
                        ("causes_list", f"causes list of locations/{LOCATION}"),
                        ("title", f"title of causes/{CAUSE} (every page)")):
        f = figures[name]
        rows.append(f"| {label} | {f['median']:.2f} s | {f['max']:.2f} s | "
                    f"{f['cpu_median']:.2f} s | {f['cpu_max']:.2f} s |")
    return "\n".join([*rows, "", f"Start-up (first full build): {figures['startup']:.1f} s; "
                      f"load average at start {figures['load']:.1f}.", "",
                      *figures["rebuilds"]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.preview",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project to copy and serve")
    parser.add_argument("--runs", type=int, default=5, help="edits of each kind")
    args = parser.parse_args(argv)
    print(report(measure(args.root.resolve(), args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
