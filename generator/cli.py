"""The command line: the only place that prints and sets the exit status."""
import argparse
import sys
from datetime import date
from pathlib import Path

from generator.build import phases
from generator.build.project import Project
from generator.errors import BuildError

REPO_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Run one command and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Build the health guide from content/.")
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("names", nargs="*", metavar="KIND ID",
                        help="for new: the kind of page (cause, location, ...) and its id")
    parser.add_argument("--root", type=Path, default=REPO_ROOT,
                        help="the project folder (default: this repository)")
    parser.add_argument("--output", type=Path, default=None,
                        help="where build/ and site/ go (default: the project folder)")
    parser.add_argument("--port", type=int, default=8000, help="port for serve")
    parser.add_argument("--base", default="HEAD", help="git ref that diff compares with")
    parser.add_argument("--out", type=Path, default=None, help="also write the diff here")
    parser.add_argument("--strict", action="store_true",
                        help="for check: fail on warnings too (pages past their review date)")
    args = parser.parse_args(argv)
    if args.names and args.command != "new":
        parser.error(f"unexpected {' '.join(args.names)!r}: only 'new' takes a kind and an id")
    project = Project.at(args.root.resolve(), args.output and args.output.resolve())
    return COMMANDS[args.command](project, args)


def _serve(project: Project, args) -> int:
    from generator.build.serve import serve

    return serve(project, args.port, _say)


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _valid(project: Project):
    """Return (content, settings), or None after printing every error."""
    try:
        return phases.checked(project)
    except BuildError as error:
        print(error, file=sys.stderr)
        return None


def _check(project: Project, args) -> int:
    _, _, problems = phases.check_project(project, today=date.today())
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(args.strict or problem.severity == "error" for problem in problems)
    print(f"{errors} error(s) in content" if errors else "content is valid", file=sys.stderr)
    return 1 if errors else 0


def _schema(project: Project, args) -> int:
    from generator.tools.schema import write_schemas

    changed = write_schemas(project.content)
    for file in changed:
        print(f"wrote {file.relative_to(project.root)}", file=sys.stderr)
    print(f"{len(changed)} schema(s) changed", file=sys.stderr)
    return 0


def _new(project: Project, args) -> int:
    from generator.tools.scaffold import ScaffoldError, scaffold

    if len(args.names) != 2:
        print("usage: python -m generator new KIND ID, e.g. new cause shingles", file=sys.stderr)
        return 2
    try:
        file = scaffold(project.content, *args.names)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"created {file.relative_to(project.root)}: replace every TODO, then run make check",
          file=sys.stderr)
    return 0


def _readability(project: Project, args) -> int:
    from generator.tools import readability

    if not (valid := _valid(project)):
        return 1
    content, config = valid
    scores = readability.score_site(content)
    print(readability.table(scores))
    misses = readability.check_targets(scores, config.readability) if config.readability else []
    for miss in misses:
        print(miss, file=sys.stderr)
    return 1 if misses else 0


def _bundle(project: Project, args) -> int:
    from generator.build.bundle import bundle

    try:
        archive = bundle(project, date.today())
    except BuildError as error:
        print(error, file=sys.stderr)
        print("bundle failed; the last bundle was left as it was", file=sys.stderr)
        return 1
    print(f"offline bundle written to {archive} ({archive.stat().st_size:,} bytes)",
          file=sys.stderr)
    return 0


def _build(project: Project, args) -> int:
    try:
        precache = phases.build(project)
    except BuildError as error:
        print(error, file=sys.stderr)
        print("build failed; the last good site was left as it was", file=sys.stderr)
        return 1
    if precache.too_large:
        print(f"too large to save for offline use, left to the network: "
              f"{', '.join(precache.too_large)}", file=sys.stderr)
    print(f"site built in {project.site_dir}", file=sys.stderr)
    return 0


def _diff(project: Project, args) -> int:
    from generator.tools.sitediff import format_report, site_diff

    try:
        report = format_report(site_diff(project.root, args.base))
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(report, end="")
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


def _linkcheck(project: Project, args) -> int:
    from generator.tools import linkcheck

    if not (valid := _valid(project)):
        return 1
    content, _ = valid
    links = linkcheck.external_links(content)
    if links and not linkcheck.network_available():
        print(f"no network: {len(links)} external link(s) not checked; internal links are "
              "checked by every build", file=sys.stderr)
        return 0
    problems = [problem for link in links if (problem := linkcheck.check_link(link))]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(links)} external link(s) checked, {len(problems)} broken", file=sys.stderr)
    return 1 if problems else 0


COMMANDS = {"check": _check, "build": _build, "serve": _serve, "bundle": _bundle,
            "readability": _readability, "diff": _diff, "schema": _schema, "new": _new,
            "linkcheck": _linkcheck}
