"""The read side of the domain: snapshot, term-end status, completeness matrix, review rules, search."""
