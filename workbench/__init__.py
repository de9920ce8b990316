"""Policy-review workbench: plan outline -> responsibility assignment."""

__version__ = "0.1.0"
