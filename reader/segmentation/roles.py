"""Recognisers for the conventional parts of Chinese (and Latin) newspaper text.

Datelines (本报北京1月26日电, 据新华社香港1月26日电, 【本報台北訊】), bylines
((记者张璁), 本报记者 …, 記者林育德／報導), photo credits (新华社记者 唐如峰摄),
page furniture (本版责编), editor's notes (编者按) and column labels
(■干部状态新观察). Each function takes the text of a line or paragraph with
layout spaces already removed (see :func:`reader.text.reflow.collapse`).
"""

from __future__ import annotations

import re

from reader.text.chars import is_cjk
from reader.text.chars import is_wide as is_wide_char

#: the editor answering for the paper, signing the end of its editorial part ("PIERRE HEINTZE." | "rédacteur
#: responsable.", "Le gérant responsable")
_EDITOR = r"[Rr][ée]dacteur\s+responsable|[Gg][ée]rant\s+responsable"
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})"
_AGENCY = (
    r"(?:本报|本報|本刊|新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|中央社|光明网|经济日报|"
    r"解放军报|解放軍報|路透社|美联社|美聯社|法新社|共同社|塔斯社|本台|本社|大公报|大公報|文汇报|文匯報)"
)

#: 本报北京1月26日电 · 据新华社香港1月26日电 · 新华社北京1月26日电（记者…）· 本报讯
DATELINE = re.compile(
    r"^(?:(?:据|據)?" + _AGENCY + r"[^\s，。、；：（(【]{0,16}?(?:" + _NUM + r"月)?" + _NUM
    + r"日(?:专?电|專?電|讯|訊|报道|報導)"
    r"|(?:本报|本報)(?:讯|訊)"
    r"|【[^】\s]{1,16}(?:讯|訊|电|電|报道|報導)】"
    r"|〔[^〕\s]{1,16}(?:讯|訊|电|電)〕"
    r"|［[^］\s]{1,16}(?:讯|訊|电|電)］"
    r"|[〔【［](?:本報|本报)?(?:記者|记者)[^〕】］\s]{1,20}(?:報導|报道|報道)[〕】］])"
)

_BYLINE_PAREN = re.compile(
    r"^[（(〔【](?:本报|本報|本报特约|本報特約|新华社|新華社)?"
    r"(?:记者|記者|通讯员|通訊員|特约记者|特約記者|实习生|實習生|评论员|評論員)"
    r"[^）)〕】。]{1,40}[）)〕】]"
)
_BYLINE_TW = re.compile(
    r"^[〔【（(]?(?:記者|记者)[^\s／/。，]{1,12}[／/][^\s。，〕】）)]{0,8}(?:報導|报道|報道)[〕】）)]?"
)
_BYLINE_LINE = re.compile(
    r"^(?:本报记者|本報記者|本报特约记者|本報特約記者|本报通讯员|本報通訊員|本报评论员|本報評論員|新华社记者|新華社記者|"
    r"本报特派记者|本報特派記者|特约记者|特約記者|本刊记者|本刊記者|文[／/:：]|记者[：:]|記者[：:])"
)
_CREDIT = re.compile(r"(?:摄影?|攝影?|供图|供圖|图片|圖片|制图|製圖|绘图|繪圖)$")
_CREDIT_START = re.compile(r"^(?:资料图片|資料照片|图片来源|圖片來源|图片由|圖片由|本版图片|本版圖片|图[／/]|圖[／/])")
_FURNITURE = re.compile(
    r"^(?:本版责编|本版責編|本版编辑|本版編輯|本版责任编辑|本版責任編輯|责任编辑|責任編輯|版式设计|版式設計|美术编辑|美術編輯|"
    r"图片编辑|圖片編輯|版面设计|版面設計|责编|責編|校对|校對|第\s*\d+\s*版$)"
)
_FOLIO = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日(?:星期.)?$|^(?:星期.|第\d+版|\d+)$")
_EDITORS_NOTE = re.compile(r"^(?:编者按|編者按|编者的话|編者的話|编后|編後|编辑手记|編輯手記|按语|按語)\s*[：:]?")
_COLUMN_MARK = "■□◆◇●○★☆▲△▼▽◎"


_MONTH = (r"(?:jan|feb|febr|mar|mrt|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|f[ée]vr|mars|avr|mai|juin|juil|"
          r"ao[uû]t|d[ée]c|m[äa]rz|okt|dez|mei|maart|juni|juli|augustus)[a-zéûäè]*\.?")
#: the date line under a German law's title, alone on its line: "Vom 4. März 1871.", "Vom 2. Auguſt 1914."
LAW_DATE = re.compile(r"^Vom\s+\d{1,2}\.\s*" + _MONTH + r"\s+1[6-9]\d\d\.$", re.IGNORECASE)
#: a dash standing for the place of the dispatch above, then the new dispatch's date or only its wire's credit
#: ("— 20. Oktober. (W. T. B.) Die …", "— (W. T. B.) Die Mehrzahl …"); the day closed by its stop, as German
#: dates set it ("— 20 Mark für …" is no date)
DASH_DATELINE = re.compile(r"^[—–]\s+(?:\d{1,2}\.\s+" + _MONTH + r"(?:\s|$)|\([A-ZÀ-Þ][^()]{1,20}\)\s)",
                           re.IGNORECASE)


def dash_dateline(text: str) -> bool:
    """``text`` opens on a dash for the place of the dispatch above and the new one's date or wire credit."""
    return DASH_DATELINE.match(text.strip()) is not None


#: a day and a month, either way round ("27. Dez.", "den 27 Junii", "January 5")
_DAY_MONTH = re.compile(r"\b\d{1,2}\.?\s+" + _MONTH + r"|\b" + _MONTH + r"\s+\d{1,2}\b", re.IGNORECASE)


def opens_on_date(text: str) -> bool:
    """``text`` names a day and a month within its first 40 characters: a dated item's opening ("27. Dez. Die
    französische …", "Mandagen den 27 Junii …")."""
    return _DAY_MONTH.search(text[:40]) is not None


#: LONDON. August 26.— · SPRING LAKE, N. J., August 26.— · Vienne ( Autriche ) , 21 juillet. · Berlin, 2. August;
#: a wire's route between place and date ("ROME, via Paris. March 11.—") and a day of two ones read as letters
#: ("March II.", "March ll.")
#: a telegram's day of the week and time of day between its place and its date ("Paris, mardi, 27 novembre.",
#: "Londres, mardi matin, 27 novembre.")
_DAY_NAME = (r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday"
             r"|saturday|sunday)(?:\s+(?:matin|soir|midi|morning|evening|night))?")
LATIN_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’ ().\-]{1,40}?\s*[.,]\s*(?:[A-Z][a-z]{0,3}[.,]\s*){0,3},?\s*(?:via\s+[\w'’ ]{2,20}?[.,]\s*)?"
    r"(?:" + _DAY_NAME + r"\s*,?\s*)?"
    r"(?:den\s+|le\s+)?[.'‘]?(?:" + _MONTH + r"\s*(?:(?:\d[\dtlIi]?|[lI][lI1])\b|[^\w\s]['.\s]{0,8}[.—])"
    r"|\d[\dtlIi]?(?:er|st|nd|rd|th)?\.?\s+" + _MONTH + r")",
    re.IGNORECASE,
)


#: a dateline whose month OCR garbled: a place with capitals in it, then a capitalised word and a day
#: ("W.vsiii.NOTO.v , Mnrcn 2. The president"; a stray mark before it: "EWINO , Neb. , .Match 2.")
_GARBLED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’ ().\-]{1,40}?)\s*[.,]\s*(?:[A-Z][a-z]{0,3}[.,]\s*){0,3},?\s*[.'‘]?[A-Z][a-z]{2,8}\.?\s+"
    r"\d{1,2}\s*[.,—?]")


#: a dateline the OCR garbled around its day, told by its month and the dash that ends it ("London, May.l. 1 a.
#: m.—", "St. Louis. April 3O. —", "Plattatrarr. N. T April 30.—": a state's capitals without their points);
#: no word between the month and the dash ("The Tribune, May 3, said—" is running text)
_DASHED_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’ ().\-]{1,40}?\s*[.,]\s*(?:[A-Z][a-z]{0,3}[.,]?\s+){0,3}" + _MONTH
    + r"(?![a-z])(?:(?![a-z]{3})[^—\n]){0,12}?—",
    re.IGNORECASE,
)


#: the place and "den <day> <month>" with no comma between, as Dutch and German papers set a dispatch's date
#: ("PAUMA den 24 April.", "Regensburg den 4 May.", "G E N O A den 27 April.", "STOKHOLM' den eerften May."):
#: capitalised words (up to six, a letter-spaced name too), then the article, a day (digits or a word) and a month
_DEN_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][\w'’*».\-]*(?:\s+[A-ZÀ-Þ][\w'’*».\-]*){0,5})\s+(?i:den)\s+\S{1,9}\s+(?i:" + _MONTH + r")")
#: ... or with the month lost to OCR ("Amsterdam den 13 Afay. Eergisteren …", "ROME*» den 2ï Dé Kardinael …"): a place
#: of at most four capitalised words, "den", a day of one or two digits (a letter read into it) and a capitalised word
_DEN_DAY_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][\w'’*».\-]*(?:\s+[A-ZÀ-Þ][\w'’*».\-]*){0,3})\s+den\s+\d{1,2}\S?\s+[A-ZÀ-Þ]")
#: a weekday before "den" makes the line a date in running text ("Op MAANDAG den 22 November"), not a place
_WEEKDAYS = re.compile(r"(?:maan|dins|dings|woens|donder|vry|vrij|zater|zon)dag|(?:mon|diens|donners|frei|sonn)tag"
                       r"|mittwoch|samstag|sonnabend", re.IGNORECASE)


#: a dateline as microfilm OCR without punctuation gives it (NDNP: "LEXINGTON Ky Oct 31 Sales of tobacco", "MT
#: STERLING Ky Oct HI Little", "vkLAY CITY Ky Oct Ill Hon"): a place in capitals (a speck or two before it), at most
#: two short abbreviations (a state: "Ky", "N Y"), a month's name or abbreviation in Title Case (in capitals, "TAFT MAY
#: GO" is a headline), and a day of one to four digits or the letters OCR reads them as ("Oct UoOI", "Oct SI"), or
#: one or two digits with a letter or the next word glued on ("Oct 31C T Prince", "Oct 1Wlmer"); a letter of the
#: place read in lower case ("IfEXICO CITY" for MEXICO CITY) stands between capitals
_BARE_DATELINE = re.compile(
    r"^[a-z]{0,2}[A-Z](?:[a-z](?=[A-Z]{3}))?[A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}\s+(?:[A-Z][a-z]{0,3}\s+){0,2}"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}"
    r"\.?\s+(?:[\dlIi|!HnTOoSU]{1,4}|\d{1,2}[A-Z][a-z]*)\b")


#: a dateline broken before its day at the line's end, as narrow columns set a long place ("CONSTANTINOPLE, Turkey,
#: November" / "15.—The …", "ST. JOHNS, Newfoundland, November"; specks before it: "> i JOHN S. Newfoundland,
#: November"): a place, up to three capitalised words or abbreviations, three capitals or more before the month,
#: and a month's full name closing the line (an abbreviation there may be a word: "Mar")
_WRAPPED_DATELINE = re.compile(
    r"^(?:[^\w\s]{1,3}\s*|[a-z]\s+){0,3}(?P<place>[A-Z][\w'’ ().\-]{1,40}?)\s*[.,]\s*(?:[A-Z][\w.]{0,14}[.,]\s*){0,3}"
    r"(?P<month>(?i:january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|"
    r"avril|juillet|septembre|octobre|novembre|décembre|januar|februar|märz|oktober|dezember))\s*$")


def _wrapped_dateline(text: str) -> bool:
    m = _WRAPPED_DATELINE.match(text.strip())
    return m is not None and sum(c.isupper() for c in text.strip()[:m.start("month")]) >= 3


#: the transcriptions of Fraktur type keep its umlaut as a superscript e over the vowel ("Koͤln, 6. Maͤrz.")
_SUPERSCRIPT_E_UMLAUT = re.compile("([AOUaou])\u0364")
_UMLAUTS = {"A": "Ä", "O": "Ö", "U": "Ü", "a": "ä", "o": "ö", "u": "ü"}


def _umlauts(text: str) -> str:
    """``text`` with the superscript e of a Fraktur transcription's umlauts (a + U+0364) read as the umlaut."""
    return _SUPERSCRIPT_E_UMLAUT.sub(lambda m: _UMLAUTS[m.group(1)], text) if "\u0364" in text else text


def latin_dateline(text: str) -> bool:
    """A place and a date opening a Latin-script report ("LONDON, August 26.—"; the day may be lost to OCR
    noise: "NEW YORK, March ' . ' ."; the month too, when the place shows capitals: "W.vsiii.NOTO.v ,
    Mnrcn 2."; Dutch and German "PAUMA den 24 April."; a Fraktur transcription's double hyphen read as a hyphen:
    "Sachſen⸗Coburg⸗Gotha. Gotha, 18. Mai."): the body's start, never a headline."""
    text = _umlauts(text)
    t = _DUTCH_ARTICLE.sub("", _STRAY_START.sub("", text.strip().replace("\u2e17", "-"), count=1), count=1)
    if LATIN_DATELINE.match(t) or _DASHED_DATELINE.match(t) or _BARE_DATELINE.match(t) or _wrapped_dateline(text):
        return True
    den = _DEN_DATELINE.match(t) or _DEN_DAY_DATELINE.match(t)
    if den is not None and _WEEKDAYS.search(den.group("place").split()[-1]) is None:
        return True
    m = _GARBLED_DATELINE.match(t)
    return m is not None and sum(c.isupper() for c in m.group("place")) >= 3


_MONTH_START = re.compile(_MONTH, re.IGNORECASE)
#: what may stand between a dateline's place and its date: abbreviations ("N. J.,", "Neb.,"), "den", "le"
_PLACE_TAIL = re.compile(r"^(?:[\w'’]{1,5}[.,]{1,2}|[A-Z]|[.,]+|den|le|de|\(?[A-Z]\w*\.?\)?,)$")
#: a word of :data:`_DAY_NAME` between a telegram's place and its date
_DAY_WORD = re.compile(r"^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday"
                       r"|friday|saturday|sunday|matin|soir|midi|morning|evening|night),?$", re.IGNORECASE)


def is_dateline_lead(text: str) -> bool:
    """The line opens a report on its dateline proper: a place, then at once the date ("London, 19. Juli.",
    "SPRING LAKE, N. J., August 26.—", "PAUMA den 24 April."). Stricter than :func:`latin_dateline`, which also
    takes a sentence with a date in it after a country ("Hawaii. Aus Honokaa wurden am 25. Februar …", an entry
    of an epidemic report): only abbreviations may stand between the place and the date."""
    if not latin_dateline(text):
        return False
    text = _umlauts(text)
    t = _DUTCH_ARTICLE.sub("", _STRAY_START.sub("", text.strip(), count=1), count=1)
    if _DEN_DATELINE.match(t) or _DEN_DAY_DATELINE.match(t):
        return True
    m = re.match(r"^(?P<place>[^.,]{1,40}?)\s*[.,]\s*(?P<rest>.*)$", t)
    if m is None or _WEEKDAYS.fullmatch(m.group("place").strip()):  # "Dienſtag, 11. Mai." heads a day's programme
        return False
    if _NOT_A_PLACE.match(m.group("place")):  # a section of a list: "Im Sanitäts⸗Corps. Berlin, 28. Dezember."
        return False
    if _common_words(m.group("place")):  # "Le même jour, 28 janvier, …" names a day, not a place
        return False
    for tok in m.group("rest").split()[:6]:
        if tok[:1].isdigit() or _MONTH_START.match(tok):
            return True
        if not _PLACE_TAIL.match(tok) and not _DAY_WORD.match(tok):
            return False
    return False


#: the words in lower case a place's name may hold ("Frankfurt am Main", "Newcastle upon Tyne", "Rio de Janeiro")
_PLACE_PARTICLES = frozenset({"a", "à", "am", "an", "aan", "and", "bei", "da", "de", "del", "della", "den", "der",
                              "des", "di", "do", "du", "el", "en", "et", "im", "in", "la", "le", "les", "of", "on",
                              "op", "sur", "sous", "und", "upon", "van", "vor", "von", "y", "zu", "zum", "zur"})


def _common_words(place: str) -> bool:
    """``place`` holds a word in lower case that no place name holds (three letters or more, not one of
    :data:`_PLACE_PARTICLES`): a phrase naming a day ("Le même jour"), no place; a garbled place ("st a I, 27. Dec.")
    reads as letters apart."""
    return any(w[:1].islower() and len(w) >= 3 and w.strip("'’") not in _PLACE_PARTICLES for w in place.split())


#: a place is named, not opened by a preposition: "Im Sanitäts⸗Corps.", "Durch Verfügung des Kriegs⸗Miniſteriums."
#: head sections of a list of appointments, whatever date follows them
_NOT_A_PLACE = re.compile(r"^(?:Im|In|Durch|Bei|Beim|Auf|Aus|Von|Vom|Nach|Zum|Zur|Für|Mit|Unter|Über)\s")
#: the old genitive article before a Dutch place name ("'s-GRAVENHAGE, 30 Nov.", "'s Hertogenbosch, …")
_DUTCH_ARTICLE = re.compile(r"^[’'‘]s[-\s]?(?=[A-ZÀ-Þ])")
#: a mark the OCR read off a column rule before a line's first word ("i Hicks, Dec. 8.—", "!BOSTON, August 31.")
_STRAY_START = re.compile(r"^(?:[ijl|!¦'‘]\s+|[!|¦'‘](?=[A-Z]))")


def dateline(text: str) -> int | None:
    """Length of the dateline at the start of ``text``, or None."""
    m = DATELINE.match(text)
    return m.end() if m else None


def byline_prefix(text: str) -> int | None:
    """Length of a byline at the start of ``text`` (after a dateline), or None."""
    for rx in (_BYLINE_PAREN, _BYLINE_TW):
        m = rx.match(text)
        if m:
            return m.end()
    return None


#: a sentence's stops, which no byline holds; with the comma, which no photo credit holds (one search, not one a
#: mark: these are asked of every line of a page)
SENTENCE_STOPS = re.compile("[。！？；]")
_CREDIT_STOPS = re.compile("[。！？；，]")
#: a character of CJK running text (U+3400–U+9FFF), which no noise holds
_RUNNING_TEXT = re.compile("[\u3400-\u9fff]")


def is_byline_line(text: str) -> bool:
    """A line that is only a byline: 本报记者 窦瀚洋 毕京津, （记者张璁）, 記者林育德／報導."""
    t = text.strip()
    if not t or len(t) > 40 or is_credit(t):
        return False
    if SENTENCE_STOPS.search(t):
        return False
    if _BYLINE_LINE.match(t):
        return "，" not in t
    n = byline_prefix(t)
    return n is not None and n >= len(t) - 1


def is_credit(text: str) -> bool:
    """A photo credit: 新华社记者 唐如峰摄, 资料图片."""
    t = text.strip()
    if not t or len(t) > 30 or _CREDIT_STOPS.search(t):
        return False
    return bool(_CREDIT.search(t) or _CREDIT_START.match(t))


_CN_NUM = "〇○零一二三四五六七八九十廿卅百0-9０-９"
#: the pieces of a Chinese page's date line: 第二版 · 中華民國二十八年 · 四月廿二日 · 庚申年 · 三月初三日 · 星期六
_DATE_PIECE = re.compile(
    r"第[" + _CN_NUM + r"]+版|(?:中華)?民國[" + _CN_NUM + r"]+年|[" + _CN_NUM + r"]{2,4}年"
    r"|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年|[" + _CN_NUM + r"閏]+月|初?[" + _CN_NUM + r"]+日"
    r"|星期[一二三四五六日天]|禮拜[一二三四五六日天]"
)


#: a weekday (English, German, French, Dutch)
_WEEKDAY = (r"(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|sonntag|montag|dienstag|dinstag|mittwoch|"
            r"donnerstag|freitag|samstag|sonnabend|dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi|zondag|maandag|"
            r"dinsdag|woensdag|donderdag|vrijdag|zaterdag)")
#: the issue's date line under a Latin masthead: a weekday, a day of a month and the year
#: ("WASHINGTON, D. C., SUNDAY MORNING, SEPTEMBER 1, 1918", "Dinstag, 7. Dezember 1858")
_ISSUE_DATE = re.compile(
    r"\b" + _WEEKDAY + r"\b.{0,20}?(?:\b" + _MONTH + r"\s*\d{1,2}\b|\b\d{1,2}\.?\s+" + _MONTH + r")"
    r".{0,6}?\b1[6-9]\d\d\b",
    re.IGNORECASE)


def is_issue_date(text: str) -> bool:
    """The issue's date line as a Latin masthead sets it: weekday, day, month and year on one line."""
    return len(text) <= 120 and _ISSUE_DATE.search(text) is not None


def is_date_line(text: str) -> bool:
    """A Chinese page's date line or folio (第二版 民國九年四月廿一日, 庚申年三月初三日 星期三): at least two
    date pieces, a year, page or weekday among them, and no more than six other characters (the paper's
    name, its motto)."""
    t = "".join(text.split())
    pieces = _DATE_PIECE.findall(t)
    dated = any(p.endswith(("年", "版")) or p.startswith(("星期", "禮拜")) for p in pieces)
    return len(pieces) >= 2 and dated and len(_DATE_PIECE.sub("", t)) <= 6


#: the glyphs OCR reads a drawing's hatching as: vertical strokes
STROKE_CHARS = frozenset("lI1i|!")
#: a token is a row of strokes when it is at least this long and this share of it strokes ("Slllllllll",
#: "iiiiiiiin", "11111111"; "Mill", "illicit" are words), or one letter repeated as long ("mmmm")
STROKES_MIN, STROKES_SHARE = 4, 0.85


def _strokes(token: str) -> bool:
    """A drawing's hatching read as letters, not a word or a number: a long row of vertical strokes or of one
    letter ("Slllllllll", "11111111", "mmmm"); "Illinois", "still", "1111" among words are words."""
    if len(token) < STROKES_MIN:
        return False
    strokes = sum(ch in STROKE_CHARS for ch in token)
    return strokes >= STROKES_SHARE * len(token) or len(set(token)) == 1


def is_ocr_fragment(text: str) -> bool:
    """A Latin-script line that holds no word: OCR noise from a rule, a blot, the gutter or a drawing ("11 1",
    "i", 'K "', "d p i", "rt n . • ï O . •", "Slllllllll"). Lines with CJK characters are never fragments (one
    character is a word there)."""
    t = text.strip()
    if any(is_wide_char(c) for c in t):
        return False
    t = re.sub(r"[^\W_]+", lambda m: "" if _strokes(m.group()) else m.group(), t)
    words = re.findall(r"[^\W_]{3,}", t)
    letters = sum(c.isalpha() for c in t)
    return not words and (letters <= 4 or letters < 0.5 * sum(not c.isspace() for c in t))


def is_tabular(text: str) -> bool:
    """A row of a table (prices, lottery numbers): three numbers or more, or mostly one-character tokens
    ("MUTTON OF 8 POUNDS (DEAD.) s. d. s. d.")."""
    tokens = re.findall(r"[^\W_]+", text)
    numbers = sum(1 for tok in tokens if any(c.isdigit() for c in tok))
    single = sum(1 for tok in tokens if len(tok) == 1)
    return numbers >= 3 or (single >= 3 and single >= 0.5 * len(tokens))


def is_editors_line(text: str) -> bool:
    """The page's editors' line (本版责编：…), whose names may run on to the next line — a folio or date line's
    next line is the page's first text."""
    return bool(_FURNITURE.match(text.strip()))


def is_furniture(text: str) -> bool:
    """Page furniture: the page editors (本版责编), folios, the page date line."""
    t = text.strip()
    return bool(_FURNITURE.match(t) or _FOLIO.match(t))


#: a running head's parts other than the paper's and the section's names: the date (with its year), the weekday,
#: the page ("第4版", "4版", a bare number), separators
_HEAD_DATE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})年\d{1,2}月\d{1,2}日")
_HEAD_PARTS = re.compile(_HEAD_DATE.pattern + r"|(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]"
                         r"|第?\d{1,3}版|\d{1,3}|[|｜·•/／—\-]")
#: what no running head holds: a sentence's punctuation, a dispatch's 电/讯 after its date
_NOT_HEAD = re.compile(r"[。，、；：“”‘’！？（）()]|日(?:电|電|讯|訊)")
#: most characters a running head holds besides its date, weekday and page: a paper's name and a section's
RUNNING_HEAD_WORDS = 10


def is_running_head(text: str) -> bool:
    """A paper's running head over (or under) a page: its date with the year and, at most, the weekday, the page
    and the paper's and section's names ("人民日报 2021年1月27日 星期三 4 要闻", "要闻 | 2021 年 1 月 27 日 | 第 4
    版") — no sentence, no dispatch (本报北京2021年1月27日电)."""
    t = re.sub(r"\s+", "", text)
    if not _HEAD_DATE.search(t) or _NOT_HEAD.search(t):
        return False
    rest = _HEAD_PARTS.sub("", t)
    return len(rest) <= RUNNING_HEAD_WORDS and all(is_cjk(c) for c in rest)


#: the paper's imprint: who edits, prints and publishes it ("Berlin, Druck und Verlag der …", "Redaction und
#: Rendantur: …", "London: Printed and Published by H. ROWLAND, at the Office of …", "Le Gérant : …")
_IMPRINT = re.compile(
    r"\b(?:Druck\s+und\s+Verlag|Verlag\s+der\s+Expedition|Redaction\s+und\s+Rendantur|Reda[ck]t[eu]u?r\s*:|"
    r"Verantwortlicher\s+Redakteur|Printed\s+and\s+[Pp]ublished\s+by|Imprimerie\s+(?:de|\S{1,3}\s+[A-ZÀ-Þ])|"
    r"Imprimé\s+par|Gedrukt\s+bij|Ter\s+[Dd]rukkerij|" + _EDITOR + ")"
    # a French paper's legal manager, signing its last page ("Le Gérant, FR. …", "L'Imprimeur-Gérant : …")
    r"|(?:^|\.\s)(?:Le\s+|L['’]Imprimeur-)G[ée]rant\s*[:,.]")


def is_imprint(text: str) -> bool:
    """The paper's imprint (editor, printer, publisher), set at the foot of its last page ("Imprimerie de", the OCR
    garbling the particle: "Imprimerie ue Heintzé frères")."""
    return _IMPRINT.search(text) is not None


def is_responsible_editor(text: str) -> bool:
    """The editor answering for the paper (:data:`_EDITOR`): it closes the editorial part wherever it stands, over
    the adverts under it."""
    return re.search(_EDITOR, text) is not None


#: a jump line: where an article goes on ("(Continued on Second Page.)", "(Fortsetzung auf Seite 3.)",
#: "(Suite à la page 2.)", "(Fortſetzung des Nichtamtlichen in der Erſten Beilage.)"), a page reference in
#: parentheses
_JUMP_LINE = re.compile(
    r"^\(\s*(?:(?:Continued\s+on|Concluded\s+on|Continued\s+from|Fortsetzung\s+auf|Fortſetzung\s+auf|"
    r"Suite\s+(?:à|a|en)\b)[^()]{0,30}|Fort[sſ]etzung\s+(?:des|der)\b[^()]{0,40}\bBeilage\.?)\)\.?$", re.IGNORECASE)


def is_jump_line(text: str) -> bool:
    """A line sending the reader to the page an article continues on (or comes from)."""
    return _JUMP_LINE.match(text.strip()) is not None


def is_editors_note(text: str) -> bool:
    return bool(_EDITORS_NOTE.match(text.strip()))


def is_column_label(text: str) -> bool:
    """A column label set off by a mark: ■干部状态新观察."""
    t = text.strip()
    return bool(t) and t[0] in _COLUMN_MARK and len(t) <= 30 and not any(p in t for p in "。，")


def is_noise(text: str) -> bool:
    """Stray OCR noise: a very short line with no letters of running text."""
    t = text.strip()
    if not t:
        return True
    if _RUNNING_TEXT.search(t):
        return False
    if t.isdigit():
        return False
    return len(t) <= 3
