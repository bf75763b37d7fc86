"""The parties the regulation names: the district departments of art. 5 and the others that act in it."""

from __future__ import annotations

from enum import StrEnum


class Party(StrEnum):
    """A party that owes a duty or receives a filing; the value is a stable id, :attr:`name_zh` the official name."""

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

    @property
    def name_zh(self) -> str:
        return _NAMES[self][0]

    @property
    def name_en(self) -> str:
        return _NAMES[self][1]


_NAMES: dict[Party, tuple[str, str]] = {
    Party.DATA_BUREAU: ("区数据局", "District Data Bureau"),
    Party.DEVELOPMENT_REFORM: ("区发改委", "District Development and Reform Commission"),
    Party.PROJECT_UNIT: ("项目单位", "Project unit"),
    Party.FINANCE_BUREAU: ("区财政局", "District Finance Bureau"),
    Party.CYBERSPACE_OFFICE: ("区委网信办", "District Cyberspace Affairs Office"),
    Party.COMMITTEE_OFFICE: ("区委办", "General Office of the District Committee"),
    Party.AUDIT_BUREAU: ("区审计局", "District Audit Bureau"),
    Party.LEAD_DEPARTMENT: ("牵头部门", "Lead department"),
    Party.JOINT_PANEL: ("联合评审小组", "Joint evaluation panel"),
    Party.SECRECY_AUTHORITY: ("保密行政管理部门", "Secrecy administration"),
    Party.SUPERVISORS: ("负有监督管理职责的单位", "Units with supervisory duties"),
}
