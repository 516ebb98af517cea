"""Database schema and access, the task outbox and the queue connection."""
