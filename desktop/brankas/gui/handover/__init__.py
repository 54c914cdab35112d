"""Handover and term end: the handover wizard, signed scans, the rotation queue, checklists."""
