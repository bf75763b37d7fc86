"""The Chinese gist (摘要) of every article, shown in the navigation, the page title and the overview.

Not official text: the regulation's articles have no headings. The English gist beside it is ``summary_en`` in
``articles/artN.yaml``; ``tests/docs/test_site_build.py`` fails when an article has no Chinese gist here.
"""

from __future__ import annotations

GIST_ZH: dict[str, str] = {
    "art1": "立法目的和制定依据",
    "art2": "政务信息化项目的定义（适用范围）",
    "art3": "不纳入本办法管理的项目",
    "art4": "管理原则、协调机制和年度资金总额控制",
    "art5": "各部门职责分工",
    "art6": "区数据局牵头规划；单位实施方案",
    "art7": "统筹整合、“一部门一系统”、政务APP向上接入",
    "art8": "申报项目应符合的五项要求",
    "art9": "跨部门项目由牵头部门申报",
    "art10": "跨层级项目与资金分担",
    "art11": "项目申报流程与审核期限（预审、部门会审、联合评审）",
    "art12": "“六个不得”",
    "art13": "依托管理平台的全流程、全生命周期管理",
    "art14": "联合评审后申请项目代码、报送审批",
    "art15": "数据资源共享分析篇和数据资源目录",
    "art16": "原则上不再进行节能、选址、用地、环评审批及其例外",
    "art17": "项目单位是建设实施的责任主体",
    "art18": "按政府采购规定开展采购",
    "art19": "实施过程监管；重大变更和安全隐患备案",
    "art20": "网络和数据安全同步建设",
    "art21": "密码应用、电子文件管理和保密防护",
    "art22": "申请使用公共数字资产",
    "art23": "实施期间每年年底前提交绩效评价报告",
    "art24": "严重逾期、重大损失的报告；未按时开工的项目",
    "art25": "按批复实施；结余资金上缴财政",
    "art26": "概算10%以内的项目调整",
    "art27": "竣工验收（建成后6个月内）与竣工财务决算",
    "art28": "项目档案管理和档案验收",
    "art29": "涉密项目投入运行前的保密审查",
    "art30": "投入运行后12个月内开展自我评价",
    "art31": "区数据局的监督",
    "art32": "区财政局的监督",
    "art33": "区委办对保密和密码应用的监督",
    "art34": "区委网信办的安全监督",
    "art35": "区审计局的审计监督",
    "art36": "监管单位之间的信息共享",
    "art37": "如实提供资料；追究责任",
    "art38": "国有企业建设的项目",
    "art39": "与社会资本合作建设的项目",
    "art40": "施行日期",
}
