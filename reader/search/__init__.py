"""Searching the library: the query language's parser, the engine that finds candidates in the index,
verifies them exactly on the folded text, filters and ranks them.
"""
