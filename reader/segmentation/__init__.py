"""Cutting pages into articles: plain-text pages by their lines, structured pages by geometry (XY-cut),
part roles (bylines, datelines, notes, noise), and analyze (read one file and cut it).
"""
