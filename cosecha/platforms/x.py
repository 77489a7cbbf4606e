"""X (Twitter): status URLs, dated offline by their snowflake id."""

from __future__ import annotations

import re

from .shapes import ShapedAdapter, shape

_HOST = r"^(?:[\w-]+\.)*(?:x|twitter)\.com"
_RESERVED = (r"(?!(?:home|explore|search|i|intent|share|hashtag|settings|notifications|messages"
             r"|login|signup|logout|tos|privacy|compose|download)(?=[/?]))")


class XAdapter(ShapedAdapter):
    name = "x"
    hosts = ("x.com", "twitter.com", "t.co")
    labels = ("x", "twitter", "x (antes twitter)", "x/twitter", "twitter/x", "x (twitter)",
              "x (ex twitter)", "x (ex-twitter)", "twitter (x)")
    units = ("tuits", "tweets", "tuit", "tweet", "retuits", "retweets")
    home = "x.com"
    folded = re.compile(r"(?:[\w-]+\.)*(?:x|twitter)\.com")
    tracking = re.compile(r"s|t|ref_src|ref_url|utm_\w*|fbclid", re.IGNORECASE)
    shapes = (
        shape(_HOST + r"/i/(?:web/)?status(?:es)?/(?P<id>\d+)(?=[/?])",
              "https://x.com/i/status/{id}"),
        shape(_HOST + r"/(?P<account>\w{1,15})/status(?:es)?/(?P<id>\d+)(?=[/?])",
              "https://x.com/{account}/status/{id}"),
        shape(_HOST + "/" + _RESERVED + r"(?P<account>\w{1,15})/?\?", "https://x.com/{account}"),
    )
    cases = {
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
    }


ADAPTER = XAdapter()
