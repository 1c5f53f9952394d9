"""A small default set of well-known, free crisis services for the countries Nearer ships.

Operators can change, hide or add to these in the admin. Running this again updates the rows
it owns (matched by country and name) and leaves everything else alone.
"""

from datetime import date

from django.db import migrations

COMPILED = date(2026, 11, 23)

RESOURCES = [
    # United States
    {
        "country": "US",
        "name": "National Domestic Violence Hotline",
        "phone": "1-800-799-7233",
        "text_contact": "Text START to 88788",
        "url": "https://www.thehotline.org",
        "purpose": "Confidential support and safety planning if someone is hurting, "
        "threatening or controlling you.",
        "for_fear_at_home": True,
        "available_hours": "24/7",
        "order": 10,
    },
    {
        "country": "US",
        "name": "988 Suicide & Crisis Lifeline",
        "phone": "988",
        "text_contact": "Text 988",
        "url": "https://988lifeline.org",
        "purpose": "Free, confidential support when you're in distress or thinking about "
        "suicide.",
        "for_fear_at_home": False,
        "available_hours": "24/7",
        "order": 20,
    },
    # United Kingdom
    {
        "country": "GB",
        "name": "National Domestic Abuse Helpline",
        "phone": "0808 2000 247",
        "text_contact": "",
        "url": "https://www.nationaldahelpline.org.uk",
        "purpose": "Free, confidential support for anyone experiencing domestic abuse, "
        "and the people who care about them.",
        "for_fear_at_home": True,
        "available_hours": "24/7",
        "order": 10,
    },
    {
        "country": "GB",
        "name": "Samaritans",
        "phone": "116 123",
        "text_contact": "",
        "url": "https://www.samaritans.org",
        "purpose": "Someone to talk to about whatever you're going through, day or night.",
        "for_fear_at_home": False,
        "available_hours": "24/7",
        "order": 20,
    },
    {
        "country": "GB",
        "name": "Shout",
        "phone": "",
        "text_contact": "Text SHOUT to 85258",
        "url": "https://giveusashout.org",
        "purpose": "Free, confidential text support when you're struggling and talking "
        "out loud feels too hard.",
        "for_fear_at_home": False,
        "available_hours": "24/7",
        "order": 30,
    },
    # Canada
    {
        "country": "CA",
        "name": "ShelterSafe",
        "phone": "",
        "text_contact": "",
        "url": "https://www.sheltersafe.ca",
        "purpose": "A map of shelters and support for women and children facing abuse, "
        "with a way to reach the one nearest you.",
        "for_fear_at_home": True,
        "available_hours": "",
        "order": 10,
    },
    {
        "country": "CA",
        "name": "9-8-8 Suicide Crisis Helpline",
        "phone": "988",
        "text_contact": "Text 988",
        "url": "https://988.ca",
        "purpose": "Free support from a trained responder when you're in distress or "
        "thinking about suicide.",
        "for_fear_at_home": False,
        "available_hours": "24/7",
        "order": 20,
    },
    # Australia
    {
        "country": "AU",
        "name": "1800RESPECT",
        "phone": "1800 737 732",
        "text_contact": "",
        "url": "https://www.1800respect.org.au",
        "purpose": "Confidential counselling and support for anyone affected by domestic, "
        "family or sexual violence.",
        "for_fear_at_home": True,
        "available_hours": "24/7",
        "order": 10,
    },
    {
        "country": "AU",
        "name": "Lifeline",
        "phone": "13 11 14",
        "text_contact": "",
        "url": "https://www.lifeline.org.au",
        "purpose": "Crisis support and suicide prevention: someone to talk to right now.",
        "for_fear_at_home": False,
        "available_hours": "24/7",
        "order": 20,
    },
    # Ireland
    {
        "country": "IE",
        "name": "Women's Aid",
        "phone": "1800 341 900",
        "text_contact": "",
        "url": "https://www.womensaid.ie",
        "purpose": "Free, confidential support if a partner or ex-partner is abusing "
        "or controlling you.",
        "for_fear_at_home": True,
        "available_hours": "24/7",
        "order": 10,
    },
    {
        "country": "IE",
        "name": "Samaritans",
        "phone": "116 123",
        "text_contact": "",
        "url": "https://www.samaritans.org",
        "purpose": "Someone to talk to about whatever you're going through, day or night.",
        "for_fear_at_home": False,
        "available_hours": "24/7",
        "order": 20,
    },
]


def load(apps, schema_editor):
    CrisisResource = apps.get_model("safety", "CrisisResource")
    for row in RESOURCES:
        fields = dict(row, last_verified=COMPILED, is_active=True)
        country, name = fields.pop("country"), fields.pop("name")
        CrisisResource.objects.update_or_create(country=country, name=name, defaults=fields)


def unload(apps, schema_editor):
    CrisisResource = apps.get_model("safety", "CrisisResource")
    for row in RESOURCES:
        CrisisResource.objects.filter(country=row["country"], name=row["name"]).delete()


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
