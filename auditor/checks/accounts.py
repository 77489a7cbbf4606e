"""Findings about authorship: posts from an account that is not the report's own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from cosecha.labels import platform_text

from ..model import WARNING, Finding
from .finding import about_link
from .subject import Entry, Subject


def foreign_accounts(subject: Subject) -> Iterator[Finding]:
    own: dict[str, str | None] = {}
    for entry in subject.entries:
        author = _author(entry)
        if not entry.listed_post or author is None:
            continue
        platform = entry.link.platform
        if platform not in own:
            own[platform] = _own_account(subject, platform)
        if own[platform] is not None and _same(author) != _same(own[platform]):
            source = "según la plataforma" if entry.standing.author else "según el enlace"
            yield about_link("foreign_account", WARNING, entry,
                             f"Publicación de la cuenta {author} ({source}), no de "
                             f"{own[platform]}, la cuenta del informe en {platform_text(platform)}")


def _own_account(subject: Subject, platform: str) -> str | None:
    """The --cuenta given, else the account most of the platform's links share (none on a tie)."""
    given = {name.lower(): account for name, account in subject.accounts.items()}
    if platform in given:
        return given[platform]
    authors = [a for e in subject.entries if e.link.platform == platform and (a := _author(e))]
    ranked = Counter(map(_same, authors)).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return next(a for a in authors if _same(a) == ranked[0][0])


def _author(entry: Entry) -> str | None:
    return entry.standing.author or entry.link.account


def _same(account: str) -> str:
    return account.strip().lstrip("@").casefold()
