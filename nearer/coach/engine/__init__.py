"""The SMART coach's offline engine: deterministic, on the CPU, no network.

``analyze(text)`` judges a goal by the rubric in docs/smart-rubric.md; ``rewrite`` and
``breakdown`` propose SMART versions and small steps, each checked again by ``analyze``.
"""

from nearer.coach.engine.judge import LETTERS, Analysis, Verdict, analyze

__all__ = ["LETTERS", "Analysis", "Verdict", "analyze"]
