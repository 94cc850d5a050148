"""A deterministic corpus of realistic health articles, for speed benchmarks.

    python benchmarks/make_corpus.py OUT_DIR --count N [--seed S]

Each article is 2-8 KB of UTF-8 Markdown in a topic folder under OUT_DIR: half carry YAML
front matter, the others a heading and a CMS-style metadata block (or none). The bodies mix
what claimlint reads: citations (numeric, footnote, author-year, named sources and links),
reference lists (some entries incomplete), statistics (some uncited or impossible), claims
(absolute, hedged, negated, reported, questioned), code blocks, tables, lists, quotes and,
in most articles, a disclaimer. Article ``i`` depends only on (seed, i), so a corpus of 100
is the first 100 articles of a corpus of 8,000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

MIN_BYTES, MAX_BYTES = 2048, 8192

TOPICS = {
    "nutrition": ["vitamin D deficiency", "iron deficiency", "coeliac disease", "anaemia",
                  "lactose intolerance", "food allergies", "constipation"],
    "heart": ["high blood pressure", "high cholesterol", "atrial fibrillation", "heart failure",
              "angina", "stroke", "peripheral artery disease"],
    "metabolic": ["type 2 diabetes", "prediabetes", "obesity", "fatty liver disease",
                  "insulin resistance", "thyroid disease"],
    "mental-health": ["depression", "anxiety", "insomnia", "burnout", "PTSD", "panic attacks",
                      "seasonal affective disorder"],
    "joints": ["osteoarthritis", "rheumatoid arthritis", "back pain", "gout", "osteoporosis",
               "tendinitis", "fibromyalgia"],
    "infections": ["influenza", "COVID-19", "urinary tract infections", "shingles",
                   "Lyme disease", "norovirus", "strep throat"],
}  # fmt: skip
TREATMENTS = ["this supplement", "the tea", "a daily walk", "intermittent fasting", "turmeric",
              "the keto diet", "apple cider vinegar", "cold showers", "the new app", "acupuncture",
              "a plant-based diet", "this herbal blend", "yoga", "probiotics"]  # fmt: skip
GROUPS = ["adults", "older adults", "women over 50", "children", "patients", "participants",
          "smokers", "people with diabetes", "pregnant women", "veterans"]  # fmt: skip
OUTCOMES = ["fewer hospital admissions", "lower blood pressure", "better sleep",
            "less joint pain", "a lower risk of fractures", "improved mood",
            "weight loss", "shorter symptoms"]  # fmt: skip
SURNAMES = ["Smith", "Garcia", "Okafor", "Nguyen", "Müller", "Kowalski", "Rossi", "Tanaka",
            "Haddad", "Johansson", "O'Brien", "Patel", "Dubois", "Silva", "Chen", "Reyes"]  # fmt: skip
GIVEN = ["Dana", "Amir", "Chloé", "Kwame", "Ingrid", "Luis", "Mei", "Priya", "Tom", "Zoë"]
JOURNALS = ["JAMA", "The Lancet", "BMJ", "N Engl J Med", "Ann Intern Med", "Nutrients",
            "Circulation", "Diabetes Care", "J Clin Psychiatry", "Arthritis Rheumatol"]  # fmt: skip
AGENCIES = ["the CDC", "the NHS", "the WHO", "the NIH", "the American Heart Association"]
HEADINGS = ["What is {t}?", "How common is {t}?", "Symptoms to watch for", "What the research says",
            "Treatment options", "Does {t} really help?", "Risks and side effects",
            "Practical tips", "When to see a doctor", "Myths about {t}", "Diet and lifestyle",
            "Who is most at risk?", "The bottom line"]  # fmt: skip
DISCLAIMERS = [
    "*This article is for informational purposes only and is not a substitute for "
    "professional medical advice, diagnosis or treatment.*",
    "**Disclaimer:** The content on this page is general information, not medical advice. "
    "Always talk to your doctor before changing your treatment.",
    "> Note: this guide does not replace medical advice from a qualified professional.",
]


class Writer:
    """Sentences, blocks and references for one article, drawn from one seeded generator."""

    def __init__(self, rng: random.Random, topic: str, subject: str, references: int) -> None:
        self.rng = rng
        self.topic = topic
        self.subject = subject
        self.references = references
        self.next_citation = 1  # markers mostly appear in order, as editors write them
        self.footnotes: dict[str, None] = {}  # labels in order of first use

    def pick(self, items: Sequence[str]) -> str:
        return self.rng.choice(items)

    def citation(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            number = self.next_citation if rng.random() < 0.85 else rng.randint(1, self.references)
            self.next_citation = min(self.references, self.next_citation + 1)
            if rng.random() < 0.15:
                return f" [{number}, {number + 1}]" if number < self.references else f" [{number}]"
            return f" [{number}]"
        if roll < 0.7:
            label = f"{self.pick(SURNAMES).lower().replace(chr(39), '')}{rng.randint(2005, 2025)}"
            self.footnotes[label] = None
            return f"[^{label}]"
        if roll < 0.85:
            return f" ({self.pick(SURNAMES)} et al., {rng.randint(2001, 2025)})"
        agency = self.pick(AGENCIES)
        site = agency.split()[-1].lower()
        return f" ([{agency.removeprefix('the ')}](https://www.{site}.example.org/{self.topic}))"

    def statistic(self) -> str:
        rng = self.rng
        n = rng.randint(2, 95)
        forms = [
            f"About {n}% of {self.pick(GROUPS)} with {self.subject} report {self.pick(OUTCOMES)}",
            f"Roughly {rng.randint(1, 4)} in {rng.randint(5, 12)} {self.pick(GROUPS)} "
            f"are affected by {self.subject}",
            f"In a trial of {rng.randint(40, 4000):,} {self.pick(GROUPS)}, the risk fell by "
            f"{rng.randint(5, 60)}% over {rng.randint(2, 10)} years",
            f"The rate rose from {rng.randint(5, 30)}.{rng.randint(0, 9)} to "
            f"{rng.randint(31, 60)}.{rng.randint(0, 9)} per 100,000 between "
            f"{rng.randint(1990, 2005)} and {rng.randint(2010, 2024)}",
            f"Studies show that {n} percent of {self.pick(GROUPS)} never get a diagnosis",
            f"Experts say {rng.randint(101, 180)}% of {self.pick(GROUPS)} benefit",
            f"A median dose of {rng.randint(5, 50)} µg a day was used (IQR {rng.randint(1, 5)}–"
            f"{rng.randint(51, 90)})",
        ]
        # Vague sources and impossible figures are the exception in real articles.
        sentence = rng.choices(forms, weights=(6, 4, 4, 3, 1.5, 0.5, 2))[0]
        return sentence + (self.citation() if rng.random() < 0.7 else "") + "."

    def claim(self) -> str:
        rng = self.rng
        t, s = self.pick(TREATMENTS), self.subject
        forms = [
            f"{t.capitalize()} cures {s}",
            f"{t.capitalize()} is 100% effective against {s}",
            f"{t.capitalize()} has no side effects",
            f"It is clinically proven that {t} prevents {s}",
            f"{t.capitalize()} may help some people with {s}",
            f"{t.capitalize()} does not cure {s}",
            f"Some sellers claim that {t} cures {s}",
            f"Can {t} cure {s}?",
            f"{t.capitalize()} is a miracle cure for {s}",
            f"There is no cure for {s}, but treatment can ease symptoms",
            f"{t.capitalize()} is completely safe for everyone",
            f"{t.capitalize()} could lower the risk of {s} in some cases",
        ]
        # Hedged, negated and reported wording is more common than unsupported absolutes.
        sentence = rng.choices(forms, weights=(1, 1, 1, 1, 3, 2, 2, 1, 1, 2, 1, 3))[0]
        if sentence.endswith("?"):
            return sentence
        return sentence + (self.citation() if rng.random() < 0.3 else "") + "."

    def plain(self) -> str:
        rng = self.rng
        s = self.subject
        forms = [
            f"{s.capitalize()} affects how the body handles everyday stress",
            f"Your doctor can check for {s} with a simple test at a routine visit",
            f"Symptoms of {s} often build slowly, so many people miss them for years",
            f"Guidelines from {self.pick(AGENCIES)} recommend a review every {rng.randint(1, 5)} years",
            "A balanced diet, regular activity and enough sleep all play a part",
            f"Talk to a pharmacist before combining {self.pick(TREATMENTS)} with other medicines",
            f"Dr. {self.pick(SURNAMES)}, a specialist in {self.topic.replace('-', ' ')}, "
            f"says the evidence is still growing",
            "Results vary, and what works for one person may not suit another",
            "Keep a diary of symptoms, e.g. when they start and what eases them",
            f"Research on {s} has grown quickly since {rng.randint(1995, 2015)}",
        ]  # fmt: skip
        sentence = rng.choice(forms)
        return sentence + (self.citation() if rng.random() < 0.25 else "") + "."

    def paragraph(self) -> str:
        makers: list[Callable[[], str]] = [self.plain] * 5 + [self.statistic] * 2 + [self.claim]
        count = self.rng.randint(3, 7)
        return " ".join(self.rng.choice(makers)() for _ in range(count))

    def bullet_list(self) -> str:
        numbered = self.rng.random() < 0.3
        items = [self.rng.choice([self.plain, self.statistic, self.claim])() for _ in range(4)]
        return "\n".join(
            f"{i}. {item}" if numbered else f"- {item}" for i, item in enumerate(items, 1)
        )

    def table(self) -> str:
        rng = self.rng
        rows = [
            f"| {group} | {rng.randint(5, 60)}% | {rng.randint(1, 9)}.{rng.randint(0, 9)} |"
            for group in rng.sample(GROUPS, 4)
        ]
        return "\n".join(["| Group | Share affected | Relative risk |", "|---|---:|---:|", *rows])

    def code_block(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            body = "\n".join(
                f"{day}: {rng.randint(90, 160)}/{rng.randint(60, 100)} mmHg"
                for day in ("Mon", "Tue", "Wed", "Thu", "Fri")
            )
            return f"```text\n{body}\n```"
        return (
            "```python\n"
            f"# dose in micrograms; this cures nothing, it is just arithmetic\n"
            f"dose = {rng.randint(5, 50)} * weight_kg / 70\n"
            f"print(f'{{dose:.1f}} ug, 100% of the target')\n"
            "```"
        )

    def quote(self) -> str:
        return f"> {self.plain()} {self.plain()}"

    def block(self) -> str:
        roll = self.rng.random()
        if roll < 0.62:
            return self.paragraph()
        if roll < 0.74:
            return self.bullet_list()
        if roll < 0.82:
            return self.table()
        if roll < 0.9:
            return self.code_block()
        return self.quote()

    def heading(self) -> str:
        return "## " + self.pick(HEADINGS).format(t=self.subject)

    def reference(self, number: int) -> str:
        rng = self.rng
        authors = ", ".join(
            f"{self.pick(SURNAMES)} {self.pick(GIVEN)[0]}" for _ in range(rng.randint(1, 3))
        )
        year = rng.randint(1998, 2025)
        title = f"{self.pick(OUTCOMES).capitalize()} and {self.subject}: a cohort study"
        roll = rng.random()
        if roll < 0.1:
            return f"{number}. {authors}. {title}. {self.pick(JOURNALS)}."  # no year, no DOI
        if roll < 0.3:
            site = self.pick(AGENCIES).split()[-1].lower()
            return (
                f"{number}. {title}. {year}. https://www.{site}.example.org/{self.topic}/{number}"
            )
        volume, page = rng.randint(1, 400), rng.randint(1, 2000)
        doi = f"10.{rng.randint(1000, 9999)}/{self.topic[:4]}.{year}.{rng.randint(100, 99999)}"
        return f"{number}. {authors}. {title}. {self.pick(JOURNALS)}. {year};{volume}:{page}-{page + rng.randint(3, 15)}. doi:{doi}"

    def reference_list(self) -> str:
        heading = self.pick(["## References", "## Sources", "**References**", "### Bibliography"])
        entries = [self.reference(n) for n in range(1, self.references + 1)]
        notes = [
            f"[^{label}]: {self.pick(SURNAMES)} et al. {self.subject.capitalize()} update. "
            f"{self.pick(JOURNALS)}. {label[-4:]}. doi:10.{1000 + len(label)}/{label}"
            for label in self.footnotes
        ]
        return "\n\n".join([heading, "\n".join(entries), *notes])


def _front_matter(rng: random.Random, title: str, slug: str, when: dt.date) -> str:
    lines = [
        "---",
        f'title: "{title}"',
        f"slug: {slug}",
        f"date: {when.isoformat()}",
    ]
    if rng.random() < 0.85:
        lines.append(f"author: {rng.choice(GIVEN)} {rng.choice(SURNAMES)}, RD")
    if rng.random() < 0.4:
        lines.append(f"updated: {(when + dt.timedelta(days=rng.randint(10, 400))).isoformat()}")
    lines.append(f'description: "What to know about {title.lower()}, from the evidence."')
    lines.append(f"tags: [{', '.join(rng.sample(list(TOPICS), 2))}]")
    lines.append("---")
    return "\n".join(lines)


def _metadata_block(rng: random.Random, title: str, when: dt.date) -> str:
    roll = rng.random()
    if roll < 0.5:
        return (
            f"# {title}\n\n**Published:** {when.isoformat()}\n\n"
            f"**Author:** {rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        )
    if roll < 0.8:
        return f"# {title}\n\nBy {rng.choice(GIVEN)} {rng.choice(SURNAMES)}, MD"
    return f"# {title}"


def article(seed: int, index: int, size: int | None = None) -> tuple[str, str, str]:
    """(topic, file name, text) of article ``index``; ``size`` overrides its target size."""
    rng = random.Random(f"claimlint-corpus:{seed}:{index}")
    topic = rng.choice(sorted(TOPICS))
    subject = rng.choice(TOPICS[topic])
    title = rng.choice(
        [
            f"{subject.capitalize()}: what the evidence says",
            f"A practical guide to {subject}",
            f"Living with {subject}",
            f"{subject.capitalize()} explained",
        ]
    )
    slug = "-".join(title.lower().replace(":", "").replace("-", " ").split())[:60]
    when = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 3200))
    target = size if size is not None else rng.randint(MIN_BYTES + 200, MAX_BYTES - 900)
    large = size is not None and size > MAX_BYTES
    writer = Writer(rng, topic, subject, references=rng.randint(3, 8) if not large else 40)
    head = (
        _front_matter(rng, title, slug, when)
        if index % 2 == 0
        else _metadata_block(rng, title, when)
    )
    blocks = [head, writer.paragraph()]
    disclaimer = rng.choice(DISCLAIMERS) if rng.random() < 0.7 else ""

    # Grow the body against an estimate of the tail, so a 4 MB article is built in linear time.
    body = sum(len(b.encode("utf-8")) + 2 for b in blocks)
    tail = writer.references * 170 + len(disclaimer.encode("utf-8")) + 40
    while body + tail + 90 * len(writer.footnotes) < target:
        block = writer.heading() if rng.random() < 0.22 else writer.block()
        blocks.append(block)
        body += len(block.encode("utf-8")) + 2
    references = writer.reference_list()
    tail = len(references.encode("utf-8")) + (
        len(disclaimer.encode("utf-8")) + 2 if disclaimer else 0
    )
    if not large:
        while body + tail > MAX_BYTES and len(blocks) > 2:
            body -= len(blocks.pop().encode("utf-8")) + 2
        while body + tail < MIN_BYTES:
            blocks.append(writer.paragraph())
            body += len(blocks[-1].encode("utf-8")) + 2
    parts = [*blocks, disclaimer, references] if disclaimer else [*blocks, references]
    name = f"{index:05d}-{slug}.md"
    return topic, name, "\n\n".join(parts) + "\n"


def make_corpus(out: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` articles under ``out`` (in topic folders); returns their paths."""
    paths = []
    for index in range(count):
        topic, name, text = article(seed, index)
        path = out / topic / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_large_article(path: Path, size: int, seed: int = 0) -> Path:
    """One article of about ``size`` bytes (e.g. 4 MB) with the same mix of content."""
    _, _, text = article(seed, 0, size=size)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the articles into")
    parser.add_argument("--count", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=0, help="seed (default 0)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must not be negative")
    paths = make_corpus(args.out, args.count, args.seed)
    total = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} articles ({total / 1e6:.1f} MB) under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
