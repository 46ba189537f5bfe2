"""Export of articles: TEI, plain text and Markdown, CSV and citations (BibTeX, CSL-JSON),
always of the corrected articles the reader sees.
"""
