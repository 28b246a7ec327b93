"""Pydantic models: the in-memory types of every file format."""
