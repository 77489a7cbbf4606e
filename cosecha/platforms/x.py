"""X (Twitter): status URLs, dated offline by their snowflake id, checked keyless.

Signals trusted (when X changes its answers, change this header and the SIGNALS table):
- the date: the status id itself, `(id >> 22) + SNOWFLAKE_EPOCH_MS` (ids from SNOWFLAKE_FIRST_ID);
- the record: the embed widgets' syndication endpoint (SYNDICATION), keyed by a token derived from
  the id, decides in one request: `Tweet` with `user` is alive; `TweetTombstone` is read by its
  text (SIGNALS), an empty one being withheld from logged-out readers (alive restricted);
- the confirmation: publish.twitter.com oEmbed (OEMBED), asked only when the record is missing
  (a 404, not a verdict alone) or incomplete (a tweet without `user`: a suspended author?).
Anything else (HTML where JSON was expected, broken JSON, `{}`, an unknown typename or tombstone
text) is unverified `unexpected: ...` naming what was seen, never broken.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from .answers import (
    described,
    http_verdict,
    iso_utc,
    json_of,
    not_a_post,
    result,
    shorten,
    unexpected,
    with_record,
)
from .base import ALIVE, BROKEN, UNVERIFIED, CheckResult, Fetcher, Reply, UrlInfo
from .shapes import ShapedAdapter, shape

SYNDICATION = "https://cdn.syndication.twimg.com/tweet-result?id={id}&token={token}"
OEMBED = "https://publish.twitter.com/oembed?"
SNOWFLAKE_EPOCH_MS = 1288834974657
SNOWFLAKE_FIRST_ID = 29700859247  # older ids were sequential and carry no date
# record keys that follow the counters, not the post: "conversation" once someone replies
VOLATILE = frozenset({"news_action_type"})

# Tombstone text (lower case) -> verdict; the first match wins. Age, sensitive and withheld
# tombstones: the post exists but is hidden from logged-out readers.
WITHHELD = (ALIVE, "restricted")
SIGNALS: tuple[tuple[str, str, str], ...] = (
    ("age-restricted", *WITHHELD),
    ("sensitive", *WITHHELD),
    ("withheld", *WITHHELD),
    ("deleted by the post author", BROKEN, "deleted"),
    ("suspended", BROKEN, "suspended"),
    ("no longer exists", BROKEN, "account_gone"),
    ("limits who can view", BROKEN, "protected"),
    ("violated the", BROKEN, "removed"),
)

_HOST = r"^(?:[\w-]+\.)*(?:x|twitter)\.com"
_RESERVED = (r"(?!(?:home|explore|search|i|intent|share|hashtag|settings|notifications|messages"
             r"|login|signup|logout|tos|privacy|compose|download)(?=[/?]))")


class XAdapter(ShapedAdapter):
    name = "x"
    hosts = ("x.com", "twitter.com", "t.co")
    labels = ("x", "twitter", "x (antes twitter)", "x/twitter", "twitter/x", "x (twitter)",
              "x (ex twitter)", "x (ex-twitter)", "twitter (x)")
    units = ("tuits", "tweets", "tuit", "tweet", "retuits", "retweets", "retuit", "retweet",
             "trinos", "trino", "hilos", "hilo")
    home = "x.com"
    folded = re.compile(r"(?:[\w-]+\.)*(?:x|twitter)\.com")
    tracking = re.compile(r"s|t|ref_src|ref_url|utm_\w*|fbclid", re.IGNORECASE)
    shapes = (
        shape(_HOST + r"/i/(?:web/)?status(?:es)?/(?P<id>\d{1,19})(?=[/?])",
              "https://x.com/i/status/{id}"),
        shape(_HOST + r"/(?P<account>\w{1,15})/status(?:es)?/(?P<id>\d{1,19})(?=[/?])",
              "https://x.com/{account}/status/{id}"),
        shape(_HOST + "/" + _RESERVED + r"(?P<account>\w{1,15})/?\?", "https://x.com/{account}"),
    )
    cases: ClassVar[dict[str, str | None]] = {
        "https://x.com/CNE_StaElena/status/1935399367130657167": "1935399367130657167",
        "https://twitter.com/pepephone/status/436461658601713664": "436461658601713664",
        "http://www.twitter.com/bpoweski/status/71633762": "71633762",
        "https://mobile.twitter.com/user/status/1580661436132757506": "1580661436132757506",
        "https://twitter.com/user/statuses/1580661436132757506": "1580661436132757506",
        "https://x.com/i/web/status/1580661436132757506": "1580661436132757506",
        "https://twitter.com/i/status/1580661436132757506": "1580661436132757506",
        "https://x.com/user/status/1580661436132757506/photo/1": "1580661436132757506",
        "https://x.com/user/status/1580661436132757506/video/1": "1580661436132757506",
        "https://x.com/user/status/1580661436132757506?s=20&t=abcDEF": "1580661436132757506",
        "https://X.COM/User_1/status/1580661436132757506/": "1580661436132757506",
        "https://twitter.com/#!/user/status/1580661436132757506": "1580661436132757506",
        "https://t.co/AbCdEf1234": None,
        "https://x.com/CNE_StaElena": None,
        "https://twitter.com/home": None,
        "https://x.com/search?q=cne": None,
        "https://x.com/user/status/notanumber": None,
        "https://x.com/user/status/12345678901234567890123": None,  # longer than any snowflake
    }

    def offline_facts(self, info: UrlInfo) -> CheckResult | None:
        published = snowflake_date(info.post_id)
        return result(UNVERIFIED, "offline", published_at=published) if published else None

    async def check(self, info: UrlInfo, fetch: Fetcher) -> CheckResult:
        if info.post_id is None:
            return not_a_post(info)
        found = await self._syndication(info, fetch)
        found.published_at = found.published_at or snowflake_date(info.post_id)
        return found

    async def _syndication(self, info: UrlInfo, fetch: Fetcher) -> CheckResult:
        url = SYNDICATION.format(id=info.post_id, token=syndication_token(info.post_id))
        reply = await fetch.get(url)
        if reply.status_code == 404:
            return await self._oembed(info, fetch)
        if reply.status_code != 200:
            return http_verdict(reply, "syndication")
        record = json_of(reply)
        if not isinstance(record, dict):
            return unexpected(f"syndication answered {described(reply)}", reply)
        return await self._read_record(record, reply, info, fetch)

    async def _read_record(self, record: dict, reply: Reply, info: UrlInfo,
                           fetch: Fetcher) -> CheckResult:
        kind = record.get("__typename")
        if kind == "Tweet" and isinstance(record.get("user"), dict):
            alive = result(ALIVE, None, reply, author=record["user"].get("screen_name"),
                           published_at=iso_utc(record.get("created_at")),
                           title=shorten(record.get("text")))
            return with_record(alive, record, text=record.get("text"), volatile=VOLATILE)
        if kind == "Tweet":  # a suspended author's post comes back without `user`
            return await self._oembed(info, fetch)
        if kind == "TweetTombstone" or "tombstone" in record:
            return _read_tombstone(record.get("tombstone"), reply)
        if not record:
            return unexpected("syndication answered {} (token refused?)", reply)
        return unexpected(f"syndication __typename {kind!r}", reply)

    async def _oembed(self, info: UrlInfo, fetch: Fetcher) -> CheckResult:
        status_url = f"https://twitter.com/{info.account or 'i'}/status/{info.post_id}"
        reply = await fetch.get(OEMBED + urlencode({"url": status_url, "omit_script": "1"}))
        if reply.status_code == 404:
            return result(BROKEN, "deleted", reply)
        if reply.status_code == 403:
            reason = "suspended" if "suspended" in reply.text().lower() else "protected"
            return result(BROKEN, reason, reply)
        if reply.status_code != 200:
            return http_verdict(reply, "oembed")
        embed = json_of(reply)
        if not isinstance(embed, dict) or not embed.get("author_url"):
            return unexpected(f"oembed answered {described(reply)}", reply)
        text = _embedded_text(embed.get("html"))
        alive = result(ALIVE, None, reply, author=_last_segment(embed["author_url"]),
                       title=shorten(text))
        return with_record(alive, embed, text=text)


def _read_tombstone(tombstone, reply: Reply) -> CheckResult:
    text = _tombstone_text(tombstone)
    if not text:  # an empty tombstone: withheld from logged-out readers, not gone
        return result(*WITHHELD, reply)
    for needle, status, reason in SIGNALS:
        if needle in text.lower():
            return result(status, reason, reply)
    return unexpected(f"tombstone {shorten(text, 80)!r}", reply)


def snowflake_date(post_id: str | None) -> str | None:
    if not post_id or not post_id.isdigit() or int(post_id) < SNOWFLAKE_FIRST_ID:
        return None
    ms = (int(post_id) >> 22) + SNOWFLAKE_EPOCH_MS
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def syndication_token(post_id: str) -> str:
    """The token the embed widgets send: ((id / 1e15) * π) in base 36, zeros and dot removed."""
    return re.sub(r"0+|\.", "", _js_radix(int(post_id) / 1e15 * math.pi, 36))


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _js_radix(value: float, radix: int) -> str:
    """JavaScript's `Number.prototype.toString(radix)` for a non-negative double, as V8 does it:
    fraction digits only up to the double's precision, rounded half to even."""
    integer, fraction = math.floor(value), value - math.floor(value)
    delta = max(0.5 * (math.nextafter(value, math.inf) - value), math.ulp(0.0))
    digits: list[int] = []
    while fraction >= delta:
        fraction, delta = fraction * radix, delta * radix
        digits.append(int(fraction))
        fraction -= digits[-1]
        if (fraction > 0.5 or (fraction == 0.5 and digits[-1] & 1)) and fraction + delta > 1:
            while digits and digits[-1] + 1 == radix:  # carry into the written digits
                digits.pop()
            if digits:
                digits[-1] += 1
            else:
                integer += 1
            break
    whole = ""
    while True:
        integer, remainder = divmod(integer, radix)
        whole = _DIGITS[remainder] + whole
        if not integer:
            break
    return whole + ("." + "".join(_DIGITS[d] for d in digits) if digits else "")


def _tombstone_text(tombstone) -> str:
    if not isinstance(tombstone, dict):
        return ""
    text = tombstone.get("text")
    return str(text.get("text", "")) if isinstance(text, dict) else str(text or "")


def _last_segment(url: str) -> str | None:
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[-1] if parts else None


def _embedded_text(html: str | None) -> str | None:
    node = HTMLParser(html).css_first("p") if html else None
    return (" ".join(node.text().split()) or None) if node is not None else None


ADAPTER = XAdapter()
