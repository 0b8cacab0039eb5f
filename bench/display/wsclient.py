#!/usr/bin/env python3
"""A display client that reads as fast as it can: connects to ADDR's /ws with TOKEN and
counts the PIXELS messages that come after the initial full state, and their bytes, until the
server closes. Prints `updates N bytes B seconds S`, seconds from the first of them to the
last."""
import base64
import os
import socket
import sys
import time

addr, token = sys.argv[1], sys.argv[2]
host, port = addr.rsplit(":", 1)
sock = socket.create_connection((host, int(port)))
key = base64.b64encode(os.urandom(16)).decode()
sock.sendall(
    (
        f"GET /ws?token={token} HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    ).encode()
)
buf = b""
while b"\r\n\r\n" not in buf:
    chunk = sock.recv(65536)
    if not chunk:
        sys.exit("the server closed during the handshake")
    buf += chunk
head, buf = buf.split(b"\r\n\r\n", 1)
if b" 101 " not in head.split(b"\r\n")[0]:
    sys.exit(f"refused: {head.splitlines()[0].decode()}")


def need(n):
    global buf
    while len(buf) < n:
        chunk = sock.recv(1 << 20)
        if not chunk:
            raise EOFError
        buf += chunk


updates = total = 0
synced = False
first = last = None
try:
    while True:
        need(2)
        opcode, length = buf[0] & 0x0F, buf[1] & 0x7F
        at = 2
        if length == 126:
            need(4)
            length, at = int.from_bytes(buf[2:4], "big"), 4
        elif length == 127:
            need(10)
            length, at = int.from_bytes(buf[2:10], "big"), 10
        need(at + length)
        payload, buf = buf[at : at + length], buf[at + length :]
        if opcode == 8:
            break
        if opcode != 2:
            continue
        kind = payload[0]
        if kind == 6:
            synced = True
        elif kind == 3 and synced:
            now = time.perf_counter()
            first = first or now
            last = now
            updates += 1
            total += len(payload)
except (EOFError, ConnectionError):
    pass
seconds = (last - first) if first and last else 0.0
print(f"updates {updates} bytes {total} seconds {seconds:.3f}")
