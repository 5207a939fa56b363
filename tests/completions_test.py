#!/usr/bin/env python3
"""The shell completions (completions/) offer exactly the options a binary's --help lists.

  completions_test.py BINARY BASH_COMPLETION ZSH_COMPLETION

Fails, naming them, on options the completions miss or offer but the binary lacks, and
on enumerated values (--format, --sort, --facet, --color, --print...) that differ between
the help text and the bash and zsh completions.
"""
import re
import subprocess
import sys


def help_options(binary):
    text = subprocess.run([binary, "--help"], capture_output=True, text=True, check=True).stdout
    options, values, current = set(), {}, None
    for line in text.splitlines():
        m = re.match(r"^\s+(?:-\S, )?--([a-z0-9-]+)(?: \S+)?\s{2,}(.*)$", line) or re.match(
            r"^\s+(?:-\S, )?--([a-z0-9-]+)(?: \S+)?$", line)
        if m:
            current = m.group(1)
            options.add(current)
            values[current] = m.group(2) if m.lastindex and m.lastindex >= 2 else ""
        elif current and line.startswith(" " * 10):
            values[current] += " " + line.strip()
        else:
            current = None
    return options, values


def main():
    binary, bash_file, zsh_file = sys.argv[1:4]
    options, described = help_options(binary)
    bash = open(bash_file, encoding="utf-8").read()
    zsh = open(zsh_file, encoding="utf-8").read()
    problems = []
    bash_opts = set(re.findall(r"(?<![\w-])--([a-z0-9][a-z0-9-]*)", bash))
    zsh_opts = set(re.findall(r"--([a-z0-9][a-z0-9-]*)\[", zsh)) | set(
        re.findall(r"\{-\w,--([a-z0-9-]+)\}", zsh))
    for name, offered in (("bash", bash_opts), ("zsh", zsh_opts)):
        for o in sorted(options - offered):
            problems.append(f"{name} completion misses --{o}")
        for o in sorted(offered - options):
            problems.append(f"{name} completion offers --{o}, which {binary} does not have")
    # Enumerated values: bash `--opt) ... -W "a b c"` and zsh `--opt[...]:x:(a b c)`.
    for opt, words in re.findall(r"--([a-z0-9-]+)\)\s*COMPREPLY=\(\$\(compgen -W \"([^\"]+)\"", bash):
        help_words = set(re.findall(r"[a-z][a-z0-9-]*", described.get(opt, "")))
        for w in words.split():
            if w not in help_words:
                problems.append(f"bash completion offers '{w}' for --{opt}; --help does not list it")
    for opt, words in re.findall(r"--([a-z0-9-]+)\[[^\]]*\]:[^:]*:\(([^)]*)\)", zsh):
        help_words = set(re.findall(r"[a-z][a-z0-9-]*", described.get(opt, "")))
        for w in words.split():
            if w not in help_words:
                problems.append(f"zsh completion offers '{w}' for --{opt}; --help does not list it")
    for p in problems:
        print(f"completions_test: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
