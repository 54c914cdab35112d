"""The import preview: each row of the file as the account it would become, with its
problems (missing kecamatan, unknown platform, invalid e-mail, duplicates, ...).

Problem codes (``Problem.code``; the GUI translates them), by field:

* kecamatan: ``kecamatan_missing`` (W), ``kecamatan_unknown`` (E), ``kecamatan_new`` (I, will
  be created), ``kecamatan_retired`` (E), ``kecamatan_filled_down`` (I, from the row or
  section heading above)
* platform: ``platform_missing`` (E), ``platform_unknown`` (E), ``platform_guessed`` (I, from
  the link, the account value, the title or the default)
* handle: ``handle_missing`` (E), the normaliser's ``handle_*``/``url_*``/``email_*``/
  ``phone_*`` codes (E), ``handle_from_url`` (I), ``url_mismatch`` (W, the link is kept in
  the notes)
* password: ``password_missing`` (W), ``password_was_number`` (W), ``password_was_boolean``
  (W), ``password_was_date`` (W, left out: the text was lost), ``password_edge_whitespace``
  (I, kept as is)
* recovery_email: ``email_invalid`` (W, kept in the notes); recovery_phone:
  ``phone_repaired`` (I), ``phone_rounded`` (W), ``phone_invalid`` (W, kept in the notes)
* totp: ``totp_invalid`` (W, kept in the notes); active_from/active_until: ``date_invalid``
  (W), ``active_period_invalid`` (W, both left out)
* any field: ``formula_no_value`` (W, the file never saved the formula's result)
* holder: ``holder_in_notes`` (I)
* row: ``duplicate_existing`` (W, ``duplicate_of``), ``duplicate_in_file`` (W,
  ``duplicate_in_file``)
"""

from __future__ import annotations

from dataclasses import dataclass

from brankas.core.importers._rows import RowBuilder
from brankas.core.importers.model import ROW_FIELD, ImportOptions, ImportRow, Problem
from brankas.core.importers.prepared import Prepared
from brankas.core.importers.vaultview import VaultView

__all__ = ["ROW_FIELD", "ImportOptions", "ImportRow", "Preview", "Problem", "build_preview"]


@dataclass(frozen=True, slots=True)
class Preview:
    """The preview of a file (or of its first page).

    ``complete`` is True when ``rows`` covers every row of a completely read file: only a
    complete preview can be imported. ``ignored_rows`` counts rows with no account in
    them (section headings, totals, signatures). ``unknown_platforms`` and
    ``unknown_kecamatan`` list the distinct texts the wizard can map.
    """

    prepared: Prepared
    view: VaultView
    options: ImportOptions
    rows: tuple[ImportRow, ...]
    complete: bool
    ignored_rows: int = 0
    unknown_platforms: tuple[str, ...] = ()
    unknown_kecamatan: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        """Rows that can be imported, that are blocked by errors, that are duplicates."""
        blocked = sum(1 for r in self.rows if r.blocked)
        duplicates = sum(1 for r in self.rows if r.is_duplicate and not r.blocked)
        return {
            "rows": len(self.rows),
            "ready": len(self.rows) - blocked - duplicates,
            "blocked": blocked,
            "duplicates": duplicates,
            "ignored": self.ignored_rows,
        }

    def page(self, start: int, size: int) -> tuple[ImportRow, ...]:
        """Rows ``start`` to ``start + size`` (for the wizard's table)."""
        return self.rows[start : start + size]


def build_preview(
    prepared: Prepared,
    view: VaultView,
    options: ImportOptions | None = None,
    *,
    limit: int | None = None,
) -> Preview:
    """Turn every data row into an :class:`ImportRow` with its problems.

    Args:
        prepared: the file, its header and mapping.
        view: the vault snapshot (see ``vaultview.load_vault_view``).
        options: the wizard's choices.
        limit: stop after this many rows (the first page); the preview is then not complete.

    Returns:
        The preview. Nothing is written.
    """
    opts = options or ImportOptions()
    builder = RowBuilder(prepared, view, opts)
    table = prepared.table
    rows: list[ImportRow] = []
    start = prepared.header.first_data_row
    complete = table.complete
    for position in range(start, len(table.rows)):
        if limit is not None and len(rows) >= limit:
            complete = False
            break
        built = builder.build(len(rows), table.rows[position], table.row_numbers[position])
        if built is not None:
            rows.append(built)
    return Preview(
        prepared=prepared,
        view=view,
        options=opts,
        rows=tuple(rows),
        complete=complete,
        ignored_rows=builder.ignored,
        unknown_platforms=tuple(builder.unknown_platforms),
        unknown_kecamatan=tuple(builder.unknown_kecamatan),
    )
