"""Load a running Hookline on 127.0.0.1 for a bounded time and print its throughput.

    .venv/bin/python benchmarks/bench_load.py --token "$TOKEN" [--url http://127.0.0.1:8000/api/v1/suggest]
        [--connections 32] [--seconds 20] [--warmup 2] [--k 10] [--no-evidence]
        [--text "easy pasta" | --texts FILE | --body JSON] [--serve WORKERS | --server-pid PID]

Each connection is a thread with one keep-alive HTTP/1.1 connection sending POSTs back to
back (a closed loop: the next request leaves when the answer is in). After --warmup seconds
it counts for --seconds and prints requests/s, latency p50/p95/p99 and errors (any answer
but 2xx, and failed connections). Only loopback targets are accepted: this is a benchmark
of a server on this machine, not a tool to load anyone else's. A token comes from
`manage.py api_token create --user NAME`.

--serve N starts `gunicorn config.wsgi` with N sync workers on the --url's port (with this
environment: HOOKLINE_DATA_DIR, DATABASE_URL, CACHE_URL...) and stops it afterwards; unless
API_RATE_LIMIT_PER_MINUTE is set, the limiter still counts but is set too high to refuse.
With --serve or --server-pid the server's CPU time is read from /proc, and the figure that
does not depend on how busy the machine is gets printed too: CPU milliseconds per request,
and so the requests a second one fully used core serves. The load generator is Python and
shares the cores with the server, so requests/s is a floor; note it with the command, the
corpus and the load average printed at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
DEFAULT_TEXT = "easy pasta recipe for a weeknight dinner"
REPO = Path(__file__).resolve().parent.parent


def _worker(url, headers, bodies, offset, start_at, stop_at, latencies, errors, lock) -> None:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
    mine: list[float] = []
    failed = 0
    sent_count = offset
    while True:
        sent = time.perf_counter()
        if sent >= stop_at:
            break
        body = bodies[sent_count % len(bodies)]
        sent_count += 1
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


def _bodies(args: argparse.Namespace) -> list[bytes]:
    """The request bodies, rotated over the requests (one unless --texts names a file)."""
    if args.body:
        json.loads(args.body)  # refuse a body that is not JSON before loading anything
        return [args.body.encode()]
    if args.texts:
        texts = [line.strip() for line in Path(args.texts).read_text(encoding="utf-8").splitlines()]
        texts = [text for text in texts if text]
    else:
        texts = [args.text]
    extra = {"evidence": False} if args.no_evidence else {}
    return [json.dumps({"text": text, "k": args.k, **extra}).encode() for text in texts]


def _process_tree(pid: int) -> list[int]:
    """pid and its descendants (gunicorn's master and its workers), from /proc."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            todo.extend(int(child) for child in task.read_text().split())
    return found


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of pid and its descendants."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for each in _process_tree(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # exited meanwhile
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def _serve(url: str, workers: int) -> subprocess.Popen:
    """gunicorn with `workers` sync workers on url's port; returns once it answers."""
    parts = urlsplit(url)
    env = dict(os.environ)
    env.setdefault("API_RATE_LIMIT_PER_MINUTE", str(10**9))
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"{parts.hostname}:{parts.port or 80}",
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}: see its output above")
        try:
            conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=2)
            conn.request("GET", "/api/v1/openapi.json")
            conn.getresponse().read()
            conn.close()
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def _cpu_in_window(pid: int | None, start_at: float, stop_at: float, out: list[float]) -> None:
    """The server's CPU seconds between start_at and stop_at (perf_counter times), into out."""
    if pid is None:
        return
    time.sleep(max(0.0, start_at - time.perf_counter()))
    before = _cpu_seconds(pid)
    time.sleep(max(0.0, stop_at - time.perf_counter()))
    out.append(_cpu_seconds(pid) - before)


def _load(args: argparse.Namespace, bodies: list[bytes], pid: int | None) -> tuple[list[float], int, float]:
    """(sorted latencies of the requests inside the window, errors, server CPU seconds in it)."""
    headers = {"Authorization": f"Bearer {args.token}", "Content-Type": "application/json"}
    start_at = time.perf_counter() + args.warmup
    stop_at = start_at + args.seconds
    cpu: list[float] = []
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    threads = [
        threading.Thread(
            target=_worker,
            args=(args.url, headers, bodies, n * 7, start_at, stop_at, latencies, errors, lock),
        )
        for n in range(args.connections)
    ]
    threads.append(threading.Thread(target=_cpu_in_window, args=(pid, start_at, stop_at, cpu)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return latencies, sum(errors), sum(cpu)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000/api/v1/suggest")
    parser.add_argument("--token", required=True, help="An API token (manage.py api_token create).")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20.0, help="Measured time, at most 300.")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--text", default=DEFAULT_TEXT, help="The suggestion's text.")
    parser.add_argument("--texts", help="A file of texts, one a line, sent in turn by every connection.")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--no-evidence", action="store_true", help='Send "evidence": false.')
    parser.add_argument("--body", help="A whole JSON body instead (overrides --text, --k, --no-evidence).")
    server = parser.add_mutually_exclusive_group()
    server.add_argument("--serve", type=int, metavar="WORKERS", help="Start gunicorn with this many workers.")
    server.add_argument("--server-pid", type=int, help="The server's (master) pid, to read its CPU time.")
    return parser


def main() -> int:
    parser = _parser()
    args = parser.parse_args()
    host = urlsplit(args.url).hostname or ""
    if host not in LOOPBACK:
        parser.error(f"--url must point at this machine (127.0.0.1 or localhost), not {host!r}")
    if not 0 < args.seconds <= 300 or not 0 < args.connections <= 512:
        parser.error("--seconds must be in (0, 300] and --connections in (0, 512]")
    if args.serve is not None and not 1 <= args.serve <= 16:
        parser.error("--serve takes 1 to 16 workers")
    bodies = _bodies(args)
    if not bodies:
        parser.error(f"{args.texts} has no texts")
    server = _serve(args.url, args.serve) if args.serve else None
    pid = server.pid if server else args.server_pid
    try:
        latencies, errors, cpu = _load(args, bodies, pid)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
    ms = [1000 * _percentile(latencies, p) for p in (0.50, 0.95, 0.99)]
    what = f"{len(bodies)} texts" if len(bodies) > 1 else bodies[0].decode()[:120]
    workers = f"  gunicorn workers {args.serve}" if args.serve else ""
    print(
        f"{args.url}  {what}\n{args.connections} connections  {args.seconds:g} s{workers}\n"
        f"requests/s {len(latencies) / args.seconds:,.1f}  ok {len(latencies):,}  errors {errors:,}\n"
        f"latency ms p50 {ms[0]:.1f}  p95 {ms[1]:.1f}  p99 {ms[2]:.1f}"
        + (f"  mean {1000 * statistics.fmean(latencies):.1f}" if latencies else "")
    )
    if pid and latencies:
        per_request = cpu / (len(latencies) + errors)
        print(
            f"server CPU {1000 * per_request:.2f} ms/request = {1 / per_request:,.0f} requests/s per busy core"
        )
    print("load average " + " ".join(f"{load:.2f}" for load in os.getloadavg()))
    return 0 if latencies else 1


if __name__ == "__main__":
    sys.exit(main())
