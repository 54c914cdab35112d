"""The review archive: signed, encrypted export of a vault for the province (.brankas)."""
