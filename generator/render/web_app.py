"""The web app manifest: how the hosted guide installs on a phone's home screen."""
from generator import model

THEME_COLOUR = "#005eb8"  # the theme's primary colour (guide.css --md-primary-fg-color)
BACKGROUND_COLOUR = "#ffffff"
ICONS = [
    {"src": "assets/images/favicon.svg", "sizes": "any", "type": "image/svg+xml",
     "purpose": "any"},
    {"src": "assets/images/icon-maskable.svg", "sizes": "any", "type": "image/svg+xml",
     "purpose": "maskable"},
]


def web_app_manifest(config: model.SiteConfig) -> dict:
    """The manifest of the site, at its root: start URL and scope are the site itself."""
    return {"name": config.site_name, "short_name": config.short_name or config.site_name,
            "description": config.site_description, "lang": config.language,
            "start_url": "./", "scope": "./", "display": "standalone",
            "theme_color": THEME_COLOUR, "background_color": BACKGROUND_COLOUR, "icons": ICONS}
