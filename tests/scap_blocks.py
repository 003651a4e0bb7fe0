#!/usr/bin/env python3
"""List the blocks of an uncompressed scap file: one line per block,
"offset type length", for tests that damage a trace at a known place."""
import struct
import sys

data = open(sys.argv[1], 'rb').read()
off = 0
while off + 8 <= len(data):
    btype, blen = struct.unpack_from('<II', data, off)
    print(off, hex(btype), blen)
    if blen < 12:
        break
    off += blen
