"""Numbered schema migrations on ``PRAGMA user_version``, each in its own transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import sqlcipher3.dbapi2 as sqlcipher

from brankas.core.errors import DatabaseCorrupt, SchemaTooNew
from brankas.core.storage.db import Connection, SqlError, transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: ``apply`` takes the database from ``version - 1`` to ``version``.

    ``rebuilds_tables``: the step recreates tables (SQLite's way to change a column or a
    CHECK), so foreign keys are switched off around it and checked before commit.
    ``frees_space``: the step leaves much of the file free (a table rebuilt smaller);
    the database is compacted (``VACUUM``) once the upgrade is done.
    """

    version: int
    description: str
    apply: Callable[[Connection], None]
    rebuilds_tables: bool = False
    frees_space: bool = False


def sql_statements(script: str) -> Iterator[str]:
    """Split a SQL script into complete statements (trigger bodies stay whole).

    ``executescript`` is not used because it commits any open transaction first, which
    would break "one step, one transaction".
    """
    buffer: list[str] = []
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer.append(line)
        statement = "".join(buffer)
        if sqlcipher.complete_statement(statement):
            yield statement.strip()
            buffer.clear()
    rest = "".join(buffer).strip()
    if rest:
        raise ValueError("SQL script ends with an incomplete statement")


def _run_resource(name: str) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        script = resources.files("brankas.core.storage").joinpath(name).read_text("utf-8")
        for statement in sql_statements(script):
            conn.execute(statement)

    return apply


def _archive_keys(conn: Connection) -> None:
    """Version 2: the review-archive tables, and this vault's own keys.

    The keys are made here, so that an existing vault gets them when it is upgraded and a
    new vault when it is created (creation runs every step from 0). The code is frozen
    with the step: it must keep making exactly these rows.
    """
    # Imported here: every unlock imports this module, only creation and upgrades run the
    # step, and these pull in ~4 MiB (system OpenSSL through hashlib, age) for nothing.
    import secrets

    import pyrage
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
    )
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        PublicFormat,
    )

    _run_resource("schema_v2.sql")(conn)
    seed = secrets.token_bytes(32)
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key()
    identity = pyrage.x25519.Identity.generate()
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    conn.execute(
        "INSERT INTO archive_signing_key (id, key_id, seed, public_key, created_at)"
        " VALUES (1, ?, ?, ?, ?)",
        (
            secrets.token_bytes(8),
            seed,
            public.public_bytes(Encoding.Raw, PublicFormat.Raw),
            now,
        ),
    )
    conn.execute(
        "INSERT INTO archive_identity (id, identity, recipient, created_at) VALUES (1, ?, ?, ?)",
        (str(identity), str(identity.to_public()), now),
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _run_resource("schema_v1.sql")),
    Migration(2, "review archive: keys, province recipient, exports, pins, imports", _archive_keys),
    Migration(
        3,
        "checklist step texts stored once (checklist_text, checklist_item.text_ref)",
        _run_resource("schema_v3.sql"),
        rebuilds_tables=True,
        frees_space=True,
    ),
)
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    """The schema version stored in the database (0 for a new, empty database)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def migrate(
    conn: Connection,
    *,
    before_upgrade: Callable[[int, int], None],
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> int:
    """Bring the schema up to date.

    Args:
        conn: an open vault connection (not inside a transaction).
        before_upgrade: called as ``before_upgrade(current, target)`` before anything
            changes, and only when there is something to do (current < target); the
            vault makes its backup there (it may skip it when current is 0, a new vault).
            If it raises, nothing is changed.
        migrations: the steps (tests pass their own; the app uses the default).

    Returns:
        The schema version after migrating.

    Raises:
        SchemaTooNew: the database was written by a newer Brankas; nothing is changed.
        DatabaseCorrupt: the version is negative (not a Brankas vault).
        DiskFull, VaultReadOnly: a step failed; the database stays at the last completed
            step (each step is atomic).
    """
    _check_sequence(migrations)
    target = migrations[-1].version if migrations else 0
    current = current_version(conn)
    if current < 0:
        raise DatabaseCorrupt(f"schema version {current} is not valid")
    if current > target:
        raise SchemaTooNew(
            f"the vault has schema version {current}; this Brankas knows up to {target}"
        )
    if current == target:
        return current
    before_upgrade(current, target)
    compact = False
    for step in migrations:
        if step.version <= current:
            continue
        log.info("migrating vault schema %d -> %d: %s", current, step.version, step.description)
        _apply(conn, step)
        compact = compact or (step.frees_space and current > 0)  # a new vault has no rows
        current = step.version
    if compact:
        _compact(conn)
    return current


def _compact(conn: Connection) -> None:
    """VACUUM: give the pages a step freed back, so that every integrity check, backup
    and export reads a smaller file. Best effort: the upgrade is complete without it
    (VACUUM needs room for a second copy; without it the file just stays larger)."""
    try:
        conn.execute("VACUUM")
    except SqlError as exc:
        log.warning("could not compact the vault after upgrading it: %s", type(exc).__name__)


def _apply(conn: Connection, step: Migration) -> None:
    if step.rebuilds_tables:
        # foreign_keys cannot change inside a transaction, so it is switched here.
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with transaction(conn):
            step.apply(conn)
            if step.rebuilds_tables:
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseCorrupt(
                        f"migration {step.version} broke {len(broken)} foreign keys"
                    )
            # user_version lives in the header page: it commits (or rolls back) with the step.
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
    finally:
        if step.rebuilds_tables:
            conn.execute("PRAGMA foreign_keys = ON")


def _check_sequence(migrations: tuple[Migration, ...]) -> None:
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migrations must be numbered 1..n in order, got {versions}")
