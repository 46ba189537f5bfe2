"""The full-text index behind a small interface (add, delete, candidates for a term): Whoosh with
Broadsheet's own posting writer quarantined in one module.
"""
