"""Check the external (https://) links written in content, when a network is available."""
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator import model
from generator.errors import Problem
from generator.content.links import markdown_links

TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class ExternalLink:
    path: str
    line: int
    url: str


def external_links(content: model.Content) -> list[ExternalLink]:
    """Every http(s) link in the pages' and glossary's Markdown, with where it is written."""
    found = []
    for page in content.pages:
        for section in page.sections:
            found += [ExternalLink(page.path, section.line, url)
                      for url in _targets(section.body)]
    for term in content.glossary.terms:
        found += [ExternalLink(content.glossary.path, term.line, url)
                  for url in _targets(term.definition)]
    return found


def _targets(markdown: str) -> list[str]:
    return [link.target for link in markdown_links(markdown)
            if link.target.startswith(("https://", "http://"))]


def network_available(host: str = "example.org") -> bool:
    """True when names resolve, i.e. there is a network to check links on."""
    try:
        socket.getaddrinfo(host, 443)
        return True
    except OSError:
        return False


def check_link(link: ExternalLink) -> Problem | None:
    """Fetch one link; return a problem when it does not answer with success."""
    request = urllib.request.Request(link.url, method="GET",
                                     headers={"User-Agent": "leg-numbness-guide linkcheck"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):
            return None
    except urllib.error.HTTPError as error:
        reason = f"answers {error.code} {error.reason}"
    except (urllib.error.URLError, OSError) as error:
        reason = f"cannot be reached ({getattr(error, 'reason', error)})"
    host = urlsplit(link.url).netloc
    return Problem(link.path, link.line, f"external link '{link.url}' {reason}; fix or remove "
                   f"it (host {host})")
