"""More journal prompts on the program's themes, in our own words.

They live in the journal's own table: the program's six (program.JournalPrompt) stay as the
program carries them, and the journal offers both. Idempotent: a prompt already present (by
its text) is left as it is, so an operator's edits in admin survive a re-run.
"""

from django.db import migrations

PROMPTS = [
    "What did a good moment between us look like this week, even a very small one?",
    "When did I last feel safe with my partner, and what helped me feel that way?",
    "What do I need in the first few minutes after a hard conversation?",
    "What happens in my body when a talk starts to heat up, and what helps me slow down?",
    "If my partner asked how I'm really doing, what would I want them to hear?",
    "What did my partner do lately that I appreciated, and how could I tell them?",
    "Which criticism have I been carrying, and what curious question could take its place?",
    "What might my partner have been feeling the last time we misunderstood each other?",
    "Is there a small hurt I'd like to raise gently? What do I need, rather than what went wrong?",
    "What helps me find my way back after we've drifted apart for a day or two?",
    "When do I feel most like myself with my partner?",
    "Which ten quiet minutes this week could belong to just the two of us?",
    "What small act of care would mean something to my partner right now?",
    "Which small kindness from my partner has stayed with me?",
    "What is a little better between us than it was a month ago?",
    "Where am I being patient, with myself or with us, and how is that going?",
    "Which old habit of mine would I like to soften, one small step at a time?",
    "What did I learn about love growing up, and what of it do I want to keep?",
    "What does a calm evening together look like to me?",
    "When I feel unheard, what would I like to say instead of what I usually say?",
    "What is one thing about my week I'd like my partner to know?",
    "What made me smile about us recently?",
    "What would I like us to remember about this season of our life, a year from now?",
    "What is one kind thing I can do for myself today, so I have more to give?",
    "What does closeness feel like for me in small, everyday ways?",
    "Where could I say \"help me understand\" instead of asking \"why do you always\"?",
]


def load(apps, schema_editor):
    Prompt = apps.get_model("journal", "Prompt")
    for order, text in enumerate(PROMPTS, start=1):
        Prompt.objects.get_or_create(text=text, defaults={"order": order})


def unload(apps, schema_editor):
    apps.get_model("journal", "Prompt").objects.filter(text__in=PROMPTS).delete()


class Migration(migrations.Migration):
    dependencies = [("journal", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
