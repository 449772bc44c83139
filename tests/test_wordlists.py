"""The shipped word lists match their provenance table in ``wordlists/SOURCES.md``."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

WORDLISTS = Path(__file__).resolve().parents[1] / "wordlists"
SOURCES = WORDLISTS / "SOURCES.md"
NOT_LISTS = {"SOURCES.md", "rebuild.py"}


def _table() -> list[dict[str, str]]:
    """The rows of the provenance table, keyed by the header's column names."""
    rows = [line.strip() for line in SOURCES.read_text(encoding="utf-8").splitlines() if line.strip().startswith("|")]
    header = [cell.strip().lower() for cell in rows[0].strip("|").split("|")]
    table = []
    for row in rows[1:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if all(set(cell) <= set("-: ") for cell in cells):
            continue  # the |---|---| separator line
        table.append(dict(zip(header, cells, strict=True)))
    return table


def _unquote(cell: str) -> str:
    return cell.strip().strip("`")


ROWS = _table()


class TestSources:
    """``wordlists/SOURCES.md`` describes every shipped list."""

    def test_table_has_the_documented_columns(self) -> None:
        """The table has file, source, licence, entries and SHA-256 columns."""
        assert ROWS
        for column in ("file", "licence", "entries", "sha-256"):
            assert column in ROWS[0]
        assert any(column.startswith("source") for column in ROWS[0])

    def test_every_list_is_described(self) -> None:
        """Every file in ``wordlists/`` (but the table and the rebuild script) has a row, and no row is stale."""
        shipped = {path.name for path in WORDLISTS.iterdir() if path.is_file() and path.name not in NOT_LISTS}
        assert shipped == {_unquote(row["file"]) for row in ROWS}

    @pytest.mark.parametrize("row", ROWS, ids=lambda row: _unquote(row["file"]))
    def test_sha256(self, row: dict[str, str]) -> None:
        """The file's SHA-256 is the one in the table."""
        data = (WORDLISTS / _unquote(row["file"])).read_bytes()
        assert _unquote(row["sha-256"]) == hashlib.sha256(data).hexdigest()

    @pytest.mark.parametrize("row", ROWS, ids=lambda row: _unquote(row["file"]))
    def test_entry_count(self, row: dict[str, str]) -> None:
        """The file holds as many entries (non-blank lines) as the table says."""
        text = (WORDLISTS / _unquote(row["file"])).read_text(encoding="utf-8")
        entries = [line for line in text.splitlines() if line.strip()]
        assert int(re.sub(r"[,_ ]", "", row["entries"])) == len(entries)

    @pytest.mark.parametrize("row", ROWS, ids=lambda row: _unquote(row["file"]))
    def test_pinned_source_and_licence(self, row: dict[str, str]) -> None:
        """Each list names a pinned registry package version and a licence."""
        source = next(value for column, value in row.items() if column.startswith("source"))
        assert re.search(r"==|@\d", source), f"source {source!r} is not pinned to a version"
        assert row["licence"]

    @pytest.mark.parametrize("row", ROWS, ids=lambda row: _unquote(row["file"]))
    def test_clean_entries(self, row: dict[str, str]) -> None:
        """Entries are UTF-8 lines without surrounding whitespace or duplicates."""
        lines = (WORDLISTS / _unquote(row["file"])).read_text(encoding="utf-8").splitlines()
        entries = [line for line in lines if line.strip()]
        assert [] == [line for line in entries if line != line.strip()]
        assert len(entries) == len(set(entries))


class TestCommonPasswords:
    """Facts the checking code and its docs rely on."""

    def test_size_and_order(self) -> None:
        """19,640 entries, most common first, lower-cased as the table says."""
        entries = (WORDLISTS / "common-passwords.txt").read_text(encoding="utf-8").splitlines()
        assert 19_640 == len(entries)
        assert ["123456", "123456789", "qwerty", "password"] == entries[:4]
        assert [] == [entry for entry in entries if entry != entry.lower()]

    def test_covers_the_owasp_top_3000(self) -> None:
        """The list is at least as long as OWASP ASVS's top 3,000 asks."""
        assert len((WORDLISTS / "common-passwords.txt").read_text(encoding="utf-8").splitlines()) >= 3000
