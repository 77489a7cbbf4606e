"""Meta's Graph oEmbed (Facebook and Instagram), asked with the institution's token.

Endpoints: https://developers.facebook.com/docs/graph-api/reference/oembed-post/ (and
oembed-video, instagram-oembed), the "oEmbed Read" feature. The token travels in
`Authorization: Bearer`, never in the URL, and never follows a redirect. Signals trusted:
- 200 with a JSON object: alive, author (`author_name`) and title; oEmbed gives no date;
- an error whose code is in TOKEN_CODES (Graph's "Handling Errors" reference,
  https://developers.facebook.com/docs/graph-api/guides/error-handling: 190 access token
  expired, 102 API session, both "get a new access token"): the token is dropped for the rest of
  the run and the link is checked keyless;
- THROTTLE_CODES (same reference: 4, 17, 32, 613, "too many calls"): unverified rate_limited;
- any other error: unverified `unexpected: Graph oEmbed error CODE/SUBCODE`. No public document
  or test suite we know shows a code that means "gone or not public" (the reference's 100 is
  "invalid parameter", 10 and 200-299 are permissions), so none is broken.
"""

from __future__ import annotations

from urllib.parse import urlencode

from .answers import http_verdict, json_of, result, shorten, with_record
from .base import ALIVE, UNVERIFIED, CheckResult, Fetcher, Keys

GRAPH = "https://graph.facebook.com/v23.0/"
TOKEN = "meta"
TOKEN_CODES = {190, 102}
THROTTLE_CODES = {4, 17, 32, 613}


def batch_size(keys: Keys) -> int:
    """One post per oEmbed request, when there is a token."""
    return 1 if keys.get(TOKEN) else 0


async def oembed(fetch: Fetcher, keys: Keys, endpoint: str, url: str) -> CheckResult | None:
    """The verdict on the post at `url`; None when there is no usable token."""
    token = keys.get(TOKEN)
    if token is None:
        return None
    reply = await fetch.get(GRAPH + endpoint + "?" + urlencode({"url": url}),
                            headers={"Authorization": f"Bearer {token}"}, follow_redirects=False)
    body = json_of(reply)
    error = body.get("error") if isinstance(body, dict) else None
    if reply.status_code == 200 and isinstance(body, dict) and error is None:
        alive = result(ALIVE, None, reply, author=body.get("author_name"),
                       title=shorten(body.get("title")), final_url=url)
        return with_record(alive, body)
    if not isinstance(error, dict):
        return http_verdict(reply, "Graph oEmbed")
    code, subcode = error.get("code"), error.get("error_subcode")
    if code in TOKEN_CODES:
        keys.drop(TOKEN, f"error {code} de Graph: token vencido o no válido")
        return None
    if code in THROTTLE_CODES:
        return result(UNVERIFIED, "rate_limited", reply, final_url=url)
    named = "/".join(str(part) for part in (code, subcode) if isinstance(part, int))
    return result(UNVERIFIED, f"unexpected: Graph oEmbed error {named or 'sin código'}", reply,
                  final_url=url)
