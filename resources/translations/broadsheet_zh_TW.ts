<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Annotations</name>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="+158"/>
        <source>Article note</source>
        <translation>文章筆記</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location line="+29"/>
        <source>Annotations of this article</source>
        <extracomment>show an annotation in the reading view a new article note for the current article</extracomment>
        <translation>本文的註記</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+12"/>
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
        <location line="+41"/>
        <source>All tags</source>
        <translation>所有標籤</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Highlights and notes</source>
        <translation>標示與筆記</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orphaned (text not found)</source>
        <translation>失去錨點（找不到原文）</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location filename="../../reader/gui/app.py" line="+132"/>
        <source>An unexpected error happened. It has been logged; your library and your annotations are safe.</source>
        <extracomment>the platform&apos;s own style, to go back to from a fixed theme</extracomment>
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
        <location filename="../../reader/gui/library_view.py" line="+198"/>
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
        <location line="+27"/>
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
    <message numerus="yes">
        <location filename="../../reader/gui/article_view.py" line="+779"/>
        <source>%n match(es)</source>
        <extracomment>ids of the source lines under the selection (or the cursor) the current hit changed: (index, count) search hits as original ranges, and the current one the reader&apos;s highlights as original ranges, with the annotation id of each</extracomment>
        <translation>
            <numerusform>%n 處相符</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <location filename="../../reader/gui/annotations_panel.py" line="+77"/>
        <source>Collections</source>
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
        <location line="+11"/>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="+114"/>
        <source>Export</source>
        <extracomment>OpenCC reading texts a TEI export can add (&quot;&quot; = none) ids of articles only the overlay has (split off by a correction), exported through their issue</extracomment>
        <translation>匯出</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Current article: %1</source>
        <translation>當前文章：%1</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>BibTeX</source>
        <translation>BibTeX</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include my annotations and corrections</source>
        <translation>包括我的註記和校正</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TEI: add an OpenCC reading text, marked as derived</source>
        <translation>TEI：附加 OpenCC 轉換的閱讀文本，並標為派生</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>F&amp;ile:</source>
        <translation>檔案(&amp;I)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Export to</source>
        <translation>匯出到</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a file to export to.</source>
        <translation>請選擇匯出的目標檔案。</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+8"/>
        <source>Exported %1 article(s) to %2.</source>
        <translation>已將 %1 篇文章匯出到 %2。</translation>
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
        <location filename="../../reader/gui/article_view.py" line="-358"/>
        <location line="+1"/>
        <source>Find in article</source>
        <extracomment>(k, offset, rect, char, font px)</extracomment>
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
        <location filename="../../reader/gui/annotations_panel.py" line="-284"/>
        <source>Highlight</source>
        <extracomment>how a highlight is marked in the reading view and on the layout</extracomment>
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
        <location line="+8"/>
        <source>&amp;Note:</source>
        <translation>筆記(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags:</source>
        <translation>標籤(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>LayoutView</name>
    <message>
        <location filename="../../reader/gui/layout_view.py" line="+251"/>
        <source>Page layout</source>
        <extracomment>Synthetic layout of plain-text pages: pixels per em, line pitch, lines per column. Page images are decoded at most this many pixels on their longer side. outline of the lines under the reader&apos;s highlights a line was clicked: (line id, offset of the character under the mouse)</extracomment>
        <translation>版面</translation>
    </message>
</context>
<context>
    <name>LibraryTree</name>
    <message>
        <location filename="../../reader/gui/library_view.py" line="-192"/>
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
        <location line="+34"/>
        <source>undated</source>
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
        <location line="+24"/>
        <source>Page %1</source>
        <translation>第 %1 頁</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../reader/gui/logview.py" line="+103"/>
        <source>not installed</source>
        <extracomment>records kept for the log view and the debug information distributions whose versions About and the debug information name: (label, distribution names to try)</extracomment>
        <translation>未安裝</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <location filename="../../reader/gui/mainwindow.py" line="+244"/>
        <source>Library</source>
        <extracomment>an article is shown (its id) a library is open (its folder) a search finished (Results) an import finished, was cancelled or failed: (&quot;done&quot; | &quot;aborted&quot; | &quot;failed&quot;, summary) undo and redo of annotation and correction edits the article as the segmentation corrections leave it (the view may show its text-corrected reading)</extracomment>
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
        <location line="+23"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annotations</source>
        <translation>註記</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log</source>
        <translation>日誌</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Open library…</source>
        <translation>開啟文庫(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import files…</source>
        <translation>匯入檔案(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;folder…</source>
        <translation>匯入資料夾(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rebuild search index</source>
        <translation>重建搜尋索引(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in article…</source>
        <translation>在文章中尋找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;next</source>
        <translation>尋找下一個(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find pre&amp;vious</source>
        <translation>尋找上一個(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search the library</source>
        <translation>搜尋文庫(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;width</source>
        <translation>適合寬度(&amp;W)</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>適合頁面(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;maller text</source>
        <translation>縮小文字(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Vertical reading (直排)</source>
        <translation>豎排閱讀(&amp;V)（直排）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next article</source>
        <translation>下一篇文章(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous article</source>
        <translation>上一篇文章(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next pa&amp;ge</source>
        <translation>下一頁(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous pag&amp;e</source>
        <translation>上一頁(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next &amp;hit</source>
        <translation>下一個命中(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous h&amp;it</source>
        <translation>上一個命中(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Broadsheet</source>
        <translation>關於 Broadsheet(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search &amp;syntax</source>
        <translation>搜尋語法(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Problems</source>
        <translation>問題(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Annotations</source>
        <translation>註記(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Log</source>
        <translation>日誌(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;debug information</source>
        <translation>複製除錯資訊(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>撤銷(&amp;U)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Highlight selection…</source>
        <translation>標示所選內容(&amp;H)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article &amp;note…</source>
        <translation>文章筆記(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to &amp;collection…</source>
        <translation>加入收藏集(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection as &amp;headline</source>
        <translation>將所選設為標題(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Split article at this paragraph</source>
        <translation>從此段拆分文章(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge with &amp;next article</source>
        <translation>與下一篇文章合併(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge with &amp;previous article</source>
        <translation>與上一篇文章合併(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Join paragraph with the one before</source>
        <translation>與上一段合併(&amp;J)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split paragraph at the &amp;cursor</source>
        <translation>在游標處拆分段落(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct OCR &amp;text…</source>
        <translation>校正 OCR 文字(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;corrected text</source>
        <translation>顯示校正後的文字(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Display script</source>
        <translation>顯示字形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Script of the reflowed text (the page and the search are unchanged)</source>
        <translation>重排文本的字形（版面和搜尋不受影響）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Recent libraries</source>
        <translation>最近的文庫(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Annotate</source>
        <translation>註記(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Co&amp;rrect</source>
        <translation>校正(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Script</source>
        <translation>字形(&amp;S)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Theme</source>
        <translation>主題(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>System</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interface &amp;language</source>
        <translation>介面語言(&amp;L)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Go</source>
        <translation>轉到(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading</source>
        <translation>閱讀</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Stopping the running task…</source>
        <translation>正在停止執行中的任務…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Open or create a library folder</source>
        <translation>開啟或新建文庫資料夾</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>This line belongs to no article.</source>
        <translation>這一行不屬於任何文章。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The interface language changes the next time Broadsheet starts.</source>
        <translation>介面語言將在下次啟動 Broadsheet 時更改。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>hit %1/%2</source>
        <translation>命中 %1/%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>page %1</source>
        <translation>第 %1 頁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scan</source>
        <translation>掃描件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>layout from coordinates</source>
        <translation>按座標繪製的版面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text lines</source>
        <translation>文本行</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Import files</source>
        <translation>匯入檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OCR sources (*.txt *.xml *.hocr *.html *.json);;All files (*)</source>
        <translation>OCR 原始檔 (*.txt *.xml *.hocr *.html *.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a folder</source>
        <translation>匯入資料夾</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a library before importing.</source>
        <translation>請先開啟文庫再匯入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another task is running; wait for it or cancel it.</source>
        <translation>另一個任務正在執行；請等待或取消它。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing</source>
        <translation>正在匯入</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+20"/>
        <source>files</source>
        <translation>個檔案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Building the sample library</source>
        <translation>正在建立示例文庫</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Indexing</source>
        <translation>正在索引</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>articles</source>
        <translation>篇文章</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Indexed %1 articles.</source>
        <translation>已索引 %1 篇文章。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported %1 file(s): %2 pages, %3 articles in %4 s.</source>
        <translation>已匯入 %1 個檔案：%2 頁，%3 篇文章，用時 %4 秒。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 unchanged.</source>
        <translation>%1 個未變。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 could not be read (see Problems).</source>
        <translation>%1 個無法讀取（見“問題”）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A reader for archives of OCR’d newspapers.</source>
        <translation>OCR 報紙檔案閱讀器。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>About Broadsheet</source>
        <translation>關於 Broadsheet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy debug information</source>
        <translation>複製除錯資訊</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Debug information copied to the clipboard.</source>
        <translation>除錯資訊已複製到剪貼簿。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Select some text to highlight.</source>
        <translation>請先選擇要標示的文字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+25"/>
        <source>Highlight</source>
        <translation>標示</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Article note</source>
        <translation>文章筆記</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+7"/>
        <source>Edit annotation</source>
        <translation>編輯註記</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete annotation</source>
        <translation>刪除註記</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The annotated article is no longer in the library.</source>
        <translation>被註記的文章已不在文庫中。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>New collection</source>
        <translation>新建收藏集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the collection:</source>
        <translation>收藏集名稱：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add to collection</source>
        <translation>加入收藏集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Collection:</source>
        <translation>收藏集：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Added to the collection %1.</source>
        <translation>已加入收藏集 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete collection</source>
        <translation>刪除收藏集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the collection %1? Its articles stay in the library.</source>
        <translation>刪除收藏集 %1？其中的文章仍保留在文庫中。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Merge articles</source>
        <translation>合併文章</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Split article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set headline</source>
        <translation>設定標題</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Join paragraphs</source>
        <translation>合併段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split paragraph</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+95"/>
        <source>Correct OCR text</source>
        <translation>校正 OCR 文字</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Move block</source>
        <translation>移動文本塊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set role</source>
        <translation>設定角色</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>There is no article to merge with.</source>
        <translation>沒有可合併的文章。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select the characters to correct (within one line).</source>
        <translation>請選擇要校正的字元（限一行之內）。</translation>
    </message>
    <message>
        <source>Select the headline's text first (a whole paragraph or part of one).</source>
        <translation>請先選取標題文字（整段或段中一部分）。</translation>
    </message>
    <message>
        <source>Select the headline within one paragraph.</source>
        <translation>請在同一段之內選取標題。</translation>
    </message>
    <message>
        <source>The selection holds no text.</source>
        <translation>所選內容沒有文字。</translation>
    </message>
    <message>
        <source>The selection has no source line.</source>
        <translation>所選內容沒有對應的原始行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Those characters were themselves corrected; undo that first.</source>
        <translation>這些字元本身已被校正；請先撤銷那次校正。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Corrected text (the original is kept):</source>
        <translation>校正後的文字（原文會保留）：</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Open a library before exporting.</source>
        <translation>請先開啟文庫再匯出。</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location line="-1276"/>
        <source>Problems</source>
        <extracomment>The publication of the sample library a first run opens on.</extracomment>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy all</source>
        <translation>全部複製</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="+45"/>
        <source>&lt;h3&gt;Search syntax&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;发展&lt;/b&gt; — Chinese characters match as a run, in either script: &lt;b&gt;發展&lt;/b&gt; finds 发展 too.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Luxemburg&lt;/b&gt; — Latin words match as words, ignoring case and accents.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;&quot;Freiheit der Presse&quot;&lt;/b&gt; — a phrase.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;经济 AND 改革&lt;/b&gt;, &lt;b&gt;经济 OR 金融&lt;/b&gt;, &lt;b&gt;经济 NOT 股市&lt;/b&gt;, parentheses to group.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;publication:京報&lt;/b&gt;, &lt;b&gt;date:1939-04-21&lt;/b&gt;, &lt;b&gt;date:1858..1860&lt;/b&gt;, &lt;b&gt;page:2&lt;/b&gt;,
&lt;b&gt;kind:advertisement&lt;/b&gt;, &lt;b&gt;headline:蘇聯&lt;/b&gt; — filters inside the query.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;The filter fields under the query do the same. Up/Down move through the results,
Enter opens one; in the article, F4 / Shift+F4 go to the next / previous hit,
Ctrl+F finds in the article (F3 / Shift+F3 for the next / previous match).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;搜尋語法&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;发展&lt;/b&gt; — 漢字按連續字串比對，簡繁皆可：&lt;b&gt;發展&lt;/b&gt; 也能找到 发展。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Luxemburg&lt;/b&gt; — 拉丁字母按整詞比對，不分大小寫和變音符號。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;&quot;Freiheit der Presse&quot;&lt;/b&gt; — 片語。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;经济 AND 改革&lt;/b&gt;、&lt;b&gt;经济 OR 金融&lt;/b&gt;、&lt;b&gt;经济 NOT 股市&lt;/b&gt;，可用括號分組。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;publication:京報&lt;/b&gt;、&lt;b&gt;date:1939-04-21&lt;/b&gt;、&lt;b&gt;date:1858..1860&lt;/b&gt;、&lt;b&gt;page:2&lt;/b&gt;、
&lt;b&gt;kind:advertisement&lt;/b&gt;、&lt;b&gt;headline:蘇聯&lt;/b&gt; — 寫在查詢中的篩選條件。&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;查詢框下方的篩選欄作用相同。上下方向鍵在結果中移動，Enter 開啟；
在文章中，F4 / Shift+F4 跳到下一個 / 上一個命中，Ctrl+F 在文章中尋找（F3 / Shift+F3 尋找下一處 / 上一處）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Search: 发展   &quot;a phrase&quot;   a AND b   NOT c</source>
        <translation>搜尋：發展   &quot;短語&quot;   甲 AND 乙   NOT 丙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search query</source>
        <translation>搜尋查詢</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search syntax help</source>
        <translation>搜尋語法幫助</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+159"/>
        <source>Search syntax</source>
        <translation>搜尋語法</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Publication filter</source>
        <translation>報刊篩選</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+58"/>
        <source>All publications</source>
        <translation>所有報刊</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>from 1858</source>
        <translation>從 1858</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date from</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to 1939-04</source>
        <translation>至 1939-04</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date to</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+11"/>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message numerus="yes">
        <location line="+69"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(first %1 shown)</source>
        <translation>（顯示前 %1 條）</translation>
    </message>
</context>
<context>
    <name>TaskBar</name>
    <message>
        <location filename="../../reader/gui/mainwindow.py" line="+35"/>
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
        <location line="+28"/>
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
        <location filename="../../reader/gui/article_view.py" line="-330"/>
        <source>Article text</source>
        <extracomment>(index into reading.parts, display start, display end) (part index in the article, original start, original end) the reader&apos;s highlights (annotations) Serif fonts for Latin text, tried in order; CJK text takes the CJK serif first.</extracomment>
        <translation>文章正文</translation>
    </message>
</context>
<context>
    <name>VerticalReader</name>
    <message>
        <location line="+133"/>
        <source>Article text, vertical</source>
        <translation>文章正文（豎排）</translation>
    </message>
</context>
</TS>
