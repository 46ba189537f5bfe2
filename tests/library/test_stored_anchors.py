"""A source read again keeps the ids its articles had (catalogue.kept_keys): the anchors of what it gave are made from
the rows as stored. An article with no text is anchored on the reader's id (``id:a3``); from the rows it was anchored
on the library's id, which a fresh reading never gives, so such an article got a new id when its moved file was read
again (seen in review)."""

from __future__ import annotations

from reader.library.catalogue import article_anchor, kept_keys, stored_anchors
from reader.model.document import Article


def test_an_article_without_text_is_anchored_on_the_readers_id_as_when_it_was_read() -> None:
    fresh = article_anchor(Article(id="a3", parts=[]))
    assert fresh == "id:a3"
    stored = [("9f2c4e0d1b7a6c55", "[]", None, None, "a3")]
    assert stored_anchors(stored) == [fresh]
    assert kept_keys(stored, [fresh]) == ["9f2c4e0d1b7a6c55"]
    assert kept_keys(stored, ["id:a4"]) == [None]
