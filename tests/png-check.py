#!/usr/bin/env python3
"""png-check.py PNG - the screenshot of the sample's HTML report is not blank.

Decodes the PNG with the standard library only (zlib and the five PNG row
filters) and checks that the page was drawn: many distinct colours, a fair
share of pixels that are not white, and the charts' two fill colours
(Okabe-Ito blue #0072B2 for white staff, orange #E69F00 for BME staff) over
whole areas, which only the SVG charts paint.  Exits 1 with the reason when
the image looks blank, 2 when it is not a PNG this script reads.
"""

import struct
import sys
import zlib


def decode(path):
    """(width, height, channels, rows of bytes) of an 8-bit PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, hdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + n
    if hdr is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, ctype, _, _, interlace = hdr
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        raise ValueError("unsupported PNG: depth %d, colour type %d, interlace %d"
                         % (depth, ctype, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev, p = [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[p], bytearray(raw[p + 1:p + 1 + stride])
        p += 1 + stride
        if f == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        elif f != 0:
            raise ValueError("bad filter type %d" % f)
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    if len(sys.argv) != 2:
        print("usage: png-check.py PNG", file=sys.stderr)
        return 2
    try:
        width, height, channels, rows = decode(sys.argv[1])
    except (OSError, ValueError, zlib.error, struct.error) as e:
        print("png-check: %s: %s" % (sys.argv[1], e))
        return 2
    colours, counts = set(), {}
    white = 0
    for row in rows:
        for x in range(0, len(row), channels):
            px = row[x:x + 3] if channels >= 3 else row[x:x + 1] * 3
            colours.add(px)
            if px == b"\xff\xff\xff":
                white += 1
            elif px in (b"\x00\x72\xb2", b"\xe6\x9f\x00"):
                counts[px] = counts.get(px, 0) + 1
    total = width * height
    blue = counts.get(b"\x00\x72\xb2", 0)
    orange = counts.get(b"\xe6\x9f\x00", 0)
    problems = []
    if len(colours) < 50:
        problems.append("only %d distinct colours" % len(colours))
    if total - white < total // 50:
        problems.append("%d of %d pixels are not white" % (total - white, total))
    if blue < 2000 or orange < 500:
        problems.append("chart fills: %d blue and %d orange pixels" % (blue, orange))
    if problems:
        print("png-check: %s looks blank: %s" % (sys.argv[1], "; ".join(problems)))
        return 1
    print("png-check: %s: %dx%d, %d colours, %.1f%% not white, chart fills "
          "%d blue and %d orange pixels" % (sys.argv[1], width, height, len(colours),
                                            100.0 * (total - white) / total, blue, orange))
    return 0


if __name__ == "__main__":
    sys.exit(main())
