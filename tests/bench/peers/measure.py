#!/usr/bin/env python3
"""measure.py - times the tools of make bench-peers.
  measure.py run TOOL RESULTS STDOUT -- COMMAND [ARG...]
      runs COMMAND with its standard output to the file STDOUT, and appends
      one line to RESULTS: TOOL, wall seconds, CPU seconds (user + system) and
      peak RSS in MiB, from the child's own resource usage (wait4); exits with
      the command's status.
  measure.py table RESULTS [INNER]
      prints the table: each tool's wall, CPU and peak RSS, and libwres's
      ratios against each peer (the peer's wall, CPU and RSS over libwres's);
      INNER, libwres's own ingest + reports seconds, adds the wall ratios
      against that.
"""
import os
import sys
import time


def run(tool, results, stdout, cmd):
    with open(stdout, "wb") as out:
        t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.dup2(out.fileno(), 1)
            try:
                os.execvp(cmd[0], cmd)
            finally:
                os._exit(127)
        _, status, ru = os.wait4(pid, 0)
        wall = time.monotonic() - t0
    rc = os.waitstatus_to_exitcode(status)
    with open(results, "a") as f:
        f.write("%s %.3f %.3f %.1f %d\n" % (tool, wall, ru.ru_utime + ru.ru_stime,
                                            ru.ru_maxrss / 1024.0, rc))
    return rc


def table(results, inner=None):
    rows = []
    with open(results) as f:
        for line in f:
            tool, wall, cpu, rss, rc = line.split()
            rows.append((tool, float(wall), float(cpu), float(rss), int(rc)))
    lib = next((r for r in rows if r[0] == "libwres" and r[4] == 0), None)
    print("%-9s %8s %8s %13s   %s" % ("tool", "wall s", "cpu s", "peak RSS MiB",
                                      "peer / libwres:   wall    cpu    RSS"))
    for tool, wall, cpu, rss, rc in rows:
        ratio = ""
        if lib and tool != "libwres" and rc == 0:
            ratio = "%22.2f %6.2f %6.2f" % (wall / lib[1], cpu / lib[2], rss / lib[3])
        print("%-9s %8.2f %8.2f %13.1f   %s%s" % (tool, wall, cpu, rss, ratio,
                                                 "" if rc == 0 else "(failed: exit %d)" % rc))
    print("(a ratio above 1: libwres is that many times faster, or uses that many times "
          "less memory; libwres runs on one core, DuckDB on two threads)")
    peers_ok = [r for r in rows if r[0] != "libwres" and r[4] == 0]
    if lib and inner and peers_ok:
        peers = ", ".join("%s %.2f" % (r[0], r[1] / inner) for r in rows
                          if r[0] != "libwres" and r[4] == 0)
        print("(libwres's wall includes wres-bench's read() and memchr floors; its ingest + "
              "reports alone take %.2f s, against which the wall ratios are: %s)" % (inner, peers))


def main(argv):
    if len(argv) >= 6 and argv[1] == "run" and argv[5] == "--":
        return run(argv[2], argv[3], argv[4], argv[6:])
    if len(argv) in (3, 4) and argv[1] == "table":
        table(argv[2], float(argv[3]) if len(argv) == 4 and argv[3] else None)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
