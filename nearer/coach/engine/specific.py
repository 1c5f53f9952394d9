"""S: does the goal name something two people would agree happened?

The goal is cut into clauses; each clause loses its subject and helpers ("I will", "my husband
should", "I want him to", "try to", "never") and its head word is read:

- a trait or state ("be more patient", "feel closer") is not specific, unless the state can be
  checked ("be home by six", "be debt-free", "never be late");
- a purely mental act ("remind myself", "forgive him") or a broad outcome verb ("improve",
  "work on", "sort out") is not specific;
- a general verb ("talk", "spend", "do", "make", "have", "give"…) is specific only when a topic,
  a means, a manner or a concrete object makes it so ("talk about money", "spend 10 minutes with
  our phones away", "do the dishes"), and never with an undefined deed ("something nice");
- arguing and fighting are specific only as an absence ("never argue", "zero fights"), not as a
  relative amount ("argue 50% less");
- any other verb is an act you can see ("volunteer", "donate 5 bags", "initiate sex"), unless
  only a vague adverb follows it ("read more", "eat healthy").

A goal is specific when one of its clauses is.
"""

import re
from dataclasses import dataclass

from nearer.coach.engine import lexicon as lx

CLAUSE_SPLIT = re.compile(r"[,;:.!?()\"]|\s-\s| and then | and | but | then | or | plus | also ")

FILLER = (
    r"(?:and|but|then|also|so|just|please|really|finally|actually|even|still|definitely|honestly"
    r"|truly|simply|gently|calmly|kindly|quietly|genuinely|sincerely|lovingly|openly|finally|again"
    r"|first|instead|together|both|each|personally|consciously|intentionally|deliberately"
    r"|proactively|regularly|consistently|at least|immediately|right away)"
)
SUBJECT = r"(?:i|we|you|me and my \w+|my \w+ and i|\w+ and i|us)"
OTHER_SUBJECT = (
    r"(?:my (?:\w+ )?(?:partner|wife|husband|spouse|girlfriend|boyfriend|fiancee?|fiancé|ex|boss"
    r"|roommate|flatmate|landlord|mom|mum|mother|dad|father|sister|brother|son|daughter|kids?"
    r"|children|neighbou?r|coworkers?|colleagues?|in-laws|mother-in-law|father-in-law|family"
    r"|friends?|team|manager|teacher)|the kids|the children|he|she|they|hubby|wifey)"
)
HELPER = (
    r"(?:will|shall|would|should|could|can|must|might|may|am|are|is|do not|does not|did not"
    r"|don't|will not|won't|not|never|always|going to|gonna|want to|wanna|would like to|'d like to"
    r"|like to|need to|needs to|have to|has to|got to|plan to|hope to|try to|tries to|trying to"
    r"|promise to|intend to|aim to|commit to|start to|begin to|continue to|make sure to|make sure i"
    r"|be sure to|remember to|decide to|choose to|finally|really|also|just|truly|definitely"
    r"|ought to|is going to|are going to|am going to|'m going to|to|actually|no longer|at least"
    r"|(?:start|starts|begin|begins|keep|keeps|continue|continues|try|tries)(?= \w+ing\b)"
    r"|(?!apply|reply|supply|rely|fly|comply|bully|multiply|family|ally|belly|jelly|rally"
    r"|tally)\w+ly(?= \w)|ever|again|also|still|only|even)"
)
LEAD = re.compile(
    rf"^(?:{FILLER}\s+)*(?:(?:{SUBJECT}|{OTHER_SUBJECT})\s+)?(?:{HELPER}\s+)*"
    rf"(?:(?:want|need|expect|ask|get|make|have|let|help|force|convince)\s+(?:(?:him|her|them"
    rf"|{OTHER_SUBJECT})\s+)to\s+)?"
    rf"(?:{HELPER}\s+)*"
)
NEGATION = re.compile(
    r"\b(?:not|never|no longer|stop|stops|stopped|quit|avoid|zero|no more|without|don't|won't"
    r"|cut out|give up)\b"
)

TRAIT_HEAD = {
    "be",
    "become",
    "feel",
    "stay",
    "remain",
    "seem",
    "act",
    "sound",
    "appear",
    "grow",
    "being",
}
CHECKABLE_STATE = re.compile(
    r"^(?:(?:back|at|in|on|off|there|fully|completely|totally|always|never|ever|a|the) )*(?:late"
    r"|on time|early|home|back home|back|in bed|asleep|sober|ready|there (?:by|at)|off (?:my"
    r"|the) phone"
    r"|offline|(?!stress|worry|anxiety|guilt|drama|care|pain)\w+-free|debt free|smoke free"
    r"|out of debt|in the same room|at the table|at dinner|at home by|present for)\b"
)
MENTAL_HEAD = {
    "remember",
    "think",
    "reflect",
    "notice",
    "consider",
    "realize",
    "realise",
    "believe",
    "hope",
    "wish",
    "understand",
    "accept",
    "forgive",
    "trust",
    "respect",
    "love",
    "care",
    "value",
    "cherish",
    "appreciate",
    "adore",
    "admire",
    "imagine",
    "visualize",
    "ponder",
    "process",
    "acknowledge",
    "recognize",
    "want",
    "need",
    "know",
    "learn",
    "figure",
    "focus",
    "worry",
    "stress",
    "obsess",
    "dwell",
    "resent",
    "blame",
    "judge",
    "assume",
    "forget",
    "deserve",
    "mean",
    "relax",
    "calm",
    "chill",
    "rest",
    "heal",
    "grieve",
    "cope",
}
MENTAL_REST = {
    # Heads that are mental unless an object makes them an act ("remind her", "learn to cook").
    "remind": re.compile(r"^(?:my ?self|ourselves)\b"),
    "tell": re.compile(r"^(?:my ?self|ourselves)\b"),
    "ask": re.compile(r"^(?:my ?self|ourselves)\b"),
}
OUTCOME_HEAD = {
    "improve",
    "fix",
    "sort",
    "strengthen",
    "deepen",
    "nurture",
    "rebuild",
    "repair",
    "restore",
    "heal",
    "change",
    "transform",
    "save",
    "work",
    "deal",
    "handle",
    "manage",
    "address",
    "resolve",
    "tackle",
    "figure",
    "connect",
    "reconnect",
    "bond",
    "communicate",
    "support",
    "prioritize",
    "prioritise",
    "invest",
    "commit",
    "engage",
    "interact",
    "relate",
    "cooperate",
    "compromise",
    "grow",
    "develop",
    "build",
    "boost",
    "enhance",
    "maintain",
    "protect",
    "nourish",
    "honor",
    "honour",
    "treat",
    "behave",
    "open",
    "loosen",
    "lighten",
    "soften",
    "control",
    "regulate",
    "overcome",
    "rekindle",
    "revive",
    "reignite",
    "spice",
    "win",
    "earn",
    "regain",
    "keep",
    "look",
    "step",
    "pull",
    "show",
    "try",
}
GENERAL_HEAD = {
    "talk",
    "speak",
    "chat",
    "discuss",
    "listen",
    "spend",
    "do",
    "make",
    "have",
    "give",
    "share",
    "express",
    "plan",
    "go",
    "take",
    "get",
    "put",
    "set",
    "read",
    "eat",
    "sleep",
    "help",
    "check",
    "use",
    "play",
    "watch",
    "hang",
    "see",
    "be",
    "come",
    "start",
    "find",
    "run",
    "walk",
    "leave",
    "send",
    "write",
    "ask",
    "tell",
    "say",
    "call",
    "text",
    "keep",
    "look",
    "show",
    "try",
    "work",
    "learn",
    "fix",
    "save",
    "stop",
    "quit",
    "cut",
    "open",
    "step",
    "pull",
    "win",
    "earn",
    "regain",
    "support",
    "communicate",
}
ARGUE_HEAD = {
    "argue",
    "fight",
    "bicker",
    "disagree",
    "quarrel",
    "clash",
    "row",
    "squabble",
    "nag",
    "snipe",
}
DETERMINER = {
    "a",
    "an",
    "the",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "no",
    "more",
    "less",
    "fewer",
    "daily",
    "weekly",
    "monthly",
    "nightly",
    "every",
    "each",
    "some",
    "my",
    "our",
    "his",
    "her",
    "their",
    "this",
    "that",
    "regular",
    "quality",
    "better",
    "extra",
    "zero",
    "twice",
    "once",
    "at",
    "on",
    "in",
    "for",
    "by",
    "with",
    "from",
    "until",
    "before",
    "after",
    "during",
    "within",
    "over",
    "like",
    "such",
    "any",
    "all",
    "most",
    "few",
    "several",
    "many",
    "lots",
    "plenty",
    "much",
    "weekend",
    "weekends",
    "tonight",
    "tomorrow",
    "today",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sundays",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "morning",
    "evening",
    "night",
    "mornings",
    "evenings",
    "nights",
    "new",
    "phone-free",
    "screen-free",
    "date",
    "family",
    "couples",
    "marriage",
    "weeknights",
    "so",
    "as",
    "than",
    "if",
    "when",
    "whenever",
    "while",
    "because",
    "since",
    "though",
    "even",
    "it",
    "there",
    "here",
    "now",
    "soon",
    "someday",
    "eventually",
}
VAGUE_ONLY = re.compile(
    r"^(?:(?:much |a lot |a little |a bit |way |far )?(?:more|less|better|healthier|healthy|well"
    r"|right|properly"
    r"|harder|regularly|often|again|earlier|later|clean|differently|nicer|kinder|deeper|sooner"
    r"|enough|consistently|seriously|wisely|responsibly|sometimes|too|as well|so much|less often"
    r"|more often|every now and then|now and then|from time to time|once in a while)\s*)*$"
)
DEED_ADJ = (
    r"(?:nice|kind|sweet|special|romantic|caring|loving|thoughtful|fun|active|small|little|good"
    r"|extra|meaningful|big|new|cute|lovely|helpful|generous|random|surprise|spontaneous|different"
    r"|exciting|memorable|considerate|selfless|grand|real|genuine|daily|weekly|single|one|more)"
)
UNDEFINED_DEED = re.compile(
    rf"^(?:(?:a|an|one|some|more|the|something|anything)\s+)?(?:{DEED_ADJ}[,]?\s+){{0,3}}"
    r"(?:something|anything|things?|stuff|gestures?|acts? of (?:kindness|love|care|service)|deeds?"
    r"|surprises?|my (?:best|part|share|bit)|what i can|whatever|everything|effort|an effort"
    r"|(?:nice|kind|sweet|special|romantic|caring|thoughtful)(?:\s|$))(?!\s+(?:about|like (?:a|an"
    r"|her|his)))"
    r"(?=\s*(?:$|for\b|to\b|with\b|on\b|at\b|in\b|every\b|each\b|once\b|twice\b|this\b"
    r"|next\b|by\b|when\b|if\b|so\b|that\b|[,.;!?]))"
)
ABSTRACT_OBJECT = re.compile(
    r"^(?:(?:a|an|the|our|my|her|his|their|more|less|some|better|real|full|quality|extra|proper"
    r"|good|"
    r"great|deeper|closer|stronger|healthier|happy|healthy|undivided|complete|100%)\s+)*"
    r"(?:time|quality time|affection|love|intimacy|communication|patience|trust|connection"
    r"|closeness"
    r"|romance|effort|support|respect|understanding|fun|happiness|peace|harmony|balance"
    r"|relationship|marriage|life|lives|attention|space|priority|priorities|commitment|empathy"
    r"|compassion|kindness|care|interest|appreciation|gratitude|emotions?|feelings?|heart|self"
    r"|myself|yourself|boundaries|goals?|an example|the mood|the tone|expectations|progress"
    r"|changes?|a difference|amends|things (?:right|better|work)|it (?:right|work|up)|my all"
    r"|my best|the benefit|a chance|chances|sex life|love life|finances|money situation"
    r"|communication skills|listening skills|the extra mile|an interest|responsibility|care of"
    r"|self-care|me time|me-time)\b"
)
CONCRETE_STATE = re.compile(
    r"\b(?:phones?|laptops?|screens?|tv|devices?)\s+(?:closed|off|away|down|shut|face down"
    r"|in (?:another|the other) room)\b"
)
TIME_ONLY = re.compile(
    r"^(?:(?:every|each|on|at|in|by|for|this|next|the|a|an|once|twice|daily|weekly|weeknights?"
    r"|weekends?|mornings?|evenings?|nights?|days?|weeks?|months?|years?|tonight|tomorrow|today"
    r"|from now on|starting|until|before|after|within|over|during|\d+|\w+day|\w+days|times?"
    r"|per|minutes?|hours?|seconds?|again|now|soon|later|forever|always|never|so|too|please"
    r"|okay|ok|lol|haha|x+)\s*)+$"
)


@dataclass(frozen=True)
class Finding:
    met: bool
    reason: str  # concrete, trait, mental, outcome, general, undefined, argue, empty
    start: int
    end: int


def _gerund_to_base(word: str) -> str:
    if not word.endswith("ing") or len(word) < 5:
        return word
    stem = word[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    if stem.endswith(
        (
            "ak",
            "ak",
            "iv",
            "av",
            "ar",
            "at",
            "ok",
            "os",
            "ov",
            "ur",
            "us",
            "rg",
            "dg",
            "ng",
            "nc",
            "rc",
            "uc",
            "iz",
            "az",
            "ic",
        )
    ):
        return stem + "e"
    return stem


def classify(clause: str) -> tuple[bool, str]:
    """(specific?, reason) for one clause with its subject and helpers still on."""
    lead = LEAD.match(clause)
    rest = clause[lead.end() :] if lead else clause
    negated = bool(lead and NEGATION.search(lead.group())) or bool(
        re.match(r"(?:not|never|no longer|stop|quit|avoid|zero|no)\b", rest)
    )
    stopper = re.match(
        r"(?:not|never|no longer|ever|stop|stops|quit|quits|avoid|cut out|give up|(?:start|keep"
        r"|begin|continue)(?= \w+ing\b)|cut back on|cut down on|cut back to|limit)\s+",
        rest,
    )
    if stopper:
        rest = rest[stopper.end() :]
        obj = rest.split(" ", 1)[0] if rest else ""
        verbish = (
            obj.endswith("ing") or obj in ARGUE_HEAD or obj in TRAIT_HEAD or obj in GENERAL_HEAD
        )
        if (
            stopper.group().strip()
            in {
                "quit",
                "quits",
                "stop",
                "stops",
                "give up",
                "cut out",
                "avoid",
                "cut back on",
                "cut down on",
                "cut back to",
                "limit",
            }
            and obj
            and not verbish
        ):
            if ABSTRACT_OBJECT.match(rest) or re.match(r"(?:so much|too much|being)\b", rest):
                return False, "general"
            return True, "concrete"
    if lead and NEGATION.search(lead.group()):
        negated = True
    words = rest.split()
    if not words:
        return False, "empty"
    head = _gerund_to_base(words[0])
    tail = " ".join(words[1:])
    bare_tail = re.sub(
        r"^(?:(?:him|her|them|us|me|my (?:\w+ )?(?:partner|wife|husband|girlfriend|boyfriend|gf|bf"
        r"|spouse)|each other|one another|together|with (?:him|her|them|my \w+)|(?:her|his"
        r"|their) (?:hands?|back|feet|shoulders?))\s*)+",
        "",
        tail,
    )
    if head in _CONCRETE_HEADS and not re.match(r"(?:my ?self|ourselves)\b", tail):
        return True, "concrete"
    if CONCRETE_STATE.search(clause) or lx.NEG_PHONE.search(clause):
        return True, "concrete"
    if head in ARGUE_HEAD or re.match(r"(?:argu|fight|bicker)", words[0]):
        if negated and not lx.VAGUE.search(tail) and "so much" not in tail:
            return True, "concrete"
        return False, "argue"
    if head in TRAIT_HEAD:
        if CHECKABLE_STATE.match(tail):
            return True, "concrete"
        return False, "trait"
    if head in MENTAL_REST and MENTAL_REST[head].match(tail):
        return False, "mental"
    if head == "let":
        m = re.match(r"(?:him|her|them|my [\w'-]+|the kids|us) (\w+)(.*)", tail)
        if m and m.group(1) not in {"go", "know", "be", "feel", "in", "off"}:
            return classify(m.group(1) + m.group(2))
        return False, "mental"
    if head in {"get"}:
        if re.match(
            r"(?:\w+ )?(?:fitter|stronger|thinner|slimmer|happier|calmer|smarter|richer|wiser"
            r"|kinder|nicer|bigger|closer|better|along|over|into|back|healthier|fit|in shape"
            r"|organi[sz]ed|more|my life|my (?:\w+ ){0,2}in order|my act|my \w+ together"
            r"|it together|on the same page|to know|used to|rid of|less|up earlier|up early|angry"
            r"|upset|mad|defensive|jealous|annoyed|frustrated|stressed|anxious|calm|calmer|happy"
            r"|happier)\b",
            tail,
        ):
            return False, "general"
        return (bool(tail.strip()), "concrete" if tail.strip() else "general")
    if head in {"make"}:
        if re.match(
            r"(?:him|her|them|my [\w'-]+|the kids|us|it|things|everyone|everybody|people"
            r"|others)(?: [\w'-]+){0,2}?\s+(?:happy|happier|feel|more|less|like|love|trust"
            r"|understand|see|realize|want|care|proud|comfortable|safe|better|right|respect|listen"
            r"|appreciate|value|notice|forgive|believe|accept|change|open up|romantic|affectionate"
            r"|jealous|patient|nicer|kinder)\b",
            tail,
        ):
            return False, "mental"
        m = re.match(
            rf"(?:him|her|them|my (?:[\w'-]+ )?{lx.PERSON}|the kids|the children|everyone"
            rf"|people)\s+(?:to\s+)?(\w+)(.*)",
            tail,
        )
        if m and m.group(1) not in {
            "a",
            "an",
            "the",
            "some",
            "breakfast",
            "dinner",
            "lunch",
            "coffee",
            "tea",
            "one",
            "his",
            "her",
            "their",
            "something",
        }:
            return classify(m.group(1) + m.group(2))
        if (
            UNDEFINED_DEED.match(tail)
            or ABSTRACT_OBJECT.match(tail)
            or re.match(
                r"(?:time|an effort|effort|sure|peace|space|room|progress|changes?|amends|it up"
                r"|up for|(?:new |more )?friends)\b",
                tail,
            )
        ):
            return False, "general"
        return (bool(tail.strip()), "concrete" if tail.strip() else "general")
    if head in MENTAL_HEAD and head not in GENERAL_HEAD:
        return False, "mental"
    if head in OUTCOME_HEAD and head not in GENERAL_HEAD:
        if head == "fix" or head == "repair":
            pass
        return False, "outcome"
    if head in GENERAL_HEAD or head in OUTCOME_HEAD or head in MENTAL_HEAD:
        return _general(head, tail, clause, negated)
    if head in DETERMINER or re.fullmatch(r"\d[\d,.%/]*|[$£€]\d.*", head):
        return _noun_phrase(rest, negated)
    if bare_tail.strip() and VAGUE_ONLY.match(bare_tail):
        return False, "general"
    if UNDEFINED_DEED.match(bare_tail) and not bare_tail.startswith(("it ", "that ", "this ")):
        return False, "undefined"
    return True, "concrete"


_CONCRETE_HEADS = {
    "hug",
    "kiss",
    "cuddle",
    "snuggle",
    "compliment",
    "thank",
    "praise",
    "text",
    "call",
    "email",
    "message",
    "smile",
    "touch",
    "hold",
    "walk",
    "exercise",
    "meditate",
    "cook",
    "clean",
    "apologize",
    "laugh",
    "flirt",
    "pray",
    "dance",
    "sing",
    "massage",
    "wave",
    "greet",
    "visit",
    "date",
    "journal",
    "run",
    "jog",
    "swim",
    "hike",
    "stretch",
    "floss",
}


def _general(head: str, tail: str, clause: str, negated: bool) -> tuple[bool, str]:
    has_topic = bool(lx.TOPIC.search(" " + tail))
    if head in {
        "talk",
        "speak",
        "chat",
        "discuss",
        "communicate",
        "listen",
        "connect",
        "support",
        "reconnect",
        "bond",
    }:
        if head == "speak" and re.match(
            r"(?:(?:perfect|fluent|basic|better|some|more) )?(?:\w+ish|\w+ian|\w+ese|french|greek"
            r"|dutch|german|thai|hindi|arabic|hebrew|urdu|farsi|swahili|welsh|irish|gaelic)\b",
            tail,
        ):
            return True, "concrete"
        if has_topic or re.search(
            r"\b(?:about|through|via|by (?:text|phone|video|letter)|on the phone|on facetime"
            r"|over (?:coffee|dinner|text)|for (?:\d+|\w+) (?:minutes?|hours?)|until (?:she|he"
            r"|they) (?:finish|finishes|is done|are done))\b",
            tail,
        ):
            return True, "concrete"
        if (
            head == "discuss"
            and tail
            and not VAGUE_ONLY.match(tail)
            and not re.match(
                r"(?:things|stuff|it|more|better|our (?:relationship|issues|problems|marriage"
                r"|feelings))\b",
                tail,
            )
        ):
            return True, "concrete"
        if head == "listen" and re.search(
            r"\bwithout\b|\bto (?:her|his|their|my \w+'s) (?!more|better)\w+", tail
        ):
            return True, "concrete"
        return False, "general"
    if head == "spend":
        activity = re.search(
            r"\btime (?:on|at|in) \w+|\b(?:on|at) (?:social media|my phone|the phone|screens?"
            r"|games?|video games|instagram|tiktok|netflix|tv|the pub|work|takeout|clothes"
            r"|shopping|\w+ing)\b|\b\w+ing\b(?! together)",
            tail,
        )
        bare_time = re.search(
            r"\bspend(?:ing)? (?:more |some |quality |less )?time (?:with"
            r"|together)\b(?!.*\b(?:without|phones?|screens?|distraction))",
            clause,
        )
        if has_topic or (activity and not bare_time):
            return True, "concrete"
        if re.search(r"\b(?:less|fewer)\b.*\b(?:on|at)\b", tail):
            return True, "concrete"
        return False, "general"
    if head == "do":
        if (
            UNDEFINED_DEED.match(tail)
            or not tail.strip()
            or VAGUE_ONLY.match(tail)
            or ABSTRACT_OBJECT.match(tail)
        ):
            return False, "undefined"
        if re.match(
            r"(?:my share|my part|my bit|more around|better|my best|what|it|things|stuff"
            r"|everything|anything|the right thing)\b",
            tail,
        ):
            return False, "general"
        return True, "concrete"
    if head == "have":
        if re.match(
            r"(?:more|better|fun|a good time|patience|faith|trust|time|an? (?:better|healthy"
            r"|healthier|good|great|happy|happier|perfect|stronger|closer|loving"
            r"|real) (?:relationship|marriage|life|connection)|the perfect|a relationship"
            r"|a marriage|a life|a baby|kids|children|hope|empathy|compassion|respect"
            r"|an open mind)\b",
            tail,
        ):
            return False, "general"
        if re.match(r"(?:a|an|one|the)?\s*(?:conversation|talk|chat|discussion)s?$", tail):
            return False, "general"
        return (bool(tail.strip()), "concrete" if tail.strip() else "general")
    if head == "give":
        if has_topic:
            return True, "concrete"
        if re.match(
            r"(?:(?:him|her|them|us|my \w+|each other)\s+)?(?:more |my |our |some |the |a little "
            r"|enough |full |undivided |a )?(?:space|attention|love|support|time|benefit|chance"
            r"|100%|all|best|affection|respect|credit|grace|patience|room|priority|effort"
            r"|understanding|trust|care|kindness|everything|it)\b",
            tail,
        ):
            return False, "general"
        if UNDEFINED_DEED.match(re.sub(r"^(?:him|her|them|my \w+)\s+", "", tail)):
            return False, "undefined"
        return (bool(tail.strip()), "concrete" if tail.strip() else "general")
    if head in {"show", "share", "express"}:
        bare = re.sub(r"^(?:(?:him|her|them|my \w+|with (?:him|her|them|my \w+))\s+)", "", tail)
        if re.match(
            r"(?:more |my |our |some |real |genuine |true |a little |how much )?(?:love|affection"
            r"|appreciation|that i care|i care|care|respect|support|interest|gratitude|kindness"
            r"|feelings|emotions|thoughts|heart|myself|vulnerability|how i feel|what i feel|more"
            r"|it|that|compassion|empathy|warmth)\b(?!\s+(?:about|for|with|from|by|to|when|one))",
            bare,
        ) and not re.match(
            r"(?:my|our) (?:location|phone|calendar|schedule|plans|screen|day)", bare
        ):
            return False, "general"
        if not bare.strip():
            return False, "general"
        return True, "concrete"
    if head == "plan":
        if (
            re.match(
                r"(?:something|more|things|ahead|better|our future|for the future|it|stuff|time"
                r"|things out)\b",
                tail,
            )
            or not tail.strip()
        ):
            return False, "general"
        return True, "concrete"
    if head == "go":
        if (
            re.match(
                r"(?:more|less|easy|easier|deeper|further|the extra mile|above|with the flow"
                r"|back to (?:normal|how)|slow|slower|to bed angry)\b",
                tail,
            )
            or not tail.strip()
        ):
            return False, "general"
        return True, "concrete"
    if head == "take":
        if (
            re.match(
                r"(?:time|it easy|(?:better |more |good )?care of (?:my ?self|us|our|things"
                r"|the relationship|my)|better care|more care|responsibility|things slow|more"
                r"|a step back|it seriously|an interest|the lead|ownership|accountability|my time"
                r"|it slow|it out on)\b",
                tail,
            )
            or not tail.strip()
        ):
            return False, "general"
        return True, "concrete"
    if head == "put":
        if (
            re.match(
                r"(?:(?:her|him|them|us|my \w+|our \w+|family|the family|the relationship) first"
                r"|(?:her|his|their|my \w+'s|our) (?:needs|feelings|happiness|wants)"
                r"|in (?:more )?effort|effort|more|my all|my heart|myself)\b",
                tail,
            )
            or not tail.strip()
        ):
            return False, "general"
        return True, "concrete"
    if head == "keep":
        if (
            re.match(
                r"(?:calm|my cool|cool|it together|my temper|quiet|an open mind|trying|in touch"
                r"|in mind|my promises?|my word|every (?:single )?promise|promises|up|going"
                r"|positive|it up|things|my mouth shut|the peace|the spark|the romance|my emotions"
                r"|my anger|my feelings|it real|it light|an eye)\b",
                tail,
            )
            or not tail.strip()
        ):
            return False, "general"
        return True, "concrete"
    if head == "set":
        if (
            re.match(
                r"(?:boundaries|goals?|an example|priorities|the mood|the tone|expectations"
                r"|intentions?|healthy boundaries|better boundaries|limits)\b",
                tail,
            )
            or not tail.strip()
        ):
            return False, "general"
        return True, "concrete"
    if head == "read":
        if (
            re.match(r"(?:more|better|into|between|her mind|his mind|the room)\b", tail)
            or not tail.strip()
            or VAGUE_ONLY.match(tail)
        ):
            return False, "general"
        return True, "concrete"
    if head == "learn":
        if (
            re.match(
                r"(?:more|about|to be|how to be|to love|to trust|to accept|to let|to forgive"
                r"|to communicate|to listen|her love|his love|their love|from|patience"
                r"|to be patient|how to)\b",
                tail,
            )
            or not tail.strip()
        ):
            return False, "mental"
        if tail.startswith("to "):
            return classify(tail[3:])
        return False, "general"
    if head == "work":
        if re.match(
            r"(?:late|past|from home|out|fewer hours|less|no more than|no later|overtime|weekends"
            r"|\d)",
            tail,
        ):
            return True, "concrete"
        return False, "outcome"
    if head == "help":
        if re.match(r"(?:out )?(?:more|better|a lot|a bit|around)\b", tail):
            return False, "general"
        if re.search(r"\b(?:with|out with)\b", tail) and not re.search(
            r"\bwith (?:things|stuff|more|everything|anything|the house|around the house)\b", tail
        ):
            return True, "concrete"
        return False, "general"
    if head == "check":
        if re.match(r"in\b", tail):
            if re.search(
                r"\b(?:about|on (?:how|her|his|their|the)|by (?:asking|text|phone)|asking"
                r"|with a question|how)\b",
                tail,
            ):
                return True, "concrete"
            return False, "general"
        if re.match(r"on\b", tail):
            return False, "general"
        return (bool(tail.strip()), "concrete" if tail.strip() else "general")
    if head == "look":
        if re.match(
            r"(?:into|forward|out|after myself|for ways|at (?:things|ways|how|my|our))\b", tail
        ):
            return False, "general"
        return True, "concrete"
    if head in {
        "see",
        "find",
        "use",
        "play",
        "watch",
        "eat",
        "sleep",
        "hang",
        "come",
        "run",
        "walk",
        "leave",
        "send",
        "write",
        "ask",
        "tell",
        "say",
        "call",
        "text",
        "start",
        "stop",
        "quit",
        "cut",
        "save",
        "fix",
        "open",
        "step",
        "pull",
        "win",
        "earn",
        "regain",
        "try",
        "be",
        "support",
        "communicate",
        "show",
    }:
        if head == "try":
            if tail.startswith("to "):
                return classify(tail[3:])
            if re.match(r"(?:harder|my best|more|to be|again|better)\b", tail) or not tail.strip():
                return False, "general"
            return True, "concrete"
        if head == "fix":
            if re.match(
                r"(?:the |my |our )?(?:heating|sink|tap|faucet|door|light|lights|car|bike|shelf"
                r"|roof|leak|boiler|dishwasher|washing machine|fence|toilet|window|drawer|cupboard"
                r"|gutter|lock|bed|table|chair|fridge|oven|dryer|washer)\b",
                tail,
            ):
                return True, "concrete"
            return False, "outcome"
        if head in {"save"}:
            if re.search(r"[$£€]|\d|percent|money|for (?:a|an|our|my) \w+", tail):
                return True, "concrete"
            return False, "outcome"
        if head in {"win", "earn", "regain"}:
            if re.match(
                r"(?:(?:her|his|their|my \w+'s) )?(?:trust|heart|love|respect|back|affection"
                r"|forgiveness)\b|(?:her|him|them) back\b",
                tail,
            ):
                return False, "outcome"
            return True, "concrete"
        if head in {"open"}:
            m = re.match(r"up(?: to (?:her|him|them|me|us|my \w+))?", tail)
            if m and (VAGUE_ONLY.match(tail[m.end() :].strip()) or not tail[m.end() :].strip()):
                return False, "general"
            return True, "concrete"
        if head in {"step", "pull"}:
            if re.match(r"(?:up|back|my weight|away from (?:him|her))\b", tail) and not re.match(
                r"(?:back|away) (?:for|from the)", tail
            ):
                return False, "general"
            return True, "concrete"
        if head in {"cut"}:
            if re.search(r"\b(?:argu|fight|bicker|conflict|tension|drama)", tail):
                return False, "argue"
            return (bool(tail.strip()), "concrete")
        if head == "find" and (
            ABSTRACT_OBJECT.match(tail)
            or VAGUE_ONLY.match(tail)
            or re.match(
                r"(?:more|a way|ways|time|the time|balance|peace|myself|happiness|love)\b", tail
            )
        ):
            return False, "general"
        if head in {"eat", "sleep", "run", "walk", "play", "watch", "see", "hang", "come"}:
            if not tail.strip() and head in {"run", "walk", "sleep", "eat", "play"}:
                return True, "concrete"
            if VAGUE_ONLY.match(tail) or re.match(
                r"(?:healthy|healthier|better|well|right|clean|out more|more|in more|out|around"
                r"|my tone|my words|my language|my mouth|my temper)\b",
                tail,
            ):
                return False, "general"
            return True, "concrete"
        if head in {"support", "communicate", "show"}:
            return False, "general"
        if VAGUE_ONLY.match(tail):
            return (head in _CONCRETE_HEADS, "general")
        return True, "concrete"
    return True, "concrete"


def _noun_phrase(rest: str, negated: bool) -> tuple[bool, str]:
    """Goals without a verb: "date night every Friday", "no phones at the table"."""
    words = rest.split()
    if words[0] in {"no", "zero"} and len(words) > 1:
        if (
            words[1] in {"more", "longer"}
            and len(words) > 2
            and re.match(r"(?:fights?|fighting|arguments?|arguing|bickering)", words[2])
        ):
            return True, "concrete"
        return (not ABSTRACT_OBJECT.match(" ".join(words[1:])), "concrete")
    if TIME_ONLY.match(rest):
        return False, "empty"
    if _ACTIVITY.search(rest) or (
        (lx.THING.search(rest) or lx.CHORE.search(rest)) and not UNDEFINED_DEED.match(rest)
    ):
        return True, "concrete"
    return False, "general"


_ACTIVITY = re.compile(
    r"\b(?:date night|date nights|a date|dates|video call|video calls|phone call|facetime"
    r"|counseling sessions?|couples therapy|couples counseling|marriage counseling"
    r"|therapy sessions?"
    r"|chore chart|check-ins?|budget meeting|money meeting|money date|family meeting|game night"
    r"|movie night|picnic|hugs?|kiss(?:es)?|love notes?|love letters?|walks?|dinner together"
    r"|breakfast together|phone-free|screen-free|device-free|back rubs?|foot rubs?|massages?"
    r"|gratitude list|thank-you notes?|time-outs?|timeouts?|bedtime routine|bedtime stories"
    r"|workshop|course|yoga|push-ups|pushups|sit-ups|steps|workouts?|runs?|sessions?|classes"
    r"|books?|chapters?|compliments?|questions?|texts?|messages?|calls?|letters?|notes?|meals?"
    r"|dinners?|breakfasts?|lunches|coffees?|flowers|gifts?|photos?|trips?|getaways?|hikes?"
    r"|dances?|cuddles?|sex|laps|miles|km|kilometres|kilometers|pages?|emails?|visits?)\b"
)


def split_clauses(goal: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in CLAUSE_SPLIT.finditer(goal):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(goal)))
    out = []
    for a, b in spans:
        piece = goal[a:b]
        stripped = piece.strip()
        if not stripped:
            continue
        a2 = a + (len(piece) - len(piece.lstrip()))
        out.append((a2, a2 + len(stripped)))
    return out


def find(goal: str) -> list[Finding]:
    findings = []
    for a, b in split_clauses(goal):
        clause = goal[a:b]
        clause = re.sub(r"\s+", " ", clause)
        if TIME_ONLY.match(clause):
            continue
        met, reason = classify(clause)
        if reason == "empty":
            continue
        findings.append(Finding(met, reason, a, b))
    return findings
