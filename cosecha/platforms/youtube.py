"""YouTube: videos, shorts and live streams, all canonical as watch URLs."""

from __future__ import annotations

import re

from .shapes import ShapedAdapter, shape

_HOST = r"^(?:[\w-]+\.)*youtube(?:-nocookie)?\.com"
_ID = r"(?!videoseries)(?P<id>[\w-]{11})(?=[/?&]|$)"
_WATCH = "https://www.youtube.com/watch?v={id}"


class YouTubeAdapter(ShapedAdapter):
    name = "youtube"
    hosts = ("youtube.com", "youtu.be", "youtube-nocookie.com")
    labels = ("youtube", "youtube live", "canal de youtube", "yt")
    home = "www.youtube.com"
    folded = re.compile(r"(?:[\w-]+\.)*youtube\.com")
    tracking = re.compile(r"si|feature|pp|utm_\w*|fbclid", re.IGNORECASE)
    shapes = (
        shape(_HOST + r"/watch/?\?(?:.*&)?v=" + _ID, _WATCH),
        shape(_HOST + r"/(?:live|shorts|embed|v|e)/" + _ID, _WATCH),
        shape(r"^(?:www\.)?youtu\.be/" + _ID, _WATCH),
    )
    cases = {
        "https://www.youtube.com/watch?v=eiHXASgRTcA": "eiHXASgRTcA",
        "https://youtu.be/eiHXASgRTcA": "eiHXASgRTcA",
        "https://youtu.be/eiHXASgRTcA?si=Xyz123abc&t=42": "eiHXASgRTcA",
        "https://www.youtube.com/watch?feature=share&v=eiHXASgRTcA&t=1m2s": "eiHXASgRTcA",
        "https://www.youtube.com/live/eiHXASgRTcA?si=AbCdEf": "eiHXASgRTcA",
        "https://youtube.com/shorts/tjz2u2DiveM?feature=share": "tjz2u2DiveM",
        "https://www.youtube.com/embed/eiHXASgRTcA?start=10": "eiHXASgRTcA",
        "https://www.youtube-nocookie.com/embed/eiHXASgRTcA": "eiHXASgRTcA",
        "https://www.youtube.com/v/eiHXASgRTcA": "eiHXASgRTcA",
        "https://m.youtube.com/watch?v=_PL2HJKxnOM": "_PL2HJKxnOM",
        "https://music.youtube.com/watch?v=sMJ8bRN2dak&list=RDAMVM": "sMJ8bRN2dak",
        "HTTP://WWW.YOUTUBE.COM/watch?v=rwcfPqbAx-0": "rwcfPqbAx-0",
        "https://www.youtube.com/watch/?v=eiHXASgRTcA": "eiHXASgRTcA",
        "https://www.youtube.com/embed/videoseries?list=PL4qTakKkQATKOyZPJG_cAMnRtF7fAIdST": None,
        "https://www.youtube.com/playlist?list=PL4qTakKkQATKOyZPJG_cAMnRtF7fAIdST": None,
        "https://www.youtube.com/@CNEEcuador": None,
        "https://www.youtube.com/channel/UCuZeHD5SGecQomz2pVDHGzg": None,
        "https://www.youtube.com/watch?v=tooShort": None,
    }


ADAPTER = YouTubeAdapter()
