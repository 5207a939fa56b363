"""The benchmark's corpus cache: gen-corpus output kept under build-bench/corpus/, keyed
by the generator's own bytes, the seed and the size, so a changed generator regenerates
and an unchanged one is reused across runs."""

import hashlib
import json
import os
import subprocess
import time


class Corpus:
    def __init__(self, directory, stamp):
        self.dir = directory
        self.stamp = stamp

    def gen_seconds(self, fmt):
        return self.stamp.get("seconds", {}).get(fmt)


def ensure(gen, cache, count, seed, formats, log, profile="long"):
    with open(gen, "rb") as f:
        digest = hashlib.sha1(f.read()).hexdigest()[:10]
    tag = "" if profile == "long" else f"-{profile}"
    directory = os.path.join(cache, f"seed{seed}-n{count}{tag}-{digest}")
    stamp_path = os.path.join(directory, "stamp.json")
    stamp = {"formats": [], "seconds": {}}
    if os.path.exists(stamp_path):
        with open(stamp_path) as f:
            stamp = json.load(f)
    missing = [f for f in formats if f not in stamp["formats"]]
    if missing:
        log(f"generating {count} articles as {','.join(missing)} into {directory}")
        t0 = time.monotonic()
        subprocess.run([gen, "--count", str(count), "--seed", str(seed), "--out", directory,
                        "--formats", ",".join(missing), "--profile", profile], check=True)
        secs = time.monotonic() - t0
        stamp["formats"] += missing
        stamp["seconds"][",".join(missing)] = round(secs, 1)
        with open(stamp_path, "w") as f:
            json.dump(stamp, f)
    else:
        log(f"corpus cached: {directory} ({','.join(formats)})")
    return Corpus(directory, stamp)
