"""Word lists the coach reads with, each a compiled pattern over ``Text.norm``.

Verbs are listed by their base form; ``forms`` adds -s, -ed and -ing, so "hug" also finds
"hugs", "hugged" and "hugging".
"""

import re

IRREGULAR = {
    "say": "says said saying",
    "tell": "tells told telling",
    "give": "gives gave given giving",
    "take": "takes took taken taking",
    "make": "makes made making",
    "do": "does did done doing",
    "go": "goes went gone going",
    "have": "has had having",
    "buy": "buys bought buying",
    "bring": "brings brought bringing",
    "write": "writes wrote written writing",
    "read": "reads reading",
    "send": "sends sent sending",
    "leave": "leaves left leaving",
    "put": "puts putting",
    "sit": "sits sat sitting",
    "eat": "eats ate eaten eating",
    "meet": "meets met meeting",
    "hold": "holds held holding",
    "run": "runs ran running",
    "swim": "swims swam swimming",
    "sing": "sings sang singing",
    "drive": "drives drove driven driving",
    "set": "sets setting",
    "keep": "keeps kept keeping",
    "spend": "spends spent spending",
    "find": "finds found finding",
    "pay": "pays paid paying",
    "get": "gets got gotten getting",
    "feel": "feels felt feeling",
    "think": "thinks thought thinking",
    "shut": "shuts shutting",
    "lay": "lays laid laying",
    "throw": "throws threw thrown throwing",
    "beat": "beats beaten beating",
    "hit": "hits hitting",
    "hurt": "hurts hurting",
    "choke": "chokes choked choking",
    "see": "sees saw seen seeing",
    "be": "am is are was were been being",
    "stop": "stops stopped stopping",
    "plan": "plans planned planning",
    "hug": "hugs hugged hugging",
    "chat": "chats chatted chatting",
    "jog": "jogs jogged jogging",
    "shop": "shops shopped shopping",
    "nod": "nods nodded nodding",
    "text": "texts texted texting",
    "wrap": "wraps wrapped wrapping",
    "slap": "slaps slapped slapping",
    "grab": "grabs grabbed grabbing",
    "drop": "drops dropped dropping",
    "sweep": "sweeps swept sweeping",
    "forgive": "forgives forgave forgiven forgiving",
    "understand": "understands understood understanding",
    "let": "lets letting",
    "show": "shows showed shown showing",
    "teach": "teaches taught teaching",
    "fight": "fights fought fighting",
    "ask": "asks asked asking",
    "lose": "loses lost losing",
    "begin": "begins began begun beginning",
}


def forms(base: str) -> list[str]:
    """ "hug" → hug, hugs, hugged, hugging (and the plain -ed/-ing guesses, harmless extras)."""
    words = base.split(" ", 1)
    head, rest = words[0], (" " + words[1] if len(words) > 1 else "")
    if head in IRREGULAR:
        out = [head, *IRREGULAR[head].split()]
    elif head.endswith("e"):
        out = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        out = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        out = [head, head + "es", head + "ed", head + "ing"]
    else:
        out = [head, head + "s", head + "ed", head + "ing"]
    return [w + rest for w in out]


def verbs(*bases: str) -> str:
    """An alternation of every form of every verb, longest first."""
    all_forms = {f for b in bases for f in forms(b)}
    return "(?:" + "|".join(sorted(map(re.escape, all_forms), key=len, reverse=True)) + ")"


def words(text: str) -> str:
    """ "a b|c d" style lists: an alternation of the given phrases, longest first."""
    items = [w.strip() for w in text.replace("\n", " ").split("|") if w.strip()]
    return "(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")"


def split_words(text: str) -> list[str]:
    """Whitespace-separated words; an underscore stands for a space inside one ("sign_up")."""
    return [w.replace("_", " ") for w in text.split()]


# --- People ----------------------------------------------------------------------------------

PARTNER_NOUN = words(
    """partner|wife|husband|spouse|girlfriend|boyfriend|fiance|fiancee|fiancé|fiancée|bae|babe
    |sweetheart|darling|significant other|other half|better half|missus|mrs|hubby|wifey
    |man|woman|girl|guy|lady|love|beloved|honey|sweetie|person|partner's|wife's|husband's
    |girlfriend's|boyfriend's|spouse's|fiance's|fiancee's"""
)
PARTNER = re.compile(
    rf"\b(?:my|our) (?:{PARTNER_NOUN})\b|\b(?:partner|wife|husband|spouse|girlfriend|boyfriend"
    r"|fiancée?|fiancé|fiancee?|hubby|wifey|bae|significant other|other half|better half|spouses"
    r"|partners|wives|husbands)(?:'s)?\b"
)
PRONOUN = re.compile(r"\b(?:him|her|he|she|his|hers|them|they|their|theirs)\b")
WE = re.compile(
    r"\b(?:we|us|our|ours|ourselves|together|each other|one another|both of us|the two of us"
    r"|as a couple)\b"
)
NAME_STOP = {
    "I", "I'm", "I'll", "I've", "I'd", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Christmas", "Easter", "Netflix",
    "Valentine", "Valentine's", "Thanksgiving", "God", "OK", "Okay", "English", "Mom", "Dad",
}  # fmt: skip

# --- Relevant: the relationship named, or its domain evident ---------------------------------

DOMAIN = re.compile(
    r"\b(?:relationship|relationships|marriage|married|marital|couple|couples|romance|romantic"
    r"|intimacy|intimate|sex|sexual|make love|affection|affectionate|cuddle|cuddles|cuddling"
    r"|snuggle|kiss|kisses|kissing|hug|hugs|hugging|hold hands|holding hands|date night|date nights"
    r"|dates?|anniversary|wedding|vows|love languages?|i love you|love notes?|love letters?"
    r"|in-laws?|co-?parent(?:ing)?|chores?|chore chart|housework|household|dishes|laundry"
    r"|fair share|mental load|joint account|shared account|family budget|our budget|budget"
    r"|finances|household bills|argue|arguing|argument|arguments|fight|fights|fighting|bicker"
    r"|bickering|conflict|conflicts|disagreement|disagreements|heated|row|rows|repair|apologi[sz]e"
    r"|apology|sorry|forgive|forgiveness|resentment|trust|honest|honesty|jealous|jealousy"
    r"|communicate|communication|check-?in|check in with|appreciation|appreciate|gratitude"
    r"|thank you|compliment|compliments|counseling|counselor|couples therapy|marriage counselor"
    r"|therapist|closeness|closer|connection|connect|connected|reconnect|bond|bonding|distant"
    r"|raise my voice|yell|yelling|shout|shouting|interrupt|interrupting|criticize|criticism"
    r"|criticizing|nag|nagging|defensive|stonewall|silent treatment|quality time|family"
    r"|love|loving|lovingly|loved|emotional|feelings|understanding)\b"
)
# Parts of a goal that only state a reason: "…so I have energy for our evenings".
PURPOSE = re.compile(
    r"(?:,? so (?:that )?(?=(?:i|we|she|he|they|it|my|our|the|you|both|there|things|everyone"
    r"|nobody|no one)\b)(?!(?:i|we) (?:will|shall|am going to|are going to|want to|would like to"
    r"|plan to|need to|should|must|can|'ll|decided|have decided|promise)\b)|,? because "
    r"|,? in order to |,? so as to |,? to (?:show|make sure|help|let)"
    r" (?:her|him|them|my \w+)|,? as a way to |,? which (?:will|would) |,? since )"
)

# --- Specific ----------------------------------------------------------------------------------

# A goal's "made concrete" pieces: a topic, a means or a manner.
TOPIC = re.compile(
    r"\b(?:about|over|regarding|on the topic of|through|via|by (?:phone|text|video|letter|email|"
    r"writing)|on the phone|face to face|face-to-face|in person|without (?:\w+ing|phones?|screens?"
    r"|my phone|distractions|judgment|the tv|devices|a phone|her phone|his phone)|with (?:my |our "
    r"|the )?(?:phones?|tv|screens?|devices) "
    r"(?:off|away|down|in another room|put away)|phone-free|screen-free|device-free|"
    r"distraction-free|tech-free|undistracted|uninterrupted|one-on-one|one on one|just the two of"
    r" us|while (?:we |i )?(?:walk|cook|eat|drive)|on (?:a|our) walk|at the (?:table|dinner table)"
    r"|over (?:coffee|dinner|breakfast|lunch|tea)|to (?:her|his|their|my \w+'s) (?:day|story|"
    r"stories|worries|concerns|feelings|side|thoughts|ideas|plans|problems)|using i-statements|"
    r"calmly about|out loud|aloud|in writing|eye to eye)\b"
)
CHORE = re.compile(
    r"\b(?:the )?(?:dishes|laundry|dishwasher|washing up|washing|cooking|cleaning|vacuuming"
    r"|groceries|grocery shopping|food shopping|shopping|school run|bedtime|bath time|bathtime"
    r"|homework|trash|garbage|bins|recycling|bathroom|kitchen|lawn|yard|ironing|meal prep"
    r"|meal planning|meals|dinner|breakfast|lunch|lunches|bed|beds|dog walk|pickups?|drop-?offs?"
    r"|the floors?|the car|the bills|the budget|my share of|half of|the chores on)\b"
)
# Things you can make, give, plan or have that anyone could see.
THING = re.compile(
    r"\b(?:dinner|breakfast|lunch|brunch|coffee|tea|cocoa|a drink|drinks|dessert|a meal|meals"
    r"|a cake|cookies|a card|a note|notes|a letter|letters|a list|lists|a playlist|a photo album"
    r"|a scrapbook|a reservation|an appointment|appointments|a booking|a date|dates|date night"
    r"|date nights|a date night|a picnic|a trip|a getaway|a weekend away|a holiday|a vacation"
    r"|a surprise|a plan for|a budget|budgets|a chore chart|a chart|a calendar|a schedule"
    r"|a hug|hugs|a kiss|kisses|a massage|massages|a back rub|a foot rub|back rubs|foot rubs"
    r"|a compliment|compliments|a gift|gifts|a present|presents|flowers|a bouquet|chocolates?"
    r"|a gift card|a poem|a song|a photo|photos|a picture|pictures|a video|a text|texts"
    r"|a message|messages|a voice note|voice notes|an email|a call|calls|a video call|a phone call"
    r"|a conversation about|conversations about|a talk about|one conversation|a check-in|check-ins"
    r"|a weekly check-in|a family meeting|a meeting|a session|sessions|a counseling session"
    r"|counseling sessions|a therapy session|a class|a workshop|a course|a bath|a bed|the bed"
    r"|a walk|walks|a movie|movies|a movie night|a game night|a game|games|board games|a puzzle"
    r"|a bonfire|a barbecue|a bbq|a toast|a speech|a thank-you|a thank you|thank-you notes"
    r"|sex|love|a phone-free dinner|a screen-free evening|one small|one thing|one kind|one caring"
    r"|one act|one gesture|one question|a question|one appreciation|one compliment|the table"
    r"|a dinner|a lunch|a breakfast|her favorite|his favorite|their favorite|her favourite"
    r"|his favourite|a bouquet|time to talk|a time to talk|a call with|a hike|a run|a swim"
    r"|a ride|a drive|a reminder|reminders|a timer|an alarm|a nap|a snack|snacks|a treat|treats"
    r"|a smoothie|a sandwich|her lunch|his lunch|their lunch|the kids'|a bath for)\b"
)
# Doing without something you can see: "not raise my voice", "no phones at dinner".
AVOIDABLE = (
    r"(?:yell|yelling|shout|shouting|scream|screaming|raise my voice|raising my voice|interrupt"
    r"|interrupting|criticize|criticizing|nag|nagging|complain|complaining|swear|swearing|curse"
    r"|cursing|name-call|name-calling|call (?:her|him|them) names|calling (?:her|him|them) names"
    r"|roll my eyes|rolling my eyes|eye-rolling|eye rolling|slam|slamming|sigh|sighing"
    r"|check(?:ing)? my phone|look(?:ing)? at my phone|use my phone|using my phone|scroll"
    r"|scrolling|bring(?:ing)? up the past|storm(?:ing)? off|walk(?:ing)? out|give the silent"
    r" treatment|giving the silent treatment|drink|drinking|smoke|smoking|gamble|gambling"
    r"|work(?:ing)? late|work past|watch(?:ing)? tv|play(?:ing)? video games|gaming|snap at"
    r"|snapping at|mock|mocking|tease|teasing|sarcasm|being sarcastic|say|saying|use the words?"
    r"|bring up|bringing up|mention|mentioning|text(?:ing)? while|phone at|phones at"
    r"|my phone (?:at|during|in)|screens? (?:at|during|in)|devices? (?:at|during|in)|the tv"
    r"|social media|instagram|tiktok|facebook|email at|emails at|laptop|work emails?)"
)
NEGATED_CONCRETE = re.compile(
    rf"\b(?:not|never|no longer|stop|quit|avoid|refrain from|cut out|give up|cut back on|no more"
    rf"|without|less|zero|limit)\b(?: \w+){{0,2}} {AVOIDABLE}\b"
    r"|\bno (?:phones?|screens?|tv|devices|social media|laptops?|work talk|work emails?)\b"
)
NEG_PHONE = re.compile(r"\b(?:phones?|screens?|devices?)[- ](?:free|away|down|off)\b")

# --- Measurable -------------------------------------------------------------------------------

VAGUE = re.compile(
    r"\b(?:a few|few|some(?! of the| of my| of our| point| day| time\b| sort| kind)|so much"
    r"|too much|as much|several|many|multiple|a couple of|couple of"
    r"|a couple(?= (?:times|days|nights|evenings|mornings|hours|minutes|weeks|months))"
    r"|a lot(?! of fun)|lots|a bunch|plenty|enough|often|more often|regularly|frequently"
    r"|sometimes|occasionally|every now and then|now and then|from time to time|once in a while"
    r"|every so often|whenever (?:i|we) (?:can|get the chance|have time|remember)|as much as"
    r" (?:i can|possible|we can)|as often as (?:i can|possible|we can)|most days|most nights"
    r"|most evenings|most mornings|most weekends|most weeks|more|less|fewer|better|extra"
    r"|a bit|a little more|a little less|a little bit|little by little|usually|mostly|generally"
    r"|numerous|various|a handful|a number of|quite a few|tons|heaps|loads|x amount|whenever"
    r" possible|where possible|if possible|when possible|a while)\b"
)

# --- Achievable warning signs -----------------------------------------------------------------

ABSOLUTE = re.compile(
    r"\b(?:never|always|forever|every single|each and every|without fail|no matter what"
    r"|no exceptions?"
    r"|perfect|perfectly|perfection|completely|totally|entirely|all the time|at all times"
    r"|100 ?%|100 percent|one hundred percent|constantly|non-?stop|24/7|round the clock"
    r"|every waking|every free (?:minute|moment|second|hour|evening|night)|ever again|never again"
    r"|for good|for the rest of (?:my|our|his|her|their) lives?|for life|till death|until death"
    r"|flawless(?:ly)?|not once|whatever it takes|at any cost|the best \w+(?: \w+)? (?:in|of|ever)"
    r"|best \w+ ever|the best in)\b|\b100 ?%"
)
PERSON = (
    r"(?:partner|wife|husband|spouse|girlfriend|boyfriend|gf|bf|fiancee?|fiancé|other half"
    r"|better half|significant other|man|woman|kids?|children|son|daughter|mom|mum|mother"
    r"|dad|father|family|friends?|boss|roommate|flatmate|landlord|neighbou?rs?|coworkers?"
    r"|co-workers?|colleagues?|in-laws|mother-in-law|father-in-law|sisters?|brothers?|parents"
    r"|ex|teacher|manager|team|stepkids|stepson|stepdaughter|grandma|grandpa|aunt|uncle|cousin)"
)
OTHER = (
    rf"(?:my (?:[\w'-]+ )?{PERSON}|the kids|the children|everyone|everybody|people|others|he|she"
    r"|they|him|her|them|partner|wife|husband)"
)
OTHER_SUBJ = (
    rf"(?:my (?:[\w'-]+ )?{PERSON}|the kids|the children|everyone|everybody|people|he|she|they"
    r"|partner|wife|husband)"
)
MADE_THINGS = (
    r"(?:breakfast|dinner|lunch|coffee|tea|a |an |one |some |something|her favou?rite"
    r"|his favou?rite|their favou?rite|a packed|packed|flowers|food|pancakes|eggs|toast|soup"
    r"|cake|cookies|gifts?|presents?|cards?|notes?|tickets|drinks?|meals?|snacks?|dessert)\b"
)
DEPENDS = re.compile(
    rf"\b(?:make|get|force|convince|persuade|want|need|expect|ensure|make sure|see to it that"
    rf"|cause|require) (?:that )?{OTHER}(?: [\w'-]+)?? to \w+"
    rf"|\b(?:make|get) {OTHER} (?!{MADE_THINGS})\w+"
    rf"|\b{OTHER_SUBJ}(?: (?:really|finally|just|also|actually))? (?:will|would|should|shall|must"
    r"|has to|have to|needs to|need to|is going to|are going to|ought to|better|starts?|stops?"
    r"|begins?|learns?|agrees?|wants? to|feels?|'ll|gets?|become|becomes)\b"
    rf"|\b(?:until|unless|as long as|provided|only if) {OTHER_SUBJ} \w+"
    r"|\b(?:win|earn|regain|get|gain|rebuild|restore|keep) (?:back )?(?:her|his|their"
    rf"|my (?:\w+ )?{PERSON}'s) (?:trust|love|respect|heart|affection|forgiveness|attention"
    r"|approval)\b"
    r"|\b(?:win|get) (?:her|him|them|my \w+) back\b"
    r"|\b(?:want|need|expect|ask for|get|receive) (?:more |some |a little |a bit more |)(?:\w+ )?"
    r"(?:affection|attention|love|respect|support|appreciation|help|time|romance|intimacy|sex"
    rf"|praise|gratitude|effort|compliments|space) from {OTHER}\b"
    r"|\b(?:have|get to) zero (?:fights|arguments|conflicts|disagreements|rows)\b"
    r"|\bget (?:a |the )?(?:promotion|promoted|raise|pay rise|job offer|hired|accepted|picked"
    r"|chosen|selected|elected|a yes)\b"
    r"|\bwin (?:the|a|an|her|his|their)\b"
)
LARGE_OUTCOME = re.compile(
    r"\b(?:fix|save|heal|repair|rebuild|transform|restore|change|solve|resolve|overhaul"
    r"|turn around|sort out) (?:all of |all |every |each )?(?:our|my|the|this|everything|things"
    r"|us|every|all)(?: (?:whole|entire))?(?: (?:marriage|relationship|problems|issues|trust"
    r"|love life|sex life|communication|finances|debt|family|life|conflicts?|differences"
    r"|arguments|everything|between us))?\b"
    r"|\b(?:whole|entire|all (?:of )?(?:my|our|the)) \w+"
    r"|\b(?:never (?:fight|argue) again|fall (?:back )?in love(?: again)?|become best friends"
    r"|in love again|pay off (?:all )?(?:our |my )?(?:debt|debts|loans|mortgage)"
    r"|lose \d+ ?(?:pounds|lbs|kg|kilos|stone)|get (?:back together|married|engaged)"
    r"|move in together|have a baby|(?:save|earn|make) (?:\$|£|€) ?\d{1,3}(?:,\d{3})+"
    r"|(?:save|earn|make) (?:\$|£|€) ?\d{4,}|completely (?:trust|change|forgive)"
    r"|(?<![\w$£€])(?:\$|£|€) ?\d+(?:\.\d+)? ?(?:million|billion|m|k|thousand|grand)\b"
    r"|be (?:the )?perfect \w+|forgive everything|get over|move on from|stop all (?:arguments"
    r"|fighting)"
    r"|end all (?:arguments|conflict)|trust (?:her|him|them|each other) (?:again|completely)"
    r"|(?:become|be|get) fluent|fluent in|run a marathon|write a (?:whole )?(?:novel|book)"
    r"|get my life together|life together|get rid of (?:all )?(?:my|our)"
    r"|become a (?:morning|different|new|better) person|change who i am|learn (?:the whole|all of)"
    r"|debt-free|debt free|out of debt|buy a house|move (?:to|abroad|house)|new job|a promotion"
    r"|be happy again)\b"
)
INTENSE_DAILY_MINUTES = 120  # two hours a day or more of one activity
INTENSE_PHRASES = re.compile(
    r"\b(?:date|dates|date night|a date|go out|getaway|trip|vacation|sex)(?: \w+){0,4}"
    r" (?:every (?:single )?(?:night|day|evening)|daily|nightly|each (?:night|day))\b"
    r"|\b(?:every (?:single )?(?:night|day|evening)|daily|nightly) (?:date|dates|date night"
    r"|date nights)\b"
    r"|\bdaily date nights?\b|\ball (?:day|night|evening|weekend) long\b|\bevery waking\b"
)
# Joins in a list of changes: commas, "and", "plus", "also", "as well as", "then".
BUNDLE_SPLIT = re.compile(
    r",(?: and| plus| also| then| but)?|;|:| and also | and then | and | plus | as well as | also "
    r"| \+ |&"
)

# --- Someday, "from now on" and their friends live in grammar.py --------------------------------

# --- Problem statements, intent ---------------------------------------------------------------

INTENT = re.compile(
    r"\b(?:i|we|me and my \w+|my \w+ and i)(?: (?:really|truly|honestly|definitely|also|just|will"
    r" try and|both))?"
    r" (?:will|shall|am going to|are going to|'ll|want to|wants to|would like to|'d like to"
    r"|would love to|plan to|am planning to|are planning to|intend to|aim to|hope to|need to|should"
    r"|must|have to|promise to|commit to|am committing to|pledge to|vow to|am trying to|will try to"
    r"|try to|can|could|might|resolve to|choose to|decide to|have decided to|decided to|going to"
    r"|would|am gonna|gonna|wish to|get to|got to|ought to|mean to)\b"
    r"|\b(?:he|she|they|my (?:\w+ )?\w+|the kids|the children)(?: (?:really|finally|just"
    r"|also))? (?:will|shall|should|must|needs to|need to|has to|have to|is going to|are going to"
    r"|would|can|could|ought to)\b"
    r"|\b(?:i|we) (?:want|need|expect|would like|'d like|wish|hope) (?:him|her|them"
    r"|my (?:\w+ )?\w+|the kids|everyone|people) to\b"
    r"|\b(?:my|our) (?:goal|plan|aim|intention|resolution|challenge|commitment|promise)\b"
    r"|^\s*(?:i|we) (?:want|need|would like|'d like|wish for|am hoping for|hope for) (?:more|some"
    r"|less|a|an|us|our|to)\b"
    r"|\b(?:let us|let's|goal:|aim:|plan:|i'm going to|try to)\b"
    r"|^\s*(?:to|start|stop|quit|begin|keep|try)\b"
)
PROBLEM_START = re.compile(
    r"^\s*(?:(?:please )?help(?: me| us)?\b|i|we|he|she|they|it|things|there"
    r"|my \w+(?:'s)?(?: \w+)?|our \w+|his \w+|her \w+|their \w+"
    r"|me and|the \w+|everything|nothing|every time|sometimes|lately|recently|ever since|since)\b"
)
FEELING_STATEMENT = re.compile(
    r"^\s*(?:i|we)(?: \w+)? (?:feel|am|are|was|were|have been|keep|always|never|don't|do not|can't"
    r"|cannot|just|still|really|hardly|barely|rarely|haven't|have not|didn't|did not|hate|miss|got"
    r"|get|fight|argue|bicker|seem|struggle|keep on)\b"
)
HARD_STATE = re.compile(
    r"\b(?:is|are|was|were|feels?|has been|have been|seems?) (?:so |really |very |too |just "
    r"|kind of |pretty |super )?"
    r"(?:hard|difficult|tough|bad|awful|terrible|rough|strained|distant|broken|stuck|tense|cold"
    r"|lonely"
    r"|boring|stale|exhausting|draining|complicated|messy|impossible|a mess|a struggle|killing me"
    r"|falling apart"
    r"|not working|over|dead|gone|worse|unbearable|toxic|miserable|unhappy|sad|frustrating"
    r"|overwhelming)\b"
)
QUESTION_CHALLENGE = re.compile(r"\b(?:how|what|why) (?:do|can|could|should|would) (?:i|we)\b|\?$")
