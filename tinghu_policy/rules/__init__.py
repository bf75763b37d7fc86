"""The rules, one module per article or tight group of articles; each module's name says what it encodes.

Every module here is imported by :func:`tinghu_policy.engine.catalogue`, which registers its rules.
"""
