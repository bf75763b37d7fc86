"""``tinghu-policy evaluate``: one project (or corpus case) → its findings and timeline, as a table, JSON or iCalendar."""

from __future__ import annotations

from pathlib import Path

import click

from tinghu_policy.cli.app import app, console
from tinghu_policy.cli.inputs import (
    build_calendar,
    build_interpretation,
    parse_day,
    parse_input,
    parse_options,
    read_text,
    today_in_shanghai,
)
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
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
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
    """
    if sample == (file is not None):
        raise click.UsageError("give FILE (or - for standard input), or --sample, not both")
    text, source = (sample_text(), SAMPLE_NAME) if sample else read_text(str(file))
    request = parse_input(text, source)
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
        from tinghu_policy.cli.render import print_report

        if output is None:
            print_report(console, report, request.project, show_all=show_all)
        else:
            from rich.console import Console

            with output.open("w", encoding="utf-8") as stream:
                print_report(Console(file=stream, width=160), report, request.project, show_all=show_all)
        return
    if fmt == "json":
        data = (report.to_json() + "\n").encode("utf-8")
    else:
        from tinghu_policy.cli.ics import report_to_ical

        data = report_to_ical(report)
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary standard output unchanged
    else:
        output.write_bytes(data)
