"""Corrections a researcher makes to what the import produced (OCR text, headlines, splits, merges,
roles), stored apart from the sources and applied as one overlay.
"""
