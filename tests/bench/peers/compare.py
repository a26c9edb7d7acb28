#!/usr/bin/env python3
"""compare.py LIBWRES.json PEER=PEER.json ... - checks each peer's per-(org, year)
reports against libwres's (wres-bench --json): the same (org, year) set; every
key a peer gives must be in libwres's report with an equal value - counts,
booleans, strings and list lengths exactly, figures to 1e-9 relative - and each
peer must give at least the counts and main figures listed in REQUIRED.
Indicator 1's rows are matched by (staff_group, band).  Prints each mismatch
(the first 20 per peer, or $MAX_SHOWN) and exits 1 on any, 0 when all agree.

Tolerances: relative 1e-9 of the larger magnitude; in addition, a difference
below 1e-300 (underflowing p-values) is equal, and so is one below 1e-11
percentage points in a difference of two percentages ("difference",
"difference_ci"), whose relative error is unbounded where the two nearly cancel.  "significant" may differ only where p lies within 1e-9 of the
threshold 1 - c.
"""
import json
import os
import sys

REL = 1e-9
MAX_SHOWN = int(os.environ.get("MAX_SHOWN", "20"))
ALPHA = 1.0 - 0.95

# paths every peer must give (those of an indicator only where it is available)
RL_KEYS = ["white.n", "white.events", "white.rate", "bme.n", "bme.events", "bme.rate",
           "relative_likelihood", "p_value"]
PCT_KEYS = ["white.n", "white.yes", "white.pct", "bme.n", "bme.yes", "bme.pct",
            "difference", "p_value"]
REQUIRED = (
    ["data_quality.staff_headcount", "data_quality.bank_excluded"]
    + ["indicators.1.available"]
    + ["indicators.1.workforce." + k for k in ("white", "bme", "unknown", "total", "bme_pct")]
    + ["indicators.2." + k for k in ["available"] + RL_KEYS]
    + ["indicators.3." + k for k in ["available", "years"] + RL_KEYS]
    + ["indicators.3.single_year." + k for k in RL_KEYS]
    + ["indicators.4." + k for k in ["available"] + RL_KEYS]
    + ["indicators.%d.%s" % (i, k) for i in (5, 6, 7, 8) for k in ["available"] + PCT_KEYS]
    + ["indicators.9." + k for k in ("available", "workforce_bme_pct")]
    + ["indicators.9.%s.%s" % (p, k) for p in ("board", "voting", "executive")
       for k in ("white", "bme", "unknown", "total", "bme_pct", "difference")]
)
ABS_KEYS = {"difference", "difference_ci"}
COUNT_KEYS = {"n", "events", "yes", "white", "bme", "unknown", "total", "staff_headcount",
              "bank_excluded", "ethnicity_unknown", "years"}


def get(d, path):
    for k in path.split("."):
        if not isinstance(d, dict) or k not in d:
            return KeyError
        d = d[k]
    return d


def close(a, b, key):
    if a == b:
        return True
    diff = abs(a - b)
    if diff <= REL * max(abs(a), abs(b)) or diff < 1e-300:
        return True
    return key in ABS_KEYS and diff < 1e-11


class Checker:
    def __init__(self, peer):
        self.peer = peer
        self.errors = 0
        self.values = 0

    def err(self, where, msg):
        self.errors += 1
        if self.errors <= MAX_SHOWN:
            print("  %s: %s: %s" % (self.peer, where, msg))

    def cmp(self, ref, got, where, key, parent_got=None):
        if isinstance(got, dict):
            if not isinstance(ref, dict):
                return self.err(where, "libwres has %r, peer an object" % (ref,))
            for k, v in got.items():
                if k not in ref:
                    self.err(where + "." + k, "key not in libwres's report")
                elif key == "1" and k == "rows":
                    self.rows(ref[k], v, where + ".rows")
                else:
                    self.cmp(ref[k], v, where + "." + k, k, got)
            return None
        if isinstance(got, list):
            if not isinstance(ref, list) or len(ref) != len(got):
                return self.err(where, "libwres %r, peer %r" % (ref, got))
            for i, (r, g) in enumerate(zip(ref, got)):
                self.cmp(r, g, "%s[%d]" % (where, i), key, parent_got)
            return None
        self.values += 1
        if isinstance(ref, bool) or isinstance(got, bool) or ref is None or got is None \
                or isinstance(ref, str) or isinstance(got, str):
            if ref == got and type(ref) is type(got):
                return None
            if key == "significant" and isinstance(parent_got, dict):
                p = parent_got.get("p_value")
                if isinstance(p, float) and abs(p - ALPHA) <= REL:
                    return None
            return self.err(where, "libwres %r, peer %r" % (ref, got))
        if key in COUNT_KEYS:
            if not (isinstance(ref, int) and isinstance(got, int) and ref == got):
                self.err(where, "count: libwres %r, peer %r" % (ref, got))
            return None
        if not close(float(ref), float(got), key):
            self.err(where, "libwres %r, peer %r (relative difference %.3g)" % (
                ref, got, abs(ref - got) / max(abs(ref), abs(got))))
        return None

    def rows(self, ref, got, where):
        rmap = {(r["staff_group"], r["band"]): r for r in ref}
        gmap = {(r["staff_group"], r["band"]): r for r in got}
        if len(rmap) != len(ref) or len(gmap) != len(got):
            self.err(where, "duplicate (staff_group, band) rows")
        for k in sorted(set(rmap) ^ set(gmap)):
            self.err(where, "row %s only in %s" % (k, "libwres" if k in rmap else "peer"))
        for k in sorted(set(rmap) & set(gmap)):
            self.cmp(rmap[k], gmap[k], "%s[%s/%s]" % (where, k[0], k[1]), "row")


def load(path):
    with open(path) as f:
        reports = json.load(f)
    out = {}
    for r in reports:
        key = (r["org"], r["year"])
        if key in out:
            raise SystemExit("compare: %s: (%s, %s) twice" % (path, key[0], key[1]))
        out[key] = r
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    ref = load(argv[1])
    failed = False
    for arg in argv[2:]:
        peer, path = arg.split("=", 1)
        got = load(path)
        c = Checker(peer)
        for key in sorted(set(ref) ^ set(got)):
            c.err("%s/%s" % key, "(org, year) only in %s" % ("libwres" if key in ref else peer))
        for key in sorted(set(ref) & set(got)):
            where = "%s/%s" % key
            g = got[key]
            for path_ in REQUIRED:
                ind = path_.split(".")[1] if path_.startswith("indicators.") else None
                if ind and not path_.endswith(".available") and get(g, "indicators.%s.available" % ind) is False:
                    continue
                if get(g, path_) is KeyError:
                    c.err(where, "peer gives no %s" % path_)
            c.cmp(ref[key], g, where, None)
        n = len(set(ref) & set(got))
        if c.errors:
            failed = True
            print("compare: %s: %d mismatches in %d (org, year) reports (%d values compared)" % (
                peer, c.errors, n, c.values))
        else:
            print("compare: %s: all %d values of %d (org, year) reports equal libwres's" % (
                peer, c.values, n))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
