"""``tinghu-policy migrate``: a format 1.x project (or case) file in format 2.0, with a note for each assumption."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
import yaml
from pydantic import ValidationError

from tinghu_policy.cli.app import app, errors
from tinghu_policy.cli.inputs import EvaluationInput, is_request, read_input
from tinghu_policy.cli.output import refuse_inputs, write_file
from tinghu_policy.facts import Project
from tinghu_policy.isodate import ISO_DATE, iso_date
from tinghu_policy.migration import looks_like_v1, migrate_document
from tinghu_policy.yaml_input import InputError, describe


class _NoAliases(yaml.SafeDumper):
    """The safe dumper, writing a value seen twice twice: the library's own loader refuses anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _dates(value: Any) -> Any:
    """Dates (read as text) back as dates, so that YAML writes them plainly (``2025-10-10``, not quoted); exact
    numbers (read as ``Decimal``) as decimal strings, the contract's form of an amount."""
    if isinstance(value, dict):
        return {k: _dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return iso_date(value)
        except ValueError:
            return value
    return value


@app.command("migrate")
@click.argument("file")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the 2.0 file here (default: standard output).",
)
@click.option(
    "--format",
    "shape",
    type=click.Choice(["yaml", "json"]),
    help="Output format (default: JSON for a .json input or output, else YAML).",
)
def migrate_command(file: str, output: Path | None, shape: str | None) -> int:
    """Convert FILE (a project or a corpus case, YAML or JSON; - for stdin) from format 1.x to 2.0.

    Every value 2.0 asks for that 1.x did not hold is noted on stderr: a review's conclusion is left unstated
    (the rules then name it as missing), a budget date or a report's trigger is taken from the nearest fact. Read
    the notes and complete the file. Comments in a YAML file are not kept. See schemas/README.md, "Migrating from
    1.x".
    """
    refuse_inputs(output, [file])
    document = read_input(file)
    data, lines, source = document.data, document.lines, document.source
    project = data.get("project") if is_request(data) else data
    if not looks_like_v1(project):
        errors.print(f"{source}: already in format 2.0 (nothing to convert)", markup=False)
    converted, notes = migrate_document(data)
    try:
        if is_request(converted):
            EvaluationInput.model_validate(converted)
        else:
            Project.model_validate(converted)
    except ValidationError as exc:
        raise InputError(
            f"{source}: the converted file is still invalid (fix these in the 1.x file first):\n"
            + describe(exc, source, lines)
        ) from None
    as_json = shape == "json" or (
        shape is None and (file.endswith(".json") or (output is not None and output.suffix == ".json"))
    )
    rendered = (
        json.dumps(converted, ensure_ascii=False, indent=2, default=str) + "\n"
        if as_json
        else yaml.dump(_dates(converted), Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=110)
    )
    if output is None:
        click.echo(rendered, nl=False)
    else:
        write_file(output, rendered)
    for note in notes:
        errors.print(f"note: {note}", markup=False)
    errors.print(f"{source}: converted to format 2.0 ({len(notes)} note(s))", markup=False)
    return 0
