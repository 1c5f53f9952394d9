def waited(minutes: int) -> str:
    """How long someone has waited, in plain words: "less than a minute", "4 minutes",
    "1 hour 5 minutes"."""
    if minutes < 1:
        return "less than a minute"
    if minutes < 60:
        return f"{minutes} minute{'' if minutes == 1 else 's'}"
    hours, rest = divmod(minutes, 60)
    words = f"{hours} hour{'' if hours == 1 else 's'}"
    if rest:
        words += f" {rest} minute{'' if rest == 1 else 's'}"
    return words
