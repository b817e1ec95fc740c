"""Lighthouse scores of built pages, served on 127.0.0.1, in Debian's Chromium."""
import contextlib
import functools
import gzip
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# The flags the browser tests use (tests/conftest.py), for a headless Chromium run as root.
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"home": "", "cause (diabetes)": "causes/diabetes/", "symptom guide": "symptom-guide/"}
TIMEOUT = 180
# Runs per page: on a shared machine one run's performance score swings by 10 points or more, so
# the median run is reported, as Lighthouse's own documentation advises.
RUNS = 3
# What static hosts gzip: text, scripts, JSON, XML and SVG (not images already compressed).
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml")


def scores(site: Path, lighthouse: Path, reports: Path) -> tuple[dict | None, str]:
    """Score each page of PAGES; return ({page: summary}, "") or (None, why not).

    A page's summary: its score per category (0 to 100), the audits that cost points, and
    Lighthouse's CPU benchmark index of this machine (its performance scores depend on it), from
    the median of RUNS runs."""
    if not lighthouse.exists():
        return None, f"{lighthouse} is missing (make bench installs it with npm)"
    if not Path(CHROMIUM).exists():
        return None, f"{CHROMIUM} is missing (make chromium installs it)"
    reports.mkdir(parents=True, exist_ok=True)
    results = {}
    with served(site) as base:
        for name, path in PAGES.items():
            stem = path.strip("/").replace("/", "-") or "home"
            runs = []
            for run in range(1, RUNS + 1):
                report = reports / f"{stem}-{run}.json"
                failure = _run(lighthouse, base + path, report)
                if failure:
                    return None, f"lighthouse failed on {base + path}: {failure}"
                runs.append(json.loads(report.read_text(encoding="utf-8")))
            results[name] = summary(median_run(runs))
    return results, ""


def median_run(reports: list[dict]) -> dict:
    """The report whose performance score is the median of these."""
    return sorted(reports, key=lambda report: report["categories"]["performance"]["score"])[
        len(reports) // 2]


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
    """Serve site on a free port of 127.0.0.1 while inside, as a static host does; yield its URL.

    Like GitHub Pages or Netlify, text files go out gzipped to a browser that accepts it, each
    with its content type: scoring the uncompressed files would measure the server, not the site."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, the compressible ones gzipped when the request accepts gzip."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (not path.is_file() or not kind.startswith(COMPRESSIBLE)
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        """Stay quiet: the benchmark prints its own report."""
