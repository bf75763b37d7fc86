"""``tinghu-policy migrate``: a format 1.x project (or case) file in format 2.0, with a note for each assumption."""

from __future__ import annotations

import json
from pathlib import Path

import click
import yaml
from pydantic import ValidationError

from tinghu_policy.cli.app import app, errors
from tinghu_policy.cli.inputs import EvaluationInput, is_request, read_text
from tinghu_policy.facts import Project
from tinghu_policy.migration import looks_like_v1, migrate_document
from tinghu_policy.yaml_input import InputError, describe, load_yaml


class _NoAliases(yaml.SafeDumper):
    """The safe dumper, writing a value seen twice twice: the library's own loader refuses anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


@app.command("migrate")
@click.argument("file")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
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
    text, source = read_text(file)
    data, lines = load_yaml(text, source)
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
        else yaml.dump(converted, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=110)
    )
    if output is None:
        click.echo(rendered, nl=False)
    else:
        output.write_text(rendered, encoding="utf-8")
    for note in notes:
        errors.print(f"note: {note}", markup=False)
    errors.print(f"{source}: converted to format 2.0 ({len(notes)} note(s))", markup=False)
    return 0
