"""The one error path of the command line: every failure ends as one line and exit 2.

Commands report *data* problems as findings (exit 1). Anything else that stops a
command — a library error (:class:`~govcatalog.errors.GovCatalogError`), input nested
too deeply for the parser (``RecursionError``), a value the code could not take
(``ValueError``), an unreadable or damaged database, a file that cannot be written,
running out of the time or memory budget — is caught here, at the edge, and printed
as ``govcatalog: <reason>`` on one line of stderr, with exit code 2, which CI reads as
"could not check" rather than "findings". Set ``GOVCATALOG_TRACEBACK=1`` to see the
traceback of an unexpected error instead.

Budgets: ``--max-seconds`` stops a run after that much wall time; ``--max-memory``
caps the address space of the process (where the platform allows it).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any, Final, NoReturn

import typer
from typer.core import TyperGroup

from govcatalog.errors import GovCatalogError, LoadError, ResourceLimitExceeded

# typer re-exports click's exceptions under its own names; ClickException is reached
# through one of them so that the vendored and the standalone click both work.
_CLICK_EXCEPTION: Final[type[Exception]] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
_PASS_THROUGH: Final = (typer.Exit, typer.Abort, _CLICK_EXCEPTION, KeyboardInterrupt)

EXIT_USAGE: Final = 2
"""Exit code of a failure that is not a finding."""
TRACEBACK_VARIABLE: Final = "GOVCATALOG_TRACEBACK"
"""Set to ``1`` to let unexpected errors show their traceback."""
MAX_LINE: Final = 400
"""Longest reason printed, in characters."""


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """``text`` as a single line of at most ``limit`` characters."""
    line = " ".join(text.split())
    if len(line) > limit:
        line = line[: limit - 1] + "…"
    return line


def reason(exc: BaseException) -> str:
    """The one-line reason printed for an exception that stopped a command."""
    if isinstance(exc, GovCatalogError):
        return one_line(str(exc) or type(exc).__name__)
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to read (more than the parser's depth limit)"
    if isinstance(exc, MemoryError):
        return "out of memory (over the --max-memory budget or the machine's memory)"
    if isinstance(exc, FileNotFoundError | NotADirectoryError | IsADirectoryError):
        where = exc.filename or ""
        return one_line(f"{where}: {exc.strerror or exc}" if where else str(exc))
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return one_line(f"{where}{exc.strerror or exc}")
    module = type(exc).__module__
    if module.startswith(("sqlalchemy", "sqlite3", "psycopg")):
        detail = str(getattr(exc, "orig", None) or exc).split("\n", 1)[0]
        return one_line(f"database error: {type(exc).__name__}: {detail}")
    if isinstance(exc, UnicodeError):
        return one_line(f"cannot decode the input: {exc}")
    if isinstance(exc, ValueError):
        return one_line(f"invalid value: {exc}")
    return one_line(f"internal error: {type(exc).__name__}: {exc}")


def report_failure(exc: BaseException) -> NoReturn:
    """Print the one-line reason of ``exc`` to stderr and exit 2."""
    typer.echo(f"govcatalog: {reason(exc)}", err=True)
    raise typer.Exit(EXIT_USAGE) from None


class EdgeGroup(TyperGroup):
    """The top-level command group: runs every command through :func:`report_failure`."""

    def invoke(self, ctx: Any) -> Any:
        """Run the command; turn any failure other than an exit into one line and exit 2."""
        try:
            return super().invoke(ctx)
        except _CLICK_EXCEPTION as exc:
            # A usage error (unknown option, bad value, missing argument): one line too,
            # naming where the help is, instead of a usage block and a boxed error.
            where = getattr(getattr(exc, "ctx", None), "command_path", None) or "govcatalog"
            message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
            typer.echo(f"govcatalog: {one_line(message)} (see {where} --help)", err=True)
            raise typer.Exit(getattr(exc, "exit_code", EXIT_USAGE)) from None
        except _PASS_THROUGH:
            raise
        except BrokenPipeError:
            # The reader went away (``govcatalog … | head``): stop quietly, as cat does.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(1) from None
        except Exception as exc:
            if os.environ.get(TRACEBACK_VARIABLE) == "1" and not isinstance(exc, GovCatalogError):
                raise
            report_failure(exc)
        finally:
            if hasattr(signal, "setitimer"):
                signal.setitimer(signal.ITIMER_REAL, 0)


def _on_alarm(seconds: float) -> Callable[[int, FrameType | None], None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        raise ResourceLimitExceeded(f"--max-seconds {seconds:g}")

    return handler


def apply_budgets(max_seconds: float | None, max_memory_mb: int | None) -> None:
    """Start the wall-time alarm and cap the address space, when asked.

    Raises:
        LoadError: When a budget is not a positive number.
    """
    if max_seconds is not None:
        if max_seconds <= 0:
            raise LoadError("--max-seconds", "必须为正数", "must be a positive number")
        if hasattr(signal, "setitimer"):
            signal.signal(signal.SIGALRM, _on_alarm(max_seconds))
            signal.setitimer(signal.ITIMER_REAL, max_seconds)
    if max_memory_mb is not None:
        if max_memory_mb <= 0:
            raise LoadError("--max-memory", "必须为正数", "must be a positive number")
        try:
            import resource  # noqa: PLC0415 - POSIX only

            limit = max_memory_mb * 1024 * 1024
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        except (ImportError, ValueError, OSError):  # pragma: no cover - non-POSIX platforms
            print("govcatalog: warning: --max-memory is not supported here", file=sys.stderr)
