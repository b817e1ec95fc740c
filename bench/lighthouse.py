"""Lighthouse scores of built pages, served on 127.0.0.1, in Debian's Chromium."""
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# The flags the browser tests use (tests/conftest.py), for a headless Chromium run as root.
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"home": "", "cause (diabetes)": "causes/diabetes/", "symptom guide": "symptom-guide/"}
TIMEOUT = 180


def scores(site: Path, lighthouse: Path, reports: Path) -> tuple[dict | None, str]:
    """Score each page of PAGES; return ({page: summary}, "") or (None, why not).

    A page's summary: its score per category (0 to 100), the audits that cost points, and
    Lighthouse's CPU benchmark index of this machine (its performance scores depend on it)."""
    if not lighthouse.exists():
        return None, f"{lighthouse} is missing (make bench installs it with npm)"
    if not Path(CHROMIUM).exists():
        return None, f"{CHROMIUM} is missing (make chromium installs it)"
    reports.mkdir(parents=True, exist_ok=True)
    results = {}
    with served(site) as base:
        for name, path in PAGES.items():
            report = reports / f"{path.strip('/').replace('/', '-') or 'home'}.json"
            failure = _run(lighthouse, base + path, report)
            if failure:
                return None, f"lighthouse failed on {base + path}: {failure}"
            results[name] = summary(json.loads(report.read_text(encoding="utf-8")))
    return results, ""


def summary(report: dict) -> dict:
    """Scores, failing audits ("category: audit (value)") and the CPU benchmark of one report."""
    failing = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 0.9:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                failing.append(f"{category['id']}: {ref['id']}{value}")
    return {"scores": {key: _percent(report["categories"][key]["score"]) for key in CATEGORIES},
            "failing": failing,
            "benchmark_index": report["environment"].get("benchmarkIndex")}


def _percent(score) -> int | None:
    return None if score is None else round(score * 100)


def _run(lighthouse: Path, url: str, report: Path) -> str:
    """Run lighthouse on one URL into report; return "" or the end of its output."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = [str(lighthouse), url, "--output=json", f"--output-path={report}", "--quiet",
               f"--chrome-flags={' '.join(CHROME_FLAGS)}",
               f"--only-categories={','.join(CATEGORIES)}"]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"no result within {TIMEOUT} s"
    if done.returncode != 0 or not report.exists():
        return (done.stderr or done.stdout).strip()[-500:] or f"exit status {done.returncode}"
    return ""


@contextlib.contextmanager
def served(site: Path):
    """Serve site on a free port of 127.0.0.1 while inside; yield its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                               "127.0.0.1", "--directory", str(site)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait()


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
