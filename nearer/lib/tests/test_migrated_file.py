"""The migrated SQLite file that process tests start from (root conftest) is the test database,
copied; it must hold exactly what `migrate` and `createcachetable` make in a real file."""

import contextlib
import sqlite3

import pytest

from conftest import _test_database_is_a_migrated_file


def contents(path) -> dict:
    """Every schema entry and every table's rows, each datetime only as set or not: when a
    row was written (a migration applied, a data migration's row made) differs by file."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        schema = db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        rows = {}
        for table in (name for kind, name, _, _ in schema if kind == "table"):
            columns = [
                f'"{column}" IS NULL' if kind.lower() == "datetime" else f'"{column}"'
                for _, column, kind, *_ in db.execute(f'PRAGMA table_info("{table}")')
            ]
            select = f'SELECT {", ".join(columns)} FROM "{table}"'  # noqa: S608
            rows[table] = sorted(db.execute(select).fetchall(), key=repr)
    return {"schema": schema, "rows": rows}


@pytest.mark.skipif(
    not _test_database_is_a_migrated_file(),
    reason="only a SQLite test database with the database cache is copied to a file",
)
@pytest.mark.django_db  # so that the test database is made, and copied, even if run alone
def test_the_copied_test_database_equals_a_freshly_migrated_file(
    migrated_sqlite_file, freshly_migrated_sqlite_file
):
    assert migrated_sqlite_file != freshly_migrated_sqlite_file, "the copy, not the fallback"
    copied, migrated = contents(migrated_sqlite_file), contents(freshly_migrated_sqlite_file)
    assert copied["schema"] == migrated["schema"]
    assert copied["rows"]["django_migrations"] == migrated["rows"]["django_migrations"]
    assert copied["rows"] == migrated["rows"]
    assert migrated["rows"]["django_migrations"], "the file was migrated"
    assert migrated["rows"]["program_step"], "with the data migrations' rows"
