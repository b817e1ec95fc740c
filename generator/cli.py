"""The command line: the only place that prints and sets the exit status."""
import argparse
import sys
from datetime import date
from pathlib import Path

from generator import build as building
from generator.errors import BuildError

REPO_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Run one command (check, build, serve, bundle) and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Build the health guide from content/.")
    parser.add_argument("command", choices=["check", "build", "serve", "bundle"])
    parser.add_argument("--root", type=Path, default=REPO_ROOT,
                        help="the project folder (default: this repository)")
    parser.add_argument("--output", type=Path, default=None,
                        help="where build/ and site/ go (default: the project folder)")
    parser.add_argument("--port", type=int, default=8000, help="port for serve")
    args = parser.parse_args(argv)
    project = building.Project.at(args.root.resolve(), args.output and args.output.resolve())
    if args.command == "check":
        return _check(project)
    if args.command == "bundle":
        return _bundle(project)
    if args.command == "serve":
        from generator.serve import serve
        return serve(project, args.port)
    return _build(project)


def _check(project: building.Project) -> int:
    _, _, problems = building.check(project)
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(problem.severity == "error" for problem in problems)
    print(f"{errors} error(s) in content" if errors else "content is valid", file=sys.stderr)
    return 1 if errors else 0


def _bundle(project: building.Project) -> int:
    from generator.bundle import bundle

    try:
        archive = bundle(project, date.today())
    except BuildError as error:
        print(error, file=sys.stderr)
        print("bundle failed; the last bundle was left as it was", file=sys.stderr)
        return 1
    print(f"offline bundle written to {archive} ({archive.stat().st_size:,} bytes)",
          file=sys.stderr)
    return 0


def _build(project: building.Project) -> int:
    try:
        building.build(project)
    except BuildError as error:
        print(error, file=sys.stderr)
        print("build failed; the last good site was left as it was", file=sys.stderr)
        return 1
    print(f"site built in {project.site_dir}", file=sys.stderr)
    return 0
