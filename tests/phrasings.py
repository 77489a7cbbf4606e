"""The same facts of a report written through the phrasebook, in every way it lists (issue 18).

Facts are phases, each with its claims (platform, count, approximation kind, the post links it
lists), perhaps a total stated with its breakdown in parentheses, and perhaps a grand total over
every phase. A `Style` says how a rendering writes them, one choice per axis:

    number        a NUMBER_FORMS name ("cifra", "palabras", "docena"...)
    unit          a singular of UNITS or PLATFORM_UNITS ("publicación", "trino")
    name          a name of PLATFORM_NAMES (its platform is written so, the others simply)
    claim         a CLAIM_FORMS name
    preposition   a PLATFORM_PREPOSITIONS word between a unit and its platform
    connector     a CONNECTORS join between the claims of one sentence
    leader        a LEADERS dot leader
    approximation an APPROXIMATIONS word, for the claims of its kind
    total         a TOTAL_FORMS name for the grand total
    every         an ALL_PHASES phrase, in a grand total in prose
    placement     where the grand total is: "before" the phases, "after" them, in a "summary"
    layout        the claims of a phase: "lines", "dashes" ("- " items), "enumeration" (one
                  sentence, one unit), "units" (one sentence, a unit each), "wrapped" (a claim
                  broken over two lines)
    links         "under_each" claim, a "list" after the claims, after an "intro" ("Enlaces:"),
                  under platform "labels", or inside the claim: "inline_after" its platform,
                  "inline_between" its number and its platform
    mark          how a link line is written: "plain", "angle" (<url>), "dash" (- url), "named"
                  (a hyperlink shown as "Publicación 1": .md and .docx)
    decoy         "none", a DECOYS word (a figure beside claims), "plan" (a count in the
                  future tense), "percent", "lower_x" (a lower-case "x" in prose)
    fmt           "txt", "md" or "docx"

Each axis is fixed for the whole report or MIXED: drawn per claim from the style's seed. A fixed
choice a claim cannot take (thousands under 1,000, a dozen of 7, "12 trinos" on Facebook) falls
back to the plain one for that claim. `render` returns the file's content and the tags of what
it actually wrote ("number=palabras", "claim=plataforma_paréntesis", "facts=phase_total"), and
for each claim the forms and text it was written in (`Rendering.notes`), so a failure can be put
down to the form that caused it.

Every form comes from `cosecha.reader.phrasebook` and is filled from its template, so a form
added there is rendered here (or, if it needs a field this module does not know, never: the
coverage test then fails). What the generator keeps to, as the reader's rules ask: a claim is
in the past tense (a plan is in the future), a count is never a percentage, and the platform X
is always a capital "X".
"""

from __future__ import annotations

import io
import math
import random
import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

import docx
from documents import docx_bytes
from num2words import num2words

from cosecha.reader import phrasebook as pb

PLATFORMS = ("x", "facebook", "youtube", "instagram", "tiktok")
MIXED = "*"
EVERY_PHASE = "*"  # the phase key of a grand total: it covers every phase
MORE_THAN, AT_LEAST, ABOUT, LESS_THAN = "more_than", "at_least", "about", "less_than"
# what each approximation word means, as the auditor bounds it (auditor/checks/ranges.py)
APPROXIMATION_KINDS = {"más de": MORE_THAN, "+": MORE_THAN, "al menos": AT_LEAST,
                       "por lo menos": AT_LEAST, "unas": ABOUT, "unos": ABOUT,
                       "alrededor de": ABOUT, "cerca de": ABOUT, "aproximadamente": ABOUT,
                       "menos de": LESS_THAN, "casi": LESS_THAN}
FEMININE_UNITS = {"story", "stories"}  # besides the singulars ending in -a or -ión

PREAMBLE = ("INFORME DE DIFUSIÓN EN REDES SOCIALES",
            "Consejo Nacional Electoral – Delegación Provincial de Santa Elena",
            "Fecha del informe: 20 de marzo de 2025")
OPENING = "La delegación difundió cada etapa del proceso en sus redes sociales institucionales."
TITLES = ("Convocatoria e inscripción de candidaturas", "Socialización del calendario electoral",
          "Capacitación a miembros de las juntas receptoras del voto",
          "Simulacro de transmisión de resultados", "Jornada electoral",
          "Difusión de resultados oficiales", "Deliberación pública del informe")
INTROS = ("Se difundió la convocatoria a la ciudadanía y los requisitos de participación.",
          "La cobertura se hizo desde las cuentas oficiales de la institución.",
          "Se informó a la ciudadanía sobre el desarrollo de esta etapa.")
HEADINGS = {  # numbering style -> (heading, key) of the n-th phase, n from 0
    "fase": lambda n, title: (f"Fase {n + 1}: {title}", str(n + 1)),
    "letra": lambda n, title: (f"{'ABCD'[n]}. {title}", "ABCD"[n]),
    "etapa": lambda n, title: (f"Etapa {n + 1}. {title}", str(n + 1)),
    "guion": lambda n, title: (f"Fase {'ABCD'[n]} – {title}", "ABCD"[n]),
}
LINKS_INTROS = ("Enlaces:", "Links:", "Vínculos:", "Enlaces de publicaciones:")
LEADS = ("Se realizaron", "Se difundieron", "Durante esta fase se publicaron",
         "La institución publicó", "")
SINGULAR_VERBS = {"publicaron": "publicó", "realizaron": "realizó", "difundieron": "difundió"}
WRITTEN_PHASES = {2: "dos", 3: "tres", 4: "cuatro"}
X_ACCOUNTS = ("CNE_StaElena", "cnegobec", "CNEGuayas")
FB_PAGES = ("CNEEcuador", "cne.santaelena", "DelegacionCNEGuayas")
TIKTOK_ACCOUNTS = ("cne_ecuador", "cnesantaelena")
ALNUM = string.ascii_letters + string.digits
FRIENDLY = (1, 2, 3, 6, 12, 15, 18, 20, 21, 24, 31, 36, 100, 101, 200, 221, 500, 1000, 1001,
            1200, 1500)
MAX_INLINE = 8  # links written inside a claim sentence, at most
# decoys written as a time ("durante 3 horas") or an audience ("que llegaron a 1.200 personas")
TIMES = ("horas", "minutos", "días", "años", "semanas", "meses")
AUDIENCES = ("personas", "asistentes", "participantes", "seguidores", "usuarios",
             "suscriptores", "ciudadanos", "visitantes", "inscritos", "beneficiarios")

# --- facts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimFacts:
    platform: str
    claimed: int
    links: tuple[str, ...]
    approximate: str | None = None  # MORE_THAN, AT_LEAST, ABOUT, LESS_THAN


@dataclass(frozen=True)
class PhaseFacts:
    key: str
    heading: str
    title: str
    claims: tuple[ClaimFacts, ...]
    total: int | None = None  # stated with its breakdown: "5 publicaciones (3 en X y 2 en IG)"


@dataclass(frozen=True)
class Facts:
    phases: tuple[PhaseFacts, ...]
    grand_total: int | None = None  # a total over every phase
    planted: str = "none"  # the mismatch planted: "none", "count", "phase_total", "grand_total"

    def tags(self) -> set[str]:
        claims = [c for p in self.phases for c in p.claims]
        found = {f"facts=planted_{self.planted}"}
        found |= {f"facts=approximate_{c.approximate}" for c in claims if c.approximate}
        if any(p.total is not None for p in self.phases):
            found.add("facts=phase_total")
        if self.grand_total is not None:
            found.add("facts=grand_total")
        if any(c.claimed >= 1000 for c in claims):
            found.add("facts=thousands")
        if any(c.claimed == 0 for c in claims):
            found.add("facts=zero")
        if any(c.claimed and not c.links for c in claims):
            found.add("facts=no_links")
        return found


def post_url(platform: str, rng: random.Random, seen: set[str]) -> str:
    """A valid post address of the platform, its post never used before in the report."""
    def pick(alphabet: str, size: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(size))

    while True:
        if platform == "x":
            post = "1" + pick(string.digits, 18)
            url = f"https://x.com/{rng.choice(X_ACCOUNTS)}/status/{post}"
        elif platform == "facebook":
            post = pick("123456789", 1) + pick(string.digits, 15)
            url = f"https://www.facebook.com/{rng.choice(FB_PAGES)}/posts/{post}"
        elif platform == "youtube":
            post = pick(ALNUM, 11)
            url = f"https://www.youtube.com/watch?v={post}"
        elif platform == "instagram":
            post = pick(ALNUM, 11)
            url = f"https://www.instagram.com/p/{post}/"
        else:
            post = "7" + pick(string.digits, 18)
            url = f"https://www.tiktok.com/@{rng.choice(TIKTOK_ACCOUNTS)}/video/{post}"
        if post not in seen:
            seen.add(post)
            return url


def bounds(kind: str | None, count: int) -> tuple[float, float]:
    """What an approximate count allows, as the auditor reads it (auditor/checks/ranges.py)."""
    if kind == MORE_THAN:
        return count + 1, math.inf
    if kind == AT_LEAST:
        return count, math.inf
    if kind == ABOUT:
        slack = max(1, 0.2 * count)
        return count - slack, count + slack
    if kind == LESS_THAN:
        return 0, count - 1
    return count, count


def _claim(platform: str, rng: random.Random, seen: set[str]) -> ClaimFacts:
    draw = rng.random()
    approximate = None
    if draw < 0.12:
        approximate = rng.choice([MORE_THAN, AT_LEAST, ABOUT, LESS_THAN])
        count = rng.randint(5, 30)
        low, high = bounds(approximate, count)
        listed = rng.randint(max(1, math.ceil(low)), int(min(high, count + 3)))
    elif draw < 0.5:
        count = listed = rng.randint(0, 12)
    elif draw < 0.62:
        count = listed = rng.randint(13, 30)
    elif draw < 0.85:
        count = rng.choice(FRIENDLY)
        listed = count if count <= 36 else rng.randint(0, 4)
    else:
        count, listed = rng.randint(37, 1500), rng.randint(0, 4)
    links = tuple(post_url(platform, rng, seen) for _ in range(listed))
    return ClaimFacts(platform, count, links, approximate)


def make_facts(rng: random.Random) -> Facts:
    """2 to 4 phases of 1 to 3 platforms each, perhaps totals, and perhaps one mismatch."""
    numbering = HEADINGS[rng.choice(sorted(HEADINGS))]
    seen: set[str] = set()
    phases = []
    for n, title in enumerate(rng.sample(TITLES, rng.randint(2, 4))):
        platforms = sorted(rng.sample(PLATFORMS, rng.randint(1, 3)), key=PLATFORMS.index)
        if rng.random() < 0.3:
            rng.shuffle(platforms)
        claims = tuple(_claim(p, rng, seen) for p in platforms)
        heading, key = numbering(n, title)
        totalled = len(claims) > 1 and not any(c.approximate for c in claims)
        phases.append(PhaseFacts(key, heading, title, claims,
                                 total=0 if totalled and rng.random() < 0.3 else None))
    exact = not any(c.approximate for p in phases for c in p.claims)
    plants = ["none", "none", "count"]
    if any(p.total is not None for p in phases):
        plants.append("phase_total")
    grand = exact and rng.random() < 0.45
    if grand:
        plants.append("grand_total")
    planted = rng.choice(plants)
    delta = rng.choice([-3, -2, -1, 1, 2, 3])
    if planted == "count":
        phases, planted = _miscounted(phases, rng, delta)
    out = []
    for phase in phases:
        if phase.total is not None:
            summed = sum(c.claimed for c in phase.claims)
            phase = replace(phase, total=_off(summed, delta) if planted == "phase_total"
                            and phase is next(p for p in phases if p.total is not None)
                            else summed)
        out.append(phase)
    summed = sum(c.claimed for p in out for c in p.claims)
    total = (_off(summed, delta) if planted == "grand_total" else summed) if grand else None
    return Facts(tuple(out), total, planted)


def _miscounted(phases: list[PhaseFacts], rng: random.Random,
                delta: int) -> tuple[list[PhaseFacts], str]:
    """One exact claim made to differ from the links it lists."""
    places = [(n, m) for n, p in enumerate(phases) for m, c in enumerate(p.claims)
              if not c.approximate and c.claimed == len(c.links) and c.claimed <= 36]
    if not places:
        return phases, "none"
    n, m = rng.choice(places)
    claims = list(phases[n].claims)
    claims[m] = replace(claims[m], claimed=_off(claims[m].claimed, delta))
    phases = list(phases)
    phases[n] = replace(phases[n], claims=tuple(claims))
    return phases, "count"


def _off(count: int, delta: int) -> int:
    """A count that differs from `count` by `delta`, never below zero."""
    return count + delta if count + delta >= 0 else count - delta


# --- styles ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    number: str = "cifra"
    unit: str = "publicación"
    name: str = "simple"
    claim: str = "cifra_unidad_plataforma"
    preposition: str = "en"
    connector: str = "plain"  # ", " between items and " y " before the last
    leader: str = pb.LEADERS[0]
    approximation: str = "plain"  # the first word of the claim's kind
    total: str = "total_linea"
    every: str = pb.ALL_PHASES[0]
    placement: str = "after"
    layout: str = "lines"
    links: str = "under_each"
    mark: str = "plain"
    decoy: str = "none"
    fmt: str = "txt"
    seed: int = 0


LAYOUTS = ("lines", "dashes", "enumeration", "units", "wrapped")
LINK_STYLES = ("under_each", "list", "intro", "labels", "inline_after", "inline_between")
MARKS = ("plain", "angle", "dash", "named")
PLACEMENTS = ("before", "after", "summary")
FORMATS = ("txt", "md", "docx")
OTHER_DECOYS = ("plan", "percent", "lower_x")
PLAIN = Style()


def axis_values() -> dict[str, tuple[str, ...]]:
    """Every value of every axis: the phrasebook's forms, and this module's layouts."""
    units = [s for s, _ in pb.UNITS] + [s for forms in pb.PLATFORM_UNITS.values()
                                          for s, _ in forms]
    return {
        "number": tuple(f.name for f in pb.NUMBER_FORMS),
        "unit": tuple(units),
        "name": tuple(n for names in pb.PLATFORM_NAMES.values() for n in names),
        "claim": tuple(f.name for f in pb.CLAIM_FORMS),
        "preposition": pb.PLATFORM_PREPOSITIONS,
        "connector": pb.CONNECTORS,
        "leader": pb.LEADERS,
        "approximation": pb.APPROXIMATIONS,
        "total": tuple(f.name for f in pb.TOTAL_FORMS),
        "every": pb.ALL_PHASES,
        "placement": PLACEMENTS,
        "layout": LAYOUTS,
        "links": LINK_STYLES,
        "mark": MARKS,
        "decoy": (*pb.DECOYS, *OTHER_DECOYS),
        "fmt": FORMATS,
    }


def mixed_style(rng: random.Random) -> Style:
    """A style that draws most of its choices per claim; the report-wide ones drawn here."""
    values = axis_values()
    return Style(
        number=MIXED, unit=MIXED, name=MIXED, claim=MIXED, preposition=MIXED,
        connector=MIXED, leader=MIXED, approximation=MIXED,
        total=rng.choice([f.name for f in pb.TOTAL_FORMS if "{breakdown}" not in f.template]),
        every=rng.choice(pb.ALL_PHASES), placement=rng.choice(PLACEMENTS),
        layout=MIXED, links=MIXED, mark=MIXED,
        decoy=rng.choice(["none", "none", MIXED, *rng.sample(values["decoy"], 2)]),
        fmt=rng.choices(FORMATS, weights=(7, 2, 2))[0], seed=rng.randrange(2**32))


def focused_style(axis: str, value: str, seed: int = 0) -> Style:
    """The plain style with one axis set to `value`, and what that value needs to show."""
    style = replace(PLAIN, seed=seed, **{axis: value})
    if axis == "connector":
        family = "plataforma_paréntesis" if value == " e " else PLAIN.claim
        style = replace(style, layout="enumeration", claim=family)
    elif axis == "leader":
        style = replace(style, claim="unidad_plataforma_puntos_cifra")
    elif axis == "every":
        style = replace(style, total="total_general_en_prosa")
    elif axis == "mark" and value == "named":
        style = replace(style, fmt="md")
    return style


# --- Spanish --------------------------------------------------------------------------------


def feminine(unit: str) -> bool:
    first = unit.split()[0]
    return unit in FEMININE_UNITS or first.endswith(("a", "ión", "as", "iones"))


def number_words(n: int, female: bool, before_noun: bool) -> str:
    """`n` in Spanish words agreeing with its noun: "doscientas una", "veintiún", "ciento uno"."""
    text = num2words(n, lang="es")
    if female:
        text = re.sub(r"ientos\b", "ientas", text)
    head, _, last = text.rpartition(" ")
    if last in ("uno", "veintiuno"):
        stem = last[:-3]
        if female:
            last = stem + "una"
        elif before_noun:
            last = "veintiún" if stem else "un"
    return f"{head} {last}".strip()


def number_text(n: int, form: pb.Form, female: bool, before_noun: bool) -> str | None:
    """`n` as the number form writes it, or None when the form cannot write it."""
    values = {"digits": str(n), "words": number_words(n, female, before_noun)}
    if n >= 1000:
        values["digits_dot"] = f"{n:,}".replace(",", ".")
        values["digits_comma"] = f"{n:,}"
    dozens = {count: words for words, count in pb.DOZENS.items()}.get(n)
    if dozens:
        values["dozens"] = dozens + (" de" if before_noun else "")
    try:
        return form.template.format(**values)
    except KeyError:
        return None


def agree(text: str, count: int, female: bool, approximate: bool) -> str:
    """The participles and verbs of a filled template agreeing with its count."""
    plural = count != 1 or approximate
    ending = ("as" if plural else "a") if female else ("os" if plural else "o")
    text = re.sub(r"\b(difundid|publicad|realizad)(?:as|os|a|o)\b", rf"\g<1>{ending}", text)
    if not plural:
        text = re.sub(r"\bse (publicaron|realizaron|difundieron)\b",
                      lambda m: "se " + SINGULAR_VERBS[m[1]], text)
    return re.sub(r"\bde el\b", "del", text)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- a report as lines ------------------------------------------------------------------------

Part = str | tuple[str, str]  # text, or a hyperlink (shown text, url)


@dataclass
class Line:
    kind: str  # "title", "heading", "text", "blank"
    parts: list[Part] = field(default_factory=list)

    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p[1] for p in self.parts)


@dataclass(frozen=True)
class Rendering:
    fmt: str
    content: str | bytes
    tags: frozenset[str]
    # what each claim was written in: (phase key, platform, count) -> "text=..." and its tags,
    # (phase key, "phase") -> the phase's; the grand total's phase key is EVERY_PHASE
    notes: dict = field(default_factory=dict, compare=False)

    @property
    def name(self) -> str:
        return f"informe.{self.fmt}"


@dataclass
class Piece:
    """A claim (or a total's breakdown item) as written: its text and its links inside it."""

    parts: list[Part]
    claim: ClaimFacts
    unit: str | None = None  # the unit written, if any
    cut: int | None = None  # where links go between its number (and unit) and its platform
    label: bool = False  # the line is a platform label ("X: 3"): links under it are its own


class Renderer:
    def __init__(self, facts: Facts, style: Style):
        self.facts, self.style = facts, style
        self.rng = random.Random(style.seed)
        self.tags: set[str] = facts.tags() | {f"fmt={style.fmt}"}
        self.values = axis_values()
        self.trail: list[str] = []  # every tag in the order taken
        self.notes: dict[tuple, tuple[str, ...]] = {}  # what each claim and phase was written in
        self.phase_key = ""

    # choices

    def choose(self, axis: str, options=None) -> str:
        fixed = getattr(self.style, axis)
        if fixed != MIXED:
            return fixed
        return self.rng.choice(list(options if options is not None else self.values[axis]))

    def tag(self, axis: str, value: str) -> str:
        self.tags.add(f"{axis}={value}")
        self.trail.append(f"{axis}={value}")
        return value

    def note(self, key: tuple, since: int, text: str) -> None:
        self.notes[key] = (f"text={text}", *dict.fromkeys(self.trail[since:]))

    # the report

    def report(self) -> list[Line]:
        lines = [Line("title", [PREAMBLE[0]]), *(Line("text", [t]) for t in PREAMBLE[1:]),
                 Line("blank")]
        grand = self.grand_total()
        placement = self.style.placement if grand else None
        if grand:
            self.tag("placement", placement)
            self.notes[EVERY_PHASE, "all", self.facts.grand_total] += (f"placement={placement}",)
        if placement == "before":
            lines += [Line("text", [OPENING]), Line("text", [grand]), Line("blank")]
        for phase in self.facts.phases:
            lines += self.phase(phase)
        if placement == "after":
            lines += [Line("text", [grand]), Line("blank")]
        elif placement == "summary":
            lines += [Line("heading", ["Resumen"]), Line("text", [grand]), Line("blank")]
        return lines

    def grand_total(self) -> str | None:
        total = self.facts.grand_total
        if total is None:
            return None
        since = len(self.trail)
        forms = [f for f in pb.TOTAL_FORMS if "{breakdown}" not in f.template]
        chosen = self.choose("total", [f.name for f in forms])
        form = next((f for f in forms if f.name == chosen), forms[0])
        self.tag("total", form.name)
        template = form.template
        if pb.ALL_PHASES[0] in template:
            every = self.choose("every")
            self.tag("every", every)
            template = template.replace(pb.ALL_PHASES[0], every)
        unit = self.unit(None) if "{unit}" in template else PLAIN.unit
        female = feminine(unit)
        number = self.number(total, female, "{n} {unit}" in template)
        text = template.format(n=number, unit=self.unit_for(unit, total),
                               phases=WRITTEN_PHASES[len(self.facts.phases)])
        text = capital(agree(text, total, female, False)) + ("." if "{unit}" in template else "")
        self.note((EVERY_PHASE, "all", total), since, text)
        return text

    def phase(self, phase: PhaseFacts) -> list[Line]:
        self.phase_key, since = phase.key, len(self.trail)
        lines = [Line("heading", [phase.heading])]
        if self.rng.random() < 0.4:
            lines.append(Line("text", [self.rng.choice(INTROS)]))
        decoy = self.choose("decoy", ["none", *self.values["decoy"]])
        if decoy in OTHER_DECOYS:
            lines.append(Line("text", [self.other_decoy(decoy, phase)]))
        links = self.choose("links", LINK_STYLES)
        if phase.total is not None:
            body, links = self.total_with_breakdown(phase), self.breakdown_links(links)
        else:
            body, links = self.claims(phase, links, decoy)
        lines += body
        lines += self.links_after(phase, links)
        self.note((phase.key, "phase"), since, "")
        return [*lines, Line("blank")]

    # claims

    def claims(self, phase: PhaseFacts, links: str, decoy: str) -> tuple[list[Line], str]:
        layout = self.choose("layout", LAYOUTS)
        inline = links.startswith("inline")
        if inline and any(len(c.links) > MAX_INLINE for c in phase.claims):
            links, inline = "intro", False
        layout_sentence = layout in ("enumeration", "units") or (
            layout == "wrapped" and self.rng.random() < 0.6)
        if layout_sentence:
            pieces, family = self.sentence(phase.claims, same_unit=layout != "units")
            parts = self.join(pieces, family, links if inline else None)
            self.decorate(parts, decoy)
            text_lines = [parts]
            links = self.sentence_links(links)
        else:
            pieces = [self.claim_piece(c) for c in phase.claims]
            text_lines = []
            for piece in pieces:
                parts = [capital(piece.parts[0]) if isinstance(piece.parts[0], str)
                         else piece.parts[0], *piece.parts[1:]]
                if inline:
                    parts = self.with_links(parts, piece, links)
                self.decorate(parts, decoy)
                if layout == "dashes" or (layout == "wrapped" and self.rng.random() < 0.3):
                    parts.insert(0, "- ")
                text_lines.append(parts)
            owners = list(range(len(pieces)))
            if links == "under_each":
                owners = [x for n, piece in enumerate(pieces)
                          for x in [n, *[None] * len(piece.claim.links)]]
                text_lines = [x for parts, piece in zip(text_lines, pieces)
                              for x in [parts, *self.link_parts(piece.claim.links)]]
        if layout == "wrapped":
            wrapped = self.wrap(text_lines)
            if wrapped is not None:
                text_lines, at = wrapped
                hit = pieces if layout_sentence else [pieces[owners[at]]]
                for piece in hit:
                    key = (phase.key, piece.claim.platform, piece.claim.claimed)
                    self.notes[key] = (*self.notes[key], "layout=wrapped_line")
        self.tag("layout", layout)
        self.tag("links", links)
        if links == "under_each" and any(p.label for p in pieces):
            self.tags.add("links=under_each_label")
        elif links in ("list", "intro") and any(p.label for p in pieces):
            self.tags.add(f"links={links}_after_label")
        return [Line("text", parts) for parts in text_lines], links

    def sentence_links(self, links: str) -> str:
        """Links a sentence of claims cannot have under each claim."""
        return "labels" if links == "under_each" else links

    def breakdown_links(self, links: str) -> str:
        """Links a total's breakdown has neither under each claim nor inside it."""
        return "intro" if links.startswith("inline") else self.sentence_links(links)

    def claim_piece(self, claim: ClaimFacts) -> Piece:
        """One claim in a CLAIM_FORMS form, as a line of its own."""
        forms = [f for f in pb.CLAIM_FORMS if self.takes(f, claim)]
        chosen = self.choose("claim", [f.name for f in forms])
        form = next((f for f in forms if f.name == chosen), None)
        if form is None:
            form = next(f for f in forms if f.name in (PLAIN.claim, "aproximada"))
        return self.fill(form, claim)

    def takes(self, form: pb.Form, claim: ClaimFacts) -> bool:
        if "{approx}" in form.template and not claim.approximate:
            return False
        return "{platform}" in form.template or claim.platform in pb.PLATFORM_UNITS

    def fill(self, form: pb.Form, claim: ClaimFacts, *, unit: str | None = None,
             elide: bool = False) -> Piece:
        """The claim written in the form; `elide` drops its unit ("2 en Facebook")."""
        since = len(self.trail)
        self.tag("claim", form.name)
        template = form.template
        if elide:
            template = template.replace("{n} {unit}", "{n}")
        if claim.approximate and "{approx}" not in template:
            template = template.replace("{n}", "{approx} {n}")
        if " en {platform}" in template and "{unit}" in template:
            preposition = self.choose("preposition")
            self.tag("preposition", preposition)
            template = template.replace(" en {platform}", f" {preposition} {{platform}}")
        owns = "{platform}" not in template
        if owns or unit is None:
            unit = self.unit(claim.platform, own=owns)
        female = feminine(unit) if "{unit}" in template or elide else True
        number = self.number(claim.claimed, female, "{n} {unit}" in template)
        approx = self.approximation(claim, female, number) if claim.approximate else ""
        leader = self.choose("leader").strip() if "{leader}" in template else ""
        if leader:
            self.tag("leader", next(x for x in pb.LEADERS if x.strip() == leader))
        name = "" if owns else self.platform_name(claim.platform)
        values = {"n": number, "unit": self.unit_for(unit, claim.claimed), "platform": name,
                  "approx": approx, "leader": leader}

        def written(template: str) -> str:
            text = template.format(**values).replace("+ ", "+")
            return agree(text, claim.claimed, female, bool(claim.approximate))

        text = written(template)
        at_n, at_platform, at_unit = (template.find(f) for f in ("{n}", "{platform}", "{unit}"))
        cut = None
        if 0 <= at_n < at_platform:
            end = at_unit + len("{unit}") if at_n < at_unit < at_platform else at_n + len("{n}")
            cut = len(written(template[:end]))
        label = ":" in text and text.split(":")[0] == name
        self.note((self.phase_key, claim.platform, claim.claimed), since, text)
        return Piece([text], claim, unit if "{unit}" in template else None, cut, label)

    def unit(self, platform: str | None, own: bool = False) -> str:
        """A unit for a claim of the platform (one naming it by itself when `own`)."""
        mine = [s for s, _ in pb.PLATFORM_UNITS.get(platform, ())]
        general = [s for s, _ in pb.UNITS]
        options = mine if own else general + mine
        unit = self.choose("unit", options)
        if unit not in options:
            unit = mine[0] if own else PLAIN.unit
        return self.tag("unit", unit)

    def unit_for(self, unit: str, count: int) -> str:
        pairs = dict(pb.UNITS) | {s: p for forms in pb.PLATFORM_UNITS.values() for s, p in forms}
        return unit if count == 1 else pairs[unit]

    def number(self, n: int, female: bool, before_noun: bool) -> str:
        chosen = self.choose("number")
        form = next(f for f in pb.NUMBER_FORMS if f.name == chosen)
        text = number_text(n, form, female, before_noun)
        if text is None:
            form = pb.NUMBER_FORMS[0]
            text = number_text(n, form, female, before_noun)
        self.tag("number", form.name)
        return text

    def approximation(self, claim: ClaimFacts, female: bool, number: str) -> str:
        kind = claim.approximate
        words = [w for w in pb.APPROXIMATIONS if APPROXIMATION_KINDS.get(w) == kind]
        chosen = self.choose("approximation", words)
        if chosen not in words:
            chosen = words[0]
        if chosen in ("unas", "unos"):
            chosen = "unas" if female else "unos"
        if (chosen in ("unas", "unos") and "docena" in number) or (
                chosen == "+" and not number[:1].isdigit()):
            chosen = next(w for w in words if w not in ("unas", "unos", "+"))
        return self.tag("approximation", chosen)

    def platform_name(self, platform: str) -> str:
        names = pb.PLATFORM_NAMES[platform]
        chosen = self.choose("name", names)
        return self.tag("name", chosen if chosen in names else names[0])

    # claims in one sentence

    def sentence(self, claims: tuple[ClaimFacts, ...],
                 same_unit: bool) -> tuple[list[Piece], str]:
        """The claims as items of one sentence, each in a form that fits inside one, and the
        family of the forms: "plataforma_paréntesis" ("en X (3), Facebook (2) e IG (1)"),
        "en_plataforma_verbo_cifra" ("en X se publicaron 3 y en Facebook 2"), or the number
        first ("3 publicaciones en X, 2 en Facebook y 1 tiktok")."""
        by_name = {f.name: f for f in pb.CLAIM_FORMS}
        family = self.choose("claim", list(by_name))
        number_first = ["cifra_unidad_plataforma", "cifra_unidad_verbo_plataforma",
                        "aproximada", "unidad_propia"]
        if family not in ("plataforma_paréntesis", "en_plataforma_verbo_cifra"):
            family = "number_first"
        pieces: list[Piece] = []
        shared = None
        general = {s for s, _ in pb.UNITS}
        for n, claim in enumerate(claims):
            unit = shared if same_unit else self.any_unit(claim.platform)
            if family != "number_first":
                form = by_name[family]
            else:
                wanted = self.style.claim if self.style.claim != MIXED else self.rng.choice(
                    number_first)
                if not same_unit and claim.platform in pb.PLATFORM_UNITS:
                    wanted = self.rng.choice([wanted, "unidad_propia"])
                fitting = [f for f in number_first if self.takes(by_name[f], claim)]
                form = by_name[wanted if wanted in fitting else
                               ("aproximada" if claim.approximate else PLAIN.claim)]
            elide = bool(n and shared and "{n} {unit} en {platform}" in form.template
                         and self.rng.random() < 0.7)
            if elide:
                self.tags.add("layout=elided_unit")
            piece = self.fill(form, claim, unit=unit, elide=elide)
            if family == "en_plataforma_verbo_cifra" and n:
                piece.parts = [re.sub(r"\bse \w+ ", "", piece.parts[0])]
                piece.cut = None
            if same_unit and shared is None and piece.unit in general:
                shared = piece.unit
            pieces.append(piece)
        return pieces, family

    def any_unit(self, platform: str) -> str:
        """A unit drawn for one item of a sentence of several units."""
        mine = [s for s, _ in pb.PLATFORM_UNITS.get(platform, ())]
        if mine and self.rng.random() < 0.5:
            return self.tag("unit", self.rng.choice(mine))
        return self.tag("unit", self.rng.choice([s for s, _ in pb.UNITS]))

    def join(self, pieces: list[Piece], family: str, inline: str | None) -> list[Part]:
        """The items joined with CONNECTORS, after a lead verb, as one sentence."""
        texts = [self.with_links(list(p.parts), p, inline) if inline else list(p.parts)
                 for p in pieces]
        first = pieces[0].claim
        if family == "en_plataforma_verbo_cifra":
            lead = ""
        elif family == "plataforma_paréntesis":
            lead = self.rng.choice(["Se difundieron publicaciones en", "Se publicó en"])
        else:
            lead = self.rng.choice(LEADS)
            if lead and first.claimed == 1 and not first.approximate and len(pieces) == 1:
                lead = re.sub(r"(publicaron|realizaron|difundieron)",
                              lambda m: SINGULAR_VERBS[m[1]], lead)
        parts: list[Part] = [lead + " "] if lead else []
        for n, item in enumerate(texts):
            if n:
                parts.append(self.connector(n == len(texts) - 1, item))
            parts += item
        parts.append(".")
        if not lead and isinstance(parts[0], str):
            parts[0] = capital(parts[0])
        return parts

    def connector(self, last: bool, item: list[Part]) -> str:
        fixed = self.style.connector
        if fixed == "plain":
            chosen = " y " if last else ", "
        elif fixed == MIXED:
            chosen = self.rng.choice([c for c in pb.CONNECTORS if c not in (", ", "; ")]
                                     if last else [", ", "; "])
        else:
            chosen = fixed if last or fixed in (", ", "; ") else ", "
        following = item[0] if isinstance(item[0], str) else ""
        i_sound = re.match(r"(?:i|hi)(?!e)", following.lower()) is not None
        if chosen == " e " and not i_sound:
            chosen = " y "
        elif chosen == " y " and i_sound and following[:2].lower() != "ig":
            chosen = " e "
        if fixed != "plain":
            self.tag("connector", chosen)
        return chosen

    def total_with_breakdown(self, phase: PhaseFacts) -> list[Line]:
        """ "Se realizaron cinco publicaciones (tres en X y dos en Instagram)." """
        form = next(f for f in pb.TOTAL_FORMS if "{breakdown}" in f.template)
        since = len(self.trail)
        self.tag("total", form.name)
        unit = self.unit(None)
        female = feminine(unit)
        items = []
        for claim in phase.claims:
            own = claim.platform in pb.PLATFORM_UNITS and self.rng.random() < 0.3
            by_name = {f.name: f for f in pb.CLAIM_FORMS}
            if own:
                items.append(self.fill(by_name["unidad_propia"], claim))
            else:
                items.append(self.fill(by_name[PLAIN.claim], claim, unit=unit, elide=True))
        breakdown = "".join(
            (self.connector(n == len(items) - 1, item.parts) if n else "") + item.parts[0]
            for n, item in enumerate(items))
        number = self.number(phase.total, female, True)
        text = form.template.format(n=number, unit=self.unit_for(unit, phase.total),
                                    breakdown=breakdown)
        lead = self.rng.choice(LEADS[:3])
        if phase.total == 1:
            lead = re.sub(r"(publicaron|realizaron|difundieron)",
                          lambda m: SINGULAR_VERBS[m[1]], lead)
        text = f"{lead} {agree(text, phase.total, female, False)}."
        self.note((phase.key, "all", phase.total), since, text)
        return [Line("text", [text])]

    # links

    def with_links(self, parts: list[Part], piece: Piece, where: str) -> list[Part]:
        """The claim with its links in parentheses: after it ("inline_after"), or between its
        number (and unit) and its platform ("inline_between", where the form allows)."""
        if not piece.claim.links:
            return parts
        shown: list[Part] = [" ("]
        for n, url in enumerate(piece.claim.links):
            shown += [", "] if n else []
            shown.append((url, url))
        shown.append(")")
        if where == "inline_between" and piece.cut is not None and isinstance(parts[0], str):
            text = parts[0]
            self.tags.add("links=inline_between_done")
            return [text[:piece.cut], *shown, text[piece.cut:], *parts[1:]]
        return [*parts, *shown]

    def link_parts(self, links: tuple[str, ...]) -> list[list[Part]]:
        """Each link on a line of its own, as the mark writes it."""
        mark = self.choose("mark", MARKS if self.style.fmt != "txt" else MARKS[:3])
        if mark == "named" and self.style.fmt == "txt":
            mark = "plain"
        if links:
            self.tag("mark", mark)
        lines = []
        for n, url in enumerate(links, start=1):
            if mark == "angle":
                lines.append(["<", (url, url), ">"])
            elif mark == "dash":
                lines.append(["- ", (url, url)])
            elif mark == "named":
                lines.append([(f"Publicación {n}", url)])
            else:
                lines.append([(url, url)])
        return lines

    def links_after(self, phase: PhaseFacts, links: str) -> list[Line]:
        every = [c for c in phase.claims if c.links]
        if links in ("under_each",) or links.startswith("inline") or not every:
            return []
        lines = []
        if links == "intro" or (links == "labels" and self.rng.random() < 0.5):
            lines.append(Line("text", [self.rng.choice(LINKS_INTROS)]))
        for claim in every:
            if links == "labels":
                names = [n for n in pb.PLATFORM_NAMES[claim.platform]
                         if not n.startswith(("la ", "el "))]
                lines.append(Line("text", [self.rng.choice(names)
                                           + self.rng.choice(["", ":"])]))
            lines += [Line("text", parts) for parts in self.link_parts(claim.links)]
        return lines

    # decoys and wraps

    def decorate(self, parts: list[Part], decoy: str) -> None:
        """A figure that counts no posts, beside the claim: "(9.870 impresiones)"."""
        if decoy == "none" or decoy in OTHER_DECOYS:
            if decoy == "lower_x" and self.rng.random() < 0.5:
                parts.append(" en formato 1080 x 1080")
            return
        self.tag("decoy", decoy)
        small = decoy in TIMES or decoy == "juntas"
        figure = self.rng.randint(1, 90) if small else self.rng.randint(100, 99999)
        written = f"{figure:,}".replace(",", self.rng.choice([".", ","]))
        if decoy == "alcance":
            options = [f" (alcance de {written})", f", con un alcance de {written}"]
        elif decoy in TIMES:
            options = [f" ({written} {decoy} de transmisión)", f" durante {written} {decoy}"]
        elif decoy in AUDIENCES:
            options = [f" ({written} {decoy})", f", que llegaron a {written} {decoy}"]
        else:
            options = [f" ({written} {decoy})", f", con {written} {decoy}",
                       f" y {written} {decoy}"]
        text = self.rng.choice(options)
        end = len(parts) - 1 if parts and parts[-1] == "." else len(parts)
        parts.insert(end, text)

    def other_decoy(self, decoy: str, phase: PhaseFacts) -> str:
        """A sentence with a count that is no claim: a plan, a percentage, "1080 x 1080"."""
        self.tag("decoy", decoy)
        platform = self.platform_name(phase.claims[0].platform)
        unit = self.unit(None)
        female = feminine(unit)
        figure = self.rng.randint(2, 40)
        if decoy == "plan":
            number = self.number(figure, female, True)
            return capital(self.rng.choice([
                f"para la siguiente fase se realizarán {number} {self.unit_for(unit, figure)} "
                f"en {platform}.",
                f"en la próxima etapa se difundirán {number} {self.unit_for(unit, figure)} "
                f"por {platform}.",
                f"se prevé publicar {number} {self.unit_for(unit, figure)} en {platform}."]))
        if decoy == "percent":
            return self.rng.choice([
                f"El {figure} % de las publicaciones de esta fase se difundió en {platform}.",
                f"Las publicaciones en {platform} fueron el {figure} % del total."])
        return "Las piezas gráficas se diseñaron en formato 1080 x 1350 px."

    def wrap(self, text_lines: list[list[Part]]) -> tuple[list[list[Part]], int] | None:
        """One claim line broken in two at a space, as a PDF or a narrow column wraps it: the
        lines, and which one was broken."""
        candidates = [n for n, parts in enumerate(text_lines)
                      if all(isinstance(p, str) for p in parts)
                      and len("".join(parts).split()) >= 3]
        if not candidates:
            return None
        n = self.rng.choice(candidates)
        text = "".join(text_lines[n])
        # a line of a bare number under a link reads as the link's cut end (a PDF's wrap)
        cuts = [m.start() for m in re.finditer(" ", text.strip())
                if not text[:m.start()].strip(" -").isdigit()]
        if not cuts:
            return None
        cut = self.rng.choice(cuts)
        self.tags.add("layout=wrapped_done")
        return [*text_lines[:n], [text[:cut]], [text[cut + 1:]], *text_lines[n + 1:]], n


# --- files ------------------------------------------------------------------------------------


def serialize(lines: list[Line], fmt: str) -> str | bytes:
    if fmt == "docx":
        blocks: list[tuple] = []
        for line in lines:
            if line.kind in ("title", "heading"):
                blocks.append(("heading", line.text(), 0 if line.kind == "title" else 1))
            elif line.kind == "text" and all(isinstance(p, str) for p in line.parts):
                blocks.append(("paragraph", line.text()))
            elif line.kind == "text":
                blocks.append(("paragraph_links", line.parts))
        return docx_bytes(blocks)
    out = []
    for line in lines:
        if fmt == "md" and line.kind in ("title", "heading"):
            out.append(("# " if line.kind == "title" else "## ") + line.text())
        elif fmt == "md":
            out.append("".join(p if isinstance(p, str) else
                               (p[1] if p[0] == p[1] else f"[{p[0]}]({p[1]})")
                               for p in line.parts))
        else:
            out.append(line.text())
    return "\n".join(out) + "\n"


def render(facts: Facts, style: Style) -> Rendering:
    renderer = Renderer(facts, style)
    lines = renderer.report()
    return Rendering(style.fmt, serialize(lines, style.fmt), frozenset(renderer.tags),
                     renderer.notes)


def text_of(rendering: Rendering) -> str:
    """What a rendering says, comparable across formats (the .docx as its lines' text)."""
    if isinstance(rendering.content, str):
        return rendering.content
    document = docx.Document(io.BytesIO(rendering.content))
    return "\n".join(p.text for p in document.paragraphs)


# --- the corpus -------------------------------------------------------------------------------

FACT_SETS = 36
FOCUSED = {  # renderings of each value of an axis, the rest plain
    "number": 8, "claim": 6, "layout": 8, "links": 6, "fmt": 6, "approximation": 3,
    "total": 4, "placement": 3, "connector": 3, "preposition": 3, "mark": 3,
}
PAIRS = (("number", "claim"), ("approximation", "claim"))  # every value of one with the other's
MIXED_RENDERINGS = 220


def fact_sets(count: int = FACT_SETS) -> list[Facts]:
    return [make_facts(random.Random(f"hechos-{n}")) for n in range(count)]


@dataclass(frozen=True)
class Case:
    id: str
    facts: Facts
    style: Style


def corpus() -> list[Case]:
    """Renderings enumerated deterministically: each value of each axis with the rest plain
    (over fact sets that show it), each pair of values of the axes in PAIRS, then styles that
    mix every axis per claim."""
    facts = fact_sets()
    cases = []
    values = axis_values()
    for axis, choices in values.items():
        for value in choices:
            cases += _shown(facts, {axis: value}, FOCUSED.get(axis, 2))
    for one, other in PAIRS:
        for value in values[one]:
            for second in values[other]:
                cases += _shown(facts, {one: value, other: second}, 1)
    rng = random.Random("mezclas")
    for n in range(MIXED_RENDERINGS):
        cases.append(Case(f"mixed-{n}", facts[n % len(facts)], mixed_style(rng)))
    seen: Counter = Counter()
    for n, case in enumerate(cases):  # "video" and "vídeo" read the same in ASCII
        seen[case.id] += 1
        if seen[case.id] > 1:
            cases[n] = replace(case, id=f"{case.id}.{seen[case.id]}")
    return cases


def _shown(facts: list[Facts], fixed: dict[str, str], wanted: int) -> list[Case]:
    """Up to `wanted` renderings with the `fixed` values and the rest plain, each over a fact
    set on which every fixed value is actually written."""
    name = "+".join(f"{axis}:{slug(value)}" for axis, value in fixed.items())
    (first, value), *more = fixed.items()
    cases: list[Case] = []
    for tried in range(len(facts)):
        if len(cases) == wanted:
            break
        style = replace(focused_style(first, value, seed=tried), **dict(more))
        chosen = facts[(hash_of(name) + tried) % len(facts)]
        tags = render_tags(chosen, style)
        if all(f"{axis}={value}" in tags for axis, value in fixed.items()):
            cases.append(Case(f"{name}-{len(cases) + 1}", chosen, style))
    return cases


def slug(value: str) -> str:
    """A value as a test id shows it: ASCII, no spaces ("más de" -> "mas_de")."""
    ascii_only = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return "_".join(ascii_only.split())


def hash_of(*words: str) -> int:
    return sum(ord(c) * (n + 1) for n, c in enumerate("|".join(words)))


def render_tags(facts: Facts, style: Style) -> frozenset[str]:
    """The tags of a rendering, without writing its file."""
    renderer = Renderer(facts, style)
    renderer.report()
    return frozenset(renderer.tags)


