"""Reusable widgets: password fields, strength meter, recovery kit display and entry."""
