"""The ``passkit`` command line. Secrets are read from stdin or a no-echo prompt, never argv.

Subcommands: ``check``, ``generate``, ``estimate``, ``romanize``, ``mangle`` and ``audit`` (a
password file, streamed through ``check`` and ``estimate`` on all cores; see ``passkit._audit``).

Exit codes: 0 all passwords pass, 1 at least one fails, 2 usage error (bad arguments, unknown
policy, rules text that does not parse).
"""

from __future__ import annotations

import argparse
import getpass
import io
import json
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, TextIO

from passkit import __version__, policies
from passkit._audit import audit, summary_json, summary_text
from passkit._check import CheckResult, check
from passkit._codes import PinGenerator, RecoveryCodeGenerator
from passkit._estimate import Estimate, estimate
from passkit._generate import Generator
from passkit._mangle import apply_recipe, mangle
from passkit._messages import LOCALES
from passkit._passphrase import PassphraseGenerator
from passkit._policy import Policy
from passkit._romaji import SYSTEMS, romanize
from passkit._romaji_gen import RomajiGenerator
from passkit.exceptions import PasskitError

__all__ = ["main"]

CRACK_SCENARIOS = (
    "online_throttling_100_per_hour",
    "online_no_throttling_10_per_second",
    "offline_slow_hashing_1e4_per_second",
    "offline_fast_hashing_1e10_per_second",
)
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


def _estimate_record(index: int, result: Estimate) -> dict[str, object]:
    return {
        "line": index,
        "score": result.score,
        "guesses": result.guesses,
        "guesses_log10": result.guesses_log10,
        "crack_times": {
            name: {
                "seconds": getattr(result.crack_times, name).seconds,
                "display": getattr(result.crack_times, name).display,
            }
            for name in CRACK_SCENARIOS
        },
        "feedback": {"warning": result.feedback.warning, "suggestions": list(result.feedback.suggestions)},
        "truncated": result.truncated,
        # Pieces of the password are never printed: only where each match lies and what it is.
        "sequence": [
            {
                "pattern": m.pattern,
                "i": m.i,
                "j": m.j,
                "guesses": m.guesses,
                "dictionary": m.dictionary_name,
                "rank": m.rank,
                "l33t": m.l33t,
                "reversed": m.reversed,
                "last_letter_dropped": m.last_letter_dropped,
            }
            for m in result.sequence
        ],
    }


def _estimate_text(index: int, result: Estimate) -> str:
    times = result.crack_times
    lines = [
        f"line {index}: score {result.score}/4, about 10^{result.guesses_log10:.1f} guesses"
        + (" (first 100 characters analysed)" if result.truncated else ""),
        (
            f"  offline fast hash: {times.offline_fast_hashing_1e10_per_second.display};"
            f" online throttled: {times.online_throttling_100_per_hour.display}"
        ),
    ]
    if result.feedback.warning:
        lines.append(f"  warning: {result.feedback.warning}")
    lines += [f"  suggestion: {s}" for s in result.feedback.suggestions]
    return "\n".join(lines)


def _cmd_estimate(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    index = 0
    for index, password in enumerate(_read_secrets(stdin, "Password (not shown): "), start=1):
        result = estimate(password, user_inputs=args.user_input, locale=args.locale)
        if args.json:
            print(json.dumps(_estimate_record(index, result), ensure_ascii=False), file=stdout)
        else:
            print(_estimate_text(index, result), file=stdout)
    if index == 0:
        print("passkit: error: no password read from stdin (one password per line)", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _cmd_romanize(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    index = 0
    for index, text in enumerate(_read_secrets(stdin, "Kana (not shown): "), start=1):  # noqa: B007
        print(romanize(text, args.system, long_vowels=args.long_vowels), file=stdout)
    if index == 0:
        print("passkit: error: no text read from stdin (one phrase per line)", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _cmd_mangle(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    phrases = list(_read_secrets(stdin, "Phrase, kana or romaji (not shown): "))
    if not phrases:
        print("passkit: error: no phrase read from stdin", file=sys.stderr)
        return EXIT_USAGE
    for phrase in phrases:
        if args.recipe == "example":
            result = apply_recipe(phrase, system=args.system, locale=args.locale)
        else:
            result = mangle(
                phrase,
                system=args.system,
                case=not args.no_case,
                leet=not args.no_leet,
                insert=args.insert,
                digits=args.digits,
                locale=args.locale,
            )
        if args.json:
            record = {
                "password": result.password,
                "entropy_bits": result.entropy_bits,
                "count": str(result.count),
                "score": result.estimate.score,
                "guesses_log10": result.estimate.guesses_log10,
                "phrase_score": result.phrase_estimate.score,
                "phrase_guesses_log10": result.phrase_estimate.guesses_log10,
                "warning": result.warning,
            }
            print(json.dumps(record, ensure_ascii=False), file=stdout)
        else:
            print(result.password, file=stdout)
            summary = (
                f"# ランダムな変形が加えたエントロピー: {result.entropy_bits:.2f} ビット(正確な値)。"
                f"推定強度 {result.estimate.score}/4"
                if args.locale == "ja"
                else f"# {result.entropy_bits:.2f} bits added by random choices (exact);"
                f" estimated score {result.estimate.score}/4"
            )
            print(summary, file=sys.stderr)
            if result.warning:
                print(f"# {result.warning}", file=sys.stderr)
    return EXIT_OK


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
    index = 0
    for index, password in enumerate(_read_secrets(stdin, "Password (not shown): "), start=1):
        result = check(password, policy, user_inputs=args.user_input, previous=previous, locale=args.locale)
        if not result.ok:
            status = EXIT_FAIL
        print(_result_json(index, result) if args.json else _result_text(index, result), file=stdout)
    if index == 0:
        print("passkit: error: no password read from stdin (one password per line)", file=sys.stderr)
        return EXIT_USAGE
    return status


def _audit_source(name: str, stdin: TextIO) -> BinaryIO:
    """The file to audit, opened in binary; ``-`` is stdin (refused when it is a terminal).

    Raises:
        OSError: the file cannot be opened; the message says what to do.
    """
    if name == "-":
        if stdin.isatty():
            raise OSError("audit reads a file, not typed passwords: give its path, or pipe it in with FILE -")
        buffer = getattr(stdin, "buffer", None)
        # A text stream without bytes underneath (only when main() is called with an io.StringIO).
        return buffer if buffer is not None else io.BytesIO(stdin.read().encode("utf-8", "surrogateescape"))
    try:
        return open(name, "rb")  # closed by _cmd_audit
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise OSError(
            f"cannot read {name!r}: {reason}; give the path of a readable password file, or - to read stdin"
        ) from None


def _cmd_audit(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    policy = _policy_from_args(args)
    source = _audit_source(args.file, stdin)
    try:
        summary = audit(source, policy, jobs=args.jobs, progress=sys.stderr)
    except KeyboardInterrupt:
        print("passkit: interrupted; nothing was printed", file=sys.stderr)
        return 130
    finally:
        if args.file != "-":
            source.close()
    if args.json:
        print(json.dumps(summary_json(summary, locale=args.locale), ensure_ascii=False), file=stdout)
    else:
        print(summary_text(summary, locale=args.locale), file=stdout)
    if summary.checked == 0:
        print(
            "passkit: error: no line was checked (the file is empty, or every line is empty, not UTF-8 or too long)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return EXIT_FAIL if summary.failed else EXIT_OK


def _emit_secrets(
    args: argparse.Namespace, stdout: TextIO, kind: str, secrets: list[str], bits: float, **extra: object
) -> int:
    if args.json:
        record = {"kind": kind, "entropy_bits": bits, "secrets": secrets, **extra}
        print(json.dumps(record, ensure_ascii=False), file=stdout)
    else:
        for secret in secrets:
            print(secret, file=stdout)
        details = ", ".join(f"{key} {value}" for key, value in extra.items())
        print(f"# {kind}: {bits:.2f} bits of entropy each (exact; {details})", file=sys.stderr)
    return EXIT_OK


def _cmd_generate(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    del stdin  # generate reads nothing
    if args.passphrase:
        phrases = PassphraseGenerator(
            words=args.words, wordlist=args.wordlist, separator=args.separator, capitalize=args.capitalize
        )
        return _emit_secrets(
            args, stdout, "passphrase", phrases.generate_many(args.count), phrases.entropy_bits, words=args.words
        )
    if args.pin is not None:
        pins = PinGenerator(args.pin, exclude_patterns=args.exclude_patterns)
        return _emit_secrets(args, stdout, "pin", pins.generate_many(args.count), pins.entropy_bits, length=args.pin)
    if args.recovery_codes is not None:
        codes = RecoveryCodeGenerator()
        return _emit_secrets(
            args,
            stdout,
            "recovery-code",
            codes.generate_many(args.recovery_codes),
            codes.entropy_bits,
            format="XXXX-XXXX-XXXX",
        )
    if args.romaji is not None:
        romaji = RomajiGenerator(args.romaji)
        return _emit_secrets(
            args, stdout, "romaji", romaji.generate_many(args.count), romaji.entropy_bits, morae=args.romaji
        )
    policy: Policy | str | None = None
    if args.rules is not None:
        policy = Policy.from_rules(args.rules)
    elif args.policy is not None:
        policy = policies.get(args.policy)
    generator = Generator(
        policy,
        length=args.length,
        symbols=args.symbols,
        exclude=args.exclude or "",
        exclude_lookalikes=args.no_lookalikes,
    )
    return _emit_secrets(
        args,
        stdout,
        "password",
        generator.generate_many(args.count),
        generator.entropy_bits,
        length=generator.length,
        alphabet_size=len(generator.alphabet),
    )


def _whole_number(text: str, most: int) -> int:
    """``text`` as a whole number from 1 to ``most``, or argparse's error saying what is allowed."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= most:
        raise argparse.ArgumentTypeError(f"must be from 1 to {most:,}")
    return value


def _add_policy_options(parser: argparse.ArgumentParser) -> None:
    """``--policy NAME`` (default ``amazon``) or ``--rules TEXT``, one or the other (check, audit)."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--policy",
        default="amazon",
        type=str.lower,
        choices=policies.names(),
        metavar="NAME",
        help=f"preset policy: {', '.join(policies.names())} (default: amazon)",
    )
    source.add_argument("--rules", metavar="TEXT", help="policy as Password Rules text, e.g. 'minlength: 12;'")


MAX_JOBS = 256


def _jobs(text: str) -> int:
    """An argparse type: worker processes for ``audit``, 1 to MAX_JOBS."""
    return _whole_number(text, MAX_JOBS)


def _add_audit_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "audit",
        help="check and estimate every line of a password file; print a summary (counts only)",
        description=(
            "Check every line of a password file (a breach corpus, an export to review) against a"
            " policy and estimate its strength, on all cores, streaming (memory stays flat). Prints a"
            " summary: lines checked and skipped, failures by violation code, the score histogram and"
            " the most common weaknesses; never a password. Empty lines, lines that are not UTF-8 and"
            " lines over 1 MiB are counted and skipped. A progress line goes to stderr when it is a"
            " terminal."
        ),
        epilog="Exit codes: 0 no line fails, 1 some line fails, 2 usage error (including no line checked).",
    )
    parser.add_argument("file", metavar="FILE", help="the password file, one per line; - reads stdin")
    _add_policy_options(parser)
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    parser.add_argument("--locale", choices=LOCALES, default="en", help="language of the warnings (default: en)")
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes (default: all cores); 1 audits in this process",
    )
    parser.set_defaults(handler=_cmd_audit)


MAX_COUNT = 1_000_000


def _count(text: str) -> int:
    """An argparse type: how many secrets, 1 to MAX_COUNT (more would only exhaust memory)."""
    return _whole_number(text, MAX_COUNT)


def _add_generate_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "generate",
        help="generate passwords (exactly uniform under a policy) with their exact entropy",
        description=(
            "Generate secrets with the OS CSPRNG. Passwords are drawn exactly uniformly from what the"
            " policy accepts. Secrets go to stdout, one per line; the exact entropy goes to stderr"
            " (or into the JSON object with --json)."
        ),
        epilog="Exit codes: 0 success, 2 usage error or impossible policy.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--policy", type=str.lower, choices=policies.names(), metavar="NAME", help="preset policy to satisfy"
    )
    source.add_argument("--rules", metavar="TEXT", help="policy as Password Rules text")
    parser.add_argument("--length", type=int, help="password length (default: 16 or more, at least 80 bits)")
    parser.add_argument("--count", type=_count, default=1, help="how many secrets, 1 to 1,000,000 (default: 1)")
    parser.add_argument("--symbols", metavar="CHARS", help="symbols to use instead of all ASCII symbols")
    parser.add_argument("--exclude", metavar="CHARS", help="characters never to use")
    parser.add_argument("--no-lookalikes", action="store_true", help="drop look-alikes: 0 O o 1 l I | 5 S 2 Z 8 B")
    kinds = parser.add_argument_group("other kinds of secret (instead of a password)")
    kind = kinds.add_mutually_exclusive_group()
    kind.add_argument("--passphrase", action="store_true", help="words from a shipped list (EFF large by default)")
    kind.add_argument("--pin", type=int, metavar="N", help="an N-digit PIN")
    kind.add_argument(
        "--recovery-codes",
        type=_count,
        metavar="N",
        help="N distinct recovery codes XXXX-XXXX-XXXX (at most 1,000,000)",
    )
    kind.add_argument("--romaji", type=int, metavar="MORAE", help="a memorable romaji password of MORAE morae")
    kinds.add_argument("--words", type=int, default=6, help="passphrase: number of words (default: 6)")
    kinds.add_argument(
        "--wordlist",
        default="eff-large",
        choices=("eff-large", "eff-short-1", "eff-short-2"),
        help="passphrase: word list (default: eff-large)",
    )
    kinds.add_argument("--separator", default="-", help="passphrase: separator (default: -)")
    kinds.add_argument(
        "--capitalize",
        default="none",
        choices=("none", "first", "upper", "random"),
        help="passphrase: capitalisation (default: none)",
    )
    kinds.add_argument("--exclude-patterns", action="store_true", help="pin: leave out repeats, runs and dates")
    parser.add_argument("--json", action="store_true", help="print one JSON object with the secrets and entropy")
    parser.set_defaults(handler=_cmd_generate)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for the ``passkit`` command."""
    parser = argparse.ArgumentParser(
        prog="passkit",
        description=(
            "Password policy checking, generation and strength estimation, in English and Japanese."
            " Passwords to check are read from stdin (one per line) or a no-echo prompt, never from"
            " the command line."
        ),
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
    _add_policy_options(check_parser)
    check_parser.add_argument("--json", action="store_true", help="print one JSON object per password (JSON Lines)")
    check_parser.add_argument("--locale", choices=LOCALES, default="en", help="language of the messages (default: en)")
    check_parser.add_argument(
        "--user-input",
        action="append",
        default=[],
        metavar="TEXT",
        help=(
            "the user's name, email, phone or birthday (repeatable); used by policies that forbid context."
            " Not a secret, but visible to other local users in the process list"
        ),
    )
    check_parser.add_argument(
        "--previous-file",
        metavar="PATH",
        help="file of previous passwords, one per line; used by policies that forbid previous",
    )
    check_parser.set_defaults(handler=_cmd_check)
    _add_generate_parser(commands)
    estimate_parser = commands.add_parser(
        "estimate",
        help="estimate the strength of passwords (zxcvbn's model, safe and bounded)",
        description=(
            "Estimate each password read from stdin (one per line), or typed at a no-echo prompt:"
            " score 0-4, guesses, crack times and feedback. Never prints the password or parts of it."
        ),
        epilog="Exit codes: 0 success, 2 usage error (including empty stdin).",
    )
    estimate_parser.add_argument("--json", action="store_true", help="print one JSON object per password (JSON Lines)")
    estimate_parser.add_argument(
        "--locale", choices=LOCALES, default="en", help="language of the feedback (default: en)"
    )
    estimate_parser.add_argument(
        "--user-input", action="append", default=[], metavar="TEXT", help="the user's own words (repeatable)"
    )
    estimate_parser.set_defaults(handler=_cmd_estimate)
    romanize_parser = commands.add_parser(
        "romanize",
        help="kana to romaji (Hepburn, Kunrei, Nihon-shiki, passport)",
        description=(
            "Romanise each line read from stdin, or a phrase typed at a no-echo prompt (phrases may be"
            " secrets). Kanji are refused: give their reading in kana."
        ),
        epilog="Exit codes: 0 success, 2 usage error (kanji, empty stdin, input that is not UTF-8).",
    )
    romanize_parser.add_argument("--system", choices=SYSTEMS, default="hepburn", help="default: hepburn")
    romanize_parser.add_argument(
        "--long-vowels", choices=("keep", "omit"), default="keep", help="keep (ou, aa) or omit long vowels"
    )
    romanize_parser.set_defaults(handler=_cmd_romanize)
    mangle_parser = commands.add_parser(
        "mangle",
        help="turn a Japanese (kana or romaji) phrase into a password, honestly scored",
        description=(
            "Read a phrase from stdin or a no-echo prompt, romanise it, and mangle it with random"
            " changes (or the documented example recipe). Prints the password on stdout and, on"
            " stderr, the exact entropy the random changes added and a warning when the phrase is"
            " weak: the estimate, not the look of the string, is what counts."
        ),
        epilog="Exit codes: 0 success, 2 usage error (kanji, empty stdin, bad options).",
    )
    mangle_parser.add_argument("--system", choices=SYSTEMS, default="hepburn", help="romanisation (default: hepburn)")
    mangle_parser.add_argument("--recipe", choices=("example",), help="apply the fixed example recipe instead")
    mangle_parser.add_argument("--no-case", action="store_true", help="no random case changes")
    mangle_parser.add_argument("--no-leet", action="store_true", help="no random look-alike substitutions")
    mangle_parser.add_argument("--insert", type=int, default=1, help="random characters to insert (default: 1)")
    mangle_parser.add_argument("--digits", type=int, default=2, help="random digits to append (default: 2)")
    mangle_parser.add_argument("--locale", choices=LOCALES, default="en", help="language of the warning")
    mangle_parser.add_argument("--json", action="store_true", help="print one JSON object per phrase")
    mangle_parser.set_defaults(handler=_cmd_mangle)
    _add_audit_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if stdin is None:
        stdin = sys.stdin
        if isinstance(stdin, io.TextIOWrapper):
            # Under a C or POSIX locale Python decodes stdin with surrogateescape, which would pass
            # undecodable bytes on as lone surrogates; insist on UTF-8 so they become a usage error.
            stdin.reconfigure(encoding="utf-8", errors="strict")
    try:
        status: int = args.handler(args, stdin, stdout or sys.stdout)
    except UnicodeDecodeError:
        # The error's own text would quote the undecodable bytes of a password: say less.
        print("passkit: error: input is not UTF-8; convert it first (for example with iconv -t UTF-8)", file=sys.stderr)
        return EXIT_USAGE
    except (PasskitError, OSError) as error:
        print(f"passkit: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return status
