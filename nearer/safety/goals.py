"""Safety first for goals: words that suggest control, surveillance, isolation, coercion, or fear
and violence at home. Such text never becomes a SMART goal; it gets a calm message and real help.

``concern(text)`` is the decision every goal gets: the safety reader (``reader.read``: danger to
the writer or a child) or these rules (mostly the member's own controlling or coercive behaviour
toward a partner, which the reader, written for danger told by the one it happens to, is not
made for). It answers with a reader ``Finding``. ``check`` is these rules alone.

The checks lean towards caution, with three careful exceptions: things a member does to
themselves ("stop checking MY phone at dinner"), things both partners agreed to ("share our
locations when we travel, both agreed"), and the member's own looking that the goal is to stop
("stop checking her phone", "ask before I look at his laptop"). Stopping the partner ("stop her
from seeing her friends") is never that exception.
"""

import logging
import re
from dataclasses import dataclass

from nearer.lib.text import Text, clean
from nearer.lib.text import read as read_text
from nearer.safety import reader
from nearer.safety.reader import Finding

logger = logging.getLogger(__name__)

# Who the partner is, in words a member might use.
P_OBJ = (
    r"(?:her|him|them|my (?:partner|wife|husband|spouse|girlfriend|boyfriend|fiancee?|fiancé"
    r"|other half|better half|significant other|man|woman|girl|guy|ex)|the (?:wife|husband))"
)
P_POSS = (
    r"(?:her|his|their|my (?:partner|wife|husband|spouse|girlfriend|boyfriend|fiancee?|fiancé"
    r"|other half|better half|significant other|man|woman|girl|guy|ex)'s|the (?:wife|husband)'s)"
)
P_SUBJ = (
    r"(?:he|she|they|my (?:partner|wife|husband|spouse|girlfriend|boyfriend|fiancee?|fiancé"
    r"|other half|better half|significant other|man|woman|ex))"
)
DEVICE = (
    r"(?:phone|cell|cellphone|mobile|texts|text messages|messages|dms|chats|whatsapp|email|emails"
    r"|inbox|social media|facebook|instagram|snapchat|tiktok|browser history|search history"
    r"|history|call log|call history|location|whereabouts|gps|receipts|bank statements?"
    r"|bank account|spending|purchases|mileage|journal|diary|laptop|computer|passwords?|pin"
    r"|accounts?|contacts|photos|pictures|apps?|notifications|bag|purse|wallet|pockets|car|mail)"
)
LOOK = (
    r"(?:check|checks|checking|checked|read|reads|reading|go through|going through|went through"
    r"|look through|looking through|looked through|look at|looking at|scroll through|search"
    r"|searching|searched|monitor|monitoring|monitors|track|tracking|tracks|spy on|spying on"
    r"|snoop (?:in|through|on)|snooping (?:in|through|on)|snoop|snooping|keep tabs on"
    r"|keeping tabs on|keep an eye on|watch|watching|follow|following|screenshot|log into"
    r"|log in to|logging into|access|hack|hacking|install|installing|put a tracker on"
    r"|see|view|inspect|audit|review|go into|dig through|rifle through)"
)

# Together or agreed: the exception for shared, consented things.
CONSENT = re.compile(
    r"\b(?:both agreed|we (?:both )?agreed|we agree|we've agreed|we have agreed|agreed together"
    r"|mutually|mutual|with (?:her|his|their|each other's|our) (?:consent|permission|blessing)"
    r"|consent(?:ed)?|we both want|both of us want|we decided together|decided together"
    r"|each other's|if (?:she|he|they) (?:wants|want|agrees?|is okay|are okay|is ok|likes?)"
    r"|(?:she|he|they) asked me to|at (?:her|his|their) request|(?:she|he|they) (?:wants"
    r"|want) me to)\b"
)

CONTROL = [
    # Restricting what the partner can do: "so she can't go online unless I'm home".
    rf"\bso (?:that )?{P_SUBJ} (?:can't|cannot|can not|won't be able to|is unable to|are unable to"
    rf"|has no way to|doesn't have|can never|never can) (?:go|get|use|leave|see|talk|text|call"
    rf"|drive|spend|access|have|waste|buy|work|contact|visit|meet|hang|reach|log|sign)\b",
    r"\bunless (?:i'm|i am|i say|i allow|i agree|i approve|i'm there|i am there|i'm with (?:her"
    r"|him|them))\b",
    rf"\b(?:make|have|get|force|require|tell) {P_OBJ}(?: to)? (?:ask|get|need"
    rf"|seek) (?:for )?(?:my )?(?:permission|approval|ok|okay|sign-off)\b",
    r"\b(?:ask|asks|asking|get|gets) (?:for )?(?:my )?permission before (?:she|he|they) (?:spends?"
    r"|goes?|buys?|sees?|leaves?|texts?|calls?|visits?|wears?)\b",
    rf"\b(?:make|get|force|have|tell) {P_OBJ}(?: to)? (?:unfollow|unfriend|block|delete|remove"
    rf"|cut off|stop following|stop talking to|stop texting|stop messaging)\b",
    rf"\b(?:delete|remove|block|unfriend|unfollow|wipe)(?: [\w'-]+){{0,4}} (?:from|on|in"
    rf"|off) {P_POSS} (?:phone|instagram|facebook|snapchat|contacts|social media|accounts?"
    rf"|laptop)\b",
    rf"\b(?:follow|following|tail|tailing)(?: {P_OBJ}) (?:whenever|when|to|around|everywhere|after"
    rf"|if|every|secretly|without)\b",
    r"\b(?:control|take control of|take over|be in charge of|manage) (?:all )?(?:of )?(?:the|our"
    r"|her|his|their) (?:money|finances|bank accounts?|cards|spending|paychecks?"
    r"|salary)\b(?=[^.]*\b(?:so (?:she|he|they)|all|myself|alone|only me|without (?:her|him"
    r"|them)))",
    r"\b(?:control|take control of) all (?:of )?(?:the |our )?(?:money|finances|spending)\b",
    rf"\b(?:make sure|ensure) {P_SUBJ} (?:never|can't|cannot|won't|doesn't|does not"
    rf"|will not) (?:ever )?leaves? me\b",
    rf"\b{P_SUBJ} (?:can't|cannot|can never|will never|won't ever|must never) (?:ever )?leave me\b",
    rf"\b(?:never|not|won't|will not|don't|do not) let {P_OBJ} leave\b",
    # Surveillance of the partner's phone, messages, location, money.
    rf"\b{LOOK}(?: \w+){{0,2}} {P_POSS}(?: \w+)? {DEVICE}\b",
    rf"\b(?:check on|check up on|spy on|snoop on|monitor|track|keep tabs on|keep an eye on|watch"
    rf"|follow) {P_OBJ}\b(?! (?:about|with|before|after|when (?:she|he|they)(?:'s| is"
    rf"| are) (?:sick|ill|unwell)|to see how|to see if (?:she|he|they)(?:'s| is| are) (?:ok|okay"
    rf"|alright|fine)|lead|home safely|safely))(?: \w+){0, 3} (?:phone|location|messages|texts"
    rf"|whereabouts|every (?:move|minute|hour|step|night|day)|all the time|at all times|constantly"
    rf"|whenever|everywhere|when (?:she|he|they) (?:goes|go|leaves?)|where|who)\b",
    rf"\b(?:track|tracking|monitor|monitoring|spy on|spying on|keep tabs on|keeping tabs on|stalk"
    rf"|stalking|check up on|checking up on) (?:{P_OBJ}|{P_POSS}|where (?:she|he|they))\b",
    rf"\b(?:find out|figure out|work out|see|know|check) (?:exactly )?(?:who"
    rf"|what) {P_SUBJ} (?:has been|is(?: been)?|have been|was|were|are|keeps?) (?:texting"
    rf"|messaging|talking to|seeing|calling|meeting|sleeping with|chatting with|dming"
    rf"|snapchatting)\b",
    rf"\b(?:know|find out|see|ask) (?:exactly )?(?:where|who|what) {P_SUBJ} (?:is|are|goes|go|went"
    rf"|was|were|talks?|texts?|messages?|sees?|meets?|spends?)\b(?:[^.,;]*\b(?:all the time"
    rf"|at all times|every|always|constantly|each|24/7|times))",
    rf"\b(?:where|who) {P_SUBJ} (?:is|are|goes|go|talks? to|texts?|sees?|meets?) (?:at all times"
    rf"|all the time|every minute|every hour|24/7|constantly)\b",
    rf"\b(?:make|have|get|force|require|insist|demand|expect|tell) {P_OBJ}(?: to)? (?:text|call"
    rf"|check in with|report to|send) me(?: \w+){{0,4}} (?:every|each|whenever|where|when (?:she"
    rf"|he|they) (?:leaves?|arrives?|goes?)|who|her location|his location|their location|photos?"
    rf"|pictures?)\b",
    rf"\b(?:make|have|get|force|require|insist|demand|expect|tell) {P_OBJ}(?: to)? (?:share"
    rf"|give me|hand over|turn over|show me|unlock|tell me) (?:all |every |each )?(?:{P_POSS} "
    rf"|her |his |their )?(?:\w+ )?{DEVICE}\b",
    rf"\b(?:only )?(?:let|allow) {P_OBJ}(?: to)? (?:spend|go|see|use|buy|leave|drive|have|eat|wear"
    rf"|visit|call|text)\b[^.]*\b(?:if|when|unless|once|after) i (?:say|agree|allow|approve|okay"
    rf"|ok|check|decide|give)\b",
    r"\bif i (?:say (?:yes|so|ok|okay)|allow it|approve|agree)\b",
    rf"\b(?:get|demand|know|have|take|keep|change) {P_POSS} (?:phone )?(?:passwords?|pin|passcode"
    rf"|login|logins|codes?)\b",
    r"\b(?:install|put|hide|place|use|set up)(?: \w+){0,2} (?:a )?(?:tracker|tracking app"
    r"|tracking device|spyware|spy app|gps tracker|air ?tag|hidden camera|camera|keylogger|find my"
    r"|life360)\b",
    rf"\b(?:turn on|enable|set up|activate) (?:the )?location(?: sharing"
    rf"| tracking)? on {P_POSS} (?:phone|car)\b",
    rf"\b{P_POSS} location\b(?! (?:with|to) (?:me|us) (?:if|when) (?:she|he|they) (?:wants|want"
    rf"|likes?|chooses?))",
    # Money as control.
    rf"\b(?:control|take control of|take over|manage|limit|restrict|cut off|take away|take"
    rf"|withhold|hide|keep) {P_POSS} (?:money|paycheck|pay|salary|wages|income|spending|cards?"
    rf"|credit cards?|debit cards?|bank cards?|bank account|finances|allowance|car keys|keys|phone"
    rf"|passport|id)\b",
    rf"\b(?:give|put) {P_OBJ} (?:on )?(?:an |a weekly |a monthly |a daily )?(?:allowance|budget)\b",
    rf"\b(?:approve|sign off on|veto|decide|choose|pick|control|dictate|tell {P_OBJ}) (?:what|how"
    rf"|who|where|when|every|all)? ?(?:{P_SUBJ} )?(?:(?:can|may|is allowed to|are allowed to"
    rf"|gets to|should|must|will) )?(?:wears?|spends?|eats?|buys?|goes?|sees?|talks?|purchases?"
    rf"|clothes|outfits?|friends)\b",
    rf"\b(?:approve|check|decide|control|choose|veto) (?:all |every |each )?{P_POSS} (?:outfits?"
    rf"|clothes|clothing|purchases|friends|plans|food|weight|appearance|makeup|hair)\b",
    rf"\b(?:{P_SUBJ}|{P_OBJ}) (?:needs?|has to|have to|must|will) (?:ask"
    rf"|get) (?:for )?my (?:permission|approval|ok|okay)\b",
    r"\b(?:ask|need|needs|get|require|requires) (?:for )?my (?:permission|approval)\b",
    rf"\b(?:not|never|won't|will not|don't|do not) (?:let|allow) {P_OBJ}(?: to)? (?:go|leave|see"
    rf"|talk|text|visit|spend|have|work|drive|wear|use|spend|hang|meet|call|out)\b",
    rf"\b(?:{P_SUBJ}) (?:is|are) not allowed to\b",
    r"\bnot allowed to (?:see|go|talk|leave|visit|have|work|wear|spend)\b",
]
ISOLATE = [
    rf"\b(?:keep|stay|get) {P_OBJ} away from (?:her|his|their|my)? ?(?:\w+ )?(?:friends?|family"
    rf"|mother|mom|mum|father|dad|sisters?|brothers?|parents|coworkers?|colleagues?|people"
    rf"|everyone|mates|ex|church|group|club)\b",
    rf"\b(?:stop|keep|prevent|forbid|ban) {P_OBJ} (?:from )?(?:going|seeing|visiting"
    rf"|meeting)\b(?=[^.]*\b(?:friends?|family|excuse|other (?:men|women|guys|girls|blokes|lads)"
    rf"|class|gym|club|out))",
    rf"\b(?:make|get|force) {P_OBJ}(?: to)? stop (?:going to|seeing|visiting"
    rf"|attending)\b(?=[^.]*\b(?:excuse|other (?:men|women|guys|girls|blokes|lads)|jealous"
    rf"|friends?|family))",
    rf"\b(?:stop|keep|prevent|forbid|ban|block|discourage|stop|limit|restrict|cut off|isolate"
    rf"|separate|distance) {P_OBJ} (?:from )?(?:seeing|going out|going|talking|texting|hanging"
    rf"|visiting|calling|meeting|spending time|contacting|messaging|having|working|leaving|driving"
    rf"|seeing|being with)\b",
    rf"\b(?:make|get|force|have|convince|pressure|push) {P_OBJ}(?: to)? (?:stop|quit|give up"
    rf"|cut off|drop|end|unfriend|block|lose|leave|cut ties with|stay away from"
    rf"|avoid)(?: (?:seeing|talking to|texting|hanging out with|spending time with|going out with"
    rf"|contacting|visiting))? (?:her|his|their|all)?(?: \w+)? (?:friends?|family|mother|mom|mum"
    rf"|father|dad|sister|brother|parents|sisters|brothers|coworkers?|colleagues?|job|work|hobbies"
    rf"|group|club|church|classes|gym|mates|best friend|bff|ex|exes|people|everyone)\b",
    rf"\b(?:keep|stop) {P_OBJ} (?:at home|home|in the house|from leaving|inside)\b",
    rf"\b(?:cut|cutting) {P_OBJ} off\b(?! (?:mid|in the middle|when (?:she|he|they)(?: is| are)?"
    rf" (?:talk|speak)|while (?:she|he|they)))",
    rf"\b(?:isolate|isolating) {P_OBJ}\b",
    rf"\b{P_OBJ} (?:stays?|staying|to stay) (?:at )?home (?:every|all|instead of (?:going"
    rf"|seeing))\b",
    rf"\b(?:stop|end|limit|cut down) {P_POSS} (?:friendships?|time with (?:her|his"
    rf"|their) (?:friends|family)|nights out|girls' nights?|guys' nights?|outings|social life"
    rf"|contact with)\b",
    r"\bno more (?:girls'?|guys'?|boys'?) nights?\b",
]
COERCE = [
    rf"\b(?:make|force|pressure|pressur(?:e|ing)|push|guilt|guilt-trip|coerce|talk) {P_OBJ}(?: to"
    rf"| into)? (?:have sex|sleep with me|have intimacy|do (?:it|what i say|as i say)|obey|submit"
    rf"|give in|apologi[sz]e|agree|say yes|stay|sex)\b",
    rf"\b(?:make|get) {P_OBJ} (?:obey|submit|listen to me|do what i (?:say|want|tell))\b",
    rf"\b(?:(?:punish|punishing)(?! (?:myself|ourselves|yourself)\b)|teach {P_OBJ} a lesson"
    rf"|get back at|get even with|make {P_OBJ} pay"
    rf"|make {P_OBJ} suffer|make {P_OBJ} regret|make {P_OBJ} jealous)\b",
    rf"\b(?:silent treatment|ignore {P_OBJ}|not (?:speak|talk) to {P_OBJ}|withhold (?:sex"
    rf"|affection|money|love|attention)|refuse (?:sex|to talk))(?: \w+){{0,3}} (?:until|unless|if"
    rf"|as punishment|to punish|so (?:she|he|they) (?:learns?|knows?))\b",
    r"\b(?:threaten|threatening|threatened|threats?)(?: \w+){0,2} (?:to )?(?:leave|divorce"
    r"|break up|take the kids|kick (?:her|him|them) out|hurt|hit|kill|harm|tell everyone"
    r"|expose)(?: \w+){0,4} (?:unless|if|so|until|to make)\b",
    r"\b(?:threaten|threatening|threatened) (?:to )?(?:hurt|hit|kill|harm|beat)\b",
    rf"\b(?:won't|will not|don't|do not|refuse to) (?:let|allow) {P_OBJ} (?:leave|go|say no|sleep"
    rf"|eat|rest)\b",
    rf"\b(?:take|hide|keep|lock) {P_POSS} (?:keys|car keys|phone|passport|id|documents|wallet"
    rf"|medication|meds)\b",
    rf"\block {P_OBJ} (?:in|out)\b",
    rf"\b(?:remind|tell) {P_OBJ} (?:that )?(?:(?:she|he|they)(?:'s| is| are) (?:worthless|stupid"
    rf"|nothing|lucky to have me)|no one else would)\b",
    r"\b(?:obey|submissive|submit to me|do as (?:she|he|they)(?:'s| is| are) told)\b",
]
VIOLENT = (
    r"(?:hit|hits|hitting|slap|slaps|slapping|punch|punches|punching|kick|kicks|kicking|choke"
    r"|chokes|choking|strangle|strangles|strangling|throttle|throttles|shove|shoves|shoving|push"
    r"|pushes|pushing|beat|beats|beating|smack|smacks|smacking|hurt|hurts|hurting|harm|harms|grab"
    r"|grabs|grabbing|bite|bites|burn|burns|rape|rapes|attack|attacks|kill|kills|shake|shakes"
    r"|strike|strikes|pin|pins|(?:throw|throws|chuck|chucks|hurl|hurls) (?:things|stuff|\w+) at"
    r"|(?:lay|lays) a (?:hand|finger) on|(?:put|puts) (?:his|her|their) hands (?:on|round|around)"
    r"|(?:get|gets) (?:rough|physical|violent) with|(?:go|goes) for|force|forces|forcing|pull"
    r"|pulls|pulling|yank|yanks|drag|drags|dragging|spit on|spits on)"
)
HARMED = (
    r"(?:me|us|my (?:kids|children|son|daughter|baby|dog|cat|face|neck|throat|head|arms?|hair)"
    r"|(?:the|our) (?:kids|children|baby|dog|cat)|them)"
)
# Games, races and pushes to do better: "so he can't beat me at chess", "push me to try".
NOT_VIOLENCE = (
    r"(?! (?:at (?:the |a )?(?:pub )?(?:chess|cards|games?|pool|tennis|golf|quiz|trivia|darts"
    r"|scrabble|monopoly|mario kart|fifa|board games|video games|\w+ball)|in (?:chess|cards"
    r"|games?|a race|an argument|arguments)|to (?!death|the (?:ground|floor|wall)|my knees)\w+"
    r"|into(?! (?:the|a) (?:walls?|doors?|table|floor|ground|car|cupboard|fridge|mirror|window)\b)"
    r"|up (?:about|over)|out of (?:bed|my shell|my comfort))\b)"
)
# A goal's aim, or the fear behind it: "so he won't…", "or she'll…", "before he…".
SO_THAT = r"(?:so|so that|or|or else|otherwise|in case|before|because|cause|cos|coz|bc|until|till)"
# "hurt her feelings": not the body.
NOT_BODY = (
    r"(?! (?:feelings?|pride|ego|chances|confidence|trust|at (?:chess|cards|games?|pool|tennis"
    r"|golf|mario kart|fifa|scrabble|monopoly|darts|arm wrestling|video games|\w+ball))\b)"
)
HIDE = (
    r"(?:hide|hiding|hid|stash|stashing|stashed|squirrel away|squirrelling away|sneak|sneaking"
    r"|put away|putting away|put aside|putting aside|set aside|setting aside|save|saving|keep"
    r"|keeping|pack|packing)"
)
VALUABLES = (
    r"(?:money|cash|savings|\$|£|€|\d|bag|passport|documents|papers|clothes|card|bank account)"
)
SELF_HARM = [
    r"\b(?:kms|unalive (?:myself|me)|end(?:ing)? it all|end(?:ing)? my own life"
    r"|want(?:s|ed|ing)? to die|overdos(?:e|es|ed|ing))\b",
    r"\b(?:want|wanting|wish|wishing|hope|hoping|pray|praying)(?: that)?(?: i)?(?: to| would"
    r"| could| will)? (?:not|never|do not) (?:to )?wake up\b",
    r"\b(?:take|taking|took|swallow|swallowing|swallowed) (?:all|the whole (?:bottle|box|packet"
    r"|pack)(?: of)?) (?:of )?(?:my |the )?(?:pills|tablets|meds|medication|sleeping pills"
    r"|painkillers)\b",
    r"\b(?:cutting|cuts|harming|hurting) myself\b",
    r"\bburn(?:ing|ed|t)? myself with\b",
    r"\b(?:stop|quit|no more|not|resist|avoid|urge to|relapsed? (?:and|into))(?: \w+){0,2}"
    r" cutting\b(?= (?:when|if|after|every|whenever|again|anymore|any more|tonight|today|this)\b"
    r"|\s*[.,!?;]|\s*$)",
    r"\b(?:kill myself|end my life|suicide|suicidal|want to die|wanna die|better off dead"
    r"|hurt myself|harm myself|self-harm|self harm|cut myself|no reason to live"
    r"|not want to be alive"
    r"|don't want to be alive|do not want to be alive|don't want to live|do not want to live)\b",
]
FEAR = [
    rf"\b{P_SUBJ} (?:said|says|threatens?|threatened|will|would|swore|told me)(?: (?:that )?(?:he"
    rf"|she|they))?(?: would| will|'d|'ll)? (?:take|keep) (?:the|my|our) (?:kids|children|son"
    rf"|daughter|baby)\b",
    r"\btake the (?:kids|children) (?:away )?(?:from me|if i|unless i)\b",
    rf"\b(?:afraid|scared|terrified|frightened|fearful|petrified|in fear|fear)(?: (?:of"
    rf"|for))? (?:him|her|them|{P_OBJ}|{P_POSS} (?:temper|anger|rage|reactions?|moods?|drinking"
    rf"|outbursts?|fists?|violence|threats?)|my (?:life|safety)|the kids'? safety|my kids'? safety"
    rf"|our safety|what (?:he|she|they|{P_SUBJ})(?:'ll| will| might| could| would)? (?:do|say"
    rf"|does))\b",
    r"\b(?:afraid|scared|terrified|frightened) (?:to (?:go|come|be|stay) (?:back )?home"
    r"|of going home|at home|to (?:say no|disagree|leave|speak up|tell (?:him|her|them) no)|(?:he"
    r"|she|they)(?:'ll| will| might| could| would) (?:hurt|hit|kill|harm|beat|explode|snap|lose it"
    r"|lose (?:his|her|their) temper|find out where))\b",
    rf"\b(?:afraid|scared|terrified|frightened) of how (?:{P_SUBJ}|he|she|they)(?:'ll| will| might"
    rf"| could| would)? (?:react|respond|take it|act)\b",
    rf"\b(?:he|she|they|{P_SUBJ}) (?:scares|frightens|terrifies|intimidates|threatens|threatened"
    rf"|scared|frightened|terrified) me\b",
    r"\b(?:(?:don't|do not|never|no longer|can't|cannot) feel safe|not safe"
    r"|unsafe)(?: \w+){0,3} (?:at home|in my (?:own )?home|with (?:him|her|them|my \w+)"
    r"|around (?:him|her|them|my \w+)|in the house|when (?:he|she|they))\b",
    r"\b(?:walk(?:ing)? on eggshells|walk on egg shells)\b",
    r"\bfear for my (?:life|safety)\b",
    r"\b(?:abuse|abused|abusive|abuser|abusing|domestic violence|domestic abuse|family violence"
    r"|intimate partner violence|battered|rape|raped|sexual assault|assaulted|assaults me"
    r"|restraining order|protection order|(?<!non-)(?<!non)violent|(?<!non-)(?<!non)violence)\b",
    rf"\b(?:{P_SUBJ}|it)(?: \w+){{0,2}} (?:hits|hit|slaps|slapped|punches|punched|kicks|kicked"
    r"|chokes|choked|strangles|strangled|shoves|shoved|pushes|pushed|beats|beat|grabs|grabbed"
    r"|bites|bit|burns|burned|smacks|smacked|threw|throws|pins|pinned|restrains|restrained"
    r"|spits on|spat on|strikes|struck) (?:me|my (?:face|arm|arms|neck|body|head|kids?"
    r"|children|son|daughter)|the kids|our kids|the children)\b"
    r"(?! (?:to|into (?:doing|\w+ing|it|things|trying|being)|at|a|an|some|up|off|out of|with (?:a"
    r"|his|her|their) (?:words|silence)|in (?:chess|cards|games?)|every time at|emotionally))",
    r"\b(?:stops?|stop|quit|quits|keep|keeps|keeps on|start|starts) (?:hitting|slapping|punching"
    r"|kicking|choking|strangling|shoving|pushing|beating|hurting|grabbing|threatening"
    r"|smacking) me\b",
    rf"\b{P_SUBJ} (?:doesn't|does not|won't|will not|never|can't|cannot) (?:hurt|hit|touch"
    rf"|harm) me (?:again|anymore|any more)\b",
    r"\b(?:hurt|hurts|hit|hits) me again\b",
    rf"\b(?:i|i have|i've) (?:hit|slapped|punched|kicked|choked|shoved|pushed|grabbed|strangled"
    rf"|beat|smacked|threatened) {P_OBJ}\b(?! (?:up|with a (?:pillow|snowball)|in (?:chess"
    rf"|cards)))",
    rf"\b(?:stop|quit|not|never|no more|avoid) (?:hitting|slapping|punching|kicking|choking"
    rf"|shoving|pushing|grabbing|hurting|strangling|beating|smacking|threatening) {P_OBJ}\b"
    rf"{NOT_BODY}",
    rf"\b(?:hit|slap|punch|kick|choke|shove|push|grab|hurt|strangle|beat|smack"
    rf"|threaten) {P_OBJ}{NOT_BODY}(?: \w+)? (?:again|when|if|whenever|anymore|any more)\b",
    r"\b(?:throws?|threw|throwing|breaks?|broke|breaking|smash(?:es|ed|ing)?|punch(?:es|ed"
    r"|ing)?) (?:things|stuff|plates|dishes|objects|my (?:phone|things|stuff)|holes in|the wall"
    r"|walls|doors?)\b",
    rf"\b(?:{P_SUBJ}|i) (?:has|have|keeps?|owns?|bought|pulled|waved|pointed|grabbed|held"
    rf"|threatened (?:me |us |him |her )?with)(?: \w+){{0,2}} (?:gun|guns|knife|knives|weapon"
    rf"|weapons|firearm)\b",
    r"\b(?:with|pointed|waving) (?:a|his|her|their) (?:gun|knife|weapon)\b",
    rf"\b{P_SUBJ}(?: [\w']+){{0,3}} (?:kill|killing|murder|strangle|drown) me\b",
    r"\b(?:wants? to|going to|gonna|threatens? to|threatened to|tried to|try to|will|'ll"
    r"|i'm going to|i want to) (?:kill|murder|strangle|drown) (?!(?:him|her|them) for\b)(?:me|him"
    r"|her|them|myself|himself|herself|themselves|us|the kids|my (?:partner|wife|husband|kids?"
    r"|children|son|daughter|girlfriend|boyfriend))\b",
    r"\b(?:bruises?|bruised|black eye|broken bones?|broke my (?:arm|wrist|nose|rib))\b",
    rf"\b{P_SUBJ} (?:won't|will not|doesn't|does not|never) let me (?:leave|go out|see|have|talk"
    rf"|use|work|sleep|out)\b",
    rf"\b{P_SUBJ} (?:controls?|checks?|tracks?|monitors?|reads?|takes?|took|goes through|keeps?"
    rf"|hides?|withholds?) (?:all (?:of )?)?(?:my|me) (?:whole |entire )?(?:money|phone|messages"
    rf"|texts|location|every|email|emails|accounts?|cards?|keys|passport|paycheck|pay|salary|wages"
    rf"|income|bank card|car keys)\b",
    rf"\b{P_SUBJ} (?:gives?|allows?|lets) me (?:an allowance|only|just|\$|£|€|a (?:weekly"
    rf"|monthly) allowance)",
    rf"\b{P_SUBJ} (?:locks?|locked) me (?:in|out)\b",
    rf"\b{P_SUBJ} (?:forces?|forced|makes?|made|pressures?|pressured) me (?:to )?(?:have sex"
    rf"|do things|sleep with)\b",
    r"\b(?:forced me|made me have sex|makes me have sex|against my will|without my consent)\b",
    r"\bi(?:'m| am) (?:not allowed|forbidden) to\b",
    # Violence described by where it landed: "grabbed my throat", "pulled me by the hair".
    rf"\b(?:{P_SUBJ}|it)(?: [\w']+){{0,2}} (?:hits?|slap(?:s|ped)?|punch(?:es|ed)?|kick(?:s|ed)?"
    rf"|chok(?:es|ed)|strangl(?:es|ed)|shov(?:es|ed)|push(?:es|ed)|grab(?:s|bed)|pull(?:s|ed)"
    rf"|yank(?:s|ed)|squeez(?:es|ed)|twist(?:s|ed)|pin(?:s|ned)|held|holds|throttl(?:es|ed)"
    rf"|bit(?:es)?|burn(?:s|ed)|smack(?:s|ed)|struck|strikes) (?:me by )?(?:my|the) "
    rf"(?:throat|neck|hair|wrists?|arms?|face|head|jaw|chest|shoulders?|hands?|legs?|ribs"
    rf"|stomach|belly|back)\b",
    # A threat about leaving or telling: "if I leave he'll make sure I never see the kids".
    rf"\bif i (?:(?:leave|left|try to leave)(?! (?:work|the office|early|late|for work|on time"
    rf"|the house (?:early|late)))|go (?:to the police|to a shelter)|tell (?:anyone|anybody"
    rf"|someone|the police"
    rf"|my family)|call (?:the police|the cops|someone)|report|break up|ask for a divorce"
    rf"|divorce)\b[^.;]{{0,30}}\b(?:he|she|they|{P_SUBJ})(?:'ll| will|'d| would| is going to"
    rf"| are going to| says| said| swears| threatens)\b",
    r"\b(?:make sure|see to it that) i (?:never|don't|do not|won't) (?:see|get) (?:the|my|our)"
    r" (?:kids|children|son|daughter|baby)\b",
    # Fear tied to the partner's reaction: "scared to tell him because of how he reacts".
    rf"\b(?:afraid|scared|terrified|frightened|petrified|too scared|too afraid)\b[^.;]{{0,80}}"
    rf"\bbecause of (?:how|what) (?:{P_SUBJ}|he|she|they) (?:reacts?|reacted|does|did|gets|got"
    rf"|might|will|would|could|says|said|is like)\b",
    rf"\b(?:afraid|scared|terrified|frightened) (?:of )?(?:what|how) (?:{P_SUBJ}|he|she|they)"
    rf"(?:'ll| will| might| could| would)? (?:do|react|respond) (?:if|when|to me)\b",
    # Keeping a partner from hurting: "so he won't slap me", "or she'll throw things at me".
    rf"\b{SO_THAT} {P_SUBJ}(?: [\w']+){{0,6}} {VIOLENT} {HARMED}\b{NOT_VIOLENCE}",
    rf"\b{SO_THAT} {P_SUBJ}(?: [\w']+){{0,3}} (?:get|gets) (?:rough|physical|violent|handsy)\b",
    rf"\b{SO_THAT} {P_SUBJ}(?: [\w']+){{0,3}} (?:shake|shakes|throttle|throttles) (?:her|him"
    rf"|the baby|our baby|my baby)\b",
    rf"\b{SO_THAT} {P_SUBJ}(?: [\w']+){{0,3}} (?:go|goes|reach|reaches|grab|grabs|get|gets)"
    rf" (?:for )?(?:the|his|her|a) (?:belt|knife|gun|bat|hammer|blade)\b",
    # Keeping a partner from taking things away: "so he doesn't take my card away again".
    rf"\b{SO_THAT} {P_SUBJ}(?: [\w']+){{0,3}} (?:take|takes|keep|keeps|lock up|locks up|hide"
    rf"|hides|smash|smashes|break|breaks|cut up|cuts up) my (?:bank cards?|cards?|debit card"
    rf"|phone|passport|keys|car keys|money|wages|pay|medication|meds|id|documents)\b",
    rf"\b{SO_THAT} {P_SUBJ}(?: [\w']+){{0,3}} (?:cut|cuts) me off from\b",
    # Keeping out of a partner's reach: "so my ex can't follow me", "so he can't find me".
    rf"\b{SO_THAT} {P_SUBJ} (?:can not|cannot|will not|does not|would not|won't|can't|doesn't"
    rf"|never)(?: \w+)? (?:know (?:when|where) (?:to )?)?(?:follow|track|find|wait for|get at"
    rf"|get to) me\b",
    # Threats: regret, deportation, private pictures.
    rf"\b{P_SUBJ} (?:says?|said|swears?|swore|tells me|told me|warns?|warned)(?: me)?(?: that)?"
    rf" (?:i|you)(?: will| would| am going to| are going to)? (?:regret it|be sorry|pay for"
    rf" (?:it|this|that))\b",
    r"\b(?:report|reporting|reported|turn|turning) me (?:in )?to (?:immigration|the home office"
    r"|ice|border (?:control|force))\b|\b(?:get|have|getting) me deported\b",
    rf"\bnudes\b[^.;]{{0,80}}\b{SO_THAT} {P_SUBJ}(?: [\w']+){{0,3}} (?:post|posts|share|shares"
    rf"|leak|leaks|send|sends|put|puts|upload|uploads)\b",
    rf"\b{P_SUBJ}(?: [\w']+){{0,3}} (?:post|share|leak|send|upload|put up)(?: \w+){{0,2}} (?:my"
    rf"|the|our|those) (?:nudes|naked (?:photos|pics|pictures)|intimate (?:photos|pics|pictures"
    rf"|videos)|private (?:photos|pics|pictures|videos))\b",
    rf"\b(?:{P_SUBJ}|him|her|them) (?:reading|checking|going through|tracking|monitoring) (?:all"
    rf"|every one)(?: of)? my (?:messages|texts|emails|dms|chats|calls)\b(?! (?:out loud|aloud))",
    # Evidence kept, children hurt, friends given up for fear of a partner's anger.
    rf"\b(?:diary|record|log|photos?|pictures?|evidence|proof)\b[^.;]{{0,30}}\b(?:every time|each"
    rf" time|whenever|when) {P_SUBJ} (?:hurts|hurt|has hurt|hits|hit|has hit|attacks|beats) me\b",
    rf"\b(?:kids|children|son|sons|daughters?|baby|boys|girls)\b[^.]{{0,80}}\b{P_SUBJ}"
    rf"(?: [\w']+){{0,3}} (?:hits?|slaps?|beats?|kicks?|punch(?:es)?|shakes?|hurts?|smacks?"
    rf"|belts?) them\b",
    rf"\b(?:stop|quit|no longer|give up|giving up|stopped|gave up) (?:seeing|going out with"
    rf"|visiting|calling|talking to|meeting) my (?:friends|mates|family|mum|mom|dad|sister|brother"
    rf"|parents)\b[^.;]{{0,40}}\b(?:since|because|cos|cause|as|or) {P_SUBJ} (?:gets?|goes|will"
    rf" get|would get|is|got)(?: so| really| too)? (?:angry|mad|furious|violent|aggressive|crazy"
    rf"|scary|nasty|jealous)\b",
    # Injuries hidden, help for abuse sought.
    rf"\bwhat {P_SUBJ} (?:did|does|has done|had done) to (?:me|my (?:face|arms?|neck|body|legs?"
    rf"|back|eyes?|wrists?|ribs))\b(?! (?:in (?:bed|a good way)))",
    r"\b(?:women'?s|womens|dv|domestic (?:violence|abuse)|abuse) (?:refuges?|shelters?"
    r"|hotlines?|helplines?|services?|support|advocates?|workers?)\b",
    # Control: allowed, banned, handed over, held: "what he says I'm allowed to eat".
    rf"\b{P_SUBJ} (?:says?|said|decides?|decided|thinks?)(?: that)? (?:(?:what|where|who|when"
    rf"|how much) i(?: am)?(?: not)?|i(?: am)? not) allowed to\b",
    r"\bwhat i(?: am|'m) allowed to (?:eat|wear|spend|buy|say|watch|do)\b",
    rf"\b(?:what|where|who|when|how much) {P_SUBJ} (?:says?|said|decides?|decided|thinks?)"
    rf"(?: that)? i(?: am)? allowed to\b",
    rf"\b{P_SUBJ}(?: [\w']+){{0,2}} (?:banned|bans|forbids|forbidden|forbade|stops|stopped"
    rf"|keeps|kept) me (?:from )?(?:seeing|going|visiting|talking|calling|leaving|working|having"
    rf"|contacting)\b",
    rf"\bget my (?:passport|id|documents|papers|bank card|cards?|phone|car keys|keys|wages|money"
    rf"|meds|medication) back (?:off|from) {P_OBJ}\b",
    r"\b(?:hand|handing|hands) over (?:all )?(?:of )?my (?:wages|pay|paycheck|salary|bank card"
    r"|pin|passwords?)\b",
    rf"\b(?:give|giving) {P_OBJ} my (?:whole|entire|full) (?:wages|pay|paycheck|salary)\b",
    rf"\b(?:check in with|text|call|ring|send|report to|tell) {P_OBJ}(?: \w+){{0,4}} (?:every"
    rf" (?:hour|half hour|\d+ minutes|time i)|my location|where i am|who i am with)\b[^.;]{{0,60}}"
    rf"\b(?:like|as|because|since|or) {P_SUBJ} (?:wants|demands|insists|tells me|says|makes me"
    rf"|expects)\b",
    # Preparing to get away: money or a bag hidden to leave, an escape route.
    rf"\b{HIDE}\b(?![^.;]*\b(?:present|gift|surprise|birthday|christmas|xmas|anniversary"
    rf"|party)\b)(?=[^.;]{{0,40}}{VALUABLES})[^.;]{{0,60}}?\b(?:so (?:that )?i (?:can|could|will be"
    rf" able to|have enough to|am able to)|to|in case i (?:need to |have to |want to )?|for when i"
    rf"|until i can|and) (?:leave|escape|get out|flee|get away)\b(?! (?:of|for|on|to|work|early"
    rf"|my job|the country|this|next|with)\b)",
    rf"{VALUABLES}(?![^.;]*\b(?:present|gift|surprise|birthday|christmas|xmas|anniversary"
    rf"|party)\b)[^.;]{{0,60}}\bwhere {P_SUBJ} (?:can not|will not|does not|would not|could not"
    rf"|never|can't|won't|doesn't|couldn't) (?:find|see|get to|look)\b",
    r"\b(?<!fire )(?:escape (?:route|plan)|go[- ]?bag|safety plan|get-?away bag|bug-?out bag)\b",
    rf"\b(?:sleep|sleeping|slept|hide|hiding|hid|lock myself|locking myself) in (?:the|my)"
    rf" (?:car|bathroom|garage|shed)\b"
    rf"[^.;]{{0,40}}\b(?:when|whenever|on the nights|the nights|if|so|because|until|till|before)"
    rf" {P_SUBJ}\b",
    # Money doled out, or the member's own things to be asked for: "the £30 a week he gives me".
    rf"(?:\$|£|€) ?\d+(?:[.,]\d+)? (?:a|per|each|every) (?:day|week|month|fortnight)(?: that)?"
    rf" {P_SUBJ} (?:gives?|allows?|lets|leaves?|hands?) me\b",
    rf"\b(?:allowance|pocket money|spending money)\b[^.;]{{0,30}}\b{P_SUBJ} (?:gives?|allows?"
    rf"|lets|hands?) me\b",
    rf"\b(?:ask|asking|asked|beg|begging|begged)(?: {P_OBJ})? (?:for|to (?:see|use|have|get|look"
    rf" at|access|check)) my (?:own (?:money|pay|wages|salary|account)|(?:own )?(?:bank account"
    rf"|bank cards?|debit card|credit cards?|cards|wages|paycheck|salary|passport|id card"
    rf"|documents|car keys|keys|medication|meds))\b",
    # Contact that goes on after a separation: "the texts she sends since I moved out".
    rf"\b{P_SUBJ} (?:still )?(?:texts?|calls?|sends?|messages?|emails?|turns? up|shows? up"
    rf"|comes? round|waits?|sits? outside|follows? me|keeps (?:texting|calling|messaging|turning"
    rf" up|showing up|coming))\b[^.;]{{0,60}}\b(?:since|after|now that|ever since) (?:i|we)"
    rf" (?:moved out|left|broke up|split|separated|ended it|got divorced|divorced|kicked (?:him"
    rf"|her|them) out|blocked)\b",
    # A weapon brought out: "he got the knife out", "she came at me with a bat".
    rf"\b{P_SUBJ} (?:got|gets|took|takes|pulled|pulls|brought|brings) (?:a|the|his|her|their)"
    rf" (?:gun|knife|knives|blade|bat|hammer|machete|belt) out\b",
    rf"\b{P_SUBJ} (?:came|comes|went|goes|ran|runs) (?:at|for) me with\b",
]

_GROUPS = {
    "self_harm": [re.compile(p) for p in SELF_HARM],
    "control": [re.compile(p) for p in CONTROL],
    "isolation": [re.compile(p) for p in ISOLATE],
    "coercion": [re.compile(p) for p in COERCE],
    "fear": [re.compile(p) for p in FEAR],
}
# Self-directed: the device or money is the member's own.
SELF_OWNED = re.compile(
    r"\b(?:my|my own|our|our own) (?:phone|screen|screen time|spending|budget|money|location"
    r"|messages|emails?|calendar|whereabouts)\b"
)
SELF_SHARE = re.compile(
    rf"\b(?:share|send|show|give|tell|text|let) (?:{P_OBJ} )?(?:my|my own) (?:location|whereabouts"
    rf"|plans|calendar|schedule|passwords?|eta)\b"
    r"|\b(?:share|send|give|tell) (?:my|my own) (?:location|whereabouts|eta|plans) (?:with|to)\b"
    r"|\blet (?:her|him|them|my \w+) know (?:where i am|when i|if i|i'm|i am)\b"
)
# "check in with her", "check on her when she's sick": care, not control.
CARE = re.compile(
    r"\b(?:check(?:ing)? in with|check(?:ing)? on (?:her|him|them|my \w+) (?:when|if|after|while)"
    r"|ask(?:ing)? (?:her|him|them|my \w+) (?:how|about|what|if|whether)|check(?:ing)? (?:our"
    r"|the) (?:calendar|budget|schedule|plans)"
    r"|look(?:ing)? at (?:our|the) (?:budget|calendar|finances|photos|wedding)"
    r"|track(?:ing)? (?:our|my) (?:spending|budget|expenses|bills|progress|savings))\b"
)


# The member's own looking, stopped: "stop checking her phone", "I'll quit going through his
# messages", "no longer read her texts", "I won't look at his phone again", "ask before I look at
# her laptop". The goal is to give the looking up, or to do it only with the partner's say-so,
# so a rule for surveillance that matches inside it is not a concern. Someone else stopping
# ("make her stop checking my phone", "he has to stop tracking me") is not the member's own.
STOP_LEAD = (
    r"(?:stop|stopping|quit|quitting|give up|giving up|no longer|no more|cut out|knock off"
    r"|pack in|drop the habit of|break the habit of|kick the habit of|get out of the habit of"
    r"|resist the urge to|refrain from)"
)
ASK_FIRST = (
    rf"(?:ask|asking)(?: {P_OBJ})?(?: for)?(?: (?:her|his|their))?(?: (?:permission|consent"
    rf"|first|ok|okay))*(?: first)? before(?: i(?: am)?)?"
)
NOT_AGAIN = r"(?:never|not|no more)"
ADVERBS = (
    r"(?:(?:secretly|sneakily|constantly|obsessively|compulsively|always|ever|even|just"
    r"|randomly) )*"
)
OWN_LOOK = (
    rf"(?:{LOOK}|stalk|stalking|scroll|scrolling|scroll through|scrolling through|look in"
    r"|looking in|ask where|asking where|ask who|asking who|open|opening|listen in on"
    r"|listening in on)"
)
CLAUSE_END = r"(?=[.,;!?:]| (?:and|but|then|so|because|cause|cos|or|unless|until|instead)\b|$)"
SELF_STOP = re.compile(
    rf"\b(?:{STOP_LEAD}|{ASK_FIRST}) {ADVERBS}{OWN_LOOK}\b[^.,;!?:]*?{CLAUSE_END}"
)
SELF_NOT_AGAIN = re.compile(
    rf"\b{NOT_AGAIN} {ADVERBS}{OWN_LOOK}\b[^.,;!?:]*? (?:again|anymore|any more)\b"
)
# Before the lead, within three words: someone else doing the stopping, or the stopping denied.
NOT_OWN = re.compile(
    r"\b(?:he|she|they|her|him|them|his|their|partner|wife|husband|girlfriend|boyfriend|fiance"
    r"|fiancee|fiancé|spouse|ex|man|woman|never|not|cannot)\b(?: \S+){0,2} ?$"
)
# Words that can stand around the member's own stopped looking and say nothing more.
LEAD_WORDS = frozenset(
    str.split(
        """i i'll i'm ll m will won't wont not never am going gonna wanna want to really just also
    please my goal goals is from now on then try trying need promise plan must should would like
    do don't can can't have i've let me myself start starting today tonight"""
    )
)
# Reader kinds that the member's own looking can look like.
LOOKING_KINDS = frozenset({"control", "stalking"})


def own_looking_stopped(norm: str) -> list[tuple[int, int]]:
    """Spans of ``norm`` where the member gives up their own looking, or asks first."""
    spans = []
    for pattern in (SELF_STOP, SELF_NOT_AGAIN):
        for m in pattern.finditer(norm):
            before = norm[max(0, m.start() - 60) : m.start()]
            if NOT_OWN.search(before):
                continue
            spans.append(m.span())
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# The reader's kinds for the kinds of these rules.
READER_KINDS = {
    "self_harm": "self_harm",
    "control": "control",
    "isolation": "control",
    "coercion": "control",
    "fear": "fear",
}


@dataclass(frozen=True)
class SafetyHit:
    kind: str  # self_harm, control, isolation, coercion, fear
    words: str  # the member's own words that raised it


# These rules' kinds for the member's own behaviour toward a partner (not danger to them).
OWN_CONTROL_KINDS = frozenset({"control", "isolation", "coercion"})


def concern(raw: str, text: Text | None = None) -> Finding | None:
    """The safety decision for a goal's words: a ``Finding`` (reader kinds), or None.

    The safety reader first, for danger to the writer or a child; then these rules, for the
    member's own controlling or coercive behaviour toward a partner. ``text`` is ``raw`` already
    read by ``nearer.lib.text``, when the caller has it."""
    return concern_and_source(raw, text)[0]


def concern_and_source(raw: str, text: Text | None = None) -> tuple[Finding | None, bool]:
    """``concern``, and whether it is these rules' finding of the member's own controlling,
    isolating or coercive behaviour toward a partner (True), not danger to the member."""
    if text is None:
        text = read_text(clean(raw)[0])
    if not text.raw.strip():
        return None, False
    try:
        finding = reader.read(text.raw)
    except Exception:  # the rules below still read: a goal never gets a 500 for this
        logger.error("The safety reader failed on a goal; the goal rules still read it.")
        finding = None
    if finding is not None and not _own_looking(text, finding):
        return finding, False
    hit = check(text)
    if hit is not None:
        return Finding(READER_KINDS[hit.kind], hit.words), hit.kind in OWN_CONTROL_KINDS
    return None, False


def _own_looking(text: Text, finding: Finding) -> bool:
    """The reader's control or stalking finding comes from the member's own looking, stopped:
    "stop checking whether he's read my messages", "quit stalking his location on Find My".
    Its words lie in that part, or the rest of the text, read without it, shows no danger."""
    if finding.kind not in LOOKING_KINDS:
        return False
    spans = _raw_spans(text, own_looking_stopped(text.norm))
    if not spans:
        return False
    raw = text.raw.lower()
    words = finding.words.lower()
    starts = [m.start() for m in re.finditer(re.escape(words), raw)] if words else []
    if starts and all(_inside(spans, s, s + len(words)) for s in starts):
        return True
    rest = list(text.raw)
    for start, end in spans:
        rest[start:end] = " " * (end - start)
    rest = "".join(rest)
    if not set(re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)*", rest.lower())) - LEAD_WORDS:
        return True  # nothing else was said: "I won't [read her diary again]"
    return reader.read(rest) is None


def _raw_spans(text: Text, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        tokens = [t for t in text.token_of[start:end] if t >= 0]
        if tokens:
            out.append((text.spans[tokens[0]][0], text.spans[tokens[-1]][1]))
    return out


def check(text) -> SafetyHit | None:
    """The first concern of these rules in a ``Text``, or None."""
    norm = text.norm
    stopped = own_looking_stopped(norm)
    for kind, patterns in _GROUPS.items():
        for pattern in patterns:
            for m in pattern.finditer(norm):
                if kind in {"control", "isolation"} and (
                    _inside(stopped, m.start(), m.end()) or _excused(norm, m)
                ):
                    continue
                return SafetyHit(kind, text.quote_match(m))
    return None


def _excused(norm: str, m: re.Match) -> bool:
    """Own things, shared by agreement, or plainly caring: not control."""
    words = m.group()
    sentence = _sentence_around(norm, m.start(), m.end())
    if CARE.search(words):
        return True
    if SELF_SHARE.search(sentence) and not re.search(
        rf"{P_POSS} (?:location|phone|messages)", words
    ):
        return True
    if SELF_OWNED.search(words) and not re.search(P_POSS + " ", words):
        return True
    return bool(
        CONSENT.search(sentence)
        and not re.search(
            r"\b(?:make|force|require|insist|demand|stop|keep|prevent|forbid|ban|isolate|not let"
            r"|won't let|punish|spy|snoop|secretly|without (?:her|him|them) knowing)\b",
            words + " " + sentence,
        )
    )


def _sentence_around(norm: str, start: int, end: int) -> str:
    left = max(norm.rfind(".", 0, start), norm.rfind("!", 0, start), norm.rfind("?", 0, start))
    right_candidates = [
        i for i in (norm.find(".", end), norm.find("!", end), norm.find("?", end)) if i >= 0
    ]
    right = min(right_candidates) if right_candidates else len(norm)
    return norm[left + 1 : right]
