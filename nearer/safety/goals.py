"""Safety first: words that suggest control, surveillance, isolation, coercion, or fear and
violence at home. Such text never becomes a SMART goal; it gets a fixed message and real help.

The checks lean towards caution, with two careful exceptions: things a member does to
themselves ("stop checking MY phone at dinner") and things both partners agreed to ("share
our locations when we travel, both agreed").
"""

import re
from dataclasses import dataclass

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
    rf"\b(?:cut|cutting) {P_OBJ} off\b",
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
    rf"\b(?:punish|punishing|teach {P_OBJ} a lesson|get back at|get even with|make {P_OBJ} pay"
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
    rf"|shoving|pushing|grabbing|hurting|strangling|beating|smacking|threatening) {P_OBJ}\b",
    rf"\b(?:hit|slap|punch|kick|choke|shove|push|grab|hurt|strangle|beat|smack"
    rf"|threaten) {P_OBJ}(?: \w+)? (?:again|when|if|whenever|anymore|any more)\b",
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
    r"\b(?:kill myself|end my life|suicide|suicidal|want to die|wanna die|better off dead"
    r"|hurt myself|harm myself|self-harm|self harm|cut myself|no reason to live"
    r"|not want to be alive"
    r"|don't want to be alive|don't want to live|do not want to live)\b",
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
]

_GROUPS = {
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


@dataclass(frozen=True)
class SafetyHit:
    kind: str  # control, isolation, coercion, fear
    words: str  # the member's own words that raised it


def check(text) -> SafetyHit | None:
    """The first safety concern in a ``Text``, or None."""
    norm = text.norm
    for kind, patterns in _GROUPS.items():
        for pattern in patterns:
            for m in pattern.finditer(norm):
                if kind in {"control", "isolation"} and _excused(norm, m):
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
