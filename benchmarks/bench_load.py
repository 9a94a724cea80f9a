"""Load a running Hookline on 127.0.0.1 for a bounded time and print its throughput.

    .venv/bin/python benchmarks/bench_load.py --token "$TOKEN" [--url http://127.0.0.1:8000/api/v1/suggest]
        [--connections 32] [--seconds 20] [--warmup 2] [--body '{"text": "easy pasta", "k": 10}']

Each connection is a thread with one keep-alive HTTP/1.1 connection sending POSTs back to
back (a closed loop: the next request leaves when the answer is in). After --warmup seconds
it counts for --seconds and prints requests/s, latency p50/p95/p99 and errors (any answer
but 2xx, and failed connections). Only loopback targets are accepted: this is a benchmark
of a server on this machine, not a tool to load anyone else's. A token comes from
`manage.py api_token create --user NAME`. The load generator is Python and shares the cores
with the server, so figures are a floor; note them with the command that made them.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _worker(url, headers, body, start_at, stop_at, latencies, errors, lock) -> None:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
    mine: list[float] = []
    failed = 0
    while True:
        sent = time.perf_counter()
        if sent >= stop_at:
            break
        try:
            conn.request("POST", parts.path or "/", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            ok = 200 <= response.status < 300
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
        done = time.perf_counter()
        if sent >= start_at and done <= stop_at:
            if ok:
                mine.append(done - sent)
            else:
                failed += 1
    conn.close()
    with lock:
        latencies.extend(mine)
        errors.append(failed)


def _percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(share * len(sorted_values)) - 1))
    return sorted_values[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000/api/v1/suggest")
    parser.add_argument("--token", required=True, help="An API token (manage.py api_token create).")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20.0, help="Measured time, at most 300.")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument(
        "--body", default=json.dumps({"text": "easy pasta recipe for a weeknight dinner", "k": 10})
    )
    args = parser.parse_args()
    host = urlsplit(args.url).hostname or ""
    if host not in LOOPBACK:
        parser.error(f"--url must point at this machine (127.0.0.1 or localhost), not {host!r}")
    if not 0 < args.seconds <= 300 or not 0 < args.connections <= 512:
        parser.error("--seconds must be in (0, 300] and --connections in (0, 512]")
    json.loads(args.body)  # refuse a body that is not JSON before loading anything
    headers = {"Authorization": f"Bearer {args.token}", "Content-Type": "application/json"}
    body = args.body.encode()
    start_at = time.perf_counter() + args.warmup
    stop_at = start_at + args.seconds
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    threads = [
        threading.Thread(
            target=_worker, args=(args.url, headers, body, start_at, stop_at, latencies, errors, lock)
        )
        for _ in range(args.connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    ms = [1000 * _percentile(latencies, p) for p in (0.50, 0.95, 0.99)]
    print(
        f"{args.url}  {args.connections} connections  {args.seconds:g} s\n"
        f"requests/s {len(latencies) / args.seconds:,.1f}  ok {len(latencies):,}  errors {sum(errors):,}\n"
        f"latency ms p50 {ms[0]:.1f}  p95 {ms[1]:.1f}  p99 {ms[2]:.1f}"
        + (f"  mean {1000 * statistics.fmean(latencies):.1f}" if latencies else "")
    )
    return 0 if latencies else 1


if __name__ == "__main__":
    sys.exit(main())
