"""The document model (documents, pages, blocks, lines, articles and their parts) and the typed errors
every room raises. No behaviour beyond the data's own invariants; everything else imports it.
"""
