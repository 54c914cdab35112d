"""Repositories: functions that map vault rows to domain records, one module per aggregate."""
