"""The rules, one module per article or tight group of articles; each module's name says what it encodes.

Every module here is imported by :func:`tinghu_policy.engine.catalogue`, which registers its rules. What several
rules share — "及时" (D11), same-day precedence (D17), the effective date (D13), the terms of an approval — lives on
:class:`tinghu_policy.engine.Context`.
"""
