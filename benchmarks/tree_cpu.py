"""CPU seconds of a command's whole process tree, Chromium's renderers included.

    python3 benchmarks/tree_cpu.py ./hookline test -p no:cacheprovider --durations=40 -q

Runs the command as a child subreaper (prctl PR_SET_CHILD_SUBREAPER, Linux): processes whose
parent exits before them (Chromium's zygote children) are handed to this process instead of
init, so their CPU is counted when it reaps them; `/usr/bin/time` never sees it (the every-page
walk: 34 s by `time`, 78 s counted this way). Prints wall seconds, user + system CPU of the tree
and the load average at start and end to stderr, and exits with the command's status.
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")
    load = os.getloadavg()[0]
    started = time.monotonic()
    child = subprocess.Popen(argv)
    status = 1
    while True:  # reap the command and every orphan handed to us, until none is left
        try:
            pid, raw = os.wait()
        except ChildProcessError:
            break
        if pid == child.pid:
            status = os.waitstatus_to_exitcode(raw)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"tree_cpu: wall {time.monotonic() - started:.1f} s, CPU {used.ru_utime + used.ru_stime:.1f} s"
        f" (user {used.ru_utime:.1f}, system {used.ru_stime:.1f}),"
        f" load {load:.2f} -> {os.getloadavg()[0]:.2f}",
        file=sys.stderr,
    )
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
