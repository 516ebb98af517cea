"""Routing, deadlines, alerts and digests: who must act, by when, and who is told."""
