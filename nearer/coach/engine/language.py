"""Is this English? The coach's grammar only reads English, and says so gently otherwise."""

import re


def _split(words: str) -> list[str]:
    return words.split()


ENGLISH = set(
    _split("""
    i me my we us our you your he him his she her they them their it its a an the and or but so
    to of in on at by for with without from about after before when whenever if then will would
    can could should must shall am is are was were be been being do does did have has had not no
    never always every each once twice more less some few many this that these those what how
    why who where which there here all any one two three week day night time times minutes hours
    morning evening weekend partner wife husband love talk hug kiss ask tell say thank listen
    phone dinner together date spend make take give go get try want need feel better just really
    also up out over as than too very much keep stop start going plan help home work kids money
    fight argue nice kind calm each
    """)
)
# Function words that mark another language (and aren't English words themselves).
FOREIGN = (
    set(
        _split("""
    el los las y que con mi mis por para una del al es está estoy quiero cada día semana con mi
    pareja esposa esposo novio novia le les et avec mon ma mes je tu il elle nous vous une des
    du est suis chaque jour semaine mari femme und ich mit meine meiner meinem der die das ist
    nicht jeden jede woche tag mann frau freundin freund eu com minha meu você uma todo toda dia
    semana marido mulher il di della che ogni giorno settimana moglie con la ik mijn een het
    niet elke dag week vrouw het en ek jag och att är min med varje dag vecka fru och
    """)
    )
    - ENGLISH
)
LETTER = re.compile(r"[^\W\d_]")


def looks_english(text) -> bool:
    """True unless most letters are outside the Latin alphabet, or the words read foreign."""
    letters = LETTER.findall(text.raw)
    if not letters:
        return True  # emoji and digits only: nothing to judge, but nothing foreign either
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    if latin / len(letters) < 0.5:
        return False
    words = re.findall(r"[^\W\d_]+", text.norm)
    if len(words) < 3:
        return True
    english = sum(1 for w in words if w in ENGLISH)
    foreign = sum(1 for w in words if w in FOREIGN)
    return not (foreign >= 2 and foreign > english)
