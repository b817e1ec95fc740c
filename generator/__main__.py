"""Run the generator: python -m generator check|build|serve."""
import sys

from generator.cli import main

sys.exit(main())
