"""Identifiers the readers give blocks and lines: the source's own, made unique within a document."""

from __future__ import annotations


def unique_id(ident: str, used: set[str]) -> str:
    """``ident``, or ``ident.2``, ``ident.3`` … when a source repeats an id; records the one given."""
    if ident not in used:
        used.add(ident)
        return ident
    n = 2
    while f"{ident}.{n}" in used:
        n += 1
    used.add(f"{ident}.{n}")
    return f"{ident}.{n}"
