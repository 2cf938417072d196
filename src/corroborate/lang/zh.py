"""Chinese: the furniture of Chinese pages a cleaner cuts (follow and subscribe prompts, app
and newsletter boxes, teasers, share buttons, paywalls, a writer's contact line, copyright and
credit lines).

Plain data, as in :mod:`corroborate.lang.en`; only page furniture. Developed on the Chinese
texts of the SemEval-2022 sample (bench/nothing_lost.py), most of them English pages put into
Chinese by machine, so their furniture is the English furniture in Chinese words ("在 Twitter
上关注我们", "故事在广告下方继续"); the lines Chinese newsrooms write themselves ("责任编辑：",
"来源：", "（完）") are in :data:`BOILERPLATE`, whole lines only. Every pattern holds a Chinese
character, so none reads a page in another language. Full-width punctuation is the rule
(``：``, ``，``, ``（）``); the half-width forms are allowed where pages use both.
"""

from __future__ import annotations

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

# The social networks a follow prompt names, one or several ("在 Twitter、Instagram 和 YouTube
# 上关注 ..."), and whom it asks to follow: us, a writer, a handle, a site.
_NETWORK = (
    r"(?:facebook|twitter|推特|脸书|instagram|youtube|tiktok|抖音|telegram|linkedin|领英|"
    r"pinterest|snapchat|threads|whatsapp|微博|新浪微博|微信|x)"
)
_NETWORKS = rf"{_NETWORK}(?:\s*(?:[、,，/]|和|及|与|以及)\s*{_NETWORK})*"
_FOLLOWED = (
    r"(?:我们|他们|她们|我|他|她|@\w+|[\w.-]+\.(?:com|net|org|cn|co\.uk)\b|[^，。！？]{1,30}?\s*@\w+)"
    # ... not the start of a noun ("在 Twitter 上关注他的人超过 200 万" is news)
    r"(?![的之们])"
)
# A page's own voice to its reader (polite "you"), which news prose does not use.
_YOU = r"(?:您|你)"

SCRAPER_ANSWER = (
    # an ad-blocker wall where the article should be: "我们注意到您正在屏蔽广告！"
    rf"我们注意到{_YOU}(正在)?(屏蔽|拦截|阻止)广告",
    rf"(关闭|禁用|停用|暂停){_YOU}?的?广告(拦截|屏蔽)(器|程序|插件|软件)",
)
COMMENT_FORM = (rf"^在评论(区|部分|中)(让我们知道|告诉我们|留下){_YOU}?[^。！？]{{0,40}}[。！!]?$",)
PAGE_RESIDUE = (
    r"^(广告|推广|赞助内容|精选视频|相关视频)$",
    r"^[«‹<]?\s*(上一页|下一页)\s*[»›>]?(\s*\d+(\s*\|\s*\d*)*)?\s*\|?(\s*[（(][^（）()]{0,100}[）)])?$",
    r"^(阅读|查看)(原文|全文|更多)[.。…]*$",
    # "Story continues below advertisement", as a machine puts it ("故事在广告商下方继续")
    r"^(故事|文章|报道|正文)(在|于)广告(商)?(下方|下面|之后)继续[。.]?$",
    # share buttons and a share-by-email form: "通过电子邮件将此页面发送给某人", "13 分享电子邮件",
    # "分享这个： Twitter Facebook 打印", "发送到电子邮件地址", "您的电子邮件地址", "帖子未发送 - 请检查
    # 您的电子邮件地址！", "对不起，您的博客无法通过电子邮件分享文章。"
    r"^通过电子邮件(将)?(此|本|这个|这篇)(页面|文章|故事|报道)(发送|分享|转发)给(某人|朋友|他人)[。]?$",
    r"^\d+(\.\d+)?\s*[kK万]?\s*(次)?分享(\s*(电子邮件|邮件|评论))*$",
    r"^分享(这个|此文|本文|此页|这篇文章|到)?\s*[:：]\s*[^。！？]{0,80}$",
    r"^阅读或分享(这个|此|本|这篇)(故事|文章|报道)\s*[:：][^。！？]{0,160}$",
    r"^(喜欢|点赞)\s*(加载中?|正在加载)[.。…]*$",
    r"^发送到电子邮件地址$",
    rf"^{_YOU}的(名字|姓名|电子邮件地址|邮箱地址)$",
    r"^(帖子|文章)未发送\s*[-–—]?\s*请检查[^。！？]{0,30}[。！!]?$",
    r"^(电子邮件|邮箱)检查失败[^。！？]{0,20}[。！!]?$",
    rf"^(对不起|抱歉)[，,]?\s*{_YOU}的博客[^。！？]{{0,10}}通过电子邮件分享文章[。.]?$",
    # a page's demands on the browser
    rf"^{_YOU}的浏览器不支持[^。！？]{{0,30}}[。！!]?$",
    rf"^{_YOU}需要启用\s*javascript\s*才能(查看|浏览|阅读|使用)[^。！？]{{0,20}}[。！!]?$",
    # an e-mail alert's widget: "每天收到关于 ... 的电子邮件通知！", "您的通知已保存。", a template's
    # field left unfilled ("{{描述}}")
    r"^(关闭\s*)?(每天|每日)?(收到|获取|接收)关于[^。！？]{0,40}的电子邮件通知[！!。]?$",
    rf"^({_YOU}的)?通知已保存[。！]?$",
    rf"^保存({_YOU}的)?通知时出现问题[。！]?$",
    r"^电子邮件通知每(天|日|周)仅发送一次[^。！？]{0,60}[。]?$",
    r"^\{\{[\u4e00-\u9fff]{1,10}\}\}$",
    # "Click here ...", as English "click here" (lang.en PAGE_RESIDUE)
    r"^(请)?(单击|点击)(此处|这里)[^。！？]{0,30}[。！!]?$",
    r"^(欲|如需)了解(更多|详细)(信息|详情)[，,]?\s*请(单击|点击|访问)(此处|这里)[。]?$",
    rf"^(点击|单击)(注册|订阅|提交)[，,]?\s*即表示{_YOU}同意[^。！？]{{0,40}}[。]?$",
)
SUBSCRIBE_PROMPTS = (
    # follow prompts: "在 Facebook 上关注我们", "在推特上关注@handle", "您可以在 Facebook 上关注我们",
    # "在 Facebook 上像我们一样" (a machine's "Like us on Facebook"), "关注@handle"
    rf"^(请|欢迎|{_YOU}(还|也)?可以|还可以|也可以)?在\s*{_NETWORKS}\s*上\s*"
    rf"(关注|追踪|追随|找到|加入)\s*{_FOLLOWED}[^。！？]{{0,40}}[。！!]?$",
    rf"^(请|欢迎|{_YOU}(还|也)?可以)?在\s*{_NETWORKS}\s*上\s*(像我们一样|为我们点赞|给我们点赞|喜欢我们)"
    r"[^。！？]{0,40}[。！!]?$",
    r"^(请)?关注\s*@\w+[。.]?$",
    # subscribe prompts: "立即在 <site> 订阅", "您的订阅使这样的工作成为可能。", "... 收件箱 - 订阅 <list>"
    r"^(立即|现在|马上)?订阅[。！!]?$",
    r"^(立即|现在|马上)(在\s*\S+\s*)?订阅[^。！？]{0,30}$",
    rf"^{_YOU}的订阅(使|让)(这样的|这些|这类)?(工作|报道|新闻)成为可能[^。！？]{{0,20}}[。！!]?$",
    r"^(通过)?成为(我们的)?(数字|付费)?(订阅者|订户|会员)(来)?支持我们[^。！？]{0,40}[。！!]?$",
    rf"^(已)?(发送|送)到{_YOU}的收件箱\s*[-–—]\s*订阅\s*[^。！？]{{1,40}}[。]?$",
    rf"^(谢谢|感谢){_YOU}的?(注册|订阅)[。！!]?$",
    rf"^{_YOU}将(偶尔|不时|定期)?收到[^。！？]{{0,40}}(优惠|促销)[^。！？]{{0,10}}[。！!]?[”\"]?$",
    # an app's box: "请下载适用于 iOS 和 Android 的 <site> 应用程序", "还可以下载新的 <site> 应用程序"
    rf"^(如需[^。！？]{{0,30}}[，,]\s*)?(请|{_YOU}(还|也)?可以|还可以|也可以)?(立即|免费)?下载\s*"
    r"(新的|最新的|我们的|免费的?|适用于)[^。！？]{0,60}(应用程序|应用|app|客户端)[^。！？]{0,20}[。！!]?$",
    # a paywall and an ad-blocker wall: "感谢您的阅读！", "... 登录您的订阅者帐户或创建一个帐户并订阅
    # ... 以继续阅读。", "获得对 <site> 的完全访问权限", "前 24 周每周只需 1.99 美元"
    rf"^感谢{_YOU}的阅读[！!。]?$",
    r"^[^。！？]{0,40}(登录|创建)[^。！？]{0,40}(帐户|账户|账号)[^。！？]{0,60}继续阅读[^。！？]{0,20}[。！!]?$",
    r"^获得对\s*\S+\s*的(完全|无限|全部)访问(权限|权)?[。]?$",
    r"^(前\s*\d+\s*(周|个月|天)\s*)?每(周|月)(只需|仅需)\s*[\d.]+\s*(美元|欧元|英镑|加元|澳元|元)[。！]?$",
    rf"^我们注意到{_YOU}(正在)?(屏蔽|拦截|阻止)广告[^。！？]{{0,20}}[。！!]?$",
    rf"^(请)?(关闭|禁用|停用|暂停){_YOU}?的?广告(拦截|屏蔽)(器|程序|插件|软件)[^。！？]{{0,40}}[。！!]?$",
    r"^或者?购买订阅以[^。！？]{0,40}[。！!]?$",
    # a subscription page: "不是当前的印刷版订阅者？", "作为当前的印刷版订阅者，您可以 ...", "如果您有
    # 任何问题或需要进一步帮助，请致电 ... 联系我们的客户服务团队。"
    r"^(还)?不是(当前的|现有的)?[^。！？]{0,10}(订阅者|订户)[？?](\s*(单击|点击)(此处|这里)[^。！？]{0,20})?$",
    rf"^作为(当前的|现有的)?[^。！？]{{0,10}}(订阅者|订户)[，,]\s*{_YOU}可以[^。！？]{{0,60}}[。！!]?$",
    rf"^如果{_YOU}有任何问题或需要(进一步|更多)?的?帮助[，,]\s*请[^。！？]{{0,100}}(客户服务|客服)[^。！？]{{0,20}}[。！!]?$",
)
# A call to action anywhere in a short sentence (lang.en CALLS_TO_ACTION).
CALLS_TO_ACTION = (
    rf"在\s*{_NETWORKS}\s*上\s*(像我们一样|为我们点赞|给我们点赞|关注我们)",
    rf"(发送|送达|直达)(到)?{_YOU}的收件箱",
    rf"在{_YOU}的收件箱(中|里)(获得|收到)",
    r"(在此处|立即|现在|点击)订阅([，,][^。！？]{0,30})?[。！!]?$",
    r"(阅读|查看|参阅)我们的隐私(政策|声明)",
)
# What opens a teaser for another article ("另请阅读：", "相关报道：", "更多关于 ... 的文章：",
# "从 <site> 阅读更多内容：", "其他人点击的内容：", "延伸阅读"), as alternatives.
RELATED_MARKERS = (
    r"另请(阅读|参阅)",
    r"(延伸|相关|推荐|更多)阅读",
    r"相关(报道|文章|新闻|链接|内容|视频)?",
    r"阅读更多(内容)?",
    r"更多(头条)?(新闻|报道|文章|内容)?",
    r"更多关于[^：:。]{1,20}的(文章|报道|新闻)",
    r"从\s*\S+\s*阅读更多(内容)?",
    r"其他人(正在)?(点击|阅读|观看)的(内容|文章)",
    r"猜你喜欢",
    rf"{_YOU}可能(还|也)?(喜欢|感兴趣|错过)(的)?",
    r"热门(文章|推荐|新闻)",
    r"大家都在看",
)
# The same newsletter box as lang.en SIGN_UP_BOXES, put into Chinese by machine ("订阅来自
# <site> 的免费每日电子邮件提醒 - 每日订阅 感谢您订阅 ... 无法订阅，稍后再试 无效电子邮件").
SIGN_UP_BOXES = (r"订阅来自\s*\S+\s*的免费(每日|每周)?电子邮件提醒.{0,300}?无效的?电子邮件",)
# What closes an article, not news, cut whether a line of its own or a sentence of a page run
# into one line: a writer's contact line ("请通过 name@site.com 联系 <writer>"), a copyright
# line, the note that a story came from a feed unedited ("（此故事未经 ... 编辑，是从联合提要自动
# 生成的。）"), a wire's credits ("（<name> 报道，<name> 编辑）").
CLOSING_BOILERPLATE = (
    r"^(请|可以|可|您可以)?通过\s*(电子邮件|邮件|电邮)?\s*[\w.+-]+@[\w-]+(\.[\w-]+)+\s*"
    r"((或|和|、)\s*(推特|twitter|电话|手机)?\s*[:：]?\s*[@\w.+()-]+\s*)*"
    r"(与(他|她|他们|作者|记者)联系|联系\s*(?-i:[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+){1,3}|"
    r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,12}))[。.]?$",
    r"^(可以|可|您可以)?通过\s*[\w.-]+\.(com|net|org)\S*\s*联系到\s*[^。！？]{1,80}$",
    r"^[^，。！？“”\"]{0,20}记者\s*[^，。！？]{1,20}[，,]\s*(电话\s*[:：]?\s*)?[\d() -]{7,}\s*(或|、)\s*"
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+[。.]?$",
    r"^版权所有\s*(©|\(c\)|（c）|\d{4})[^。！？]{0,160}[。]?$",
    r"^版权所有[。.]?$",
    r"^©\s*\d{4}\s*[^。！？]{0,40}[\u4e00-\u9fff][^。！？]{0,40}$",
    r"^[（(]?此(故事|文章|报道|新闻|稿件)(未经|没有经过|并未经过|未由)[^。！？]{0,40}(编辑|修改)"
    r"[^。！？]{0,80}[。]?[）)]?$",
    r"^[（(][^（）()]{1,60}(报道|撰稿|采写)\s*[;；，,、]\s*([^（）()]{1,60}(补充报道|编辑|撰稿)"
    r"\s*[;；，,、]?\s*){1,3}[）)]$",
)
# Credits and the newsroom's own lines, as whole lines: the writer ("作者：", "文/"), the
# editors ("责任编辑：", "（记者 ...）"), where a story came from ("来源：新华社", "本文转载自 ..."),
# its end mark ("（完）"), a copyright notice ("版权所有，未经许可不得转载"). The Chinese
# newsroom's own forms are in no SemEval text: they are written from what such pages print.
BOILERPLATE = (
    r"^(作者|撰文|文|文/图|图/文)\s*[:：/]\s*[^。！？:：]{1,40}[。]?$",
    r"^[（(]?(责任编辑|责编|编辑|校对|审核|审校|主编|监制|值班编辑)\s*[:：]\s*[^。！？]{1,30}[）)]?$",
    r"^[（(](记者|编辑|实习生|通讯员)\s*[:：]?\s*[^（）()。！？]{1,30}[）)]$",
    r"^(来源|本文来源|稿件来源|文章来源|消息来源)\s*[:：]\s*[^。！？]{1,40}$",
    r"^[（(]?本文(转载|转自)[^。！？]{0,60}[。]?[）)]?$",
    r"^[（(]完[）)]$",
    r"^[^。！？]{0,60}版权所有[，,]\s*(未经|不得|侵权必究|翻印必究)[^。！？]{0,60}[。]?$",
)
