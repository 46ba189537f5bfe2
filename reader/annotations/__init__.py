"""The researcher's own work on articles: highlights, notes, tags and collections, anchored on text so
they survive re-imports, with backups.
"""
