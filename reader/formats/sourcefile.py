"""Reading a source file's bytes with the size limit every reader shares.

Reading keeps a whole file and its model in memory (plain text needs about 20
times its size), so a file over :data:`MAX_SOURCE_BYTES` is refused up front
with a clear error instead of exhausting memory. Real page files are a few MB;
a text dump of a month of issues about 15 MB.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.model.errors import SourceError

#: Largest source file read (64 MiB).
MAX_SOURCE_BYTES = 64 * 1024 * 1024


def too_big(path: str | Path) -> SourceError:
    return SourceError(path, f"it is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB, "
                             "the largest source file Broadsheet reads")


def read_source(path: str | Path) -> bytes:
    """The bytes of ``path``; SourceError naming it when it is missing, unreadable or too big."""
    p = Path(path)
    try:
        with p.open("rb") as f:
            if os.fstat(f.fileno()).st_size > MAX_SOURCE_BYTES:
                raise too_big(p)
            data = f.read(MAX_SOURCE_BYTES + 1)  # never more than the limit in memory (pipes, growing files)
    except IsADirectoryError as e:
        raise SourceError(p, "it is a folder, not a file") from e
    except FileNotFoundError as e:
        raise SourceError(p, "no such file") from e
    except PermissionError as e:
        raise SourceError(p, "permission denied") from e
    except OSError as e:
        raise SourceError(p, e.strerror or str(e)) from e
    if len(data) > MAX_SOURCE_BYTES:
        raise too_big(p)
    return data
