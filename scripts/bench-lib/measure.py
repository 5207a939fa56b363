"""Running a command and measuring it: wall time, CPU time and peak RSS from the child's
rusage (os.wait4), sizes on disk, xapian-compact, document counts, the machine."""

import os
import platform
import re
import shutil
import subprocess
import time


class Result:
    def __init__(self, wall, cpu, maxrss, rc, stderr_tail):
        self.wall = wall
        self.cpu = cpu
        self.maxrss = maxrss  # bytes
        self.rc = rc
        self.stderr_tail = stderr_tail
        self.articles = 0
        self.bytes = 0
        self.size = 0
        self.summary = None


def run(cmd, stderr_path, stdout_devnull=True):
    with open(stderr_path, "wb") as err:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL if stdout_devnull else None, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    with open(stderr_path, "rb") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - 65536))
        tail = f.read().decode("utf-8", "replace")
    return Result(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024, p.returncode, tail)


SUMMARY = re.compile(r"indexed (\d+), updated (\d+), unchanged (\d+), duplicate (\d+), "
                     r"skipped (\d+), rejected (\d+)")


def parse_summary(text):
    """morgue-index's closing summary on stderr, and its per-reason rejection lines."""
    m = None
    for m in SUMMARY.finditer(text):
        pass
    if not m:
        return None
    keys = ["indexed", "updated", "unchanged", "duplicate", "skipped", "rejected"]
    s = {k: int(v) for k, v in zip(keys, m.groups())}
    s["reasons"] = []
    for line in text[m.end():].splitlines():
        r = re.match(r"\s*rejected (\d+): (.*)", line)
        if r:
            s["reasons"].append(f"{r.group(2)}: {int(r.group(1)):,} rejected")
    return s


def du(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(d, f))
            except OSError:
                pass
    return total


def compact(db):
    out = db.rstrip("/") + ".compact"
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.monotonic()
    r = subprocess.run(["xapian-compact", db, out], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    secs = time.monotonic() - t0
    if r.returncode != 0:
        return None, None
    return du(out), secs


def doccount(db):
    r = subprocess.run(["xapian-delve", db], capture_output=True, text=True)
    m = re.search(r"number of documents = (\d+)", r.stdout)
    return int(m.group(1)) if m else 0


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = 0
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    nproc = os.cpu_count() or 1
    load = os.getloadavg()
    xv = subprocess.run(["xapian-config", "--version"], capture_output=True, text=True).stdout.strip() \
        if shutil.which("xapian-config") else "?"
    line = (f"{nproc} cores ({model}), {mem / 2**30:.1f} GiB RAM, Linux {platform.release()}, "
            f"{xv or 'xapian ?'}, load average at start {load[0]:.2f}")
    return {"nproc": nproc, "model": model, "mem": mem, "load": load, "line": line}
