"""Offline model building for analysis/ (not imported by the service at run time)."""
