"""Benchmark of the HTTP service on 127.0.0.1: validations per second, and /resolve latency.

    PYTHONPATH=src python benchmarks/bench_service.py [--seconds 20] [--clients 50]

Starts ``govcatalog serve`` on a free port of 127.0.0.1 (a fresh SQLite store in a temporary
folder) and measures, side by side with what a user would do instead:

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
   in this process.

It prints the service process's CPU seconds and peak RSS (``VmHWM``) too. Traffic goes to
127.0.0.1 only; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
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

HERE = Path(__file__).resolve().parent
CITY = Path(str(files("govcatalog") / "_data" / "examples" / "city-catalog.json"))
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _proc(pid: int) -> tuple[float, int]:
    """CPU seconds and peak RSS (bytes) of a process, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    peak = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) * 1024
    return cpu, peak


@contextmanager
def service(workers: int, max_upload: int) -> Iterator[tuple[str, int]]:
    """A running service: its URL and pid."""
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        env = {**os.environ, "XDG_DATA_HOME": tmp}
        command = [
            sys.executable, "-c", "from govcatalog.cli import main; main()", "serve",
            "--host", HOST, "--port", str(port), "--registry", f"sqlite:///{tmp}/store.sqlite",
            "--workers", str(workers), "--log-level", "warning", "--concurrency", "256",
            "--max-upload", str(max_upload),
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
                    for item in r.items})  # fmt: skip
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


def bench_resolve(url: str, pid: int, clients: int, per_client: int, mix: str) -> None:
    request = _request(random.Random(7), mix)
    assert len(request["items"]) == 50  # type: ignore[arg-type]
    kind = {
        "exact": "50 exact names",
        "synonym": "40 exact, 10 synonym variants",
        "fuzzy": "30 exact, 10 synonym variants, 10 misspelt",
    }[mix]
    print(f"3. /resolve of 50 items ({kind}), {clients} clients x {per_client} requests")
    latencies: list[float] = []

    async def run() -> None:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
            r = await http.post("/resolve", json=request)
            assert r.status_code == 200, r.text

            async def one() -> None:
                for _ in range(per_client):
                    t = time.perf_counter()
                    r = await http.post("/resolve", json=request)
                    latencies.append(time.perf_counter() - t)
                    assert r.status_code == 200

            await asyncio.gather(*(one() for _ in range(clients)))

    cpu0, _ = _proc(pid)
    start = time.perf_counter()
    asyncio.run(run())
    elapsed = time.perf_counter() - start
    cpu, peak = _proc(pid)
    q = statistics.quantiles(latencies, n=100)
    print(
        f"  HTTP: p50 {q[49] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, "
        f"{len(latencies) / elapsed:.0f} requests/s, service CPU {cpu - cpu0:.1f} s, "
        f"peak RSS {peak / 2**20:.0f} MiB"
    )
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
    print(
        f"  library in-process, one caller: p50 {q[49] * 1000:.2f} ms, "
        f"p99 {q[98] * 1000:.2f} ms, CPU {cpu_each * 1000:.2f} ms each"
    )
    answer = json.dumps(resolve(parsed, index, bases=bases).to_json_dict(), ensure_ascii=False)
    print(f"  (the JSON answer of 50 items is {len(answer.encode()) // 1024} KB)")


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
    parser.add_argument("--workers", type=int, default=4, help="The service's --workers.")
    parser.add_argument("--skip-big", action="store_true", help="Leave out the big catalog.")
    parser.add_argument("--only-resolve", action="store_true", help="Measure /resolve only.")
    args = parser.parse_args(argv)
    resources = args.resources or (20_000 if args.size == "city" else 200_000)
    with service(args.workers, max_upload=resources * 4096) as (url, pid):
        if not args.only_resolve:
            bench_validations(url, pid, args.seconds)
        if not (args.skip_big or args.only_resolve):
            bench_big(url, pid, resources)
        for mix in ("exact", "synonym", "fuzzy"):
            bench_resolve(url, pid, args.clients, args.requests, mix)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
