"""Dialogs: messages, operators, recovery kit, about."""
