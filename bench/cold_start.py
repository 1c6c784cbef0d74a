#!/usr/bin/env python3
"""Cold start of the MilkRun local server: wall time from process start to the first HTTP 200 of GET /products.

Run by cold-start.sh (which finds the JDK, builds the jars and owns the temp dir). Standard library only.

Cases, measured round-robin so that noise on the shared machine spreads over all of them:
  java -version            the baseline: a bare JVM start and exit
  existing-db  [-/AppCDS]  H2 file database prepared with the demo data (start-up = migration check + serve)
  empty-db     [-/AppCDS]  empty H2 database (the first start loads the demo data)

"AppCDS" runs use run.sh's flags (-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=...). The archive is made the
way run.sh makes it: by a first start on an empty database (timed and reported on its own, not in the medians).
Each run gets a fresh copy of its database, a fresh port and is stopped with SIGTERM after the first 200.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time

BASE_ENV = {"MILKRUN_DEMO_DATA": "true", "MILKRUN_DEV_MAILBOX": "true", "MILKRUN_LOG_LEVEL": "WARN", "MILKRUN_STORE": "sql"}
REQUEST = b"GET /products HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n\r\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_status(port, timeout=30.0):
    """(status code of GET /products or None, perf_counter when the connection was accepted or None)."""
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except OSError:
        return None, None
    connected = time.perf_counter()
    try:
        s.sendall(REQUEST)
        data = b""
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
        return (int(m.group(1)) if m else None), connected
    except OSError:
        return None, connected
    finally:
        s.close()


def stop(proc, timeout=30):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start_server(args, flags, db_dir, log_path, extra_env=None):
    """Starts the server, waits for the first 200; returns (seconds to listening, seconds to first 200)."""
    port = free_port()
    env = dict(os.environ)
    env.update(BASE_ENV)
    env.update({"MILKRUN_PORT": str(port), "MILKRUN_DB_URL": "jdbc:h2:file:" + os.path.join(db_dir, "milkrun")})
    if extra_env:
        env.update(extra_env)
    cmd = [args.java, *flags, "-jar", args.jar]
    poll = args.poll_ms / 1000.0
    with open(log_path, "ab") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        listening = None
        try:
            deadline = t0 + args.timeout
            while True:
                status, connected = get_status(port)
                now = time.perf_counter()
                if connected is not None and listening is None:
                    listening = connected - t0
                if status == 200:
                    return listening, now - t0, proc
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited with {proc.returncode} before answering; see {log_path}:\n"
                                       + open(log_path, errors="replace").read()[-3000:])
                if now > deadline:
                    raise RuntimeError(f"no 200 from GET /products after {args.timeout}s; see {log_path}")
                time.sleep(poll)
        except BaseException:
            stop(proc)
            raise


def run_server_case(args, flags, db_template, run_dir):
    """One measured start; db_template None means an empty database."""
    if os.path.exists(run_dir):
        shutil.rmtree(run_dir)
    if db_template:
        shutil.copytree(db_template, run_dir)
    else:
        os.makedirs(run_dir)
    listening, first_ok, proc = start_server(args, flags, run_dir, os.path.join(args.work, "server.log"))
    stop(proc)
    if proc.returncode not in (0, 143, -15):
        print(f"  warning: server exited with {proc.returncode}", file=sys.stderr)
    return listening, first_ok


def java_version(args):
    t0 = time.perf_counter()
    subprocess.run([args.java, "-version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def fmt(x):
    return f"{x * 1000:.0f}"


GROUPS = [
    ("JDK", re.compile(r"^(java|javax|jdk|sun|com\.sun)\.")),
    ("Jetty", re.compile(r"^org\.eclipse\.jetty\.")),
    ("H2", re.compile(r"^org\.h2\.")),
    ("Flyway", re.compile(r"^org\.flywaydb\.")),
    ("HikariCP", re.compile(r"^com\.zaxxer\.")),
    ("Jackson", re.compile(r"^com\.fasterxml\.")),
    ("Nimbus JOSE", re.compile(r"^com\.nimbusds\.")),
    ("bcrypt", re.compile(r"^(at\.favre)\.")),
    ("PostgreSQL driver", re.compile(r"^org\.postgresql\.")),
    ("SLF4J", re.compile(r"^org\.slf4j\.")),
    ("Jakarta mail", re.compile(r"^(jakarta|org\.eclipse\.angus)\.")),
    ("MilkRun", re.compile(r"^com\.milkrun\.")),
]


MILESTONES = {  # first class of each start-up phase, in the order LocalServer runs them
    "com.milkrun.server.LocalServer": "JVM up, main class loaded",
    "com.milkrun.store.sql.SqlDatabase": "MilkRun.start: config, open stores",
    "com.zaxxer.hikari.HikariDataSource": "HikariCP pool: opens the H2 database",
    "org.flywaydb.core.Flyway": "Flyway: validate/migrate schema",
    "com.milkrun.store.sql.SqlStores": "SQL stores",
    "com.milkrun.identity.BcryptPasswordHasher": "hasher + JWT service",
    "com.milkrun.identity.SigningKeys": "signing key (read or generate RSA key)",
    "com.milkrun.notifications.Notifications": "services",
    "com.milkrun.demo.DemoData": "demo data (check; load on an empty db)",
    "com.milkrun.http.Api": "API router",
    "org.eclipse.jetty.util.thread.QueuedThreadPool": "Jetty objects (thread pool, server, connector)",
    "java.lang.management.ManagementFactory": "JMX platform MBeans (Jetty MemoryUtils' lookup)",
    "com.milkrun.server.JettyAdapter": "Jetty start (handler, bind)",
    "com.milkrun.http.ApiRequest": "first request: routing + SQL",
    "com.milkrun.http.Json": "first request: JSON (Jackson init) + response",
}


def class_load_profile(args, flags, db_template, label):
    """One start with -Xlog:class+load: classes loaded before the first 200, by library and by source, with the
    uptime at which each library's first and last class loaded (a cheap timeline of the start-up phases)."""
    run_dir = os.path.join(args.work, "profile-db")
    if os.path.exists(run_dir):
        shutil.rmtree(run_dir)
    if db_template:
        shutil.copytree(db_template, run_dir)
    else:
        os.makedirs(run_dir)
    log_file = os.path.join(args.work, "class-load.log")
    if os.path.exists(log_file):
        os.remove(log_file)
    xlog = [f"-Xlog:class+load=info:file={log_file}:uptime", f"-Xlog:startuptime=info:file={log_file}.st:uptime"]
    _, first_ok, proc = start_server(args, [*flags, *xlog], run_dir, os.path.join(args.work, "server.log"))
    stop(proc)
    line_re = re.compile(r"^\[(\d+\.\d+)s\].* ([\w.$/]+) source: (.*)$")
    total, shared, by_group = 0, 0, {}
    for line in open(log_file, errors="replace"):
        m = line_re.match(line.strip())
        if not m:
            continue
        t, name, source = float(m.group(1)), m.group(2), m.group(3)
        if t > first_ok:  # the log's uptime starts a little after the process; good enough for a cut-off
            continue
        total += 1
        cds = "shared objects file" in source
        shared += cds
        group = next((g for g, rx in GROUPS if rx.match(name)), "other (app deps)")
        if name.startswith("jdk.internal.reflect.") or "$$Lambda" in name or "LambdaForm$" in name or "/0x" in name:
            group = "JDK (generated)"
        g = by_group.setdefault(group, {"n": 0, "cds": 0, "first": t, "last": t})
        g["n"] += 1
        g["cds"] += cds
        g["first"] = min(g["first"], t)
        g["last"] = max(g["last"], t)
    print(f"\nClass loading until the first 200 ({label}; first 200 after {fmt(first_ok)} ms with logging on):")
    print("  start-up phases (uptime when the phase's first class loaded; a phase lasts until the next):")
    marks = []
    for line in open(log_file, errors="replace"):
        m = line_re.match(line.strip())
        if m and m.group(2) in MILESTONES and m.group(2) not in [n for _, n in marks]:
            marks.append((float(m.group(1)), m.group(2)))
    marks.insert(0, (0.0, "JVM"))
    marks.append((first_ok, None))
    for (t, name), (t_next, _) in zip(marks, marks[1:]):
        label = "JVM init (uptime 0 = JVM start)" if name == "JVM" else MILESTONES[name]
        print(f"    {t:7.3f}s {label:<52}{(t_next - t) * 1000:6.0f} ms")
    print(f"    {first_ok:7.3f}s first 200 seen by the client (includes process launch)")
    print(f"  {total} classes, {shared} from the CDS archive ({100 * shared / max(total, 1):.0f}%)")
    print(f"  {'library':<18}{'classes':>8}{'from CDS':>9}{'first (s)':>11}{'last (s)':>10}")
    for group, g in sorted(by_group.items(), key=lambda kv: kv[1]["first"]):
        print(f"  {group:<18}{g['n']:>8}{g['cds']:>9}{g['first']:>11.3f}{g['last']:>10.3f}")
    st = log_file + ".st"
    if os.path.exists(st):
        phases = [line.strip() for line in open(st, errors="replace") if "Create VM" in line or "Initialize module" in line]
        for p in phases[:3]:
            print("  " + p)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--java", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--poll-ms", type=float, default=5.0)
    p.add_argument("--timeout", type=float, default=60.0)
    p.add_argument("--flags", required=True, help="JVM flags of every server start (cold-start.sh passes run.sh's, "
                   "from scripts/jvm-flags.sh)")
    p.add_argument("--profile", action="store_true", help="also count class loading until the first 200")
    p.add_argument("--aot", action="store_true", help="also measure a JDK 25 AOT cache (-XX:AOTCacheOutput/AOTCache)")
    p.add_argument("--json", help="write the raw figures here")
    args = p.parse_args()

    base = args.flags.split()
    jsa = os.path.join(args.work, "milkrun-server.jsa")
    cds = [*base, "-XX:+AutoCreateSharedArchive", f"-XX:SharedArchiveFile={jsa}"]
    template = os.path.join(args.work, "template-db")

    print(f"java: {args.java}\nflags: {' '.join(base)}  (AppCDS adds -XX:+AutoCreateSharedArchive "
          f"-XX:SharedArchiveFile=<tmp>.jsa)\nruns per case: {args.runs}, poll every {args.poll_ms:g} ms\n")

    # Warm the page cache and prepare the existing database (a first start on an empty one loads the demo data).
    os.makedirs(template)
    _, first, proc = start_server(args, base, template, os.path.join(args.work, "server.log"))
    stop(proc)
    print(f"prepared the demo database (first start, not counted): {fmt(first)} ms")
    # Create the AppCDS archive as run.sh does: on the first start (empty database). Not counted either.
    _, first = run_server_case(args, cds, None, os.path.join(args.work, "db-archive"))
    if not os.path.exists(jsa):
        print("warning: the AppCDS archive was not created", file=sys.stderr)
    else:
        print(f"AppCDS archive created by a first start on an empty database: {fmt(first)} ms to first 200 "
              f"(archive {os.path.getsize(jsa) / 1e6:.1f} MB, dumped at exit)")
    aot_flags = None
    if args.aot:
        aot = os.path.join(args.work, "milkrun-server.aot")
        no_xshare = [f for f in base if not f.startswith("-Xshare")]  # the AOT flags refuse an explicit -Xshare
        _, first = run_server_case(args, [*no_xshare, f"-XX:AOTCacheOutput={aot}"], None,
                                   os.path.join(args.work, "db-aot"))
        if os.path.exists(aot):
            aot_flags = [*no_xshare, f"-XX:AOTCache={aot}"]
            print(f"AOT cache created by a training start on an empty database: {fmt(first)} ms to first 200 "
                  f"(cache {os.path.getsize(aot) / 1e6:.1f} MB, assembled at exit)")
        else:
            print("warning: the AOT cache was not created (needs JDK 25+); skipping its cases", file=sys.stderr)
    java_version(args)

    cases = [
        ("java -version", lambda i: (None, java_version(args))),
        ("(a) existing db, no AppCDS", lambda i: run_server_case(args, base, template, os.path.join(args.work, "db-a"))),
        ("(a) existing db, AppCDS", lambda i: run_server_case(args, cds, template, os.path.join(args.work, "db-a"))),
        ("(b) empty db, no AppCDS", lambda i: run_server_case(args, base, None, os.path.join(args.work, "db-b"))),
        ("(b) empty db, AppCDS", lambda i: run_server_case(args, cds, None, os.path.join(args.work, "db-b"))),
    ]
    if aot_flags:
        cases += [
            ("(a) existing db, AOT cache", lambda i: run_server_case(args, aot_flags, template, os.path.join(args.work, "db-a"))),
            ("(b) empty db, AOT cache", lambda i: run_server_case(args, aot_flags, None, os.path.join(args.work, "db-b"))),
        ]
    results = {name: {"first200": [], "listening": []} for name, _ in cases}
    for i in range(args.runs):
        for name, fn in cases:
            listening, total = fn(i)
            results[name]["first200"].append(total)
            if listening is not None:
                results[name]["listening"].append(listening)
        print(f"round {i + 1}/{args.runs}: " + ", ".join(
            f"{name} {fmt(results[name]['first200'][-1])}" for name, _ in cases), flush=True)

    base_med = statistics.median(results["java -version"]["first200"])
    print(f"\nMedian of {args.runs} runs, milliseconds (first 200 of GET /products; 'listening' = the port first "
          f"accepted a connection):\n")
    print("| case | median | min | max | listening (median) | x java -version |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, _ in cases:
        xs = results[name]["first200"]
        ls = results[name]["listening"]
        med = statistics.median(xs)
        print(f"| {name} | {fmt(med)} | {fmt(min(xs))} | {fmt(max(xs))} | "
              f"{fmt(statistics.median(ls)) if ls else '-'} | {med / base_med:.1f} |")
    print()
    for n in results:
        if n.startswith("(a)"):
            m = statistics.median(results[n]["first200"])
            print(f"Target (a) <= 1000 ms: {n}: {'MET' if m <= 1.0 else 'NOT MET'} ({fmt(m)} ms)")

    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    if args.profile:
        class_load_profile(args, base, template, "(a) existing db, no AppCDS")
        class_load_profile(args, cds, template, "(a) existing db, AppCDS")


if __name__ == "__main__":
    main()
