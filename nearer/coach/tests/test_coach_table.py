"""The coach, table-driven: goals we wrote ourselves (none from data/), judged by the rubric.

Each row is the text and the five letters it should get ("S1M0A1R1T0"), or "SAFETY" for text
that must get the safety response instead of coaching.
"""

import pytest

from nearer.coach.engine import analyze

EXAMPLES = [
    ("I will give my husband a 20-second hug every morning before work.", "S1M1A1R1T1"),
    ("Every Sunday evening I'll ask my wife how her week really went.", "S1M1A1R1T1"),
    ("Twice a week, tell my boyfriend one thing I admire about him.", "S1M1A1R1T1"),
    (
        "When a talk with my partner starts to get heated, "
        "I will pause for five seconds before answering.",
        "S1M1A1R1T1",
    ),
    ("Book a session with a couples counselor by Friday.", "S1M1A1R1T1"),
    ("Plan a picnic for the two of us this Saturday.", "S1M1A1R1T1"),
    ("On weeknights at dinner, we'll put both phones in a drawer.", "S1M1A1R1T1"),
    ("Whenever she gets home from a night shift, I'll make her a cup of tea.", "S1M1A1R1T1"),
    (
        "Send my girlfriend a good-night text every night while she is away on her work trip.",
        "S1M1A1R1T1",
    ),
    ("Write my wife a thank-you note before our anniversary.", "S1M1A1R1T1"),
    ("Not raise my voice at my husband for the next two weeks.", "S1M1A1R1T1"),
    ("Every other Friday, go on a date with my fiancé.", "S1M1A1R1T1"),
    ("Do the dishes after dinner 3 times a week so she can rest.", "S1M1A1R1T1"),
    ("Sit down with him this weekend and go over our budget for 20 minutes.", "S1M1A1R1T1"),
    (
        "If I feel myself getting defensive, I'll take one slow breath before I reply to her.",
        "S1M1A1R1T1",
    ),
    ("Read one chapter of a marriage book together each week.", "S1M1A1R1T1"),
    ("Be a more patient husband.", "S0M0A1R1T0"),
    ("I want to feel closer to my wife.", "S0M0A1R1T0"),
    ("Communicate better with my partner.", "S0M0A1R1T0"),
    ("Spend more quality time together.", "S0M0A1R1T0"),
    ("Work on our marriage.", "S0M0A1R1T0"),
    ("Be more romantic this month.", "S0M0A1R1T1"),
    ("Do something nice for my girlfriend every Friday.", "S0M1A1R1T1"),
    ("Remind myself that my husband loves me.", "S0M0A1R1T0"),
    ("Argue 30% less with my wife.", "S0M1A1R1T0"),
    ("we keep having the same fight about chores", "S0M0A1R1T0"),
    ("I feel far from him lately.", "S0M0A1R1T0"),
    ("He never listens when I talk about my day.", "S0M0A0R1T0"),
    ("Always kiss my wife goodbye.", "S1M0A0R1T0"),
    ("Never criticize my husband's cooking again.", "S1M0A0R1T0"),
    ("Kiss her goodbye every single morning without fail.", "S1M1A0R1T1"),
    ("My husband will do the laundry more often.", "S1M0A0R1T0"),
    ("I want my wife to text me when she's running late, every time.", "S1M1A0R1T1"),
    ("Talk on the phone with my girlfriend for 3 hours every night.", "S1M1A0R1T1"),
    ("Fix our relationship by next Friday.", "S0M0A0R1T1"),
    ("Cook dinner, clean the kitchen and give her a massage every evening.", "S1M1A0R1T1"),
    ("Go to the gym three times a week.", "S1M1A1R0T1"),
    ("File my taxes by April 15.", "S1M1A1R0T1"),
    ("Walk the dog for 30 minutes every morning.", "S1M1A1R0T1"),
    ("Get healthier.", "S0M0A1R0T0"),
    ("Go to the gym three times a week so I have energy for our evenings together.", "S1M1A1R1T1"),
    ("Take out the bins every Thursday night.", "S1M1A1R1T1"),
    ("Stop checking my phone at dinner.", "S1M0A1R0T0"),
    ("Hug my wife more.", "S1M0A1R1T0"),
    ("Hug my wife a few times a week.", "S1M0A1R1T1"),
    ("Hug my wife twice a day.", "S1M1A1R1T1"),
    ("Have zero arguments about money with my husband for the next 10 days.", "S1M1A0R1T1"),
    ("Apologise to my girlfriend tonight for snapping at her.", "S1M1A1R1T1"),
    ("Ask my husband if he'd like to try a cooking class together.", "S1M1A1R1T0"),
    ("Listen to my wife without interrupting.", "S1M0A1R1T0"),
    ("Someday go on a holiday with my husband.", "S1M1A1R1T0"),
    ("Go to couples counseling eventually.", "S1M0A1R1T0"),
    ("From now on, I'll say thank you to my wife.", "S1M0A1R1T0"),
    ("From now on, when he cooks, I'll thank him before we eat.", "S1M1A1R1T1"),
    ("Take my wife out for dinner, no deadline though.", "S1M1A1R1T0"),
    ("Be a better listener for my boyfriend at dinner.", "S0M0A1R1T0"),
    ("Be home by 6pm on weeknights so we can eat together.", "S1M1A1R1T1"),
    ("Show my husband more love.", "S0M0A1R1T0"),
    ("Hold my wife's hand on our evening walk every day.", "S1M1A1R1T1"),
    (
        "Put my phone in another room for 15 minutes each evening and just talk with her.",
        "S1M1A1R1T1",
    ),
    ("Make him pancakes on Sunday morning.", "S1M1A1R1T1"),
    ("Make my girlfriend laugh once a day.", "S1M1A0R1T1"),
    ("Make my wife happy again.", "S0M0A0R1T0"),
    ("cuddle w my gf for 10 mins evry night b4 bed", "S1M1A1R1T1"),
    ("gonna txt my bf a pic of my lunch 2x a week", "S1M1A1R1T1"),
    ("Tell my husband I love him every morning. ❤️", "S1M1A1R1T1"),
    ("<b>Ask</b> my wife about her day every evening.", "S1M1A1R1T1"),
    ("I'll compliment my partner's cooking at least once a week.", "S1M1A1R1T1"),
    ("Leave a love note in her bag every Monday.", "S1M1A1R1T1"),
    ("Connect with my wife on a deeper level.", "S0M0A1R1T0"),
    ("Go for a walk together every Saturday morning for the next month.", "S1M1A1R1T1"),
    ("Each time we disagree, I'll repeat back what she said before I give my view.", "S1M1A1R1T1"),
    ("Text my husband more during the day.", "S1M0A1R1T0"),
    ("Make time for us once a week.", "S0M1A1R1T1"),
    ("Check my wife's phone every night after she falls asleep.", "SAFETY"),
    ("Put a tracker on my boyfriend's car.", "SAFETY"),
    ("Stop her from seeing her sister.", "SAFETY"),
    ("Don't let him go out with his friends on Fridays.", "SAFETY"),
    ("Make her give me all her passwords.", "SAFETY"),
    ("I'm scared of what my husband will do when he's drunk.", "SAFETY"),
    ("My boyfriend shoved me into the wall yesterday.", "SAFETY"),
    ("Read his emails without him knowing.", "SAFETY"),
    ("Only let her spend money if I say yes.", "SAFETY"),
    ("Punish him with silence until he says sorry.", "SAFETY"),
    ("I don't feel safe at home with my partner.", "SAFETY"),
    ("Take her bank card away so she can't buy anything.", "SAFETY"),
]


def letters(text: str) -> str:
    analysis = analyze(text)
    if analysis.safety:
        return "SAFETY"
    return "".join(f"{v.letter}{int(v.met)}" for v in analysis.verdicts)


def test_the_table_has_at_least_sixty_examples_of_our_own():
    assert len(EXAMPLES) >= 60
    assert len({text for text, _ in EXAMPLES}) == len(EXAMPLES)


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[t[:40] for t, _ in EXAMPLES])
def test_the_coach_judges_each_example_as_the_rubric_says(text, expected):
    assert letters(text) == expected
