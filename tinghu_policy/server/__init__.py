"""The rules as a service: an HTTP API for other systems and a workbench page for legal staff.

``pip install 'tinghu-policy[server]' && tinghu-policy serve`` starts both on http://127.0.0.1:8000 — the API
under ``/v1`` (its OpenAPI 3.1 document at ``/openapi.json``), the workbench at ``/``. Built on FastAPI and uvicorn,
the ecosystem's standard pair for pydantic services, so that the OpenAPI document is generated from the same models
as the JSON Schemas (:mod:`tinghu_policy.server.openapi`).

Modules: :mod:`~.settings` (flags and ``TINGHU_POLICY_*`` variables, safe defaults), :mod:`~.bodies` (request
bodies through the CLI's hardened parsers), :mod:`~.service` (what each endpoint computes), :mod:`~.batch`
(streamed JSON lines), :mod:`~.guard` (token, limits, headers, access log), :mod:`~.app` (routes),
:mod:`~.command` (``tinghu-policy serve``), ``static/`` (the workbench: one page, no build step, nothing fetched).

Importing this package imports no web framework; :mod:`~.app` does.
"""
