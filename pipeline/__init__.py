"""handout: clean overlapping sources, merge their facts, render print-ready leaflets."""

__version__ = "0.1.0"
