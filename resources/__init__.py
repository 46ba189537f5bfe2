"""Package data of Broadsheet: the bundled sample archive, icons, translations, desktop metadata.

Read through :func:`reader.core.resources.path`, never through the working directory.
"""
