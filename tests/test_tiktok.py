"""TikTok through its public oEmbed (issue 11): the real `cosecha` against the local platform
server. Alive with author and title; no answer TikTok does not document as "gone" is broken."""

from test_harvest_integration import cosecha

from datos import open_store


def video(video_id: str) -> str:
    return f"https://www.tiktok.com/@cne_ecuador/video/{video_id}?is_from_webapp=1"


def verdict(row) -> tuple:
    return row["status"], (row["reason"] or "").split(":")[0] or None


def test_tiktok_answers_become_honest_statuses_one_oembed_request_each(plataformas, tmp_path):
    kinds = {"7300000000000000001": "alive", "7300000000000000002": "not_found",
             "7300000000000000003": "bad_request", "7300000000000000004": "html"}
    for video_id, kind in kinds.items():
        plataformas.tiktok_scenario(video_id, kind)
    code, rows = cosecha(plataformas, tmp_path / "c.db", *(video(v) for v in kinds),
                         "https://www.tiktok.com/@cne_ecuador")
    alive = rows[video("7300000000000000001")]
    assert (verdict(alive), alive["author"]) == (("alive", None), "cne_ecuador")
    assert alive["title"] == "Rendición de cuentas 7300000000000000001"
    assert alive["final_url"] == "https://www.tiktok.com/@cne_ecuador/video/7300000000000000001"
    assert {verdict(rows[video(v)]) for v in list(kinds)[1:]} == {("unverified", "unexpected")}
    assert verdict(rows["https://www.tiktok.com/@cne_ecuador"]) == ("invalid", "not_a_post")
    assert code == 0 and len(plataformas.requests) == len(kinds)
    assert all(r.path_qs.startswith("/oembed?url=") for r in plataformas.requests)


def test_a_tiktok_short_link_is_resolved_before_oembed(plataformas, tmp_path):
    db = tmp_path / "c.db"
    _code, rows = cosecha(plataformas, db, "https://vm.tiktok.com/ZMabc123/")
    assert verdict(rows["https://vm.tiktok.com/ZMabc123/"]) == ("alive", None)
    store = open_store(db)
    resolved = store.db.execute("SELECT resolved_url FROM links").fetchone()[0]
    store.close()
    assert resolved.startswith("https://www.tiktok.com/@cne_ecuador/video/")
    assert [r.host for r in plataformas.requests] == ["vm.tiktok.com", "www.tiktok.com"]
