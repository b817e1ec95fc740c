"""Where a guide's inputs live and where its outputs go."""
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """Where a guide's inputs live (under root) and where its outputs go."""

    root: Path
    build_dir: Path
    site_dir: Path

    @classmethod
    def at(cls, root: Path, output: Path | None = None) -> "Project":
        """The project in root, writing build/ and site/ into output (default: root)."""
        output = output or root
        return cls(root=root, build_dir=output / "build", site_dir=output / "site")

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def config_file(self) -> Path:
        return self.root / "site_config.yml"

    @property
    def dist_dir(self) -> Path:
        return self.site_dir.parent / "dist"

    @property
    def theme_dir(self) -> Path:
        return self.root / "overrides"
