"""Load the program: 3 phases, 9 steps with their goal templates and ideas, 6 questions to
reflect on and 6 common struggles.

The structure and numbers follow the program Nearer implements; every word is our own.
Running it again updates the rows in place (keyed by number or slug); reversing it deletes them.
"""

from django.db import migrations

PHASES = [
    {
        "number": 1,
        "slug": "safety",
        "title": "Feeling safe with each other",
        "summary": (
            "Closeness comes back more easily when being together feels safe. "
            "Start here, with small and steady kindness your partner can count on."
        ),
    },
    {
        "number": 2,
        "slug": "communication",
        "title": "Talking and understanding",
        "summary": (
            "When words are clear and kind, both of you feel heard and respected. "
            "These steps make everyday talk a little gentler."
        ),
    },
    {
        "number": 3,
        "slug": "closeness",
        "title": "Growing close again",
        "summary": (
            "Closeness builds from time you set aside, small kindnesses, "
            "and room to simply be with each other."
        ),
    },
]

STEPS = [
    {
        "phase": 1,
        "number": 1,
        "slug": "daily-moment-of-connection",
        "title": "A daily moment of warmth",
        "summary": "Half a minute of warmth each day, the hard days included.",
        "goal_text": (
            "Every day, I will give my partner about 30 seconds of warmth, like a kind hello "
            "or a hug, even on busy or stressful days."
        ),
        "action": "Offer your partner a moment of warmth",
        "shape": "daily",
        "duration_seconds": 30,
        "why": (
            "Little moments of tenderness, repeated, help you both feel secure. They quietly "
            "say that the bond between you is still here, even when life is loud."
        ),
        "ideas": [
            "A hug when one of you comes home",
            "A soft hello, with a real look",
            "A hand on their shoulder as you pass",
            "Catching their eye and smiling",
            "One kind sentence, like “I'm glad you're here”",
        ],
    },
    {
        "phase": 1,
        "number": 2,
        "slug": "weekly-check-in",
        "title": "A gentle weekly check-in",
        "summary": "Once a week, ask how your partner is really doing, and listen.",
        "goal_text": (
            "Once a week, I will check in with my partner by asking “How are you really "
            "doing?” and then listen."
        ),
        "action": "Ask “How are you really doing?” and listen",
        "shape": "weekly",
        "times_per_week": 1,
        "why": (
            "Busy couples often talk about plans, chores and problems, and rarely about how "
            "they feel. A calm, caring question each week helps trust grow back."
        ),
        "ideas": [
            "Pick a quiet moment, not the middle of a rush",
            "Keep your voice soft and unhurried",
            "Let them do most of the talking",
            "Let it be; there is nothing to solve right now",
            "Thank them for telling you",
        ],
    },
    {
        "phase": 1,
        "number": 3,
        "slug": "pause-before-reacting",
        "title": "Pause before reacting",
        "summary": "When a talk starts to feel heated, take five seconds before you answer.",
        "goal_text": (
            "When a conversation with my partner starts to get heated, I will wait five "
            "seconds before I reply."
        ),
        "action": "Wait before you answer",
        "shape": "if_then",
        "trigger": "when a talk starts to feel heated",
        "duration_seconds": 5,
        "why": (
            "One short pause can stop an argument from growing, and keeps the moment safer "
            "for both of you."
        ),
        "ideas": [
            "Take one slow breath",
            "Let your voice get quieter, not louder",
            "Choose your reply instead of letting it fly out",
            "It's fine to say “Give me a moment”",
        ],
    },
    {
        "phase": 2,
        "number": 1,
        "slug": "appreciation",
        "title": "Say what you appreciate",
        "summary": "Twice a week, tell your partner one thing you truly value.",
        "goal_text": (
            "Twice a week, I will tell my partner one thing I sincerely appreciate about them."
        ),
        "action": "Tell your partner one thing you appreciate",
        "shape": "weekly",
        "times_per_week": 2,
        "why": (
            "Hearing that you're valued eases tension and leaves less room for resentment. "
            "It helps your partner feel seen rather than judged."
        ),
        "ideas": [
            "Say thanks for a small thing they did today",
            "Notice the effort, even when the result wasn't perfect",
            "Name a quality you love in them",
            "Write it in a message if saying it out loud feels awkward",
        ],
    },
    {
        "phase": 2,
        "number": 2,
        "slug": "curiosity-instead-of-criticism",
        "title": "Curiosity instead of criticism",
        "summary": "Once a week, turn one complaint into a real question.",
        "goal_text": (
            "Each week, I will catch one criticism before I say it and ask a curious "
            "question instead."
        ),
        "action": "Swap one criticism for a curious question",
        "shape": "weekly",
        "times_per_week": 1,
        "why": "A question invites your partner in. A criticism tends to close the door.",
        "ideas": [
            "In place of “You never…”, try “What was going on for you when…?”",
            "Ask to understand, not to win",
            "Start with “I wonder…”",
            "Hear the whole answer before you reply",
        ],
    },
    {
        "phase": 2,
        "number": 3,
        "slug": "repair-early",
        "title": "Repair small things early",
        "summary": "Raise one small hurt calmly within a day or two, before it grows.",
        "goal_text": (
            "I will raise one small thing that hurt me, gently and within 24–48 hours, "
            "rather than letting it pile up."
        ),
        "action": "Raise one small issue calmly",
        "shape": "deadline",
        "deadline_hours_min": 24,
        "deadline_hours_max": 48,
        "why": (
            "Little hurts left alone can grow into a wide gap between you. "
            "Mending them early keeps you close."
        ),
        "ideas": [
            "Use a soft, steady tone",
            "Stick to one thing at a time",
            "Say what you need, not what they did wrong",
            "Start with “I felt…” rather than “You always…”",
            "Choose a calm moment, not the middle of a hard one",
        ],
    },
    {
        "phase": 3,
        "number": 1,
        "slug": "predictable-time-together",
        "title": "Time together you can count on",
        "summary": "Once a week, ten minutes together without screens or interruptions.",
        "goal_text": (
            "Once this week, I will set aside 10 minutes with my partner, with phones and "
            "other distractions put away."
        ),
        "action": "Spend time together, free of distractions",
        "shape": "weekly",
        "times_per_week": 1,
        "duration_seconds": 600,
        "why": (
            "Closeness rarely comes from grand gestures. It grows from being fully there "
            "with each other, again and again."
        ),
        "ideas": [
            "Put both phones in another room",
            "Sit side by side with a cup of tea",
            "Talk about something that made you laugh",
            "Take a short walk together",
            "Simply share the same room, quietly",
        ],
    },
    {
        "phase": 3,
        "number": 2,
        "slug": "small-act-of-care",
        "title": "One small act of care",
        "summary": "Once a week, do one thoughtful thing for your partner.",
        "goal_text": "Once a week, I will do one small, caring thing for my partner.",
        "action": "Do one caring thing for your partner",
        "shape": "weekly",
        "times_per_week": 1,
        "why": "Small kindnesses bring warmth back into a relationship, a little at a time.",
        "ideas": [
            "Make their morning drink",
            "Send a warm message during the day",
            "Take a chore off their list",
            "Leave a short note where they'll find it",
        ],
    },
    {
        "phase": 3,
        "number": 3,
        "slug": "let-growth-be-slow",
        "title": "Let growth be slow",
        "summary": "Once a week, remind yourself that small steps count, and perfect isn't needed.",
        "goal_text": (
            "Each week, I will remind myself that growing closer happens in small steps, "
            "and that it doesn't need to be rushed or perfect."
        ),
        "action": "Remind yourself that progress is enough",
        "shape": "weekly",
        "times_per_week": 1,
        "why": "Slow change is still real change, and it can run deep.",
        "ideas": [
            "Notice one thing that's a little better than before",
            "Celebrate small changes, out loud or quietly",
            "Give yourselves time",
            "Look back over a few weeks, not a single day",
        ],
    },
]

PROMPTS = [
    "When things feel far apart between us, what do I miss the most?",
    "What makes me feel truly loved, noticed or supported?",
    "Where do our misunderstandings tend to start?",
    "Which small step toward connection feels possible for me right now?",
    "What have I been grateful for in my partner, but not said out loud lately?",
    "What kind of closeness would I like us to grow back, in time?",
]

STRUGGLES = [
    ("feeling-distant", "We feel far apart lately", "daily-moment-of-connection"),
    ("talking-without-conflict", "Talking often turns into arguing", "pause-before-reacting"),
    ("stress-and-overload", "Stress, work or parenting leave little room for us", "weekly-check-in"),
    ("same-argument", "We keep having the same argument", "curiosity-instead-of-criticism"),
    ("missing-warmth", "I miss affection and warmth", "daily-moment-of-connection"),
    (
        "reconnecting-after-hurt",
        "I don't know how to find our way back after a hurt, a big change or a long silence",
        "weekly-check-in",
    ),
]


def load(apps, schema_editor):
    Phase = apps.get_model("program", "Phase")
    Step = apps.get_model("program", "Step")
    StepIdea = apps.get_model("program", "StepIdea")
    JournalPrompt = apps.get_model("program", "JournalPrompt")
    Struggle = apps.get_model("program", "Struggle")

    phases = {}
    for data in PHASES:
        phase, _ = Phase.objects.update_or_create(number=data["number"], defaults=data)
        phases[phase.number] = phase
    for data in STEPS:
        fields = {k: v for k, v in data.items() if k not in ("phase", "ideas", "slug")}
        step, _ = Step.objects.update_or_create(
            slug=data["slug"], defaults={**fields, "phase": phases[data["phase"]]}
        )
        for order, text in enumerate(data["ideas"], start=1):
            StepIdea.objects.update_or_create(step=step, order=order, defaults={"text": text})
    for order, text in enumerate(PROMPTS, start=1):
        JournalPrompt.objects.update_or_create(order=order, defaults={"text": text})
    for order, (slug, text, step_slug) in enumerate(STRUGGLES, start=1):
        Struggle.objects.update_or_create(
            slug=slug,
            defaults={"text": text, "order": order, "step": Step.objects.get(slug=step_slug)},
        )


def unload(apps, schema_editor):
    apps.get_model("program", "Struggle").objects.filter(
        slug__in=[slug for slug, _, _ in STRUGGLES]
    ).delete()
    apps.get_model("program", "JournalPrompt").objects.filter(text__in=PROMPTS).delete()
    apps.get_model("program", "Step").objects.filter(slug__in=[s["slug"] for s in STEPS]).delete()
    apps.get_model("program", "Phase").objects.filter(
        number__in=[p["number"] for p in PHASES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("program", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
