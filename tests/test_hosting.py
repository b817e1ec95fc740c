"""What hosting and search engines need: JSON-LD on every page, canonical URLs, a sitemap, a
favicon, and byte-identical rebuilds."""
import json
import re
from pathlib import Path

import yaml

from conftest import ROOT, run_generator

SITE_URL = yaml.safe_load((ROOT / "site_config.yml").read_text())["site_url"]
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _content_pages(site: Path):
    return [path for path in sorted(site.rglob("index.html"))]


def test_every_page_has_medical_web_page_data(built_site):
    pages = _content_pages(built_site)
    assert len(pages) >= 80
    for path in pages:
        [data] = [json.loads(block) for block in JSON_LD.findall(path.read_text())]
        assert data["@type"] == "MedicalWebPage", path
        assert data["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["lastReviewed"])
        assert data["about"]["name"]
        relative = path.parent.relative_to(built_site).as_posix()
        assert data["url"] == SITE_URL + ("" if relative == "." else relative + "/")


def test_cause_pages_are_about_a_condition(built_site):
    [data] = [json.loads(b) for b in
              JSON_LD.findall((built_site / "causes/sciatica/index.html").read_text())]
    assert data["about"] == {"@type": "MedicalCondition", "name": "Sciatica"}


def test_canonical_urls_sitemap_and_favicon(built_site):
    html = (built_site / "causes/sciatica/index.html").read_text()
    assert f'<link rel="canonical" href="{SITE_URL}causes/sciatica/">' in html
    assert 'rel="icon" href="../../assets/images/favicon.svg"' in html
    assert (built_site / "assets/images/favicon.svg").exists()
    sitemap = (built_site / "sitemap.xml").read_text()
    assert sitemap.count("<loc>") == len(_content_pages(built_site))
    assert f"<loc>{SITE_URL}red-flags/</loc>" in sitemap


def test_the_404_page_has_the_banner_and_search(built_site):
    html = (built_site / "404.html").read_text()
    assert 'id="red-flag-banner"' in html and 'class="md-search"' in html


def test_two_builds_are_byte_identical(built_site, tmp_path):
    result = run_generator("build", "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr
    second = tmp_path / "site"
    files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    different = [f for f in files if (built_site / f).read_bytes() != (second / f).read_bytes()]
    assert different == []
