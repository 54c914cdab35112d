"""The first-run wizard."""
