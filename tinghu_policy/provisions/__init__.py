"""The regulation's provisions: the edition in ``articles/``, look-up by stable id, citations, encoding status."""

from tinghu_policy.provisions.citation import cite_en, cite_zh
from tinghu_policy.provisions.edition import Edition, Erratum, load_edition
from tinghu_policy.provisions.registry import Level, Provision, ProvisionRegistry, provision, registry

__all__ = [
    "Edition",
    "Erratum",
    "Level",
    "Provision",
    "ProvisionRegistry",
    "cite_en",
    "cite_zh",
    "load_edition",
    "provision",
    "registry",
]
