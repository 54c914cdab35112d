"""The one service API the GUI and the CLI call for domain work (over an open vault)."""
