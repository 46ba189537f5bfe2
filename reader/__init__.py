"""Broadsheet: a desktop reader for archives of OCR'd newspapers."""

__version__ = "0.1.0"
