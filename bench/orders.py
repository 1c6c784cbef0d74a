#!/usr/bin/env python3
"""Order-placement load driver for a running MilkRun server on 127.0.0.1, and its pgbench ceiling (stdlib only).

    python3 bench/orders.py setup   --port P [--customers 16] [--products 40] --out ids.json
    python3 bench/orders.py run     --port P --ids ids.json --scenario spread|hot|me|categories
                                    [--clients 16] [--warmup 5] [--duration 20] [--server-pid PID] [--gc-log FILE]
                                    [--json out.json]
    python3 bench/orders.py pgbench --db NAME --ids ids.json --scenario spread|hot [--variant ceiling|mirror|...]
                                    [--clients 16] [--threads 2] [--warmup 5] [--duration 20] [--json out.json]

setup   signs the vendor in (vendor@milkrun.dev, vendor-001, delivers to 390001), creates the products (40 for
        "spread" and one "hot" product, each with stock 1,000,000 set through PUT .../stock) and registers one
        customer per client with a complete profile (register, code from /dev/mailbox, verify, login, phone,
        address in 390001). Writes the ids and ID tokens to --out.
run     one keep-alive http.client connection and one customer per client thread; every thread places orders
        back to back (POST /orders, a unique Idempotency-Key each) for --warmup + --duration seconds; only answers
        that complete inside the measured window count. Scenarios: spread = 2 distinct lines drawn at random from
        the 40 products, quantity 1 each; hot = 1 unit of the hot product; me = GET /users/me (authenticated
        no-op: token check and profile reads); categories = GET /categories (no token, no database: HTTP + JSON).
        Every answer must be 201 (200 for me/categories); anything else is counted and reported. Also reads the
        CPU time of the server (--server-pid), of every postgres process, of this client and of the whole machine
        over the window, and the GC pauses logged by -Xlog:gc in --gc-log during the window.
pgbench writes a pgbench script that sends what MilkRun's place sends for one order, for the same customers and
        products (ids from --ids), and runs pgbench -M prepared (warm-up run, then the measured run). Variants:
          ceiling  the reads and writes of one placement in ONE transaction: user + addresses, vendor + pincodes,
                   the products, customer stats; INSERT idempotency_keys, UPDATE customer_stats, the guarded
                   UPDATE inventory per line (in (vendor, product) order), INSERT orders, INSERT order_lines
          mirror   statement for statement what MilkRun sends: the reads as separate auto-commit statements
                   (user for the token check, idempotency-key lookup, user again, vendor, products, stats), then
                   the write transaction, the order lines pipelined as JDBC batches them
          reorder  (hot) mirror with the inventory UPDATE moved to the end of the transaction, just before COMMIT
"""
import argparse
import http.client
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone

IST = timezone(timedelta(hours=5, minutes=30))  # Asia/Kolkata has no DST
VENDOR_EMAIL, VENDOR_PASSWORD = "vendor@milkrun.dev", "MilkRun@2026"
CUSTOMER_PASSWORD = "Bench@2026x"
STOCK = 1_000_000
CLK_TCK = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------------------------------------------- HTTP helpers
class Api:
    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, body=None, token=None, expect=(200,), headers=None):
        h = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if token:
            h["Authorization"] = "Bearer " + token
        h.update(headers or {})
        self.conn.request(method, path, body=data, headers=h)
        resp = self.conn.getresponse()
        payload = resp.read()
        if resp.status not in expect:
            sys.exit(f"setup: {method} {path} answered {resp.status}: {payload[:400]!r}")
        return json.loads(payload) if payload else None


def login(api, email, password):
    return api.call("POST", "/auth/login", {"email": email, "password": password})["idToken"]


def setup(args):
    api = Api(args.port)
    tag = uuid.uuid4().hex[:8]
    vtoken = login(api, VENDOR_EMAIL, VENDOR_PASSWORD)

    def product(name, price):
        p = api.call("POST", "/vendor/products", {"name": name, "category": "milk", "unit": "1 L", "price": price,
                                                 "description": "benchmark product"}, token=vtoken, expect=(201,))
        level = api.call("PUT", f"/vendor/products/{p['productId']}/stock", {"stock": STOCK}, token=vtoken)
        if level["available"] != STOCK:
            sys.exit(f"setup: stock of {p['productId']} is {level}")
        return {"productId": p["productId"], "vendorId": p["vendorId"], "price": price}

    # prices >= 60 so that any 2 lines, and 1 unit of the hot product (120), reach the minimum order of 100
    products = [product(f"Bench Milk {i:02d}", 60 + 10 * (i % 5)) for i in range(args.products)]
    hot = product("Bench Hot Milk", 120)
    customers = []
    for i in range(args.customers):
        email = f"bench-{tag}-{i:02d}@bench.test"
        user = api.call("POST", "/auth/register", {"email": email, "password": CUSTOMER_PASSWORD,
                                                    "name": f"Bench Customer {i:02d}"})
        mail = api.call("GET", f"/dev/mailbox?email={email}")
        code = re.search(r"\b(\d{6})\b", mail["items"][0]["body"]).group(1)
        api.call("POST", "/auth/verify", {"email": email, "code": code})
        token = login(api, email, CUSTOMER_PASSWORD)
        api.call("PUT", "/users/me", {"phone": f"+9198765{i:05d}"}, token=token)
        address = api.call("POST", "/users/me/addresses", {"line1": f"{i + 1} Bench Road", "city": "Vadodara",
                                                           "state": "Gujarat", "zipCode": "390001"},
                           token=token, expect=(201,))
        me = api.call("GET", "/users/me", token=token)
        if not me["isProfileComplete"]:
            sys.exit(f"setup: profile of {email} is incomplete: {me}")
        customers.append({"email": email, "userId": user["userId"], "idToken": token,
                          "addressId": address["addressId"]})
    out = {"tag": tag, "customers": customers, "products": products, "hot": hot}
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
    print(f"setup: {len(customers)} customers, {len(products)} + 1 hot products (stock {STOCK:,})")


def delivery_date(margin_s):
    """The first delivery date valid now AND margin_s seconds from now (tomorrow, or the day after once the 22:00
    IST cut-off has passed), so that a run that straddles the cut-off keeps getting 201s."""
    def earliest(t):
        local = t.astimezone(IST)
        return local.date() + timedelta(days=1 if local.hour < 22 else 2)
    now = datetime.now(timezone.utc)
    return max(earliest(now), earliest(now + timedelta(seconds=margin_s))).isoformat()


# ------------------------------------------------------------------------------------------------- CPU accounting
def proc_cpu(pid):
    """utime + stime of one process in seconds, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (OSError, IndexError, ValueError):
        return None


def postgres_cpu():
    """CPU seconds of every process named postgres, including what the postmaster's exited children (backends of
    closed connections) used: their time moves to its cutime/cstime when it reaps them, so the difference of two
    readings counts backends that started or ended in between."""
    total = 0.0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                s = f.read()
        except OSError:
            continue
        if s[s.index("(") + 1:s.rindex(")")] == "postgres":
            fields = s.rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15]) / CLK_TCK  # utime stime cutime cstime
    return total


def thread_cpu(pid, roles=()):
    """CPU seconds of a JVM's threads grouped by role, from /proc/PID/task/*/stat (thread names are cut at 15
    characters): request threads (milkrun-http-*, or the carriers of the virtual request threads), JIT compilers, the VM thread (which runs the serial GC), rest.
    `roles` adds (thread-name prefix, group) pairs, checked in order after the request threads."""
    groups = Counter()
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return groups
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                s = f.read()
        except OSError:
            continue
        name = s[s.index("(") + 1:s.rindex(")")]
        fields = s.rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLK_TCK
        role = next((group for prefix, group in roles if name.startswith(prefix)), None)
        if name.startswith(("milkrun-http", "ForkJoinPool-")):  # request threads, or the carriers of virtual ones
            groups["http"] += cpu
        elif role:
            groups[role] += cpu
        elif "CompilerThre" in name:
            groups["jit"] += cpu
        elif name.startswith(("VM Thread", "GC Thread")):
            groups["gc_vm"] += cpu
        else:
            groups["other"] += cpu
    return groups


def machine_cpu():
    """(busy, steal, total) jiffies of the whole machine from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    steal = v[7] if len(v) > 7 else 0
    return sum(v) - idle - steal, steal, sum(v)


class CpuWindow:
    """CPU seconds used between start() and stop() by: the MilkRun server, all postgres processes, this process,
    its children (pgbench), and the machine (busy share of the 2 cores, steal)."""

    def __init__(self, server_pid=None):
        self.server_pid = server_pid

    def _snap(self):
        t = os.times()
        ch = resource.getrusage(resource.RUSAGE_CHILDREN)
        return {"wall": time.perf_counter(), "server": proc_cpu(self.server_pid) if self.server_pid else None,
                "threads": thread_cpu(self.server_pid) if self.server_pid else Counter(),
                "pg": postgres_cpu(), "self": t.user + t.system, "children": ch.ru_utime + ch.ru_stime,
                "machine": machine_cpu()}

    def start(self):
        self.a = self._snap()

    def stop(self):
        self.b = self._snap()
        a, b = self.a, self.b
        wall = b["wall"] - a["wall"]
        pg = b["pg"] - a["pg"]
        busy = b["machine"][0] - a["machine"][0]
        steal = b["machine"][1] - a["machine"][1]
        total = b["machine"][2] - a["machine"][2]
        return {"wall_s": wall,
                "server_cpu_s": (b["server"] - a["server"]) if a["server"] is not None and b["server"] else None,
                "postgres_cpu_s": pg, "client_cpu_s": b["self"] - a["self"],
                "children_cpu_s": b["children"] - a["children"],
                "server_threads_cpu_s": {k: round(b["threads"][k] - a["threads"].get(k, 0), 2) for k in b["threads"]},
                "machine_busy_cores": busy / total * os.cpu_count() if total else None,
                "machine_steal_cores": steal / total * os.cpu_count() if total else None}


def gc_pauses(path, start, end):
    """Sum and count of GC pauses logged by -Xlog:gc between byte offsets start and end of the log."""
    if not path:
        return None
    with open(path, "rb") as f:
        f.seek(start)
        text = f.read(end - start).decode(errors="replace")
    ms = [float(m) for m in re.findall(r"Pause .*?(\d+\.\d+)ms", text)]
    return {"gc_pauses": len(ms), "gc_pause_ms": round(sum(ms), 1)}


def size(path):
    return os.path.getsize(path) if path and os.path.exists(path) else 0


def pct(sorted_values, p):
    if not sorted_values:
        return None
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


# ------------------------------------------------------------------------------------------------------ load run
def run(args):
    ids = json.load(open(args.ids))
    customers = ids["customers"]
    if len(customers) < args.clients:
        sys.exit(f"{args.ids} has {len(customers)} customers, {args.clients} clients need one each")
    date = delivery_date(args.warmup + args.duration + 120)
    products = ids["products"]
    hot = ids["hot"]
    scenario = args.scenario
    expect = 201 if scenario in ("spread", "hot", "life") else 200
    life = scenario == "life"
    if life and not args.db:
        sys.exit("--scenario life needs --db (the PostgreSQL database the server uses)")
    t0 = time.perf_counter() + 0.5
    w_start, w_end = t0 + args.warmup, t0 + args.warmup + args.duration
    results = [None] * args.clients
    samples, samples_lock = [], threading.Lock()

    def worker(i):
        rnd = random.Random(1000 + i)
        cust = customers[i]
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
        base = {"Accept": "application/json", "Content-Type": "application/json",
                "Authorization": "Bearer " + cust["idToken"]}
        tail = f'],"deliveryDate":"{date}","addressId":"{cust["addressId"]}"}}'
        hot_body = (f'{{"items":[{{"productId":"{hot["productId"]}","vendorId":"{hot["vendorId"]}","quantity":1}}'
                    + tail).encode()
        lat, status, n = [], Counter(), 0
        prefix = f"{ids['tag']}-{i}-{uuid.uuid4().hex[:8]}-"
        while time.perf_counter() < t0:
            time.sleep(0.001)
        while True:
            if scenario in ("spread", "life"):
                a, b = rnd.sample(products, 2)
                body = (f'{{"items":[{{"productId":"{a["productId"]}","vendorId":"{a["vendorId"]}","quantity":1}},'
                        f'{{"productId":"{b["productId"]}","vendorId":"{b["vendorId"]}","quantity":1}}' + tail).encode()
                method, path = "POST", "/orders"
            elif scenario == "hot":
                body, method, path = hot_body, "POST", "/orders"
            elif scenario == "me":
                body, method, path = None, "GET", "/users/me"
            else:
                body, method, path = None, "GET", "/categories"
            headers = base
            if method == "POST":
                headers = dict(base)
                headers["Idempotency-Key"] = prefix + str(n)
            n += 1
            start = time.perf_counter()
            if start >= w_end:
                break
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                payload = resp.read()
                code = resp.status
            except (http.client.HTTPException, OSError) as e:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
                code, payload = 0, repr(e).encode()
            end = time.perf_counter()
            if w_start <= start and end < w_end:
                lat.append(end - start)
                status[code] += 1
            if code != expect:
                with samples_lock:
                    if len(samples) < 8:
                        samples.append(f"{method} {path} -> {code}: {payload[:300]!r}")
        conn.close()
        results[i] = (lat, status)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.clients)]
    for t in threads:
        t.start()
    cpu = CpuWindow(args.server_pid)
    while time.perf_counter() < w_start:
        time.sleep(0.0005)
    cpu.start()
    wall_start = time.time()
    counts_a = jdbc_counts(args.jdbc_counts)
    xact_a = pg_xacts(args.db) if args.db else None
    backlog_start = running_runs(args.db) if life else None
    gc_a = size(args.gc_log)
    if args.jfr:  # profiling run: JFR's CPU-time sampler (JDK 25) over the measured window
        jcmd = os.path.join(args.java_home, "bin", "jcmd")
        subprocess.run([jcmd, str(args.server_pid), "JFR.start", "name=orders", "settings=profile",
                        "jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=2ms", f"filename={args.jfr}"],
                       check=True, capture_output=True)
    while time.perf_counter() < w_end:
        time.sleep(0.0005)
    wall_end = time.time()
    drain = None
    if life:
        # the clients stop placing at the end of the window; the runner goes on until no run is left or the drain
        # period is over, and the CPU and statements of that tail count for the orders it finishes
        backlog_end = running_runs(args.db)
        deadline = time.perf_counter() + args.drain
        left = backlog_end
        while left > 0 and time.perf_counter() < deadline:
            time.sleep(0.2)
            left = running_runs(args.db)
        drain = {"backlog_at_window_start": backlog_start, "backlog_at_window_end": backlog_end,
                 "backlog_after_drain": left, "drain_s": round(time.perf_counter() - (deadline - args.drain), 2)}
    usage = cpu.stop()
    wall_stop = time.time()
    counts_b = jdbc_counts(args.jdbc_counts, fresh=True)
    xact_b = pg_xacts(args.db) if args.db else None
    gc_b = size(args.gc_log)
    if args.jfr:
        subprocess.run([jcmd, str(args.server_pid), "JFR.stop", "name=orders"], check=True, capture_output=True)
    for t in threads:
        t.join(timeout=120)
    lat = sorted(x for r in results if r for x in r[0])
    status = Counter()
    for r in results:
        if r:
            status.update(r[1])
    ok = status.get(expect, 0)
    window = usage["wall_s"]
    out = {"scenario": scenario, "clients": args.clients, "duration_s": args.duration, "warmup_s": args.warmup,
           "delivery_date": date, "requests": len(lat), "ok": ok, "throughput": ok / window,
           "p50_ms": pct(lat, 50) * 1000 if lat else None, "p99_ms": pct(lat, 99) * 1000 if lat else None,
           "mean_ms": statistics.fmean(lat) * 1000 if lat else None,
           "status": {str(k): v for k, v in sorted(status.items())},
           "unexpected": sum(v for k, v in status.items() if k != expect), "samples": samples}
    out.update(usage)
    out.update(gc_pauses(args.gc_log, gc_a, gc_b) or {})
    # what the CPU figures are divided by: the answers in the window, or for "life" the orders the workflow
    # finished (run Succeeded: Confirmed, vendors and customer told) between window start and drain end
    per_op = ok
    if life:
        done = life_counts(args.db, wall_start, wall_end, wall_stop)
        out.update(drain)
        out.update(done)
        out["placed_throughput"] = ok / window
        out["throughput"] = done["window_orders_done"] / window
        out["completed_in_window_throughput"] = done["runs_succeeded_in_window"] / window
        per_op = done["runs_succeeded_until_drain_end"]
    if counts_a and counts_b:
        for kind in ("request", "background"):
            d = [b - a for a, b in zip(counts_a[kind], counts_b[kind])]
            out[f"jdbc_{kind}"] = dict(zip(("statements", "round_trips", "transactions"), d[:3]))
        # the request threads' work is per placement (201s: requests only run inside the window), everything
        # else's per finished order
        divisor = {"request": ok, "background": per_op}
        if per_op and ok:
            out["per_order"] = {f"{k}_{kind}": out[f"jdbc_{kind}"][k] / divisor[kind]
                                for kind in ("request", "background") for k in ("statements", "round_trips",
                                                                                 "transactions")}
            for k in ("statements", "round_trips", "transactions"):
                out["per_order"][k] = out["per_order"][f"{k}_request"] + out["per_order"][f"{k}_background"]
    if xact_a is not None and xact_b is not None and per_op:
        out["pg_transactions_per_order"] = (xact_b - xact_a) / per_op
    if args.h2_dir:
        out["h2_file_mb"] = sum(os.path.getsize(os.path.join(args.h2_dir, f)) for f in os.listdir(args.h2_dir)) / 2**20
    per = lambda k: (out[k] / per_op * 1e6) if per_op and out.get(k) is not None else None
    out.update({"server_us_per_op": per("server_cpu_s"), "postgres_us_per_op": per("postgres_cpu_s"),
                "client_us_per_op": per("client_cpu_s")})
    print(summary_line(out))
    if args.jfr:
        out["profile"] = cpu_profile(os.path.join(args.java_home, "bin", "jfr"), args.jfr,
                                     ("milkrun-http", "workflow-") if life else ("milkrun-http",))
        print_profile(out)
    for s in samples:
        print("  unexpected:", s)
    if args.json:
        json.dump(out, open(args.json, "w"), indent=1)
    return 0 if out["unexpected"] == 0 else 1


def summary_line(o):
    fmt = lambda v, f: "-" if v is None else format(v, f)
    if o["scenario"] == "life":
        po = o.get("per_order", {})
        return (f"life: {o['throughput']:.1f} orders/s confirmed (window orders done by the drain's end), placed "
                f"{o['placed_throughput']:.1f}/s, runs finished inside the window {o['completed_in_window_throughput']:.1f}/s;"
                f" backlog (running runs) {o['backlog_at_window_start']} at window start, {o['backlog_at_window_end']} at"
                f" its end, {o['backlog_after_drain']} after a {o['drain_s']} s drain; p50 {fmt(o['p50_ms'], '.1f')} ms,"
                f" p99 {fmt(o['p99_ms'], '.1f')} ms, status {o['status']}; per finished order: server"
                f" {fmt(o.get('server_us_per_op'), '.0f')} us, postgres {fmt(o.get('postgres_us_per_op'), '.0f')} us,"
                f" client {fmt(o.get('client_us_per_op'), '.0f')} us CPU, statements {fmt(po.get('statements'), '.1f')}"
                f" ({fmt(po.get('statements_request'), '.1f')} placing + {fmt(po.get('statements_background'), '.1f')}"
                f" workflow), round trips {fmt(po.get('round_trips'), '.1f')} ({fmt(po.get('round_trips_request'), '.1f')}"
                f" + {fmt(po.get('round_trips_background'), '.1f')}), transactions {fmt(po.get('transactions'), '.1f')}"
                f" (PostgreSQL counted {fmt(o.get('pg_transactions_per_order'), '.1f')}); machine busy"
                f" {fmt(o.get('machine_busy_cores'), '.2f')} of {os.cpu_count()} cores"
                + (f"; GC {o['gc_pauses']} pauses {o['gc_pause_ms']} ms" if "gc_pauses" in o else ""))
    return (f"{o['scenario']}: {o['throughput']:.1f}/s, p50 {fmt(o['p50_ms'], '.1f')} ms, p99 {fmt(o['p99_ms'], '.1f')}"
            f" ms, status {o['status']}, CPU per op: server {fmt(o.get('server_us_per_op'), '.0f')} us, postgres "
            f"{fmt(o.get('postgres_us_per_op'), '.0f')} us, client {fmt(o.get('client_us_per_op'), '.0f')} us; "
            f"machine busy {fmt(o.get('machine_busy_cores'), '.2f')} of {os.cpu_count()} cores"
            + (f"; GC {o['gc_pauses']} pauses {o['gc_pause_ms']} ms" if "gc_pauses" in o else ""))


# ------------------------------------------------------------------------------------------- database read-outs
def psql_value(db, query):
    r = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-XAtc", query, db], check=True,
                       capture_output=True, text=True)
    return r.stdout.strip()


def running_runs(db):
    return int(psql_value(db, "SELECT count(*) FROM workflow_runs WHERE status = 'Running'"))


def pg_xacts(db):
    """Transactions PostgreSQL counted for the database (committed + rolled back; its statistics lag by up to a
    second, and include the few queries of this script)."""
    return int(psql_value(db, f"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '{db}'"))


def life_counts(db, start, end, stop):
    """Orders placed in [start, end) and how many of them were Confirmed with their run Succeeded by now; runs that
    succeeded in [start, end) and in [start, stop). Times are this machine's wall clock, as the server's are."""
    ts = lambda t: f"to_timestamp({t:.6f})"
    # ANALYZE first: the tables grew from nothing within the minute, and with the planner's stale estimates the join
    # below becomes a nested loop over ~100,000 x ~100,000 rows after a long warm-up
    row = psql_value(db, f"""ANALYZE orders, workflow_runs; SELECT
        (SELECT count(*) FROM orders WHERE created_at >= {ts(start)} AND created_at < {ts(end)}),
        (SELECT count(*) FROM orders o JOIN workflow_runs r ON r.subject_id = o.order_id
          WHERE o.created_at >= {ts(start)} AND o.created_at < {ts(end)} AND o.status = 'Confirmed'
            AND r.status = 'Succeeded'),
        (SELECT count(*) FROM workflow_runs WHERE status = 'Succeeded' AND updated_at >= {ts(start)}
            AND updated_at < {ts(end)}),
        (SELECT count(*) FROM workflow_runs WHERE status = 'Succeeded' AND updated_at >= {ts(start)}
            AND updated_at < {ts(stop)}),
        (SELECT count(*) FROM workflow_runs WHERE status NOT IN ('Running', 'Succeeded'))""")
    v = [int(x) for x in row.splitlines()[-1].split("|")]   # the last line: psql also prints ANALYZE's tag
    return {"window_orders_placed": v[0], "window_orders_done": v[1], "runs_succeeded_in_window": v[2],
            "runs_succeeded_until_drain_end": v[3], "runs_failed_or_aborted": v[4]}


def jdbc_counts(path, fresh=False):
    """The totals the server writes with -Dmilkrun.jdbc.counts=FILE: {kind: [statements, round trips,
    transactions, commits, rollbacks, auto-committed]}; None without the file. Waits for a fresh write."""
    if not path:
        return None
    if fresh:
        time.sleep(0.25)
    try:
        with open(path) as f:
            return {line.split()[0]: [int(x) for x in line.split()[1:]] for line in f if line.strip()}
    except OSError:
        return None


# ------------------------------------------------------------------------------------------------------- pgbench
# Statements copied from store-sql (SqlUserStore, SqlVendorStore, SqlProductStore, SqlOrderStore, OrderRows);
# MilkRun binds every value as a parameter, so does -M prepared here.
SQL_USER = ("SELECT u.user_id, u.email, u.name, u.phone, u.role, u.email_verified, u.disabled, u.created_at,"
            " u.updated_at, u.version, a.position, a.address_id, a.label, a.line1, a.line2, a.city, a.state,"
            " a.zip_code, a.is_default FROM users u LEFT JOIN user_addresses a ON a.user_id = u.user_id"
            " WHERE u.user_id = {uid} ORDER BY a.position")
SQL_VENDOR = ("SELECT v.vendor_id, v.owner_user_id, v.name, v.description, v.contact_email, v.contact_phone,"
              " v.status, v.created_at, v.updated_at, v.version, p.pincode FROM vendors v"
              " LEFT JOIN vendor_pincodes p ON p.vendor_id = v.vendor_id WHERE v.vendor_id = {vid} ORDER BY p.position")
SQL_PRODUCT = ("SELECT product_id, vendor_id, name, category, unit, price, description, image_url, active,"
               " created_at, updated_at, version FROM products WHERE product_id = {pid}")
SQL_STATS = "SELECT order_count, loyalty_points FROM customer_stats WHERE user_id = :u_user_id"
SQL_KEY_LOOKUP = ("SELECT user_id, idempotency_key, request_hash, order_id, created_at FROM idempotency_keys"
                  " WHERE user_id = :u_user_id AND idempotency_key = {key}")
SQL_KEY_INSERT = ("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, order_id, created_at)"
                  " VALUES (:u_user_id, {key}, :hash, {oid}, now())")
SQL_COUNT = ("UPDATE customer_stats SET order_count = order_count + 1, loyalty_points = loyalty_points - :pts"
             " WHERE user_id = :u_user_id AND ((:s_order_count = 0 AND order_count = 0)"
             " OR (:s_order_count > 0 AND order_count > 0)) AND loyalty_points >= :pts")
# the hoarding limits (ADR 7): per customer and date, open cash-on-delivery orders and units of each product, each a
# conditional upsert in the placing transaction (the benchmark's server runs with limits far above what it places)
SQL_DAY_ORDERS = ("INSERT INTO customer_day_orders (user_id, delivery_date, open_cash_orders)"
                  " VALUES (:u_user_id, CAST(:ddate AS DATE), 1) ON CONFLICT (user_id, delivery_date) DO UPDATE"
                  " SET open_cash_orders = customer_day_orders.open_cash_orders + 1"
                  " WHERE customer_day_orders.open_cash_orders < 1000000")
SQL_DAY_UNITS = ("INSERT INTO customer_day_units (user_id, delivery_date, vendor_id, product_id, units)"
                 " VALUES (:u_user_id, CAST(:ddate AS DATE), {vid}, {pid}, :q)"
                 " ON CONFLICT (user_id, delivery_date, vendor_id, product_id) DO UPDATE"
                 " SET units = customer_day_units.units + :q WHERE customer_day_units.units + :q <= 1000000")
SQL_RESERVE = ("UPDATE inventory SET reserved = reserved + :q, updated_at = now(), version = version + 1"
               " WHERE vendor_id = {vid} AND product_id = {pid} AND stock - reserved >= :q")
SQL_ORDER = ("INSERT INTO orders (order_id, user_id, status, delivery_date, payment_method, address_id,"
             " address_label, address_line1, address_line2, city, state, zip_code, subtotal, cgst, sgst, tax,"
             " base_delivery_charge, multi_vendor_surcharge, delivery_charge, first_order_discount, points_redeemed,"
             " discount, total_amount, created_at, updated_at, version) VALUES ({oid}, :u_user_id, 'Pending', :ddate,"
             " 'CashOnDelivery', :u_address_id, :u_label, :u_line1, :u_line2, :u_city, :u_state, :u_zip_code,"
             " :sub, :gst, :gst, :tax, :dlv, 0, :dlv, 0, 0, 0, :total, now(), now(), 1)")
# the rest of an order's life, written by the workflow (OrderSteps, OrderNotices, SqlOrderStore, SqlNotificationStore)
SQL_EVENT = ("INSERT INTO order_events (order_id, seq, what, status, by_kind, by_name, note, at) VALUES ({oid}, {seq},"
             " '{what}', '{status}', '{kind}', '{by}', '{note}', now())")
SQL_CONFIRM = ("UPDATE orders SET status = 'Confirmed', updated_at = now(), version = version + 1"
               " WHERE order_id = {oid} AND version = 1")
SQL_NOTE = ("INSERT INTO notifications (notification_id, user_id, email, kind, subject, body, created_at) VALUES"
            " ('note-' || {oid} || '-{who}', {uid}, {email}, 'ORDER', {subject}, {body}, now())")
NOTE_BODY = ("'Your order ' || {oid} || ' is confirmed for delivery on ' || :ddate || ' by 8:00 AM.' || chr(10) ||"
             " '- Bench Milk (1 L) x 1 = Rs 80.00' || chr(10) || '- Bench Milk (1 L) x 1 = Rs 70.00' || chr(10) ||"
             " 'Total: Rs 197.50 (CashOnDelivery)'")
SQL_LINE = ("INSERT INTO order_lines (order_id, line_no, product_id, vendor_id, vendor_name, product_name, unit,"
            " quantity, unit_price, total_price, created_at, delivery_date) VALUES ({oid}, {no}, :{p}product_id,"
            " :{p}vendor_id, :vname, :{p}name, :{p}unit, :q, :{p}price, :{p}price, now(), :ddate)")


def sql_array(values):
    return "('{" + ",".join(values) + "}'::text[])"


def pgbench_script(ids, scenario, variant, customers):
    """The pgbench script of one order placement; see the module docstring for the variants."""
    users = sql_array(c["userId"] for c in customers)
    oid = "'order-' || :client_id || '-' || :oid"
    key = "'" + ids["tag"] + "-pgb-' || :run || '-' || :client_id || '-' || :n"
    s = [f"-- MilkRun order placement, scenario {scenario}, variant {variant} (generated by bench/orders.py)",
         f"\\set cu :client_id % {len(customers)} + 1",
         "\\set n :n + 1",
         "\\set oid random(1, 4611686018427387903)",
         "\\set q 1",
         "\\set pts 0"]
    if scenario in ("spread", "life"):
        prods = sorted(ids["products"], key=lambda p: p["productId"])  # lock order = index order
        parr = sql_array(p["productId"] for p in prods)
        s += [f"\\set r1 random(1, {len(prods)})",
              f"\\set r2 random(1, {len(prods) - 1})",
              "\\if :r2 >= :r1", "\\set r2 :r2 + 1", "\\endif",
              "\\set lo least(:r1, :r2)", "\\set hi greatest(:r1, :r2)"]
        lines = [("p1_", f"{parr}[:r1]"), ("p2_", f"{parr}[:r2]")]
        reserve = [f"{parr}[:lo]", f"{parr}[:hi]"]
    else:
        hot = "'" + ids["hot"]["productId"] + "'"
        lines = [("p1_", hot)]
        reserve = [hot]
    vendor = "'" + (ids["hot"]["vendorId"]) + "'"
    reads_user = SQL_USER.format(uid=f"{users}[:cu]") + " \\gset u_"
    reads_catalog = [SQL_VENDOR.format(vid=vendor) + ";"]  # once per order: all lines are vendor-001's
    for prefix, pid in lines:
        reads_catalog.append(SQL_PRODUCT.format(pid=pid) + f" \\gset {prefix}")
    stats = SQL_STATS + " \\gset s_"
    # pricing (OrderService): 5% GST, delivery 40/20/0 by subtotal; no first-order discount after the MilkRun run
    price = ["\\set sub " + " + ".join(f":{p}price" for p, _ in lines),
             "\\set gst :sub * 0.025", "\\set tax :sub * 0.05",
             "\\set dlv 40", "\\if :sub >= 300", "\\set dlv 20", "\\endif", "\\if :sub >= 500", "\\set dlv 0", "\\endif",
             "\\set total :sub + :tax + :dlv"]
    writes_limits = [SQL_DAY_ORDERS + ";"] + [SQL_DAY_UNITS.format(vid=vendor, pid=pid) + ";" for pid in reserve]
    writes_reserve = [SQL_RESERVE.format(vid=vendor, pid=pid) + ";" for pid in reserve]
    writes_order = [SQL_ORDER.format(oid=oid) + ";"]
    line_inserts = [SQL_LINE.format(oid=oid, no=i, p=prefix) + ";" for i, (prefix, _) in enumerate(lines)]
    if len(line_inserts) > 1:
        line_inserts = ["\\startpipeline"] + line_inserts + ["\\endpipeline"]
    if variant in ("ceiling", "life"):
        s += ["BEGIN;", reads_user] + reads_catalog + [stats] + price
        s += [SQL_KEY_INSERT.format(key=key, oid=oid) + ";", SQL_COUNT + ";"] + writes_limits + writes_reserve
        s += writes_order + line_inserts
        if variant == "life":
            # placed, vendors told, confirmed: the timeline's three entries (one JDBC batch would send them
            # together), the status change, and the vendor's and the customer's inbox messages (no SMTP configured,
            # so no email deliveries), all in the placing transaction
            s += ["\\startpipeline",
                  SQL_EVENT.format(oid=oid, seq=1, what="Placed", status="Pending", kind="customer", by="Customer",
                                   note="") + ";",
                  SQL_EVENT.format(oid=oid, seq=2, what="VendorsNotified", status="Pending", kind="workflow",
                                   by="NotifyVendors", note="1 dairy told about its lines") + ";",
                  SQL_EVENT.format(oid=oid, seq=3, what="Confirmed", status="Confirmed", kind="workflow",
                                   by="UpdateOrderStatus", note="") + ";",
                  "\\endpipeline",
                  SQL_CONFIRM.format(oid=oid) + ";",
                  "\\startpipeline",
                  SQL_NOTE.format(oid=oid, who="v", uid=":vowner", email=":vemail",
                                  subject="'New order for ' || :ddate || ': Gir Organic Dairy'",
                                  body=NOTE_BODY.format(oid=oid)) + ";",
                  SQL_NOTE.format(oid=oid, who="c", uid=":u_user_id", email=":u_email",
                                  subject="'Order confirmed: ' || " + oid, body=NOTE_BODY.format(oid=oid)) + ";",
                  "\\endpipeline"]
        s += ["COMMIT;"]
    elif variant in ("mirror", "reorder"):
        # authenticate(): users.get; place(): findIdempotencyKey, draft(): users.get, vendor, product(s); stats
        s += [SQL_USER.format(uid=f"{users}[:cu]") + ";",
              SQL_KEY_LOOKUP.format(key=key) .replace(":u_user_id", f"{users}[:cu]") + ";",
              reads_user] + reads_catalog + [stats] + price
        s += ["BEGIN;", SQL_KEY_INSERT.format(key=key, oid=oid) + ";", SQL_COUNT + ";"] + writes_limits
        if variant == "mirror":
            s += writes_reserve + writes_order + line_inserts
        else:
            s += writes_order + line_inserts + writes_reserve
        s += ["COMMIT;"]
    else:
        sys.exit(f"unknown variant {variant}")
    return "\n".join(s) + "\n"


def script_counts(script):
    """Statements and round trips of one transaction of a generated script: every SQL line is a statement and a
    round trip, except that the statements between \\startpipeline and \\endpipeline share one."""
    statements = round_trips = 0
    in_pipeline = False
    for line in script.splitlines():
        line = line.strip()
        if line == "\\startpipeline":
            in_pipeline = True
            round_trips += 1
        elif line == "\\endpipeline":
            in_pipeline = False
        elif line and not line.startswith(("--", "\\")):
            statements += 1
            round_trips += 0 if in_pipeline else 1
    return {"statements": statements, "round_trips": round_trips}


def parse_pgbench(text):
    def num(pattern):
        m = re.search(pattern, text)
        return float(m.group(1)) if m else None
    return {"tps": num(r"tps = ([\d.]+) \(without initial connection time\)"),
            "pgbench_latency_avg_ms": num(r"latency average = ([\d.]+) ms"),
            "transactions": num(r"number of transactions actually processed: (\d+)"),
            "failed": num(r"number of failed transactions: (\d+)")}


def pgbench(args):
    ids = json.load(open(args.ids))
    customers = ids["customers"][:args.clients]
    script = pgbench_script(ids, args.scenario, args.variant, customers)
    path = args.script or f"/tmp/milkrun-pgbench-{os.getpid()}.sql"
    with open(path, "w") as f:
        f.write(script)
    date = delivery_date(0)
    owner = psql_value(args.db, "SELECT u.user_id || '|' || u.email FROM vendors v JOIN users u"
                                f" ON u.user_id = v.owner_user_id WHERE v.vendor_id = '{ids['hot']['vendorId']}'").split("|")
    common = ["pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-M", "prepared", "-c", str(args.clients),
              "-j", str(args.threads), "-f", path, "-D", "n=0", "-D", f"ddate={date}",
              "-D", "hash=" + "0" * 64, "-D", "vname=Gir Organic Dairy",
              "-D", f"vowner={owner[0]}", "-D", f"vemail={owner[1]}"] + (["-r"] if args.per_statement else [])
    if args.warmup > 0:
        w = subprocess.run(common + ["-T", str(args.warmup), "-D", f"run=w{uuid.uuid4().hex[:6]}", args.db],
                           capture_output=True, text=True)
        if w.returncode != 0:
            sys.exit(f"pgbench warm-up failed ({w.returncode}):\n{w.stdout}\n{w.stderr}")
    def counts():
        q = "SELECT (SELECT count(*) FROM orders), (SELECT coalesce(sum(reserved), 0) FROM inventory)"
        r = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-XAtc", q, args.db],
                           check=True, capture_output=True, text=True)
        return [int(x) for x in r.stdout.strip().split("|")]
    before = counts()
    cpu = CpuWindow()
    cpu.start()
    r = subprocess.run(common + ["-T", str(args.duration), "-D", f"run=m{uuid.uuid4().hex[:6]}", args.db],
                       capture_output=True, text=True)
    usage = cpu.stop()
    if r.returncode != 0:
        sys.exit(f"pgbench failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    after = counts()
    out = {"scenario": args.scenario, "variant": args.variant, "clients": args.clients, "duration_s": args.duration}
    out.update(parse_pgbench(r.stdout))
    out["per_transaction"] = script_counts(script)
    # every transaction must have placed its order and reserved its lines (the guarded UPDATE matched a row)
    lines = 1 if args.scenario == "hot" else 2
    placed, reserved = after[0] - before[0], after[1] - before[1]
    out.update({"orders_placed": placed, "units_reserved": reserved})
    if not out["tps"] or abs(placed - (out["transactions"] or 0)) > args.clients or reserved != placed * lines:
        sys.exit(f"pgbench check failed: {out['transactions']} transactions, {placed} orders, {reserved} units "
                 f"reserved\n{r.stdout}")
    out.update(usage)
    if out["tps"]:
        tx = out["tps"] * out["wall_s"]
        out["postgres_us_per_op"] = out["postgres_cpu_s"] / tx * 1e6
        out["pgbench_us_per_op"] = out["children_cpu_s"] / tx * 1e6
    if args.per_statement:
        out["per_statement"] = r.stdout[r.stdout.find("statement latencies"):]
    print(f"pgbench {args.scenario}/{args.variant}: {out['tps']:.1f} tps, latency avg "
          f"{out['pgbench_latency_avg_ms']} ms, failed {out['failed']}, CPU per tx: postgres "
          f"{out.get('postgres_us_per_op', 0):.0f} us, pgbench {out.get('pgbench_us_per_op', 0):.0f} us; "
          f"machine busy {out['machine_busy_cores']:.2f} cores; per transaction {out['per_transaction']['statements']}"
          f" statements, {out['per_transaction']['round_trips']} round trips")
    if args.per_statement:
        print(out["per_statement"])
    if args.json:
        json.dump(out, open(args.json, "w"), indent=1)


# ------------------------------------------------------------------------------------------------ CPU profile
JDK_PREFIXES = ("java.", "javax.", "jdk.", "sun.", "com.sun.")


def frame_category(frames):
    """The part of the server a CPU sample belongs to: the token check if JwtTokenService.verify is on the stack,
    otherwise the library of the frame nearest the leaf that is not JDK code (JDK code counts for its caller);
    socket system calls are split out."""
    if any(".JwtTokenService.verify(" in f for f in frames):
        return "token check (RS256 signature, claims)"
    first = next((f for f in frames if not f.startswith(JDK_PREFIXES)), "")
    sock = bool(frames) and frames[0].startswith(("sun.nio.ch.", "java.net."))
    if first.startswith(("org.postgresql.", "com.zaxxer.")):
        return "JDBC: socket calls to PostgreSQL" if sock else "JDBC: pgjdbc + HikariCP"
    if first.startswith("com.zaxxer.") or first.startswith("org.h2."):
        return "H2 engine (in-process database)"
    if first.startswith("com.fasterxml."):
        return "JSON (Jackson)"
    if first.startswith("org.eclipse.jetty."):
        return "HTTP: socket calls" if sock else "HTTP: Jetty (parsing, dispatch)"
    if first.startswith("com.milkrun.workflow."):
        return "workflow engine (interpreter, paths, run records) + JDK"
    if first.startswith("com.milkrun."):
        return "MilkRun code (routing, validation, pricing, mapping) + JDK"
    if first.startswith("com.nimbusds."):
        return "token check (RS256 signature, claims)"
    return "other: " + (first or (frames[0] if frames else "?")).rsplit(".", 2)[0]


INCLUSIVE = [("ApiRouter.authenticate (token + user lookup)", ".ApiRouter.authenticate("),
             ("OrderService.place", ".OrderService.place("),
             ("Jdbc (all database calls)", ".store.sql.Jdbc."),
             ("JettyAdapter.handle (the whole handler)", ".JettyAdapter.handle("),
             ("WorkflowEngine.work (claim, steps, advances)", ".WorkflowEngine.work("),
             ("OrderSteps (the step handlers)", ".OrderSteps.")]


def cpu_profile(jfr_tool, path, threads=("milkrun-http",)):
    text = subprocess.run([jfr_tool, "print", "--events", "jdk.CPUTimeSample", "--stack-depth", "256", path],
                          check=True, capture_output=True, text=True).stdout
    cats, incl, own, n = Counter(), Counter(), Counter(), 0
    for ev in text.split("jdk.CPUTimeSample {")[1:]:
        m = re.search(r'eventThread = "([^"]*)"', ev)
        if not m or not m.group(1).startswith(threads):
            continue
        frames = re.findall(r"^\s{4}(\S+?\()", ev, re.M)
        n += 1
        cats[frame_category(frames)] += 1
        first = next((f for f in frames if not f.startswith(JDK_PREFIXES)), "")
        if first.startswith("com.milkrun."):
            own[first.rstrip("(") + (" > " + frames[0].rstrip("(") if frames and frames[0] != first else "")] += 1
        for label, needle in INCLUSIVE:
            if any(needle in f for f in frames):
                incl[label] += 1
    return {"samples": n, "categories": dict(cats.most_common()), "inclusive": dict(incl),
            "milkrun_frames": dict(own.most_common(15))}


def print_profile(out):
    prof = out["profile"]
    n = prof["samples"] or 1
    http_us = (out.get("server_threads_cpu_s", {}).get("http", 0) / out["ok"] * 1e6) if out["ok"] else 0
    if out["scenario"] == "life":
        # request threads and the workflow's threads together, against all of the server's CPU per finished order
        http_us = out["server_us_per_op"]
    print(f"  {'request- and workflow-thread' if out['scenario'] == 'life' else 'request-thread'} CPU profile ({prof['samples']} samples; request threads {http_us:.0f} us/op of the "
          f"server's {out['server_us_per_op']:.0f} us/op, threads: {out.get('server_threads_cpu_s')}):")
    for cat, c in prof["categories"].items():
        print(f"    {c / n * 100:5.1f} %  {c / n * http_us:6.0f} us/op  {cat}")
    for label, c in prof["inclusive"].items():
        print(f"    inclusive {c / n * 100:5.1f} %  {c / n * http_us:6.0f} us/op  {label}")
    if prof.get("milkrun_frames"):
        print("    where MilkRun's own share goes (its frame nearest the leaf > the leaf):")
        for frame, c in prof["milkrun_frames"].items():
            print(f"      {c / n * 100:5.1f} %  {c / n * http_us:6.0f} us/op  {frame}")


# -------------------------------------------------------------------------------------------------------- report
def report(args):
    """Medians over the runs of every JSON result in --dir (names: milkrun-DB-SCENARIO-RUN.json and
    pgbench-SCENARIO-VARIANT-RUN.json, as bench/orders.sh writes them)."""
    import glob
    med = lambda xs: statistics.median(xs) if xs else None
    fmt = lambda v, f=".0f": "-" if v is None else format(v, f)
    cells, pg = {}, {}
    for path in sorted(glob.glob(os.path.join(args.dir, "*.json"))):
        name = os.path.basename(path)[:-5].split("-")
        o = json.load(open(path))
        if name[0] == "milkrun":
            cells.setdefault((name[1], name[2]), {})[int(name[3])] = o
        elif name[0] == "pgbench":
            pg.setdefault((name[1], name[2]), {})[int(name[3])] = o
    order = {"life": -1, "spread": 0, "hot": 1, "me": 2, "categories": 3}
    if not cells and not pg:
        print("(no runs)")
        return
    print("| database | scenario | runs | orders/s (requests/s) | p50 ms | p99 ms | answers | server CPU/op | "
          "PostgreSQL CPU/op | client CPU/op | busy cores | GC ms/s |")
    print("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for (db, sc), runs in sorted(cells.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 9))):
        rs = list(runs.values())
        m = lambda k: med([r[k] for r in rs if r.get(k) is not None])
        statuses = Counter()
        for r in rs:
            statuses.update({k: v for k, v in r["status"].items()})
        gc = med([r["gc_pause_ms"] / r["wall_s"] for r in rs if "gc_pause_ms" in r])
        print(f"| {db} | {sc} | {len(rs)} | {fmt(m('throughput'))} | {fmt(m('p50_ms'), '.1f')} | "
              f"{fmt(m('p99_ms'), '.1f')} | {', '.join(f'{v} x {k}' for k, v in sorted(statuses.items()))} | "
              f"{fmt(m('server_us_per_op'))} us | {fmt(m('postgres_us_per_op'))} us | {fmt(m('client_us_per_op'))} us"
              f" | {fmt(m('machine_busy_cores'), '.2f')} | {fmt(gc, '.1f')} |")
    if not pg:
        return
    print()
    print("| pgbench script | runs | transactions/s | latency avg ms | failed | PostgreSQL CPU/tx | pgbench CPU/tx | "
          "busy cores |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for (sc, var), runs in sorted(pg.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[0][1])):
        rs = list(runs.values())
        m = lambda k: med([r[k] for r in rs if r.get(k) is not None])
        print(f"| {sc} / {var} | {len(rs)} | {fmt(m('tps'))} | {fmt(m('pgbench_latency_avg_ms'), '.2f')} | "
              f"{fmt(sum(r.get('failed') or 0 for r in rs))} | {fmt(m('postgres_us_per_op'))} us | "
              f"{fmt(m('pgbench_us_per_op'))} us | {fmt(m('machine_busy_cores'), '.2f')} |")
    print()
    print("| scenario | MilkRun on PostgreSQL, orders/s | pgbench script | transactions/s | **MilkRun / pgbench** "
          "(ratio of medians) | per-run ratios | CPU per order: MilkRun server + PostgreSQL (+ client) | "
          "pgbench: PostgreSQL (+ pgbench) |")
    print("|---|---:|---|---:|---:|---|---:|---:|")
    for (sc, var), runs in sorted(pg.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[0][1])):
        mr = cells.get(("pg", sc), {})
        if not mr:
            continue
        # life: orders placed while the workflow runs against the placement ceiling, whole lives against the life one
        key = "placed_throughput" if sc == "life" and var == "ceiling" else "throughput"
        a = med([r[key] for r in mr.values()])
        b = med([r["tps"] for r in runs.values() if r.get("tps")])
        per = [f"{mr[i][key] / runs[i]['tps'] * 100:.0f} %" for i in sorted(runs) if i in mr and runs[i].get("tps")]
        ms = med([r["server_us_per_op"] + r["postgres_us_per_op"] for r in mr.values()])
        mc = med([r["client_us_per_op"] for r in mr.values()])
        ps = med([r["postgres_us_per_op"] for r in runs.values() if r.get("postgres_us_per_op")])
        pc = med([r["pgbench_us_per_op"] for r in runs.values() if r.get("pgbench_us_per_op")])
        label = sc + (" (placed)" if key == "placed_throughput" else " (whole life)" if sc == "life" else "")
        print(f"| {label} | {a:.0f} | {var} | {b:.0f} | **{a / b * 100:.0f} %** | {', '.join(per)} | "
              f"{ms:.0f} us (+ {mc:.0f}) | {ps:.0f} us (+ {pc:.0f}) |")
    life = cells.get(("pg", "life"), {})
    if life:
        print()
        print("| life, per finished order (medians) | statements | round trips | transactions | PostgreSQL-counted"
              " transactions | backlog: window start / end / after drain | runs finished inside the window/s |")
        print("|---|---:|---:|---:|---:|---|---:|")
        rs = list(life.values())
        m = lambda f: med([f(r) for r in rs if r.get("per_order")])
        backlogs = ", ".join("{}/{}/{}".format(r["backlog_at_window_start"], r["backlog_at_window_end"],
                                               r["backlog_after_drain"]) for r in rs)
        for part, suffix in (("placing (request threads)", "_request"), ("workflow + outbox (other threads)",
                                                                         "_background"), ("whole life", "")):
            print(f"| {part} | {fmt(m(lambda r: r['per_order']['statements' + suffix]), '.1f')} | "
                  f"{fmt(m(lambda r: r['per_order']['round_trips' + suffix]), '.1f')} | "
                  f"{fmt(m(lambda r: r['per_order']['transactions' + suffix]), '.1f')} | "
                  + (f"{fmt(med([r['pg_transactions_per_order'] for r in rs if 'pg_transactions_per_order' in r]), '.1f')}"
                     f" | {backlogs}"
                     f" | {fmt(med([r['completed_in_window_throughput'] for r in rs]), '.0f')} |" if not suffix else "| | |"))
        for (sc, var), runs in sorted(pg.items()):
            if sc == "life":
                pt = next(iter(runs.values())).get("per_transaction", {})
                print(f"| pgbench {var} (one transaction) | {pt.get('statements', '-')} | {pt.get('round_trips', '-')}"
                      f" | 1 | | | |")

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup")
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--customers", type=int, default=16)
    s.add_argument("--products", type=int, default=40)
    s.add_argument("--out", required=True)
    r = sub.add_parser("run")
    r.add_argument("--port", type=int, required=True)
    r.add_argument("--ids", required=True)
    r.add_argument("--scenario", choices=["spread", "hot", "me", "categories", "life"], required=True)
    r.add_argument("--db", help="the server's PostgreSQL database: needed by --scenario life (drain, counts), also "
                                "gives PostgreSQL's transaction count per order")
    r.add_argument("--drain", type=float, default=10, help="life: seconds the runner gets after the window")
    r.add_argument("--jdbc-counts", help="the file the server writes with -Dmilkrun.jdbc.counts=FILE: statements, "
                                         "round trips and transactions per order")
    r.add_argument("--clients", type=int, default=16)
    r.add_argument("--warmup", type=float, default=5)
    r.add_argument("--duration", type=float, default=20)
    r.add_argument("--server-pid", type=int)
    r.add_argument("--gc-log")
    r.add_argument("--h2-dir", help="record the size of the H2 database files at the end")
    r.add_argument("--json")
    r.add_argument("--jfr", help="record the window with JFR's CPU-time sampler into this file and print where "
                                 "the request threads' CPU goes (needs --server-pid and --java-home)")
    r.add_argument("--java-home", default=os.environ.get("JAVA_HOME", ""))
    g = sub.add_parser("pgbench")
    g.add_argument("--db", required=True)
    g.add_argument("--ids", required=True)
    g.add_argument("--scenario", choices=["spread", "hot", "life"], required=True)
    g.add_argument("--variant", choices=["ceiling", "mirror", "reorder", "life"], default="ceiling")
    g.add_argument("--clients", type=int, default=16)
    g.add_argument("--threads", type=int, default=2)
    g.add_argument("--warmup", type=int, default=5)
    g.add_argument("--duration", type=int, default=20)
    g.add_argument("--script", help="where to write the generated script (default: a temp file)")
    g.add_argument("--per-statement", action="store_true", help="pgbench -r: latency of each statement")
    g.add_argument("--json")
    rp = sub.add_parser("report")
    rp.add_argument("--dir", required=True)
    a = p.parse_args()
    if a.cmd == "setup":
        setup(a)
    elif a.cmd == "run":
        sys.exit(run(a))
    elif a.cmd == "pgbench":
        pgbench(a)
    else:
        report(a)


if __name__ == "__main__":
    main()
