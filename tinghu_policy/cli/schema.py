"""``tinghu-policy schema``: the JSON Schema contract (project, case, protocol input and output, report)."""

from __future__ import annotations

from pathlib import Path

import click

from tinghu_policy import schemas
from tinghu_policy.cli.app import app, console
from tinghu_policy.cli.output import OutputError, write_file


@app.command("schema")
@click.argument("name", required=False, type=click.Choice(schemas.names()))
@click.option(
    "--write",
    "write_dir",
    type=click.Path(path_type=Path),
    help="Write every schema into this folder (the committed contract is schemas/).",
)
@click.option(
    "--check",
    "check_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Exit 1 if the schemas in this folder differ from the generated ones.",
)
def schema_command(name: str | None, write_dir: Path | None, check_dir: Path | None) -> int:
    """Print the JSON Schema NAME, list the schemas, or write / check the committed files.

    \b
    tinghu-policy schema report            # print one schema
    tinghu-policy schema --write schemas/  # regenerate the committed contract
    tinghu-policy schema --check schemas/  # CI: fail when the committed files are stale
    """
    if write_dir is not None:
        try:
            write_dir.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise OutputError(f"cannot write {write_dir}: it is a file, not a folder") from None
        except OSError as exc:
            raise OutputError(f"cannot write {write_dir}: {exc.strerror or exc}") from None
        for spec_name in schemas.names():  # each file atomically: a failed run leaves the old contract whole
            path = write_dir / f"{spec_name}{schemas.SUFFIX}"
            write_file(path, schemas.render(spec_name))
            console.print(f"wrote {path}", markup=False)
        return 0
    if check_dir is not None:
        problems = schemas.stale(check_dir)
        for problem in problems:
            click.echo(problem, err=True)
        if problems:
            click.echo(f"regenerate with: tinghu-policy schema --write {check_dir}", err=True)
            return 1
        console.print(f"{check_dir}: {len(schemas.names())} schemas are current", markup=False)
        return 0
    if name is not None:
        click.echo(schemas.render(name), nl=False)
        return 0
    for spec in schemas.SPECS:
        console.print(f"[bold]{spec.name}[/bold]{schemas.SUFFIX}  {spec.title} — {spec.description}")
    return 0
