"""The Lighthouse benchmark's server (gzip and content types, as a static host) and median run."""
import gzip
import urllib.request

import pytest

from bench import lighthouse


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A site with a page, a stylesheet and a PNG image."""
    root = tmp_path_factory.mktemp("site")
    (root / "causes").mkdir()
    (root / "causes" / "index.html").write_text("<!doctype html><p>Causes</p>" * 50)
    (root / "style.css").write_text("p { color: red; }\n" * 50)
    (root / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return root


def fetch(url: str, encoding: str | None = "gzip, deflate, br"):
    headers = {"Accept-Encoding": encoding} if encoding else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.headers, response.read()


def test_text_goes_out_gzipped_with_its_content_type(site):
    with lighthouse.served(site) as base:
        for path, kind, name in [("causes/", "text/html", "causes/index.html"),
                                 ("style.css", "text/css", "style.css")]:
            headers, body = fetch(base + path)
            assert headers["Content-Type"].startswith(kind)
            assert headers["Content-Encoding"] == "gzip"
            assert int(headers["Content-Length"]) == len(body)
            assert gzip.decompress(body) == (site / name).read_bytes()


def test_images_and_clients_without_gzip_get_the_file_as_it_is(site):
    with lighthouse.served(site) as base:
        headers, body = fetch(base + "map.png")
        assert headers["Content-Type"] == "image/png" and "Content-Encoding" not in headers
        assert body == (site / "map.png").read_bytes()
        headers, body = fetch(base + "style.css", encoding=None)
        assert "Content-Encoding" not in headers
        assert body == (site / "style.css").read_bytes()
        headers, body = fetch(base + "causes")  # a folder without its slash is redirected
        assert gzip.decompress(body) == (site / "causes" / "index.html").read_bytes()


def test_the_median_run_is_the_middle_performance_score():
    runs = [{"categories": {"performance": {"score": score}}, "run": n}
            for n, score in enumerate([0.97, 0.81, 0.92])]
    assert lighthouse.median_run(runs)["run"] == 2
