#!/usr/bin/env python3
"""Mutated configs against an independent TOML parser (Python's tomllib): `intervision check` must never
crash (TOMLKit's C++ parser aborts on some malformed text; only text that TOMLSyntax accepts reaches it), and
it must call a config valid TOML exactly when tomllib does.

    Tests/External/toml_differential.py BINARY [CASES] [SEED]
"""
import os
import random
import subprocess
import sys
import tempfile
import tomllib

binary = sys.argv[1]
cases = int(sys.argv[2]) if len(sys.argv) > 2 else 300
random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
bases = [open(p, encoding="utf-8").read() for p in ("Fixtures/lead-and-learn.toml", "Fixtures/lerend-leiderschap.toml")]
# Hand-picked sharp edges first (the first one aborted the process before TOMLSyntax).
sharp = ["a = [}\n", "a = [1,}\n", "a = {b = 1,}\n", "a = \"\\u00\"\n", "[a\n", "a.b. = 1\n", "a = 1979-05-27T07:32\n",
         "a = '''x\n", "a = \"\"\"x\\\n  y\"\"\"\n", "a = 0x_1\n", "a = +inf\n", "a = [\n 1, # c\n 2,\n]\n", "k\x01 = 1\n"]
alphabet = "[]{}\"'=,.#\n\t \\-+:0123456789abcdeftruTZxo_ "
texts = list(sharp)
while len(texts) < cases:
    t = list(random.choice(bases))
    for _ in range(random.randint(1, 6)):
        k, op = random.randrange(len(t)), random.random()
        if op < 0.4:
            t[k] = random.choice(alphabet)
        elif op < 0.7:
            t.insert(k, random.choice(alphabet))
        else:
            del t[k]
    texts.append("".join(t))

crashes, disagreements, valid = [], [], 0
with tempfile.TemporaryDirectory() as folder:
    for n, text in enumerate(texts):
        path = os.path.join(folder, f"case{n}.toml")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        try:
            tomllib.loads(text)
            python_ok = True
        except tomllib.TOMLDecodeError:
            python_ok = False
        valid += python_ok
        r = subprocess.run([binary, "check", "Fixtures/lerend-leiderschap-52.csv", "--config", path],
                           capture_output=True, text=True)
        if r.returncode not in (0, 2, 3):
            crashes.append((n, r.returncode, text))
        ours_ok = "not valid TOML" not in r.stderr
        if ours_ok != python_ok:
            disagreements.append((n, python_ok, r.stderr.strip().splitlines()[:1], text))

for n, code, text in crashes[:5]:
    print(f"crash (exit {code}) on case {n}: {text!r}")
for n, python_ok, message, text in disagreements[:5]:
    print(f"case {n}: tomllib {'accepts' if python_ok else 'rejects'}, intervision {message}: {text!r}")
print(f"{len(texts)} configs ({valid} valid TOML by tomllib): {len(crashes)} crashes, {len(disagreements)} disagreements")
sys.exit(1 if crashes or disagreements else 0)
