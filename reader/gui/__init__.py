"""The PySide6 desktop application. It only presents core objects and runs core work in workers.

Importing this package first works around a PySide6 reference-counting bug
(:mod:`reader.gui.qtcompat`), so every module under it can use Qt safely.
"""

from reader.gui.qtcompat import protect_singletons

protect_singletons()
