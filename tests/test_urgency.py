"""One urgency table (generator/model/urgency.py): every page, drawing, script and style takes
its tiers' words and colours from it."""
import re

from conftest import ROOT
from generator.model import TIERS, URGENCIES

STYLES = ROOT / "overrides/assets/stylesheets/guide.css"
# Each tier's own phrases (those with the emergency number in them vary with it).
WORDS = sorted({words for tier in TIERS for words in (tier.sr_prefix, tier.heading, tier.lead)
                if "{" not in words})


def test_the_styles_colour_each_tier_as_the_table_does():
    declared = dict(re.findall(r"--guide-([a-z-]+):\s*(#[0-9a-fA-F]{6})", STYLES.read_text()))
    assert {tier.id: declared.get(tier.id) for tier in TIERS} == \
        {tier.id: tier.colour for tier in TIERS}


def test_the_tiers_run_from_most_to_least_urgent():
    assert URGENCIES == ("emergency", "urgent", "routine", "self-care")


def test_no_template_script_or_module_spells_out_a_tier_s_words():
    spelled = {}
    for folder, pattern in ((ROOT / "generator", "**/*.py"), (ROOT / "generator", "**/*.j2"),
                            (ROOT / "overrides", "**/*.js"), (ROOT / "overrides", "**/*.html")):
        for file in folder.glob(pattern):
            if file.name == "urgency.py":
                continue
            text = file.read_text(encoding="utf-8")
            found = [word for word in WORDS if word in text]
            if found:
                spelled[file.relative_to(ROOT).as_posix()] = found
    assert spelled == {}
