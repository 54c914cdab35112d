"""The PySide6 desktop front end; the only place QtWidgets appears."""
