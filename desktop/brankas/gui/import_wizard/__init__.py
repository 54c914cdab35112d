"""The import wizard: term, file, column mapping, preview with problems, dry run, import."""
