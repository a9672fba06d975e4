"""The command line: ``hanmark [PROJECT]`` opens the GUI; sub-commands work headless.

Every failure a user can cause prints one line to stderr and exits non-zero.  A
sub-command imports only its own module (``COMMANDS``), so ``hanmark stats`` does not
pay for numpy (agreement) or cn2an (checks).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from hanmark import APP_NAME, __version__, crashlog, settings
from storage.errors import ProjectError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
#: command → (its module, the function adding its parser, the function running it)
COMMANDS = {
    "new": ("cli_project", "add_project_parsers", "run_new"),
    "sample": ("cli_project", "add_project_parsers", "run_sample"),
    "import": ("cli_import", "add_import_parser", "run_import"),
    "export": ("cli_export", "add_export_parser", "run_export"),
    "suggest": ("cli_suggest", "add_suggest_parser", "run_suggest"),
    "stats": ("cli_project", "add_project_parsers", "run_stats"),
    "doctor": ("cli_project", "add_project_parsers", "run_doctor"),
    "split": ("cli_team", "add_team_parsers", "run_split"),
    "merge": ("cli_team", "add_team_parsers", "run_merge"),
    "agreement": ("cli_agreement", "add_agreement_parser", "run_agreement"),
    "adjudicate": ("cli_adjudicate", "add_adjudicate_parser", "run_adjudicate"),
    "labels": ("cli_labels", "add_labels_parser", "run_labels"),
    "search": ("cli_search", "add_search_parser", "run_search"),
    "check": ("cli_check", "add_check_parser", "run_check"),
    "gazetteer": ("cli_gazetteer", "add_gazetteer_parser", "run_gazetteer"),
}


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hanmark",
        description=f"{APP_NAME} (汉标): annotate Chinese news. Commands: {', '.join(COMMANDS)} "
        "(hanmark COMMAND --help).",
    )
    parser.add_argument("project", nargs="?", type=Path,
                        help="project to open (default: the sample project)")
    parser.add_argument("--lang", choices=settings.LANGUAGES, help="interface language")
    parser.add_argument("--annotator", help="name recorded on your spans and statuses")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation headless on a temporary copy of the "
                        "sample project; prints one line, exits non-zero on failure")
    return parser


def command_parser(command: str) -> tuple[argparse.ArgumentParser, object]:
    """The parser of one sub-command, and the function that runs it."""
    module_name, adder, runner = COMMANDS[command]
    module = importlib.import_module(f"hanmark.{module_name}")
    parser = argparse.ArgumentParser(prog="hanmark")
    sub = parser.add_subparsers(dest="command", required=True)
    getattr(module, adder)(sub)
    return parser, getattr(module, runner)


def user_errors() -> tuple[type[Exception], ...]:
    """The failures a user causes, reported as their own sentence.  Imported only when a
    command has failed, so a command's start pays for none of them."""
    from corpus.team.agreement import AgreementError
    from hanmark.cli_adjudicate import AdjudicateUsage
    from hanmark.cli_export import ExportUsage
    from storage.errors import RecordRejected
    from storage.interchange.export import ExportFailed

    return AgreementError, AdjudicateUsage, ExportFailed, ExportUsage, RecordRejected


def run_command(run, args: argparse.Namespace) -> int:
    try:
        return run(args)
    except ProjectError as error:
        return fail(f"{error.message}. {error.hint}".strip())
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:             # `hanmark … | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return EXIT_OK
    except OSError as error:
        return fail(f"{error.strerror or 'the operation failed'}"
                    f"{f': {error.filename}' if error.filename else ''}")
    except Exception as error:
        from storage.interchange.export import ExportCancelled

        if isinstance(error, ExportCancelled):
            return fail("export cancelled; nothing was written")
        if isinstance(error, user_errors()):
            return fail(str(error))
        raise


def fail(message: str) -> int:
    print(f"hanmark: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def main(argv: list[str] | None = None) -> int:
    """Run one command; whatever goes wrong, the user sees one line (never a traceback)
    and the traceback goes to the crash log."""
    try:
        return dispatch(list(sys.argv[1:] if argv is None else argv))
    except Exception as error:  # noqa: BLE001 - the catch-all no failure may pass
        return fail(crashlog.report(error))


def dispatch(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        parser, run = command_parser(argv[0])
        return run_command(run, parser.parse_args(argv))
    args = gui_parser().parse_args(argv)
    from hanmark import xcb_check  # before Qt: its own message for this is cryptic

    problem = xcb_check.check()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_ERROR
    if args.self_test:
        from hanmark.selftest import run_self_test

        return run_self_test()
    from hanmark.launcher import launch  # Qt is imported only when the GUI starts

    return launch(args)
