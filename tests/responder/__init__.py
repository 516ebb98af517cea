"""Tests for the responder package."""
