"""``POST /resolve``'s fast path answers exactly what the route answers.

The same requests — exact names, synonyms, misspellings, unknown names, resource names,
conditions, subject keys, dates before and after the 2025 regulation, query parameters,
media types, malformed bodies — go to an application with the fast path and to one
without; status, headers and body must be the same bytes. The application with the fast
path lives for the whole module, so its remembered item answers meet requests of other
dates, rules and options.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from govcatalog.resolve import build_index, load_base_pack, request_from_dict, resolve
from govcatalog.resolve.answers import ResolveOptions
from govcatalog.service.app import create_app
from govcatalog.service.fastjson import dumps
from govcatalog.service.limits import Message
from govcatalog.service.resolve_api import INLINE_BYTES
from govcatalog.service.resolve_fast import FastResolve, query_options
from govcatalog.service.resolve_json import ItemFragments, answer_json
from govcatalog.service.settings import ServiceSettings
from govcatalog.store.database import open_database

BASES = load_base_pack()
NAMES = sorted(
    {i.name for _, c in BASES.iter_catalogs() for r in c.resources for i in r.items if i.name}
)
SYNONYMS = sorted(BASES.synonyms.normalised())[::700]
RESOURCES = sorted({r.name for _, c in BASES.iter_catalogs() for r in c.resources if r.name})[:10]
INDEX = build_index(BASES)
FRAGMENTS = ItemFragments()
CONDITIONS = {
    "basis": "《社会救助暂行办法》第十一条",
    "scene": "最低生活保障家庭经济状况核对",
    "scope": "襄阳市民政局社会救助科",
    "method": "服务接口",
    "period": "2025-09-01至2026-08-31",
}


class Client:
    """Requests to an ASGI application in this process, one event loop each."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                return await http.request(method, url, **kwargs)

        return asyncio.run(send())

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def get(self, url: str) -> httpx.Response:
        return self.request("GET", url)


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Client, Client]]:
    """The application with the fast path, and without, over one store; resolvers built."""
    folder = tmp_path_factory.mktemp("fast")
    db = open_database(f"sqlite:///{folder / 'store.sqlite'}")
    apps = [
        create_app(ServiceSettings(), db),
        create_app(ServiceSettings(), db, fast_resolve=False),
    ]
    for app in apps:
        app.state.service.resolve_base()
    yield Client(apps[0]), Client(apps[1])
    db.dispose()


@st.composite
def item_names(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["exact", "synonym", "misspelt", "unknown", "resource", "owned"]))
    if kind == "exact":
        return draw(st.sampled_from(NAMES))
    if kind == "synonym":
        return draw(st.sampled_from(SYNONYMS))
    if kind == "resource":
        return draw(st.sampled_from(RESOURCES))
    if kind == "owned":  # whose item it is, before the item's name (contained)
        return draw(st.sampled_from(["申请人", "配偶", "法定代表人"])) + draw(
            st.sampled_from(NAMES)
        )
    if kind == "unknown":
        return draw(st.text(min_size=0, max_size=8))
    name = draw(st.sampled_from(NAMES))
    at = draw(st.integers(0, len(name)))
    return name[:at] + draw(st.sampled_from("的之号信息码")) + name[at:]


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    request: dict[str, Any] = {
        "requester": {
            "name": draw(st.sampled_from([*["某市民政局", "襄阳市医疗保障局"] * 4, " "]))
        },
        "items": draw(st.lists(item_names(), max_size=12)),
    }
    if draw(st.booleans()):
        request["purpose"] = draw(
            st.sampled_from([*["业务协同", "作为行政依据", "数据校核"] * 3, "不是用途"])
        )
    day = draw(st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(2027, 12, 31))))
    if day is not None:
        request["date"] = day.isoformat()
    if draw(st.booleans()):
        request.update(CONDITIONS)
        request["scope"] = draw(st.sampled_from(["襄阳市民政局社会救助科", "襄阳市教育局"]))
    keys = st.sampled_from(
        [
            {"kind": "公民身份号码", "value": "11010519491231002X"},
            "91420600MA4ABCDE0X",
            "420602",
        ]
    )
    if draw(st.booleans()):
        request["keys"] = draw(st.lists(keys, max_size=3))
    return request


def queries() -> st.SearchStrategy[str]:
    """Query strings: ``accept``, ``today``, ``complete`` and others, some invalid."""
    accept = st.one_of(
        st.integers(0, 120).map(str),
        st.from_regex(r"\A\d{1,3}(\.\d{1,7})?\Z"),
        st.sampled_from(["", "nan", "-1", "1e2", "+5", " 70", "100.0000001", "070"]),
    )
    today = st.one_of(
        st.dates(dt.date(2015, 1, 1), dt.date(2027, 12, 31)).map(dt.date.isoformat),
        st.dates(dt.date(1890, 1, 1), dt.date(2110, 1, 1)).map(dt.date.isoformat),
        st.sampled_from(["2025-02-30", "20250101", "", "2025-9-1"]),
    )
    pair = st.one_of(
        st.tuples(st.just("accept"), accept),
        st.tuples(st.just("today"), today),
        st.tuples(st.just("complete"), st.sampled_from(["true", "false", "0", "yes"])),
        st.tuples(st.sampled_from(["filename", "other"]), st.sampled_from(["r.csv", "x"])),
    )
    return st.lists(pair, max_size=2).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs))


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    """Requests as JSON, some malformed."""
    form = draw(st.sampled_from(["json"] * 8 + ["broken", "bytes"]))
    if form == "broken":
        return draw(st.sampled_from([b"", b"[1]", b"{", b'{"items": 5}', b"\xff\xfe{}", b"null"]))
    if form == "bytes":
        return draw(st.binary(max_size=40))
    text = json.dumps(draw(requests()), ensure_ascii=draw(st.booleans()))
    return text.encode("utf-8")


def _same(fast: Any, route: Any) -> None:
    assert fast.status_code == route.status_code, (fast.text[:300], route.text[:300])
    assert fast.headers.multi_items() == route.headers.multi_items()
    assert fast.content == route.content


def _compare(clients: tuple[Client, Client], query: str, body: bytes, media: str | None) -> None:
    fast, route = clients
    url = f"/resolve?{query}" if query else "/resolve"
    headers = {"Content-Type": media} if media else {}
    expected = route.post(url, content=body, headers=headers)
    event(f"route answered {expected.status_code}")
    for _ in range(2):  # the second time from the items' remembered JSON
        _same(fast.post(url, content=body, headers=headers), expected)


MEDIA = [
    *["application/json"] * 4,
    "application/json; charset=utf-8",
    "TEXT/JSON",
    "text/csv",
    None,
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=bodies(), media=st.sampled_from(MEDIA))
def test_the_fast_path_answers_each_body_as_the_route(
    clients: tuple[Client, Client], body: bytes, media: str | None
) -> None:
    _compare(clients, "", body, media)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=queries(), request=requests())
def test_the_fast_path_reads_each_query_as_the_route(
    clients: tuple[Client, Client], query: str, request: dict[str, Any]
) -> None:
    body = json.dumps(request, ensure_ascii=False).encode("utf-8")
    _compare(clients, query, body, "application/json")


@settings(max_examples=100, deadline=None)
@given(request=requests(), day=st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)))
def test_answer_json_is_the_json_form_encoded(request: dict[str, Any], day: dt.date) -> None:
    try:
        parsed = request_from_dict(request)
    except Exception:  # an invalid request: the route answers it, not the writer
        return
    options = ResolveOptions(today=day)
    for _ in range(2):
        result = resolve(parsed, INDEX, bases=BASES, options=options)
        assert answer_json(result, FRAGMENTS) == dumps(result.to_json_dict())


def test_a_large_request_and_a_streamed_one_take_the_route(
    clients: tuple[Client, Client],
) -> None:
    fast, route = clients
    large = json.dumps({"requester": "某市民政局", "items": NAMES * 20}, ensure_ascii=False)
    assert len(large.encode()) > INLINE_BYTES
    headers = {"Content-Type": "application/json"}
    _same(
        fast.post("/resolve", content=large, headers=headers),
        route.post("/resolve", content=large, headers=headers),
    )

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: sent chunked
        yield b'{"requester": "x", '
        yield b'"items": ["' + NAMES[0].encode() + b'"]}'

    streamed = fast.post("/resolve", content=chunks(), headers=headers)
    assert streamed.status_code == 200
    assert streamed.json()["items"][0]["kind"] == "exact"


def test_the_openapi_document_is_the_same(clients: tuple[Client, Client]) -> None:
    fast, route = clients
    assert fast.get("/openapi.json").content == route.get("/openapi.json").content


class _Inner:
    """An application that records the requests it was given, and answers 299."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        self.bodies.append(body)
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def _call(app: FastResolve, query: bytes, body: bytes, media: bytes) -> int:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/resolve",
        "query_string": query,
        "headers": [(b"content-type", media), (b"content-length", str(len(body)).encode())],
    }
    messages: list[Message] = [
        {"type": "http.request", "body": body[:5], "more_body": True},
        {"type": "http.request", "body": body[5:], "more_body": False},
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return int(sent[0]["status"])


def test_only_what_the_fast_path_reads_exactly_passes_it(
    clients: tuple[Client, Client],
) -> None:
    app = clients[0].app
    assert isinstance(app, FastAPI)
    inner = _Inner()
    fast = FastResolve(inner, app.state.service)
    good = json.dumps({"requester": "x", "items": NAMES[:3]}).encode()
    assert _call(fast, b"", good, b"application/json") == 200
    assert _call(fast, b"accept=70&today=2025-09-01", good, b"text/json; charset=utf-8") == 200
    assert inner.bodies == []
    refused = [
        (b"complete=true", good, b"application/json"),
        (b"accept=70&accept=80", good, b"application/json"),
        (b"filename=r.json", good, b"application/json"),
        (b"today=2025-02-30", good, b"application/json"),
        (b"", good, b"text/csv"),
        (b"", b"[1]", b"application/json"),  # an error: the route answers it
        (b"", b'{"requester": "x", "items": ["' + b"a" * INLINE_BYTES + b'"]}', b"text/json"),
    ]
    for query, body, media in refused:
        assert _call(fast, query, body, media) == 299
    assert inner.bodies == [body for _, body, _ in refused]  # the body read is given on


@pytest.mark.parametrize(
    ("query", "options"),
    [
        (b"", (80.0, None)),
        (b"accept=70.5", (70.5, None)),
        (b"today=2025-09-01&accept=100", (100.0, dt.date(2025, 9, 1))),
        (b"accept=100.5", None),
        (b"accept=1e2", None),
        (b"accept=", None),
        (b"today=2025-9-1", None),
        (b"accept=70&", None),
        (b"complete=false", None),
        (b"accept=%37%30", None),
    ],
)
def test_query_options(query: bytes, options: tuple[float, dt.date | None] | None) -> None:
    got = query_options(query)
    assert (got.accept, got.today) == options if got is not None else options is None


def test_answers_seen_once_are_not_kept() -> None:
    fragments = ItemFragments()
    request = request_from_dict({"requester": "x", "items": [NAMES[0], NAMES[1] + "的的"]})
    first = resolve(request, INDEX, bases=BASES)
    assert answer_json(first, fragments) == dumps(first.to_json_dict())
    assert len(fragments) == 0
    again = resolve(request, INDEX, bases=BASES)
    kinds = [(r.kind.value, r is s) for r, s in zip(first.items, again.items, strict=True)]
    assert kinds == [("exact", True), ("fuzzy", False)]  # a fuzzy answer is new every time
    assert answer_json(again, fragments) == dumps(again.to_json_dict())
    assert len(fragments) == 1
    others = {"requester": "x", "items": [f"{n}的的" for n in NAMES[:6]] + NAMES[2:8]}
    for _ in range(3):
        many = resolve(request_from_dict(others), INDEX, bases=BASES)
        assert answer_json(many, fragments) == dumps(many.to_json_dict())
    assert len(fragments) == 1 + 6


def test_fragments_keep_at_most_their_size() -> None:
    fragments = ItemFragments(size=4)
    request = request_from_dict({"requester": "x", "items": NAMES[:3]})
    for _ in range(2):
        result = resolve(request, INDEX, bases=BASES)
        assert answer_json(result, fragments) == dumps(result.to_json_dict())
    assert len(fragments) == 3
    request = request_from_dict({"requester": "x", "items": NAMES[3:6]})
    for _ in range(2):
        result = resolve(request, INDEX, bases=BASES)
        assert answer_json(result, fragments) == dumps(result.to_json_dict())
    assert len(fragments) == 4
