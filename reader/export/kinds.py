"""What can be exported and cited: the names the command line and the export dialog offer.

Kept apart from the exporters so that building the command line's parser loads nothing else.
"""

from __future__ import annotations

#: Export formats, and the suffix of each one's file.
FORMATS = ("tei", "text", "md", "csv", "cite", "csl", "bibtex")
SUFFIXES = {"tei": ".xml", "text": ".txt", "md": ".md", "csv": ".csv", "cite": ".txt", "csl": ".json",
            "bibtex": ".bib"}
#: Citation styles (:func:`reader.export.cite.cite`); "auto": GB/T 7714 for Chinese papers, Chicago for the rest.
STYLES = ("auto", "gb7714", "chicago", "apa", "bibtex", "csl-json")
