"""Safety first: control, surveillance, isolation, coercion, and fear or violence at home get
the safety response; mutual, consented and self-directed things, and idioms, do not.

The decision is ``nearer.safety.goals.concern``: the safety reader (danger to the writer or a
child), or the goal rules (the member's own controlling behaviour toward a partner). Tests that
are about one of the two replace the other, so they hold whatever the reader learns next."""

import subprocess
import sys

import pytest

from nearer.coach.engine import analyze
from nearer.lib.text import clean
from nearer.lib.text import read as read_text
from nearer.safety import goals, reader
from nearer.safety.reader import ABUSE_KINDS, Finding


def goal_rules(text: str):
    return goals.check(read_text(clean(text)[0]))


@pytest.fixture
def reader_sees(monkeypatch):
    """Make the safety reader answer ``finding`` (or None) for any text."""

    def answer(finding):
        monkeypatch.setattr(reader, "read", lambda text, **kwargs: finding)

    return answer


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


def test_the_safety_concern_quotes_the_words_it_relied_on(reader_sees):
    reader_sees(None)
    concern = analyze("I will read her texts every night").safety
    assert concern == Finding("control", "read her texts")


def test_the_goal_rules_speak_in_the_readers_kinds(reader_sees):
    reader_sees(None)
    assert analyze("He hits me when he drinks").safety.kind == "fear"
    assert analyze("Stop her from seeing her friends").safety.kind == "control"  # isolation
    assert analyze("Make him have sex with me").safety.kind == "control"  # coercion
    assert analyze("i want to die").safety.kind == "self_harm"  # the crisis lines come first


def test_the_safety_concern_is_a_reader_finding_for_danger_told_plainly():
    concern = analyze("He choked me last night and said next time he'd kill me").safety
    assert isinstance(concern, Finding)
    assert concern.kind in ABUSE_KINDS


# --- The combined decision: the reader, or the goal rules ---------------------------------------


def test_the_readers_finding_answers_first(reader_sees):
    reader_sees(Finding("violence", "pushed me", urgent=True))
    assert analyze("check her phone every night").safety == Finding(
        "violence", "pushed me", urgent=True
    )


def test_the_goal_rules_catch_controlling_goals_the_reader_leaves(reader_sees):
    reader_sees(None)
    assert analyze("Install a tracking app on her phone by Friday").safety.kind == "control"
    assert analyze("Take her car keys so she can't go out").safety.kind == "control"


def test_nothing_is_found_when_neither_sees_danger(reader_sees):
    reader_sees(None)
    assert analyze("Hug my wife every morning before work").safety is None


def test_a_failing_reader_still_leaves_the_goal_rules_to_decide(monkeypatch):
    def broken(text, **kwargs):
        raise RuntimeError("reader down")

    monkeypatch.setattr(reader, "read", broken)
    assert analyze("check her phone every night").safety == Finding("control", "check her phone")


def test_the_safety_rules_import_nothing_from_the_coach():
    code = (
        "import sys, nearer.safety.goals; "
        "sys.exit(any(m.startswith('nearer.coach') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- Near misses: the member's own looking, stopped ---------------------------------------------

OWN_LOOKING_STOPPED = [
    "I will stop checking my partner's phone",
    "Ask before I look at her phone",
    "I'll quit going through his messages when he's asleep",
    "Stop tracking where she is",
    "I will no longer read her texts",
    "Ask permission before I look at his laptop",
    "Drop the habit of reading her diary",
    "I won't go through her purse again",
    "no more snooping through my boyfriend's DMs",
    "Stop following her around the house when she needs space",
    "I'll stop asking where he is every hour when he's out with his mates",
]
STILL_CONTROL = [
    "check her phone every night",
    "stop her from seeing her friends",
    "make him stop seeing his friends",
    "I will never stop checking her phone",
    "I can't stop reading his messages",
    "Stop checking her phone and make her give me her passwords",
    "Stop reading her texts, just make her text me every hour when she's out",
    "Make her ask permission before she goes out",
    "he has to stop seeing his friends, keep him at home",
]


@pytest.mark.parametrize("text", OWN_LOOKING_STOPPED)
def test_a_goal_to_stop_ones_own_looking_is_not_a_concern_of_the_goal_rules(text):
    assert goal_rules(text) is None


@pytest.mark.parametrize("text", STILL_CONTROL)
def test_looking_still_done_or_a_partner_stopped_is_still_a_concern(text):
    assert goal_rules(text) is not None


def test_the_readers_control_finding_inside_the_stopped_looking_is_set_aside(reader_sees):
    reader_sees(Finding("control", "he's read my messages"))
    assert analyze("stop checking whether he's read my messages").safety is None
    reader_sees(Finding("stalking", "stalking"))
    assert analyze("quit stalking his location on Life360 when he's out").safety is None


def test_the_readers_finding_outside_the_stopped_looking_stands(reader_sees):
    found = Finding("control", "he reads all my messages")
    reader_sees(found)
    assert analyze("Stop checking his phone, he reads all my messages").safety == found


def test_only_control_or_stalking_is_set_aside_never_violence(reader_sees):
    found = Finding("violence", "the bruises he gave me")
    reader_sees(found)
    assert analyze("stop looking at the bruises he gave me").safety == found


def test_the_readers_finding_stands_when_someone_else_is_stopped(reader_sees):
    found = Finding("control", "her checking my phone")
    reader_sees(found)
    assert analyze("Stop her checking my phone").safety == found
    assert analyze("make her stop checking my phone").safety == found


# --- Danger told by the one it happens to, as a goal -------------------------------------------

VICTIMS_GOALS = [
    "Keep the house spotless so my husband won't punch me",
    "try not to cry in front of him so he doesnt smack me again",
    "I'll go along with whatever he wants in bed so he doesnt force me",
    "Speak softly around him or he'll grab my throat",
    "Stash a little cash at work every week so I can get away from him",
    "put money aside where my wife won't find it",
    "Keep a go bag in the boot of my car",
    "Learn to budget the £15 a week she gives me",
    "Answer his texts faster so he doesn't take my phone again",
    "He still turns up at my flat after I left him",
    "Don't talk back so he doesn't drag me by the hair",
    "Smile when he comes home or he'll go for me",
    "make sure my son is out when he gets the belt out",
    "I'll stop cutting myself after our arguments",
    "no more cutting tonight",
]
ORDINARY_GOALS = [
    "Hide the surprise tickets where he won't find them",
    "Put away £50 each payday so I can leave my job next year",
    "Save 10% of my salary each month so we can get away for our anniversary",
    "Text her every time I land so she doesn't worry",
    "Quit beating him at Mario Kart every single night lol",
    "Stop cutting him off mid-sentence",
    "Stop cutting corners on the chores and do my half properly",
    "Stop hurting her feelings when I'm stressed",
    "Stop punishing myself for mistakes at work",
    "Stop beating myself up when I forget to text her",
    "He says I'm allowed one more tattoo, so I'll book it with him for May",
]


@pytest.mark.parametrize("text", VICTIMS_GOALS)
def test_a_goal_that_tells_of_danger_is_a_concern_of_the_goal_rules(text):
    assert goal_rules(text) is not None


@pytest.mark.parametrize("text", ORDINARY_GOALS)
def test_an_ordinary_goal_borrowing_the_same_words_is_not(text):
    assert goal_rules(text) is None


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
