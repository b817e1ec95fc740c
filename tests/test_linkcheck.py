"""External links in content are checked when asked (make linkcheck), against real servers."""
import http.server
import threading

import pytest

from generator.build.phases import check_project
from generator.build.project import Project
from generator.tools.linkcheck import ExternalLink, check_link, external_links
from helpers import edit, minimal_tree


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_external_links_are_found_with_their_file_and_line(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, "content/causes/cold-feet.yml", "Cold slows the blood.",
         "See [a study](https://example.org/study).")
    content, _, problems = check_project(Project.at(root))
    assert problems == []
    assert external_links(content) == [
        ExternalLink("content/causes/cold-feet.yml", 7, "https://example.org/study")]


def test_a_working_link_passes_and_a_broken_one_is_reported(server):
    assert check_link(ExternalLink("content/x.yml", 3, f"{server}/ok")) is None
    problem = check_link(ExternalLink("content/x.yml", 3, f"{server}/gone"))
    assert str(problem).startswith(f"content/x.yml:3: external link '{server}/gone' answers "
                                   "404 Not Found; fix or remove it")


def test_an_unreachable_host_is_reported():
    problem = check_link(ExternalLink("content/x.yml", 4, "http://127.0.0.1:9/nothing"))
    assert "cannot be reached" in str(problem)
