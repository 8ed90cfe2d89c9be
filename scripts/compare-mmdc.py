#!/usr/bin/env python3
"""Time mermaid-cli (mmdc) and mermaid-rs on the same diagrams, one whole process per render, and print the
ratio per file.

    python3 scripts/compare-mmdc.py [--mmdc PATH] [--puppeteer-config FILE] [--runs N] [FILES...]

Without FILES it uses the seed diagrams in ../shared/seed when present, else examples/*.mmd. mmdc is looked up
as --mmdc, then $MMDC, then `mmdc` on PATH. mmdc needs a browser: install it with
`PUPPETEER_SKIP_DOWNLOAD=1 npm install @mermaid-js/mermaid-cli` and pass a puppeteer config naming the system
Chromium, e.g. {"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox"]}.
"""
import argparse, glob, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {result.stderr.decode()[:300]}")
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mmdc", default=os.environ.get("MMDC") or shutil.which("mmdc"))
    ap.add_argument("--puppeteer-config")
    ap.add_argument("--runs", type=int, default=3, help="mmdc runs per file (ours run 10x as often)")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if not args.mmdc:
        sys.exit("mmdc not found: pass --mmdc or set MMDC (see this script's docstring)")
    files = args.files or sorted(glob.glob(os.path.join(ROOT, "../shared/seed/*.mmd"))) or sorted(
        glob.glob(os.path.join(ROOT, "examples/*.mmd")))
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    ours = os.path.join(ROOT, "target/release/mermaid-rs")
    out = tempfile.mkdtemp()
    print(f"{'file':32} {'mmdc (median)':>14} {'mermaid-rs':>12} {'ratio':>9}")
    ratios = []
    for f in files:
        name = os.path.basename(f)
        target = os.path.join(out, name + ".svg")
        mmdc = [args.mmdc, "-q", "-i", f, "-o", target] + (["-p", args.puppeteer_config] if args.puppeteer_config else [])
        t_mmdc = timed(mmdc, args.runs)
        t_ours = timed([ours, "render", "-q", "-i", f, "-o", target], args.runs * 10)
        ratios.append(t_mmdc / t_ours)
        print(f"{name:32} {t_mmdc * 1000:>11.0f} ms {t_ours * 1000:>9.2f} ms {t_mmdc / t_ours:>8.0f}x")
    print(f"{'median ratio':32} {'':>14} {'':>12} {statistics.median(ratios):>8.0f}x")


if __name__ == "__main__":
    main()
