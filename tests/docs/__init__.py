"""Tests of the documentation site (mkdocs build, article pages, a real browser)."""
