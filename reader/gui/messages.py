"""Messages of the core shown in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.model.errors import BroadsheetError


def error_text(error: BaseException) -> str:
    """An error's message in the interface's language.

    The core writes its messages in English; one raised with :meth:`BroadsheetError.of` also carries its
    template and fields, so the window translates the template (collected from the core's
    ``QT_TRANSLATE_NOOP`` marks by lupdate) and fills in the fields — an error among the fields (a date's
    inside a query's) in the same way. A translation that names a field the template lacks falls back to
    the English message rather than to none.
    """
    if not isinstance(error, BroadsheetError) or error.template is None:
        return str(error) or type(error).__name__
    fields = {k: error_text(v) if isinstance(v, BaseException) else v for k, v in error.fields.items()}
    try:
        return QCoreApplication.translate(error.context, error.template).format(**fields)
    except (KeyError, IndexError, ValueError):
        return str(error)
