"""The ``passkit`` command line. Secrets are read from stdin or a no-echo prompt, never argv.

Exit codes: 0 all passwords pass, 1 at least one fails, 2 usage error (bad arguments, unknown
policy, rules text that does not parse).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from passkit import __version__, policies
from passkit._check import CheckResult, check
from passkit._messages import LOCALES
from passkit._policy import Policy
from passkit.exceptions import PasskitError

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2


def _read_secrets(stream: TextIO, prompt: str) -> Iterator[str]:
    """Yield secrets: one per line from a pipe or file, or one from a no-echo prompt on a terminal."""
    if stream.isatty():
        yield getpass.getpass(prompt)
        return
    for line in stream:
        yield line.rstrip("\r\n")


def _result_json(index: int, result: CheckResult) -> str:
    return json.dumps(
        {
            "line": index,
            "ok": result.ok,
            "violations": [{"code": v.code, "message": v.message, "params": dict(v.params)} for v in result.violations],
            "findings": [{"code": f.code, "message": f.message} for f in result.findings],
        },
        ensure_ascii=False,
    )


def _result_text(index: int, result: CheckResult) -> str:
    lines = [f"line {index}: {'ok' if result.ok else 'FAIL'}"]
    lines += [f"  {v.code}: {v.message}" for v in result.violations]
    lines += [f"  note {f.code}: {f.message}" for f in result.findings]
    return "\n".join(lines)


def _policy_from_args(args: argparse.Namespace) -> Policy:
    if args.rules is not None:
        return Policy.from_rules(args.rules)
    return policies.get(args.policy)


def _cmd_check(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    policy = _policy_from_args(args)
    previous: list[str] = []
    if args.previous_file:
        with open(args.previous_file, encoding="utf-8") as handle:
            previous = [line.rstrip("\r\n") for line in handle if line.strip()]
    status = EXIT_OK
    for index, password in enumerate(_read_secrets(stdin, "Password (not shown): "), start=1):
        result = check(password, policy, user_inputs=args.user_input, previous=previous, locale=args.locale)
        if not result.ok:
            status = EXIT_FAIL
        print(_result_json(index, result) if args.json else _result_text(index, result), file=stdout)
    return status


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for the ``passkit`` command."""
    parser = argparse.ArgumentParser(
        prog="passkit",
        description="Password policy checking. Passwords are read from stdin (one per line) or a no-echo prompt.",
        epilog="Exit codes: 0 all pass, 1 some password fails, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"passkit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check_parser = commands.add_parser(
        "check",
        help="check passwords against a policy",
        description=(
            "Check each password read from stdin (one per line), or one typed at a no-echo prompt,"
            " against a policy. Prints one result per password, numbered by line; never the password."
        ),
        epilog="Exit codes: 0 all pass, 1 some password fails, 2 usage error.",
    )
    source = check_parser.add_mutually_exclusive_group()
    source.add_argument(
        "--policy",
        default="amazon",
        choices=policies.names(),
        metavar="NAME",
        help=f"preset policy: {', '.join(policies.names())} (default: amazon)",
    )
    source.add_argument("--rules", metavar="TEXT", help="policy as Password Rules text, e.g. 'minlength: 12;'")
    check_parser.add_argument("--json", action="store_true", help="print one JSON object per password (JSON Lines)")
    check_parser.add_argument("--locale", choices=LOCALES, default="en", help="language of the messages (default: en)")
    check_parser.add_argument(
        "--user-input",
        action="append",
        default=[],
        metavar="TEXT",
        help="the user's name, email, phone or birthday (repeatable); used by policies that forbid context",
    )
    check_parser.add_argument(
        "--previous-file",
        metavar="PATH",
        help="file of previous passwords, one per line; used by policies that forbid previous",
    )
    check_parser.set_defaults(handler=_cmd_check)
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args, stdin or sys.stdin, stdout or sys.stdout)
    except (PasskitError, OSError) as error:
        print(f"passkit: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return status
