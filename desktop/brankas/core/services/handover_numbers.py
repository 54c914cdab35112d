"""BAST numbers for handovers: the office's pattern and a sequence per year.

The pattern is the vault setting ``handover.number_pattern`` (default
:data:`brankas.core.domain.numbering.DEFAULT_PATTERN`); the office code comes from the
office profile, and a handover is not numbered until it is set. The last sequence number
of each year is the setting ``handover.number_seq.<year>``; a generated number that is
already taken (typed by hand earlier) is skipped. A number typed by hand does not use the
sequence but must be unique.
"""

from __future__ import annotations

from datetime import date

from brankas.core.audit import AuditKind
from brankas.core.domain import numbering
from brankas.core.errors import DomainConflict
from brankas.core.services.context import ServiceContext
from brankas.core.storage.db import Connection
from brankas.core.storage.repos import office as office_repo
from brankas.core.storage.repos import settings as settings_repo

NUMBER_PATTERN_SETTING = "handover.number_pattern"
_SEQ_SETTING = "handover.number_seq.{year}"


def number_pattern(ctx: ServiceContext) -> str:
    """The BAST numbering pattern (default :data:`numbering.DEFAULT_PATTERN`)."""
    value = settings_repo.get_setting(ctx.conn, NUMBER_PATTERN_SETTING)
    return value if isinstance(value, str) and value else numbering.DEFAULT_PATTERN


def set_number_pattern(ctx: ServiceContext, pattern: str) -> str:
    """Change the BAST numbering pattern (admin only); see numbering.validate_pattern.

    Returns:
        The pattern as stored.

    Raises:
        PermissionDenied: not an admin.
        InvalidValue: field ``pattern``, the ``pattern_*`` codes.
    """
    ctx.require_admin()
    clean = numbering.validate_pattern(pattern)
    with ctx.tx() as conn:
        settings_repo.set_setting(conn, NUMBER_PATTERN_SETTING, clean)
        ctx.audit(AuditKind.CHANGE, "settings", {NUMBER_PATTERN_SETTING: clean})
    return clean


class Numbers:
    """Hands out numbers within one transaction (the handover service's batch): the year's
    sequence, skipping used numbers; :meth:`save` stores the sequence reached."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.pattern = number_pattern(ctx)
        self.office_code = office_repo.own_office(ctx.conn).code
        self.seq: dict[int, int] = {}
        self.taken: set[str] = set()

    def used(self, number: str) -> bool:
        """Whether a handover (or this batch) already has that number."""
        row = self.ctx.conn.execute("SELECT 1 FROM handover WHERE number = ?", (number,)).fetchone()
        return row is not None or number in self.taken

    def next(self, on: date) -> str:
        """The next free number of the sequence of ``on``'s year.

        Raises:
            InvalidValue: no office code (``office_code_empty``) or a bad pattern.
        """
        seq = self.seq.get(on.year)
        if seq is None:
            stored = settings_repo.get_setting(self.ctx.conn, _SEQ_SETTING.format(year=on.year), 0)
            seq = int(stored) if isinstance(stored, int) else 0
        while True:
            seq += 1
            number = numbering.format_number(self.pattern, seq, self.office_code, on)
            if not self.used(number):
                break
        self.seq[on.year] = seq
        self.taken.add(number)
        return number

    def claim(self, number: str) -> str:
        """Take a number typed by hand.

        Raises:
            DomainConflict: field ``number``, code ``bast_number_used``.
        """
        if self.used(number):
            raise DomainConflict(
                "that BAST number is already used", field="number", code="bast_number_used"
            )
        self.taken.add(number)
        return number

    def save(self, conn: Connection) -> None:
        """Store the sequence reached in each year (inside the batch's transaction)."""
        for year, seq in self.seq.items():
            settings_repo.set_setting(conn, _SEQ_SETTING.format(year=year), seq)


def next_number(ctx: ServiceContext, on: date) -> str:
    """The number the next handover dated ``on`` would get (not reserved).

    Raises:
        InvalidValue: the office has no code yet (field ``office_code``, code
            ``office_code_empty``) or the pattern is not valid.
    """
    return Numbers(ctx).next(on)
