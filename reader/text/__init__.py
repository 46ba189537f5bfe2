"""Text as characters: character classes and widths, folding and display forms of the Chinese scripts,
and reflow (column-broken lines joined into paragraphs, every character traced to its line).
"""
