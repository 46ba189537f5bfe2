"""The library on disk: the SQLite catalogue and its migrations, the importer that reads sources into it,
and the import child process with its JSON-lines protocol.
"""
