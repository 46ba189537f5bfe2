"""The window's dialogs: export, highlight note and tags, About, and the small question flows
(collection names, corrected OCR text, confirmations)."""
