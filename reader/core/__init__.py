"""The Qt-free core of Broadsheet: reading sources, reflow, segmentation, library, search, export.

Usable from scripts and notebooks; nothing under this package may import Qt.
"""
