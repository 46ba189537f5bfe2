"""The import child's JSON-lines protocol (reader.library.protocol): one definition for both ends."""

from __future__ import annotations

import json

import pytest

from reader.library import protocol
from reader.library.importer import ImportProgress, ImportReport
from reader.library.protocol import Done, FileError, Progress, ProtocolError, decode, encode
from reader.library.worker import _read_messages

MESSAGES = [
    Progress(files_done=3, files_total=10, pages=4, articles=17, chars=12345, elapsed=1.5, current="/a/报纸 p1.xml"),
    Progress(0, 1, 0, 0, 0, 0.0),
    FileError(path="/a/bad.xml", message="bad.xml: not well-formed XML (line 3)."),
    Done(imported=("/a/1.xml", "/a/2.xml"), unchanged=("/a/3.xml",), failed=(("/a/bad.xml", "not XML."),),
         pages=2, articles=9, chars=800, seconds=0.25, cancelled=False),
    Done((), (), (), 0, 0, 0, 0.0, True),
]


def test_every_message_kind_round_trips_through_one_line() -> None:
    assert {type(m) for m in MESSAGES} == set(protocol.KINDS.values())
    for message in MESSAGES:
        line = encode(message)
        assert line.endswith("\n") and "\n" not in line[:-1]
        assert decode(line) == message


def test_the_wire_format_keeps_the_keys_the_child_always_sent() -> None:
    assert json.loads(encode(MESSAGES[0])) == {
        "event": "progress", "files_done": 3, "files_total": 10, "pages": 4, "articles": 17, "chars": 12345,
        "elapsed": 1.5, "current": "/a/报纸 p1.xml"}
    assert json.loads(encode(MESSAGES[2])) == {"event": "error", "path": "/a/bad.xml",
                                               "message": "bad.xml: not well-formed XML (line 3)."}
    assert json.loads(encode(MESSAGES[3]))["failed"] == [["/a/bad.xml", "not XML."]]


def test_messages_convert_to_and_from_the_importers_types() -> None:
    p = ImportProgress(2, 5, 3, 8, 900, 2.0, "x.xml")
    assert Progress.of(p).progress() == p
    r = ImportReport(imported=["a"], unchanged=["b"], failed=[("c", "bad.")], pages=1, articles=2, chars=3,
                     seconds=4.0, cancelled=True)
    assert decode(encode(Done.of(r))).report() == r  # type: ignore[union-attr]


@pytest.mark.parametrize(("line", "says"), [
    ("Traceback (most recent call last):", "not JSON"),
    ("[1, 2]", "not a JSON object"),
    ('{"event": "finished"}', "unknown event 'finished'"),
    ('{"files_done": 1}', "unknown event None"),
    ('{"event": "error", "path": "/a"}', "'error' message has no 'message'"),
    ('{"event": "progress", "files_done": "3", "files_total": 1, "pages": 0, "articles": 0, "chars": 0, '
     '"elapsed": 0}', "'files_done' = '3', not an integer"),
    ('{"event": "done", "imported": [], "unchanged": [], "failed": [["x"]], "pages": 0, "articles": 0, '
     '"chars": 0, "seconds": 0, "cancelled": false}', "not a list of [path, message] pairs"),
    ('{"event": "done", "imported": [], "unchanged": [], "failed": [], "pages": 0, "articles": 0, '
     '"chars": 0, "seconds": 0, "cancelled": 0}', "'cancelled' = 0, not true or false"),
])
def test_a_malformed_line_is_one_clear_error(line: str, says: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        decode(line)
    assert says in str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_parent_passes_messages_on_and_skips_lines_that_are_not_messages() -> None:
    seen: list[object] = []
    lines = [encode(MESSAGES[0]), "some library printed this\n", encode(MESSAGES[2]), encode(MESSAGES[3])]
    report, bad = _read_messages(lines, seen.append, lambda path, message: seen.append((path, message)))
    assert seen == [MESSAGES[0].progress(), ("/a/bad.xml", "bad.xml: not well-formed XML (line 3).")]
    assert report == MESSAGES[3].report()  # type: ignore[union-attr]
    assert isinstance(bad, ProtocolError) and "not JSON" in str(bad)
