#!/usr/bin/python3
"""A real SMTP server for the mail tests (Debian's python3-aiosmtpd): every
message it accepts is written to FOLDER as NNNN.eml, with the envelope's
recipients in a first X-Envelope-To line. Usage: smtp_sink.py FOLDER PORT.
Prints "ready" when it listens; stops on SIGTERM (the test's SmtpSink
sends it, and the kernel does when the test dies)."""
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = os.path.join(self.folder, "%04d.eml" % self.count)
        with open(name + ".part", "wb") as out:
            out.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            out.write(envelope.original_content)
        os.rename(name + ".part", name)  # a reader never sees half a message
        return "250 Message accepted"


def main():
    folder, port = sys.argv[1], int(sys.argv[2])
    controller = Controller(SaveToFolder(folder), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    # One write, then stdout closed: the test reads "ready" and closes its
    # end, and nothing may be written to it after.
    os.write(1, b"ready\n")
    os.close(1)
    while not stop.wait(1):
        pass
    controller.stop()


main()
