"""Generator of the documentation site's pages from the library (run by ``docs/hooks/tinghu_site.py``).

``python -m sitegen`` (with ``docs/hooks`` on the path, in the project's environment) prints one JSON object:
``pages`` (docs-relative path → Markdown), ``nav`` (the navigation of generated sections), ``snippets`` (marker →
Markdown for the hand-written pages) and ``warnings`` (problems the build must report).
"""
