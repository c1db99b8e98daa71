#!/usr/bin/env python3
"""Splits the CPU time used on this machine while it runs into "ours" and "foreign".

Ours: the descendants of ROOT_PID (the driver: the bench JVM, and the container shells and JVMs
its NodeManagers start) and any process whose command line contains one of the MARKERS (the
container JVMs once re-parented away from the bench JVM name the round's directory in their
flags). Foreign: everything else, for instance another engineer's build or tests, even of Floe.
Sampled once a second from /proc; a process that starts and ends between two samples is missed.

Usage: cpu-split.py OUTFILE ROOT_PID MARKER... -- runs until SIGTERM or SIGINT, then writes one
line to OUTFILE:  ours_cpu_s=<s> foreign_cpu_s=<s> top_foreign=<command>:<s>,...
"""
import os
import signal
import sys
import time

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def read_processes():
    """pid -> (cpu ticks, parent pid, command name) of every process now."""
    processes = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, "rb") as stat:
                text = stat.read()
        except OSError:
            continue
        close = text.rfind(b")")
        name = text[text.find(b"(") + 1:close].decode(errors="replace")
        rest = text[close + 2:].split()
        # after the name: state, ppid, ..., utime (14th field of the line), stime (15th)
        processes[int(entry)] = (int(rest[11]) + int(rest[12]), int(rest[1]), name)
    return processes


class Classifier:
    def __init__(self, root, markers):
        self.known = {os.getpid(): True, root: True}
        self.markers = markers

    def is_ours(self, pid, processes):
        if pid not in self.known:
            try:
                with open("/proc/%d/cmdline" % pid, "rb") as cmdline:
                    command = cmdline.read()
                ours = any(marker in command for marker in self.markers)
            except OSError:
                ours = False
            parent = processes.get(pid, (0, 0, ""))[1]
            if not ours and parent > 1 and parent != pid:
                ours = self.is_ours(parent, processes)
            self.known[pid] = ours
        return self.known[pid]


def main():
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    signal.signal(signal.SIGINT, lambda *_: stop.append(True))
    classifier = Classifier(int(sys.argv[2]), [marker.encode() for marker in sys.argv[3:]])
    before = read_processes()
    ours = foreign = 0
    foreign_by_name = {}
    while not stop:
        time.sleep(1.0)
        now = read_processes()
        for pid, (ticks, _, name) in now.items():
            used = ticks - before[pid][0] if pid in before else ticks
            if used <= 0:
                continue
            if classifier.is_ours(pid, now):
                ours += used
            else:
                foreign += used
                foreign_by_name[name] = foreign_by_name.get(name, 0) + used
        before = now
    top = sorted(foreign_by_name.items(), key=lambda item: -item[1])[:3]
    with open(sys.argv[1], "w") as out:
        out.write("ours_cpu_s=%.1f foreign_cpu_s=%.1f top_foreign=%s\n" % (
            ours / TICKS_PER_SECOND, foreign / TICKS_PER_SECOND,
            ",".join("%s:%.1f" % (name, used / TICKS_PER_SECOND) for name, used in top) or "none"))


if __name__ == "__main__":
    main()
