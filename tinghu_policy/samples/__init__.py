"""Built-in sample inputs (package data): ``tinghu-policy evaluate --sample`` evaluates the whole-life project.

``whole_life_project.yaml`` is a district fiscal-funded software project from filing to self-evaluation, in the
corpus-case shape (``title``, ``as_of``, ``project``, hand-worked ``expected`` findings); its comment block
tells the story and works out every due date by hand.
"""

from __future__ import annotations

from importlib.resources import files

SAMPLE_NAME = "whole_life_project.yaml"


def sample_text(name: str = SAMPLE_NAME) -> str:
    """The text of a bundled sample file."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")
