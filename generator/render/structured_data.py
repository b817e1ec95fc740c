"""schema.org MedicalWebPage data for each page, as search engines read it (JSON-LD)."""
from datetime import date

from generator import model


def medical_web_page(content: model.Content, config: model.SiteConfig, url_path: str,
                     title: str, summary: str, last_reviewed: date,
                     page: model.Page | None = None) -> dict:
    """Return the JSON-LD for one page: what it is about, who it is for, when it was reviewed."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "description": summary,
        "url": config.site_url.rstrip("/") + "/" + url_path.removeprefix("./"),
        "inLanguage": config.language,
        "lastReviewed": last_reviewed.isoformat(),
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": _about(content, page),
        "isBasedOn": {"@type": "CreativeWork", "name": content.source.title,
                      "publisher": {"@type": "Organization", "name": content.source.publisher}},
    }
    if page and page.reviewed_by:
        data["reviewedBy"] = {"@type": "Person", "name": page.reviewed_by}
    return data


def _about(content: model.Content, page: model.Page | None) -> dict:
    if page and page.kind == "cause":
        return {"@type": "MedicalCondition", "name": page.title}
    return {"@type": "MedicalSignOrSymptom", "name": content.source.title}
