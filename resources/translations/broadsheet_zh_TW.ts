<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>About</name>
    <message>
        <location filename="../../reader/gui/dialogs/about_dialog.py" line="+36"/>
        <source>The bundled sample archive</source>
        <extracomment>the sample table&apos;s words, translated in the &quot;About&quot; context (the attributions&apos; names stay as written)</extracomment>
        <translation>隨附的樣本檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broadsheet opens on a small library built from these files the first time it starts.</source>
        <translation>Broadsheet 首次啟動時，會用這些檔案建立一個小型文庫並開啟。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folder / file</source>
        <translation>資料夾 / 檔案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>what it is</source>
        <translation>內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>licence / attribution</source>
        <translation>授權 / 署名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人民日报 (People&apos;s Daily), a page of 2021-01-27 as plain OCR text (a PDF text dump)</source>
        <translation>人民日报 2021-01-27 的一個版面，純 OCR 文字（從 PDF 匯出的文字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the project&apos;s shared samples</source>
        <translation>本專案的共用樣本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>news text of a public newspaper, used as a research sample</source>
        <translation>公開報紙的新聞文字，用作研究樣本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>*Luxemburger Zeitung – Journal de Luxembourg*, 1858-12-07, a 4-page METS/ALTO issue</source>
        <translation>*Luxemburger Zeitung – Journal de Luxembourg*（盧森堡報），1858-12-07，4 個版面的 METS/ALTO 期刊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>public domain (BnL releases these as CC0)</source>
        <translation>公有領域（盧森堡國家圖書館以 CC0 釋出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>晶報 Jing bao (The Crystal), no. 3795, 1939-04-21, pages 2–3 (one folded sheet), vertical text</source>
        <translation>晶報 Jing bao，第 3795 號，1939-04-21，第 2–3 版（一張對摺的紙），直排文字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kant, „Beantwortung der Frage: Was ist Aufklärung?“, *Berlinische Monatsschrift*, December 1784, p. 484: PAGE-XML ground truth with its JPEG 2000 scan (`INPUT_0020.jp2` upstream, renamed after the XML so the importer pairs them)</source>
        <translation>康德〈答覆這個問題：什麼是啟蒙？〉，*Berlinische Monatsschrift*（柏林月刊），1784 年 12 月，第 484 頁：PAGE-XML 標準文字及其 JPEG 2000 掃描圖（上游名為 `INPUT_0020.jp2`，依 XML 改名，以便匯入時配對）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no licence stated upstream; OCR-D ground truth</source>
        <translation>上游未註明授權；OCR-D 標準文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The `.meta.json` files beside two sources give the publication and date the files themselves do not state. Apart from that one file name, nothing here was changed from the upstream files.</source>
        <translation>兩個來源旁的 `.meta.json` 檔案提供了檔案本身未寫明的刊名和日期。除了那一個檔名以外，這裡的檔案與上游完全相同。</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <location filename="../../reader/gui/widgets/annotations_panel.py" line="+79"/>
        <source>Article note</source>
        <extracomment>how a highlight is marked in the reading view and on the layout</extracomment>
        <translation>文章筆記</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>made on “%1”</source>
        <translation>原標註於「%1」</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location line="+53"/>
        <source>Annotations of this article</source>
        <extracomment>show an annotation in the reading view a new article note for the current article the visibility of new work was chosen (a shared library): a :class:`Visibility` whether the library can be written here (its buttons that write offered only then)</extracomment>
        <translation>本文的註記</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Filter by tag</source>
        <translation>按標籤篩選</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by text</source>
        <translation>按文字篩選</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter notes and quotes</source>
        <translation>篩選筆記和引文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only in search hits</source>
        <translation>僅限搜尋結果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only annotations of the articles the current search found</source>
        <translation>只顯示當前搜尋找到的文章的註記</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotations of the library</source>
        <translation>文庫的註記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotation</source>
        <translation>註記</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This article</source>
        <translation>本文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation>文庫</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article &amp;note…</source>
        <translation>文章筆記(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>New work visible to:</source>
        <translation>新建內容可見範圍：</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>All tags</source>
        <extracomment>id → the words of a current annotation as the text shown reads them the article an annotation is shown on (set_source) id → the words of listed annotations as the reader reads them now, where corrected since (set_source)</extracomment>
        <translation>所有標籤</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Highlights and notes</source>
        <translation>標示與筆記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orphaned (text not found)</source>
        <translation>失去錨點（找不到原文）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Corrections in this text</source>
        <translation>本文中的更正</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Annotations (%1)</source>
        <translation>註記（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orphaned (%1)</source>
        <translation>失去錨點（%1）</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../reader/gui/app.py" line="+193"/>
        <source>An unexpected error happened. It has been logged; your library and your annotations are safe.</source>
        <extracomment>the platform&apos;s own style, to go back to from a fixed theme the dark theme&apos;s style, kept referenced while the application uses it</extracomment>
        <translation>發生了意外錯誤，已記入日誌；您的文庫和註記都安然無恙。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy debug information</source>
        <translation>複製除錯資訊</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <location filename="../../reader/gui/widgets/article_list.py" line="+24"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline</source>
        <translation>標題</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>型別</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Begins</source>
        <translation>開頭</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No printed headline: its first words</source>
        <extracomment>(article id, a piece of its text) → that piece as the reading view shows it (the script chosen) what is listed: (issue, page), for :meth:`relist`</extracomment>
        <translation>沒有印出的標題：這是它開頭的文字</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>advert</source>
        <translation>廣告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notice</source>
        <translation>啟事</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>furniture</source>
        <translation>版面元素</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/gui/widgets/article_view.py" line="+1527"/>
        <source>Your correction removed “%1” here.</source>
        <extracomment>ids of the source lines under the selection (or the cursor) the current hit changed: (index, count) larger (1) or smaller (-1) text asked for over the text: Ctrl+plus, Ctrl+minus, Ctrl+wheel the converter showing an article (given its text) in the chosen script the article&apos;s page was set in vertical columns (ECPO): a headline&apos;s columns are shown apart search hits as original ranges, and the current one (the reading, part index → its place as shown), for ordering hits the reader&apos;s highlights as original ranges, with the annotation id of each the vertical reader&apos;s place when a resize began, kept until the columns are laid out again (the reader&apos;s place in original characters, where it was shown): kept while the reader does not scroll, so that successive changes (Ctrl+] twice, a resize back and forth) come back to the same character — each took the start of the line or column now at the top, and the place drifted a line or a column each time</extracomment>
        <translation>您的校正在此處刪去了「%1」。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your correction. The OCR text reads “%1”.</source>
        <translation>您的校正。OCR 文字此處為「%1」。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not printed on the page: the headline a correction or the publisher&apos;s record gives.</source>
        <translation>版面上並未印出：這是校正或出版方記錄給出的標題。</translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 處相符</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <location filename="../../reader/gui/widgets/collections_panel.py" line="+41"/>
        <source>Collections</source>
        <extracomment>(name, Visibility): the owner chose who may see the collection (a shared library) whether the library can be written here (its buttons that write offered only then)</extracomment>
        <translation>收藏集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Articles of the collection</source>
        <translation>收藏集中的文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add current article</source>
        <translation>添加當前文章(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete collection</source>
        <translation>刪除收藏集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rena&amp;me…</source>
        <translation>重新命名(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+120"/>
        <source>Rename the chosen collection (F2)</source>
        <extracomment>the article a piece the reader split off was merged into by the reader&apos;s own correction, else None what such a piece is named by (its first words in square brackets), else &quot;&quot; who merged such an entry away: &quot;&quot; the reader, else the colleague (a shared library)</extracomment>
        <translation>重新命名所選收藏集（F2）</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Visible to:</source>
        <translation>可見範圍：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Choose a collection, or make one with New…</source>
        <translation>請選擇一個收藏集，或用「新建…」建立一個</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was merged into %2 by %3’s correction; its words are read there. The entry is kept; remove it when you no longer need it.</source>
        <translation>%1 已依 %3 的更正併入%2，其文字在那裡閱讀。條目保留；不再需要時可將其移除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — merged into %2</source>
        <translation>%1 — 已併入%2</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 was merged into %2 by your correction; its words are read there. The entry is kept; remove it when you no longer need it.</source>
        <translation>%1 已依您的更正併入%2，其文字在那裡閱讀。條目保留；不再需要時可將其移除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — no longer in the library</source>
        <translation>%1 — 已不在文庫中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is no longer in the library: its file was imported again without it. The entry is kept; remove it when you no longer need it.</source>
        <translation>%1 已不在文庫中：其檔案重新匯入後不再包含它。此條目仍保留；不再需要時可將其移除。</translation>
    </message>
</context>
<context>
    <name>ConcordanceModel</name>
    <message>
        <location filename="../../reader/gui/widgets/concordance_view.py" line="+101"/>
        <source>Occurrences in this line&apos;s article</source>
        <extracomment>rows handed to the view at a time the sort each column&apos;s header asks for (others keep the date order) (article id, a piece of its text) → that piece as the reading view shows it (the script chosen) article id → what an article printed with no headline is named by, as the reading view shows it (the window&apos;s lists: its first words in square brackets, :meth:`reader.app.archive.Archive.name_of`)</extracomment>
        <translation>本行所在文章中的出現次數</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left context</source>
        <translation>左語境</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match</source>
        <translation>符合</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right context</source>
        <translation>右語境</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publication</source>
        <translation>報刊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Page</source>
        <translation>版</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Headline</source>
        <translation>標題</translation>
    </message>
</context>
<context>
    <name>ConcordanceView</name>
    <message>
        <location line="+119"/>
        <source>Concordance of: 发展   &quot;a phrase&quot;   a OR b</source>
        <extracomment>a query to look up: (query, context) a line was clicked: the ConcordanceLine the CSV export was asked for</extracomment>
        <translation>索引：發展   &quot;片語&quot;   a OR b</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concordance query</source>
        <translation>索引查詢</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+40"/>
        <source>Context</source>
        <translation>語境</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Context on either side: characters for Chinese, words for Latin script</source>
        <translation>兩側語境：中文按字計，拉丁文字按詞計</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The concordance compares characters as the switch on the Search tab says</source>
        <extracomment>how the lines shown compared characters (the Search tab&apos;s switch), as the timeline says it</extracomment>
        <translation>語詞索引依「搜尋」分頁上的開關比對字元</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Concordance lines</source>
        <translation>索引行</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Looking for every occurrence…</source>
        <translation>正在尋找所有出現之處…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Characters compared: %1</source>
        <translation>字元比對方式：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 occurrence(s) in %2 article(s)</source>
        <translation>%2 篇文章中出現 %1 次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>loading the other lines…</source>
        <translation>正在載入其餘各行…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the first %1 shown, in date order; the export writes them all</source>
        <translation>依日期顯示前 %1 條；匯出包含全部</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../reader/model/errors.py" line="+52"/>
        <source>lost the connection to the shared library at {where} ({reason}); your last change was not saved</source>
        <extracomment>the message&apos;s English template (&quot;{name}&quot; fields) and its translation context, when it has one</extracomment>
        <translation>與共享文庫 {where} 的連線已中斷（{reason}）；您最後的變更沒有儲存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>lost the connection to the shared library at {where} ({reason})</source>
        <translation>與共享文庫 {where} 的連線已中斷（{reason}）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs/export_dialog.py" line="+156"/>
        <source>Export</source>
        <extracomment>OpenCC reading texts a TEI export can add (&quot;&quot; = none) the script the reader reads in (an OpenCC configuration, &quot;&quot; the original): the export is as printed, said so scope (&quot;article&quot;, &quot;issue&quot;) → whether all its articles are read in ``script`` as printed (nothing to say of conversion then); a scope not in it was not judged a shared library: the export holds the group&apos;s shared notes and corrections besides the reader&apos;s own the citation style of the ``cite`` format (reader.export.cite.STYLES) the articles in it the reader&apos;s corrections its text holds (:meth:`reader.app.overlay.Overlay.applied`) a collection&apos;s entries not exported: their article no longer in the library, or merged into another (the dialog said &quot;Exported 1 article(s)&quot; of a collection of two, the other left out unsaid — seen by eye) of ``applied``, the colleagues&apos; (a shared library), by name: they were said to be the reader&apos;s the file name offered for each scope: broadsheet-&lt;name&gt;&lt;suffix&gt; a file was written (its path)</extracomment>
        <translation>匯出</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Current article: %1</source>
        <translation>當前文章：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current issue: %1</source>
        <translation>當前期號：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection</source>
        <translation>收藏集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search hits: %1 (%2)</source>
        <translation>搜尋結果：%1（%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TEI P5 (XML)</source>
        <translation>TEI P5 (XML)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plain text</source>
        <translation>純文字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV of hits</source>
        <translation>檢索結果 CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSL-JSON citations</source>
        <translation>CSL-JSON 引文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Citations</source>
        <translation>引文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BibTeX</source>
        <translation>BibTeX</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Include annotations and corrections (mine and those my group shares)</source>
        <translation>包括註記和校正（我的，以及我的小組共享的）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include annotations and corrections</source>
        <translation>包括註記和校正</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TEI: add an OpenCC reading text, marked as derived</source>
        <translation>TEI：附加 OpenCC 轉換的閱讀文本，並標為派生</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>GB/T 7714 for Chinese papers, Chicago for the rest</source>
        <extracomment>what script the text is exported in, said when the reader reads in another (it is the sources&apos;)</extracomment>
        <translation>中文報紙用 GB/T 7714，其餘用芝加哥格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB/T 7714-2015</source>
        <translation>GB/T 7714-2015</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chicago (notes and bibliography)</source>
        <translation>芝加哥格式（註釋與參考文獻）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APA (7th edition)</source>
        <translation>APA（第7版）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Scope:</source>
        <translation>範圍(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ollection:</source>
        <translation>收藏集(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reading text:</source>
        <translation>閱讀文本(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citation s&amp;tyle:</source>
        <translation>引文格式(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ile:</source>
        <translation>檔案(&amp;I)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The text is exported as the sources print it: articles printed in another script than %1, the one you read in, are not converted to it.</source>
        <translation>文本按來源所印匯出：以%1（您閱讀所用的字體）以外的字體印行的文章，不轉換為%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The text is exported as the sources print it, not converted to %1, the script you read in.</source>
        <translation>文本按來源所印匯出，不轉換為您閱讀所用的%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading text adds a converted copy, marked as derived.</source>
        <translation>「閱讀文本」附加一份轉換後的副本，並標為派生。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export to</source>
        <translation>匯出到</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose a file to export to.</source>
        <translation>請選擇匯出的目標檔案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file name ends in %1, another format&apos;s: choose that format, or a name ending in %2.</source>
        <translation>檔名以 %1 結尾，那是另一種格式的副檔名：請選擇該格式，或使用以 %2 結尾的檔名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Replace the file?</source>
        <translation>替換檔案？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exists. Replace it with this export?</source>
        <translation>%1 已存在。要用這次匯出替換它嗎？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not exported: the file exists and was kept.</source>
        <translation>未匯出：檔案已存在，已保留原檔案。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported %1 article(s) to %2: the text as the sources print it, with %3 correction(s) of yours applied.</source>
        <translation>已將 %1 篇文章匯出到 %2：文本按來源所印，並已套用您的 %3 處校正。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 article(s) to %2: the text as the sources print it.</source>
        <translation>已將 %1 篇文章匯出到 %2：文本按來源所印。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1 article(s) to %2: the text as the sources print it, with %3 correction(s) applied, %4 of them your colleagues&apos; (%5).</source>
        <translation>已將 %1 篇文章匯出到 %2：文本按來源所印，並已套用 %3 處校正，其中 %4 處是同事的（%5）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 entry(ies) of the collection not exported: their article is no longer in the library, or was merged into another (the entries are kept).</source>
        <translation>收藏集中有 %1 個條目未匯出：其文章已不在文庫中，或已併入另一篇文章（條目仍保留）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export cancelled.</source>
        <translation>匯出已取消。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/gui/widgets/article_view.py" line="-675"/>
        <location line="+1"/>
        <source>Find in article</source>
        <extracomment>a paragraph&apos;s column pitch in percent of the one at the horizontal view&apos;s 175 % (k, offset, rect, char, font px) what to say of the place under the pointer (set by the article view) the flat index of each column&apos;s first cell, in reading order (right to left) each column&apos;s strip (left, right), in the same order: x falls from one to the next</extracomment>
        <translation>在文章中尋找</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous match</source>
        <translation>上一處相符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一處相符 (Shift+F3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next match</source>
        <translation>下一處相符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (F3)</source>
        <translation>下一處相符 (F3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close find bar</source>
        <translation>關閉尋找欄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>關閉 (Esc)</translation>
    </message>
</context>
<context>
    <name>HighlightDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs/highlight_dialog.py" line="+63"/>
        <source>Highlight</source>
        <translation>標示</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags, separated by commas</source>
        <translation>標籤，用逗號分隔</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Note:</source>
        <translation>筆記(&amp;N)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your text, not saved</source>
        <translation>您的文字（未儲存）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your text, not saved
(also on the clipboard):</source>
        <translation>您的文字，未儲存
（也已複製到剪貼簿）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Visible to:</source>
        <translation>可見範圍(&amp;V)：</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&amp;Tags:</source>
        <translation>標籤(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>LayoutView</name>
    <message>
        <location filename="../../reader/gui/widgets/layout_view.py" line="+449"/>
        <source>Page layout</source>
        <extracomment>Synthetic layout of plain-text pages: pixels per em, line pitch, lines per column. a drawn line whose characters would be fewer pixels tall than this on screen is drawn as a grey bar pages whose drawing is kept after another page is shown, to show them again at once (going back and forth between hits or articles on a few pages rebuilt the page each time) Page images are decoded at most this many pixels on their longer side. Largest image decoded whole to be reduced (formats Pillow cannot decode at a lower resolution: PNG, TIFF…): 80 MP, a broadsheet page at 400 dpi, about 240 MB while it is reduced. JPEG and JPEG 2000 are decoded reduced, whatever their size. A file past it (a 21 KB PNG claiming 13300×13300) shows the drawn layout instead of freezing the view. a drawn line&apos;s characters, and those of a line of the current article outline of the lines under the reader&apos;s highlights each line&apos;s grey bar, made at the first paint that draws bars indices of the lines in the current article, lit by the selection, under a hit a line was clicked: (line id, offset of the character under the mouse)</extracomment>
        <translation>版面</translation>
    </message>
</context>
<context>
    <name>LibraryTree</name>
    <message>
        <location filename="../../reader/gui/widgets/library_tree.py" line="+37"/>
        <source>Library</source>
        <extracomment>(page id, issue id)</extracomment>
        <translation>文庫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication, issue, page</source>
        <translation>報刊、期號、頁</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>undated</source>
        <extracomment>issues that :meth:`select` opened (not the user): folded again when the reader leaves them the current item was chosen while the tree was hidden: scrolled to when it is shown</extracomment>
        <translation>無日期</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 頁</numerusform>
        </translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Page %1</source>
        <translation>第 %1 頁</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../reader/gui/diagnostics.py" line="+98"/>
        <source>not installed</source>
        <extracomment>records kept for the log view and the debug information distributions whose versions About and the debug information name: (label, distribution names to try)</extracomment>
        <translation>未安裝</translation>
    </message>
    <message>
        <location filename="../../reader/gui/widgets/log_view.py" line="+29"/>
        <source>Log</source>
        <translation>日誌</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Least level shown</source>
        <translation>顯示的最低級別</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/mainwindow.py" line="+189"/>
        <source>Library</source>
        <extracomment>room left around the first window for the window manager&apos;s frame and title bar the first run&apos;s window (less on a smaller screen) and side panel a saved window smaller than this share of the first run&apos;s area, saved on a smaller screen, is not restored the side panel&apos;s least width: its three tabs, an issue&apos;s date and a page&apos;s label whole (at 150 px the Collections tab was behind scroll arrows, the issues read &quot;2021-01-…&quot; and the pages showed no label) an article is shown (its id) a library is open (its folder) a search finished (Results) an import finished, was cancelled or failed: (&quot;done&quot; | &quot;aborted&quot; | &quot;failed&quot;, summary) what the window shows: publication, issue, page, article, hits undo and redo of annotation and correction edits the reader&apos;s work changed by other processes, heard and shown</extracomment>
        <translation>文庫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collections</source>
        <translation>收藏集</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotations</source>
        <translation>註記</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log</source>
        <translation>日誌</translation>
    </message>
    <message>
        <location line="+232"/>
        <source>Undone: %1</source>
        <translation>已撤銷：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This library is read-only here: notes, corrections and collections cannot be saved in it.</source>
        <translation>此文庫在這裡是唯讀的：無法在其中儲存筆記、校正或收藏集。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Drop to import these files into the library.</source>
        <translation>放開滑鼠，把這些檔案匯入文庫。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="+199"/>
        <source>&amp;Open library…</source>
        <extracomment>widgets of the toolbar (dotted name on the window → place)</extracomment>
        <translation>開啟文庫(&amp;O)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Import files…</source>
        <translation>匯入檔案(&amp;I)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import &amp;folder…</source>
        <translation>匯入資料夾(&amp;F)…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Find in article…</source>
        <translation>在文章中尋找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Find &amp;next</source>
        <translation>尋找下一個(&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find pre&amp;vious</source>
        <translation>尋找上一個(&amp;V)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Search the library</source>
        <translation>搜尋文庫(&amp;S)</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Interface lang&amp;uage</source>
        <translation>介面語言(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line spa&amp;cing</source>
        <translation>行距(&amp;C)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Re&amp;build search index</source>
        <translation>重建搜尋索引(&amp;B)</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Conc&amp;ordance…</source>
        <translation>語詞索引(&amp;O)…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add to co&amp;llection…</source>
        <translation>加入收藏集(&amp;L)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Selection as h&amp;eadline</source>
        <translation>將所選設為標題(&amp;E)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Split pa&amp;ragraph at the cursor</source>
        <translation>在游標處拆分段落(&amp;R)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fit &amp;width</source>
        <translation>適合寬度(&amp;W)</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;maller text</source>
        <translation>縮小文字(&amp;M)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>&amp;Vertical reading (直排)</source>
        <translation>豎排閱讀(&amp;V)（直排）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>P&amp;roblems</source>
        <translation>問題(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lo&amp;g</source>
        <translation>日誌(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Si&amp;de panel (library, search, collections)</source>
        <translation>側邊欄(&amp;D)（文庫、搜尋、收藏集）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Next article</source>
        <translation>下一篇文章(&amp;N)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>&amp;Previous article</source>
        <translation>上一篇文章(&amp;P)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Next pa&amp;ge</source>
        <translation>下一頁(&amp;G)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Previous pag&amp;e</source>
        <translation>上一頁(&amp;E)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Next &amp;hit</source>
        <translation>下一個命中(&amp;H)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Previous h&amp;it</source>
        <translation>上一個命中(&amp;I)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;About Broadsheet</source>
        <translation>關於 Broadsheet(&amp;A)</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Search &amp;syntax</source>
        <translation>搜尋語法(&amp;S)</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>&amp;Move paragraph to article…</source>
        <translation>將段落移到文章(&amp;M)…</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Fit &amp;page</source>
        <translation>適合頁面(&amp;P)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Annotations</source>
        <translation>註記(&amp;A)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Full screen</source>
        <translation>全螢幕(&amp;F)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Copy &amp;debug information</source>
        <translation>複製除錯資訊(&amp;D)</translation>
    </message>
    <message>
        <location line="-304"/>
        <source>&amp;Undo</source>
        <translation>撤銷(&amp;U)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Open &amp;shared library…</source>
        <translation>開啟共享文庫(&amp;S)…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Read every file &amp;again…</source>
        <translation>重新讀取所有檔案(&amp;A)…</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>&amp;Timeline…</source>
        <translation>時間軸(&amp;T)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Highlight selection…</source>
        <translation>標示所選內容(&amp;H)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Article &amp;note…</source>
        <translation>文章筆記(&amp;N)…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Split article at this paragraph</source>
        <translation>從此段拆分文章(&amp;S)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merge with &amp;next article</source>
        <translation>與下一篇文章合併(&amp;N)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Merge with &amp;previous article</source>
        <translation>與上一篇文章合併(&amp;P)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Join paragraph with the one before</source>
        <translation>與上一段合併(&amp;J)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Correct OCR &amp;text…</source>
        <translation>校正 OCR 文字(&amp;T)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show &amp;corrected text</source>
        <translation>顯示校正後的文字(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/display.py" line="+28"/>
        <source>Compact</source>
        <translation>緊湊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Normal</source>
        <translation>標準</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relaxed</source>
        <translation>寬鬆</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wide</source>
        <translation>很寬</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop newspaper files or folders here to import them (ALTO, METS, hOCR, PAGE XML, text, images), or use File → Import files….</source>
        <translation>把報紙檔案或資料夾拖到這裡即可匯入（ALTO、METS、hOCR、PAGE XML、文字、影像），或使用「檔案 → 匯入檔案…」。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Display script</source>
        <extracomment>the user&apos;s 直排 choice for every page (kept in the settings) whether pages set vertically read vertically without it (kept too: off once turned off there)</extracomment>
        <translation>顯示字形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Script of the reflowed text (the page and the search are unchanged)</source>
        <translation>重排文本的字形（版面和搜尋不受影響）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+20"/>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>The interface language changes the next time Broadsheet starts. Your library and your place are kept.</source>
        <translation>介面語言將在下次啟動 Broadsheet 時變更。您的文庫和閱讀位置都會保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interface language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="-229"/>
        <source>&amp;File</source>
        <extracomment>the translation context of the window&apos;s strings (the one the .ts files hold them in) the source text, translated in :data:`CONTEXT` dotted name of the handler on the window; empty for actions Qt provides (see ``provider``) every platform binding of a single standard key, not only its first in the context menu: enabled only with a selection in the reading view an action Qt makes: ``undo``, ``redo`` or ``dock:&lt;window attribute&gt;`` (its toggle-view action) None: a menu of the menu bar; else where the submenu goes the menu bar&apos;s menus, in order, and the submenus with their places</extracomment>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Recent libraries</source>
        <translation>最近的文庫(&amp;R)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Annotate</source>
        <translation>註記(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;rrect</source>
        <translation>校正(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Script</source>
        <translation>字形(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>主題(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/display.py" line="-135"/>
        <location line="+7"/>
        <source>System</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="-4"/>
        <source>&amp;Go</source>
        <translation>轉到(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading</source>
        <extracomment>the toolbar&apos;s title</extracomment>
        <translation>閱讀</translation>
    </message>
    <message>
        <location filename="../../reader/gui/mainwindow.py" line="-150"/>
        <source>Stopping the running task…</source>
        <extracomment>the side panel&apos;s width saved narrower than it can be used at: widened once the window is laid out</extracomment>
        <translation>正在停止執行中的任務…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_ui.py" line="+65"/>
        <source>%1 was not opened: a task is running in this library. Cancel it (the button in the status bar) or let it end, then open the other library.</source>
        <extracomment>the progress dialog of a library being upgraded in the background, while it lasts folders the reader said yes to making an empty library in (:meth:`may_make`) another library asked for while an import or a reindex runs in the open one (%1: its folder)</extracomment>
        <translation>未開啟 %1：本文庫中有任務正在執行。請取消它（狀態列中的按鈕）或等它結束，再開啟另一個文庫。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Updating the library {0} for this version of Broadsheet. This happens once and can take some minutes for a large library; nothing in it is lost, and if it is interrupted the library stays as it was.</source>
        <translation>正在為此版本的 Broadsheet 更新文庫 {0}。此操作只進行一次，大型文庫可能需要幾分鐘；其中內容不會遺失，若被中斷，文庫保持原樣。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Updating the library</source>
        <translation>正在更新文庫</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 (read-only)</source>
        <translation>%1（唯讀）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This library is read-only here: you can read, search and export it; notes, corrections and imports cannot be saved in it.</source>
        <translation>此文庫在這裡是唯讀的：您可以閱讀、檢索和匯出，但無法在其中儲存筆記、校正或匯入。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Open or create a library folder</source>
        <translation>開啟或新建文庫資料夾</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open shared library</source>
        <translation>開啟共享文庫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PostgreSQL address (postgresql://user@host/database):</source>
        <translation>PostgreSQL 位址（postgresql://使用者@主機/資料庫）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{url}: a shared library&apos;s address begins with postgresql://</source>
        <translation>{url}：共享文庫的位址以 postgresql:// 開頭</translation>
    </message>
    <message>
        <location filename="../../reader/gui/navigation.py" line="+184"/>
        <source>This line belongs to no article.</source>
        <extracomment>the reader&apos;s place is stored this long after the last article opened, not at every open: storing it saves the settings file and syncs it to disk on the GUI thread (16 ms at each open on a busy disk, a third of opening an article); stepping through articles stores it once, and closing the window or the library at once</extracomment>
        <translation>這一行不屬於任何文章。</translation>
    </message>
    <message>
        <location line="+249"/>
        <source>%1 is no longer where it was imported from; the article is kept as it was read.</source>
        <translation>%1 已不在匯入時的位置；這篇文章按當時讀取的樣子保留。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>hit %1/%2</source>
        <translation>命中 %1/%2</translation>
    </message>
    <message>
        <location line="-16"/>
        <location filename="../../reader/gui/widgets/search_panel.py" line="+218"/>
        <source>page %1</source>
        <extracomment>&quot;relevance&quot; or &quot;date&quot; where the page of results starts (0: a new search; more: the next page of the same one) how characters compare: &quot;folded&quot;, &quot;exact&quot; or &quot;variants&quot; punctuation between Chinese characters ignored rows whose laid-out text the delegate keeps (two pages of results) said in the list while it holds no row (&quot;&quot; nothing) a hit as the list shows it: headline and snippet in the script the reading view shows its article in</extracomment>
        <translation>第 %1 頁</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Corrected while the window was closed: shown where you were, in %1.</source>
        <translation>視窗關閉期間已有更正：已在%1中顯示，位置不變。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>its file %1 is no longer there (the article is kept as read)</source>
        <extracomment>the status bar, after the date: the article&apos;s source file is gone (%1: its file name)</extracomment>
        <translation>其檔案 %1 已不在原處（文章按讀取時保留）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>scan</source>
        <translation>掃描件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layout from coordinates</source>
        <translation>按座標繪製的版面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text lines</source>
        <translation>文本行</translation>
    </message>
    <message>
        <location filename="../../reader/gui/tasks.py" line="+95"/>
        <source>Import files</source>
        <extracomment>the running task imports asked for while another task ran: (paths, open what they bring, read again files held unchanged)</extracomment>
        <translation>匯入檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OCR sources (*.txt *.xml *.hocr *.html *.json);;All files (*)</source>
        <translation>OCR 原始檔 (*.txt *.xml *.hocr *.html *.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import a folder</source>
        <translation>匯入資料夾</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Read the library&apos;s %n file(s) again?</source>
        <translation>重新讀取文庫中的 %n 個檔案嗎？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n more are no longer where they were: their articles are kept as they are.</source>
        <translation>另有 %n 個檔案已不在原處：它們的文章原樣保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Articles are made again from them as this version reads them; your notes and corrections follow their words, and any that cannot be placed are listed in Problems.</source>
        <translation>文章將按本版本的讀法重新產生；您的筆記和校正會跟隨其文字，無法安放的會列在「問題」中。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open a library before importing.</source>
        <translation>請先開啟文庫再匯入。</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Cancelled: the %n file(s) imported before the stop are kept.</source>
        <translation>已取消：停止前匯入的 %n 個檔案已保留。</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1 of them read again though unchanged.</source>
        <translation>其中 %1 個檔案未變動，已重新讀取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already in the library (see Problems).</source>
        <translation>%1 個已在文庫中（見“問題”）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 found moved (their articles kept).</source>
        <translation>%1 個已移動（其文章保留）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: the same file as %2, already in the library; not added again.</source>
        <translation>%1：與 %2 是同一檔案，已在文庫中；不再重複加入。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>None of the library&apos;s files is where it was imported from; nothing to read again.</source>
        <translation>文庫中的檔案都已不在匯入時的位置，沒有可重新讀取的檔案。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Read every file again</source>
        <translation>重新讀取所有檔案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is no longer where it was imported from; it was not read again.</source>
        <translation>%1 已不在匯入時的位置，未重新讀取。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This library is read-only here: nothing can be imported into it.</source>
        <translation>此文庫在這裡是唯讀的：無法匯入任何檔案。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%n file(s) or folder(s) will be imported when the running task ends.</source>
        <translation>目前的工作結束後將匯入 %n 個檔案或資料夾。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importing</source>
        <translation>正在匯入</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>files</source>
        <translation>個檔案</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Building the sample library</source>
        <translation>正在建立示例文庫</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Indexing</source>
        <translation>正在索引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>articles</source>
        <translation>篇文章</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only this library&apos;s owner (%1) can import into it or reindex it: you read it and keep your own notes, collections and corrections in it.</source>
        <translation>只有此文庫的擁有者（%1）可以向其中匯入或重建索引：你可以閱讀它，並在其中儲存自己的筆記、收藏集和校正。</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Indexed %1 articles.</source>
        <extracomment>The publication of the sample library a first run opens on.</extracomment>
        <translation>已索引 %1 篇文章。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported %1 file(s): %2 pages, %3 articles in %4 s.</source>
        <translation>已匯入 %1 個檔案：%2 頁，%3 篇文章，用時 %4 秒。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 unchanged.</source>
        <translation>%1 個未變。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 could not be read (see Problems).</source>
        <translation>%1 個無法讀取（見“問題”）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about_dialog.py" line="-28"/>
        <source>A reader for archives of OCR’d newspapers.</source>
        <translation>OCR 報紙檔案閱讀器。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>About Broadsheet</source>
        <translation>關於 Broadsheet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy debug information</source>
        <translation>複製除錯資訊</translation>
    </message>
    <message>
        <location filename="../../reader/gui/mainwindow.py" line="+143"/>
        <source>Debug information copied to the clipboard.</source>
        <translation>除錯資訊已複製到剪貼簿。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_ui.py" line="+144"/>
        <source>Select some text to highlight.</source>
        <translation>請先選擇要標示的文字。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+101"/>
        <source>Highlight</source>
        <translation>標示</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>This annotation is %1&apos;s: only its owner can change it.</source>
        <translation>此註記屬於 %1：只有其擁有者可以更改。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The article was imported again while you wrote: your highlight is on it as it now is.</source>
        <translation>您寫作時這篇文章已被重新匯入：您的標示已放在它現在的文字上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The article was imported again while you wrote and its text is gone: your highlight is kept, orphaned, in View → Annotations.</source>
        <translation>您寫作時這篇文章已被重新匯入，其文字已不在：您的標示已保留為孤立註記，見「檢視 → 註記」。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Highlighted. Your highlights and notes are listed in View → Annotations.</source>
        <translation>已標示。您的標示和筆記列在「檢視 → 註記」中。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+2"/>
        <location line="+12"/>
        <source>Article note</source>
        <translation>文章筆記</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your note was not saved. Its text is on the clipboard: paste it in when you try again.</source>
        <translation>您的註記沒有儲存。其文字已複製到剪貼簿：再試一次時貼上即可。</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+15"/>
        <location line="+57"/>
        <location line="+12"/>
        <source>Edit annotation</source>
        <translation>編輯註記</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Your text was not saved over the other; it is on the clipboard.</source>
        <translation>您的文字沒有覆蓋另一處的變更；它已複製到剪貼簿。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The note keeps the text written elsewhere.</source>
        <translation>筆記保留在別處寫入的文字。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This note was changed elsewhere after your edit. It now reads:

%1

Put back your text over it?

%2</source>
        <translation>您編輯之後，這則筆記在別處被修改過。現在的內容是：

%1

用您的文字覆蓋它嗎？

%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This note was deleted elsewhere while you edited it. Save it again with your text?</source>
        <translation>您編輯期間，此筆記已在別處被刪除。要用您的文字重新儲存嗎？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This note was changed elsewhere while you edited it. It now reads:

%1

Save your text over it? (Undo brings the other text back.)</source>
        <translation>您編輯期間，此筆記已在別處被修改，現在的內容是：

%1

要用您的文字覆蓋它嗎？（復原可恢復另一版本。）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete annotation</source>
        <translation>刪除註記</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The annotated article is no longer in the library.</source>
        <translation>被註記的文章已不在文庫中。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/prompts.py" line="+22"/>
        <source>New collection</source>
        <translation>新建收藏集</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add to collection</source>
        <translation>加入收藏集</translation>
    </message>
    <message>
        <location filename="../../reader/gui/collections_ui.py" line="+107"/>
        <source>Already in the collection %1.</source>
        <translation>已在收藏集 %1 中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to the collection %1</source>
        <translation>加入收藏集 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Added to the collection %1.</source>
        <translation>已加入收藏集 %1。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Remove from the collection %1</source>
        <translation>從收藏集 %1 移除</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rename the collection %1</source>
        <translation>重新命名收藏集 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Renamed the collection %1 to %2.</source>
        <translation>已將收藏集 %1 重新命名為 %2。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Delete the collection %1</source>
        <translation>刪除收藏集 %1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/prompts.py" line="-16"/>
        <source>Name of the new collection (a set of articles you choose):</source>
        <translation>新收藏集的名稱（由您挑選的一組文章）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename collection</source>
        <translation>重新命名收藏集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name of the collection %1:</source>
        <translation>收藏集 %1 的新名稱：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Collection (pick one, or type a new name):</source>
        <translation>收藏集（選擇一個，或輸入新名稱）：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Move paragraph</source>
        <translation>移動段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the paragraph to the end of the article:</source>
        <translation>把段落移到這篇文章的末尾：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New library</source>
        <translation>新建文庫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no library in %1. Make a new, empty library there?</source>
        <translation>%1 中沒有文庫。要在那裡新建一個空文庫嗎？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete collection</source>
        <translation>刪除收藏集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the collection %1? Its articles stay in the library.</source>
        <translation>刪除收藏集 %1？其中的文章仍保留在文庫中。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Corrected text (%2 corrected the OCR&apos;s “%1”; what you type is stored as your correction over it, theirs and the original are kept):</source>
        <translation>校正後的文字（%2 校正了 OCR 辨識的「%1」；您輸入的內容將作為您自己的校正存在其上，對方的校正與原文均保留）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrected text (you corrected the OCR&apos;s “%1”; the original is kept):</source>
        <translation>校正後的文字（您校正了 OCR 辨識的「%1」；原文保留）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>simplified characters (简体)</source>
        <translation>簡體字（简体）</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>traditional characters (繁體)</source>
        <translation>繁體字（繁體）</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Stored as the source prints it, in %1 — not in %2, the script you are reading it in. Type the correction in %1.</source>
        <translation>依來源原樣儲存，使用%1——而非您目前閱讀所用的%2。請以%1輸入更正。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>You typed “%1” as you read it, in %2; the source prints this article in %3. Store “%4”, in the source&apos;s script?</source>
        <translation>您按閱讀所見以%2輸入了「%1」；來源以%3印刷本文。是否按來源的字體儲存為「%4」？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Store “%1”</source>
        <translation>儲存為「%1」</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store as typed</source>
        <translation>按輸入儲存</translation>
    </message>
    <message>
        <location filename="../../reader/gui/corrections_ui.py" line="+33"/>
        <source>Merge articles</source>
        <translation>合併文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set headline</source>
        <translation>設定標題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join paragraphs</source>
        <translation>合併段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split paragraph</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reader/gui/dialogs/prompts.py" line="-20"/>
        <location line="+12"/>
        <source>Correct OCR text</source>
        <translation>校正 OCR 文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move block</source>
        <translation>移動文本塊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set role</source>
        <translation>設定角色</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The selection holds no text.</source>
        <translation>所選內容沒有文字。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The selection has no source line.</source>
        <translation>所選內容沒有對應的原始行。</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>The article was imported again while you corrected it: nothing was stored. Select the words again as they read now and correct them.</source>
        <extracomment>the article as the segmentation corrections leave it (the view may show its text-corrected reading) the source file of the article shown (to find it again when a re-import gives it another id) the sha256 of the source&apos;s bytes ``base_article`` was read from (:meth:`_read_again_since`)</extracomment>
        <translation>您校正時文章被重新匯入：沒有儲存任何內容。請按現在的文字重新選取這些字詞，再行校正。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You typed: “%1”.</source>
        <translation>您輸入的是：「%1」。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The article you were reading is no longer in the library (its source was imported again).</source>
        <translation>您正在閱讀的文章已不在文庫中（其來源檔案已重新匯入）。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The article you were reading was merged into %1: shown there, where you were.</source>
        <translation>您正在閱讀的文章已併入%1：已在該處顯示，位置不變。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another article was merged into the one you were reading: shown again, where you were.</source>
        <translation>另一篇文章已併入您正在閱讀的文章：已重新顯示，位置不變。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The article you were reading was split: shown where you were, in %1.</source>
        <translation>您正在閱讀的文章已被拆分：已在%1中顯示，位置不變。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The split of the article you were reading was undone: shown where you were, in %1.</source>
        <translation>您正在閱讀的文章的拆分已撤銷：已在%1中顯示，位置不變。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merge of the article you were reading was undone: shown where you were, in %1.</source>
        <translation>您正在閱讀的文章的合併已撤銷：已在%1中顯示，位置不變。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The words you were reading are now in %1: shown there, where you were.</source>
        <translation>您正在閱讀的文字現在位於%1：已在該處顯示，位置不變。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Select the headline&apos;s text first (a whole paragraph or part of one).</source>
        <translation>請先選取標題文字（整段或段中一部分）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select the headline within one paragraph.</source>
        <translation>請在同一段之內選取標題。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The selection cut a word: the headline is the whole words, “%1”.</source>
        <translation>所選內容截斷了詞語：標題取完整的詞「%1」。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Put the cursor in the paragraph to move.</source>
        <translation>請把游標放在要移動的段落中。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no other article in the list to move it to.</source>
        <translation>清單中沒有可移入的其他文章。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There is no article to merge with.</source>
        <translation>沒有可合併的文章。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The cursor is inside a corrected word: put it before or after the word.</source>
        <translation>游標位於校正過的詞語之內：請將游標放在該詞之前或之後。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Corrected. The text is shown as the OCR read it: Correct → Show corrected text shows your corrections.</source>
        <translation>已校正。目前顯示的是 OCR 辨識的原文：「校正 → 顯示校正後的文字」可顯示您的校正。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select the characters to correct (within one paragraph).</source>
        <translation>請選擇要更正的字元（在同一段落內）。</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+59"/>
        <location line="+10"/>
        <source>The text already reads so.</source>
        <translation>原文已是如此。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The correction you typed, “%1”, was not stored; it is on the clipboard.</source>
        <translation>您輸入的校正「%1」未能儲存；它已複製到剪貼簿。</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Those characters were themselves corrected; undo that first.</source>
        <translation>這些字元本身已被校正；請先撤銷那次校正。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/prompts.py" line="-21"/>
        <source>Corrected text (the original is kept):</source>
        <translation>校正後的文字（原文會保留）：</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_ui.py" line="+73"/>
        <source>Open a library before exporting.</source>
        <translation>請先開啟文庫再匯出。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/studies_ui.py" line="+46"/>
        <source>Concordance</source>
        <extracomment>the lines shown first, while the others are read the search options and context the shown concordance was built with</extracomment>
        <translation>語詞索引</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+105"/>
        <source>Open a library first.</source>
        <translation>請先開啟一個文庫。</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Export the concordance</source>
        <translation>匯出語詞索引</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 concordance line(s) written to %2</source>
        <translation>已將 %1 條索引行寫入 %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1, punctuation ignored</source>
        <translation>%1，忽略標點</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save the chart</source>
        <translation>儲存圖表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The chart was saved to %1</source>
        <translation>圖表已儲存至 %1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_ui.py" line="+64"/>
        <source>The search index is being rebuilt: {why}.</source>
        <extracomment>a new search is under way (its results will replace the shown ones) the last new search (for the articles it found: every page, not only the shown ones) counts new searches (a page fetched does not make the found articles stale) counting the facets of the last new search</extracomment>
        <translation>正在重建搜尋索引：{why}。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The search index is being rebuilt: search again when it is done.</source>
        <translation>正在重建搜尋索引：完成後請再次搜尋。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/widgets/search_panel.py" line="+6"/>
        <source>OCR&apos;s reading:</source>
        <translation>OCR 原文：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Found in the OCR&apos;s reading of corrected words; the article reads the correction.</source>
        <translation>在校正過的文字的 OCR 原文中找到；文章顯示的是校正後的文字。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(no headline)</source>
        <translation>（無標題）</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../reader/gui/widgets/problems_panel.py" line="+88"/>
        <source>Problems</source>
        <extracomment>the room left and right of a message, and above and below it</extracomment>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy all</source>
        <translation>全部複製</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No problems.</source>
        <translation>沒有問題。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/gui/widgets/search_panel.py" line="-192"/>
        <source>&lt;h3&gt;Search syntax&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;发展&lt;/b&gt; — Chinese characters match as a run, in either script: &lt;b&gt;發展&lt;/b&gt; finds 发展 too.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Luxemburg&lt;/b&gt; — Latin words match as words, ignoring case and accents.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;&quot;Freiheit der Presse&quot;&lt;/b&gt; — a phrase.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;经济 AND 改革&lt;/b&gt;, &lt;b&gt;经济 OR 金融&lt;/b&gt;, &lt;b&gt;经济 NOT 股市&lt;/b&gt;, parentheses to group.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;&quot;发展 经济&quot;~10&lt;/b&gt; — both within 10 characters (Chinese) or words (Latin) of each other, in
any order; punctuation and spaces are not counted.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Luxemb*&lt;/b&gt;, &lt;b&gt;wom?n&lt;/b&gt; — Latin words: * stands for any letters, ? for one.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Luxembourg~1&lt;/b&gt;, &lt;b&gt;发展经济~1&lt;/b&gt; — tolerant of OCR errors: up to 1 or 2 characters
inserted, left out or changed (~1, ~2).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;中国“一带一路”&lt;/b&gt; — a phrase glued to a word is one term, as pasted from an article.&lt;/li&gt;
&lt;li&gt;Operators may be typed full-width, as a Chinese input method gives them: &lt;b&gt;上海 ＯＲ 北京&lt;/b&gt;, &lt;b&gt;－北京&lt;/b&gt;.&lt;/li&gt;
&lt;li&gt;A word of punctuation alone (&lt;b&gt;&amp;amp;&lt;/b&gt;, &lt;b&gt;，&lt;/b&gt;) or empty quotes are left out of the search; the line above
the results names them.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;拳足相〓&lt;/b&gt; — 〓 stands where the OCR could not read a character: it finds that mark in the text, never
a readable character; &lt;b&gt;〓&lt;/b&gt; alone finds every article holding one.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;publication:京報&lt;/b&gt;, &lt;b&gt;date:1939-04-21&lt;/b&gt;, &lt;b&gt;date:1858..1860&lt;/b&gt;, &lt;b&gt;date:none&lt;/b&gt; (no date), &lt;b&gt;page:2&lt;/b&gt;,
&lt;b&gt;kind:advertisement&lt;/b&gt;, &lt;b&gt;headline:蘇聯&lt;/b&gt; — filters inside the query. Dates as the papers print
them work too: &lt;b&gt;date:民國二十八年四月&lt;/b&gt;, &lt;b&gt;date:1939年4月&lt;/b&gt;.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;The switch beside the query says how characters compare: &lt;b&gt;Folded&lt;/b&gt; (any script, width,
case and accents, œ as oe: 髮 finds 发 and 發), &lt;b&gt;Exact&lt;/b&gt; (the characters as printed: 髮 finds only 髮, 乾
not 干) or &lt;b&gt;Variants&lt;/b&gt; (folded, and variant characters as one: 着 finds 著, 吿 告, 衞 衛).
The 、 button ignores punctuation between Chinese characters: 中國金融 finds 中國、金融.
Highlights fall on the characters as printed in every mode.&lt;/p&gt;
&lt;p&gt;The filter fields under the query do the same. Up/Down move through the results,
Enter opens one; in the article, F4 / Shift+F4 go to the next / previous hit,
Ctrl+F finds in the article (F3 / Shift+F3 for the next / previous match).&lt;/p&gt;</source>
        <extracomment>lines of snippet a hit shows under its headline hits fetched at a time: a few screens of the list (the next ones come as it is scrolled near its end, or with &quot;Show more&quot;). 200 at once cost the window ~100 ms per search at 10,000 pages (a snippet for each), 50 ~25 ms. the next page is asked for when the list is scrolled, or the selection moved, within this many rows of its end</extracomment>
        <translation>&lt;h3&gt;搜尋語法&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;发展&lt;/b&gt; — 漢字按連續字串比對，簡繁皆可：&lt;b&gt;發展&lt;/b&gt; 也能找到 发展。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Luxemburg&lt;/b&gt; — 拉丁字母按整詞比對，不分大小寫和變音符號。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;&quot;Freiheit der Presse&quot;&lt;/b&gt; — 片語。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;经济 AND 改革&lt;/b&gt;、&lt;b&gt;经济 OR 金融&lt;/b&gt;、&lt;b&gt;经济 NOT 股市&lt;/b&gt;，可用括號分組。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;&quot;发展 经济&quot;~10&lt;/b&gt; — 兩詞在 10 個字（中文）或 10 個詞（拉丁文）之內，順序不限；標點和空格不計。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Luxemb*&lt;/b&gt;、&lt;b&gt;wom?n&lt;/b&gt; — 拉丁文單詞：* 代表任意字母，? 代表一個字母。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Luxembourg~1&lt;/b&gt;、&lt;b&gt;发展经济~1&lt;/b&gt; — 容忍 OCR 錯誤：最多增、刪或改 1 或 2 個字元（~1、~2）。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;中国“一带一路”&lt;/b&gt; — 緊貼在詞後的引號短語與該詞合為一個檢索項，如同從文章中貼上的文字。&lt;/li&gt;
&lt;li&gt;運算子可用全形輸入（中文輸入法給出的樣子）：&lt;b&gt;上海 ＯＲ 北京&lt;/b&gt;、&lt;b&gt;－北京&lt;/b&gt;。&lt;/li&gt;
&lt;li&gt;只含標點的詞（&lt;b&gt;&amp;amp;&lt;/b&gt;、&lt;b&gt;，&lt;/b&gt;）或空引號不參與搜尋；結果上方的狀態列會列出它們。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;拳足相〓&lt;/b&gt; — 〓 表示 OCR 無法辨識的字：它找的是文中的這個記號，而不是任何可辨識的字；單獨的 &lt;b&gt;〓&lt;/b&gt; 找出所有含有該記號的文章。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;publication:京報&lt;/b&gt;、&lt;b&gt;date:1939-04-21&lt;/b&gt;、&lt;b&gt;date:1858..1860&lt;/b&gt;、&lt;b&gt;date:none&lt;/b&gt;（無日期）、&lt;b&gt;page:2&lt;/b&gt;、
&lt;b&gt;kind:advertisement&lt;/b&gt;、&lt;b&gt;headline:蘇聯&lt;/b&gt; — 寫在查詢中的篩選條件。日期也可按報紙印法書寫：&lt;b&gt;date:民國二十八年四月&lt;/b&gt;、&lt;b&gt;date:1939年4月&lt;/b&gt;。&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;查詢框旁的開關決定字元如何比對：&lt;b&gt;歸併&lt;/b&gt;（不分繁簡、全半形、大小寫與變音符號，œ 視同 oe：髮 可找到 发 和 發）、&lt;b&gt;精確&lt;/b&gt;（依原樣：髮 只找 髮，乾 不找 干）或&lt;b&gt;異體字&lt;/b&gt;（歸併並把異體字視為同一字：着 可找到 著，吿 可找到 告，衞 可找到 衛）。「、」按鈕忽略漢字之間的標點：中國金融 可找到 中國、金融。在每種方式下，標示都落在原文字元上。&lt;/p&gt;
&lt;p&gt;查詢框下方的篩選欄作用相同。上下方向鍵在結果中移動，Enter 開啟；
在文章中，F4 / Shift+F4 跳到下一個 / 上一個命中，Ctrl+F 在文章中尋找（F3 / Shift+F3 尋找下一處 / 上一處）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+325"/>
        <source>Search: 发展   &quot;a phrase&quot;   a AND b   NOT c</source>
        <extracomment>the query field was emptied: the shown search is over (its hits no longer marked anywhere) the next page of the shown search (a Query with its offset) the shown search&apos;s facets came and are shown (their :class:`Facets`)</extracomment>
        <translation>搜尋：發展   &quot;短語&quot;   甲 AND 乙   NOT 丙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search query</source>
        <translation>搜尋查詢</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How characters compare</source>
        <translation>字元比對方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folded: any script, case and accents; Exact: as printed; Variants: variant characters (异体字) as one</source>
        <translation>歸併：不分繁簡、大小寫與變音符號；精確：依原樣；異體字：視為同一字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folded</source>
        <translation>歸併</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact</source>
        <translation>精確</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variants</source>
        <translation>異體字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ignore punctuation</source>
        <translation>忽略標點</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignore punctuation between Chinese characters (中國金融 finds 中國、金融)</source>
        <translation>忽略漢字之間的標點（中國金融 可找到 中國、金融）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search syntax help</source>
        <translation>搜尋語法幫助</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+441"/>
        <source>Search syntax</source>
        <translation>搜尋語法</translation>
    </message>
    <message>
        <location line="-438"/>
        <source>Publication filter</source>
        <translation>報刊篩選</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+102"/>
        <source>All publications</source>
        <extracomment>a next page was asked for and has not come yet (one at a time) scroll to the first of the next page when it comes (&quot;Show more&quot; asked for it) the current hit is being set by the panel itself (not opened on its change)</extracomment>
        <translation>所有報刊</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Date from</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date to</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind filter</source>
        <translation>型別篩選</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any kind</source>
        <translation>任意型別</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>advert</source>
        <translation>廣告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>notice</source>
        <translation>啟事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>furniture</source>
        <translation>版面元素</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sort results</source>
        <translation>結果排序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By relevance</source>
        <translation>依相關度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By date</source>
        <translation>依日期</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <location line="+90"/>
        <location line="+9"/>
        <source>from %1</source>
        <translation>自 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>to %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message numerus="yes">
        <location line="+139"/>
        <source>%n article(s)</source>
        <extracomment>the switch or the punctuation button changed (the window remembers them)</extracomment>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(first %1 shown)</source>
        <translation>（顯示前 %1 條）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show %1 more</source>
        <translation>再顯示 %1 筆</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Left out (nothing searchable in them): %1</source>
        <translation>已略去（其中沒有可搜尋的內容）：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>〓 finds the places the OCR could not read, not the character printed there</source>
        <translation>〓 找的是 OCR 無法辨識之處，而不是那裡印的字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No article matches these filters: %1.</source>
        <translation>沒有符合這些篩選條件的文章：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No article matches “%1”.</source>
        <translation>沒有文章符合「%1」。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article matches “%1” (%2).</source>
        <translation>沒有文章符合「%1」（%2）。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>undated</source>
        <translation>無日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <location filename="../../reader/gui/widgets/visibility.py" line="+14"/>
        <source>Private (only me)</source>
        <translation>私有（僅自己）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My group</source>
        <translation>我的小組</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone (public)</source>
        <translation>所有人（公開）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>by %1 · %2</source>
        <translation>屬於 %1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shared: %1</source>
        <translation>已共享：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Who may see it</source>
        <translation>誰可以看到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who may see it besides you: only you, the members of your group, or everyone who can open this library</source>
        <translation>除你之外誰可以看到：僅你自己、你所在小組的成員，或所有能開啟此文庫的人</translation>
    </message>
</context>
<context>
    <name>TaskBar</name>
    <message>
        <location filename="../../reader/gui/widgets/task_bar.py" line="+20"/>
        <source>Progress</source>
        <translation>進度</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the running task</source>
        <translation>取消正在執行的任務</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 s left</source>
        <translation>剩餘 %1 秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>TextReader</name>
    <message>
        <location filename="../../reader/gui/widgets/article_view.py" line="-735"/>
        <source>Article text</source>
        <extracomment>(index into reading.parts, display start, display end) (part index in the article, original start, original end) a character set in a vertical column: (k, display offset, y, character, font px) the zero-width space put where CJK rules allow a line break that Qt&apos;s line breaker does not the word joiner put where CJK rules forbid a line break that Qt&apos;s line breaker would make the reader&apos;s highlights (annotations) a word the reader corrected: a dashed line under it (beside it in vertical columns), so the text shown never silently differs from the page a mark in the reading view: the range, its colour, and whether it is a line under the text (a correction) rather than a ground behind it (a highlight, a hit) what the reading view says of a place (a display part and offset), e.g. that the reader corrected it Serif fonts for Latin text, tried in order; CJK text takes the CJK serif first. a paragraph&apos;s line height (percent of the font&apos;s) unless View → Line spacing says otherwise View → Line spacing: percent and name</extracomment>
        <translation>文章正文</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <location filename="../../reader/gui/widgets/timeline_view.py" line="+121"/>
        <source>Type one or more queries, separated by ;, and press Draw.</source>
        <extracomment>one colour per query (Okabe–Ito, readable by colour-blind readers), repeating the room between the years&apos; bars and the undated one, in pixels what the bars measure a bar was clicked: (query, period)</extracomment>
        <translation>輸入一個或多個查詢（以 ; 分隔），然後按「繪製」。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>matching articles</source>
        <translation>符合的文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% of the library&apos;s articles in the period</source>
        <translation>占該時期文庫文章的百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>occurrences</source>
        <translation>出現次數</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+53"/>
        <location line="+30"/>
        <source>undated</source>
        <translation>無日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2: %3 article(s), %4 occurrence(s); the library holds %5</source>
        <translation>%1 · %2：%3 篇文章，出現 %4 次；文庫共有 %5 篇</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location line="+44"/>
        <source>Queries to compare, separated by ;   e.g. 日本 ; 中国</source>
        <extracomment>queries to draw: (list of queries, &quot;year&quot; | &quot;month&quot;)</extracomment>
        <translation>要比較的查詢，以 ; 分隔，例如 日本 ; 中國</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline queries</source>
        <translation>時間軸查詢</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>時期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By year</source>
        <translation>按年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure</source>
        <translation>度量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching articles</source>
        <translation>符合的文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the library&apos;s articles</source>
        <translation>占文庫文章的比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occurrences</source>
        <translation>出現次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw</source>
        <translation>繪製</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save image…</source>
        <translation>儲存圖片…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The timeline compares characters as the switch on the Search tab says</source>
        <extracomment>how the counts shown compared characters (the Search tab&apos;s switch: &quot;the (267)&quot; read as the command line&apos;s 291, its Exact mode unsaid)</extracomment>
        <translation>時間軸依「搜尋」分頁上的開關比對字元</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Counting…</source>
        <translation>正在統計…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Characters compared: %1</source>
        <translation>字元比對方式：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a bar to search that period.</source>
        <translation>點擊長條即可搜尋該時期。</translation>
    </message>
</context>
<context>
    <name>VerticalReader</name>
    <message>
        <location filename="../../reader/gui/widgets/article_view.py" line="+337"/>
        <source>Article text, vertical</source>
        <extracomment>shown, wrapped, while the view is empty (an empty library: where files go). Not Qt&apos;s placeholder text: Qt draws that on one line, cut at the view&apos;s edge a paragraph&apos;s line height in percent of the font&apos;s (View → Line spacing) the document position where each shown part starts (a dateline and its byline share a block) per part, the document offsets (in the block) of the zero-width spaces put in for line breaking (the place kept through the last resize, where it was shown): see :meth:`resizeEvent` what to say of the place under the pointer (set by the article view)</extracomment>
        <translation>文章正文（豎排）</translation>
    </message>
</context>
<context>
    <name>Watching</name>
    <message>
        <location filename="../../reader/gui/watching.py" line="+92"/>
        <source>The connection to the shared library is back.</source>
        <extracomment>how often the window asks whether others changed the reader&apos;s work the shared library&apos;s server was found unreachable (said once), and no look has answered since</extracomment>
        <translation>與共享文庫的連線已恢復。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>articles imported</source>
        <translation>匯入的文章</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>notes and collections</source>
        <translation>筆記與收藏集</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed elsewhere, shown again: %1</source>
        <translation>已在別處更改，已重新顯示：%1</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <location filename="../../reader/text/dates.py" line="+112"/>
        <source>date {text!r}: there is no month {month}</source>
        <extracomment>the first and last years a Chinese paper dated by the Republic is shown with its Minguo date</extracomment>
        <translation>日期 {text!r}：沒有 {month} 月</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>date {text!r}: a day needs its month</source>
        <translation>日期 {text!r}：有日須有月</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>date {text!r}: {year}-{month:02d} has no day {day}</source>
        <translation>日期 {text!r}：{year}-{month:02d} 沒有 {day} 日</translation>
    </message>
</context>
<context>
    <name>query</name>
    <message>
        <location filename="../../reader/search/engine.py" line="+161"/>
        <source>query: unknown sort {sort!r} (relevance or date)</source>
        <extracomment>hits of at least one article in this many: their summaries are read as the table of every article (kept) filters on the article&apos;s own row (the others are on its issue or its pages) filters on the article&apos;s issue the articles on the pages numbered from ? to ? (both indexes searched: pages by number, article_pages by page) the printed label of an article ``a``&apos;s own first page (one of the pages it is on, found among its source&apos;s pages), NULL where that page prints none. Not any page of the issue numbered alike: the undated pages of one folder are filed as one issue, each its page 1, and an 1820 article was listed as &quot;p.224&quot;, the number printed on an 1870 page (seen by the by-eye tester). By the source&apos;s pages (a file&apos;s one, an issue&apos;s few), then the article&apos;s page by key: SQLite otherwise took the pages numbered alike in the whole library (every page 1) a common string&apos;s page of hits is found by testing texts in date order when that reads at most about this many texts (~10 ms on the index&apos;s copy; on average the page&apos;s hits times the articles per hit of the string) texts tested at a time on that walk a one-string search&apos;s candidates are counted while verified (every occurrence, not the first: its relevance then needs no second read) when they are at most this many; more would hold more hits than relevance ranks the summary of a row gone since it matched (sorted last) (the mapping ``readings`` gave last, the same by catalogue row) :meth:`prepare` was called: the table of every article is kept (see there) folded texts read while verifying the current query&apos;s terms (reused by ranking), per thread the last query&apos;s matching rows, per thread (:meth:`_matching_kept`)</extracomment>
        <translation>查詢：未知的排序 {sort!r}（可用 relevance 或 date）</translation>
    </message>
    <message>
        <location filename="../../reader/search/modes.py" line="+108"/>
        <source>query: {raw}: ~{edits} needs at least {least} different characters (else nearly every article would be a candidate)</source>
        <extracomment>the most index words a wildcard or fuzzy term may stand for a fuzzy CJK term must keep at least this many of its characters (else nearly every article is a candidate)</extracomment>
        <translation>查詢：{raw}：~{edits} 至少需要 {least} 個不同的字（否則幾乎每篇文章都會成為候選）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>query: {raw} stands for more than {most} different words in the library; make it longer</source>
        <translation>查詢：{raw} 在文庫中對應超過 {most} 個不同的詞，請寫長一些</translation>
    </message>
    <message>
        <location filename="../../reader/search/query.py" line="+174"/>
        <source>query: cannot read {rest!r}</source>
        <extracomment>``date:none``: the issues without a date (what a timeline&apos;s &quot;undated&quot; bar counts) script, width, case and accents folded (OpenCC t2s per character): 發 finds 发 (the default) the characters as printed (only layout whitespace between CJK characters ignored): 髮 finds 髮 only folded, plus variant-character classes (异体字, from Unihan and known groups): 着 finds 著 punctuation (and spaces) between two CJK characters is ignored: 中國金融 finds 中國、金融 what a minus set before it negates as a whole: a quoted phrase or a group full-width ASCII (what a Chinese input method types: ＯＲ, －, ＂, ～, ＊, ：) read as ASCII where the query&apos;s operators are recognised: one character for one, so a word keeps the characters it was typed with the operators a term itself may hold (``word*``, ``wo?d``, ``term~N``), typed full-width</extracomment>
        <translation>查詢：無法解讀 {rest!r}</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>query: &quot;{body}&quot;~{distance}: the distance can be at most {most}</source>
        <extracomment>what closes a quoted phrase (a word glued after it continues the phrase) The widest proximity a query may ask for (characters or words)</extracomment>
        <translation>查詢：&quot;{body}&quot;~{distance}：距離最多為 {most}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>query: it ends where a term was expected</source>
        <extracomment>Deepest nesting of parentheses a query may have (a person writes three or four). The largest number a filter can compare with (SQLite integers are 64-bit).</extracomment>
        <translation>查詢：在應有檢索詞的地方結束了</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>query: parentheses nest more than {most} deep</source>
        <translation>查詢：括號嵌套超過 {most} 層</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>query: a parenthesis is not closed</source>
        <translation>查詢：有括號沒有閉合</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>query: {operator} where a term was expected</source>
        <translation>查詢：應為檢索詞的地方出現了 {operator}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>query: a closing parenthesis has no opening one</source>
        <translation>查詢：有右括號沒有對應的左括號</translation>
    </message>
    <message>
        <location line="+295"/>
        <source>query: {raw}: at most {most} character edits (~1 or ~2)</source>
        <extracomment>a whole Latin/digit word of a text form a Latin word with ``*`` (any letters) or ``?`` (one letter) in it, and no CJK the most character edits ``term~N`` allows the pieces FOLDED (what the index holds: candidates come from it in every mode) a term&apos;s pieces: a CJK run, a Latin/digit word, or a run of unreadable-glyph marks (〓: where the OCR could not read a character, the text holds the mark — searched as the mark, never as the character nobody read)</extracomment>
        <translation>查詢：{raw}：最多 {most} 處字元編輯（~1 或 ~2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>query: {raw}: ~{edits} applies to one word or one run of Chinese characters longer than {edits} characters</source>
        <translation>查詢：{raw}：~{edits} 只適用於長於 {edits} 個字的一個詞或一串漢字</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>query: nothing in {query!r} can be searched: punctuation alone and empty quotes are not searched</source>
        <extracomment>the words and phrases left out, as typed: punctuation alone, empty quotes (a search for them found nothing, and an AND with one found nothing at all, silently) the query looks for the unreadable-glyph mark 〓 (what it finds is said: the mark, not a character)</extracomment>
        <translation>查詢：{query!r} 中沒有可搜尋的內容：單獨的標點和空引號不參與搜尋</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>query: kind:{value} names no kind (the kinds: {kinds})</source>
        <extracomment>what a proximity counts: one CJK character, or one Latin/digit word</extracomment>
        <translation>查詢：kind:{value} 不是任何類型（類型有：{kinds}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>query: {field}:{value} is not a number</source>
        <translation>查詢：{field}:{value} 不是數字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>query: {field}:{value} is out of range</source>
        <translation>查詢：{field}:{value} 超出範圍</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>query: {reason}</source>
        <extracomment>``3-5``: a page range typed with a hyphen (both ends given: ``-3`` alone is page -3)</extracomment>
        <translation>查詢：{reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>query: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>查詢：日期 {value!r} 不是 YYYY、YYYY-MM 或 YYYY-MM-DD 格式</translation>
    </message>
</context>
</TS>
