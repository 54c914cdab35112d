"""The review archive in the GUI: export dialog and key settings (regency), import and review (province)."""
