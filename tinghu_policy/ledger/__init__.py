"""The staff ledger (台账): the portfolio as an Excel workbook, in and out, and the monthly overdue report.

* :mod:`~tinghu_policy.ledger.layout` — which sheet and column holds each fact, read off the facts model;
* :mod:`~tinghu_policy.ledger.cells` — what a cell holds, both ways (names for codes, 是/否, dates, money);
* :mod:`~tinghu_policy.ledger.template` — writing a ledger: the template with an example, or a portfolio
  (:func:`~tinghu_policy.ledger.template.write_template`, :func:`~tinghu_policy.ledger.template.write_ledger`);
* :mod:`~tinghu_policy.ledger.reader` — reading one, every bad cell named
  (:class:`~tinghu_policy.ledger.reader.LedgerReader`, :func:`~tinghu_policy.ledger.reader.read_ledger`);
* :mod:`~tinghu_policy.ledger.report` — the monthly report (:func:`~tinghu_policy.ledger.report.write_report`).

The Excel libraries are the ``[ledger]`` extra (XlsxWriter writes, openpyxl reads); they are imported only when a
workbook is written or read, so importing this package needs neither.
"""
