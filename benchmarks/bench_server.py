"""Load figures of ``tinghu-policy serve``: requests per second and p50/p99 latency of ``POST /v1/evaluate``.

Loopback only, bounded in requests and in time. For 1 and 2 worker processes, the whole-life sample (as a JSON
request) is posted at concurrency 1, 16 and 64 (``--requests`` each, at most ``--seconds`` each); then a soak of
``--soak`` requests (default 100,000) at concurrency 16 on 2 workers measures the server's memory (RSS of the
server and its workers) at the start and the end and counts the 5xx answers. Needs the ``[server]`` extra::

    .venv/bin/python benchmarks/bench_server.py                       # the README's figures
    .venv/bin/python benchmarks/bench_server.py --requests 300 --soak 2000   # a quick look

The client is a small asyncio HTTP/1.1 client with keep-alive connections (one per unit of concurrency), in this
process: on a 2-core machine it shares the cores with the server, as a co-located caller would.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


@dataclass
class Cell:
    workers: int
    concurrency: int
    requests: int
    seconds: float
    latencies: list[float]
    statuses: dict[int, int]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000 if ordered else 0.0


def sample_body() -> bytes:
    sys.path.insert(0, str(ROOT))
    from tinghu_policy.cli.inputs import parse_input
    from tinghu_policy.samples import sample_text

    parsed = parse_input(sample_text(), "sample")
    request = {
        "as_of": str(parsed.as_of),
        "interpretation": parsed.interpretation.model_dump(mode="json", exclude_unset=True),
        "project": parsed.project.model_dump(mode="json", exclude_none=True),
    }
    return json.dumps(request, ensure_ascii=False).encode("utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


class Server:
    def __init__(self, workers: int) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("TINGHU_POLICY_")}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from tinghu_policy.cli import main; main()",
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                "--no-access-log",
                "--time-limit",
                "60",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((HOST, self.port), timeout=1) as sock:
                    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    if sock.recv(100).startswith(b"HTTP/1.1 200"):
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("the server did not start")

    def pids(self) -> list[int]:
        found = [self.process.pid]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    found.append(int(entry.name))
        return found

    def rss_mib(self) -> float:
        """Resident memory of the server and its workers (VmRSS, Linux)."""
        total = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def _connection(
    port: int,
    request: bytes,
    count: list[int],
    stop_at: float,
    latencies: list[float],
    statuses: dict[int, int],
) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        while count[0] > 0 and time.monotonic() < stop_at:
            count[0] -= 1
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
    finally:
        writer.close()


async def load(
    port: int, body: bytes, concurrency: int, requests: int, seconds: float
) -> tuple[float, list[float], dict[int, int]]:
    request = (
        b"POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    count = [requests]
    started = time.monotonic()
    await asyncio.gather(
        *(
            _connection(port, request, count, started + seconds, latencies, statuses)
            for _ in range(concurrency)
        )
    )
    return time.monotonic() - started, latencies, statuses


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=2000, help="requests per (workers, concurrency) cell")
    parser.add_argument("--seconds", type=float, default=120, help="at most this long per cell")
    parser.add_argument("--soak", type=int, default=100_000, help="requests of the memory soak (0: none)")
    parser.add_argument("--soak-seconds", type=float, default=1800, help="at most this long for the soak")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    body = sample_body()
    cells: list[Cell] = []
    soak: dict[str, float] = {}
    for workers in (1, 2):
        server = Server(workers)
        try:
            asyncio.run(load(server.port, body, 4, 100, 60))  # warm-up: every worker built its caches
            for concurrency in (1, 16, 64):
                seconds, latencies, statuses = asyncio.run(
                    load(server.port, body, concurrency, args.requests, args.seconds)
                )
                cell = Cell(workers, concurrency, len(latencies), seconds, latencies, statuses)
                cells.append(cell)
                print(
                    f"workers {workers}  concurrency {concurrency:>2}: {cell.rps:7.1f} req/s  p50 "
                    f"{cell.percentile(50):7.1f} ms  p99 {cell.percentile(99):7.1f} ms  ({cell.requests} requests, "
                    f"statuses {cell.statuses})",
                    flush=True,
                )
            if workers == 2 and args.soak:
                start_rss = server.rss_mib()
                seconds, latencies, statuses = asyncio.run(
                    load(server.port, body, 16, args.soak, args.soak_seconds)
                )
                soak = {
                    "requests": len(latencies),
                    "seconds": round(seconds, 1),
                    "rps": round(len(latencies) / seconds, 1),
                    "rss_start_mib": round(start_rss, 1),
                    "rss_end_mib": round(server.rss_mib(), 1),
                    "errors_5xx": sum(n for s, n in statuses.items() if s >= 500),
                    "non_200": sum(n for s, n in statuses.items() if s != 200),
                    "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else 0.0,
                }
                print(f"soak (2 workers, concurrency 16): {soak}", flush=True)
        finally:
            server.stop()
    print()
    print("| workers | concurrency | requests/s | p50 | p99 |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for c in cells:
        print(
            f"| {c.workers} | {c.concurrency} | {c.rps:.0f} | {c.percentile(50):.1f} ms | {c.percentile(99):.1f} ms |"
        )
    if soak:
        print(
            f"\nsoak: {soak['requests']:,} requests in {soak['seconds']} s ({soak['rps']} req/s), RSS "
            f"{soak['rss_start_mib']} MiB at the start, {soak['rss_end_mib']} MiB at the end, "
            f"{soak['errors_5xx']} answers 5xx"
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "cells": [
                        {
                            "workers": c.workers,
                            "concurrency": c.concurrency,
                            "requests": c.requests,
                            "rps": round(c.rps, 1),
                            "p50_ms": round(c.percentile(50), 1),
                            "p99_ms": round(c.percentile(99), 1),
                            "statuses": c.statuses,
                        }
                        for c in cells
                    ],
                    "soak": soak,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
