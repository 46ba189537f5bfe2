"""The Qt-free application layer shared by the window and the command line: the archive the reader
browses, the reader's state, the correction overlay and the commands the window wraps for undo.
"""
