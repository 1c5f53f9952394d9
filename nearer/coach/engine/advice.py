"""Everything the coach says about one text: verdicts, a rewrite and small steps.

Safety runs first and offline: a safety concern gets no rewrite and no steps, and the language
model (when configured) is never asked about it. The model's proposals are used only when the
offline checks accept them; otherwise the offline engine's are.
"""

from dataclasses import dataclass, field

from nearer.coach.engine import llm
from nearer.coach.engine.judge import Analysis, analyze
from nearer.coach.engine.proposals import Proposal, breakdown, rewrite


@dataclass(frozen=True)
class Advice:
    analysis: Analysis
    rewrite: Proposal | None = None
    steps: list[Proposal] = field(default_factory=list)
    source: str = "offline"  # or "model", when the language model's proposals passed the checks

    @property
    def is_safety(self) -> bool:
        return self.analysis.safety is not None


def advise(text: str) -> Advice:
    analysis = analyze(text)
    if analysis.safety or analysis.empty or not analysis.english:
        return Advice(analysis)
    wants_steps = analysis.is_challenge
    answer = llm.ask(analysis) if not analysis.all_met else None
    if answer:
        steps = (
            answer.steps
            if wants_steps and answer.steps
            else (breakdown(analysis) if wants_steps else [])
        )
        offline_rewrite = None if answer.rewrite else rewrite(analysis)
        return Advice(analysis, answer.rewrite or offline_rewrite, steps, source="model")
    return Advice(analysis, rewrite(analysis), breakdown(analysis) if wants_steps else [])
