"""A few groups to start with, for common seasons. Operators can rename, close or add more in
the admin. Running this again updates the rows it owns (matched by slug), nothing else."""

from django.db import migrations

GROUPS = [
    {
        "slug": "new-parents",
        "name": "New parents",
        "summary": "For couples finding each other again while caring for a little one.",
        "description": "Sleep is short and time together is shorter. Share what has helped "
        "you stay close in small ways, and hear from others in the same season.",
        "order": 10,
    },
    {
        "slug": "after-a-hurt",
        "name": "After a hurt",
        "summary": "For people rebuilding trust, slowly, after something painful.",
        "description": "Healing is rarely in a straight line. This is a place to be honest "
        "about the hard days and to notice the small steps that count.",
        "order": 20,
    },
    {
        "slug": "long-distance",
        "name": "Long distance",
        "summary": "For couples who are apart for now, and want to stay close anyway.",
        "description": "Time zones, missed calls, the quiet after goodbye. Share the small "
        "rituals that keep you connected across the miles.",
        "order": 30,
    },
    {
        "slug": "blended-families",
        "name": "Blended families",
        "summary": "For couples bringing two families together under one roof.",
        "description": "New roles, old loyalties, and a lot of patience. Talk with others "
        "who are finding their way as a family, one step at a time.",
        "order": 40,
    },
    {
        "slug": "busy-seasons",
        "name": "Busy seasons",
        "summary": "For when work, study or caring leaves little time for each other.",
        "description": "When life is full, closeness can shrink to the margins. Swap ideas "
        "for small moments that fit a crowded week.",
        "order": 50,
    },
]


def load(apps, schema_editor):
    Group = apps.get_model("community", "Group")
    for row in GROUPS:
        fields = {k: v for k, v in row.items() if k != "slug"}
        Group.objects.update_or_create(slug=row["slug"], defaults=fields)


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
