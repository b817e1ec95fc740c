"""mkdocs hook: a Content-Security-Policy meta tag on every page, allowing only this site's own
files and, by hash, the inline scripts the theme writes into that page.

The offline bundle gets the same policy: its iframe-worker shim (iframe_worker_shim.js here),
which runs search over file://, writes no inline script. The live preview (config.extra
live_preview) goes without: its server injects a live-reload script into every page.

Loaded by mkdocs from its path (see render/mkdocs_config.py), so it uses the standard library only."""
import base64
import functools
import hashlib
import re

# The body is the text up to the first "</script>", matched a run of non-"<" at a time (".*?"
# tried "</script>" at every character of the theme's long inline scripts).
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>[^<]*(?:<(?!/script>)[^<]*)*)</script>")
DATA_TYPES = ("application/json", "application/ld+json")
POLICY = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "frame-src": "'self'",
    "manifest-src": "'self'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def content_security_policy(html: str) -> str:
    """Return the policy for one page: its executable inline scripts are allowed by hash."""
    hashes = sorted({_sha256(match["body"]) for match in INLINE_SCRIPT.finditer(html)
                     if "src=" not in match["attrs"]
                     and not any(kind in match["attrs"] for kind in DATA_TYPES)})
    policy = dict(POLICY)
    policy["script-src"] = " ".join([POLICY["script-src"], *hashes])
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def with_policy(html: str) -> str:
    """Insert the policy as the first element of <head>, before any script runs."""
    policy = content_security_policy(html)
    return html.replace("<head>", f'<head>\n    <meta http-equiv="Content-Security-Policy" '
                                  f'content="{policy}">', 1)


def on_post_page(output, page, config):
    return output if config.extra.get("live_preview") else with_policy(output)


def on_post_template(output_content, template_name, config):
    if config.extra.get("live_preview") or not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content)


@functools.lru_cache(maxsize=256)  # the theme writes the same few scripts into every page
def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
