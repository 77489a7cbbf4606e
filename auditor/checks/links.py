"""Findings about single links: their status, repeats, and links that are not countable posts."""

from __future__ import annotations

from collections.abc import Iterator

from cosecha.labels import moment, platform_text, plural, stated_reason
from cosecha.platforms.base import ALIVE, BROKEN, UNVERIFIED

from ..model import ERROR, INFO, WARNING, Finding, Standing
from .finding import about_link, about_report
from .subject import INVALID_LINK, NOT_A_POST, POSTS, REFUSED_LINK, Entry, Subject


def broken_links(subject: Subject) -> Iterator[Finding]:
    for entry in _listed_with(subject, BROKEN):
        finding = about_link("broken_link", ERROR, entry, _broken(entry.standing))
        finding.archived_url = entry.standing.archived_url  # a suggestion: the status stands
        yield finding


def unverified_links(subject: Subject) -> Iterator[Finding]:
    for entry in _listed_with(subject, UNVERIFIED):
        yield about_link("unverified_link", INFO, entry,
                         f"Enlace sin verificar: {stated_reason(entry.standing.reason)}")


def nothing_verified(subject: Subject) -> Iterator[Finding]:
    """The report claims and lists posts and not one could be verified or confirmed: nothing to
    sign on. (A report that claims nothing is at most signable with reservations: no_claims.)"""
    posts = [entry for entry in subject.entries if entry.listed_post]
    claims = any(c.unit == POSTS for phase in subject.report.phases for c in phase.claims)
    if claims and posts and not any(entry.standing.status in (ALIVE, BROKEN)
                                    or entry.standing.manual for entry in posts):
        yield about_report("nothing_verified", ERROR,
                           f"Ningún enlace pudo verificarse: "
                           f"{plural(len(posts), 'publicación', 'publicaciones')} "
                           f"sin verificar ni confirmar")


def manual_confirmations(subject: Subject) -> Iterator[Finding]:
    """A person vouched for a live link: every table must show it was not a robot's check."""
    for entry in _listed_with(subject, ALIVE):
        if entry.standing.manual:
            yield about_link("manual_confirmation", INFO, entry,
                             "Enlace vivo" + _confirmed(entry.standing))


def duplicate_links(subject: Subject) -> Iterator[Finding]:
    for entry in subject.entries:
        if entry.first is not None:
            first = entry.first
            where = f"la fase {first.phase.key}" if first.phase.key else "el informe"
            yield about_link("duplicate_link", WARNING, entry,
                             f"Publicación repetida: ya enlazada en {where}, línea "
                             f"{first.link.line}; cuenta una sola vez")


def not_posts(subject: Subject) -> Iterator[Finding]:
    for entry in _of_kind(subject, NOT_A_POST):
        yield about_link("not_a_post", WARNING, entry,
                         f"El enlace de {platform_text(entry.link.platform)} no apunta a una "
                         "publicación (perfil o página de inicio); no cuenta como evidencia")


def invalid_links(subject: Subject) -> Iterator[Finding]:
    for entry in _of_kind(subject, INVALID_LINK):
        yield about_link("invalid_link", WARNING, entry,
                         f"Enlace no verificable: {stated_reason(entry.standing.reason)}")


def refused_links(subject: Subject) -> Iterator[Finding]:
    for entry in _of_kind(subject, REFUSED_LINK):
        yield about_link("refused_link", WARNING, entry,
                         "Enlace a una dirección privada o local en un informe público; "
                         "no se consultó")


def platform_mismatches(subject: Subject) -> Iterator[Finding]:
    for entry in subject.entries:
        link = entry.link
        if link.listed_as is not None and link.listed_as != link.platform:
            yield about_link("platform_mismatch", WARNING, entry,
                             f"Enlace listado como {platform_text(link.listed_as)} pero es de "
                             f"{platform_text(link.platform)}; "
                             f"se cuenta en {platform_text(link.platform)}")


def _listed_with(subject: Subject, status: str) -> Iterator[Entry]:
    return (e for e in subject.entries if e.listed and e.standing.status == status)


def _of_kind(subject: Subject, kind: str) -> Iterator[Entry]:
    return (e for e in subject.entries if e.kind == kind)


def _broken(evidence: Standing) -> str:
    if not evidence.manual:
        return f"Enlace roto: {stated_reason(evidence.reason)}"
    return "Enlace roto" + _confirmed(evidence)


def _confirmed(evidence: Standing) -> str:
    """ " (confirmación manual de Ana, 29/11/2026 02:31: «la vi borrada»)": who, when, note."""
    # a note also travels as the reason of a confirmation ("manual" when they left none)
    note = evidence.note or (evidence.reason if evidence.reason not in (None, "", "manual")
                             else None)
    who = f" de {evidence.checked_by}" if evidence.checked_by else ""
    when = f", {moment(evidence.checked_at)}" if evidence.checked_at else ""
    return f" (confirmación manual{who}{when}" + (f": «{note}»)" if note else ")")
