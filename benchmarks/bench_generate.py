"""Generation speed: passkit side by side with the usual one-liners and xkcdpass, in one run.

Usage: python benchmarks/bench_generate.py [--n N]

Measures, per secret:
- a 16-character password over the 94 printable ASCII characters (no space) with upper, lower,
  digit and symbol all required, from passkit.Generator.generate_many (exactly uniform over the
  passwords that have all four classes);
- ''.join(secrets.choice(alphabet) for _ in range(16)), which does not even enforce the classes;
- one os.urandom(16) call (a floor: raw bytes, no mapping at all);
- six words from the EFF large list: passkit.PassphraseGenerator.generate_many against
  xkcdpass's generate_xkcdpassword with the same list (xkcdpass 1.30.0 ships it).

Prints microseconds per secret (best of several repeats) and the ratios the issue targets.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import string
import time
from collections.abc import Callable

import passkit

ALPHABET = string.ascii_letters + string.digits + string.punctuation  # 94 characters


def best_per_item(fn: Callable[[], object], items: int, repeats: int) -> float:
    """Best wall time per item over ``repeats`` runs of ``fn`` (which produces ``items`` items)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best / items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="secrets per timed run (default 100000)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    n, repeats = args.n, args.repeats

    generator = passkit.Generator(length=16)
    generator.generate_many(100)  # warm up: word lists and tables
    print(f"python {platform.python_version()}, passkit {passkit.__version__}, n={n}, best of {repeats}")
    print(
        f"passkit Generator(length=16): alphabet {len(generator.alphabet)}, entropy {generator.entropy_bits:.2f} bits"
    )

    t_passkit = best_per_item(lambda: generator.generate_many(n), n, repeats)
    t_choice = best_per_item(
        lambda: ["".join(secrets.choice(ALPHABET) for _ in range(16)) for _ in range(n)], n, repeats
    )
    t_urandom = best_per_item(lambda: [os.urandom(16) for _ in range(n)], n, repeats)
    t_single = best_per_item(lambda: [generator.generate() for _ in range(n // 10)], n // 10, repeats)

    print()
    print(f"{'16-char password, 4 classes required':<48}{'us/secret':>10}")
    print(f"{'passkit Generator.generate_many':<48}{t_passkit * 1e6:>10.3f}")
    print(f"{'passkit Generator.generate (one at a time)':<48}{t_single * 1e6:>10.3f}")
    print(f"{'secrets.choice x16 (classes not enforced)':<48}{t_choice * 1e6:>10.3f}")
    print(f"{'os.urandom(16) (raw bytes)':<48}{t_urandom * 1e6:>10.3f}")
    print(f"ratio secrets.choice / passkit generate_many: {t_choice / t_passkit:.1f}x faster (target >= 10x)")
    print(f"ratio passkit generate_many / os.urandom(16): {t_passkit / t_urandom:.2f}x the cost (target <= 3x)")

    passphrase_cls = getattr(passkit, "PassphraseGenerator", None)
    try:
        from xkcdpass import xkcd_password  # noqa: PLC0415 (optional bench dependency)
    except ImportError:
        print("\nxkcdpass not installed (pip install -e '.[bench]'): passphrase comparison skipped")
        return
    if passphrase_cls is None:
        print("\npasskit.PassphraseGenerator not available yet: passphrase comparison skipped")
        return
    phrases = passphrase_cls(words=6, wordlist="eff-large", separator=" ")
    phrases.generate_many(10)
    words = xkcd_password.generate_wordlist(
        wordfile=xkcd_password.locate_wordfile("eff-long"), min_length=1, max_length=99
    )
    m = max(1, n // 10)
    t_phrase = best_per_item(lambda: phrases.generate_many(m), m, repeats)
    t_xkcd = best_per_item(
        lambda: [xkcd_password.generate_xkcdpassword(words, numwords=6) for _ in range(m)], m, repeats
    )
    print()
    print(f"{'6 EFF large words':<48}{'us/secret':>10}")
    print(f"{'passkit PassphraseGenerator.generate_many':<48}{t_phrase * 1e6:>10.3f}")
    print(f"{'xkcdpass generate_xkcdpassword':<48}{t_xkcd * 1e6:>10.3f}")
    print(f"ratio xkcdpass / passkit: {t_xkcd / t_phrase:.1f}x faster (target > 1x)")
    print(f"passkit passphrase entropy: {phrases.entropy_bits:.2f} bits ({len(words)} words in xkcdpass's list)")


if __name__ == "__main__":
    main()
