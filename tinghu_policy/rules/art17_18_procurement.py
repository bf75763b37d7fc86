"""第十七条 实施责任主体, 第十八条 采购 — who answers for implementation; procurement under the procurement and secrecy
rules.

Art. 18 (项目单位应严格按照政府采购有关规定开展采购。采购涉密项目的，应执行有关保密法律法规规定和涉密采购相关管理
办法) is encoded as the yes/no duties of art. 8 and art. 20 are: the rules it points to (政府采购法 and its
regulations; the secrecy laws and the rules on classified procurement) are outside this regulation, but whether a
project's procurement followed them is one finding about one act, which the facts state
(``implementation.procurement_followed``, ``implementation.classified_procurement_followed``). Two rules:

* ``art18.procurement`` — a project that is not classified is procured under the government-procurement rules;
* ``art18.classified_procurement`` — a classified project is procured under the secrecy laws and the rules on
  classified procurement. It takes the place of the first for such a project: 政府采购法 第八十五条 takes
  procurement that involves state secrets out of that law, so a classified project is not asked both.

A false fact FAILS, one not given is UNDETERMINED naming it. Procurement is an act of implementation (第五章) and
comes after the approval (art. 12: no implementation before it), so the rules are in question once the project is
approved, or once the procurement fact is given. D13: procurement has no date of its own in the facts; it is
anchored to the approval, which it follows — an approval on or after the effective date puts the procurement
within reach, one before it puts the procurement out of reach (erring, when the procurement came later, on the
side of not judging). Without an approval and with an effective date stated, the procurement cannot be placed
(UNDETERMINED).

Art. 17 is not encoded (status ``not_computable``). Its first clause (项目单位为项目建设实施的责任主体) names the party
that answers for building and running the project: the party every rule of chapter 5 names as owing its duty
(``owed_by``), with no test of its own. Its second clause asks the unit to set up implementation and O&M
mechanisms "根据区政务信息化管理有关规定" — district rules this text does not contain or name, so there is nothing
here to tell a mechanism that is 健全 from one that is not. Art. 18 differs: its duty is one act (procurement)
under named bodies of law, done under them or not. (Art. 20's 网络和数据安全管理制度, encoded as a yes/no, rests
on the laws it names, 网络安全法 and 数据安全法, which say what such a system must cover; art. 19's 项目管理制度,
like art. 17's mechanisms, is not encoded.)
"""

from __future__ import annotations

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.parties import Party
from tinghu_policy.rules.wording import art17_18_procurement as say

_APPROVAL = Label("approval.approved", "项目审批（采购在其后）", "the approval (procurement follows it)")
_FOLLOWED = Label(
    "implementation.procurement_followed",
    "严格按照政府采购有关规定开展采购",
    "procured under the government-procurement rules",
)
_CLASSIFIED_FOLLOWED = Label(
    "implementation.classified_procurement_followed",
    "执行有关保密法律法规规定和涉密采购相关管理办法",
    "procured under the secrecy laws and the classified-procurement rules",
)


def _procurement_in_question(ctx: Context, fact: str, given: bool | None) -> Outcome | None:
    """NOT_APPLICABLE before the approval while no procurement fact is given; else D13 on the approval, which the
    procurement follows (without an approval, the procurement is an act on a day not given)."""
    approved = ctx.known(ctx.project.approval.approved)
    if approved is None and given is None:
        return ctx.not_applicable(say.NOT_APPROVED)
    if approved is not None:
        return ctx.reaches(approved, _APPROVAL)
    return ctx.reaches(None, Label(fact, "采购", "the procurement"))


# 第十八条 ——————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art18.procurement",
    provision="art18.p1",
    title_zh="项目单位严格按照政府采购有关规定开展采购",
    title_en="The project unit procures under the government-procurement rules",
    owed_by=Party.PROJECT_UNIT,
)
def procurement(ctx: Context) -> Outcome:
    """项目单位应严格按照政府采购有关规定开展采购.

    For a project that is not classified: ``implementation.procurement_followed`` must be true. A classified
    project is procured under the secrecy rules instead (``art18.classified_procurement``; 政府采购法 第八十五条).
    """
    if ctx.project.classified:
        return ctx.not_applicable(say.CLASSIFIED)
    followed = ctx.project.implementation.procurement_followed
    if (skip := _procurement_in_question(ctx, "implementation.procurement_followed", followed)) is not None:
        return skip
    return ctx.condition(ctx.expect(_FOLLOWED, followed))


@rule(
    "art18.classified_procurement",
    provision="art18.p1",
    title_zh="采购涉密项目的，执行有关保密法律法规规定和涉密采购相关管理办法",
    title_en="A classified project is procured under the secrecy laws and the rules on classified procurement",
    owed_by=Party.PROJECT_UNIT,
)
def classified_procurement(ctx: Context) -> Outcome:
    """采购涉密项目的，应执行有关保密法律法规规定和涉密采购相关管理办法.

    For a classified project: ``implementation.classified_procurement_followed`` must be true.
    """
    if not ctx.project.classified:
        return ctx.not_applicable(say.NOT_CLASSIFIED)
    followed = ctx.project.implementation.classified_procurement_followed
    fact = "implementation.classified_procurement_followed"
    if (skip := _procurement_in_question(ctx, fact, followed)) is not None:
        return skip
    return ctx.condition(ctx.expect(_CLASSIFIED_FOLLOWED, followed))
