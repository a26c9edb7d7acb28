#!/usr/bin/env python3
"""wres_report.py - examples/wres-report.c in Python, through the wres module.

The WRES report of one organisation and reporting year from a trust's CSV
exports.  It takes the same flags, reads the files in the same fixed order,
writes the same bytes to standard output and standard error and exits with
the same status as the C program:

    wres_report.py [--staff F] [--applicants F] [--survey F]
                   [--survey-counts F] [--board F] [--year Y] [--org CODE]
                   [--confidence C] [--format text|json|csv|html] [--progress]
                   [--groups] [--trend] [--by DIM[,DIM]]... [--service-bands Y,Y...]
                   [--low-events N] [--low-people N]
                   [--all-orgs] [--screen] [--targets] [--target-share S]
                   [--target-year Y]
                   [--publish] [--suppress-max N] [--round-base N]
                   [--summary F]... [--save-summary F]

Exit status: 0 report written, no rejections; 1 report written, some rows
rejected; 2 usage error or no reporting year; 3 a file failed.

The library is found as the wres module finds it (``WRES_LIBRARY``, or the
loader's search path); wres.py is imported from this script's directory.
"""

import os
import re
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wres  # noqa: E402

USAGE = (b"usage: wres-report [--staff F] [--applicants F] [--survey F] "
         b"[--survey-counts F] [--board F]\n"
         b"                   [--year Y] [--org CODE] [--confidence C] "
         b"[--format text|json|csv|html] [--progress]\n"
         b"                   [--groups] [--trend] [--by DIM[,DIM]]... "
         b"[--service-bands Y,Y...]\n"
         b"                   [--low-events N] [--low-people N]\n"
         b"                   [--all-orgs] [--screen] [--targets] "
         b"[--target-share S] [--target-year Y]\n"
         b"                   [--publish] [--suppress-max N] [--round-base N]\n"
         b"                   [--summary F]... [--save-summary F]\n")

PROGRESS = [False]   # --progress given


def draw_progress(path, done, total, rows):
    """The bar of wres-report --progress, on standard error."""
    if total > 0:
        fill = done * 40 // total
        os.write(2, b"\r%s [%s] %3d%% %d rows" % (
            path, b"#" * fill + b"." * (40 - fill), done * 100 // total, rows))
    else:
        os.write(2, b"\r%s %d MB %d rows" % (path, done >> 20, rows))


FLAGS = (b"--staff", b"--applicants", b"--survey", b"--survey-counts",
         b"--board")
KINDS = (wres.Kind.STAFF, wres.Kind.APPLICANTS, wres.Kind.SURVEY,
         wres.Kind.SURVEY_COUNTS, wres.Kind.BOARD)
FORMATS = {b"text": wres.Format.TEXT, b"json": wres.Format.JSON,
           b"csv": wres.Format.CSV, b"html": wres.Format.HTML}

# What strtod() accepts in the "C" locale, as a whole string.  The
# infinities and NaNs it also accepts all fail the range check, with the
# same message as text it does not accept, so they need no branch here.
_DECIMAL = re.compile(br"[ \t\n\v\f\r]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)"
                      br"(?:[eE][+-]?[0-9]+)?\Z")
_HEX = re.compile(br"[ \t\n\v\f\r]*([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*"
                  br"|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?)\Z")


def write_fd(fd, data):
    """Write all of data to file descriptor fd, unbuffered (as C's stderr;
    for stdout, so that a failed write leaves nothing for Python to flush
    again at exit).  False when it cannot be written."""
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view):]
    except OSError:
        return False
    return True


def err(line):
    """Write bytes to standard error."""
    write_fd(2, line)


def usage_error(msg, arg=None):
    """wres-report: MSG[: ARG], then the usage, on stderr; status 2."""
    err(b"wres-report: " + msg + (b": " + arg if arg is not None else b"")
        + b"\n")
    err(USAGE)
    return 2


def parse_year(s):
    """"2024", "2023/24" or "2023-24", trimmed of spaces and tabs; 0 when
    not a year (parse_year() of wres-report.c, byte for byte)."""
    s = s.strip(b" \t")
    if len(s) not in (4, 7):
        return 0
    if not all(0x30 <= c <= 0x39 for c in s[:4]):
        return 0
    y = int(s[:4])
    if len(s) == 7:
        if (s[4:5] not in (b"/", b"-") or not 0x30 <= s[5] <= 0x39
                or not 0x30 <= s[6] <= 0x39):
            return 0
        if int(s[5:7]) != (y + 1) % 100:
            return 0
        y += 1
    return y if 1900 <= y <= 2100 else 0


def parse_confidence(s):
    """strtod() of the whole of s, or None when it leaves anything over."""
    if _DECIMAL.match(s):
        return float(s)
    m = _HEX.match(s)
    if m:
        return float.fromhex((m.group(1) + b"0x" + m.group(2)).decode())
    return None


def parse_count(s, top):
    """A whole number 0..top of decimal digits only, or -1 (parse_count()
    of wres-report.c)."""
    if not s or not all(0x30 <= c <= 0x39 for c in s):
        return -1
    v = int(s)
    return v if v <= top else -1


def main(argv):
    """Parse argv (a list of bytes) as wres-report does; the exit status."""
    files = [None] * 5
    org, year_arg, conf_arg = None, None, None
    share_arg = target_year_arg = None
    all_orgs = screen = targets = False
    target_share, target_year = 0.0, 0
    fmt = wres.Format.TEXT
    year = 0
    confidence = 0.95
    detail = {"groups": 0, "trend": 0, "by": [], "service": None,
              "low": [None, None]}
    opts = {"publish": 0, "suppress_max": -1, "round_base": -1,
            "summaries": [], "save_summary": None}

    i = 1
    argc = len(argv)
    while i < argc:
        a = argv[i]
        if a in (b"--help", b"-h"):
            write_fd(1, USAGE)
            return 0
        if a == b"--progress":
            PROGRESS[0] = True
            i += 1
            continue
        if a in (b"--groups", b"--trend"):
            detail[a[2:].decode()] = 1
            i += 1
            continue
        if a in (b"--all-orgs", b"--screen", b"--targets"):
            if a == b"--all-orgs":
                all_orgs = True
            elif a == b"--screen":
                screen = True
            else:
                targets = True
            i += 1
            continue
        if a == b"--publish":
            opts["publish"] = 1
            i += 1
            continue
        if i + 1 >= argc:
            return usage_error(b"missing value or unknown option", a)
        if a in FLAGS:
            i += 1
            files[FLAGS.index(a)] = argv[i]
        elif a == b"--year":
            i += 1
            year_arg = argv[i]
        elif a == b"--by":
            if len(detail["by"]) == 16:
                return usage_error(b"at most 16 breakdowns", argv[i + 1])
            i += 1
            detail["by"].append(argv[i])
        elif a == b"--service-bands":
            i += 1
            detail["service"] = argv[i]
        elif a in (b"--low-events", b"--low-people"):
            i += 1
            detail["low"][a == b"--low-people"] = argv[i]
        elif a == b"--org":
            i += 1
            org = argv[i]
        elif a == b"--confidence":
            i += 1
            conf_arg = argv[i]
        elif a == b"--target-share":
            i += 1
            share_arg = argv[i]
        elif a == b"--target-year":
            i += 1
            target_year_arg = argv[i]
        elif a == b"--suppress-max":
            i += 1
            opts["suppress_max"] = parse_count(argv[i], 1000000)
            if opts["suppress_max"] < 0:
                return usage_error(b"--suppress-max takes a whole number 0 to "
                                   b"1000000", argv[i])
        elif a == b"--round-base":
            i += 1
            opts["round_base"] = parse_count(argv[i], 1000000)
            if opts["round_base"] < 1:
                return usage_error(b"--round-base takes a whole number 1 to "
                                   b"1000000", argv[i])
        elif a == b"--summary":
            i += 1
            opts["summaries"].append(argv[i])
        elif a == b"--save-summary":
            i += 1
            opts["save_summary"] = argv[i]
        elif a == b"--format":
            i += 1
            if argv[i] not in FORMATS:
                return usage_error(b"unknown format", argv[i])
            fmt = FORMATS[argv[i]]
        else:
            return usage_error(b"unknown option", a)
        i += 1

    if not any(f is not None for f in files) and not opts["summaries"]:
        return usage_error(b"no input file given")
    if year_arg is not None:
        year = parse_year(year_arg)
        if not year:
            return usage_error(b"not a reporting year", year_arg)
    if conf_arg is not None:
        c = parse_confidence(conf_arg)
        if c is None or not 0.0 < c < 1.0:
            return usage_error(b"confidence must be a number between 0 and 1",
                               conf_arg)
        confidence = c
    if org is not None and all_orgs:
        return usage_error(b"--org and --all-orgs exclude each other")
    if fmt == wres.Format.HTML and (all_orgs or screen):
        return usage_error(b"--format html is one organisation's report: not "
                           b"with --all-orgs or --screen")
    if fmt == wres.Format.HTML:
        detail["trend"] = 1     # the page charts every year loaded
    if share_arg is not None:
        c = parse_confidence(share_arg)
        if c is None or not 0.0 < c <= 1.0:
            return usage_error(b"target share must be a number above 0, "
                               b"at most 1", share_arg)
        target_share = c
        targets = True
    if target_year_arg is not None:
        target_year = parse_year(target_year_arg)
        if not target_year:
            return usage_error(b"not a target year", target_year_arg)
        targets = True
    if org is None:
        org = b""
    many = (all_orgs, screen, targets, target_share, target_year)

    try:
        ctx = wres.Context()
    except wres.Error:
        err(b"wres-report: out of memory\n")
        return 2
    with ctx:
        if not set_detail(ctx, detail):
            return 2
        return run(ctx, files, org, year, confidence, fmt, many, opts)


_WHOLE = re.compile(br"[ \t\n\v\f\r]*[+-]?[0-9]+\Z")    # what strtol takes


def set_detail(ctx, detail):
    """--groups, --trend, --by and their thresholds, before any file, as
    wres-report sets them; False after a usage error."""
    ctx.set_int(wres.Option.GROUPS, detail["groups"])
    ctx.set_int(wres.Option.TREND, detail["trend"])
    for k, v in enumerate(detail["low"]):
        if v is None:
            continue
        if not _WHOLE.match(v) or int(v) < 0:
            err(b"wres-report: %s: not a whole number of 0 or more\n" % v)
            err(USAGE)
            return False
        ctx.set_int(wres.Option.LOW_PEOPLE if k else wres.Option.LOW_EVENTS,
                    min(int(v), 2 ** 63 - 1))
    try:
        if detail["service"] is not None:
            bad = detail["service"]
            ctx.set_string(wres.Option.SERVICE_BANDS, bad)
        for bad in detail["by"]:
            ctx.add_breakdown(bad)
    except wres.Error:
        err(b"wres-report: %s: %s\n" % (bad, ctx.errmsg(raw=True)))
        err(USAGE)
        return False
    return True



def failure(ctx, e):
    """wres-report's line for a failed report: the status text, and for
    WRES_E_RANGE the handle's message."""
    line = b"wres-report: " + wres.strerror(e.status).encode()
    if e.status == wres.Status.E_RANGE:
        line += b": " + ctx.errmsg(raw=True)
    return line + b"\n"


def csv_field(s):
    """An org code as a CSV field, quoted as wres-report quotes it."""
    if any(c in s for c in b',"\r\n') or s[:1] in (b" ", b"\t"):
        return b'"' + s.replace(b'"', b'""') + b'"'
    return s


def csv_rows(text, prefix):
    """The rows of a CSV rendering without its header, each after
    prefix."""
    body = text.split(b"\n", 1)[1] if b"\n" in text else b""
    out = []
    while body:
        line, nl, body = body.partition(b"\n")
        out.append(prefix + line + nl)
    return b"".join(out)


def write_many(ctx, fmt, all_orgs, screen, only):
    """--all-orgs and --screen: the bytes wres-report writes (write_many()
    of wres-report.c)."""
    out = []
    json_fmt, csv_fmt = fmt == wres.Format.JSON, fmt == wres.Format.CSV
    periods = ctx.periods(raw=True)
    years = []
    first = True
    if csv_fmt:
        out.append(b"section,org,year,indicator,part,group,measure,value\n")
    if json_fmt:
        out.append(b'{"reports": [' if all_orgs else b"{")
    if all_orgs:
        for org, year in periods:
            if year not in years and (not only or year == only):
                years.append(year)
            if only and year != only:
                continue
            with ctx.report(org, year) as r:
                text = r.render_bytes(fmt)
            if csv_fmt:
                out.append(csv_rows(text, b"report," + csv_field(org)
                                    + b",%d," % year))
            elif json_fmt:
                out.append((b"\n" if first else b",\n") + text[:-1])
            else:
                out.append((b"" if first else b"\n") + text)
            first = False
        years.sort()
        if json_fmt:
            out.append(b'\n],\n"aggregate": [' if periods
                       else b'],\n"aggregate": [')
        for k, year in enumerate(years):
            with ctx.aggregate(year) as r:
                text = r.render_bytes(fmt)
            if csv_fmt:
                out.append(csv_rows(text, b"aggregate,,%d," % year))
            elif json_fmt:
                out.append((b",\n" if k else b"\n") + text[:-1])
            else:
                out.append((b"" if first else b"\n") + text)
            first = False
        if json_fmt:
            out.append(b"\n]" if years else b"]")
    if screen:
        with ctx.screen() as s:
            text = s.render_bytes(fmt)
        if csv_fmt:
            out.append(csv_rows(text, b"screening,"))
        elif json_fmt:
            out.append((b',\n"screening": ' if all_orgs else b'"screening": ')
                       + text[:-1])
        else:
            out.append((b"" if first else b"\n") + text)
    if json_fmt:
        out.append(b"}\n")
    return b"".join(out)


def run(ctx, files, org, year, confidence, fmt, many, opts):
    """Ingest the files, print what was rejected or failed, write the
    report; the exit status."""
    failed = rejected = False
    shown = 0
    all_orgs, screen, targets, target_share, target_year = many
    ctx.confidence = confidence
    if year:
        ctx.default_year = year
    if targets:
        ctx.targets = True
    if target_share > 0.0:
        ctx.target_share = target_share
    if target_year:
        ctx.target_year = target_year
    ctx.publish = opts["publish"]
    if opts["suppress_max"] >= 0:
        ctx.suppress_max = opts["suppress_max"]
    if opts["round_base"] >= 1:
        ctx.round_base = opts["round_base"]

    bar = PROGRESS[0] and os.isatty(2)
    for path, kind in zip(files, KINDS):
        if path is None:
            continue
        if bar:
            ctx.set_progress(lambda done, total, rows, p=path:
                             draw_progress(p, done, total, rows))
        try:
            rv = ctx.ingest_file(kind, path, raise_on_file_error=False)
        except wres.Error as e:
            rv = e.status
        if bar:
            os.write(2, b"\n")
        for r in ctx.rejections(shown, raw=True):
            err(b"%s:%d: %s: %s: %s\n" % (
                r.file, r.line, r.column,
                (r.reason or "(null)").encode(), r.message))
            rejected = True
        shown = ctx.rejection_count()
        if rv in (wres.Status.E_IO, wres.Status.E_FORMAT):
            err(ctx.errmsg(raw=True) + b"\n")
            failed = True
        elif rv != wres.Status.OK:
            err(b"wres-report: %s: %s\n" % (path,
                                            wres.strerror(rv).encode()))
            return 2
    # summaries after the CSV files, in the order given
    for path in opts["summaries"]:
        try:
            ctx.load_summary(path)
        except wres.NoMemory as e:
            err(b"wres-report: %s: %s\n" % (path, wres.strerror(e.status).encode()))
            return 2
        except wres.Error:
            err(ctx.errmsg(raw=True) + b"\n")
            failed = True
    if opts["save_summary"] is not None:
        try:
            ctx.save_summary(opts["save_summary"])
        except wres.Error:
            err(b"wres-report: " + ctx.errmsg(raw=True) + b"\n")
            failed = True

    if all_orgs or screen:
        try:
            ctx.latest_year()
        except wres.Error:
            err(b"wres-report: no reporting year: no rows were accepted\n")
            return 3 if failed else 2
        status = 3 if failed else 1 if rejected else 0
        try:
            text = write_many(ctx, fmt, all_orgs, screen, year)
        except wres.Error as e:
            err(failure(ctx, e))
            return 2
        if not write_fd(1, text):
            err(b"wres-report: cannot write the report\n")
            status = 2
        return status
    if not year:
        try:
            year = ctx.latest_year()
        except wres.Error:
            err(b"wres-report: no reporting year: no rows were accepted "
                b"and no --year was given\n")
            return 3 if failed else 2
    try:
        with ctx.report(org, year) as report:
            text = report.render_bytes(fmt)
    except wres.Error as e:
        err(failure(ctx, e))
        return 2

    status = 3 if failed else 1 if rejected else 0
    if not write_fd(1, text):
        err(b"wres-report: cannot write the report\n")
        status = 2
    return status


if __name__ == "__main__":
    # As the C program: killed by SIGPIPE when the reader goes away.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main([os.fsencode(a) for a in sys.argv]))
