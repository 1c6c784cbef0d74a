#!/usr/bin/env python3
"""Order workflow latency: from the 201 of POST /orders to the order's status Confirmed, with N orders in flight,
against a running MilkRun server on 127.0.0.1 (stdlib only; set-up, HTTP helpers and CPU accounting come from
bench/orders.py).

    python3 bench/workflow.py run    --port P --ids ids.json [--in-flight 100] [--mode burst|closed]
                                     burst:  [--rounds 20] [--warmup-rounds 10] [--pause 1] [--wait-ms 50]
                                             [--round-deadline 60] [--run-sample 20]
                                     closed: [--warmup 30] [--duration 30] [--poll-ms 20] [--deadline 30]
                                             [--events 300] [--stacks N] [--trace FILE.jfr --workers 4]
                                     [--server-pid PID] [--gc-log FILE] [--java-home DIR] [--json out.json]
    python3 bench/workflow.py report --dir DIR

The customers and products come from `python3 bench/orders.py setup --customers N` (N >= --in-flight: one customer
per client thread, so that no two orders of one customer race for its stats row).

run --mode burst (the default): the target's literal reading, "p99 of 201 -> Confirmed with 100 orders in flight".
        Rounds: --in-flight client threads (own customer and keep-alive connection each), released together by a
        barrier, each POST one order (2 distinct random products of the 40, a unique Idempotency-Key) and take
        t201 = time.time() once the 201 has been read. While the round is in flight the orders are NOT polled:
        the only request is GET /admin/workflow/runs?status=Running&limit=1 (admin@milkrun.dev, an indexed
        query) every --wait-ms, from the moment every POST has answered until it lists no run (or
        --round-deadline seconds after the first POST: the round's unconfirmed orders are then timeouts). Then,
        untimed, each order is read once (GET /orders/{id}): latency = the `at` of its timeline entry
        "Confirmed" (server clock, same machine) - t201; negative values are kept and counted. For --run-sample
        orders per round, GET /admin/workflow/runs?orderId= gives "201 -> run ended" (updatedAt of the Succeeded
        run). --pause seconds between rounds; --warmup-rounds first, then --rounds measured. Also per round:
        first POST sent -> last Confirmed; and CPU of the server, PostgreSQL and this client and GC pauses,
        summed over the measured rounds' in-flight parts (first POST to "no Running run" seen).
run --mode closed: the stress variant. --in-flight client threads, each with its own customer and keep-alive
        connection, loop: place an order
        (POST /orders, 2 distinct random products of the 40, a unique Idempotency-Key), then poll GET /orders/{id}
        every --poll-ms (ticks counted from the 201) until its status is Confirmed, then place the next one. So
        N orders are always either being placed or waiting for their confirmation. A thread places no new order
        once the window has ended, but waits for the one it has placed. An order counts when its 201 arrives
        inside the measured window (after --warmup). For each order:
          t201          client wall clock (time.time()) once the 201 has been read completely
          (a) server    the `at` of the timeline entry "Confirmed" (written by the workflow's UpdateOrderStatus
                        step, server wall clock, same machine) minus t201; negative if the workflow confirmed the
                        order before the client had finished reading the 201. The timeline is taken from the poll
                        answer that first showed Confirmed (it does not change afterwards), so no extra reads are
                        needed; orders without one are read again after the window.
          (b) client    wall clock when a poll first saw Confirmed minus t201 (includes the poll interval and the
                        polling load)
        A poll answer still Pending after --deadline seconds counts as a timeout; answers other than 201 (POST)
        and 200 (GET) are counted. After the window, the run history of --events orders (the slowest tenth by (a)
        and the rest spread evenly) is read from GET /admin/workflow/runs (admin@milkrun.dev) for the breakdown:
        when NotifyVendors, UpdateOrderStatus and NotifyCustomer finished and when the run ended. Also the CPU of
        the server (its threads grouped: request threads, workflow workers, workflow task threads, JIT, GC, H2,
        other), of PostgreSQL and of this client over the window, and the GC pauses in it (-Xlog:gc file).
        --stacks N takes N thread dumps (jcmd Thread.print) over the window and counts what the workflow workers,
        their task threads and the request threads are doing (waiting for a pool connection, for PostgreSQL, ...).
        --trace F records JFR's method trace (JDK 25+) of WorkflowEngine.workQueued (one call = one worker on one
        run), EngineOrderProcessing.started (the nudge after an order commits) and SqlWorkflowStore.claim: how many
        of the workers were busy on average over the window and how long a run kept its worker.
report  medians over the runs of every workflow-DB-RUN.json in --dir, and the per-run figures.
"""
import argparse
import calendar
import glob
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter

sys.dont_write_bytecode = True  # no __pycache__ in bench/ from importing orders.py
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import orders  # noqa: E402  (bench/orders.py: Api, login, delivery_date, pct, CpuWindow, gc_pauses, size)

ADMIN_EMAIL, ADMIN_PASSWORD = "admin@milkrun.dev", "MilkRun@2026"  # core/.../demo/DemoData.java
STATUS_RE = re.compile(rb'"status"\s*:\s*"(\w+)"')
INSTANT_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z$")


def instant(text):
    """Epoch seconds (float) of a java.time.Instant's toString(), e.g. 2026-11-25T18:13:45.636283Z."""
    m = INSTANT_RE.match(text)
    if not m:
        raise ValueError(f"not an instant: {text!r}")
    y, mo, d, h, mi, s = (int(x) for x in m.groups()[:6])
    frac = m.group(7) or ""
    return calendar.timegm((y, mo, d, h, mi, s)) + (int(frac) / 10 ** len(frac) if frac else 0.0)


#: The workflow's threads, split out of "other" (names in /proc are cut at 15 characters).
WORKFLOW_THREADS = (("workflow-worker", "wf_worker"), ("workflow-task", "wf_task"), ("workflow", "wf_other"), ("H2", "h2"))


def post(conn, port, body, headers):
    """POST /orders on a keep-alive connection; a connection that failed is replaced. Returns (conn, status, body);
    status 0 when no answer came."""
    try:
        conn.request("POST", "/orders", body=body, headers=headers)
        resp = conn.getresponse()
        return conn, resp.status, resp.read()
    except (http.client.HTTPException, OSError) as e:
        conn.close()
        return http.client.HTTPConnection("127.0.0.1", port, timeout=60), 0, repr(e).encode()


class Cpu(orders.CpuWindow):
    """orders.py's CPU window with the workflow's threads split out."""

    def _snap(self):
        s = super()._snap()
        if self.server_pid:
            s["threads"] = orders.thread_cpu(self.server_pid, WORKFLOW_THREADS)
        return s


def dist(values):
    """p50/p90/p99/max/min/mean in ms of a list of seconds."""
    v = sorted(values)
    if not v:
        return None
    ms = lambda x: round(x * 1000, 2)
    return {"n": len(v), "p50": ms(orders.pct(v, 50)), "p90": ms(orders.pct(v, 90)), "p99": ms(orders.pct(v, 99)),
            "max": ms(v[-1]), "min": ms(v[0]), "mean": ms(statistics.fmean(v))}


def timeline_times(order):
    t = {}
    for e in order.get("timeline") or []:
        t.setdefault(e["what"], instant(e["at"]))
    return t


# ------------------------------------------------------------------------------------------------- thread dumps
def thread_role(name):
    if name.startswith("milkrun-http"):
        return "request threads"
    if name.startswith("workflow-worker"):
        return "workflow workers"
    if name.startswith("workflow-task"):
        return "workflow task threads"
    return None


def stack_state(frames):
    """What a thread is doing, from its frames (top first)."""
    text = "\n".join(frames[:60])
    if "HikariPool.getConnection" in text:
        return "waiting for a pool connection (HikariPool.getConnection)"
    top = frames[0] if frames else ""
    if "org.postgresql." in text:
        if top.startswith(("sun.nio.ch.", "java.net.", "jdk.internal.misc.Unsafe.park")) or "SocketDispatcher" in text[:400]:
            return "JDBC: waiting for PostgreSQL's answer"
        return "JDBC: pgjdbc (running)"
    if "org.h2." in text:
        if top.startswith(("jdk.internal.misc.Unsafe.park", "java.lang.Object.wait", "java.lang.Thread.sleep")):
            return "H2: waiting (lock or sleep)"
        return "H2: running"
    if "ThreadPoolExecutor.getTask" in text or "QueuedThreadPool" in text and ".idleJobPoll" in text \
            or "ReservedThreadExecutor" in text or "SelectorManager" in text or "ManagedSelector" in text:
        return "idle (waiting for work or I/O)"
    if "Interpreter.invoke" in text and top.startswith(("jdk.internal.misc.Unsafe.park", "java.lang.Object.wait")):
        return "waiting for its task thread (step handler running)"
    if top.startswith(("sun.nio.ch.", "java.net.")):
        return "socket I/O (HTTP)"
    first = next((f for f in frames if f.startswith("com.milkrun.")), None)
    return "running: " + (first.split("(")[0].rsplit(".", 2)[-2] + "." + first.split("(")[0].rsplit(".", 1)[-1]
                          if first else (top.split("(")[0] or "?"))


def thread_dumps(jcmd, pid, count, start, end, out):
    """Up to `count` jcmd Thread.print dumps spread over [start, end) (perf_counter), summarised by thread role.
    Each jcmd is a JVM start (0.5-2 s on a busy machine), so a dump that would end after the window is not taken
    and one that ended late is not counted: after the window the load drains and the workers go idle."""
    summary, used = {}, 0
    for k in range(count):
        due = start + k * (end - start) / count
        while time.perf_counter() < due:
            time.sleep(0.005)
        if time.perf_counter() >= end:
            break
        r = subprocess.run([jcmd, str(pid), "Thread.print"], capture_output=True, text=True)
        if time.perf_counter() >= end:
            break
        used += 1
        for block in r.stdout.split("\n\n"):
            m = re.match(r'"([^"]+)"', block.strip())
            if not m:
                continue
            role = thread_role(m.group(1))
            if not role:
                continue
            frames = [ln.strip()[3:] for ln in block.splitlines() if ln.strip().startswith("at ")]
            summary.setdefault(role, Counter())[stack_state(frames)] += 1
    out.update({"dumps": used, "threads": {role: dict(c.most_common()) for role, c in summary.items()}})


TRACED = ["com.milkrun.workflow.engine.WorkflowEngine::workQueued", "com.milkrun.app.EngineOrderProcessing::started",
          "com.milkrun.store.sql.workflow.SqlWorkflowStore::claim"]


def jfr_duration(text):
    m = re.match(r"PT(?:(\d+)H)?(?:(\d+)M)?([\d.]+)S", text)
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + float(m.group(3)) if m else 0.0


def trace_summary(jfr_tool, path, wall_start, wall_end, workers):
    """From JFR's method trace (JDK 25+): how busy the workflow workers were in the window (each workQueued call is
    one worker working on one run, from picking it off the queue to letting it go), how long a run kept a worker,
    and how many orders' runs were nudged."""
    text = subprocess.run([jfr_tool, "print", "--json", "--events", "jdk.MethodTrace", "--stack-depth", "1", path],
                          check=True, capture_output=True, text=True).stdout
    calls = {}
    for e in json.loads(text)["recording"]["events"]:
        v = e["values"]
        start = instant(v["startTime"])
        calls.setdefault(v["method"]["name"], []).append((start, jfr_duration(v["duration"])))
    span = wall_end - wall_start
    work = calls.get("workQueued", [])
    busy = sum(max(0.0, min(s + d, wall_end) - max(s, wall_start)) for s, d in work)
    inside = [d for s, d in work if wall_start <= s + d < wall_end]
    claims = [d for s, d in calls.get("claim", []) if wall_start <= s < wall_end]
    return {"workers": workers, "busy_workers": busy / span, "runs_worked_per_s": len(inside) / span,
            "worker_ms_per_run": dist(inside), "claim_ms": dist(claims),
            "nudged_per_s": sum(1 for s, d in calls.get("started", []) if wall_start <= s < wall_end) / span}


# ------------------------------------------------------------------------------------------------------ load run
def run(args):
    sys.setswitchinterval(0.001)  # 100 threads: let the one whose answer arrived take its timestamp promptly
    ids = json.load(open(args.ids))
    customers, products = ids["customers"], ids["products"]
    n = args.in_flight
    if len(customers) < n:
        sys.exit(f"{args.ids} has {len(customers)} customers, {n} in-flight orders need one each")
    date = orders.delivery_date(args.warmup + args.duration + args.deadline + 120)
    poll_s = args.poll_ms / 1000
    t0 = time.perf_counter() + 0.5
    w_start, w_end = t0 + args.warmup, t0 + args.warmup + args.duration
    results = [None] * n
    samples, lock = [], threading.Lock()

    def sample(text):
        with lock:
            if len(samples) < 8:
                samples.append(text)

    def worker(i):
        rnd = random.Random(2000 + i)
        cust = customers[i]
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
        get_headers = {"Accept": "application/json", "Authorization": "Bearer " + cust["idToken"]}
        tail = f'],"deliveryDate":"{date}","addressId":"{cust["addressId"]}"}}'
        prefix = f"{ids['tag']}-wf-{i}-{uuid.uuid4().hex[:8]}-"
        recs, post_status, get_status = [], Counter(), Counter()
        polls_in_window, k_order = 0, 0
        while time.perf_counter() < t0:
            time.sleep(0.001)
        while time.perf_counter() < w_end:
            a, b = rnd.sample(products, 2)
            body = (f'{{"items":[{{"productId":"{a["productId"]}","vendorId":"{a["vendorId"]}","quantity":1}},'
                    f'{{"productId":"{b["productId"]}","vendorId":"{b["vendorId"]}","quantity":1}}' + tail).encode()
            headers = dict(get_headers)
            headers["Content-Type"] = "application/json"
            headers["Idempotency-Key"] = prefix + str(k_order)
            k_order += 1
            p_post = time.perf_counter()
            conn, code, payload = post(conn, args.port, body, headers)
            t201, p201 = time.time(), time.perf_counter()
            in_window = w_start <= p201 < w_end
            if in_window:
                post_status[code] += 1
            if code != 201:
                sample(f"POST /orders -> {code}: {payload[:300]!r}")
                time.sleep(0.05)
                continue
            placed = json.loads(payload)
            oid = placed["orderId"]
            rec = {"orderId": oid, "customer": i, "measured": in_window, "t201": t201, "p201": p201 - t0,
                   "post_ms": round((p201 - p_post) * 1000, 3), "polls": 0, "status201": placed["status"]}
            k = 0
            while True:
                k += 1
                due = p201 + k * poll_s
                now = time.perf_counter()
                if due > now:
                    time.sleep(due - now)
                if time.perf_counter() - p201 > args.deadline:
                    rec["timeout"] = True
                    break
                try:
                    conn.request("GET", f"/orders/{oid}", headers=get_headers)
                    resp = conn.getresponse()
                    payload = resp.read()
                    code = resp.status
                except (http.client.HTTPException, OSError) as e:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
                    code, payload = 0, repr(e).encode()
                t_seen, p_seen = time.time(), time.perf_counter()
                rec["polls"] += 1
                if w_start <= p_seen < w_end:
                    polls_in_window += 1
                    get_status[code] += 1
                if code != 200:
                    sample(f"GET /orders/{oid} -> {code}: {payload[:300]!r}")
                    continue
                m = STATUS_RE.search(payload, 0, 400)  # the order's own status comes before its lines
                status = m.group(1).decode() if m else None
                if status == "Pending":
                    continue
                order = json.loads(payload)
                status = order["status"]
                rec["status"] = status
                if status == "Confirmed":
                    rec["t_seen"], rec["p_seen"] = t_seen, p_seen - t0
                    tl = timeline_times(order)
                    rec.update({"placed_at": tl.get("Placed"), "vendors_at": tl.get("VendorsNotified"),
                                "confirmed_at": tl.get("Confirmed")})
                else:
                    sample(f"order {oid} ended as {status}")
                break
            recs.append(rec)
        conn.close()
        results[i] = (recs, post_status, get_status, polls_in_window)

    jcmd = os.path.join(args.java_home, "bin", "jcmd")
    if args.trace:  # JFR method trace (JDK 25+) of the workflow workers; the window is cut out of it afterwards
        subprocess.run([jcmd, str(args.server_pid), "JFR.start", "name=workflow", "method-trace=" + ";".join(TRACED),
                        f"filename={args.trace}"], check=True, capture_output=True)
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    cpu = Cpu(args.server_pid)
    while time.perf_counter() < w_start:
        time.sleep(0.0005)
    cpu.start()
    gc_a = orders.size(args.gc_log)
    wall_start = time.time()
    stacks = {}
    if args.stacks:
        sampler = threading.Thread(target=thread_dumps, daemon=True,
                                   args=(jcmd, args.server_pid, args.stacks, w_start, w_end, stacks))
        sampler.start()
    while time.perf_counter() < w_end:
        time.sleep(0.0005)
    usage = cpu.stop()
    wall_end = time.time()
    if args.trace:
        subprocess.run([jcmd, str(args.server_pid), "JFR.stop", "name=workflow"], check=True, capture_output=True)
    if args.stacks:
        sampler.join(timeout=30)
    gc_b = orders.size(args.gc_log)
    for t in threads:
        t.join(timeout=args.deadline + 60)
    alive = sum(t.is_alive() for t in threads)

    recs = [r for res in results if res for r in res[0]]
    post_status, get_status, polls = Counter(), Counter(), 0
    for res in results:
        if res:
            post_status.update(res[1])
            get_status.update(res[2])
            polls += res[3]
    measured = [r for r in recs if r["measured"]]
    api = orders.Api(args.port)
    # orders a poll did not see confirmed (timeouts): read their timelines now
    for r in measured:
        if r.get("confirmed_at") is None and "status" not in r:
            o = api.call("GET", f"/orders/{r['orderId']}", token=customers[r["customer"]]["idToken"])
            tl = timeline_times(o)
            r.update({"status_after": o["status"], "placed_at": tl.get("Placed"),
                      "vendors_at": tl.get("VendorsNotified"), "confirmed_at": tl.get("Confirmed")})
    window = usage["wall_s"]
    seen_in_window = sum(1 for r in recs if "p_seen" in r and args.warmup <= r["p_seen"] < args.warmup + args.duration)
    lat_a = [r["confirmed_at"] - r["t201"] for r in measured if r.get("confirmed_at") is not None]
    lat_b = [r["t_seen"] - r["t201"] for r in measured if "t_seen" in r]
    out = {"in_flight": n, "duration_s": args.duration, "warmup_s": args.warmup, "poll_ms": args.poll_ms,
           "deadline_s": args.deadline, "delivery_date": date, "orders_measured": len(measured),
           "orders_placed_per_s": post_status.get(201, 0) / window, "confirmed_per_s": seen_in_window / window,
           "latency_a_ms": dist(lat_a), "latency_b_ms": dist(lat_b),
           "negative_a": sum(1 for x in lat_a if x < 0),
           "post_201_ms": dist([r["post_ms"] / 1000 for r in measured]),
           "server_placed_to_confirmed_ms": dist([r["confirmed_at"] - r["placed_at"] for r in measured
                                                  if r.get("confirmed_at") and r.get("placed_at")]),
           "confirmed_to_seen_ms": dist([r["t_seen"] - r["confirmed_at"] for r in measured
                                         if "t_seen" in r and r.get("confirmed_at")]),
           "polls_per_order": statistics.fmean([r["polls"] for r in measured]) if measured else None,
           "polls_per_s": polls / window,
           "timeouts": sum(1 for r in measured if r.get("timeout")),
           "not_confirmed": sum(1 for r in measured if r.get("status") not in (None, "Confirmed")),
           "post_status": {str(k): v for k, v in sorted(post_status.items())},
           "get_status": {str(k): v for k, v in sorted(get_status.items())},
           "non_201": sum(v for k, v in post_status.items() if k != 201),
           "non_200_polls": sum(v for k, v in get_status.items() if k != 200),
           "threads_still_running": alive, "samples": samples}
    out.update(usage)
    out.update(orders.gc_pauses(args.gc_log, gc_a, gc_b) or {})
    if stacks:
        out["stacks"] = stacks
    if args.trace:
        out["trace"] = trace_summary(os.path.join(args.java_home, "bin", "jfr"), args.trace, wall_start, wall_end,
                                     args.workers)
    if args.events and measured:
        out["events"] = run_events(api, measured, args.events)
    print(summary_line(out))
    if out.get("events"):
        print("  " + breakdown_line(out["events"]))
    if out.get("trace"):
        tr = out["trace"]
        wm = tr["worker_ms_per_run"] or {}
        print(f"  JFR method trace: workflow workers busy {tr['busy_workers']:.2f} of {tr['workers']}; "
              f"{tr['runs_worked_per_s']:.1f} runs worked/s, {tr['nudged_per_s']:.1f} nudged/s; a run keeps its "
              f"worker p50 {wm.get('p50', 0):.0f} / mean {wm.get('mean', 0):.0f} / p90 {wm.get('p90', 0):.0f} ms; "
              f"claim p50 {(tr['claim_ms'] or {}).get('p50', 0):.1f} ms")
    if stacks:
        print(f"  thread dumps ({stacks['dumps']} over the window), threads by state:")
        for role, states in stacks["threads"].items():
            total = sum(states.values())
            print(f"    {role} ({total / stacks['dumps']:.0f} threads on average): " + "; ".join(
                f"{st} {c / total * 100:.0f} %" for st, c in states.items()))
    for s in samples:
        print("  unexpected:", s)
    if args.raw:
        json.dump([{k: v for k, v in r.items()} for r in measured], open(args.raw, "w"))
    if args.json:
        json.dump(out, open(args.json, "w"), indent=1)
    bad = out["timeouts"] or out["non_201"] or out["not_confirmed"] or out["non_200_polls"] or alive
    return 1 if bad else 0


def run_events(api, measured, count):
    """The run histories of `count` measured orders (the slowest tenth by (a), the rest evenly spread) and the
    breakdown of their latency into the workflow's steps."""
    done = sorted((r for r in measured if r.get("confirmed_at") is not None), key=lambda r: r["confirmed_at"] - r["t201"])
    if not done:
        return None
    slow = done[-max(1, count // 10):]
    rest = done[:-len(slow)]
    step = max(1, len(rest) / max(1, count - len(slow)))
    chosen = [rest[int(i * step)] for i in range(min(len(rest), count - len(slow)))] + slow
    token = orders.login(api, ADMIN_EMAIL, ADMIN_PASSWORD)
    rows = []
    for r in chosen:
        page = api.call("GET", f"/admin/workflow/runs?orderId={r['orderId']}", token=token)
        if not page["items"]:
            continue
        run_ = api.call("GET", f"/admin/workflow/runs/{page['items'][0]['runId']}", token=token)
        ev = {}
        for e in run_["events"]:
            key = e["type"] + (":" + e["state"] if e["type"] == "TaskSucceeded" else "")
            ev.setdefault(key, instant(e["at"]))
        rows.append({"a": r["confirmed_at"] - r["t201"], "t201": r["t201"], "placed": r.get("placed_at"),
                     "run_started": ev.get("RunStarted"), "vendors_at": r.get("vendors_at"),
                     "nv_done": ev.get("TaskSucceeded:NotifyVendors"), "confirmed": r["confirmed_at"],
                     "uos_done": ev.get("TaskSucceeded:UpdateOrderStatus"),
                     "nc_done": ev.get("TaskSucceeded:NotifyCustomer"), "run_done": ev.get("RunSucceeded"),
                     "seen": r.get("t_seen"), "status": run_["status"]})

    def stages(rs):
        def d(a, b):
            v = [x[b] - x[a] for x in rs if x.get(a) is not None and x.get(b) is not None]
            return dist(v)
        return {"placed -> 201 read by client": d("placed", "t201"),
                "201 -> NotifyVendors done (queue for a worker, claim, step)": d("t201", "nv_done"),
                "201 -> VendorsNotified (timeline entry, inside NotifyVendors)": d("t201", "vendors_at"),
                "VendorsNotified -> NotifyVendors done": d("vendors_at", "nv_done"),
                "NotifyVendors done -> Confirmed (store step, read order)": d("nv_done", "confirmed"),
                "Confirmed -> UpdateOrderStatus done": d("confirmed", "uos_done"),
                "Confirmed -> seen by a poll": d("confirmed", "seen"),
                "UpdateOrderStatus done -> run ended (NotifyCustomer, Succeed)": d("uos_done", "run_done"),
                "201 -> run ended": d("t201", "run_done")}

    tenth = sorted(rows, key=lambda x: x["a"])
    slow_rows = tenth[-len(slow):] if slow else []
    return {"orders": len(rows), "succeeded": sum(1 for x in rows if x["status"] == "Succeeded"),
            "all": stages(rows), "slowest_tenth": stages(slow_rows), "slowest_n": len(slow_rows), "rows": rows}


def summary_line(o):
    a, b = o["latency_a_ms"] or {}, o["latency_b_ms"] or {}
    f = lambda d, k: "-" if not d or d.get(k) is None else f"{d[k]:.0f}"
    return (f"{o['orders_measured']} orders, {o['confirmed_per_s']:.1f} confirmed/s; (a) server p50 {f(a, 'p50')} "
            f"p90 {f(a, 'p90')} p99 {f(a, 'p99')} max {f(a, 'max')} ms ({o['negative_a']} negative); (b) polled p50 "
            f"{f(b, 'p50')} p90 {f(b, 'p90')} p99 {f(b, 'p99')} max {f(b, 'max')} ms; POST p50 "
            f"{f(o['post_201_ms'], 'p50')} ms; timeouts {o['timeouts']}, non-201 {o['non_201']}, polls "
            f"{o['polls_per_s']:.0f}/s; CPU: server {o['server_cpu_s'] or 0:.1f} s "
            f"{dict(o.get('server_threads_cpu_s') or {})}, postgres {o['postgres_cpu_s']:.1f} s, client "
            f"{o['client_cpu_s']:.1f} s over {o['wall_s']:.1f} s; machine busy {o['machine_busy_cores']:.2f} cores"
            + (f"; GC {o['gc_pauses']} pauses {o['gc_pause_ms']} ms" if "gc_pauses" in o else ""))


def breakdown_line(ev):
    parts = []
    for k, d in ev["all"].items():
        if d:
            parts.append(f"{k.split(' (')[0]}: p50 {d['p50']:.0f} / p99 {d['p99']:.0f} ms")
    return f"breakdown of {ev['orders']} orders' runs: " + "; ".join(parts)


# ------------------------------------------------------------------------------------------------- burst rounds
def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def add_usage(total, u):
    """Sums CpuWindow.stop() results (one per measured round)."""
    for k, v in u.items():
        if k == "server_threads_cpu_s":
            t = total.setdefault(k, Counter())
            t.update({g: s for g, s in (v or {}).items()})
        elif k in ("machine_busy_cores", "machine_steal_cores"):
            if v is not None:  # weighted by the round's wall time below
                total[k + "_x_wall"] = total.get(k + "_x_wall", 0.0) + v * u["wall_s"]
        elif v is not None:
            total[k] = total.get(k, 0.0) + v


def burst(args):
    """Rounds of --in-flight orders placed at once, then waiting (one cheap admin request every --wait-ms) until
    the workflow has no Running run left; latencies from the orders' timelines, read once after each round."""
    sys.setswitchinterval(0.001)
    ids = json.load(open(args.ids))
    customers, products = ids["customers"], ids["products"]
    n = args.in_flight
    if len(customers) < n:
        sys.exit(f"{args.ids} has {len(customers)} customers, {n} in-flight orders need one each")
    total_rounds = args.warmup_rounds + args.rounds
    go, fire, posted = threading.Barrier(n + 1), threading.Barrier(n + 1), threading.Barrier(n + 1)
    state = {"round": 0, "date": None, "stop": False}
    slots = [None] * n

    def worker(i):
        rnd = random.Random(3000 + i)
        cust = customers[i]
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
        prefix = f"{ids['tag']}-wfb-{i}-{uuid.uuid4().hex[:8]}-"
        try:
            while True:
                go.wait()
                if state["stop"]:
                    return
                a, b = rnd.sample(products, 2)
                body = (f'{{"items":[{{"productId":"{a["productId"]}","vendorId":"{a["vendorId"]}","quantity":1}},'
                        f'{{"productId":"{b["productId"]}","vendorId":"{b["vendorId"]}","quantity":1}}],'
                        f'"deliveryDate":"{state["date"]}","addressId":"{cust["addressId"]}"}}').encode()
                headers = {"Accept": "application/json", "Authorization": "Bearer " + cust["idToken"],
                           "Content-Type": "application/json", "Idempotency-Key": prefix + str(state["round"])}
                fire.wait()  # the request is ready: all threads send at once
                t_sent, p_sent = time.time(), time.perf_counter()
                conn, code, payload = post(conn, args.port, body, headers)
                t201, p201 = time.time(), time.perf_counter()
                slot = {"customer": i, "t_sent": t_sent, "p_sent": p_sent, "t201": t201, "p201": p201,
                        "post_ms": round((p201 - p_sent) * 1000, 3), "code": code}
                if code == 201:
                    placed = json.loads(payload)
                    slot["orderId"], slot["status201"] = placed["orderId"], placed["status"]
                else:
                    slot["error"] = payload[:300].decode(errors="replace")
                slots[i] = slot
                posted.wait()
        finally:
            conn.close()

    api = orders.Api(args.port)
    admin = orders.login(api, ADMIN_EMAIL, ADMIN_PASSWORD)
    aconn = [http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)]
    running_path = "/admin/workflow/runs?status=Running&limit=1"
    admin_headers = {"Accept": "application/json", "Authorization": "Bearer " + admin}

    def running_left():
        """True while the workflow has a Running run: the one request made while a round is in flight."""
        for attempt in range(3):
            try:
                aconn[0].request("GET", running_path, headers=admin_headers)
                resp = aconn[0].getresponse()
                payload = resp.read()
            except (http.client.HTTPException, OSError):
                aconn[0].close()
                aconn[0] = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
                continue
            if resp.status != 200:
                sys.exit(f"GET {running_path} answered {resp.status}: {payload[:300]!r}")
            return bool(json.loads(payload)["items"])
        sys.exit(f"GET {running_path}: no answer after 3 attempts")

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    waited = 0
    while running_left():  # runs left over from the set-up (none expected): let them end first
        time.sleep(0.1)
        waited += 1
        if waited > 600:
            sys.exit("the workflow still has Running runs 60 s after the set-up")
    rounds, measured, samples = [], [], []
    usage = {}
    gc = {"gc_pauses": 0, "gc_pause_ms": 0.0}
    load_start = loadavg()
    for k in range(total_rounds):
        is_measured = k >= args.warmup_rounds
        state["round"], state["date"] = k, orders.delivery_date(args.round_deadline + 120)
        for i in range(n):
            slots[i] = None
        cpu = Cpu(args.server_pid)
        cpu.start()
        gc_a = orders.size(args.gc_log)
        go.wait()  # the n client threads prepare their request...
        fire.wait()  # ... and are released together: each POSTs one order
        posted.wait(timeout=120)
        p_posted = time.perf_counter()
        p_first = min(s["p_sent"] for s in slots)
        deadline = p_first + args.round_deadline
        polls, timed_out, j = 0, False, 0
        while True:
            left = running_left()
            polls += 1
            if not left:
                break
            if time.perf_counter() >= deadline:
                timed_out = True
                break
            j += 1
            due = p_posted + j * args.wait_ms / 1000
            now = time.perf_counter()
            if due > now:
                time.sleep(due - now)
        t_idle, p_idle = time.time(), time.perf_counter()
        u = cpu.stop()
        gc_b = orders.size(args.gc_log)
        # after the round (not timed): each order once, with its owner's token, for its timeline
        recs = [dict(s) for s in slots]
        for r in recs:
            if "orderId" not in r:
                continue
            o = api.call("GET", f"/orders/{r['orderId']}", token=customers[r["customer"]]["idToken"])
            tl = timeline_times(o)
            r.update({"status": o["status"], "placed_at": tl.get("Placed"), "vendors_at": tl.get("VendorsNotified"),
                      "confirmed_at": tl.get("Confirmed"), "round": k})
            if timed_out and o["status"] != "Confirmed":
                r["timeout"] = True
        placed = [r for r in recs if "orderId" in r]
        step = max(1, n // max(1, args.run_sample)) if args.run_sample else 0
        for idx, r in enumerate(placed):
            if step and idx % step == 0:
                page = api.call("GET", f"/admin/workflow/runs?orderId={r['orderId']}", token=admin)
                done = [x for x in page["items"] if x["status"] == "Succeeded"]
                r["run_status"] = page["items"][0]["status"] if page["items"] else None
                if done:
                    r["run_ended_at"] = instant(done[0]["updatedAt"])
        t_first = min(r["t_sent"] for r in recs)
        conf = [r["confirmed_at"] for r in placed if r.get("confirmed_at") is not None]
        rs = {"round": k, "measured": is_measured, "orders": len(placed), "delivery_date": state["date"],
              "non_201": sum(1 for r in recs if r["code"] != 201),
              "timeouts": sum(1 for r in placed if r.get("timeout")),
              "not_confirmed": sum(1 for r in placed if r.get("status") != "Confirmed"),
              "posts_ms": round((max(r["p201"] for r in recs) - p_first) * 1000, 1),
              "first_post_to_last_confirmed_ms": round((max(conf) - t_first) * 1000, 1) if conf else None,
              "first_post_to_idle_seen_ms": round((p_idle - p_first) * 1000, 1),
              "admin_polls": polls, "timed_out": timed_out, "release_skew_ms": round(
                  (max(r["p_sent"] for r in recs) - p_first) * 1000, 1),
              "latency_ms": dist([r["confirmed_at"] - r["t201"] for r in placed if r.get("confirmed_at")]),
              "load": loadavg()}
        rounds.append(rs)
        for r in recs:
            if r["code"] != 201 and len(samples) < 8:
                samples.append(f"round {k}: POST /orders -> {r['code']}: {r.get('error')}")
            if "orderId" in r and r.get("status") != "Confirmed" and len(samples) < 8:
                samples.append(f"round {k}: order {r['orderId']} is {r.get('status')}")
        if is_measured:
            measured += recs
            add_usage(usage, u)
            g = orders.gc_pauses(args.gc_log, gc_a, gc_b) or {}
            gc["gc_pauses"] += g.get("gc_pauses", 0)
            gc["gc_pause_ms"] += g.get("gc_pause_ms", 0.0)
        lat = rs["latency_ms"] or {}
        print(f"{'round' if is_measured else 'warm-up'} {k + 1 - (args.warmup_rounds if is_measured else 0)}: "
              f"{rs['orders']} orders, p50 {lat.get('p50', 0):.0f} p99 {lat.get('p99', 0):.0f} max "
              f"{lat.get('max', 0):.0f} ms; first POST -> last Confirmed {rs['first_post_to_last_confirmed_ms'] or 0:.0f}"
              f" ms (POSTs sent in {rs['release_skew_ms']:.0f} ms, answered in {rs['posts_ms']:.0f} ms, idle seen {rs['first_post_to_idle_seen_ms']:.0f} ms, "
              f"{polls} waits); non-201 {rs['non_201']}, timeouts {rs['timeouts']}", flush=True)
        if k + 1 < total_rounds:
            time.sleep(args.pause)
    state["stop"] = True
    go.wait()
    for t in threads:
        t.join(timeout=5)
    aconn[0].close()

    placed = [r for r in measured if "orderId" in r]
    lat = [r["confirmed_at"] - r["t201"] for r in placed if r.get("confirmed_at") is not None]
    ended = [r["run_ended_at"] - r["t201"] for r in placed if r.get("run_ended_at") is not None]
    mrounds = [r for r in rounds if r["measured"]]
    wall = usage.get("wall_s") or 0.0
    n_orders = len(placed)
    per_order = lambda key: (usage.get(key) or 0.0) / n_orders * 1000 if n_orders else None
    out = {"mode": "burst", "in_flight": n, "rounds": args.rounds, "warmup_rounds": args.warmup_rounds,
           "pause_s": args.pause, "wait_ms": args.wait_ms, "round_deadline_s": args.round_deadline,
           "orders_measured": n_orders, "latency_ms": dist(lat), "negative": sum(1 for x in lat if x < 0),
           "run_ended_ms": dist(ended), "post_201_ms": dist([r["post_ms"] / 1000 for r in placed]),
           "sent_to_confirmed_ms": dist([r["confirmed_at"] - r["t_sent"] for r in placed
                                         if r.get("confirmed_at") is not None]),
           "placed_to_confirmed_ms": dist([r["confirmed_at"] - r["placed_at"] for r in placed
                                           if r.get("confirmed_at") and r.get("placed_at")]),
           "round_ms": dist([r["first_post_to_last_confirmed_ms"] / 1000 for r in mrounds
                             if r["first_post_to_last_confirmed_ms"] is not None]),
           "round_idle_seen_ms": dist([r["first_post_to_idle_seen_ms"] / 1000 for r in mrounds]),
           "round_posts_ms": dist([r["posts_ms"] / 1000 for r in mrounds]),
           "round_release_skew_ms": dist([r["release_skew_ms"] / 1000 for r in mrounds]),
           "round_p99_ms": [r["latency_ms"]["p99"] if r["latency_ms"] else None for r in mrounds],
           "admin_polls_per_round": statistics.fmean([r["admin_polls"] for r in mrounds]) if mrounds else None,
           "timeouts": sum(1 for r in placed if r.get("timeout")),
           "not_confirmed": sum(1 for r in placed if r.get("status") != "Confirmed"),
           "non_201": sum(1 for r in measured if r["code"] != 201),
           "post_status": {str(c): v for c, v in sorted(Counter(r["code"] for r in measured).items())},
           "load_start": load_start, "load_end": loadavg(),
           "in_flight_wall_s": wall,
           "server_cpu_ms_per_order": per_order("server_cpu_s"),
           "postgres_cpu_ms_per_order": per_order("postgres_cpu_s"),
           "client_cpu_ms_per_order": per_order("client_cpu_s"),
           "server_cores": (usage.get("server_cpu_s") or 0) / wall if wall else None,
           "postgres_cores": (usage.get("postgres_cpu_s") or 0) / wall if wall else None,
           "client_cores": (usage.get("client_cpu_s") or 0) / wall if wall else None,
           "machine_busy_cores": usage.get("machine_busy_cores_x_wall", 0) / wall if wall else None,
           "server_threads_cpu_s": {g: round(v, 2) for g, v in (usage.get("server_threads_cpu_s") or {}).items()},
           "gc_pauses": gc["gc_pauses"], "gc_pause_ms": round(gc["gc_pause_ms"], 1),
           "rounds_detail": rounds, "samples": samples}
    print(burst_summary_line(out))
    for s in samples:
        print("  unexpected:", s)
    if args.raw:
        json.dump(placed, open(args.raw, "w"))
    if args.json:
        json.dump(out, open(args.json, "w"), indent=1)
    bad = out["timeouts"] or out["non_201"] or out["not_confirmed"]
    return 1 if bad else 0


def burst_summary_line(o):
    f = lambda d, k: "-" if not d or d.get(k) is None else f"{d[k]:.0f}"
    a, e, rd = o["latency_ms"], o["run_ended_ms"], o["round_ms"]
    return (f"{o['orders_measured']} orders in {o['rounds']} rounds of {o['in_flight']}: 201 -> Confirmed p50 "
            f"{f(a, 'p50')} p90 {f(a, 'p90')} p99 {f(a, 'p99')} max {f(a, 'max')} ms ({o['negative']} negative); "
            f"201 -> run ended p50 {f(e, 'p50')} p99 {f(e, 'p99')} ms ({(e or {}).get('n', 0)} sampled); POST sent "
            f"-> Confirmed p50 {f(o['sent_to_confirmed_ms'], 'p50')} p99 {f(o['sent_to_confirmed_ms'], 'p99')} ms; round "
            f"first POST -> last Confirmed median {f(rd, 'p50')} ms; POST p50 {f(o['post_201_ms'], 'p50')} p99 "
            f"{f(o['post_201_ms'], 'p99')} ms; non-201 {o['non_201']}, timeouts {o['timeouts']}, not confirmed "
            f"{o['not_confirmed']}; CPU per order: server {o['server_cpu_ms_per_order'] or 0:.1f} ms, postgres "
            f"{o['postgres_cpu_ms_per_order'] or 0:.1f} ms, client {o['client_cpu_ms_per_order'] or 0:.1f} ms; "
            f"in flight {o['in_flight_wall_s']:.1f} s, machine busy {o['machine_busy_cores'] or 0:.2f} cores; GC "
            f"{o['gc_pauses']} pauses {o['gc_pause_ms']} ms; load average {o['load_start'][0]:.1f} -> "
            f"{o['load_end'][0]:.1f}")


def report_burst(cells, target):
    med = lambda xs: statistics.median(xs) if xs else None
    fmt = lambda v, f=".0f": "-" if v is None else format(v, f)
    order = {"h2": 0, "pg": 1}
    print(f"Burst: rounds of N orders placed at once, no polling of the orders while they are in flight; latency = "
          f"timeline 'Confirmed' (server clock) minus the client's 201. Medians over the runs of each run's "
          f"percentiles; max over all runs; ms:")
    print()
    print("| database | runs | orders | p50 | p90 | **p99** | max | < 0 | round: first POST → last Confirmed | "
          "201 → run ended p50 / p99 | POST p50 / p99 | POST sent → Confirmed p50 / p99 | non-201 | timeouts | "
          "server CPU ms/order | "
          f"PostgreSQL CPU ms/order | client CPU ms/order | p99 ≤ {target:g} ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|---:|---:|---:|---:|---|")
    for db, runs in sorted(cells.items(), key=lambda kv: order.get(kv[0], 9)):
        rs = [runs[i] for i in sorted(runs)]
        m = lambda key, k: med([r[key][k] for r in rs if r.get(key)])
        p99 = m("latency_ms", "p99")
        print(f"| {db} | {len(rs)} | {sum(r['orders_measured'] for r in rs)} | {fmt(m('latency_ms', 'p50'))} | "
              f"{fmt(m('latency_ms', 'p90'))} | **{fmt(p99)}** | "
              f"{fmt(max((r['latency_ms']['max'] for r in rs if r.get('latency_ms')), default=None))} | "
              f"{sum(r['negative'] for r in rs)} | {fmt(m('round_ms', 'p50'))} | "
              f"{fmt(m('run_ended_ms', 'p50'))} / {fmt(m('run_ended_ms', 'p99'))} | "
              f"{fmt(m('post_201_ms', 'p50'))} / {fmt(m('post_201_ms', 'p99'))} | "
              f"{fmt(m('sent_to_confirmed_ms', 'p50'))} / {fmt(m('sent_to_confirmed_ms', 'p99'))} | "
              f"{sum(r['non_201'] for r in rs)} | {sum(r['timeouts'] for r in rs)} | "
              f"{fmt(med([r['server_cpu_ms_per_order'] for r in rs]), '.1f')} | "
              f"{fmt(med([r['postgres_cpu_ms_per_order'] for r in rs]), '.1f')} | "
              f"{fmt(med([r['client_cpu_ms_per_order'] for r in rs]), '.1f')} | "
              f"{'met' if p99 is not None and p99 <= target else '**not met**'} |")
    print()
    print("Per run (ms):")
    print()
    print("| run | orders | p50 / p90 / p99 / max | < 0 | rounds' p99: min / median / max | round: first POST → "
          "last Confirmed, median / max | last POST sent / last 201 after the first POST sent (medians) | server / PostgreSQL / client cores while "
          "in flight | machine busy | GC pauses | load average | p99 ≤ 1 s |")
    print("|---|---:|---|---:|---|---|---:|---|---:|---:|---|---|")
    q = lambda d: " / ".join(fmt(d.get(k)) for k in ("p50", "p90", "p99", "max")) if d else "-"
    for db, runs in sorted(cells.items(), key=lambda kv: order.get(kv[0], 9)):
        for i in sorted(runs):
            r = runs[i]
            rp = [x for x in r["round_p99_ms"] if x is not None]
            w = r["in_flight_wall_s"] or 1
            p99 = (r["latency_ms"] or {}).get("p99")
            print(f"| {db} {i} | {r['orders_measured']} | {q(r['latency_ms'])} | {r['negative']} | "
                  f"{fmt(min(rp, default=None))} / {fmt(med(rp))} / {fmt(max(rp, default=None))} | "
                  f"{fmt((r['round_ms'] or {}).get('p50'))} / {fmt((r['round_ms'] or {}).get('max'))} | "
                  f"{fmt((r.get('round_release_skew_ms') or {}).get('p50'))} / "
                  f"{fmt((r['round_posts_ms'] or {}).get('p50'))} | {fmt(r['server_cores'], '.2f')} / "
                  f"{fmt(r['postgres_cores'], '.2f')} / {fmt(r['client_cores'], '.2f')} | "
                  f"{fmt(r['machine_busy_cores'], '.2f')} | {r['gc_pause_ms'] / w:.0f} ms/s | "
                  f"{r['load_start'][0]:.1f} → {r['load_end'][0]:.1f} | "
                  f"{'met' if p99 is not None and p99 <= target else 'not met'} |")


# -------------------------------------------------------------------------------------------------------- report
def report(args):
    cells, bursts = {}, {}
    for path in sorted(glob.glob(os.path.join(args.dir, "workflow-*.json"))):
        name = os.path.basename(path)[:-5].split("-")
        o = json.load(open(path))
        (bursts if o.get("mode") == "burst" else cells).setdefault(name[1], {})[int(name[2])] = o
    if not cells and not bursts:
        print("(no runs)")
        return
    if bursts:
        report_burst(bursts, args.target_ms)
    if cells:
        if bursts:
            print()
            print("Closed loop:")
            print()
        report_closed(cells, args.target_ms)


def report_closed(cells, target):
    med = lambda xs: statistics.median(xs) if xs else None
    fmt = lambda v, f=".0f": "-" if v is None else format(v, f)
    order = {"h2": 0, "pg": 1}
    print("| database | runs | orders measured | confirmed/s | (a) p50 | (a) p90 | (a) p99 | (a) max | (b) p50 | "
          "(b) p90 | (b) p99 | (b) max | timeouts | non-201 | polls/s | busy cores | "
          f"p99 ≤ {target:g} ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for db, runs in sorted(cells.items(), key=lambda kv: order.get(kv[0], 9)):
        rs = [runs[i] for i in sorted(runs)]
        m = lambda lat, k: med([r[lat][k] for r in rs if r.get(lat)])
        mx = lambda lat: max(r[lat]["max"] for r in rs if r.get(lat))
        a99, b99 = m("latency_a_ms", "p99"), m("latency_b_ms", "p99")
        print(f"| {db} | {len(rs)} | {sum(r['orders_measured'] for r in rs)} | "
              f"{fmt(med([r['confirmed_per_s'] for r in rs]))} | {fmt(m('latency_a_ms', 'p50'))} | "
              f"{fmt(m('latency_a_ms', 'p90'))} | **{fmt(a99)}** | {fmt(mx('latency_a_ms'))} | "
              f"{fmt(m('latency_b_ms', 'p50'))} | {fmt(m('latency_b_ms', 'p90'))} | **{fmt(b99)}** | "
              f"{fmt(mx('latency_b_ms'))} | {sum(r['timeouts'] for r in rs)} | {sum(r['non_201'] for r in rs)} | "
              f"{fmt(med([r['polls_per_s'] for r in rs]))} | {fmt(med([r['machine_busy_cores'] for r in rs]), '.2f')} | "
              f"{'met' if a99 is not None and a99 <= target else '**not met**'} |")
    print()
    print("Per run (ms; max over all runs in the table above, medians elsewhere):")
    print()
    print("| run | orders | confirmed/s | (a) p50 / p90 / p99 / max | (b) p50 / p90 / p99 / max | (a) < 0 | "
          "POST p50 / p99 | server CPU (workers, tasks, http) | PostgreSQL CPU | client CPU | GC pauses |")
    print("|---|---:|---:|---|---|---:|---|---|---:|---:|---:|")
    q = lambda d: " / ".join(fmt(d.get(k)) for k in ("p50", "p90", "p99", "max")) if d else "-"
    for db, runs in sorted(cells.items(), key=lambda kv: order.get(kv[0], 9)):
        for i in sorted(runs):
            r = runs[i]
            th = r.get("server_threads_cpu_s") or {}
            w = r["wall_s"]
            print(f"| {db} {i} | {r['orders_measured']} | {r['confirmed_per_s']:.0f} | {q(r['latency_a_ms'])} | "
                  f"{q(r['latency_b_ms'])} | {r['negative_a']} | {fmt(r['post_201_ms']['p50'], '.1f')} / "
                  f"{fmt(r['post_201_ms']['p99'], '.1f')} | {fmt((r['server_cpu_s'] or 0) / w, '.2f')} cores "
                  f"({th.get('wf_worker', 0) / w:.2f}, {th.get('wf_task', 0) / w:.2f}, {th.get('http', 0) / w:.2f}) | "
                  f"{r['postgres_cpu_s'] / w:.2f} cores | {r['client_cpu_s'] / w:.2f} cores | "
                  f"{fmt(r.get('gc_pause_ms', 0) / w, '.0f')} ms/s |")
    traced = [(db, i, runs[i]) for db, runs in sorted(cells.items(), key=lambda kv: order.get(kv[0], 9))
              for i in sorted(runs) if runs[i].get("trace") or runs[i].get("stacks")]
    if traced:
        print()
        print("Workflow workers (JFR method trace of WorkflowEngine.workQueued over the window; thread dumps):")
        print()
        print("| run | busy workers | runs worked/s | a run keeps its worker: p50 / mean / p90 ms | claim p50 ms | "
              "workers in thread dumps | request threads in thread dumps |")
        print("|---|---:|---:|---|---:|---|---|")
        for db, i, r in traced:
            tr = r.get("trace") or {}
            wm = tr.get("worker_ms_per_run") or {}
            th = (r.get("stacks") or {}).get("threads", {})
            top = lambda role: ", ".join(f"{k} {v / sum(th[role].values()) * 100:.0f} %"
                                         for k, v in list(th[role].items())[:3]) if role in th else "-"
            print(f"| {db} {i} | {fmt(tr.get('busy_workers'), '.2f')} of {tr.get('workers', '-')} | "
                  f"{fmt(tr.get('runs_worked_per_s'), '.1f')} | {fmt(wm.get('p50'))} / {fmt(wm.get('mean'))} / "
                  f"{fmt(wm.get('p90'))} | {fmt((tr.get('claim_ms') or {}).get('p50'), '.1f')} | "
                  f"{top('workflow workers')} | {top('request threads')} |")
    print()
    print("Breakdown from the run histories (GET /admin/workflow/runs/{runId}, a sample of each run's orders; "
          "medians over the runs of each run's p50 / p99, ms):")
    print()
    stages = None
    for runs in cells.values():
        for r in runs.values():
            if r.get("events"):
                stages = list(r["events"]["all"].keys())
                break
        if stages:
            break
    if not stages:
        return
    dbs = sorted(cells, key=lambda d: order.get(d, 9))
    print("| stage | " + " | ".join(f"{db} all: p50 / p99 | {db} slowest tenth: p50 / p99" for db in dbs) + " |")
    print("|---|" + "---:|---:|" * len(dbs))
    for st in stages:
        cols = []
        for db in dbs:
            for part in ("all", "slowest_tenth"):
                ds = [r["events"][part][st] for r in cells[db].values() if r.get("events") and r["events"][part].get(st)]
                cols.append(f"{fmt(med([d['p50'] for d in ds]))} / {fmt(med([d['p99'] for d in ds]))}" if ds else "-")
        print(f"| {st} | " + " | ".join(cols) + " |")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--port", type=int, required=True)
    r.add_argument("--ids", required=True)
    r.add_argument("--in-flight", type=int, default=100)
    r.add_argument("--warmup", type=float, default=30)
    r.add_argument("--duration", type=float, default=30)
    r.add_argument("--poll-ms", type=float, default=20)
    r.add_argument("--deadline", type=float, default=30, help="seconds after the 201 before an order is a timeout")
    r.add_argument("--events", type=int, default=300, help="orders whose run history is read afterwards (0: none)")
    r.add_argument("--server-pid", type=int)
    r.add_argument("--gc-log")
    r.add_argument("--json")
    r.add_argument("--raw", help="write every measured order's timestamps to this file")
    r.add_argument("--stacks", type=int, default=0, help="thread dumps (jcmd Thread.print) taken over the window "
                   "and summarised: what the workflow workers, their task threads and the request threads are doing "
                   "(needs --server-pid and --java-home)")
    r.add_argument("--java-home", default=os.environ.get("JAVA_HOME", ""))
    r.add_argument("--trace", help="record JFR's method trace (JDK 25+) of the workflow workers into this file and "
                   "report how busy they were over the window and how long a run keeps a worker")
    r.add_argument("--workers", type=int, default=4, help="the server's MILKRUN_WORKFLOW_WORKERS (for --trace)")
    r.add_argument("--mode", choices=("burst", "closed"), default="burst")
    r.add_argument("--rounds", type=int, default=20, help="burst: measured rounds")
    r.add_argument("--warmup-rounds", type=int, default=10, help="burst: rounds before the measured ones")
    r.add_argument("--pause", type=float, default=1.0, help="burst: seconds between rounds")
    r.add_argument("--wait-ms", type=float, default=50, help="burst: interval of GET /admin/workflow/runs?status=Running")
    r.add_argument("--round-deadline", type=float, default=60,
                   help="burst: seconds after a round's first POST before its unconfirmed orders are timeouts")
    r.add_argument("--run-sample", type=int, default=20,
                   help="burst: orders per round whose run is read afterwards for '201 -> run ended' (0: none)")
    rp = sub.add_parser("report")
    rp.add_argument("--dir", required=True)
    rp.add_argument("--target-ms", type=float, default=1000)
    a = p.parse_args()
    if a.cmd == "run":
        sys.exit(burst(a) if a.mode == "burst" else run(a))
    report(a)


if __name__ == "__main__":
    main()
