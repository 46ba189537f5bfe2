"""The window's parts, one widget per module: the reading view, the page layout, the library tree and
article list, the search, annotations, collections, problems and log panels, and the task bar.

Widgets only present what they are given and announce what the user did (Qt signals); the window
and its controllers (:mod:`reader.gui.navigation`, :mod:`reader.gui.corrections_ui`, ...) wire them.
"""
