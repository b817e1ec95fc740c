"""Shared fixtures: the real site built once per session, served on 127.0.0.1, and Chromium."""
import contextlib
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from bench import synthetic

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run python -m generator with these arguments; return the finished process."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the real content once into a temporary folder and return its site/ folder."""
    output = tmp_path_factory.mktemp("real")
    result = run_generator("build", "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output / "site"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def served(directory: Path, port: int | None = None):
    """Serve a folder on 127.0.0.1 with Python's http.server; yield its base URL."""
    port = port or _free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                               "127.0.0.1", "--directory", str(directory)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait()


@pytest.fixture(scope="session")
def site_url(built_site):
    """Serve the built site on 127.0.0.1 and return its base URL."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def hosted_url(built_site, tmp_path_factory):
    """Serve a copy of the site whose sitemap names the address it is served at, as on the real
    host: instant navigation only takes over links to pages in the sitemap."""
    site = tmp_path_factory.mktemp("hosted") / "site"
    shutil.copytree(built_site, site)
    port = _free_port()
    site_url = yaml.safe_load((ROOT / "site_config.yml").read_text())["site_url"]
    sitemap = site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace(site_url, f"http://127.0.0.1:{port}/"))
    with served(site, port) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Launch Debian's Chromium, never a downloaded browser."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the real project's inputs, to break on purpose."""
    for name in ("content", "overrides", "generator"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "site_config.yml", tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def grown_root(tmp_path_factory) -> Path:
    """The project folder of the 10x synthetic set (bench/synthetic.py), made once a session."""
    return synthetic.make_set(ROOT, tmp_path_factory.mktemp("grown") / "set", 10)


@pytest.fixture(scope="session")
def bundle_zip(tmp_path_factory) -> Path:
    """Make the offline bundle of the real content once; return the zip's path."""
    output = tmp_path_factory.mktemp("bundle")
    result = run_generator("bundle", "--output", str(output))
    assert result.returncode == 0, result.stderr
    [archive] = (output / "dist").glob("*.zip")
    return archive


@pytest.fixture(scope="session")
def unzipped_bundle(bundle_zip, tmp_path_factory) -> Path:
    """Unzip the bundle; return the folder that holds its index.html."""
    import zipfile

    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(target)
    [index] = target.glob("*/index.html")
    return index.parent


@pytest.fixture(scope="session")
def escaped_site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Build the small guide with an adversarial value in every field of every kind of content;
    return its site/ folder and the values by field (see escaping_cases.py)."""
    from escaping_cases import adversarial_guide

    root, values = adversarial_guide(tmp_path_factory.mktemp("escaped"))
    result = run_generator("build", "--root", str(root))
    assert result.returncode == 0, result.stderr
    return root / "site", values


@pytest.fixture(scope="session")
def nu_messages(built_site, unzipped_bundle, escaped_site) -> dict[Path, list[dict]]:
    """The W3C Nu HTML checker's messages for every page of the site, the bundle and the
    escaped site, by file (one Java run: the checker takes about 10 s to start and warm up)."""
    from nu_checker import nu_check

    return nu_check([built_site, unzipped_bundle, escaped_site[0]])
