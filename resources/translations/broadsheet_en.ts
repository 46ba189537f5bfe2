<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>About</name>
    <message>
        <location filename="../../reader/gui/dialogs/about_dialog.py" line="+36"/>
        <source>The bundled sample archive</source>
        <extracomment>the sample table&apos;s words, translated in the &quot;About&quot; context (the attributions&apos; names stay as written)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broadsheet opens on a small library built from these files the first time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folder / file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>what it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>licence / attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人民日报 (People&apos;s Daily), a page of 2021-01-27 as plain OCR text (a PDF text dump)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the project&apos;s shared samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>news text of a public newspaper, used as a research sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>*Luxemburger Zeitung – Journal de Luxembourg*, 1858-12-07, a 4-page METS/ALTO issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>public domain (BnL releases these as CC0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>晶報 Jing bao (The Crystal), no. 3795, 1939-04-21, pages 2–3 (one folded sheet), vertical text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kant, „Beantwortung der Frage: Was ist Aufklärung?“, *Berlinische Monatsschrift*, December 1784, p. 484: PAGE-XML ground truth with its JPEG 2000 scan (`INPUT_0020.jp2` upstream, renamed after the XML so the importer pairs them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no licence stated upstream; OCR-D ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The `.meta.json` files beside two sources give the publication and date the files themselves do not state. Apart from that one file name, nothing here was changed from the upstream files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <location filename="../../reader/gui/widgets/annotations_panel.py" line="+79"/>
        <source>Article note</source>
        <extracomment>how a highlight is marked in the reading view and on the layout</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>made on “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location line="+53"/>
        <source>Annotations of this article</source>
        <extracomment>show an annotation in the reading view a new article note for the current article the visibility of new work was chosen (a shared library): a :class:`Visibility` whether the library can be written here (its buttons that write offered only then)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Filter by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter notes and quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only in search hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only annotations of the articles the current search found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotations of the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article &amp;note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>New work visible to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+94"/>
        <source>All tags</source>
        <extracomment>id → the words of a current annotation as the text shown reads them the article an annotation is shown on (set_source) id → the words of listed annotations as the reader reads them now, where corrected since (set_source)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Highlights and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orphaned (text not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Corrections in this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Annotations (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orphaned (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../reader/gui/app.py" line="+193"/>
        <source>An unexpected error happened. It has been logged; your library and your annotations are safe.</source>
        <extracomment>the platform&apos;s own style, to go back to from a fixed theme the dark theme&apos;s style, kept referenced while the application uses it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy debug information</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <location filename="../../reader/gui/widgets/article_list.py" line="+24"/>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Begins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No printed headline: its first words</source>
        <extracomment>(article id, a piece of its text) → that piece as the reading view shows it (the script chosen) what is listed: (issue, page), for :meth:`relist`</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>advert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>furniture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/gui/widgets/article_view.py" line="+1527"/>
        <source>Your correction removed “%1” here.</source>
        <extracomment>ids of the source lines under the selection (or the cursor) the current hit changed: (index, count) larger (1) or smaller (-1) text asked for over the text: Ctrl+plus, Ctrl+minus, Ctrl+wheel the converter showing an article (given its text) in the chosen script the article&apos;s page was set in vertical columns (ECPO): a headline&apos;s columns are shown apart search hits as original ranges, and the current one (the reading, part index → its place as shown), for ordering hits the reader&apos;s highlights as original ranges, with the annotation id of each the vertical reader&apos;s place when a resize began, kept until the columns are laid out again (the reader&apos;s place in original characters, where it was shown): kept while the reader does not scroll, so that successive changes (Ctrl+] twice, a resize back and forth) come back to the same character — each took the start of the line or column now at the top, and the place drifted a line or a column each time</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your correction. The OCR text reads “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not printed on the page: the headline a correction or the publisher&apos;s record gives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <location filename="../../reader/gui/widgets/collections_panel.py" line="+41"/>
        <source>Collections</source>
        <extracomment>(name, Visibility): the owner chose who may see the collection (a shared library) whether the library can be written here (its buttons that write offered only then)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Articles of the collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add current article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rena&amp;me…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+120"/>
        <source>Rename the chosen collection (F2)</source>
        <extracomment>the article a piece the reader split off was merged into by the reader&apos;s own correction, else None what such a piece is named by (its first words in square brackets), else &quot;&quot; who merged such an entry away: &quot;&quot; the reader, else the colleague (a shared library)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Visible to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Articles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Choose a collection, or make one with New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was merged into %2 by %3’s correction; its words are read there. The entry is kept; remove it when you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — merged into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 was merged into %2 by your correction; its words are read there. The entry is kept; remove it when you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — no longer in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is no longer in the library: its file was imported again without it. The entry is kept; remove it when you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConcordanceModel</name>
    <message>
        <location filename="../../reader/gui/widgets/concordance_view.py" line="+101"/>
        <source>Occurrences in this line&apos;s article</source>
        <extracomment>rows handed to the view at a time the sort each column&apos;s header asks for (others keep the date order) (article id, a piece of its text) → that piece as the reading view shows it (the script chosen) article id → what an article printed with no headline is named by, as the reading view shows it (the window&apos;s lists: its first words in square brackets, :meth:`reader.app.archive.Archive.name_of`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Headline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConcordanceView</name>
    <message>
        <location line="+119"/>
        <source>Concordance of: 发展   &quot;a phrase&quot;   a OR b</source>
        <extracomment>a query to look up: (query, context) a line was clicked: the ConcordanceLine the CSV export was asked for</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concordance query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+40"/>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Context on either side: characters for Chinese, words for Latin script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The concordance compares characters as the switch on the Search tab says</source>
        <extracomment>how the lines shown compared characters (the Search tab&apos;s switch), as the timeline says it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Concordance lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Looking for every occurrence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Characters compared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 occurrence(s) in %2 article(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>loading the other lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the first %1 shown, in date order; the export writes them all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../reader/model/errors.py" line="+52"/>
        <source>lost the connection to the shared library at {where} ({reason}); your last change was not saved</source>
        <extracomment>the message&apos;s English template (&quot;{name}&quot; fields) and its translation context, when it has one</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>lost the connection to the shared library at {where} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs/export_dialog.py" line="+156"/>
        <source>Export</source>
        <extracomment>OpenCC reading texts a TEI export can add (&quot;&quot; = none) the script the reader reads in (an OpenCC configuration, &quot;&quot; the original): the export is as printed, said so scope (&quot;article&quot;, &quot;issue&quot;) → whether all its articles are read in ``script`` as printed (nothing to say of conversion then); a scope not in it was not judged a shared library: the export holds the group&apos;s shared notes and corrections besides the reader&apos;s own the citation style of the ``cite`` format (reader.export.cite.STYLES) the articles in it the reader&apos;s corrections its text holds (:meth:`reader.app.overlay.Overlay.applied`) a collection&apos;s entries not exported: their article no longer in the library, or merged into another (the dialog said &quot;Exported 1 article(s)&quot; of a collection of two, the other left out unsaid — seen by eye) of ``applied``, the colleagues&apos; (a shared library), by name: they were said to be the reader&apos;s the file name offered for each scope: broadsheet-&lt;name&gt;&lt;suffix&gt; a file was written (its path)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Current article: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current issue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search hits: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TEI P5 (XML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV of hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSL-JSON citations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Citations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BibTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Include annotations and corrections (mine and those my group shares)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include annotations and corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TEI: add an OpenCC reading text, marked as derived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>GB/T 7714 for Chinese papers, Chicago for the rest</source>
        <extracomment>what script the text is exported in, said when the reader reads in another (it is the sources&apos;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB/T 7714-2015</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chicago (notes and bibliography)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APA (7th edition)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ollection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reading text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citation s&amp;tyle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The text is exported as the sources print it: articles printed in another script than %1, the one you read in, are not converted to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The text is exported as the sources print it, not converted to %1, the script you read in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading text adds a converted copy, marked as derived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose a file to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file name ends in %1, another format&apos;s: choose that format, or a name ending in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exists. Replace it with this export?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not exported: the file exists and was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported %1 article(s) to %2: the text as the sources print it, with %3 correction(s) of yours applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 article(s) to %2: the text as the sources print it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1 article(s) to %2: the text as the sources print it, with %3 correction(s) applied, %4 of them your colleagues&apos; (%5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 entry(ies) of the collection not exported: their article is no longer in the library, or was merged into another (the entries are kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/gui/widgets/article_view.py" line="-675"/>
        <location line="+1"/>
        <source>Find in article</source>
        <extracomment>a paragraph&apos;s column pitch in percent of the one at the horizontal view&apos;s 175 % (k, offset, rect, char, font px) what to say of the place under the pointer (set by the article view) the flat index of each column&apos;s first cell, in reading order (right to left) each column&apos;s strip (left, right), in the same order: x falls from one to the next</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HighlightDialog</name>
    <message>
        <location filename="../../reader/gui/dialogs/highlight_dialog.py" line="+63"/>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your text, not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your text, not saved
(also on the clipboard):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Visible to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayoutView</name>
    <message>
        <location filename="../../reader/gui/widgets/layout_view.py" line="+449"/>
        <source>Page layout</source>
        <extracomment>Synthetic layout of plain-text pages: pixels per em, line pitch, lines per column. a drawn line whose characters would be fewer pixels tall than this on screen is drawn as a grey bar pages whose drawing is kept after another page is shown, to show them again at once (going back and forth between hits or articles on a few pages rebuilt the page each time) Page images are decoded at most this many pixels on their longer side. Largest image decoded whole to be reduced (formats Pillow cannot decode at a lower resolution: PNG, TIFF…): 80 MP, a broadsheet page at 400 dpi, about 240 MB while it is reduced. JPEG and JPEG 2000 are decoded reduced, whatever their size. A file past it (a 21 KB PNG claiming 13300×13300) shows the drawn layout instead of freezing the view. a drawn line&apos;s characters, and those of a line of the current article outline of the lines under the reader&apos;s highlights each line&apos;s grey bar, made at the first paint that draws bars indices of the lines in the current article, lit by the selection, under a hit a line was clicked: (line id, offset of the character under the mouse)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryTree</name>
    <message>
        <location filename="../../reader/gui/widgets/library_tree.py" line="+37"/>
        <source>Library</source>
        <extracomment>(page id, issue id)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication, issue, page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>undated</source>
        <extracomment>issues that :meth:`select` opened (not the user): folded again when the reader leaves them the current item was chosen while the tree was hidden: scrolled to when it is shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../reader/gui/diagnostics.py" line="+98"/>
        <source>not installed</source>
        <extracomment>records kept for the log view and the debug information distributions whose versions About and the debug information name: (label, distribution names to try)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/widgets/log_view.py" line="+29"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Least level shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/mainwindow.py" line="+189"/>
        <source>Library</source>
        <extracomment>room left around the first window for the window manager&apos;s frame and title bar the first run&apos;s window (less on a smaller screen) and side panel a saved window smaller than this share of the first run&apos;s area, saved on a smaller screen, is not restored the side panel&apos;s least width: its three tabs, an issue&apos;s date and a page&apos;s label whole (at 150 px the Collections tab was behind scroll arrows, the issues read &quot;2021-01-…&quot; and the pages showed no label) an article is shown (its id) a library is open (its folder) a search finished (Results) an import finished, was cancelled or failed: (&quot;done&quot; | &quot;aborted&quot; | &quot;failed&quot;, summary) what the window shows: publication, issue, page, article, hits undo and redo of annotation and correction edits the reader&apos;s work changed by other processes, heard and shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+232"/>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This library is read-only here: notes, corrections and collections cannot be saved in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Drop to import these files into the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="+199"/>
        <source>&amp;Open library…</source>
        <extracomment>widgets of the toolbar (dotted name on the window → place)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Find in article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Find &amp;next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-31"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Interface lang&amp;uage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line spa&amp;cing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Re&amp;build search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Conc&amp;ordance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add to co&amp;llection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Selection as h&amp;eadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Split pa&amp;ragraph at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fit &amp;width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-32"/>
        <source>&amp;Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;maller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-17"/>
        <source>&amp;Vertical reading (直排)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>P&amp;roblems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lo&amp;g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Si&amp;de panel (library, search, collections)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Next article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-9"/>
        <source>&amp;Previous article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Next pa&amp;ge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Previous pag&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Next &amp;hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Previous h&amp;it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;About Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Search &amp;syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-165"/>
        <source>&amp;Move paragraph to article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Fit &amp;page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Copy &amp;debug information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-304"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-26"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Open &amp;shared library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Read every file &amp;again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+87"/>
        <source>&amp;Timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Highlight selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Article &amp;note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Split article at this paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merge with &amp;next article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Merge with &amp;previous article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Join paragraph with the one before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Correct OCR &amp;text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show &amp;corrected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/display.py" line="+28"/>
        <source>Compact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relaxed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop newspaper files or folders here to import them (ALTO, METS, hOCR, PAGE XML, text, images), or use File → Import files….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Display script</source>
        <extracomment>the user&apos;s 直排 choice for every page (kept in the settings) whether pages set vertically read vertically without it (kept too: off once turned off there)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Script of the reflowed text (the page and the search are unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+20"/>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+136"/>
        <source>The interface language changes the next time Broadsheet starts. Your library and your place are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="-229"/>
        <source>&amp;File</source>
        <extracomment>the translation context of the window&apos;s strings (the one the .ts files hold them in) the source text, translated in :data:`CONTEXT` dotted name of the handler on the window; empty for actions Qt provides (see ``provider``) every platform binding of a single standard key, not only its first in the context menu: enabled only with a selection in the reading view an action Qt makes: ``undo``, ``redo`` or ``dock:&lt;window attribute&gt;`` (its toggle-view action) None: a menu of the menu bar; else where the submenu goes the menu bar&apos;s menus, in order, and the submenus with their places</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Recent libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;rrect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/display.py" line="-135"/>
        <location line="+7"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="-4"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading</source>
        <extracomment>the toolbar&apos;s title</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/mainwindow.py" line="-150"/>
        <source>Stopping the running task…</source>
        <extracomment>the side panel&apos;s width saved narrower than it can be used at: widened once the window is laid out</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_ui.py" line="+65"/>
        <source>%1 was not opened: a task is running in this library. Cancel it (the button in the status bar) or let it end, then open the other library.</source>
        <extracomment>the progress dialog of a library being upgraded in the background, while it lasts folders the reader said yes to making an empty library in (:meth:`may_make`) another library asked for while an import or a reindex runs in the open one (%1: its folder)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Updating the library {0} for this version of Broadsheet. This happens once and can take some minutes for a large library; nothing in it is lost, and if it is interrupted the library stays as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Updating the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This library is read-only here: you can read, search and export it; notes, corrections and imports cannot be saved in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Open or create a library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open shared library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PostgreSQL address (postgresql://user@host/database):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{url}: a shared library&apos;s address begins with postgresql://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/navigation.py" line="+184"/>
        <source>This line belongs to no article.</source>
        <extracomment>the reader&apos;s place is stored this long after the last article opened, not at every open: storing it saves the settings file and syncs it to disk on the GUI thread (16 ms at each open on a busy disk, a third of opening an article); stepping through articles stores it once, and closing the window or the library at once</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+249"/>
        <source>%1 is no longer where it was imported from; the article is kept as it was read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>hit %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <location filename="../../reader/gui/widgets/search_panel.py" line="+218"/>
        <source>page %1</source>
        <extracomment>&quot;relevance&quot; or &quot;date&quot; where the page of results starts (0: a new search; more: the next page of the same one) how characters compare: &quot;folded&quot;, &quot;exact&quot; or &quot;variants&quot; punctuation between Chinese characters ignored rows whose laid-out text the delegate keeps (two pages of results) said in the list while it holds no row (&quot;&quot; nothing) a hit as the list shows it: headline and snippet in the script the reading view shows its article in</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Corrected while the window was closed: shown where you were, in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>its file %1 is no longer there (the article is kept as read)</source>
        <extracomment>the status bar, after the date: the article&apos;s source file is gone (%1: its file name)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layout from coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/tasks.py" line="+95"/>
        <source>Import files</source>
        <extracomment>the running task imports asked for while another task ran: (paths, open what they bring, read again files held unchanged)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OCR sources (*.txt *.xml *.hocr *.html *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Read the library&apos;s %n file(s) again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n more are no longer where they were: their articles are kept as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Articles are made again from them as this version reads them; your notes and corrections follow their words, and any that cannot be placed are listed in Problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open a library before importing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Cancelled: the %n file(s) imported before the stop are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1 of them read again though unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already in the library (see Problems).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 found moved (their articles kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: the same file as %2, already in the library; not added again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>None of the library&apos;s files is where it was imported from; nothing to read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Read every file again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is no longer where it was imported from; it was not read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This library is read-only here: nothing can be imported into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%n file(s) or folder(s) will be imported when the running task ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Building the sample library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Indexing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only this library&apos;s owner (%1) can import into it or reindex it: you read it and keep your own notes, collections and corrections in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Indexed %1 articles.</source>
        <extracomment>The publication of the sample library a first run opens on.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported %1 file(s): %2 pages, %3 articles in %4 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 could not be read (see Problems).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/about_dialog.py" line="-28"/>
        <source>A reader for archives of OCR’d newspapers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>About Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy debug information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/mainwindow.py" line="+143"/>
        <source>Debug information copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/annotations_ui.py" line="+144"/>
        <source>Select some text to highlight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+101"/>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-55"/>
        <source>This annotation is %1&apos;s: only its owner can change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The article was imported again while you wrote: your highlight is on it as it now is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The article was imported again while you wrote and its text is gone: your highlight is kept, orphaned, in View → Annotations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Highlighted. Your highlights and notes are listed in View → Annotations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+2"/>
        <location line="+12"/>
        <source>Article note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your note was not saved. Its text is on the clipboard: paste it in when you try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+15"/>
        <location line="+57"/>
        <location line="+12"/>
        <source>Edit annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Your text was not saved over the other; it is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The note keeps the text written elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This note was changed elsewhere after your edit. It now reads:

%1

Put back your text over it?

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This note was deleted elsewhere while you edited it. Save it again with your text?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This note was changed elsewhere while you edited it. It now reads:

%1

Save your text over it? (Undo brings the other text back.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The annotated article is no longer in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/prompts.py" line="+22"/>
        <source>New collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add to collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/collections_ui.py" line="+107"/>
        <source>Already in the collection %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to the collection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Added to the collection %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Remove from the collection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rename the collection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Renamed the collection %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Delete the collection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/prompts.py" line="-16"/>
        <source>Name of the new collection (a set of articles you choose):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name of the collection %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Collection (pick one, or type a new name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Move paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the paragraph to the end of the article:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no library in %1. Make a new, empty library there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the collection %1? Its articles stay in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Corrected text (%2 corrected the OCR&apos;s “%1”; what you type is stored as your correction over it, theirs and the original are kept):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrected text (you corrected the OCR&apos;s “%1”; the original is kept):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>simplified characters (简体)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>traditional characters (繁體)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Stored as the source prints it, in %1 — not in %2, the script you are reading it in. Type the correction in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>You typed “%1” as you read it, in %2; the source prints this article in %3. Store “%4”, in the source&apos;s script?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Store “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/corrections_ui.py" line="+33"/>
        <source>Merge articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set headline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reader/gui/dialogs/prompts.py" line="-20"/>
        <location line="+12"/>
        <source>Correct OCR text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The selection holds no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The selection has no source line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+132"/>
        <source>The article was imported again while you corrected it: nothing was stored. Select the words again as they read now and correct them.</source>
        <extracomment>the article as the segmentation corrections leave it (the view may show its text-corrected reading) the source file of the article shown (to find it again when a re-import gives it another id) the sha256 of the source&apos;s bytes ``base_article`` was read from (:meth:`_read_again_since`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You typed: “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The article you were reading is no longer in the library (its source was imported again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The article you were reading was merged into %1: shown there, where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another article was merged into the one you were reading: shown again, where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The article you were reading was split: shown where you were, in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The split of the article you were reading was undone: shown where you were, in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merge of the article you were reading was undone: shown where you were, in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The words you were reading are now in %1: shown there, where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Select the headline&apos;s text first (a whole paragraph or part of one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select the headline within one paragraph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The selection cut a word: the headline is the whole words, “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Put the cursor in the paragraph to move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no other article in the list to move it to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There is no article to merge with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The cursor is inside a corrected word: put it before or after the word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Corrected. The text is shown as the OCR read it: Correct → Show corrected text shows your corrections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select the characters to correct (within one paragraph).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+59"/>
        <location line="+10"/>
        <source>The text already reads so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The correction you typed, “%1”, was not stored; it is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Those characters were themselves corrected; undo that first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/dialogs/prompts.py" line="-21"/>
        <source>Corrected text (the original is kept):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_ui.py" line="+73"/>
        <source>Open a library before exporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/studies_ui.py" line="+46"/>
        <source>Concordance</source>
        <extracomment>the lines shown first, while the others are read the search options and context the shown concordance was built with</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+105"/>
        <source>Open a library first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Export the concordance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 concordance line(s) written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1, punctuation ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The chart was saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_ui.py" line="+64"/>
        <source>The search index is being rebuilt: {why}.</source>
        <extracomment>a new search is under way (its results will replace the shown ones) the last new search (for the articles it found: every page, not only the shown ones) counts new searches (a page fetched does not make the found articles stale) counting the facets of the last new search</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The search index is being rebuilt: search again when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/gui/widgets/search_panel.py" line="+6"/>
        <source>OCR&apos;s reading:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Found in the OCR&apos;s reading of corrected words; the article reads the correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(no headline)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../reader/gui/widgets/problems_panel.py" line="+88"/>
        <source>Problems</source>
        <extracomment>the room left and right of a message, and above and below it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No problems.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+325"/>
        <source>Search: 发展   &quot;a phrase&quot;   a AND b   NOT c</source>
        <extracomment>the query field was emptied: the shown search is over (its hits no longer marked anywhere) the next page of the shown search (a Query with its offset) the shown search&apos;s facets came and are shown (their :class:`Facets`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How characters compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folded: any script, case and accents; Exact: as printed; Variants: variant characters (异体字) as one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ignore punctuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignore punctuation between Chinese characters (中國金融 finds 中國、金融)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search syntax help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+441"/>
        <source>Search syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-438"/>
        <source>Publication filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+102"/>
        <source>All publications</source>
        <extracomment>a next page was asked for and has not come yet (one at a time) scroll to the first of the next page when it comes (&quot;Show more&quot; asked for it) the current hit is being set by the panel itself (not opened on its change)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Date from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>advert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>furniture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sort results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By relevance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+90"/>
        <location line="+9"/>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+139"/>
        <source>%n article(s)</source>
        <extracomment>the switch or the punctuation button changed (the window remembers them)</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(first %1 shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Left out (nothing searchable in them): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>〓 finds the places the OCR could not read, not the character printed there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No article matches these filters: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No article matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article matches “%1” (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>undated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <location filename="../../reader/gui/widgets/visibility.py" line="+14"/>
        <source>Private (only me)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone (public)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>by %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Who may see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who may see it besides you: only you, the members of your group, or everyone who can open this library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskBar</name>
    <message>
        <location filename="../../reader/gui/widgets/task_bar.py" line="+20"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the running task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextReader</name>
    <message>
        <location filename="../../reader/gui/widgets/article_view.py" line="-735"/>
        <source>Article text</source>
        <extracomment>(index into reading.parts, display start, display end) (part index in the article, original start, original end) a character set in a vertical column: (k, display offset, y, character, font px) the zero-width space put where CJK rules allow a line break that Qt&apos;s line breaker does not the word joiner put where CJK rules forbid a line break that Qt&apos;s line breaker would make the reader&apos;s highlights (annotations) a word the reader corrected: a dashed line under it (beside it in vertical columns), so the text shown never silently differs from the page a mark in the reading view: the range, its colour, and whether it is a line under the text (a correction) rather than a ground behind it (a highlight, a hit) what the reading view says of a place (a display part and offset), e.g. that the reader corrected it Serif fonts for Latin text, tried in order; CJK text takes the CJK serif first. a paragraph&apos;s line height (percent of the font&apos;s) unless View → Line spacing says otherwise View → Line spacing: percent and name</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <location filename="../../reader/gui/widgets/timeline_view.py" line="+121"/>
        <source>Type one or more queries, separated by ;, and press Draw.</source>
        <extracomment>one colour per query (Okabe–Ito, readable by colour-blind readers), repeating the room between the years&apos; bars and the undated one, in pixels what the bars measure a bar was clicked: (query, period)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>matching articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% of the library&apos;s articles in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+53"/>
        <location line="+30"/>
        <source>undated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2: %3 article(s), %4 occurrence(s); the library holds %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location line="+44"/>
        <source>Queries to compare, separated by ;   e.g. 日本 ; 中国</source>
        <extracomment>queries to draw: (list of queries, &quot;year&quot; | &quot;month&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the library&apos;s articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The timeline compares characters as the switch on the Search tab says</source>
        <extracomment>how the counts shown compared characters (the Search tab&apos;s switch: &quot;the (267)&quot; read as the command line&apos;s 291, its Exact mode unsaid)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Characters compared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a bar to search that period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerticalReader</name>
    <message>
        <location filename="../../reader/gui/widgets/article_view.py" line="+337"/>
        <source>Article text, vertical</source>
        <extracomment>shown, wrapped, while the view is empty (an empty library: where files go). Not Qt&apos;s placeholder text: Qt draws that on one line, cut at the view&apos;s edge a paragraph&apos;s line height in percent of the font&apos;s (View → Line spacing) the document position where each shown part starts (a dateline and its byline share a block) per part, the document offsets (in the block) of the zero-width spaces put in for line breaking (the place kept through the last resize, where it was shown): see :meth:`resizeEvent` what to say of the place under the pointer (set by the article view)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Watching</name>
    <message>
        <location filename="../../reader/gui/watching.py" line="+92"/>
        <source>The connection to the shared library is back.</source>
        <extracomment>how often the window asks whether others changed the reader&apos;s work the shared library&apos;s server was found unreachable (said once), and no look has answered since</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>articles imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>notes and collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed elsewhere, shown again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <location filename="../../reader/text/dates.py" line="+112"/>
        <source>date {text!r}: there is no month {month}</source>
        <extracomment>the first and last years a Chinese paper dated by the Republic is shown with its Minguo date</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>date {text!r}: a day needs its month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>date {text!r}: {year}-{month:02d} has no day {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>query</name>
    <message>
        <location filename="../../reader/search/engine.py" line="+161"/>
        <source>query: unknown sort {sort!r} (relevance or date)</source>
        <extracomment>hits of at least one article in this many: their summaries are read as the table of every article (kept) filters on the article&apos;s own row (the others are on its issue or its pages) filters on the article&apos;s issue the articles on the pages numbered from ? to ? (both indexes searched: pages by number, article_pages by page) the printed label of an article ``a``&apos;s own first page (one of the pages it is on, found among its source&apos;s pages), NULL where that page prints none. Not any page of the issue numbered alike: the undated pages of one folder are filed as one issue, each its page 1, and an 1820 article was listed as &quot;p.224&quot;, the number printed on an 1870 page (seen by the by-eye tester). By the source&apos;s pages (a file&apos;s one, an issue&apos;s few), then the article&apos;s page by key: SQLite otherwise took the pages numbered alike in the whole library (every page 1) a common string&apos;s page of hits is found by testing texts in date order when that reads at most about this many texts (~10 ms on the index&apos;s copy; on average the page&apos;s hits times the articles per hit of the string) texts tested at a time on that walk a one-string search&apos;s candidates are counted while verified (every occurrence, not the first: its relevance then needs no second read) when they are at most this many; more would hold more hits than relevance ranks the summary of a row gone since it matched (sorted last) (the mapping ``readings`` gave last, the same by catalogue row) :meth:`prepare` was called: the table of every article is kept (see there) folded texts read while verifying the current query&apos;s terms (reused by ranking), per thread the last query&apos;s matching rows, per thread (:meth:`_matching_kept`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/search/modes.py" line="+108"/>
        <source>query: {raw}: ~{edits} needs at least {least} different characters (else nearly every article would be a candidate)</source>
        <extracomment>the most index words a wildcard or fuzzy term may stand for a fuzzy CJK term must keep at least this many of its characters (else nearly every article is a candidate)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>query: {raw} stands for more than {most} different words in the library; make it longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../reader/search/query.py" line="+174"/>
        <source>query: cannot read {rest!r}</source>
        <extracomment>``date:none``: the issues without a date (what a timeline&apos;s &quot;undated&quot; bar counts) script, width, case and accents folded (OpenCC t2s per character): 發 finds 发 (the default) the characters as printed (only layout whitespace between CJK characters ignored): 髮 finds 髮 only folded, plus variant-character classes (异体字, from Unihan and known groups): 着 finds 著 punctuation (and spaces) between two CJK characters is ignored: 中國金融 finds 中國、金融 what a minus set before it negates as a whole: a quoted phrase or a group full-width ASCII (what a Chinese input method types: ＯＲ, －, ＂, ～, ＊, ：) read as ASCII where the query&apos;s operators are recognised: one character for one, so a word keeps the characters it was typed with the operators a term itself may hold (``word*``, ``wo?d``, ``term~N``), typed full-width</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>query: &quot;{body}&quot;~{distance}: the distance can be at most {most}</source>
        <extracomment>what closes a quoted phrase (a word glued after it continues the phrase) The widest proximity a query may ask for (characters or words)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>query: it ends where a term was expected</source>
        <extracomment>Deepest nesting of parentheses a query may have (a person writes three or four). The largest number a filter can compare with (SQLite integers are 64-bit).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>query: parentheses nest more than {most} deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>query: a parenthesis is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>query: {operator} where a term was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>query: a closing parenthesis has no opening one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+295"/>
        <source>query: {raw}: at most {most} character edits (~1 or ~2)</source>
        <extracomment>a whole Latin/digit word of a text form a Latin word with ``*`` (any letters) or ``?`` (one letter) in it, and no CJK the most character edits ``term~N`` allows the pieces FOLDED (what the index holds: candidates come from it in every mode) a term&apos;s pieces: a CJK run, a Latin/digit word, or a run of unreadable-glyph marks (〓: where the OCR could not read a character, the text holds the mark — searched as the mark, never as the character nobody read)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>query: {raw}: ~{edits} applies to one word or one run of Chinese characters longer than {edits} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>query: nothing in {query!r} can be searched: punctuation alone and empty quotes are not searched</source>
        <extracomment>the words and phrases left out, as typed: punctuation alone, empty quotes (a search for them found nothing, and an AND with one found nothing at all, silently) the query looks for the unreadable-glyph mark 〓 (what it finds is said: the mark, not a character)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+154"/>
        <source>query: kind:{value} names no kind (the kinds: {kinds})</source>
        <extracomment>what a proximity counts: one CJK character, or one Latin/digit word</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>query: {field}:{value} is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>query: {field}:{value} is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>query: {reason}</source>
        <extracomment>``3-5``: a page range typed with a hyphen (both ends given: ``-3`` alone is page -3)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>query: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
