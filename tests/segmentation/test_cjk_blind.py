"""Jing bao folds read without their divs (ECPO): paragraphs in reading order, no sizes, no boxes — what the
text alone tells of where the paper cuts its items."""

from __future__ import annotations

from reader.model.document import Block, Line, Page
from reader.segmentation.geometry import articles_from_layout


def _blind_page(paragraphs: list[list[str]]) -> Page:
    """A page as ECPO without its divs gives it: paragraphs in reading order, no sizes, no boxes."""
    blocks = [Block(id=f"b{k}", lines=[Line(id=f"b{k}.l{j}", text=t) for j, t in enumerate(p)], order=k)
              for k, p in enumerate(paragraphs)]
    return Page(number=1, blocks=blocks, lines=[ln for b in blocks for ln in b.lines], width=1000, height=1400,
                vertical=True)


def _starts(page: Page) -> list[str]:
    return [("".join(a.text.split()))[:6] for a in articles_from_layout([page]) if a.kind != "furniture"]


def test_a_short_paragraph_announcing_what_someone_said_is_body_not_a_headline() -> None:
    """Jing bao 1939, a court report: "據沈供稱" ("according to Shen's statement") set as a paragraph of its own
    over the statement, and "略稱" ("said in short") over a telegram's text, were taken as the headlines of items of
    their own. A headline never ends on the verb that introduces speech; the report runs on."""
    page = _blind_page([
        ["六年前一舊案最高法院發回重審"], ["向以販賣紅丸毒品常業之童田華、因與同黨爭奪權利關係、以致結仇、昨晨開庭、"],
        ["據沈供稱"], ["我與高阿根向不認識、亦素無仇怨、我何必要打死他、庭諭上訴人還押、候改期再訊、"],
        ["籲請堵塞黃河決口"], ["本市中外各慈善團體、昨准豫魯及蘇北皖北黃災堵口請願代表張韜等電、"], ["略稱"],
        ["客秋黃水爲災、禍及數省、沉淪千里、死亡損失、慘重難言、"],
        ["孀婦家匪徒覬覦"], ["孀婦王婉貞、寓居法租界勞爾東路、家境尚裕、致啓匪徒覬覦、"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == ["六年前一舊案最高法院發回重審", "籲請堵塞黃河決口", "孀婦家匪徒覬覦"]
    assert "我與高阿根" in arts[0].text and "客秋黃水" in arts[1].text


def test_the_briefs_of_an_unsigned_news_column_are_items_but_a_signed_columns_sections_and_a_roundups_are_not() -> None:
    """Jing bao 1939 without divs: the ▲ briefs of a news column (◇小消息◇) over 40 characters were glued into one
    item, where ECPO makes each an item of its own. A 1920 gossip column signed with its writer's pen name
    (春江花事 / （老匏）) is one item in ▲ sections, however short, and a heading counting its cases (盜刼三起)
    heads one roundup."""
    page = _blind_page([
        ["◇小消息◇"], ["▲前市立新民小學教員、共同籌組上海模範小學、全部共分八學級、推潘鼎元爲校長、"],
        ["▲小呂宋華東國貨商場主人蔡聯發、節省宴費、計國幣二百元、昨已如數送交廣東路難民救濟協會、"],
        ["▲遊藝界領袖劉子雲、今日爲其生母嗣母兩太人七秩賀壽、假座寧波同鄉會、公份壽儀、悉移助救難經費、"],
        ["盜刼三起"], ["▲福建路茂盛里九號、於晚七時三十分鐘、被三盜闖入、刦去二百元、"],
        ["▲直隸路一百十號門牌、於昨晚九時二十分、有八盜闖入、內四盜均持槍械、被刼達八千餘元、"],
        ["春江花事"], ["（老匏）"], ["▲據一般人的預料、花國大總統、琴寓老六、最有希望、香國大總統、陳第最有希望、"],
        ["▲淸和沿的亭亭、唱工相貌年紀、都不去說他、這囘對於花選、却狠熱心、新世界已請他做羣芳招待員了、"],
    ])
    assert _starts(page) == ["◇小消息◇▲", "▲小呂宋華東", "▲遊藝界領袖", "盜刼三起▲福", "春江花事（老"]


def test_lines_under_a_headline_ending_on_a_linking_particle_are_the_first_words_of_the_body() -> None:
    """Jing bao 1939 without divs: a report's first sentence broken off before a name set apart ("十年前在上海會 /
    審工廨時代以外籍 / 律師資格執行律務 / 之" / "甘維露" / "（英人而入華籍之者）、…") was read as the headline's third
    deck: no deck ends on 之 (of), 於, 與, 及, 的 … A title opening an item may end on 之 as its verb's object
    ("◘寒雲新得宣和玉刻蘭亭拓墨見贈賦詩謝之")."""
    page = _blind_page([
        ["甘維露化名控房東", "充「立法委員」兼新聲半月刊編輯"],
        ["十年前在上海會", "審工廨時代以外籍", "律師資格執行律務", "之"],
        ["甘維露"], ["（英人而入華籍之者）、亦名甘德雲、最近又化名潛赴南京、充僞中華新聲半月刊編輯、"],
        ["◘寒雲新得宣和玉刻", "蘭亭拓墨見贈賦詩", "謝之"], ["（黃葉）"],
        ["道君皇帝全盛時。漢唐文物尤可追。壁𨯳吉日致穆滿。金塡獵碣搜西岐。"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    heads = ["".join("".join(p.text.split()) for p in a.parts if p.role in ("headline", "subheadline")) for a in arts]
    assert heads == ["甘維露化名控房東充「立法委員」兼新聲半月刊編輯", "◘寒雲新得宣和玉刻蘭亭拓墨見贈賦詩謝之（黃葉）"]
    assert arts[0].paragraphs()[0].text.replace("\n", "").startswith("十年前")


def test_an_advert_signed_off_by_its_maker_ends_there_unless_its_close_runs_on() -> None:
    """Jing bao 1939 centre margin without divs: "胃鑰分片 … 上海中西大藥房發行" and "金字塔香煙 … 中國福新煙公司
    出品" were one advert: a display line signing the copy off (…發行: issued by, …出品: made by) ends an advert.
    Where the sold-at or the maker's address follows ("新華藥行發行" / "認明商標" / "新華大薬行監製上海江西路十號") the
    close runs on."""
    page = _blind_page([
        ["胃鑰分片"], ["增進消化能力"], ["主治肝胃氣痛"], ["上海中西大藥房發行"],
        ["金字塔香煙"], ["煙中"], ["鉄軍"], ["中國福新煙公司出品"],
        ["海上第一流攝影專家"], ["國泰藝術照相館定價經濟化照相貴族化際此春光攝影良機地址南京路石路西電話九〇三九三號"],
        ["一滴清眼薬水"], ["統治目疾"], ["三洋涇橋江西路口"], ["新華藥行發行"], ["認明商標"],
        ["新華大薬行監製上海江西路十號"],
    ])
    assert _starts(page) == ["胃鑰分片增進", "金字塔香煙煙", "海上第一流攝", "一滴清眼薬水"]


def test_a_slogan_and_its_price_alone_goes_on_into_the_name_under_it() -> None:
    """Jing bao 1939 without divs: "雜誌界巨擘：全書銅版紙彩紙精印每册兩角" (the king of magazines, two jiao a copy) was
    an advert of its own, cut from the magazine's name and copy under it ("大觀園" / "第五期業已出版…"): no advert is
    a slogan and a price alone."""
    page = _blind_page([
        ["虎標頭痛粉"], ["提神養腦驅風散邪頭痛牙痛卽服卽止各藥房烟兌雜貨店均有售"],
        ["雜誌界巨擘：全書銅版紙彩紙精印每册兩角"], ["大觀園"],
        ["第五期業已出版女人特輯內容包羅萬象無奇勿有噱頭十足趣味化刊物"],
    ])
    assert _starts(page) == ["虎標頭痛粉提", "雜誌界巨擘："]


def test_a_clinics_offer_set_large_under_its_copy_is_the_same_advert() -> None:
    """Jing bao 1939 centre margin without divs: a clinic's advert giving its address at its head ("董惠民醫師" /
    "（地址）" / "四馬路…崇善醫院") and its case for its cure in a long unsigned paragraph was cut where its offer and
    prices follow in display type ("白濁 梅毒 橫痃下疳" / "槪收藥本" / "拾圓"). The next advertiser opens on his street
    ("上海河南路四馬路口第一家"); one giving his own address under his name ("西洋女子按摩" … "地址白克路…") is another
    advert however his neighbour's copy ended."""
    case = ("淋病最易傳染而最難斷根　欲求澈底斷根　首宜用最高倍顯微鏡驗檢毒菌種類　分門別類　施以有效療法　對於慢性淋病"
            "　更須用尿道反光鏡檢查尿道　視淋菌破壞程度及潛伏深淺　參以特殊療法　故白濁並非眞正不能斷根"
            "　本醫師對於淋病及花柳各科　雖不敢自詡獨步　然必竭盡貢獻")
    page = _blind_page([
        ["董惠民醫師"], ["（地址）"], ["四馬路天蟾舞", "台斜對面大西", "洋菜社西首第", "二家崇善醫院"], ["時間"],
        ["上午九時起", "下午九時止", "星期照常●"], [case], ["白濁　梅毒　橫痃下疳"], ["槪收", "藥本"], ["拾圓"],
        ["打針服藥電療　永不復發", "驗檢完全在內　生育照常"],
        ["特備長短波電療機　最高倍顯微鏡　橫痃消散機　尿道檢查鏡　義務"],
        ["上海河南", "路四馬路", "口第一家"], ["冼種福堂"], ["益靈逢止咳藥靈救母經驗救母止咳散風寒咳嗽氣喘"],
        ["陳效懷醫師△負責根治淋濁梅毒"], [case], ["西洋女子按摩"], ["西洋女子精按摩術兼修指甲淸潔衞生服務"],
        ["週到歡迎各界光顧地址白克路（黃家沙口）七三八號永樂坊一號房間"],
    ])
    assert _starts(page) == ["董惠民醫師（", "上海河南路四", "陳效懷醫師△", "西洋女子按摩"]


def test_a_theatres_slogans_under_its_price_list_are_the_same_advert() -> None:
    """Jing bao 1939 without divs: a theatre's advert giving its telephone, name and address at its head and its
    price list under them was cut where its slogans follow in display type ("苗頭十足道地" / "今夜務請早臨" /
    "第三十集"): its copy broke off unsigned, nothing under it closes another advert."""
    page = _blind_page([
        ["電話", "八四八〇八", "八五八八九"], ["榮記", "共舞台"], ["地址", "大世界東", "愛多亞路"], ["價目"],
        ["日戲", "一角", "二角", "三角", "四角", "五角", "六角", "夜戲", "一角", "二角", "三角", "半", "四角",
         "半", "六角", "八角"],
        ["苗頭十足道地", "軋得石實結棍"], ["今夜", "務請", "早臨"], ["第三", "十集"], ["燈光有苗頭"],
        ["一忽", "兒瑞", "雪紛", "飛一", "忽兒", "紅日", "高昇"],
        ["新上海春秋"], ["周局長道：『這可惡極了，捉住了重重的辦他幾個纔好。』張律師道：『所以呢！』"],
    ])
    assert _starts(page) == ["電話八四八〇", "新上海春秋周"]


def test_a_caption_set_over_two_paragraphs_is_one_photo() -> None:
    """Jing bao 1930 without divs: a caption whose bullet closes in the next paragraph ("◘華洋電話發達之" /
    "障碍物◘") was a photo of its first half, its second half the headline of the report under it."""
    page = _blind_page([
        ["◘華洋電話發達之"], ["障碍物◘"], ["鍾雪琴之遊連歸後談"], ["（小英）"],
        ["滬人皆知之鍾雪琴、上月初旬、偕伴李琴芳同遊大連、越二十日回滬、"],
    ])
    arts = articles_from_layout([page])
    got = [(a.kind, "".join(a.text.split())[:8]) for a in arts]
    assert got == [("photo", "◘華洋電話發達之"), ("article", "鍾雪琴之遊連歸後")]
    assert "".join(arts[0].text.split()) == "◘華洋電話發達之障碍物◘"


def test_display_lines_over_unpunctuated_copy_announcing_with_a_colon_are_an_advert() -> None:
    """Jing bao 1939 without divs: an outfitter's display lines ("海上別樹一幟服飾專家" / "美人" / "時裝" / "衣室" /
    "開幕大犧牲") over "自設工塲：出品比众精良" (our own workshop: finer goods than anyone's) were a report's headline
    and its body; a report's first sentence is punctuated, copy runs on with a colon only."""
    page = _blind_page([
        ["姜白谷病歿香港！"], ["有姜白谷其人，電影界的「無名英雄」，在大中華百合公司王元龍的全盛時代相當受重視。"],
        ["海上別樹一幟服飾專家"], ["美人"], ["時裝"], ["衣室"], ["開幕大犧牲"], ["自設工塲：出品比众精良"],
    ])
    arts = articles_from_layout([page])
    assert [a.kind for a in arts] == ["article", "advertisement"]


def test_a_caption_inside_a_report_broken_off_mid_sentence_leaves_the_report_whole() -> None:
    """Jing bao 1920 without divs: a report broken off mid-sentence ("…大罵『王八旦』而去、這") over a caption
    (◀梅蘭芳化妝小影▶) goes on under it ("車夫眞是聾子" / "不怕雷、他也拿" / …); its next paragraph's first column,
    short and unpunctuated, made the rest an item of its own."""
    page = _blind_page([
        ["遺老平等"], ["一日在下在馬路上、看見一位遺老步行、自已喚車、車夫叫他做老板、大罵『王八旦』而去、這"],
        ["◀梅蘭芳化妝小影▶"],
        ["車夫眞是聾子", "不怕雷、他也拿", "個『王八旦』囘", "敬、其實要不是", "某租界有幾塊地皮、"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert len(arts) == 1 and "".join(arts[0].text.split()).endswith("某租界有幾塊地皮、")


def test_a_caption_with_the_bullet_at_the_head_of_each_column_is_a_caption() -> None:
    """Jing bao 1930 without divs: a caption set with the bullet heading each of its four columns ("◘盛蘋臣七公" /
    "◘子與魏秀琦" / "◘夫人補行婚" / "◘禮紀念儷影") inside a report broken off mid-sentence was read as the headline of
    the report's rest."""
    page = _blind_page([
        ["郭椿森"], ["郭昔任南北議和代表、頗爲陸榮廷所信任、原係苗族、有異相、傳聞有"],
        ["◘盛蘋臣七公", "◘子與魏秀琦", "◘夫人補行婚", "◘禮紀念儷影"],
        ["窺其浴者、云其尻有尾、與張文襄之說相同、確否待考、"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert len(arts) == 1 and "".join(arts[0].text.split()).endswith("確否待考、")


def test_a_serials_chapter_under_its_title_and_writer_on_one_line_opens_the_instalment() -> None:
    """Jing bao 1939 without divs: a serial's title and writer on one line ("新游俠傳　張恨水") over its chapter line
    ("五十九　在風雨之夜"): the chapter line opens the instalment's text, as it does under a title and a byline set
    apart."""
    page = _blind_page([
        ["新游俠傳　張恨水"], ["五十九　在風雨之夜"],
        ["劉麻子道：只要你心裏明白就好，他走過去，悄悄的把那東西用脚踏住了，"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert [p.role for p in arts[0].parts] == ["headline", "paragraph", "paragraph"]


def test_a_short_sentence_closed_on_a_modal_particle_is_body_not_a_headline() -> None:
    """Jing bao 1939 without divs: an article's last sentence set as a short paragraph ("這三個屈曲也可以說是人類脊柱上
    的特質吧！", no pause in it) was taken for a headline and glued to the advert under it. A sentence closed on a modal
    particle (吧, 呢, 嗎 …) and its stop speaks; a headline does not."""
    page = _blind_page([
        ["怎樣使得健康美"], ["脊柱的三屈，在側面觀察時，最爲明瞭。這三個屈曲在脊柱垂直的荷重時，他有彈簧似的作用。",
                             "而脊柱也因這屈曲而增加彈性"],
        ["這三個屈曲也可", "以說是人類脊柱上", "的特質吧！"],
        ["電話", "八四八〇八"], ["榮記", "共舞台"], ["地址", "大世界東", "愛多亞路"],
        ["價目日戲一角二角三角四角五角六角夜戲一角二角三角半四角半六角八角"],
    ])
    arts = articles_from_layout([page])
    assert [(a.kind, "".join(a.text.split())[:6]) for a in arts][:2] == [
        ("article", "怎樣使得健康"), ("advertisement", "電話八四八〇")]
    assert "".join(arts[0].text.split()).endswith("特質吧！")


def test_short_heads_under_a_story_with_three_decks_are_its_sections() -> None:
    """Jing bao 1939 without divs: the day's big story, a headline over three decks, is parted by short heads of
    one line (鄂中大戰又將爆發 / … / 大批日軍偷渡汾河卒被擊退, then 日軍渡汾河敗退 and 華軍三度襲開封 over the next
    dispatches): those are the story's sections, each of them was an item. A story headed by fewer decks is
    followed by items of their own under short heads (與中國領袖保持接觸 / 寇爾在渝小住 / 克萊琪昨訪有田, then
    國府命令), and a head with a deck of its own opens the next item."""
    page = _blind_page([
        ["鄂中大戰又將爆發"], ["華軍已進入城陵磯"], ["同蒲隴海平綏三路均有劇戰"], ["大批日軍偷渡汾河卒被擊退"],
        ["（重慶廿二日美聯電）第八路軍、現正在山西省進行正面攻擊、日前日軍一千五百人、向霍縣之南前進、"],
        ["日軍渡汾河敗退"], ["（興集廿二日電）同蒲南段戰局緊張、三日來兩側華軍合力夾擊、勝利逐漸展開、"],
        ["華軍三度襲開封"], ["（北平廿二日美聯電）據昨晚日軍發言人透露之消息、在本週以內、開封方面、戰爭甚烈、"],
        ["大批飛機"], ["又將由美運華"], ["（紐約廿二日路透電）消息靈通之紐約時報今日載稱、現聞訂購飛機百架、"],
        ["與中國領袖保持接觸"], ["寇爾在渝小住"], ["克萊琪昨訪有田"],
        ["（重慶廿二日路透電）駐華英大使寇爾爵士、四月十九日行抵此間後、卽拜會中政府各領袖、"],
        ["國府命令"], ["（重慶廿二日電）國府廿二日令、（一）軍參院參議華南帆、另任免職、"],
    ])
    assert _starts(page) == ["鄂中大戰又將", "大批飛機又將", "與中國領袖保", "國府命令（重"]


def test_a_local_report_closed_on_yun_under_three_decks_takes_no_section() -> None:
    """Jing bao 1939 without divs: a local report under a headline and three decks (日僞統制鮮猪業貿易 / … /
    猪業公會决心爲正義犧牲) that closes on 云 ("so it is said", …攔截猪販入市云、) is finished: the short head under it
    (奮鬥到底) opens an item of its own, where a wire dispatch closed so may be followed by the story's next one."""
    page = _blind_page([
        ["日僞統制鮮猪業貿易"], ["紛紛設立僞機關"], ["搜括方法無微不至"], ["猪業公會决心爲正義犧牲"],
        ["日僞方面、因實施搜括起見、定於五月一日起、統制本市鮮猪貿易、專在車站輪埠、攔截猪販入市云、"],
        ["奮鬥到底"], ["上海冰鮮魚行業同業公會、昨函猪行業公會云、略謂日僞覬覦鮮猪牲畜營業、利用漢奸、竟圖壟斷、"],
        ["英蘇繼續會談"], ["集體安全制"], ["各關係國可成立妥協"], ["波蘭政府竟不擬參加"],
        ["（倫敦廿一日哈瓦斯社電）此間外交界人士頃宣稱、英法蘇三國、與其他各關係國、均有成立妥協之望云、"],
        ["英蘇會商"], ["三國同盟"], ["（華沙廿一日海通電）據此間報章接莫斯科消息、蘇聯共產黨政治部、昨日開會、"],
    ])
    assert _starts(page) == ["日僞統制鮮猪", "奮鬥到底上海", "英蘇繼續會談"]


def test_a_bare_telephone_label_goes_on_into_its_numbers_labelled_by_place() -> None:
    """Jing bao 1939 centre margin without divs: an oculist's advert gives its telephone as a bare label over its
    numbers, each named by where it rings ("電話" / "診所三二四六一號住宅二〇七〇九號": surgery, home); the advert went
    on there, but its numbers opened an advert of their own with the eye drops under them."""
    page = _blind_page([
        ["按摩浴室"], ["西籍女子擅長按摩術室內設備完美淸潔衞生招待週到歡迎華賓光顧地址卡德路八三號"],
        ["眼科專家"], ["秦錫祺醫師"], ["新法根治砂眼赤眼腫痛流淚膿漏眼白翳內障等目疾時間：上午十至十二下午三至六"],
        ["電話"], ["診所三二四六一號住宅二〇七〇九號"], ["發明"], ["秦氏砂眼藥水"],
        ["本藥水專治砂眼癢痛風火赤眼模糊怕光流淚等一切目疾功能消腫退紅止癢明目凡永安•新新•大新三公司代售"],
    ])
    assert _starts(page) == ["按摩浴室西籍", "眼科專家秦錫"]


def test_a_doctors_specialty_or_name_opens_his_card_under_a_finished_advert() -> None:
    """Jing bao 1939 centre margin without divs: an oculist's card ("眼科專家" / "秦錫祺醫師") right under a
    restaurant's advert that had given its street and telephone (四馬路晝錦里口 / 杏花酒楼 / 電話… / 華貴禮堂租費從廉)
    was read as more of the restaurant's copy: a doctor's card opens on his specialty (…科專家) or his name as a
    doctor (…醫師), as a shop's opens on its street."""
    page = _blind_page([
        ["四馬路晝錦里口"], ["杏花酒楼"], ["電話九三五五五九二六四九"], ["專辦"], ["高尚粵菜"], ["大小筵席隨意小酌"],
        ["華貴禮堂租費從廉"], ["眼科專家"], ["秦錫祺醫師"],
        ["新法根治砂眼赤眼腫痛流淚膿漏眼白翳內障等目疾時間：上午十至十二下午三至六"],
    ])
    assert _starts(page) == ["四馬路晝錦里", "眼科專家秦錫"]


def test_an_advert_that_named_no_place_goes_on_into_copy_closing_on_its_address() -> None:
    """Jing bao 1939 centre margin without divs: a maker's advert set in two runs, its name and slogans first
    ("偉大貢獻" / "光" / "文記" / "大" / "熱水瓶桶罐廠" / "●各大公司均有出售●零躉批發●均極歡迎●"), then its new products
    down to its works and sales office ("新出" / "最新式" / … / "總製造廠" / "法租界馬浪路…六六一號" / "電話" / …), was
    cut in two: an advertiser says once where he is found, and the first run named no place (no address, telephone,
    agent or maker), so copy opening on no street and closing on an address is the rest of it."""
    page = _blind_page([
        ["按摩浴室"], ["西籍女子擅長按摩術室內設備完美淸潔衞生招待週到歡迎華賓光顧地址卡德路八三號"],
        ["偉大貢獻"], ["光"], ["文記"], ["大"], ["熱水瓶桶罐廠"], ["●各大公司均有出售●零躉批發●均極歡迎●"],
        ["新出"], ["最新式"], ["24號"], ["厚鉛桶"], ["堅固美麗可用十年爲鉛桶界之新紀元"], ["總製造廠"],
        ["法租界馬浪路徐家匯路口六六一號"], ["電話"], ["八三一六一號總批發所"],
        ["公共租界北京路盆湯弄西首電話九一一五五號"],
        ["陳效懷醫師"], ["△負責根治淋濁梅毒下疳及其併發症暨男女一切性病"],
        ["採用現代最新療法及特効專藥參以多年臨診經驗運用精嫻手術靈巧器械爲病者迅速解除痛苦"],
    ])
    assert _starts(page) == ["按摩浴室西籍", "偉大貢獻光文", "陳效懷醫師△"]


def test_a_shop_specialising_in_opens_its_card_and_its_opening_day_goes_on_it() -> None:
    """Jing bao 1939 centre margin without divs: a confectioner's card ("梅邨專營": Meicun specialises in …) under a
    dyer's advert that gave its street was read as the dyer's copy, and its opening notice under its address
    ("今日開幕": opening today, with the gift for its first customers) as an advert of its own. A shop's name over
    專營 opens its card; an opening notice names no one, it is the shop's above."""
    page = _blind_page([
        ["福煦路南成都路口"], ["振新洗染廠"], ["春季大減價"], ["精染不褪色綢緞衣料"], ["梅邨專營"], ["地址嵩山路二號"],
        ["糖果餅乾麵包西點罐頭食品"], ["滬光大戲院隔壁"], ["今日開幕"],
        ["凡購糖果滿法幣一元以上者得贈送電影明星狄安娜竇萍照片一幀"],
    ])
    assert _starts(page) == ["福煦路南成都", "梅邨專營地址"]


def test_a_heading_counting_its_cases_keeps_as_many_short_briefs() -> None:
    """Jing bao 1939 without divs: under 盜刼三起 (three robberies) the third ▲ brief, a short sentence of clauses
    ("▲戈登路新大玻璃廠、昨日下午、被盜一千餘元、"), was cut off as a news brief of its own: the heading counts its
    cases, and the roundup takes as many ▲ paragraphs; a short brief past that count is an item of its own."""
    page = _blind_page([
        ["盜刼三起"], ["▲福建路茂盛里九號、於晚七時三十分鐘、被三盜闖入、刦去二百元、"],
        ["▲直隸路一百十號門牌、於昨晚九時二十分、有八盜闖入、內四盜均執有武器、被刼達八千餘元、"],
        ["▲戈登路新大玻璃廠、昨日下午、被盜一千餘元、"], ["▲華聯田徑隊、卽日開始報名、"],
    ])
    assert _starts(page) == ["盜刼三起▲福", "▲華聯田徑隊"]


def test_a_storys_numbered_sections_stay_in_it() -> None:
    """Jing bao 1939 without divs: a story in numbered sections ("一　睡態" … "二　陶小姐" …, under 小說 / 妹妹我愛你
    卓呆) was cut at its second section, read as a headline: a head numbered one on from the section the current
    text opened on is that text's next section."""
    page = _blind_page([
        ["小說"], ["妹妹我愛你　卓呆"], ["一　睡態"],
        ["但是她今夜之夢，决不是那種歡樂之夢，她夢見着七年前死去的母親。"],
        ["二　陶小姐"], ["這樣的丈夫，自然無暇顧及家庭。曉芳之母，本是個温良沈默的人。"],
        ["◇小消息◇"], ["△旅美華僑、鑒於祖國疫癘叢生、不論前線後方、對於「金雞納霜」需要甚殷、"],
    ])
    assert _starts(page) == ["小說妹妹我愛", "◇小消息◇△"]


def test_a_display_line_under_a_serials_number_and_writer_opens_its_text() -> None:
    """Jing bao 1939 without divs: a comic serial's instalment (滑稽 / 小說 / 一重天 / （一五一） / 卓呆) opens its text
    on an exclamation set apart ("哎喲一聲" / "李阿毛聽了…"), which was read as one more line of the heading: under
    the instalment's number and its writer's name a serial's heading is complete, and what follows is its text."""
    page = _blind_page([
        ["滑稽"], ["小說"], ["一重天"], ["（一五一）"], ["卓呆"], ["哎喲一聲"],
        ["李阿毛聽了他們幾個扛樹木的人的說話才知道了一切；但對於平日很熟的那桃園中幾位仙女，"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert len(arts) == 1
    assert arts[0].paragraphs()[0].text.replace("\n", "").startswith("哎喲一聲")


def test_text_announcing_what_follows_below_runs_on_into_it() -> None:
    """Jing bao 1930 without divs: a columnist quoting a poem announces it ("…我今錄一首詩在下、": I copy a poem
    below) and the poem, opening on the paper's bullet (◘獻給棄了我一年的祖母…), was cut off as a brief of its own:
    text that ends announcing what follows below (在下, 如下, 如左, 錄後) runs on into it, whatever marks it."""
    page = _blind_page([
        ["虞琰的湖風"], ["（華嚴）"],
        ["近今的所謂新詩、無格律、不音韻、伊是個名門閨秀、但是伊的詩、却是滿紙蕭瑟、我今錄一首詩在下、"],
        ["◘獻給棄了我一年的祖母月兒蒙雲時變幻，樹影飄搖在窗外，燈光暗淡，祖母啊！"],
        ["◘麟鳳閣、新由津平一帶、聘來一歌妓、芳名「想容」碩人頎頎、"],
    ])
    assert _starts(page) == ["虞琰的湖風（", "◘麟鳳閣、新"]


def test_copy_closing_on_an_address_without_its_label_ends_its_advert() -> None:
    """Jing bao 1930 outer fold without divs, each advert one paragraph: a doctor's notice closing on where he
    sees patients ("…診所跑馬廳二馬路口平樂里九十四號候診"), a paper's on its office ("…館址西藏路遠東飯店對面東武里")
    and a shop's on its street and number ("…法租界西新橋街二百六十六八號") ran on into the next advert: copy ends
    on its address, labelled or not, the house number followed or not by what is done there (候診: sees patients)."""
    page = _blind_page([
        ["專醫婦女停經體弱怕育保險通經女科專家黃石峯醫士、對於婦科一道素有經驗、確能解", "决婦女一切痛苦、門診一元、",
         "診所跑馬廳二馬路口平樂里九十四號候診"],
        ["最有勇敢精神價值的鋼報三日刊准于十九號出版將社會之醜史盡情宣佈", "館址西藏路遠東飯店對面東武里"],
        ["新開成渝商店本店不惜巨資採辦四川敍府糟蛋綿竹大麯各路名酒",
         "新張伊始特別減價各界惠顧竭誠歡迎法租界西新橋街二百六十六八號"],
        ["上海南京路抛球場餘綸綢緞局双九折大廉價三星期春夏各式綢緞花樣新潁美麗業已到齊定價公道"],
    ])
    assert _starts(page) == ["專醫婦女停經", "最有勇敢精神", "新開成渝商店", "上海南京路抛"]


def test_display_paragraphs_each_a_whole_advert_are_adverts_of_their_own() -> None:
    """Jing bao 1930 outer fold without divs: ECPO keeps each advert's copy as one paragraph of display lines
    (南京路虹廟弄 / 南洋藥房 / 大亷價贈品一個月 / …, then 百齡機 / 大瓶二元 / 小瓶一元 / … / 上海九福公司, then
    九福乳白魚肝油 / 九福公司發行 / …): run together they were one advert. A paragraph of display copy of three
    lines or more and 24 characters or more is a whole advert; the next such paragraph opens the next."""
    page = _blind_page([
        ["南京路虹廟弄", "南洋藥房", "大亷價贈品一個月", "專家配方　經驗宏富　調劑認真",
         "分量準確　各種藥品　莫不美備"],
        ["百齡機", "大瓶二元", "小瓶一元", "有意想不到之效力", "上海九福公司"],
        ["九福乳白魚肝油", "九福公司發行", "唯一國貨優良製劑", "濃厚二百二十餘倍"],
        ["在洗臉以後敷粉以前請你不要忘記了無敵牌蝶霜在出門之前更衣之後請你不要忘記了無敵牌小香水家庭工業社出品"],
    ])
    assert _starts(page) == ["南京路虹廟弄", "百齡機大瓶二", "九福乳白魚肝", "在洗臉以後敷"]


def test_display_lines_signed_off_by_their_maker_are_an_advert_not_a_headline() -> None:
    """Jing bao 1939 centre margin without divs: a remedy's display lines ("胃鑰" / "分片" / "增進消化能力" / … /
    "上海中西大薬房發行") over the page's date line were taken for a headline with no text: a headline never ends on
    who issues, makes or sells a thing; display lines closing so are an advert."""
    page = _blind_page([
        ["中西按摩術"], ["本院向來聘請高尚中西美女精於按摩有特殊奇術及修指甲歡迎中西嘉賓地址卡德路四十一弄七十二號"],
        ["胃鑰"], ["分片"], ["增進消化能力", "主治肝胃氣痛", "抑止吞酸嘔吐"], ["上海中西大薬房發行"],
        ["中華民國二十八年四月廿三日晶報星期日第四版"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert [a.kind for a in arts] == ["advertisement"] * 2
    assert _starts(page) == ["中西按摩術本", "胃鑰分片增進"]


def test_a_six_character_crosshead_set_as_two_short_columns_stays_in_its_report() -> None:
    """Jing bao 1939 without divs: a report parted by a crosshead of six characters set as two columns of three
    ("沿海戒" / "備森嚴", the word 戒備 broken between them) was cut there, the crosshead read as a headline over a
    deck: two lines of two or three characters each are one short crosshead in two columns, as two short
    paragraphs of two are (鄂南 / 捷報)."""
    page = _blind_page([
        ["日機．日艦"], ["不絕擾亂浙東"],
        ["温州本月十七日上午十一時五十分、日水上偵察機一架、由東侵入温市、現浙東洋面、時有日艦弋巡、"],
        ["沿海戒", "備森嚴"], ["浙東沿海各地、早已註紮重兵、嚴密戒備、海門等處、完全封鎖、寧波禁止航行、"],
        ["懸旗案"], ["尚未全部解決"], ["法租界納稅華人會交涉干涉懸旗案件、經向法警務當局提出之三項、"],
    ])
    assert _starts(page) == ["日機．日艦不", "懸旗案尚未全"]


def test_a_bracketed_line_opening_a_display_group_closes_the_text_above() -> None:
    """Jing bao 1939 without divs: a health column's figure label closing it ("（脊柱側灣症）": scoliosis) was read as
    the headline of the next item (（脊柱側灣症） / 北平梨園人物之小變遷 / （鴻自北平寄）): a headline never opens in
    brackets; a bracketed line before the next heading labels or signs the text above."""
    page = _blind_page([
        ["怎樣使得健康美"], ["（四）"], ["（芸芸）"], ["第二章直立姿勢"],
        ["人類的直立姿勢給人類以極多利益。其中最宜重視的就是手從支持體重的任務中解放出來。"],
        ["（脊柱側灣症）"], ["北平梨園人物之小變遷"], ["（鴻自北平寄）"],
        ["▲周瑞安改紅淨▼諸茹香改老旦以『楊小樓第二』著名之武生周瑞安、近改紅淨、"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == ["怎樣使得健康美", "北平梨園人物之小變遷"]
    assert "".join(arts[0].text.split()).endswith("（脊柱側灣症）")


def test_an_advert_that_is_only_its_telephone_goes_on_into_the_copy_under_it() -> None:
    """Jing bao 1939 without divs: a hostess agency's advert set around two photos opens on its telephone in two
    scripts ("TEL. 96684." / "電話九六六八四：九〇八六六號") over its name and copy (樂哉百思 / 譽滿全滬 / … /
    電話傳喚 / 準時蒞臨) and closes on its numbers again: it was cut in three. No advert is a telephone alone,
    and "電話傳喚" (called by telephone) gives no number: it closes nothing."""
    page = _blind_page([
        ["祝壽會今日結束"], ["據二十九日法文上海日報載、公祝馬壽籌備會、辦理播音、今日結束、"],
        ["TEL. 96684."], ["電話九六六八四：九〇八六六號"],
        ["樂哉百思"], ["譽滿全滬"], ["高尚娛樂"], ["歌姝秀麗"], ["人材完備"], ["服務認眞"], ["電話傳喚"], ["準時蒞臨"],
        ["電話九〇八六六：九六六八四"],
    ])
    assert _starts(page) == ["祝壽會今日結", "TEL.96"]


def test_a_one_character_head_over_a_wire_dispatch_is_a_crosshead_of_the_story() -> None:
    """Jing bao 1939-04-28 without divs: the world's reactions to British conscription, one story gathering wire
    dispatches under one-character country heads (法 / （巴黎廿七日電）…, 德, 義): each head is a crosshead of the
    story, not the headline of an item of its own — an item's headline runs longer."""
    page = _blind_page([
        ["英實施徵兵制各國之觀感"], ["（華盛頓廿七日美聯電）官方昨夜對於英國、决心實施徵兵制所獲印象、異常良好、"],
        ["法"], ["（巴黎廿七日電）法國政界今日對於英國實施徵兵制之决心、表示慶賀、"],
        ["德"], ["（柏林廿七日美聯電）德國各報、於英國决心實施徵兵制事、表示嘲笑、"],
        ["義"], ["（羅馬廿七日美聯電）英國實行强迫徵兵制、而給予義大利官方之印象、甚爲深刻、"],
        ["蘇外次訪土國"], ["（斯丹埠廿八日美聯電）蘇聯副外委波丹金今日抵此、波氏此來負有重要使命、"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert [a.headline for a in arts] == ["英實施徵兵制各國之觀感", "蘇外次訪土國"], [a.headline for a in arts]
    assert "柏林" in arts[0].text and "羅馬" in arts[0].text


def test_a_one_character_head_under_a_storys_headline_opens_its_text() -> None:
    """Jing bao 1939-04-28: the story's headline and deck, then its first country head (美) over the first dispatch:
    the one character is the text's first crosshead, not the last line of the headline group."""
    page = _blind_page([
        ["英實施徵兵制各國之觀感"], ["美法贊同德意嘲諷"], ["美"],
        ["（華盛頓廿七日美聯電）官方昨夜對於英國、决心實施徵兵制所獲印象、異常良好、"],
        ["法"], ["（巴黎廿七日電）法國政界今日對於英國實施徵兵制之决心、表示慶賀、"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert len(arts) == 1 and arts[0].headline == "英實施徵兵制各國之觀感", [a.headline for a in arts]
    roles = [(p.role, "".join(p.text.split())[:3]) for p in arts[0].parts]
    assert ("section-heading", "美") in roles and ("subheadline", "美法贊") in roles, roles


def test_a_columns_part_title_under_its_writers_pen_name_opens_its_text() -> None:
    """Jing bao 1939-04-21 without divs (heldout9, session seg31): the column 春江花乘, its writer
    （不平凡公子） and the part's title with its number, 一日一姬 （一）筱雙珠老九, waited as one headline group over
    the text: the part's title opens the column's text, as a serial's chapter line does (ECPO's truth quotes it so)."""
    page = _blind_page([
        ["春江花乘"], ["（不平凡公子）"], ["一日一姬　（一）筱雙珠老九"],
        ["「李桂芳」，是十年前蘇州閭門外民慶里的一塊紅招牌。當時「李桂芳」家，有一個黃毛丫頭，叫「秀英」的。"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert len(arts) == 1 and "一日一姬" not in (arts[0].headline or ""), [p.text for p in arts[0].parts]
    assert "".join(arts[0].paragraphs()[0].text.split()).startswith("一日一姬")


def test_a_marked_first_line_and_a_classical_sentences_end_are_text_not_headings() -> None:
    """Jing bao 1939-04-21 without divs (heldout9, session seg31): 唐納楚材晉用記 opens on "■ 現任駐華大使秘書"
    (the ■ an annotator's note stands behind; the sentence runs on: "隨英大使寇爾爵士，…誰歟？"), taken for a deck,
    and its answer "當知其爲唐納先生矣" (a classical sentence closed by 矣, unpunctuated) for the headline of an item
    of its own. Both are the text's."""
    page = _blind_page([
        ["唐納楚材晉用記"], ["（知止）"], ["■現任駐華大使秘書"], ["隨英大使寇爾爵士，兼程安抵重慶者，誰歟？"],
        ["廿六年夏間，與李雲鶴女士（藍蘋）情變自殺於濟南者，誰歟？"], ["當知其爲唐納先生矣"],
        ["按唐納，姓馬，名驥良，筆名羅平，今易名耀華，蘇州人，聖約翰大學高材生，中英並精。"],
    ])
    arts = [a for a in articles_from_layout([page]) if a.kind != "furniture"]
    assert len(arts) == 1 and arts[0].headline == "唐納楚材晉用記", [a.headline for a in arts]
    assert "".join(arts[0].paragraphs()[0].text.split()).startswith("■現任駐華大使秘書")
