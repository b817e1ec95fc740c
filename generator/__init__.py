"""Turn the YAML content of a health guide into a static mkdocs-material site."""
