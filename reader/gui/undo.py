"""Undo of the reader's work: every edit of annotations, corrections and collections is a command.

:class:`StoreCommand` is one undoable edit (create, edit or delete an
annotation; add or undo a correction). Its ``do`` and ``undo`` call the
stores, each one transaction; a failed ``do`` makes the command obsolete, so
the undo stack never holds an edit that did not happen. A ``do`` or ``undo``
returning False left the work as it was at the reader's choice (asked, and
said, by the caller): nothing is said "Undone" or "Redone".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class StoreCommand(QUndoCommand):
    """An undoable edit of the reader's work: ``do`` and ``undo`` write through the core stores."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object],
                 after: Callable[[], None], failed: Callable[[BaseException], None],
                 say: Callable[[str, bool], None] | None = None) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._after = after
        self._failed = failed
        #: tells the reader what an undo or a later redo changed (True: undone), wherever the window is now
        self._say = say
        self._done_once = False
        self.error: BaseException | None = None

    def redo(self) -> None:
        try:
            result = self._do()
        except Exception as e:  # the store said no: nothing happened, so nothing to undo
            self.error = e
            self.setObsolete(True)
            self._failed(e)
            return
        self._after()
        if result is False:  # the reader chose to leave it as it is (said by whoever asked): not "Redone"
            self._done_once = True
            return
        if self._done_once and self._say is not None:
            self._say(self.text(), False)
        self._done_once = True

    def undo(self) -> None:
        try:
            result = self._undo()
        except Exception as e:
            self._failed(e)
            self._after()
            return
        self._after()
        if self._say is not None and result is not False:  # False: left as it is, by the reader's choice
            self._say(self.text(), True)
