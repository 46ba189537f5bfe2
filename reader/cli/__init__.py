"""The command line: the argument parser and one module per command group, all above the
application layer.
"""
