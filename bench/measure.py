"""Benchmark measurements: the generator's stages in-process, child processes, built sites."""
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import yaml

from generator.build import phases
from generator.build.mkdocs_run import source_epoch
from generator.build.project import Project
from generator.model import Content
from generator.render.mkdocs_config import GLOSSARY_EXTENSION

# What a plain mkdocs-material build leaves out of our config: hooks, overrides, our assets.
OURS = ("hooks", "extra", "extra_css", "extra_javascript")


@dataclass(frozen=True)
class Child:
    """A finished child process: wall and CPU seconds, peak resident memory in bytes."""

    wall: float
    cpu: float
    peak_memory: int
    returncode: int
    output: str


@dataclass(frozen=True)
class Timing:
    """Seconds of one stage run in this process: wall clock and this process's CPU."""

    wall: float
    cpu: float


class _Stopwatch:
    """Times consecutive stages in this process."""

    def __init__(self):
        self.times: dict[str, Timing] = {}
        self._start = (time.perf_counter(), time.process_time())

    def lap(self, name: str) -> None:
        now = (time.perf_counter(), time.process_time())
        self.times[name] = Timing(now[0] - self._start[0], now[1] - self._start[1])
        self._start = now


def generator_stages(root: Path, build_dir: Path) -> tuple[dict[str, Timing], Content]:
    """Time the build's load, check, render and write phases in-process; return them and the
    content."""
    project = Project.at(root)
    watch = _Stopwatch()
    loaded = phases.load(project)
    watch.lap("load")
    problems = phases.check(loaded, date.today())
    watch.lap("validate")
    if any(problem.severity == "error" for problem in problems):
        raise RuntimeError("\n".join(map(str, problems)))
    files = phases.render(project, loaded.content, loaded.config, build_dir)
    watch.lap("render")
    phases.write(build_dir, files)
    watch.lap("write")
    return watch.times, loaded.content


def mkdocs_time(content: Content, build_dir: Path, site_dir: Path) -> Timing:
    """Time mkdocs-material building the written project in-process, as the build runs it."""
    watch = _Stopwatch()
    phases.run_mkdocs(build_dir / "mkdocs.yml", site_dir, source_epoch(content))
    watch.lap("mkdocs")
    return watch.times["mkdocs"]


def run_child(args: list[str], cwd: Path, env: dict | None = None) -> Child:
    """Run a command and return its wall time, CPU time (its rusage) and peak memory.

    Peak memory is the child's VmHWM, read from /proc while it runs: its rusage maxrss starts at
    this process's size (Linux carries the memory high-water mark across fork and exec), which
    would make every child as large as the benchmark itself."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    peak = _PeakMemory(process.pid)
    output = process.stdout.read()
    peak.stop()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return Child(wall=time.perf_counter() - start, cpu=usage.ru_utime + usage.ru_stime,
                 peak_memory=peak.bytes,
                 returncode=process.returncode, output=output)


def paired_runs(firsts: list[list[str]], seconds: list[list[str]], cwd: Path) \
        -> list[tuple[Child, Child]]:
    """Run each command of firsts at the same moment as the one of seconds of its round, one on
    each of two cores (swapping cores each round), so both see the same machine speed; the
    second runs again, untimed, until the first ends, so the first never runs with the other
    core idle. Return (first, second) of each round; none on a machine with one core or
    without taskset."""
    if (os.cpu_count() or 1) < 2 or not shutil.which("taskset"):
        return []
    pairs = []
    for number, (first, other) in enumerate(zip(firsts, seconds)):
        cores = [str(number % 2), str(1 - number % 2)]
        first_done, timed = threading.Event(), []

        def run_second(command=other, core=cores[1]) -> None:
            timed.append(run_child(["taskset", "-c", core, *command], cwd))
            _busy_until(first_done, ["taskset", "-c", core, *command], cwd)

        thread = threading.Thread(target=run_second)
        thread.start()
        ran = run_child(["taskset", "-c", cores[0], *first], cwd)
        first_done.set()
        thread.join()
        pairs.append((ran, timed[0]))
    return pairs


def _busy_until(done: threading.Event, command: list[str], cwd: Path) -> None:
    """Run command again and again until done is set, then stop the run under way."""
    while not done.is_set():
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        while process.poll() is None:
            if done.wait(0.05):
                process.terminate()
                process.wait()
                return


class _PeakMemory:
    """Follows a running process's memory high-water mark (VmHWM) every 20 ms, in a thread
    (0 for a process that ends before the first look)."""

    def __init__(self, pid: int):
        self.status = Path(f"/proc/{pid}/status")
        self.bytes = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._follow, daemon=True)
        self._thread.start()

    def _follow(self) -> None:
        self._read()
        while not self._done.wait(0.02):
            self._read()

    def _read(self) -> None:
        try:
            lines = self.status.read_text().splitlines()
        except OSError:
            return
        for line in lines:
            if line.startswith("VmHWM:"):
                self.bytes = max(self.bytes, int(line.split()[1]) * 1024)

    def stop(self) -> None:
        """Read once more (the child has closed its output, so it is ending) and stop."""
        self._read()
        self._done.set()
        self._thread.join()


def generator_command(*args: str) -> list[str]:
    """The command line of python -m generator with these arguments."""
    return [sys.executable, "-m", "generator", *args]


def write_plain_config(build_dir: Path) -> Path:
    """Write mkdocs-plain.yml: our generated config as plain mkdocs-material, same docs and nav."""
    settings = yaml.safe_load((build_dir / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in OURS:
        settings.pop(key, None)
    theme = settings["theme"]
    for key in ("custom_dir", "favicon", "palette"):
        theme.pop(key, None)
    settings["markdown_extensions"] = [
        extension for extension in settings["markdown_extensions"]
        if not (isinstance(extension, dict) and GLOSSARY_EXTENSION in extension)]
    plain = build_dir / "mkdocs-plain.yml"
    plain.write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True),
                     encoding="utf-8")
    return plain


PAGE_LIMIT = 60 * 1000  # issue 7: each page's HTML at most 60 KB


def site_stats(site: Path) -> dict:
    """Sizes of a built site: total bytes, HTML pages (count, mean, largest, those over
    PAGE_LIMIT by size), search index."""
    files = [file for file in site.rglob("*") if file.is_file()]
    pages = {file.relative_to(site).as_posix(): file.stat().st_size
             for file in files if file.suffix == ".html"}
    largest = max(pages, key=pages.get)
    index = site / "search" / "search_index.json"
    prebuilt = site / "search" / "prebuilt_index.bin"
    return {"bytes": sum(file.stat().st_size for file in files), "pages": len(pages),
            "html_mean": sum(pages.values()) / len(pages), "html_max": pages[largest],
            "html_max_page": largest,
            "oversize": sorted((name for name, size in pages.items() if size > PAGE_LIMIT),
                               key=pages.get, reverse=True),
            "search_index": _sizes(index), "prebuilt_index": _sizes(prebuilt)}


def precache(site: Path) -> tuple[int, int, int]:
    """What a first visit to the hosted site downloads for its service worker's precache:
    (files, bytes, bytes gzipped), from the build's own service worker phase."""
    saved = phases.service_worker(site)
    return saved.count, saved.size, saved.gzipped(site)


def _sizes(file: Path) -> tuple[int, int]:
    """(bytes, bytes gzipped at level 6, as a static host sends it) of a file; (0, 0) if none."""
    if not file.exists():
        return 0, 0
    data = file.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def gzipped_scripts(folder: Path) -> dict[str, tuple[int, int]]:
    """Map each of our JavaScript files to (bytes, bytes gzipped at level 9)."""
    return {file.name: (file.stat().st_size,
                        len(gzip.compress(file.read_bytes(), compresslevel=9, mtime=0)))
            for file in sorted(folder.glob("*.js"))}


def save_figures(file: Path, sizes: list[dict], scripts: dict, lighthouse: tuple,
                 previewed: dict) -> None:
    """Keep a run's figures as JSON, so its report can be written again without measuring."""
    def plain(value):
        if isinstance(value, (Child, Timing)):
            return {"type": type(value).__name__, **asdict(value)}
        raise TypeError(f"cannot save {type(value).__name__}")

    file.write_text(json.dumps({"sizes": sizes, "scripts": scripts, "lighthouse": lighthouse,
                                "preview": previewed}, default=plain), encoding="utf-8")


def load_figures(file: Path) -> tuple[list[dict], dict, tuple, dict]:
    """The figures save_figures kept: (sizes, scripts, lighthouse, preview)."""
    def typed(value: dict):
        kind = {"Child": Child, "Timing": Timing}.get(value.pop("type", None))
        return kind(**value) if kind else value

    figures = json.loads(file.read_text(encoding="utf-8"), object_hook=typed)
    scripts = {name: tuple(sizes) for name, sizes in figures["scripts"].items()}
    for size in figures["sizes"]:
        size["site"] = {**size["site"], **{key: tuple(size["site"][key])
                                           for key in ("search_index", "prebuilt_index")}}
    return figures["sizes"], scripts, tuple(figures["lighthouse"]), figures["preview"]
