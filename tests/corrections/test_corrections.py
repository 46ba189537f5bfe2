"""Corrections: the segmentation overlay as pure functions over Articles, OCR text corrections keeping both
readings, survival across re-import where the lines still exist, and the catalogue store."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corrections import store as C
from reader.library.catalogue import Library, StoreMeta
from reader.model.document import Article, Part, Span, joined_replacements, reading_order, whole_words
from reader.segmentation.analyze import analyze_file

DATA = Path(__file__).parents[1] / "data"


def part(role: str, text: str, line: str, line_start: int = 0) -> Part:
    return Part(role, text, [Span(0, len(text), line, line_start)])


def sample() -> list[Article]:
    return [
        Article("a", parts=[part("headline", "Head A", "l1"), part("paragraph", "First para of A.", "l2"),
                            part("paragraph", "Second para of A.", "l3")], pages=[1]),
        Article("b", parts=[part("paragraph", "Body of B.", "l4"), part("paragraph", "More of B.", "l5")],
                pages=[2]),
        # one source line feeding two parts (dateline and byline printed on one line)
        Article("c", parts=[part("dateline", "本报北京电", "l6"), part("byline", "（记者张三）", "l6", 6),
                            part("paragraph", "正文第一段。", "l7")], pages=[2]),
    ]


def texts(articles: list[Article]) -> dict[str, list[tuple[str, str]]]:
    return {a.id: [(p.role, p.text) for p in a.parts] for a in articles}


def test_merge_split_move_headline_role() -> None:
    arts = sample()
    corrs = [C.merge_articles(arts[0], arts[1]),  # a += b
             C.move_block(arts[2], 1, arts[0], position=1),  # the byline of c into a, after the headline
             C.set_role(arts[2], 0, "kicker")]
    result = C.apply_overlay(arts, corrs, line_pages={"l1": (1,), "l2": (1,), "l3": (1,), "l4": (2,), "l5": (2,),
                                                      "l6": (2,), "l7": (2,)})
    assert not result.stale
    got = texts(result.articles)
    assert list(got) == ["a", "c"]
    assert got["a"] == [("headline", "Head A"), ("byline", "（记者张三）"), ("paragraph", "First para of A."),
                        ("paragraph", "Second para of A."), ("paragraph", "Body of B."), ("paragraph", "More of B.")]
    assert got["c"] == [("kicker", "本报北京电"), ("paragraph", "正文第一段。")]
    assert result.articles[0].pages == [1, 2]
    # the input is untouched: the overlay works on copies
    assert texts(arts)["b"] == [("paragraph", "Body of B."), ("paragraph", "More of B.")]


def test_split_article_and_new_headline() -> None:
    arts = sample()
    corrs = [C.split_article(arts[0], 2, new_id="a2"), C.set_headline(arts[0], 2)]
    result = C.apply_overlay(arts, corrs)
    assert [a.id for a in result.articles] == ["a", "a2", "b", "c"]
    assert texts(result.articles)["a2"] == [("headline", "Second para of A.")]
    titled = C.apply_overlay(arts, [C.set_headline(arts[1], text="  Reader's   title ")]).articles
    assert titled[1].headline == "Reader's title"
    with pytest.raises(C.CorrectionError):
        C.split_article(arts[0], 0)


def test_join_and_split_paragraphs_keep_the_line_map() -> None:
    arts = sample()
    joined = C.apply_overlay(arts, [C.join_paragraphs(arts[0], 2)]).articles[0]
    p = joined.parts[1]
    assert p.text == "First para of A. Second para of A."
    assert p.locate(p.text.index("Second")) == ("l3", 0)
    offset = arts[0].text.index("para of A.")
    split = C.apply_overlay(arts, [C.split_paragraph(arts[0], offset)]).articles[0]
    assert [q.text for q in split.parts[1:3]] == ["First", "para of A."]
    assert split.parts[2].locate(0) == ("l2", 6)


def test_part_on_a_shared_line_is_named_precisely() -> None:
    arts = sample()
    corr = C.set_role(arts[2], 1, "credit")
    assert corr.data == {"line": "l6", "at": 6, "role": "credit"}
    got = texts(C.apply_overlay(arts, [corr]).articles)["c"]
    assert got[:2] == [("dateline", "本报北京电"), ("credit", "（记者张三）")]


def test_text_correction_keeps_original_and_corrected() -> None:
    arts = sample()
    start = arts[2].text.index("第一")
    fix = C.correct_text(arts[2], start, start + 2, "第1", creator="Lin")
    assert fix.data["original"] == "第一" and fix.data["line"] == "l7"
    corrected = C.corrected_article(arts[2], [fix])
    assert corrected.parts[2].text == "正文第1段。" and arts[2].parts[2].text == "正文第一段。"
    assert corrected.parts[2].locate(len("正文第1")) == ("l7", 4)
    with pytest.raises(C.CorrectionError):
        C.correct_text(arts[2], 0, len(arts[2].text), "x")  # across parts


def _two_lines(first: str, sep: str, second: str) -> Article:
    """A paragraph the reflow joined from two source lines (``sep``: what it put between them, not in a line)."""
    text = first + sep + second
    return Article("p", parts=[Part("paragraph", text, [Span(0, len(first), "l1", 0),
                                                        Span(len(first) + len(sep), len(text), "l2", 0)])],
                   pages=[1])


def test_a_joined_words_correction_is_shared_between_its_lines_where_each_changes() -> None:
    """Seen by the by-eye tester: "Despo-" / "tism" corrected to "Deſpotiſm" was stored as "Despo" → "Deſpotiſ" on
    the first line and "tism" → "m" on the second, so the TEI put characters on the wrong line of the facsimile.
    Each line now takes the piece of the correction that stands for its characters."""
    art = _two_lines("a mild Despo", "", "tism here")
    start = art.text.index("Despotism")
    fixes = C.correct_text_lines(art, start, start + len("Despotism"), "Deſpotiſm")
    assert [(f.data["line"], f.data["original"], f.data["corrected"]) for f in fixes] == [
        ("l1", "Despo", "Deſpo"), ("l2", "tism", "tiſm")]
    assert C.corrected_article(art, fixes).text == "a mild Deſpotiſm here"
    # a change only in the first line's characters stays there; one inserted at the break goes before it
    [one] = C.correct_text_lines(art, start, start + len("Despotism"), "Dospotism")
    assert (one.data["line"], one.data["original"], one.data["corrected"]) == ("l1", "Despo", "Dospo")
    both = C.correct_text_lines(art, start, start + len("Despotism"), "DESPOTISM")
    assert [(f.data["original"], f.data["corrected"]) for f in both] == [("Despo", "DESPO"), ("tism", "TISM")]


def test_a_correction_made_on_both_lines_of_a_joined_word_is_marked_as_one() -> None:
    """Seen by eye: EMBEZZLED over "embez-" / "zied" is two corrections (one a line); the reading view marked the
    first alone, its note saying the OCR read "embez", and the second as a gap after the word. Corrections side by
    side read as one: one mark, the OCR's whole reading."""
    art = _two_lines("The clerk embez", "", "zied the funds")
    start = art.text.index("embezzied")
    fixes = C.correct_text_lines(art, start, start + len("embezzied"), "EMBEZZLED")
    replaced = C.corrected_article(art, fixes).parts[0].replaced
    assert [r.line for r in replaced] == ["l1", "l2"], "each line keeps its correction (both are lit)"
    [mark] = joined_replacements(replaced)
    assert (mark.start, mark.end, mark.was) == (start, start + len("EMBEZZLED"), "embezzied")
    # apart, they stay two
    far = C.correct_text(art, 0, 3, "THE"), C.correct_text(art, start, start + 5, "EMBEZ")
    assert len(joined_replacements(C.corrected_article(art, far).parts[0].replaced)) == 2


def test_a_word_the_reflow_joined_from_two_lines_is_corrected_in_one_go() -> None:
    """Seen by eye: "embez-" / "zied" (the hyphen taken out by the reflow) read "embezzied" and could not be
    corrected — a correction had to lie inside one source line, so the reader needed two, each of half a word.
    Now one selection over the line break is corrected at once; only what differs is corrected, on the line it
    is on; what changes on both lines makes one correction a line, undone together."""
    art = _two_lines("The clerk embez", "", "zied the funds")
    start = art.text.index("embezzied")
    [fix] = C.correct_text_lines(art, start, start + len("embezzied"), "embezzled")
    assert (fix.data["line"], fix.data["original"], fix.data["corrected"]) == ("l2", "zied", "zled")
    assert C.corrected_article(art, [fix]).text == "The clerk embezzled the funds"
    fixes = C.correct_text_lines(art, start, start + len("embezzied"), "EMBEZZLED")
    assert [(f.data["line"], f.data["original"], f.data["corrected"]) for f in fixes] == [
        ("l1", "embez", "EMBEZ"), ("l2", "zied", "ZLED")]
    assert fixes[0].data["group"] == fixes[1].data["group"]
    assert C.corrected_article(art, fixes).text == "The clerk EMBEZZLED the funds"
    # Chinese: nothing between the lines
    zh = _two_lines("工部局三樓發", "", "牛日籍巡捕自殺案")
    at = zh.text.index("發牛")
    [fix] = C.correct_text_lines(zh, at, at + 2, "發生")
    assert (fix.data["line"], fix.data["original"], fix.data["corrected"]) == ("l2", "牛", "生")
    assert C.corrected_article(zh, [fix]).text == "工部局三樓發生日籍巡捕自殺案"
    # inside one line it is the one correction it always was
    [one] = C.correct_text_lines(zh, 0, 3, "工部局長")
    assert one.data == C.correct_text(zh, 0, 3, "工部局長").data
    assert C.correct_text_lines(zh, at, at + 2, "發牛") == []  # over two lines, the same text is no correction


def test_across_lines_the_reflows_space_stays_where_the_correction_keeps_one() -> None:
    """Words on two lines with the space the reflow put between them (in neither line): a correction that keeps
    it gives each line its piece; one that would take it out is refused, not read with a double space."""
    art = _two_lines("in a Nwe", " ", "Yrok today")
    at = art.text.index("a Nwe Yrok")
    fixes = C.correct_text_lines(art, at, at + len("a Nwe Yrok"), "a New York")
    assert [(f.data["line"], f.data["original"], f.data["corrected"]) for f in fixes] == [
        ("l1", "a Nwe", "a New"), ("l2", "Yrok", "York")]
    assert C.corrected_article(art, fixes).text == "in a New York today"
    with pytest.raises(C.CorrectionError, match="space the reflow"):
        C.correct_text_lines(art, at, at + len("a Nwe Yrok"), "a Newark")
    # a selection that starts on the reflow's space: only what differs is corrected
    [fix] = C.correct_text_lines(art, at + 5, at + len("a Nwe Yrok"), " York")
    assert (fix.data["original"], fix.data["corrected"]) == ("Yrok", "York")
    with pytest.raises(C.CorrectionError, match="one part"):
        C.correct_text_lines(sample()[2], 0, len(sample()[2].text), "x")


def test_stale_corrections_are_reported_not_applied() -> None:
    arts = sample()
    corrs = [C.merge_articles(arts[0], arts[1]), C.join_paragraphs(arts[2], 2)]
    gone = [arts[0], arts[2]]  # b vanished in a re-import
    result = C.apply_overlay(gone, corrs)
    assert [c.kind for c, _ in result.stale] == ["merge"]
    assert [c.kind for c in result.applied] == ["join"]


def test_corrections_survive_reimport_where_lines_still_exist(tmp_path: Path) -> None:
    src = tmp_path / "page.txt"
    original = (DATA / "text/seed_page.txt").read_text(encoding="utf-8")
    src.write_text(original, encoding="utf-8")
    before = analyze_file(src).articles
    para_art = next(a for a in before if len(a.paragraphs()) >= 2)
    i = para_art.parts.index(para_art.paragraphs()[1])
    start = para_art.text.index(para_art.parts[i].text) + 2
    corrs = [C.merge_articles(before[1], before[2]), C.join_paragraphs(para_art, i),
             C.correct_text(para_art, start, start + 1, "★")]
    # re-import: an unrelated article changed, the lines these corrections name are still there
    src.write_text(original.replace("伪基站", "伪基台", 1), encoding="utf-8")
    after = analyze_file(src).articles
    result = C.apply_overlay(after, corrs)
    assert not result.stale
    assert len(result.articles) == len(after) - 1
    fixed = C.corrected_article(next(a for a in result.articles if a.id == para_art.id), corrs)
    assert "★" in fixed.text


def test_store_keeps_order_and_undo(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    try:
        store = C.CorrectionStore.of(lib)
        arts = sample()
        a = store.add(C.merge_articles(arts[0], arts[1]))
        b = store.add(C.set_role(arts[2], 1, "credit"))
        assert [c.id for c in store.find()] == [a.id, b.id]
        assert store.find(articles=["c"])[0].data["role"] == "credit"
        assert store.undo_last().id == b.id
        assert [c.id for c in store.find()] == [a.id]
        assert store.import_records([b.to_json(), a.to_json()]) == 1
        with pytest.raises(C.CorrectionError):
            C.Correction("nonsense", "a", {})
        with pytest.raises(C.CorrectionError):
            C.Correction("join", "a", {})
    finally:
        lib.close()


def test_overlay_of_library_articles(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    try:
        doc = analyze_file(DATA / "text/seed_page.txt")
        ids = lib.store_document(doc, StoreMeta("人民日报", "2021-01-27"), path=str(DATA / "x.txt"),
                                 sha256="0").article_ids
        store = C.CorrectionStore.of(lib)
        first, second = lib.article(ids[1]), lib.article(ids[2])
        store.add(C.merge_articles(first, second))
        result = C.overlaid_articles(lib, ids, store)
        assert not result.stale and len(result.articles) == len(ids) - 1
        assert result.articles[1].text.endswith(second.text)
    finally:
        lib.close()


def test_places_move_between_the_original_and_the_corrected_reading() -> None:
    """A search finds words in either reading (tests/search/test_corrected_reading.py); its places are moved to
    the reading the window shows. (``searchable_text`` promised both readings to the index and was called by
    nothing: its test passed while no corrected word could be found.)"""
    arts = sample()
    art = arts[2]
    start = art.text.index("第一")
    fixes = C.text_fixes(art, [C.correct_text(art, start, start + 2, "第壹壹")])
    corrected = C.apply_fixes(art, fixes).text
    after = art.text.index("段", start)
    word = [(after, after + 1)]
    moved = C.corrected_ranges(art, fixes, word)
    assert [corrected[a:b] for a, b in moved] == ["段"] and moved != word
    assert C.original_ranges(art, fixes, moved) == word
    fix_at = [(corrected.index("第壹壹"), corrected.index("第壹壹") + 3)]
    assert [art.text[a:b] for a, b in C.original_ranges(art, fixes, fix_at)] == ["第一"]
    inside = [(fix_at[0][0] + 1, fix_at[0][0] + 2)]  # a part of the replacement: the whole replaced text
    assert [art.text[a:b] for a, b in C.original_ranges(art, fixes, inside)] == ["第一"]
    head = [(0, 2)]
    assert C.original_ranges(art, fixes, head) == head == C.corrected_ranges(art, fixes, head)
    # a replacement as long as the original: each of its characters stands for one (toggling the reading widened a
    # hit that began inside it to the whole replacement — seen by eye)
    same = C.text_fixes(art, [C.correct_text(art, start, start + 2, "弟壹")])
    inner = [(start + 1, start + 4)]
    assert C.original_ranges(art, same, inner) == inner == C.corrected_ranges(art, same, inner)
    assert C.original_ranges(arts[0], [], head) == head


def test_every_kind_decodes_into_its_frozen_dataclass_and_has_an_apply_function() -> None:
    import dataclasses

    assert set(C.CHANGES) == set(C.KINDS) == set(C.APPLY)
    arts = sample()
    made = [C.merge_articles(arts[0], arts[1]), C.split_article(arts[0], 1), C.move_block(arts[2], 1, arts[0]),
            C.set_headline(arts[0], 1), C.set_headline(arts[1], text="  A  title "), C.set_role(arts[2], 0, "kicker"),
            C.join_paragraphs(arts[0], 2), C.split_paragraph(arts[0], arts[0].text.index("para")),
            C.correct_text(arts[0], 0, 4, "HEAD")]
    for c in made:
        assert dataclasses.is_dataclass(c.change) and dataclasses.fields(c.change)
        with pytest.raises(dataclasses.FrozenInstanceError):
            c.change.line = "x"  # type: ignore[misc, union-attr]
    assert isinstance(made[4].change, C.HeadlineChange) and made[4].change.text == "A title"
    assert made[8].change == C.TextChange("l1", 0, 4, "Head", "HEAD")


def test_stored_rows_of_older_versions_still_decode_and_apply(tmp_path: Path) -> None:
    import json

    lib = Library(tmp_path / "lib")
    try:
        store = C.CorrectionStore.of(lib)
        rows = [("m1", "move", "c", {"line": "l6", "at": 6, "to": "a", "to_line": "l1", "position": "end"}),
                ("s1", "split-paragraph", "a", {"line": "l2", "offset": "5"}),
                ("h1", "headline", "b", {"article_line": "l4", "text": "Reader's title"})]
        for cid, kind, article, data in rows:
            lib.conn.execute("INSERT INTO corrections (id, kind, article, data, created) VALUES (?,?,?,?,?)",
                             (cid, kind, article, json.dumps(data), "2021-01-01T00:00:00Z"))
        found = store.find()
        assert [c.change for c in found] == [C.MoveChange("l6", "a", "l1", 6, None), C.SplitParagraphChange("l2", 5),
                                             C.HeadlineChange(None, None, "Reader's title", "l4")]
        result = C.apply_overlay(sample(), found)
        assert not result.stale
        assert texts(result.articles)["a"][-1] == ("byline", "（记者张三）")  # a position that is no number: the end
        assert result.articles[1].headline == "Reader's title"
    finally:
        lib.close()


def test_a_malformed_correction_is_refused_in_one_sentence() -> None:
    with pytest.raises(C.CorrectionError, match=r"^a split-paragraph correction: offset must be a whole number"):
        C.Correction("split-paragraph", "a", {"line": "l2", "offset": "four"})
    with pytest.raises(C.CorrectionError, match="a headline correction needs a line or a text"):
        C.Correction("headline", "a", {"article_line": "l1"})


def test_a_split_of_the_body_leaves_the_headline_group_to_the_first_half() -> None:
    """Pages print bylines (and headlines) after the body; a split in the body must not carry them off. A byline
    that ends the text (shown there, a signature) goes with the body it closes."""
    art = Article("x", parts=[part("paragraph", "Body one.", "m1"), part("paragraph", "Body two.", "m2"),
                              part("headline", "Head X", "m3"), part("paragraph", "Body three.", "m4"),
                              part("byline", "By Someone", "m5")], pages=[1])
    result = C.apply_overlay([art], [C.split_article(art, 1, new_id="x2")])
    assert not result.stale
    got = texts(result.articles)
    assert got["x"] == [("paragraph", "Body one."), ("headline", "Head X")]
    assert got["x2"] == [("paragraph", "Body two."), ("paragraph", "Body three."), ("byline", "By Someone")]
    signed = Article("y", parts=[*art.parts[:4], part("paragraph", "Body four.", "m6"), art.parts[4]], pages=[1])
    assert reading_order(signed)[0] == 2
    got = texts(C.apply_overlay([signed], [C.split_article(signed, 3, new_id="y2")]).articles)
    assert got["y"] == [("paragraph", "Body one."), ("paragraph", "Body two."), ("headline", "Head X")]
    # a split at a headline still starts the new article there, with what follows it
    at_head = texts(C.apply_overlay([art], [C.split_article(art, 2, new_id="x3")]).articles)
    assert at_head["x3"] == [("headline", "Head X"), ("paragraph", "Body three."), ("byline", "By Someone")]
    # the headline before the split (the usual order) stays where it was
    arts = sample()
    plain = texts(C.apply_overlay(arts, [C.split_article(arts[0], 1, new_id="a2")]).articles)
    assert plain["a"] == [("headline", "Head A")]
    assert plain["a2"] == [("paragraph", "First para of A."), ("paragraph", "Second para of A.")]


def test_a_split_takes_what_follows_in_the_order_the_reader_reads() -> None:
    """Seen by eye: a text dump prints the kicker, headline, byline, editor's note and column label after the body;
    a split at the editor's note (shown near the top) gave the new article the note, the column label and a stray
    "R", and left the whole body behind. A split in the body takes what follows in the reading order shown."""
    doc = analyze_file(DATA / "text/seed_page.txt")
    art = doc.articles[0]
    roles = [p.role for p in art.parts]
    note = roles.index("editors-note")
    body = [i for i, r in enumerate(roles) if r in ("paragraph", "section-heading")]
    assert note > max(body), "the page prints the editor's note after the body"
    result = C.apply_overlay([art], [C.split_article(art, note, new_id="x2")])
    assert not result.stale
    first, second = result.articles
    shown = [second.parts[i].text for i in reading_order(second)]
    assert shown == [art.parts[i].text for i in [note, *body, roles.index("noise")]]
    assert [p.role for p in first.parts] == [r for r in roles if r not in ("editors-note", "paragraph",
                                                                           "section-heading", "noise")]
    # a split in the body: the editor's note and the column label, shown above, stay above
    at = body[5]
    first, second = C.apply_overlay([art], [C.split_article(art, at, new_id="x3")]).articles
    assert {p.role for p in first.parts} >= {"editors-note", "column-label", "headline"}
    assert [second.parts[i].text for i in reading_order(second)] == [art.parts[i].text for i in body[5:]] + ["R"]


def test_a_merged_articles_headline_stays_where_the_page_prints_it() -> None:
    """Seen by eye: a notice merged into the masthead above it had its headline read above the masthead's text
    (the headline group comes first). (Its kind is the masthead's, as the catalogue's filters and facets read it.)"""
    masthead = Article("m", kind="furniture", parts=[part("headline", "LUXEMBURGER ZEITUNG", "l1"),
                                                     part("paragraph", "Abonnement: 5 Fr.", "l2")])
    notice = Article("n", kind="notice", parts=[part("headline", "Nicht amtlicher Theil.", "l3"),
                                                part("paragraph", "Luxembourg, le 6 décembre.", "l4")])
    merged = C.apply_overlay([masthead, notice], [C.merge_articles(masthead, notice)]).articles
    assert [a.id for a in merged] == ["m"]
    assert [(p.role, p.text) for p in merged[0].parts] == [
        ("headline", "LUXEMBURGER ZEITUNG"), ("paragraph", "Abonnement: 5 Fr."),
        ("section-heading", "Nicht amtlicher Theil."), ("paragraph", "Luxembourg, le 6 décembre.")]
    from reader.model.document import reading_order
    assert reading_order(merged[0]) == [0, 1, 2, 3], "read in the page's order"
    # an article without a headline of its own takes the merged one's
    body = Article("b", parts=[part("paragraph", "Continued.", "l5")])
    assert [p.role for p in C.apply_overlay([body, notice], [C.merge_articles(body, notice)]).articles[0].parts] \
        == ["paragraph", "headline", "paragraph"]


def test_a_search_finds_a_merged_article_under_the_article_it_joined(tmp_path: Path) -> None:
    """Seen by eye: after a merge, search listed the article merged away (opened, it showed its old text apart),
    with its own kind in the facets; ``show`` and the CLI alike."""
    from reader.app.archive import Archive
    from reader.index import store as sindex

    lib = Library(tmp_path / "lib")
    doc = analyze_file(DATA / "text/seed_page.txt")
    ids = lib.store_document(doc, StoreMeta("人民日报", "2021-01-27"), path=str(DATA / "x.txt"),
                             sha256="0").article_ids
    sindex.sync(lib)
    first, second = lib.article(ids[1]), lib.article(ids[2])
    word = next(w for i in range(len(second.text) - 2) if (w := second.text[i:i + 3]).isalpha()
                and all(w not in lib.article(k).text for k in ids if k != second.id))  # in that article only
    C.CorrectionStore.of(lib).add(C.merge_articles(first, second))
    lib.close()
    archive = Archive.open(tmp_path / "lib")
    try:
        found = archive.search(word, limit=50)
        keys = [h.article for h in found.hits]
        assert second.id not in keys, "the article merged away is not listed"
        assert first.id in keys and found.total == len(keys)
        hit = found.hits[keys.index(first.id)]
        shown = archive.corrected(archive.article(first.id)).text
        assert all(shown[s:e] == word for s, e in hit.matches), "places in the merged article as shown"
        assert archive.matching_ids(word) == {first.id}
    finally:
        archive.close()
    import json
    import subprocess
    import sys

    command = [sys.executable, "-m", "reader", "search", word, "--json", "--library", str(tmp_path / "lib")]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [h["article"] for h in json.loads(proc.stdout)["hits"]] == [first.id]  # the command line alike


def _merged_library(tmp_path: Path) -> tuple[Library, list[str]]:
    from reader.index import store as sindex

    lib = Library(tmp_path / "lib")
    doc = analyze_file(DATA / "text/seed_page.txt")
    ids = lib.store_document(doc, StoreMeta("人民日报", "2021-01-27"), path=str(DATA / "x.txt"),
                             sha256="0").article_ids
    sindex.sync(lib)
    return lib, ids


def _only_in(lib: Library, ids: list[str], key: str) -> str:
    text = lib.article(key).text
    return next(w for i in range(len(text) - 2) if (w := text[i:i + 3]).isalpha()
                and all(w not in lib.article(k).text for k in ids if k != key))


def test_an_article_merged_into_a_piece_split_off_another_is_still_found(tmp_path: Path) -> None:
    """Review: merged into a piece a split made (no catalogue row stands for it), the article was marked gone and
    its words could be found nowhere."""
    from reader.app.overlay import Overlay
    from reader.search.engine import Searcher

    lib, ids = _merged_library(tmp_path)
    first = next(k for k in ids if len(lib.article(k).parts) >= 3)
    other = next(k for k in ids if k != first and len(lib.article(k).parts) >= 1)
    word = _only_in(lib, ids, other)
    store = C.CorrectionStore.of(lib)
    store.add(C.split_article(lib.article(first), 2, new_id=f"{first}~piece"))
    overlay = Overlay(lib)
    piece = overlay.article(f"{first}~piece")
    store.add(C.merge_articles(piece, lib.article(other), key=piece.id))
    overlay.invalidate()
    assert any(word in a.text for a in overlay.corrected_issue(lib.article_info(first).issue_id).articles)
    with Searcher(lib, readings=overlay.search_readings) as searcher:
        assert searcher.search(word, limit=10).total >= 1, "the merged words are found"
    lib.close()


def test_readings_made_while_the_corrections_change_are_not_kept(tmp_path: Path) -> None:
    """Review: a merge undone while a worker was making the search readings came back (the issue made from the
    old corrections was kept in the cache after it was cleared)."""
    from reader.app.overlay import Overlay

    lib, ids = _merged_library(tmp_path)
    first, second = ids[1], ids[2]
    store = C.CorrectionStore.of(lib)
    merge = store.add(C.merge_articles(lib.article(first), lib.article(second)))
    overlay = Overlay(lib)
    issue = lib.article_info(first).issue_id
    real = overlay._issues.get

    def undone_meanwhile(key, make):  # type: ignore[no-untyped-def]
        def made():  # type: ignore[no-untyped-def]
            value = make()  # made from the merge …
            store.delete(merge.id)  # … which is undone before it is kept
            overlay.invalidate()
            return value
        return real(key, made)

    overlay._issues.get = undone_meanwhile  # type: ignore[method-assign]
    overlay.search_readings()
    overlay._issues.get = real  # type: ignore[method-assign]
    assert second in [a.id for a in overlay.corrected_issue(issue).articles], "the undone merge did not come back"
    assert not overlay.search_readings().get(second, None) or not overlay.search_readings()[second].gone
    lib.close()


def _only_in_part(lib: Library, ids: list[str], key: str, index: int) -> str:
    """A three-character word found in part ``index`` of article ``key`` and nowhere else in the library."""
    article = lib.article(key)
    text = article.parts[index].text
    others = [p.text for i, p in enumerate(article.parts) if i != index]
    return next(w for i in range(len(text) - 2) if (w := text[i:i + 3]).isalpha()
                and all(w not in lib.article(k).text for k in ids if k != key) and all(w not in t for t in others))


def test_a_search_lists_a_split_off_piece_as_its_own_article(tmp_path: Path) -> None:
    """Seen in use: after a split, a word of the piece split off was listed under the article it was cut from,
    with that article's headline; opened, the article did not hold the word and its marks fell on other words.
    The piece is an article of the reader's reading: listed under its own key, its places in its own text."""
    from reader.app.archive import Archive

    lib, ids = _merged_library(tmp_path)
    key = next(k for k in ids if len(lib.article(k).parts) >= 6)
    head_word, tail_word = _only_in_part(lib, ids, key, 2), _only_in_part(lib, ids, key, 4)
    other = next(k for k in ids if k != key and lib.article(k).kind == "article")
    other_word = _only_in(lib, ids, other)
    piece = f"{key}~piece"
    C.CorrectionStore.of(lib).add(C.split_article(lib.article(key), 3, new_id=piece))
    lib.close()
    archive = Archive.open(tmp_path / "lib")
    try:
        found = archive.search(tail_word, limit=50)
        assert [h.article for h in found.hits] == [piece] and found.total == 1
        shown = archive.corrected(archive.article(piece)).text
        assert all(shown[s:e] == tail_word for s, e in found.hits[0].matches), "places in the piece as shown"
        assert tail_word in found.hits[0].snippet
        assert [h.article for h in archive.search(head_word, limit=50).hits] == [key], "the first piece keeps its key"
        both = archive.search(f"{head_word} OR {tail_word}", limit=50)
        assert sorted(h.article for h in both.hits) == sorted([key, piece]) and both.total == 2
        facets = archive.facets(f"{head_word} OR {tail_word}").counts  # the facets count what the list lists
        assert all(sum(values.values()) == 2 for values in facets.values()), facets
        assert [h.article for h in archive.search(f"{head_word} OR {tail_word}", limit=1, offset=1).hits] \
            in ([key], [piece]), "paged over the pieces"
        three = f"{head_word} OR {tail_word} OR {other_word}"
        for sort in ("relevance", "date"):
            listed = archive.search(three, limit=50, sort=sort).hits
            assert sorted(h.article for h in listed) == sorted([key, piece, other])
        assert archive.search(f"{head_word} AND {tail_word}", limit=50).total == 0, "no piece holds both"
        assert archive.matching_ids(tail_word) == {piece}
        from reader.app.studies import concordance_for_window

        lines = concordance_for_window(archive.library, tail_word).lines
        assert lines and {ln.article for ln in lines} == {piece}, "the concordance opens the piece"
        assert all(shown[ln.start:ln.end] == tail_word for ln in lines)
    finally:
        archive.close()
    import json
    import subprocess
    import sys

    command = [sys.executable, "-m", "reader", "search", tail_word, "--json", "--library", str(tmp_path / "lib")]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [h["article"] for h in json.loads(proc.stdout)["hits"]] == [piece]  # the command line alike


def test_two_articles_of_one_page_merged_stay_on_that_page(tmp_path: Path) -> None:
    """Seen by a tester: two articles of page 4 of an issue whose page 5 is another text file were merged; the
    merged article was said to be on pages 4 and 5 (show, its JSON, the TEI export) — text files number their
    lines alike ("p1.l58" on both pages), and a line was taken for page 5's. A line's page is the one of the
    article it comes from."""
    from reader.app.overlay import read_article

    lib = Library(tmp_path / "lib")
    ids = {}
    for number, name in ((4, "rendered_page.txt"), (5, "seed_page.txt")):
        doc = analyze_file(DATA / "text" / name)
        meta = StoreMeta("人民日报", "2021-01-27")
        meta.first_page = number
        ids[number] = lib.store_document(doc, meta, path=str(DATA / "text" / name), sha256=str(number)).article_ids
    on_four = [k for k in ids[4] if tuple(lib.article_info(k).pages) == (4,) and lib.article(k).kind == "article"]
    first, second = on_four[0], on_four[1]
    C.CorrectionStore.of(lib).add(C.merge_articles(lib.article(first), lib.article(second)))
    info, merged = read_article(lib, first)
    assert list(merged.pages) == [4], merged.pages
    lib.close()


def test_a_negated_word_of_one_piece_leaves_the_other_piece_found(tmp_path: Path) -> None:
    """A piece holding a word and not the word negated is found, though the article it was cut from holds both
    ("head -tail" found nothing after the split: the pieces were tested only where the whole article matched).
    A moved paragraph likewise: the article it left matches without the word it took away."""
    from reader.app.archive import Archive

    lib, ids = _merged_library(tmp_path)
    key = next(k for k in ids if len(lib.article(k).parts) >= 6)
    head_word, tail_word = _only_in_part(lib, ids, key, 2), _only_in_part(lib, ids, key, 4)
    source = next(k for k in ids if k != key and len(lib.article(k).parts) >= 5)
    target = next(k for k in ids if k not in (key, source) and len(lib.article(k).parts) >= 2)
    kept_word, moved_word = _only_in_part(lib, ids, source, 1), _only_in_part(lib, ids, source, 3)
    piece = f"{key}~piece"
    store = C.CorrectionStore.of(lib)
    store.add(C.split_article(lib.article(key), 3, new_id=piece))
    store.add(C.move_block(lib.article(source), 3, lib.article(target)))
    lib.close()
    archive = Archive.open(tmp_path / "lib")
    try:
        for query, expected in ((f"{head_word} -{tail_word}", [key]), (f"{tail_word} -{head_word}", [piece]),
                                (f"{head_word} NOT {tail_word}", [key]), (f"{kept_word} -{moved_word}", [source]),
                                (f"{head_word} -{head_word}", []), (f"{tail_word} -kind:advertisement", [piece]),
                                (f"{tail_word} NOT (kind:advertisement OR {head_word})", [piece]),
                                (f"{tail_word} -kind:article", [])):
            found = archive.search(query, limit=50)
            assert [h.article for h in found.hits] == expected and found.total == len(expected), query
            assert archive.matching_ids(query) == set(expected), query
    finally:
        archive.close()


def test_the_timeline_counts_the_pieces_the_search_lists(tmp_path: Path) -> None:
    """The timeline's articles add up to the search's total: an article split in two, each piece holding a word,
    is two hits in the list and was one in the timeline; and the articles the library holds then count the piece
    too (the share is of what the reader reads)."""
    from reader.app.archive import Archive
    from reader.app.studies import timelines
    from reader.search.timeline import By

    lib, ids = _merged_library(tmp_path)
    key = next(k for k in ids if len(lib.article(k).parts) >= 6)
    head_word, tail_word = _only_in_part(lib, ids, key, 2), _only_in_part(lib, ids, key, 4)
    held_before = len(ids)
    C.CorrectionStore.of(lib).add(C.split_article(lib.article(key), 3, new_id=f"{key}~piece"))
    lib.close()
    archive = Archive.open(tmp_path / "lib")
    try:
        query = f"{head_word} OR {tail_word}"
        assert archive.search(query, limit=50).total == 2
        (line,) = timelines(archive.library, [query], By.YEAR, readings=archive.overlay_of.search_readings)
        assert [(b.period, b.articles, b.library_articles) for b in line.buckets] == [("2021", 2, held_before + 1)]
        assert line.total == 2
    finally:
        archive.close()


def test_a_search_lists_a_moved_paragraph_under_the_article_it_went_to(tmp_path: Path) -> None:
    """A paragraph moved into another article is found there, not in the one it left."""
    from reader.app.archive import Archive

    lib, ids = _merged_library(tmp_path)
    source = next(k for k in ids if len(lib.article(k).parts) >= 5)
    target = next(k for k in ids if k != source and len(lib.article(k).parts) >= 2)
    word = _only_in_part(lib, ids, source, 3)
    C.CorrectionStore.of(lib).add(C.move_block(lib.article(source), 3, lib.article(target)))
    lib.close()
    archive = Archive.open(tmp_path / "lib")
    try:
        found = archive.search(word, limit=50)
        assert [h.article for h in found.hits] == [target] and found.total == 1
        shown = archive.corrected(archive.article(target)).text
        assert all(shown[s:e] == word for s, e in found.hits[0].matches)
    finally:
        archive.close()


def test_notes_follow_their_words_into_a_piece_split_off_and_an_article_merged(tmp_path: Path) -> None:
    """Seen by eye: after a split, a highlight jumped onto another occurrence of its words in the first piece (and
    was exported there); after a merge, the notes of the article merged away were shown nowhere. A note is shown
    on the reader's article that holds its lines."""
    from reader.annotations import store as A
    from reader.app.archive import Archive

    lib, ids = _merged_library(tmp_path)
    key = next(k for k in ids if len(lib.article(k).parts) >= 6)
    article = lib.article(key)
    text = article.text
    # a word of part 4 also printed before the split point: the quote alone cannot tell its place
    at4 = text.index(article.parts[4].text)
    head = text[:text.index(article.parts[3].text)]
    word = next(w for i in range(at4, at4 + len(article.parts[4].text) - 2)
                if (w := text[i:i + 2]).isalpha() and w in head)
    start = text.index(word, at4)
    store = A.AnnotationStore.of(lib)
    note = store.add(A.highlight(article, start, start + len(word), note="here"))
    second = next(k for k in ids if k != key and lib.article(k).kind == "article")
    other = lib.article(second)
    other_note = store.add(A.highlight(other, 0, min(4, len(other.text)), note="merged away"))
    article_note = store.add(A.Annotation(article=second, note="whole article"))
    piece = f"{key}~piece"
    corrections = C.CorrectionStore.of(lib)
    corrections.add(C.split_article(article, 3, new_id=piece))
    corrections.add(C.merge_articles(article, other))
    lib.close()
    archive = Archive.open(tmp_path / "lib")
    try:
        assert note.id not in {a.id for a in archive.article_annotations(key)}, "not on the first piece"
        placed = archive.placed_annotations(piece)
        assert note.id in placed
        shown = archive.article(piece).text
        s, e = placed[note.id]
        assert shown[s:e] == word and A.line_ids_between(archive.article(piece), s, e) == note.anchor.line_ids
        on_key = archive.placed_annotations(key)
        assert other_note.id in on_key and article_note.id in {a.id for a in archive.article_annotations(key)}
    finally:
        archive.close()


def test_a_piece_split_off_is_annotated_and_collected_from_the_command_line(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Seen in a hostile batch: `annotations add KEY~LINE --quote …` and `collection add C KEY~LINE` answered "there
    is no article …~LINE", though `show` showed the piece and the window annotates it; so did a word merged into an
    article."""
    from reader.cli.main import main

    lib, ids = _merged_library(tmp_path)
    key = next(k for k in ids if len(lib.article(k).parts) >= 6)
    tail = _only_in_part(lib, ids, key, 4)
    other = next(k for k in ids if k != key and lib.article(k).kind == "article")
    merged_word = _only_in(lib, ids, other)
    store = C.CorrectionStore.of(lib)
    piece = f"{key}~piece"
    store.add(C.split_article(lib.article(key), 3, new_id=piece))
    store.add(C.merge_articles(lib.article(key), lib.article(other)))
    lib.close()
    where = ["--library", str(tmp_path / "lib")]
    assert main(["annotations", "add", piece, "--quote", tail, "--note", "on the piece", *where]) == 0
    assert main(["annotations", "add", key, "--quote", merged_word, "--note", "on the merged words", *where]) == 0
    assert main(["collection", "create", "C1", *where]) == 0
    assert main(["collection", "add", "C1", piece, *where]) == 0
    capsys.readouterr()
    assert main(["collection", "show", "C1", "--ids", *where]) == 0
    assert capsys.readouterr().out.split() == [piece]
    from reader.app.archive import Archive

    archive = Archive.open(tmp_path / "lib")
    try:
        assert "on the piece" in {a.note for a in archive.article_annotations(piece)}
        placed = archive.placed_annotations(key)
        [merged] = [a for a in archive.article_annotations(key) if a.note == "on the merged words"]
        s, e = placed[merged.id]
        assert archive.article(key).text[s:e] == merged_word
    finally:
        archive.close()


def test_a_headline_the_reader_set_is_listed_by_search_and_shown(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Seen in a hostile batch: a headline set with `correct headline --text` was in `show --json` only: plain
    `show` omitted it and search listed the article under its old headline."""
    from reader.cli.main import main

    lib, ids = _merged_library(tmp_path)
    key = next(k for k in ids if lib.article(k).headline)
    word = _only_in(lib, ids, key)
    C.CorrectionStore.of(lib).add(C.set_headline(lib.article(key), text="我的新标题"))
    lib.close()
    where = ["--library", str(tmp_path / "lib")]
    capsys.readouterr()
    assert main(["search", word, "--json", *where]) == 0
    import json

    assert [h["headline"] for h in json.loads(capsys.readouterr().out)["hits"]] == ["我的新标题"]
    assert main(["show", key, *where]) == 0
    assert "我的新标题" in capsys.readouterr().out


def test_a_note_on_a_piece_merged_into_another_is_shown_there_and_listed_under_it(tmp_path: Path) -> None:
    """Seen by eye: a note made from the command line on a piece split off (KEY~LINE~LINE) was shown nowhere after
    that piece was merged into the one above it; and the library's list named a highlight's article as the piece
    it was cut from. A note is shown on, and listed under, the reader's article that holds its first line."""
    from reader.annotations import store as A
    from reader.app.archive import Archive
    from reader.app.overlay import Overlay

    lib, ids = _merged_library(tmp_path)
    key = next(k for k in ids if len(lib.article(k).parts) >= 6)
    word = _only_in_part(lib, ids, key, 4)
    store = C.CorrectionStore.of(lib)
    first, second = f"{key}~first", f"{key}~first~second"
    store.add(C.split_article(lib.article(key), 2, new_id=first))
    overlay = Overlay(lib)
    piece = overlay.article(first)
    at = next(i for i, p in enumerate(piece.parts) if word in p.text)
    store.add(C.split_article(piece, at, key=first, new_id=second))
    overlay.invalidate()
    last = overlay.article(second)
    start = last.text.index(word)
    note = A.AnnotationStore.of(lib).add(A.highlight(last, start, start + len(word), note="on the last", key=second))
    on_key = A.AnnotationStore.of(lib).add(A.highlight(lib.article(key), lib.article(key).text.index(word),
                                                       lib.article(key).text.index(word) + len(word), note="on key"))
    store.add(C.merge_articles(overlay.article(first), last, key=first))
    lib.close()
    archive = Archive.open(tmp_path / "lib")
    try:
        assert not archive.exists(second)
        shown = {a.note for a in archive.article_annotations(first)}
        assert {"on the last", "on key"} <= shown
        placed = archive.placed_annotations(first)
        s, e = placed[note.id]
        assert archive.article(first).text[s:e] == word
        assert archive.reader_key(note) == first and archive.reader_key(on_key) == first
    finally:
        archive.close()


def test_a_correction_is_named_by_its_whole_word() -> None:
    """Seen by the by-eye tester: the export listed “tination” (the OCR text reads “lination”) for l'obslination →
    l'obstination (the second line's piece), and a removed » or 、 as “” (the OCR text reads “»”), nothing to
    find it by. A correction is named by the Latin word it is in; a removal with the character on each side."""
    from reader.model.document import Replacement, said

    text = "de l'obstination des"
    at = text.index("tination")
    assert said(text, Replacement(at, at + 8, "l2", "lination")) == ("obstination", "obslination")
    text = "sagte: Die Zeit"
    at = text.index("Die")
    assert said(text, Replacement(at, at, "l1", "»")) == ("Die", "»Die")
    assert said("甲乙丙", Replacement(1, 1, "l1", "、")) == ("甲乙", "甲、乙")
    assert said("工部局三樓發生日籍", Replacement(6, 7, "l2", "牛")) == ("生", "牛")


@pytest.mark.parametrize(("start", "end", "words"), [
    (1, 17, "Publikum nur langſam"),  # both ends cut a word
    (0, 20, "Publikum nur langſam"),  # whole words: as selected
    (8, 13, "nur"),  # the spaces around dropped
    (30, 33, "ſchaͤdlich"),  # a combining mark is of its word
])
def test_whole_words_widens_a_selection_that_cuts_a_word(start: int, end: int, words: str) -> None:
    text = "Publikum nur langſam zur, so ſchaͤdlich 中国人民"
    lo, hi = whole_words(text, start, end)
    assert text[lo:hi] == words


def test_whole_words_leaves_cjk_characters_alone() -> None:
    text = "杭州市发改委 Aufklaͤrung 副主任"
    at = text.index("州市")
    assert whole_words(text, at, at + 2) == (at, at + 2)
    at = text.index("klaͤ")
    assert text[slice(*whole_words(text, at, at + 3))] == "Aufklaͤrung"


def test_a_piece_is_paged_in_its_own_file_where_the_files_of_an_issue_number_lines_and_pages_alike() -> None:
    """Undated files are one issue, each numbered from page 1, and a source's own line ids repeat across files: the
    piece split off an article of a.xml at its line "x2" (a.xml's page 2) is on page 2, not on page 1 where b.xml
    has a line "x2" (the issue's line pages said 1 and 2, and the first of the article's pages was taken)."""
    arts = [Article("A", parts=[part("headline", "Head", "x1"), part("paragraph", "On page two.", "x2")], pages=[1, 2]),
            Article("B", parts=[part("paragraph", "Of b.xml.", "x2")], pages=[1])]
    sources = {"A": "a.xml", "B": "b.xml"}
    split = [C.split_article(arts[0], 1, new_id="A~x2")]
    issue_wide = C.apply_overlay(arts, split, line_pages={"x1": (1,), "x2": (1, 2)}, sources=sources)
    assert {a.id: a.pages for a in issue_wide.articles}["A~x2"] == [1]  # what a line's id alone tells
    result = C.apply_overlay(arts, split, sources=sources,
                             source_line_pages={"a.xml": {"x1": (1,), "x2": (2,)}, "b.xml": {"x2": (1,)}})
    pages = {a.id: a.pages for a in result.articles}
    assert pages["A~x2"] == [2] and pages["A"] == [1] and pages["B"] == [1]


def test_line_pages_by_source_pages_each_files_lines_apart(tmp_path: Path) -> None:
    import shutil

    from reader.library.importer import import_paths

    clips = tmp_path / "s" / "clips"
    clips.mkdir(parents=True)
    for name in ("seed_page.txt", "rendered_page.txt"):
        shutil.copy(DATA / "text" / name, clips / name)
    lib = Library.open(tmp_path / "lib")
    try:
        import_paths(lib, [tmp_path / "s"])
        sources = {i.id: i.source for i in lib.articles()}
        by_source = C.line_pages_by_source(lib, sources)
        assert {s.rsplit("/", 1)[-1] for s in by_source} == {"seed_page.txt", "rendered_page.txt"}
        for page in lib.pages(lib.articles()[0].issue_id):
            assert set(by_source[page.source]) == {ln.id for ln in lib.page(page.id).lines}  # its own lines only
            assert set(by_source[page.source].values()) == {(1,)}
        assert all("p1.l19" in lines for lines in by_source.values())
    finally:
        lib.close()
