#!/usr/bin/env python3
"""The portfolio-scale benchmark driver (issue 8). run.sh builds the executables and calls this.

    bench.py --diligence .build/release/diligence --floor .build-bench/floor [--work .build-bench]
             [--runs 3] [--files 2000] [--with-20000] [--side-files 200] [--quick]

Every measurement starts a fresh process per run and reports the median and the minimum of
--runs runs, with the child's peak resident memory from os.wait4. A portfolio's floor and its
checks are taken in turn, one run of each per round, so that a machine whose speed drifts moves
them alike; the ratios are the medians' and, "paired", the median of each round's own ratio. `diligence check` writes its
JSON report to a scratch file (never /dev/null: the report writer renames a temporary file over
its target). Exit 1 of `check` is the gate failing on findings and counts as success; any other
non-zero exit, or a signal, stops the benchmark.

Sections: the portfolio (check end to end, the libyaml floor on the same files, validate, the
phase split from `check --timings` when the option exists); growth with files (200, 2,000 and,
with --with-20000, 20,000); growth with list size (an OFAC-size synthetic list, 10x it, and 10x
made of the 1x list plus names from a different syllable set); database load time (`db stats`
minus process start); and growth with located conflict events. The list and event sections use
the first --side-files files of the portfolio (200 by default) to keep the whole run within
about a quarter of an hour on 2 cores. Prints tables; writes WORK/results.json.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
GENERATE = os.path.join(HERE, "generate.py")
AS_OF = "2020-09-30"
SEED = 8


def log(message):
    print(message, file=sys.stderr, flush=True)


def _no_op():
    pass


def run_once(cmd, ok=(0,), stdout_file=None):
    """Runs cmd in a fresh process: (seconds, peak RSS in KiB, exit code, stdout, stderr).
    With stdout_file, standard output goes to that file and is not read back (a report of tens of
    megabytes held here would raise the resident size every later forked child starts from)."""
    with (open(stdout_file, "wb") if stdout_file else tempfile.TemporaryFile()) as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        # preexec_fn makes subprocess fork rather than vfork: a vforked child shares this process's
        # memory map until exec, and the kernel counts that map's high-water mark as the child's peak.
        # A forked child starts from this process's current resident size instead, which run_once keeps
        # small (reports are summarised in a separate process); `rss_floor` measures it with /bin/true.
        process = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, preexec_fn=_no_op)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        if stdout_file:
            stdout = ""
        else:
            out.seek(0)
            stdout = out.read().decode("utf-8", "replace")
    if process.returncode not in ok:
        log(f"error: {' '.join(cmd)} exited with {process.returncode}\n{stderr[-3000:]}")
        sys.exit(2)
    return elapsed, usage.ru_maxrss, process.returncode, stdout, stderr


def measure(label, cmd, runs, ok=(0,), stdout_file=None):
    """`runs` runs of one command (`measure_interleaved` with that command alone)."""
    return measure_interleaved([(label, cmd, ok, stdout_file)], runs)[0]


def measure_interleaved(specs, runs):
    """`measure` for several commands taken in turn, one run of each per round, so that every
    command's median is taken over the same minutes: a machine whose speed drifts (a shared host,
    another job starting) moves the check and its floor alike instead of slowing one of them. Each
    spec is (label, cmd, ok, stdout_file); returns one result per spec, as `measure` does, and the
    paired ratios (each round's time over the first spec's time in that round) under
    "ratios_to_first"."""
    samples = [([], []) for _ in specs]
    last = [None] * len(specs)
    for _ in range(runs):
        for index, (label, cmd, ok, stdout_file) in enumerate(specs):
            # Each run writes a new report, as a CI job on a fresh checkout does: the previous run's
            # report is removed first, outside the timing. (Replacing an 81 MB file costs ext4 about
            # 70 ms inside rename(2), `strace -T`: the file system freeing the old one, not the check.
            # The standard output file is truncated by `open` before the timing starts, likewise.)
            if "--output" in cmd:
                output = cmd[cmd.index("--output") + 1]
                if os.path.isfile(output):
                    os.remove(output)
            elapsed, peak, code, stdout, stderr = run_once(cmd, ok, stdout_file)
            samples[index][0].append(elapsed)
            samples[index][1].append(peak)
            last[index] = (code, stdout, stderr)
    results = []
    for index, (label, cmd, ok, stdout_file) in enumerate(specs):
        times, rss = samples[index]
        code, stdout, stderr = last[index]
        result = {"label": label, "cmd": cmd, "runs": runs, "median_s": statistics.median(times), "min_s": min(times),
                  "max_s": max(times), "times_s": times, "peak_rss_kib": max(rss), "exit": code}
        if index > 0:
            result["ratios_to_first"] = [t / f for t, f in zip(times, samples[0][0])]
        log(f"  {label}: median {result['median_s']:.3f} s, min {result['min_s']:.3f} s, peak {max(rss) / 1024:.0f} MiB, exit {code}")
        result["_stdout"], result["_stderr"] = stdout, stderr
        results.append(result)
    return results


def public(result):
    return {k: v for k, v in result.items() if not k.startswith("_")}


def generate(args, *extra):
    subprocess.run([sys.executable, GENERATE, *extra], check=True)


def folder_bytes(paths):
    total = files = 0
    for path in paths:
        for folder, _, names in os.walk(path):
            for name in names:
                if name.endswith((".yaml", ".yml")):
                    total += os.path.getsize(os.path.join(folder, name))
                    files += 1
    return total, files


def ensure_portfolio(args, folder, files, exposure="mixed"):
    manifest = os.path.join(folder, "manifest.json")
    want = {"files": files, "seed": SEED, "exposure": exposure}
    if os.path.exists(manifest):
        with open(manifest) as handle:
            have = json.load(handle)
        if all(have.get(k) == v for k, v in want.items()) and have.get("generator") == generator_digest():
            return have
        subprocess.run(["rm", "-rf", folder], check=True)
    log(f"== generating {files} policy files ({exposure} exposure) into {folder}")
    generate(args, "portfolio", "--out", folder, "--files", str(files), "--seed", str(SEED), "--exposure", exposure)
    with open(manifest) as handle:
        have = json.load(handle)
    have["generator"] = generator_digest()
    with open(manifest, "w") as handle:
        json.dump(have, handle, indent=2, ensure_ascii=False)
    return have


def generator_digest():
    import hashlib
    digest = hashlib.sha256()
    for name in ("generate.py", "places.py"):
        with open(os.path.join(HERE, name), "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:16]


def ensure_db(args, folder, *extra):
    stamp = os.path.join(folder, ".generated")
    key = " ".join(extra) + " " + generator_digest()
    if os.path.exists(stamp) and open(stamp).read() == key:
        return
    log(f"== generating database {folder} ({' '.join(extra)})")
    generate(args, "db", "--out", folder, "--seed", str(SEED), *extra)
    with open(stamp, "w") as handle:
        handle.write(key)


def subset_counts(folders):
    counts = {"files": 0, "bytes": 0, "sites": 0, "trade": 0, "counterparties": 0, "travel": 0}
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".yaml"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                text = handle.read()
            counts["files"] += 1
            counts["bytes"] += len(text.encode("utf-8"))
            section = None
            for line in text.splitlines():
                if re.match(r"^[a-z_]+:\s*$", line):
                    section = line[:-1]
                elif line.startswith("  - ") and section in ("sites", "trade", "counterparties", "travel"):
                    counts[section] += 1
    return counts


def operations(counts):
    return counts["sites"] + counts["trade"] + counts["counterparties"] + counts["travel"]


def check_cmd(args, paths, db, output, diligence=None):
    return [diligence or args.diligence, "check", *paths, "--db", db, "--as-of", AS_OF, "--format", "json", "--output", output]


def timings(args, paths, db, output, diligence=None):
    """`check --timings`: the phase line and the work line (CPU time per stage summed over cores)."""
    _, _, code, _, stderr = run_once(check_cmd(args, paths, db, output, diligence) + ["--timings"], ok=(0, 1, 64))
    if code == 64:
        return None, None, ""
    line = next((l for l in stderr.splitlines() if l.startswith("timing:")), "")
    work_line = next((l for l in stderr.splitlines() if l.startswith("work:")), "")
    phases = {k: float(v) for k, v in re.findall(r"([A-Za-z_][\w-]*)=([0-9.]+)ms", line)} or None
    work = {k: float(v) for k, v in re.findall(r"([A-Za-z_][\w-]*)=([0-9.]+)ms", work_line)} or None
    return phases, work, line


def measure_profile(args, label, folder, counts, seeds, report_file, out, runs, diligence=None):
    """One portfolio: check (JSON to a file), check (default format to standard output), the floor
    (unless given), the phase split; the report's findings by rule."""
    tag = f" [{os.path.basename(diligence)}]" if diligence else ""
    markdown_file = os.path.join(out, "report-stdout.md")
    # The floor, the JSON check and the default-format check taken in turn, a run of each per
    # round (`measure_interleaved`): the ratios compare times taken in the same minutes.
    floor_spec = (f"{label}: floor (libyaml events)", [args.floor, folder], (0,), None)
    check_spec = (f"{label}: check{tag}", check_cmd(args, [folder], seeds, report_file, diligence), (0, 1), None)
    default_spec = (f"{label}: check (default format to standard output){tag}",
                    [diligence or args.diligence, "check", folder, "--db", seeds, "--as-of", AS_OF], (0, 1), markdown_file)
    floor, check, default = measure_interleaved([floor_spec, check_spec, default_spec], runs)
    default_bytes = os.path.getsize(markdown_file)
    os.remove(markdown_file)
    # The JSON report of the check's last run (the default-format run writes standard output only).
    findings = findings_summary(report_file)
    phases, work, line = timings(args, [folder], seeds, report_file, diligence)
    result = {"label": label, "path": folder, "counts": counts, "check": public(check), "findings": findings,
              "check_default": dict(public(default), report_bytes=default_bytes),
              "floor": dict(public(floor), output=floor["_stdout"].strip()), "phases": phases, "work": work,
              "phases_line": line}
    return result


def findings_summary(path):
    """Counts findings by rule, in a child process so that this one stays small (see run_once)."""
    done = subprocess.run([sys.executable, os.path.abspath(__file__), "--summarise", path], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def summarise(path):
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    rules = {}
    for finding in report.get("findings", []):
        rules[finding["rule"]] = rules.get(finding["rule"], 0) + 1
    return {"total": len(report.get("findings", [])), "by_rule": dict(sorted(rules.items())),
            "report_bytes": os.path.getsize(path)}


def mib(kib):
    return kib / 1024


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--summarise":
        print(json.dumps(summarise(sys.argv[2])))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--diligence", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--work", default=os.path.join(ROOT, ".build-bench"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--side-files", type=int, default=200,
                        help="portfolio size (first N files, a multiple of 100) for the list and event sections")
    parser.add_argument("--with-20000", action="store_true", help="also measure a 20,000-file portfolio (about 230 MB)")
    parser.add_argument("--list-entities", type=int, default=18000)
    parser.add_argument("--list-names", type=int, default=30000)
    parser.add_argument("--events", default="1000,10000")
    parser.add_argument("--quick", action="store_true", help="skip the list and event sections")
    parser.add_argument("--no-heavy", action="store_true", help="skip the exposure-heavy and moderate portfolios")
    parser.add_argument("--no-moderate", action="store_true", help="skip the moderate-exposure portfolio")
    parser.add_argument("--compare", metavar="DILIGENCE",
                        help="another diligence executable (an earlier build) measured on both portfolios in the same run")
    args = parser.parse_args()
    args.diligence = os.path.abspath(args.diligence)
    args.floor = os.path.abspath(args.floor)
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)
    # The tool's list cache (validated list files in binary form) lives in the scratch folder, not
    # in the user's ~/.cache; the database-load section measures with and without it.
    cache = os.path.join(work, "list-cache")
    shutil.rmtree(cache, ignore_errors=True)
    os.environ["DILIGENCE_CACHE_DIR"] = cache
    report_file = os.path.join(out, "report.json")
    seeds = os.path.join(ROOT, "seeds")
    runs = args.runs
    results = {"as_of": AS_OF, "runs": runs, "started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")}

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    version = subprocess.run([args.diligence, "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    results["machine"] = {"cores": os.cpu_count(), "cpu": cpu, "memory_gib": round(memory / 1048576, 1),
                          "diligence_version": version, "commit": commit, "python": platform.python_version()}

    # ---------------------------------------------------------------- the portfolio
    portfolio = os.path.join(work, f"portfolio-{args.files}")
    manifest = ensure_portfolio(args, portfolio, args.files)
    counts = {k: manifest[k] for k in ("files", "bytes", "sites", "trade", "counterparties", "travel")}
    results["portfolio"] = dict(counts, path=portfolio, sites_by_country=manifest.get("sites_by_country"))

    log(f"== process start ({runs} runs each)")
    start = measure("diligence --version", [args.diligence, "--version"], runs)
    results["process_start"] = public(start)
    rss_floor = measure("RSS floor of the measurement (/bin/true)", ["/bin/true"], 1)
    results["rss_floor_kib"] = rss_floor["peak_rss_kib"]

    log(f"== portfolio: {counts['files']} files, {counts['bytes'] / 1e6:.1f} MB")
    validate = measure("validate", [args.diligence, "validate", portfolio, "--db", seeds], runs)
    if "0 errors" not in validate["_stdout"] + validate["_stderr"] and validate["exit"] != 0:
        sys.exit("error: generated files do not validate")
    results["validate"] = public(validate)
    results["validate"]["message"] = (validate["_stdout"] + validate["_stderr"]).strip().splitlines()[-1:]
    # What a CI job runs is the default-format check: no --format, standard output to a file, so
    # the default applies (Markdown when standard output is not a terminal). The floor and both
    # checks are taken in turn, a run of each per round (`measure_interleaved`).
    markdown_file = os.path.join(out, "report-stdout.md")
    floor, check, check_default = measure_interleaved([
        ("floor (libyaml events)", [args.floor, portfolio], (0,), None),
        ("check", check_cmd(args, [portfolio], seeds, report_file), (0, 1), None),
        ("check (default format to standard output)", [args.diligence, "check", portfolio, "--db", seeds, "--as-of", AS_OF],
         (0, 1), markdown_file)], runs)
    results["check"] = public(check)
    results["check"]["findings"] = findings_summary(report_file)
    results["check_default"] = public(check_default)
    results["check_default"]["report_bytes"] = os.path.getsize(markdown_file)
    os.remove(markdown_file)
    results["floor"] = public(floor)
    results["floor"]["output"] = floor["_stdout"].strip()

    log("== phase split (check --timings)")
    elapsed, peak, code, stdout, stderr = run_once(check_cmd(args, [portfolio], seeds, report_file) + ["--timings"], ok=(0, 1, 64))
    if code == 64:
        results["phases"] = None
        log("  --timings not supported (exit 64)")
    else:
        line = next((l for l in stderr.splitlines() if l.startswith("timing:")), "")
        results["phases"] = {k: float(v) for k, v in re.findall(r"([A-Za-z_][\w-]*)=([0-9.]+)ms", line)} or None
        results["phases_line"] = line
        # Policies are loaded, checked and rendered as they stream: `work:` sums each stage over the cores.
        work_line = next((l for l in stderr.splitlines() if l.startswith("work:")), "")
        results["work"] = {k: float(v) for k, v in re.findall(r"([A-Za-z_][\w-]*)=([0-9.]+)ms", work_line)} or None
        # Which allocator the executable runs on (`allocator: mimalloc 2.0.9`; older builds print none).
        results["allocator"] = next((l.split(": ", 1)[1] for l in stderr.splitlines() if l.startswith("allocator: ")), None)

    # ---------------------------------------------------------------- the exposure-heavy portfolio
    # Every site, flow and counterparty in a country with factors (issue 17): measures the rules
    # and the reports rather than the loader. Same run, same binary; with --compare, also another
    # binary (an earlier build) on both portfolios, right after this one's, for before/after.
    profiles = [("mixed", portfolio, counts)]
    # The moderate profile is issue 17's held-back portfolio as the issue describes it (most sites
    # in ML, MZ and BY, about 11 findings a file); the heavy one, every operation in them.
    extra = [] if args.no_heavy else [("heavy", "exposure-heavy"), ("moderate", "moderate-exposure")]
    if args.no_moderate:
        extra = [e for e in extra if e[0] != "moderate"]
    for label, title in extra:
        folder = os.path.join(work, f"portfolio-{label}-{args.files}")
        pm = ensure_portfolio(args, folder, args.files, label)
        pc = {k: pm[k] for k in ("files", "bytes", "sites", "trade", "counterparties", "travel")}
        results[f"{label}_portfolio"] = dict(pc, path=folder, sites_by_country=pm.get("sites_by_country"))
        log(f"== {title} portfolio: {pc['files']} files, {pc['bytes'] / 1e6:.1f} MB")
        results[label] = measure_profile(args, label, folder, pc, seeds, report_file, out, runs)
        profiles.append((label, folder, pc))
    if args.compare:
        compare = os.path.abspath(args.compare)
        results["compare"] = {"diligence": compare}
        for label, folder, c in profiles:
            # The floor of each portfolio is measured again, next to the other binary's checks.
            r = measure_profile(args, label, folder, c, seeds, report_file, out, runs, compare)
            results["compare"][label] = r

    # ---------------------------------------------------------------- growth with files
    log("== growth with files")
    growth = []
    divisions = sorted(d for d in os.listdir(portfolio) if d.startswith("division-"))
    small = [os.path.join(portfolio, d) for d in divisions[:2]]
    sizes = [(200, small, subset_counts(small))] if args.files > 200 else []
    sizes.append((args.files, [portfolio], counts))
    if args.with_20000:
        big = os.path.join(work, "portfolio-20000")
        m = ensure_portfolio(args, big, 20000)
        sizes.append((20000, [big], {k: m[k] for k in counts}))
    for files, paths, c in sizes:
        if files == args.files:
            t, f = check, floor
        else:
            t = measure(f"check {files} files", check_cmd(args, paths, seeds, report_file), runs, ok=(0, 1))
            f = measure(f"floor {files} files", [args.floor, *paths], runs)
        growth.append({"files": files, "counts": c, "check": public(t), "floor": public(f),
                       "ms_per_file": 1000 * t["median_s"] / c["files"],
                       "us_per_operation": 1e6 * t["median_s"] / operations(c),
                       "peak_rss_kib": t["peak_rss_kib"]})
    results["growth_files"] = growth

    side = [os.path.join(portfolio, d) for d in divisions[:max(1, args.side_files // 100)]]
    side_counts = subset_counts(side)
    results["side_portfolio"] = side_counts

    # ---------------------------------------------------------------- database load and list size
    if not args.quick:
        db1 = os.path.join(work, "db-list-1x")
        db10 = os.path.join(work, "db-list-10x")
        db10pad = os.path.join(work, "db-list-10x-padded")
        e, n = args.list_entities, args.list_names
        ensure_db(args, db1, "--entities", str(e), "--names", str(n))
        ensure_db(args, db10, "--entities", str(10 * e), "--names", str(10 * n))
        ensure_db(args, db10pad, "--entities", str(e), "--names", str(n), "--pad-entities", str(9 * e), "--pad-names", str(9 * n))

        log(f"== database load (db stats, minus process start {start['median_s'] * 1000:.1f} ms)")
        loads = []
        for label, db in (("seeds", seeds), (f"list 1x ({e} entities, {n} names)", db1),
                          (f"list 10x ({10 * e} entities, {10 * n} names)", db10),
                          ("list 10x padded (1x + 9x other names)", db10pad)):
            # Parsed every time (cache off), then from the list cache (one run fills it first).
            os.environ["DILIGENCE_CACHE"] = "off"
            parsed = measure(f"db stats {label}, parsed", [args.diligence, "db", "stats", "--db", db], runs)
            del os.environ["DILIGENCE_CACHE"]
            run_once([args.diligence, "db", "stats", "--db", db])
            r = measure(f"db stats {label}, cached", [args.diligence, "db", "stats", "--db", db], runs)
            size, nfiles = folder_bytes([db])
            loads.append({"db": label, "path": db, "bytes": size, "files": nfiles, "stats": public(r),
                          "load_s": r["median_s"] - start["median_s"], "peak_rss_kib": r["peak_rss_kib"],
                          "parsed_stats": public(parsed), "parsed_load_s": parsed["median_s"] - start["median_s"],
                          "parsed_peak_rss_kib": parsed["peak_rss_kib"]})
        results["db_load"] = loads

        log(f"== growth with list size ({side_counts['files']} files, {side_counts['counterparties']} counterparties)")
        lists = []
        for (label, db), load in zip((("seeds", seeds), ("list 1x", db1), ("list 10x", db10), ("list 10x padded", db10pad)), loads):
            r = measure(f"check, {label}", check_cmd(args, side, db, report_file), runs, ok=(0, 1))
            summary = findings_summary(report_file)
            lists.append({"db": label, "check": public(r), "db_load_s": load["load_s"],
                          "check_minus_load_s": r["median_s"] - load["load_s"],
                          "listed_counterparty_findings": summary["by_rule"].get("listed-counterparty", 0),
                          "conflict_findings": summary["by_rule"].get("conflict-proximity", 0),
                          "findings": summary["total"], "peak_rss_kib": r["peak_rss_kib"]})
        results["growth_list"] = lists

        log(f"== growth with located conflict events ({side_counts['files']} files, {side_counts['sites']} sites)")
        events = []
        base = lists[0]["check"]
        events.append({"events": 0, "check": base, "findings": lists[0]["findings"],
                       "conflict_findings": lists[0]["conflict_findings"]})
        for count in [int(x) for x in args.events.split(",") if x]:
            db = os.path.join(work, f"db-events-{count}")
            ensure_db(args, db, "--events", str(count))
            r = measure(f"check, seeds + {count} events", check_cmd(args, side, db, report_file), runs, ok=(0, 1))
            summary = findings_summary(report_file)
            events.append({"events": count, "check": public(r), "findings": summary["total"],
                           "conflict_findings": summary["by_rule"].get("conflict-proximity", 0)})
        results["growth_events"] = events

    with open(os.path.join(work, "results.json"), "w") as handle:
        json.dump(results, handle, indent=2, ensure_ascii=False)
    print_tables(results)
    print(f"\nresults: {os.path.join(work, 'results.json')}")


def paired(result):
    """", paired 1.8x [1.7-1.9]": the median and the range of a round's time over the floor's
    time in the same round (`measure_interleaved`); empty for results measured otherwise."""
    ratios = result.get("ratios_to_first")
    if not ratios:
        return ""
    return f", paired {statistics.median(ratios):.1f}x [{min(ratios):.1f}-{max(ratios):.1f}]"


def print_profile(h, input_bytes, indent="  "):
    c, f, d = h["check"], h["floor"], h["check_default"]
    fs = h["findings"]
    files = h["counts"]["files"]
    print(f"{indent}check (JSON to a file): {c['median_s']:.2f} s [{c['min_s']:.2f}], exit {c['exit']}, {fs['total']} findings "
          f"({fs['total'] / files:.1f} a file), report {fs['report_bytes'] / 1e6:.1f} MB, peak {mib(c['peak_rss_kib']):.0f} MiB "
          f"= {c['peak_rss_kib'] * 1024 / input_bytes:.1f}x the input")
    print(f"{indent}check (default format: Markdown to standard output): {d['median_s']:.2f} s [{d['min_s']:.2f}], "
          f"report {d['report_bytes'] / 1e6:.1f} MB, peak {mib(d['peak_rss_kib']):.0f} MiB = {d['peak_rss_kib'] * 1024 / input_bytes:.1f}x the input")
    print(f"{indent}floor: {f['median_s']:.3f} s [{f['min_s']:.3f}]; ratio JSON {c['median_s'] / f['median_s']:.1f}x "
          f"(min/min {c['min_s'] / f['min_s']:.1f}x{paired(c)}), default format {d['median_s'] / f['median_s']:.1f}x "
          f"(min/min {d['min_s'] / f['min_s']:.1f}x{paired(d)})")
    print(f"{indent}findings by rule: {', '.join(f'{k} {v}' for k, v in fs['by_rule'].items())}")
    if h.get("work"):
        busy = sum(h["work"].values())
        print(f"{indent}work split (CPU, summed over cores): " + ", ".join(f"{k} {v:.1f} ms ({100 * v / busy:.0f}%)" for k, v in h["work"].items()))


def print_tables(r):
    m = r["machine"]
    p = r["portfolio"]
    c, f = r["check"], r["floor"]
    print(f"machine: {m['cores']} cores, {m['cpu']}, {m['memory_gib']} GiB; diligence {m['diligence_version']} at {m['commit']}")
    print(f"as-of {r['as_of']}; every time is the median of {r['runs']} fresh processes (min in brackets)\n")
    print(f"portfolio: {p['files']} files, {p['bytes'] / 1e6:.1f} MB, {p['sites']} sites, {p['trade']} trade flows, "
          f"{p['counterparties']} counterparties, {p['travel']} travel entries")
    print(f"  sites by country (top): {', '.join(f'{k} {v}' for k, v in list((p.get('sites_by_country') or {}).items())[:8])}")
    print(f"  validate: {r['validate']['median_s']:.2f} s [{r['validate']['min_s']:.2f}]  ({' '.join(r['validate']['message'])})")
    fs = c["findings"]
    print(f"  check (end to end, JSON to a file): {c['median_s']:.2f} s [{c['min_s']:.2f}], exit {c['exit']}, "
          f"{fs['total']} findings, report {fs['report_bytes'] / 1e6:.1f} MB")
    d = r.get("check_default")
    if d:
        print(f"  check (end to end, default format: Markdown to standard output): {d['median_s']:.2f} s [{d['min_s']:.2f}], "
              f"exit {d['exit']}, report {d['report_bytes'] / 1e6:.1f} MB, peak {mib(d['peak_rss_kib']):.0f} MiB")
    print(f"  floor (libyaml parse, nothing built): {f['median_s']:.3f} s [{f['min_s']:.3f}]  ({f.get('output', '')})")
    print(f"  ratio check / floor: {c['median_s'] / f['median_s']:.1f}x (min/min {c['min_s'] / f['min_s']:.1f}x{paired(c)})"
          + (f"; default format {d['median_s'] / f['median_s']:.1f}x (min/min {d['min_s'] / f['min_s']:.1f}x{paired(d)})" if d else ""))
    print(f"  peak memory: check {mib(c['peak_rss_kib']):.0f} MiB = {c['peak_rss_kib'] * 1024 / p['bytes']:.1f}x the input; "
          f"floor {mib(f['peak_rss_kib']):.1f} MiB; process start {r['process_start']['median_s'] * 1000:.1f} ms")
    print(f"  (peak memory is the child's maximum resident set from os.wait4; it cannot read below the launcher's own "
          f"{mib(r['rss_floor_kib']):.1f} MiB, so a value near that means 'at most that')")
    if r.get("phases"):
        total = r["phases"].get("total") or sum(v for k, v in r["phases"].items() if k != "total")
        split = ", ".join(f"{k} {v:.1f} ms ({100 * v / total:.0f}%)" for k, v in r["phases"].items() if k != "total")
        print(f"  phase split: {split}; total {total:.1f} ms")
    else:
        print("  phase split: n/a (check has no --timings yet)")
    if r.get("work"):
        busy = sum(r["work"].values())
        split = ", ".join(f"{k} {v:.1f} ms ({100 * v / busy:.0f}%)" for k, v in r["work"].items())
        print(f"  work split (CPU time summed over cores, stages overlap in wall time): {split}")
    if r.get("allocator"):
        print(f"  allocator: {r['allocator']}")

    for key, title, where in (("heavy", "exposure-heavy portfolio", "every one in ML, MZ or BY"),
                              ("moderate", "moderate-exposure portfolio", "most sites in ML, MZ or BY")):
        h = r.get(key)
        if not h:
            continue
        hp = r[f"{key}_portfolio"]
        print(f"\n{title}: {hp['files']} files, {hp['bytes'] / 1e6:.1f} MB, {hp['sites']} sites, {hp['trade']} trade flows, "
              f"{hp['counterparties']} counterparties, {hp['travel']} travel entries ({where})")
        print(f"  sites by country (top): {', '.join(f'{k} {v}' for k, v in list((hp.get('sites_by_country') or {}).items())[:8])}")
        print_profile(h, hp["bytes"])
    if r.get("compare"):
        print(f"\nthe same measurements with {r['compare']['diligence']} (same run, after the above):")
        for label in ("mixed", "heavy", "moderate"):
            if label in r["compare"]:
                cp = r["compare"][label]
                print(f"  {label}:")
                print_profile(cp, cp["counts"]["bytes"], indent="    ")
    print("\nratios (check / floor, medians; the goal is 2x or less on every profile):")
    rows = [("mixed", {"check": r["check"], "check_default": r.get("check_default"), "floor": r["floor"]})]
    rows += [(label, r[label]) for label in ("heavy", "moderate") if r.get(label)]
    for label, h in rows:
        f = h["floor"]
        d = h.get("check_default")
        line = f"  {label:<8} JSON {h['check']['median_s'] / f['median_s']:.1f}x{paired(h['check'])}"
        if d:
            line += f", default format {d['median_s'] / f['median_s']:.1f}x{paired(d)}"
        if r.get("compare") and label in r["compare"]:
            cp = r["compare"][label]
            line += (f"; --compare binary: JSON {cp['check']['median_s'] / cp['floor']['median_s']:.1f}x, "
                     f"default format {cp['check_default']['median_s'] / cp['floor']['median_s']:.1f}x")
        print(line)

    print("\ngrowth with files (seed database):")
    print(f"  {'files':>6} {'MB':>7} {'operations':>10} {'check s':>15} {'floor s':>15} {'ratio':>6} {'ms/file':>8} {'µs/op':>7} {'peak MiB':>9}")
    for g in r["growth_files"]:
        ops = operations(g["counts"])
        print(f"  {g['files']:>6} {g['counts']['bytes'] / 1e6:>7.1f} {ops:>10} "
              f"{g['check']['median_s']:>7.2f} [{g['check']['min_s']:>5.2f}] {g['floor']['median_s']:>7.3f} [{g['floor']['min_s']:>5.3f}] "
              f"{g['check']['median_s'] / g['floor']['median_s']:>6.1f} {g['ms_per_file']:>8.2f} {g['us_per_operation']:>7.1f} {mib(g['peak_rss_kib']):>9.0f}")
    if len(r["growth_files"]) >= 2:
        a, b = r["growth_files"][0], r["growth_files"][-1]
        print(f"  {b['files'] / a['files']:.0f}x the files -> {b['check']['median_s'] / a['check']['median_s']:.1f}x the time, "
              f"{b['peak_rss_kib'] / a['peak_rss_kib']:.1f}x the memory")

    if "db_load" in r:
        print(f"\ndatabase load (db stats minus process start {r['process_start']['median_s'] * 1000:.1f} ms; parsed = DILIGENCE_CACHE=off, cached = list cache filled):")
        print(f"  {'database':<44} {'MB':>6} {'parsed s':>9} {'peak MiB':>9} {'cached s':>9} {'min s':>7} {'peak MiB':>9}")
        for d in r["db_load"]:
            print(f"  {d['db']:<44} {d['bytes'] / 1e6:>6.1f} {d['parsed_load_s']:>9.3f} {mib(d['parsed_peak_rss_kib']):>9.0f} "
                  f"{d['load_s']:>9.3f} {d['stats']['min_s'] - r['process_start']['min_s']:>7.3f} {mib(d['peak_rss_kib']):>9.0f}")
        s = r["side_portfolio"]
        print(f"\ngrowth with list size ({s['files']} files, {s['counterparties']} counterparties, {s['sites']} sites):")
        print(f"  {'database':<18} {'check s':>15} {'- db load s':>11} {'listed-cp':>9} {'findings':>8} {'peak MiB':>9}")
        for g in r["growth_list"]:
            print(f"  {g['db']:<18} {g['check']['median_s']:>7.2f} [{g['check']['min_s']:>5.2f}] {g['check_minus_load_s']:>11.2f} "
                  f"{g['listed_counterparty_findings']:>9} {g['findings']:>8} {mib(g['peak_rss_kib']):>9.0f}")
        lists = {g["db"]: g for g in r["growth_list"]}
        if {"seeds", "list 1x", "list 10x"} <= set(lists):
            base = lists["seeds"]["check_minus_load_s"]
            one = lists["list 1x"]["check_minus_load_s"] - base
            for key in ("list 10x", "list 10x padded"):
                if key in lists:
                    ten = lists[key]["check_minus_load_s"] - base
                    ratio = f"{ten / one:.1f}x for 10x the names" if one > 0.05 else "1x too small to divide by"
                    print(f"  time beyond the seed run, list load excluded: 1x {one:.2f} s, {key} {ten:.2f} s ({ratio})")
        print(f"\ngrowth with located conflict events ({s['files']} files, {s['sites']} sites):")
        print(f"  {'events':>7} {'check s':>15} {'findings':>8} {'conflict-proximity':>18}")
        for g in r["growth_events"]:
            print(f"  {g['events']:>7} {g['check']['median_s']:>7.2f} [{g['check']['min_s']:>5.2f}] "
                  f"{g['findings'] if g['findings'] is not None else '':>8} {g.get('conflict_findings', ''):>18}")


if __name__ == "__main__":
    main()
