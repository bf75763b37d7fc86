"""``tinghu-policy evaluate``: one project (or corpus case) → its findings and timeline, as a table, JSON or iCalendar."""

from __future__ import annotations

import io
from pathlib import Path

import click

from tinghu_policy.cli.app import app, console, errors
from tinghu_policy.cli.inputs import (
    build_calendar,
    build_interpretation,
    parse_day,
    parse_input,
    parse_options,
    read_input,
    to_input,
    today_in_shanghai,
)
from tinghu_policy.cli.output import atomic_output, refuse_inputs
from tinghu_policy.engine import Report, Status
from tinghu_policy.engine import evaluate as evaluate_project
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.samples import SAMPLE_NAME, sample_text
from tinghu_policy.yaml_input import InputError

FORMATS = ("table", "json", "ics")


@app.command()
@click.argument("file", required=False, metavar="[FILE|-]")
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="The date to evaluate on [default: the case's as_of, else today in Asia/Shanghai].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table: findings and timeline; json: the report (schemas/report.schema.json); ics: the open deadlines as iCalendar.",
)
@click.option(
    "--sample",
    is_flag=True,
    help=f"Evaluate the built-in whole-life sample project ({SAMPLE_NAME}) instead of FILE.",
)
@click.option(
    "--option",
    "options",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override an interpretation option, e.g. serious_overdue_boundary=at_least or D5=at_least (repeatable).",
)
@click.option(
    "--interpretation",
    "interpretation_file",
    metavar="FILE",
    help="A YAML/JSON mapping of interpretation options (applied before --option).",
)
@click.option(
    "--calendar-overlay",
    "overlays",
    multiple=True,
    metavar="FILE",
    help="A year's State Council holiday arrangement (examples/calendar-overlays/; repeatable).",
)
@click.option("--all", "show_all", is_flag=True, help="table: also list the not-applicable findings.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file instead of standard output.",
)
def evaluate(
    file: str | None,
    as_of: str | None,
    fmt: str,
    sample: bool,
    options: tuple[str, ...],
    interpretation_file: str | None,
    overlays: tuple[str, ...],
    show_all: bool,
    output: Path | None,
) -> None:
    """Evaluate one project as of a date: every finding with its provision, status, due date and party.

    FILE is a project in YAML or JSON ('-' reads standard input), or a corpus case, whose as_of and
    interpretation are used unless --as-of / --option / --interpretation say otherwise.

    \b
    Limits (schemas/README.md, "Conventions"):
      - a file (or standard input) holds at most 2,000,000 bytes of UTF-8; no more is read;
      - a .json file is JSON, a .yaml/.yml file YAML; standard input is JSON if it starts with '{';
      - duplicate keys, YAML anchors, aliases and tags are refused; true/false are the only booleans;
      - dates are YYYY-MM-DD (--as-of too); amounts a decimal string in yuan ("1200000.00");
      - a project's name is at most 300 characters, a budget or report year 2000-2100;
      - lists are capped (e.g. 50 review rounds, 100 incidents): see schemas/project.schema.json.
    """
    if sample and file is not None:
        raise click.UsageError("give FILE (or - for standard input) or --sample, not both")
    if not sample and file is None:
        raise click.UsageError(
            "nothing to evaluate: give FILE (or - for standard input), or --sample for the built-in sample project"
        )
    refuse_inputs(output, [file, interpretation_file, *overlays])
    request = parse_input(sample_text(), SAMPLE_NAME) if sample else to_input(read_input(str(file)))
    source = SAMPLE_NAME if sample else ("<stdin>" if file == "-" else str(file))
    day = parse_day(as_of, "--as-of") if as_of else request.as_of or today_in_shanghai()
    interpretation = build_interpretation(
        request.interpretation, file=interpretation_file, options=parse_options(options)
    )
    calendar = build_calendar(overlays)
    try:
        report = evaluate_project(
            request.project, as_of=day, interpretation=interpretation, calendar=calendar
        )
    except InputError:
        raise
    except TinghuPolicyError as exc:  # e.g. a date beyond the calendar data (D12): say which input
        raise TinghuPolicyError(f"{source}: {exc}") from None
    if fmt == "table":
        from rich.console import Console

        from tinghu_policy.cli.render import print_report

        if output is None:
            print_report(console, report, request.project, show_all=show_all)
            console.print(next_steps(report), markup=False, highlight=False, soft_wrap=True)
            return
        buffer = io.StringIO()
        print_report(Console(file=buffer, width=160), report, request.project, show_all=show_all)
        data = buffer.getvalue().encode("utf-8")
    elif fmt == "json":
        data = (report.to_json() + "\n").encode("utf-8")
    else:
        from tinghu_policy.cli.ics import report_to_ical

        data = report_to_ical(report)
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary standard output unchanged
        return
    with atomic_output(output) as out:
        out.write(data)
    errors.print(f"wrote {output} ({len(report.findings)} findings)", markup=False)
    if fmt == "table":
        errors.print(next_steps(report), markup=False, highlight=False, soft_wrap=True)


_OPEN = (Status.OVERDUE, Status.FAILS, Status.LATE, Status.UNDETERMINED, Status.PENDING, Status.NOTICE)


def next_steps(report: Report) -> str:
    """One line saying what to try next: why a finding is what it is, the provision's text, the whole report."""
    ranked = sorted((f for f in report.findings if f.status in _OPEN), key=lambda f: _OPEN.index(f.status))
    example = ranked[0] if ranked else (report.findings[0] if report.findings else None)
    if example is None:
        return "Next: --format json for the whole report"
    return (
        f"Next: tinghu-policy explain {example.rule} · tinghu-policy show {example.provision} · --format json "
        "for every check"
    )
