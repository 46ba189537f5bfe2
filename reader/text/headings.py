"""What a heading's text alone says about its place: a Chinese serial's chapter line, which opens an instalment's
text rather than adding to its headline (the ECPO reader with the publisher's divs and the geometry segmenter
without them read it alike)."""

from __future__ import annotations

import re

#: a chapter number opening a serial novel's instalment (第八囘, 第四章)
CHAPTER = re.compile(r"^第[一二三四五六七八九十百廿卅〇零0-9]+[回囘章節]")
#: a serial's numbered instalment set as the last line of its heading, under the serial's title and byline: a numeral
#: set apart before the chapter's title ("六 你是我的孫子", "一 睡態") or the title with its number in brackets after it
#: ("新加坡的威力 （五）")
CJK_CHAPTER = re.compile(r"^[一二三四五六七八九十百廿卅]{1,3}[\s　]+\w"
                         r"|^\w[^\s（）()]{1,15}[\s　]*[（(][一二三四五六七八九十百廿卅]{1,3}[）)]$")

#: the particles a Chinese sentence cannot end on, linking what comes before to what follows: 之 (of), 於 (at, to),
#: 與 and 及 (and), 的 (of), 並 and 而 (and, but), 把 and 被 (the object or agent to follow)
RUN_ON_PARTICLES = "之於与與及的並并而把被"


def is_chapter_line(text: str) -> bool:
    """``text`` (one line, its spaces kept) is a serial's chapter line: 第八囘…, "五十四　這是什麼意思",
    "新加坡的威力（四）"."""
    t = text.strip()
    return CHAPTER.match("".join(t.split())) is not None or CJK_CHAPTER.match(t) is not None
