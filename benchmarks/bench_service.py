"""Benchmark of the HTTP service on 127.0.0.1: validations per second, and /resolve latency.

    PYTHONPATH=src python benchmarks/bench_service.py [--seconds 20] [--clients 50] [--workers N]

Starts ``govcatalog serve`` on a free port of 127.0.0.1 (a fresh SQLite store in a temporary
folder; ``--workers`` processes, default one per CPU) and measures, side by side with what a
user would do instead:

1. **validations per second** of the shipped city catalog (襄阳, 64 resources, 128 KB):
   over HTTP with 1 and 4 concurrent clients; in this process with
   ``govcatalog.validate`` (the library as a Python caller uses it); and by running the
   ``govcatalog validate`` command once per file (what a non-Python platform does without
   the service);
2. **one big catalog** (``--size city``: 20,000 resources, ``province``: 200,000; from
   ``generate.py``) over HTTP against ``govcatalog.validate`` in this process;
3. **p50 / p99 latency of a 50-item ``/resolve``** with ``--clients`` concurrent clients, for
   three requests: 50 exact item names; 40 exact and 10 synonym variants; 30 exact, 10
   synonym variants and 10 misspelt names (fuzzy matching); and the same requests resolved
   in this process. The load comes from ``wrk`` (a separate process, so the load generator's
   own Python does not share the measured process) when it is installed, else
   (``--load httpx``) from httpx clients in this process.

It prints the CPU count and load average, the service processes' CPU seconds (user + sys,
worker processes included; per request too) and peak RSS (``VmHWM``), and ``wrk``'s own CPU
seconds per request: at 50 connections the mean latency is about 50 ÷ requests per second,
so the CPU both take per request bounds the latency on a machine of few cores. Traffic goes to
127.0.0.1 only; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import httpx

from govcatalog import validate
from govcatalog.resolve import build_index, load_base_pack, request_from_dict, resolve
from govcatalog.service.resolve_json import ItemFragments, answer_json

HERE = Path(__file__).resolve().parent
CITY = Path(str(files("govcatalog") / "_data" / "examples" / "city-catalog.json"))
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _tree(pid: int) -> list[int]:
    """A process and its descendants (the service's worker processes), from /proc."""
    found = [pid]
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        found += _tree(int(child))
    return found


def _proc(pid: int) -> tuple[float, int]:
    """CPU seconds (user + sys) of a process and its descendants, and the largest peak RSS
    (bytes) among them, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    cpu, peak = 0.0, 0
    for one in _tree(pid):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            status = Path(f"/proc/{one}/status").read_text().splitlines()
        except FileNotFoundError:
            continue
        cpu += (int(fields[11]) + int(fields[12])) / ticks
        for line in status:
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) * 1024)
    return cpu, peak


@contextmanager
def service(workers: int | None, max_upload: int) -> Iterator[tuple[str, int]]:
    """A running service (``workers`` processes, default one per CPU): its URL and pid."""
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        env = {**os.environ, "XDG_DATA_HOME": tmp}
        command = [
            sys.executable, "-c", "from govcatalog.cli import main; main()", "serve",
            "--host", HOST, "--port", str(port), "--registry", f"sqlite:///{tmp}/store.sqlite",
            "--log-level", "warning", "--concurrency", "256", "--max-upload", str(max_upload),
            *(("--workers", str(workers)) if workers else ()),
        ]  # fmt: skip
        process = subprocess.Popen(command, env=env)
        url = f"http://{HOST}:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            else:
                raise SystemExit("the service did not start")
            yield url, process.pid
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


def _rate(label: str, count: int, seconds: float, cpu: float | None = None) -> None:
    extra = f", service CPU {cpu:.1f} s ({count / cpu:.1f}/CPU-s)" if cpu else ""
    print(f"  {label:44} {count:5} in {seconds:6.2f} s = {count / seconds:7.1f}/s{extra}")


def bench_validations(url: str, pid: int, seconds: float) -> None:
    body = CITY.read_bytes()
    print(f"1. validations of the shipped city catalog ({len(body) // 1024} KB, 64 resources)")
    for clients in (1, 4):

        async def run(n: int = clients) -> int:
            done = 0
            stop = time.monotonic() + seconds
            async with httpx.AsyncClient(base_url=url, timeout=120) as http:

                async def one() -> None:
                    nonlocal done
                    while time.monotonic() < stop:
                        r = await http.post("/validate", files={"file": ("city.json", body)})
                        assert r.status_code == 200
                        done += 1

                await asyncio.gather(*(one() for _ in range(n)))
            return done

        cpu0, _ = _proc(pid)
        start = time.perf_counter()
        count = asyncio.run(run())
        elapsed = time.perf_counter() - start
        _rate(f"HTTP, {clients} client(s)", count, elapsed, _proc(pid)[0] - cpu0)
    count, start = 0, time.perf_counter()
    cpu_start = time.process_time()
    while time.perf_counter() - start < seconds:
        validate(CITY)
        count += 1
    _rate("library in-process (govcatalog.validate)", count, time.perf_counter() - start)
    print(f"  {'':44} (CPU {time.process_time() - cpu_start:.1f} s)")
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds and count < 50:
        subprocess.run(
            [sys.executable, "-c", "from govcatalog.cli import main; main()", "validate",
             str(CITY), "--format", "json"],
            capture_output=True, check=False,
        )  # fmt: skip
        count += 1
    _rate("`govcatalog validate` process per file", count, time.perf_counter() - start)


def bench_big(url: str, pid: int, resources: int) -> None:
    data = HERE / ".data" / f"service-{resources}.json"
    if not data.exists():
        data.parent.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--resources", str(resources),
             "-o", str(data)],
            check=True, capture_output=True,
        )  # fmt: skip
    size = data.stat().st_size
    print(f"2. one catalog of {resources} resources ({size / 1e6:.0f} MB)")
    cpu0, _ = _proc(pid)
    start = time.perf_counter()
    with httpx.Client(base_url=url, timeout=600) as http:
        r = http.post(
            "/validate",
            content=data.read_bytes(),
            headers={"Content-Type": "application/json"},
            params={"max_findings": 1_000_000},
        )
    elapsed = time.perf_counter() - start
    cpu, peak = _proc(pid)
    findings = len(r.json()["findings"])
    print(
        f"  HTTP: {elapsed:6.2f} s, {findings} findings, service CPU {cpu - cpu0:.1f} s, "
        f"service peak RSS {peak / 2**20:.0f} MiB"
    )
    start = time.perf_counter()
    report = validate(data)
    print(f"  library in-process: {time.perf_counter() - start:6.2f} s, {len(report)} findings")


def _request(rng: random.Random, mix: str) -> dict[str, object]:
    """A 50-item request: ``exact`` names, ``synonym`` (40 exact, 10 synonym variants) or
    ``fuzzy`` (30 exact, 10 synonym variants, 10 misspelt)."""
    bases = load_base_pack()
    names = sorted({item.name for _, catalog in bases.iter_catalogs() for r in catalog.resources
                    for item in r.items if item.name})  # fmt: skip
    synonyms = sorted(bases.synonyms.normalised())
    exact = {"exact": 50, "synonym": 40, "fuzzy": 30}[mix]
    chosen = rng.sample(names, exact) + rng.sample(synonyms, 0 if mix == "exact" else 10)
    misspelt = []
    for name in rng.sample(names, 10 if mix == "fuzzy" else 0):
        i = rng.randrange(len(name))
        misspelt.append(name[:i] + "的" + name[i:])
    return {
        "requester": {"name": "某市民政局"},
        "purpose": "业务协同",
        "date": "2025-09-26",
        "items": chosen + misspelt,
    }


TARGET_CLIENTS, TARGET_P99 = 50, 0.020
"""The service's latency target: p99 of a 50-item ``/resolve`` at 50 concurrent clients."""

_WRK_SCRIPT = """
local f = io.open(os.getenv("GOVCATALOG_BODY"), "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
"""


def _load_httpx(
    url: str, request: dict[str, object], clients: int, per_client: int
) -> tuple[float, float, int]:
    """p50, p99 (seconds) and count of ``clients`` httpx clients in this process."""
    latencies: list[float] = []

    async def run() -> None:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:

            async def one() -> None:
                for _ in range(per_client):
                    t = time.perf_counter()
                    r = await http.post("/resolve", json=request)
                    latencies.append(time.perf_counter() - t)
                    assert r.status_code == 200

            await asyncio.gather(*(one() for _ in range(clients)))

    asyncio.run(run())
    q = statistics.quantiles(latencies, n=100)
    return q[49], q[98], len(latencies)


def _wrk_seconds(text: str) -> float:
    units = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}
    for unit in ("us", "ms", "s", "m"):
        if text.endswith(unit) and text[: -len(unit)].replace(".", "").isdigit():
            return float(text[: -len(unit)]) * units[unit]
    raise ValueError(text)


def _children_cpu() -> float:
    """CPU seconds (user + sys) of this process's finished children (``wrk`` once it ended)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


WARM_UP_SECONDS = 2.0
"""Load before each measured run, left out of the figures: the steady state is measured."""


def _load_wrk(
    wrk: str, url: str, request: dict[str, object], clients: int, seconds: float
) -> tuple[float, float, int]:
    """p50, p99 (seconds) and count of ``clients`` connections of ``wrk`` (one thread)."""
    with tempfile.TemporaryDirectory() as tmp:
        body, script = Path(tmp) / "body.json", Path(tmp) / "post.lua"
        body.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
        script.write_text(_WRK_SCRIPT, encoding="utf-8")
        done = subprocess.run(
            [wrk, "-t1", f"-c{clients}", f"-d{seconds:g}s", "--latency", "-s", str(script),
             f"{url}/resolve"],
            capture_output=True, text=True, check=True,
            env={**os.environ, "GOVCATALOG_BODY": str(body)},
        )  # fmt: skip
    quantiles = {}
    count = 0
    for line in done.stdout.splitlines():
        words = line.split()
        if len(words) == 2 and words[0] in ("50%", "99%"):
            quantiles[words[0]] = _wrk_seconds(words[1])
        if "requests in" in line:
            count = int(words[0])
        if "Non-2xx" in line:
            raise SystemExit(f"wrk: {line.strip()}")
    return quantiles["50%"], quantiles["99%"], count


def bench_resolve(
    url: str, pid: int, clients: int, per_client: int, mix: str, wrk: str | None, seconds: float
) -> None:
    request = _request(random.Random(7), mix)
    assert len(request["items"]) == 50  # type: ignore[arg-type]
    kind = {
        "exact": "50 exact names",
        "synonym": "40 exact, 10 synonym variants",
        "fuzzy": "30 exact, 10 synonym variants, 10 misspelt",
    }[mix]
    load = (
        f"wrk, {clients} connections, {seconds:g} s"
        if wrk
        else (f"httpx in this process, {clients} clients x {per_client} requests")
    )
    print(f"3. /resolve of 50 items ({kind}); {load}")
    assert httpx.post(f"{url}/resolve", json=request, timeout=120).status_code == 200
    if wrk:  # every worker process warm (its first answers), not only the one asked above
        _load_wrk(wrk, url, request, clients, WARM_UP_SECONDS)
    cpu0, _ = _proc(pid)
    load0 = _children_cpu()
    start = time.perf_counter()
    if wrk:
        p50, p99, count = _load_wrk(wrk, url, request, clients, seconds)
    else:
        p50, p99, count = _load_httpx(url, request, clients, per_client)
    elapsed = time.perf_counter() - start
    cpu, peak = _proc(pid)
    load_cpu = _children_cpu() - load0 if wrk else None
    print(
        f"  HTTP: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
        f"{count / elapsed:.0f} requests/s, service CPU {cpu - cpu0:.1f} s "
        f"({(cpu - cpu0) / count * 1000:.2f} ms each), peak RSS {peak / 2**20:.0f} MiB"
    )
    if load_cpu is not None:
        print(
            f"  wrk CPU {load_cpu:.1f} s ({load_cpu / count * 1000:.2f} ms each); service + wrk "
            f"{(cpu - cpu0 + load_cpu) / count * 1000:.2f} ms of CPU per request"
        )
    if clients == TARGET_CLIENTS:
        verdict = "met" if p99 <= TARGET_P99 else "not met"
        print(f"  target p99 <= {TARGET_P99 * 1000:g} ms at {clients} clients: {verdict}")
    bases = load_base_pack()
    index = build_index(bases)
    parsed = request_from_dict(request)
    resolve(parsed, index, bases=bases)
    times = []
    cpu_start = time.process_time()
    for _ in range(100):
        t = time.perf_counter()
        resolve(parsed, index, bases=bases)
        times.append(time.perf_counter() - t)
    cpu_each = (time.process_time() - cpu_start) / 100
    q = statistics.quantiles(times, n=100)
    result = resolve(parsed, index, bases=bases)
    cpu_start = time.process_time()
    for _ in range(100):
        answer = json.dumps(result.to_json_dict(), ensure_ascii=False)
    json_each = (time.process_time() - cpu_start) / 100
    print(
        f"  library in-process, one caller: p50 {q[49] * 1000:.2f} ms, "
        f"p99 {q[98] * 1000:.2f} ms, CPU {cpu_each * 1000:.2f} ms each "
        f"(+ {json_each * 1000:.2f} ms for its JSON form, {len(answer.encode()) // 1024} KB)"
    )
    fragments = ItemFragments()
    answer_json(resolve(parsed, index, bases=bases), fragments)
    cpu_start = time.process_time()
    for _ in range(100):
        answer_json(resolve(parsed, index, bases=bases), fragments)
    fast_each = (time.process_time() - cpu_start) / 100
    cpu_start = time.process_time()
    for _ in range(100):  # every item's JSON written anew, as for names not asked before
        answer_json(resolve(parsed, index, bases=bases), ItemFragments())
    cold_each = (time.process_time() - cpu_start) / 100
    print(
        f"  resolved and written as the service writes it: CPU {fast_each * 1000:.2f} ms each "
        f"with the items' JSON kept, {cold_each * 1000:.2f} ms with none kept"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="Time per validation run.")
    parser.add_argument(
        "--size",
        choices=["city", "province"],
        default="city",
        help="Size of the big catalog: 20,000 or 200,000 resources.",
    )
    parser.add_argument("--resources", type=int, help="Size of the big catalog (overrides --size).")
    parser.add_argument("--clients", type=int, default=50, help="Concurrent /resolve clients.")
    parser.add_argument("--requests", type=int, default=20, help="/resolve requests per client.")
    parser.add_argument("--workers", type=int, help="The service's processes (default: 1/CPU).")
    parser.add_argument(
        "--load",
        choices=["wrk", "httpx"],
        default="wrk" if shutil.which("wrk") else "httpx",
        help="/resolve load generator: wrk (a separate process; default when installed) "
        "or httpx clients in this process.",
    )
    parser.add_argument("--skip-big", action="store_true", help="Leave out the big catalog.")
    parser.add_argument("--only-resolve", action="store_true", help="Measure /resolve only.")
    args = parser.parse_args(argv)
    resources = args.resources or (20_000 if args.size == "city" else 200_000)
    wrk = shutil.which("wrk") if args.load == "wrk" else None
    if args.load == "wrk" and wrk is None:
        raise SystemExit("wrk is not installed (apt-get install wrk), or use --load httpx")
    cpus = len(os.sched_getaffinity(0))
    print(f"{cpus} CPUs, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with service(args.workers, max_upload=resources * 4096) as (url, pid):
        if not args.only_resolve:
            bench_validations(url, pid, args.seconds)
        if not (args.skip_big or args.only_resolve):
            bench_big(url, pid, resources)
        for mix in ("exact", "synonym", "fuzzy"):
            bench_resolve(url, pid, args.clients, args.requests, mix, wrk, args.seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
