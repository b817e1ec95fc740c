"""The partials copied from mkdocs-material differ from the installed theme's only by our edits,
so an upgrade that changes them fails here instead of silently dropping the theme's changes."""
import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)
EDITS = {
    "partials/search.html": [
        ('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">')],
    "partials/toc.html": [
        ('  {% if toc %}\n    <label class="md-nav__title" for="__toc">',
         '  {%- set toggled = page in nav.pages and not (page.is_index and page.parent\n'
         '                         and "navigation.indexes" in (config.theme.features or [])) %}'
         '\n  {% if toc %}\n'
         '    <label class="md-nav__title"{% if toggled %} for="__toc"{% endif %}>')],
}


@pytest.mark.parametrize("partial", sorted(EDITS))
def test_a_copied_partial_is_the_theme_s_with_our_edits(partial):
    expected = HEADER.sub("", (THEME / partial).read_text(encoding="utf-8"))
    for old, new in EDITS[partial]:
        assert expected.count(old) == 1, f"the theme's {partial} changed: redo the copy"
        expected = expected.replace(old, new)
    assert HEADER.sub("", (ROOT / "overrides" / partial).read_text(encoding="utf-8")) == expected


def test_every_copied_partial_is_listed():
    copied = {path.relative_to(ROOT / "overrides").as_posix()
              for path in (ROOT / "overrides/partials").glob("*.html")}
    assert copied == set(EDITS)
