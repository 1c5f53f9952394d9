"""A member's journal, to keep: JSON for machines, Markdown for people. Own entries only."""

from datetime import datetime

from django.utils import timezone

from nearer.journal.models import Entry, MemberPrompt

FORMAT_VERSION = 1


def _entries(user):
    return (
        Entry.objects.editable_by(user)
        .select_related("prompt", "extra_prompt", "own_prompt")
        .order_by("created_at", "pk")
    )


def _local(moment: datetime, user) -> str:
    return timezone.localtime(moment, user.zone).isoformat(timespec="seconds")


def as_data(user) -> dict:
    return {
        "format": "nearer-journal",
        "version": FORMAT_VERSION,
        "exported_at": _local(timezone.now(), user),
        "time_zone": user.time_zone,
        "entries": [
            {
                "title": e.title,
                "body": e.body,
                "mood": e.mood,
                "prompt": e.prompt_text,
                "created_at": _local(e.created_at, user),
                "updated_at": _local(e.updated_at, user),
                "shared_with_partner": e.shared_with_partner,
            }
            for e in _entries(user)
        ],
        "own_prompts": [p.text for p in MemberPrompt.objects.visible_to(user).order_by("pk")],
    }


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def as_markdown(user) -> str:
    today = timezone.localtime(timezone.now(), user.zone)
    lines = [f"# My Nearer journal\n\nExported {today:%Y-%m-%d}."]
    for e in _entries(user):
        when = timezone.localtime(e.created_at, user.zone)
        heading = e.title.strip() or f"Entry of {when:%Y-%m-%d}"
        meta = [f"{when:%Y-%m-%d %H:%M}"]
        if e.mood:
            meta.append(f"mood: {e.get_mood_display().lower()}")
        if e.shared_with_partner:
            meta.append("shared with my partner")
        block = [f"## {heading}", "*" + " · ".join(meta) + "*"]
        if e.prompt_text:
            block.append(_quote(e.prompt_text))
        if e.body.strip():
            block.append(e.body.strip())
        lines.append("\n\n".join(block))
    own = [p.text for p in MemberPrompt.objects.visible_to(user).order_by("pk")]
    if own:
        lines.append("## My own prompts\n\n" + "\n".join(f"- {text}" for text in own))
    return "\n\n---\n\n".join(lines) + "\n"
