"""The command group and the one place CLI errors become a readable message and exit status 2."""

from __future__ import annotations

import click
from pydantic import ValidationError
from rich.console import Console

from tinghu_policy.errors import TinghuPolicyError

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


@click.group(
    name="tinghu-policy",
    help="《盐城市亭湖区政务信息化项目建设管理办法（试行）》 rules: provisions, evaluation, conformance.",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
)
@click.version_option(package_name="tinghu-policy")
def app() -> None:
    """The ``tinghu-policy`` command."""


def run(group: click.Group, args: list[str] | None = None) -> int:
    """Run the command; library and validation errors print one message and give exit status 2; Ctrl-C prints
    ``aborted`` and gives 130 (128 + SIGINT, as a shell reports it)."""
    try:
        result = group.main(args=args, prog_name="tinghu-policy", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort as exc:  # click turns Ctrl-C into Abort
        errors.print("aborted")
        return 130 if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt) else 1
    except KeyboardInterrupt:
        errors.print("aborted")
        return 130
    except ValidationError as exc:
        errors.print(f"error: invalid input ({exc.error_count()} problem(s))\n{exc}", markup=False)
        return 2
    except TinghuPolicyError as exc:
        errors.print(f"error: {exc}", markup=False)
        return 2
    return result if isinstance(result, int) else 0
