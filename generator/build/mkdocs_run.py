"""Run mkdocs-material in this process, collecting its warnings, leaving no setting changed."""
import contextlib
import gc
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from generator import model
from generator.errors import BuildError


def run_mkdocs(config_file: Path, site_dir: Path, source_epoch: int) -> None:
    """Run mkdocs build in strict mode into site_dir; raise BuildError on any warning."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    with build_time(source_epoch), mkdocs_warnings() as warnings, earlier_objects_frozen():
        try:
            mkdocs_config = load_config(config_file=str(config_file),
                                        site_dir=str(site_dir.resolve()), strict=True)
            mkdocs_build(mkdocs_config)
        except (exceptions.MkDocsException, exceptions.Abort) as error:
            raise BuildError("\n".join([*warnings, f"mkdocs build failed: {error}"])) \
                from error


@contextlib.contextmanager
def earlier_objects_frozen():
    """Leave the objects made before the block (the content model, the rendered files) out of
    the garbage collections while it runs, then put them back: mkdocs' full collections
    scanned them again and again (at 10x content they took about 40% less time without them)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def build_time(source_epoch: int):
    """Set SOURCE_DATE_EPOCH (the dates mkdocs writes) while the block runs, then restore it."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(source_epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


@contextlib.contextmanager
def mkdocs_warnings():
    """Collect mkdocs' warnings, as 'mkdocs: message' lines, while the block runs; leave the
    logger's level as it was."""
    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)
        logger.setLevel(level)


class _WarningCollector(logging.Handler):
    """Keeps mkdocs' warnings so a failed build can say what went wrong."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(f"mkdocs: {record.getMessage()}")


def source_epoch(content: model.Content) -> int:
    """A fixed build time (the newest review date) so rebuilds are byte-identical."""
    dates = [content.source.last_reviewed, *(p.last_reviewed for p in content.pages
                                             if p.last_reviewed)]
    newest = max(dates)
    return int(datetime(newest.year, newest.month, newest.day, tzinfo=timezone.utc).timestamp())
