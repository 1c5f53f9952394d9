"""The optional language-model backend, off unless ``NEARER_COACH_LLM_URL`` is set.

It speaks the OpenAI-compatible chat API (a local llama.cpp or Ollama server, for example) with
the standard library only. It is asked for a rewrite and small steps, never for the safety
decision, which the offline engine makes first. Whatever it answers is read again by the offline
engine: a proposal that isn't SMART, safe and recognisably the member's own is dropped. Any
failure (refused, slow, garbage) gives ``None``, and the offline engine answers instead.
"""

import json
import logging
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from nearer.coach.engine.judge import Analysis
from nearer.coach.engine.proposals import STEP_SLUGS, Proposal, from_text

log = logging.getLogger(__name__)
MAX_BYTES = 64 * 1024
PROMPT = """You help a person in a relationship turn a goal into a small SMART goal.
Rules: keep their intent; fill only what is missing (a count, a rhythm, a duration, a review
window like "for the next 4 weeks"); first person ("I will ..."); one concrete action someone
could see; no "always", "never" or "more"; nothing that depends on the partner's behaviour;
nothing that checks, tracks or restricts the partner. Also offer 3 to 5 small SMART steps, each
tied to one of these program steps: {slugs}.
Answer with JSON only, no prose:
{{"rewrite": "I will ...", "steps": [{{"text": "I will ...", "step": "<one of the slugs>"}}]}}"""


def _split(words: str) -> list[str]:
    return words.split()


STOPWORDS = set(
    _split("""
    i will my the a an to and of for with in on at every each week day time times once twice
    more less be been have has do does this that it our we us her him his their them you your
    about from by as so
    """)
)


@dataclass(frozen=True)
class Answer:
    rewrite: Proposal | None
    steps: list[Proposal]


def enabled() -> bool:
    return bool(getattr(settings, "NEARER_COACH_LLM_URL", ""))


def ask(analysis: Analysis) -> Answer | None:
    """The model's proposals, each checked offline; None when off or on any failure."""
    if not enabled() or analysis.safety or analysis.empty or not analysis.english:
        return None
    content = _chat(analysis.text)
    if content is None:
        return None
    data = _json_in(content)
    if not isinstance(data, dict):
        log.info("coach LLM: the answer held no JSON object; using the offline engine")
        return None
    rewrite = None
    if isinstance(data.get("rewrite"), str) and _keeps_intent(analysis.norm, data["rewrite"]):
        rewrite = from_text(data["rewrite"][:300])
    steps: list[Proposal] = []
    raw_steps = data.get("steps") if isinstance(data.get("steps"), list) else []
    for item in raw_steps[:5]:
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            slug = item.get("step") if item.get("step") in STEP_SLUGS else None
            proposal = from_text(item["text"][:300], step=slug)
            if proposal:
                steps.append(proposal)
    if rewrite is None and len(steps) < 3:
        return None
    return Answer(rewrite=rewrite, steps=steps if len(steps) >= 3 else [])


def _chat(text: str) -> str | None:
    base = settings.NEARER_COACH_LLM_URL.rstrip("/")
    timeout = float(settings.NEARER_COACH_LLM_TIMEOUT)
    payload = {
        "model": settings.NEARER_COACH_LLM_MODEL,
        "temperature": 0,
        "max_tokens": 500,
        "messages": [
            {"role": "system", "content": PROMPT.format(slugs=", ".join(STEP_SLUGS))},
            {"role": "user", "content": text},
        ],
    }
    request = urllib.request.Request(  # noqa: S310 (an operator-configured http(s) URL)
        f"{base}/chat/completions",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    if not base.startswith(("http://", "https://")):
        log.warning("coach LLM: NEARER_COACH_LLM_URL must start with http:// or https://")
        return None
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = b""
            while len(body) <= MAX_BYTES:
                chunk = response.read(8192)
                if not chunk:
                    break
                body += chunk
                if time.monotonic() - started > timeout:
                    raise TimeoutError("the answer took too long")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        log.info("coach LLM unavailable (%s); using the offline engine", type(error).__name__)
        return None
    if len(body) > MAX_BYTES:
        return None
    try:
        reply = json.loads(body.decode("utf-8"))
        return str(reply["choices"][0]["message"]["content"])
    except (UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError):
        log.info("coach LLM: not an OpenAI-style answer; using the offline engine")
        return None


def _json_in(content: str):
    """The first JSON object in the model's answer (models like to wrap it in prose)."""
    start = content.find("{")
    end = content.rfind("}")
    if start < 0 or end <= start:
        return None
    try:
        return json.loads(content[start : end + 1])
    except ValueError:
        return None


def _content_words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", s.lower()) if w not in STOPWORDS}


def _keeps_intent(original_norm: str, proposal: str) -> bool:
    """A rewrite shares at least one content word with what the member wrote."""
    return bool(_content_words(original_norm) & _content_words(proposal))
