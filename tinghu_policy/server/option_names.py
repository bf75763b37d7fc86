"""The Chinese names of the interpretation options' values, for the workbench's choices.

:data:`~tinghu_policy.interpretation.DECISIONS` gives each decision its Chinese title and legal basis; the values an
option takes are codes (``next_day``, ``at_least``) with English meanings. A reader of the workbench chooses among
names, never codes: this table names every value in Chinese. ``tests/server/test_workbench_names.py`` fails when a
decision gains a value without a name here.
"""

from __future__ import annotations

OPTION_ZH: dict[str, dict[str, str]] = {
    "counting_start": {
        "next_day": "开始当日不计入，自次日起算（无论次日是否工作日）",
        "next_working_day": "事件发生在非工作日的，视为在下一个工作日发生，该日不计入",
    },
    "working_day": {
        "official_arrangement": "按国务院节假日安排，含调休上班日",
        "weekdays_without_makeup": "周一至周五中的非节假日，不计调休上班日",
    },
    "month_end": {
        "clamp": "没有对应日的，以月末日为最后一日",
        "raise": "不作推算，提示需人工判断",
    },
    "last_day_rollover": {
        "rest_days": "最后一日是周末或法定节假日的，顺延至下一个工作日",
        "holidays_only": "仅法定节假日顺延，周末不顺延",
        "none": "一律不顺延",
    },
    "serious_overdue_boundary": {
        "strictly_more": "“超过”：届满当日之后才算超过",
        "at_least": "“以上”：届满当日即算超过",
    },
    "year_end_rollover": {
        "false": "12月31日为截止日，不顺延",
        "true": "12月31日为休息日的，顺延至下一个工作日",
    },
    "final_accounts_cap": {
        "extension_at_most_6_months": "延长期最长6个月（验收后合计最长9个月）",
        "total_at_most_6_months": "含延长在内，验收后合计最长6个月",
    },
    "art3_qualifier_scope": {
        "group_a_only": "只修饰楼宇智能化工程、专业科研设备及配套系统、办公终端、通用软件",
        "both_groups": "也修饰《建设工程分类标准》范畴的设备、线路和广播电视工程",
    },
    "joint_evaluation_clock_start": {
        "panel_receives_materials": "自联合评审小组收到材料之日起算",
        "department_review_complete": "自最后一个相关部门出具审查意见之日起算",
    },
    "self_evaluation_clock_start": {
        "later_of_acceptance_and_operation": "自通过验收与投入运行两者中较晚者起算",
        "acceptance": "自通过验收之日起算",
    },
    "beyond_calendar_data": {
        "error": "超出官方节假日数据的年份：不作推算，结论为无法判断",
        "statutory_estimate": "按周末和法定年节假日估算（不含调休），结论标为临时",
        "provisional": "按周一至周五为工作日临时推算，结论标为临时",
    },
    "revision_expiry": {
        "returned_by_notice": "以区数据局实际退回申请为准；期满后项目单位修改逾期，退回待办",
        "returned_on_expiry": "第15个工作日届满未报送修改材料的，即视为退回",
    },
    "completion_trigger": {
        "recorded_completion": "以项目单位记录的建成日期为准",
        "trial_operation_start": "已记录且更早的，以系统进入试运行之日为准",
    },
    "same_day_precedence": {
        "same_day_counts": "同一日发生的视为在前",
        "earlier_day": "须早于该日至少一日，同日不算在前",
    },
    "township_units": {
        "subdistrict_only": "街道单位属区级，乡镇单位不属区级",
        "not_district_level": "街道、乡镇单位均不属区级",
        "district_level": "街道、乡镇单位均属区级",
    },
    "classified_application": {
        "whole_flow": "涉密项目不适用第十一条第一款全部各项及第十四条的次序",
        "application_only": "不适用第十一条第一款，但第十四条自项目代码起的审批次序仍适用",
        "pre_review_only": "仅不适用第十一条第一款第（二）项的预审",
    },
    "final_opinion_order": {
        "last_step": "最终审核意见在项目单位修改和财政评审报告之后",
        "after_expert_opinion": "最终审核意见只须在专家评审意见之后",
    },
    "om_funding_act": {
        "arranged": "受限的是安排经费（纳入年度预算），仅申请不算",
        "requested": "申请运维经费即属受限行为",
    },
    "extra_approval_exception": {
        "all_four": "任一例外情形均恢复全部四项审批",
        "paired": "各例外只恢复与之对应的审批（新建土建：规划选址、用地预审、环评；高耗能：节能评估）",
    },
    "extra_approval_sought": {
        "warns": "无例外仍办理的，作提示，不认定违反",
        "fails": "无例外仍办理的，认定不符合",
    },
    "implementation_start": {
        "by_duty": "各项义务自其所属阶段起算（规划类自批复，建设运行类自开工）",
        "works_started": "一律自开工建设起算",
        "approved": "一律自项目批复起算",
    },
    "surplus_settlement": {
        "final_accounts": "以报送竣工财务决算确定结余",
        "acceptance_passed": "以通过竣工验收确定结余",
        "completion": "以项目建成确定结余",
    },
    "classified_acceptance": {
        "paras_1_to_3": "涉密项目不适用第二十七条第一至三款，第四款竣工财务决算仍适用",
        "paras_1_to_4": "涉密项目不适用第二十七条第一至四款",
    },
    "acceptance_filing_period": {
        "with_acceptance": "“6个月内”同时约束验收材料备案",
        "no_period": "“6个月内”只约束组织验收，备案无期限",
    },
    "late_extension": {
        "requested_in_time": "期限内已申请延长的，批准晚于期限仍计入",
        "ignored": "期限届满后批准的延长不计入",
        "counted": "批准的延长一律计入",
    },
    "state_enterprise_funding": {
        "fiscal_budget_only": "国有企业项目仅限使用财政预算资金的",
        "any_money": "国有企业项目不论资金来源",
    },
    "adjustment_limit_basis": {
        "cumulative": "自上次重新审批以来各次调整金额累计计算",
        "each_adjustment": "每次调整单独计算",
    },
    "project_code_after": {
        "final_opinion": "区数据局出具最终审核意见后申请项目代码",
        "expert_opinion": "联合评审小组出具专家评审意见后即可申请",
    },
    "revision_window_start": {
        "receipt_where_recorded": "有送达记录的，自项目单位收到初审意见之日起算",
        "issue": "自初审意见出具之日起算",
    },
    "surplus_after_adjustment": {
        "general_rules": "调整后的结余资金按预算管理一般规定处理，不适用第二十五条",
        "still_owed": "调整后仍适用第二十五条，结余财政资金应当收回",
    },
    "surplus_fiscal_share": {
        "proportional": "结余中的财政资金按各资金来源比例计算",
        "fiscal_spent_first": "视为先使用财政资金（应收回的最少）",
        "other_spent_first": "视为先使用其他资金（应收回的最多）",
    },
    "performance_report_years": {
        "every_year_touched": "实施期间涉及的每个年度（含首尾不满一年的年度）",
        "in_implementation_at_year_end": "仅年底时仍在实施的年度",
    },
    "extension_counting": {
        "from_acceptance": "自通过验收起算3个月加延长月数",
        "after_original_period": "自原3个月期限届满起另计延长月数",
    },
    "art3_substance": {
        "substance_prevails": "实质上属于政务信息化项目的，不因申报类别依第三条排除",
        "category_governs": "第三条按申报类别排除，仅第十二条第六项及于该项目",
    },
}
"""Option field → value → its Chinese name."""

OPEN_VALUE_ZH: dict[str, str] = {
    "timely_within_working_days": "填写工作日数；不填则“及时”不设期限",
    "effective_date": "填写施行日期；不填则不排除任何事实",
    "timezone": "亚洲/上海（北京时间）",
    "serious_overrun_percent": "填写超概算百分比；不填则不认定严重超概算",
}
"""Option fields that take an open value (a number, a date): what to enter, in Chinese."""
