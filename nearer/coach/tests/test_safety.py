"""Safety first: control, surveillance, isolation, coercion, and fear or violence at home get
the safety response; mutual, consented and self-directed things, and idioms, do not."""

import pytest

from nearer.coach.engine import analyze

UNSAFE = [
    "read my girlfriend's texts while she sleeps",
    "look through his messages every night",
    "install a tracking app on her phone",
    "find out who she's been texting",
    "I need to know where he is at all times",
    "make her send me a photo every hour so I know where she is",
    "get his passwords",
    "not let her go out with her friends on weekends",
    "make him cut off his sister",
    "she's not allowed to see her ex",
    "I won't let him drive the car anymore",
    "take her car keys when she tries to leave",
    "make her have sex with me more",
    "give him the silent treatment until he apologizes",
    "threaten to leave if she goes to the party",
    "I'm scared of my husband",
    "she slapped me last night",
    "he throws things when he's angry",
    "I'm afraid to go home",
    "he said he'd take the kids if I leave",
    "he choked me during a fight",
    "my husband locks me in the bedroom",
    "I punched the wall next to her head",
    "stop hitting my wife when I drink",
    "i want to die",
    "keep her from going to work",
    "decide what she can wear",
    "check my wife's bank account every day without telling her",
    "put an airtag in his car",
    "my boyfriend checks my phone every night",
]
SAFE = [
    "check in with my wife every evening about her day",
    "stop checking my phone at dinner",
    "share our locations when we travel, both agreed",
    "text her when I get to work so she doesn't worry",
    "I'm scared of losing her",
    "I'm afraid I'll forget our anniversary",
    "make her breakfast on Sundays",
    "ask her how her day was every night",
    "show him my phone whenever he asks",
    "let him know when I'm running late",
    "track our spending together every Sunday",
    "look at our budget together once a month",
    "we agreed to share calendars",
    "kill time before dinner by walking together",
    "hit the gym three times a week",
    "I could kill him for eating my leftovers lol",
    "push myself to say thank you every day",
    "beat my record of 10 compliments a week",
    "this job is killing me",
    "take out the trash every Tuesday",
    "give her space when she's upset",
    "support her decision to see her friends every Friday",
    "watch the kids on Saturday mornings so he can go out with his mates",
    "follow her lead when planning dates",
    "track my mood every evening",
    "hold her hand when we walk",
    "go through our photo album together this weekend",
    "read her a story at bedtime",
    "we keep fighting about money",
    "I feel far from him",
    "she hurt my feelings when she forgot my birthday",
    "afraid to bring up money with him",
    "I'm terrified she'll leave me",
    "Make him understand how much he hurt me.",
    "practice nonviolent communication once a week",
]


@pytest.mark.parametrize("text", UNSAFE)
def test_this_gets_the_safety_response(text):
    assert analyze(text).safety is not None


@pytest.mark.parametrize("text", SAFE)
def test_this_is_coached_as_usual(text):
    assert analyze(text).safety is None


def test_the_safety_concern_quotes_the_words_it_relied_on():
    concern = analyze("I will read her texts every night").safety
    assert concern.kind == "control"
    assert concern.words == "read her texts"


def test_fear_and_violence_are_told_apart_from_control():
    assert analyze("He hits me when he drinks").safety.kind == "fear"
    assert analyze("Stop her from seeing her friends").safety.kind == "isolation"
    assert analyze("Make him have sex with me").safety.kind == "coercion"


def test_my_own_phone_is_not_surveillance_but_my_partners_is():
    assert analyze("Stop checking my phone at dinner").safety is None
    assert analyze("Check his phone at dinner").safety is not None


def test_agreed_location_sharing_is_fine_but_tracking_is_not():
    assert analyze("Share our locations when we travel, both agreed").safety is None
    assert analyze("Track her location when she travels").safety is not None


# Three kinds of danger the first engine missed on unseen text, in new words of our own:
# violence named by where it landed, threats about leaving, and fear of how a partner reacts.
DANGER_IN_NEW_WORDS = [
    "she pulled me by the hair when I tried to walk away",
    "My husband squeezed my wrists so hard they hurt, but it was only once",
    "he held my neck against the wall last night",
    "If I leave, he says he'll tell everyone my secrets and take the house",
    "if i go to the police she will make my life hell",
    "if I try to leave he would find me, he told me so",
    "my ex swore he'd make sure I never see my daughter again",
    "I'm too scared to ask for money for groceries because of how he reacts",
    "terrified of what she'll do if I say no to her",
]
NEAR_MISSES = [
    "Hold her hand on our evening walk three times a week.",
    "Brush my wife's hair before bed on Sundays, she loves it.",
    "If I leave work early on Fridays, we will cook dinner together.",
    "I'm a bit nervous to tell him I booked a trip, so I'll tell him tonight at dinner.",
    "Give him a shoulder rub for 10 minutes twice this week.",
    "if I go to bed early she will read to me, so let's try it every Sunday",
]


@pytest.mark.parametrize("text", DANGER_IN_NEW_WORDS)
def test_danger_in_new_words_gets_the_safety_response(text):
    assert analyze(text).safety is not None, text


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_gentle_near_misses_are_coached_as_usual(text):
    assert analyze(text).safety is None, text
