"""What every ``hyte`` command shares: errors and exit codes, common options, reading, output."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from hytecli.errors import HyteError

if TYPE_CHECKING:
    from hytecli.repository import PlanRepository

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

F = TypeVar("F", bound=Callable[..., Any])


class UserError(HyteError):
    """A problem the CLI itself finds in the user's input or setup (see errors.HyteError)."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def print_error(message: str) -> None:
    """Print ``hyte: message`` to standard error."""
    typer.echo(f"hyte: {message}", err=True)


def handle_errors(command: F) -> F:
    """Turn expected errors into a one-line message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.BadParameter):
            raise  # typer prints a bad option value as a usage error (exit 2)
        except HyteError as exc:  # expected problems raised by the library
            print_error(f"error: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            print_error("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # Output piped into e.g. `head`: stop quietly.
            sys.stderr.close()
            raise typer.Exit(EXIT_OK) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            print_error(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in hyte. Please report it with the command you ran; "
                "set HYTE_DEBUG=1 to see the traceback."
            )
            if os.environ.get("HYTE_DEBUG"):
                raise
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


RepoOption = Annotated[
    Path | None,
    typer.Option(
        "--repo",
        help="Plan repository folder. Default: the nearest folder upwards with plan/plan.yaml.",
        file_okay=False,
        show_default=False,
    ),
]


class Language(StrEnum):
    """The languages hyte's output comes in."""

    fi = "fi"
    sv = "sv"
    en = "en"


LanguageOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Language of the output: fi, sv or en. Default: the plan's language.",
        show_default=False,
    ),
]
#: ``--dry-run`` of the commands that change plan files (record, complete).
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Judge as on this day (what was recorded up to it counts). Default: today in the "
        "plan's time zone.",
        show_default=False,
    ),
]


def repository_root(repo: Path | None) -> Path:
    """The plan repository's folder: ``--repo``, else the nearest one upwards."""
    from hytecli.repository import check_repository, find_repository

    if repo is not None:
        return check_repository(repo)
    return find_repository(Path.cwd())


#: What the command loaded, kept to the end of the process when :func:`keep_until_exit` was
#: asked (the ``hyte`` command, :func:`hytecli.cli.run`), so that it is not freed object by
#: object when the command returns, just before the process ends anyway.
_KEPT: list[object] | None = None


def keep_until_exit() -> None:
    """Keep every plan loaded from now on until the process ends (see :func:`hytecli.cli.run`)."""
    global _KEPT  # noqa: PLW0603 - one switch for the process
    if _KEPT is None:
        _KEPT = []


def keep(*made: object) -> None:
    """Keep what a command made from the plan (its judgement, its text) to the end, if asked.

    See :func:`keep_until_exit`; without it (a program calling :func:`hytecli.cli.main`) this
    does nothing.
    """
    if _KEPT is not None:
        _KEPT.extend(made)


def load_plan(repo: Path | None) -> PlanRepository:
    """Load the plan repository named by ``--repo`` (see :func:`repository_root`)."""
    from hytecli.repository import load_repository

    repository = load_repository(repository_root(repo))
    keep(repository)
    return repository


def parse_date_option(value: str | None, option: str) -> date | None:
    """The date given to ``option`` (YYYY-MM-DD), None if not given; a bad one is a usage error."""
    if value is None:
        return None
    from hytecli.periods import DateProblem, parse_iso_date

    try:
        return parse_iso_date(value)
    except DateProblem as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def stdout_is_utf8() -> bool:
    """Whether standard output takes any character (else output sticks to ASCII)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    return encoding.startswith("utf")


def print_text(text: str | Sequence[str]) -> None:
    r"""Print ``text`` to standard output without losing a character (:mod:`hytecli.output`).

    Characters the stream's encoding cannot hold are escaped (``\u2013``) in a file or pipe, or
    shown as their closest character on a terminal (one cell for one, so tables keep their
    width); hyte says once at the end that it did so. A long text may come in parts
    (:func:`hytecli.json_text.indented_json_parts`): each is checked and written on its own, so
    that the whole text is never held a second time, encoded.
    """
    from hytecli.output import faithful_text

    stream = sys.stdout
    parts = [text] if isinstance(text, str) else text
    last = ""
    for part in parts:
        if part:
            stream.write(faithful_text(part, stream))
            last = part
    if not last.endswith("\n"):
        stream.write("\n")
    stream.flush()


#: ``--output``: kept as written (a text), so that a trailing ``/`` still says "a folder".
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to this file instead of standard output."
    ),
]


def refuse_binary_to_terminal(output: str | Path | None, what: str) -> None:
    """Refuse (exit 2) to print ``what`` ("a PDF") when standard output is a terminal.

    Commands call it before the work, so that the refusal comes at once.
    """
    if output is None and sys.stdout.isatty():
        raise UserError(
            f"not writing {what} to a terminal: give --output FILE, or redirect standard output "
            "to a file or a pipe",
            EXIT_USAGE,
        )


def write_binary_output(
    data: bytes, output: str | Path | None, what: str, repository: Path | None = None
) -> None:
    """Write ``data`` (``what``: "a PDF") atomically to ``output``, or to a non-terminal stdout.

    Without ``--output`` the bytes go to standard output only when it is a file or a pipe: a
    terminal would show binary noise, so that is refused (exit 2) with what to do instead.
    ``--output`` is checked as :func:`write_output` checks it.
    """
    if output is not None:
        _write_file(data, output, repository)
        return
    refuse_binary_to_terminal(output, what)
    stream = sys.stdout
    stream.flush()
    stream.buffer.write(data)
    stream.buffer.flush()


def _write_file(data: str | bytes, output: str | Path, repository: Path | None) -> None:
    from hytecli.fileio import write_output as write_output_file

    try:
        write_output_file(output, data, repository)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror}") from None
    print_error(f"wrote {output}")


def write_output(
    text: str | Sequence[str], output: str | Path | None, repository: Path | None = None
) -> None:
    """Print ``text``, or write it atomically to the file ``output`` (``--output``).

    ``text`` may come in parts (a long JSON text): they are printed one after the other, or
    joined for the file.

    An ``--output`` that is not a regular file (a folder, a device, a FIFO), a file in a folder
    that does not exist, or a file in the plan's own folders of ``repository`` (plan/,
    indicators/, templates/, reports/) is a usage error (exit 2,
    :func:`hytecli.fileio.write_output`) that says what to do; any other failure to write exits 1.
    """
    if output is None:
        parts = [text] if isinstance(text, str) else text
        for part in parts:
            typer.echo(part, nl=False)
        if not (parts and parts[-1].endswith("\n")):
            typer.echo("")
        return
    _write_file(text if isinstance(text, str) else "".join(text), output, repository)
