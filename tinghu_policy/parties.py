"""The parties the regulation names: the district departments of art. 5 and the others that act in it."""

from __future__ import annotations

from tinghu_policy.names import Named


class Party(Named):
    """A party that owes a duty or receives a filing; the value is a stable id, its names (:attr:`name_zh`, :attr:`name_en`) are in :data:`tinghu_policy.names.VOCABULARIES`."""

    DATA_BUREAU = "data_bureau"
    DEVELOPMENT_REFORM = "development_reform"
    PROJECT_UNIT = "project_unit"
    FINANCE_BUREAU = "finance_bureau"
    CYBERSPACE_OFFICE = "cyberspace_office"
    COMMITTEE_OFFICE = "committee_office"
    AUDIT_BUREAU = "audit_bureau"
    LEAD_DEPARTMENT = "lead_department"
    JOINT_PANEL = "joint_panel"
    SECRECY_AUTHORITY = "secrecy_authority"
    SUPERVISORS = "supervisors"
