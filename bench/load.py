#!/usr/bin/env python3
"""Mixed-request load driver for a running MilkRun server on 127.0.0.1 (standard library only).

    python3 bench/load.py --port 8080 [--requests 10000] [--threads 8] [--seed 42] [--json out.json]

Each thread keeps one keep-alive connection and signs in as its own demo account (so address changes of different
threads never conflict), then draws requests from a fixed, seeded mix:

  51%  GET /products with varied q / category / vendorId / pincode / limit, and next pages (nextToken)
  12%  GET /products/{id}          7%  GET /vendors (pincode, limit)     2%  GET /vendors/{id}
   2%  GET /categories              1%  GET /health
   1%  POST /auth/login (bcrypt)    8%  GET /users/me (bearer token)
   3%  POST /users/me/addresses     3%  GET /users/me/addresses          (deletes keep each account at <= 3 added)
   5%  404s (unknown product, vendor, route)
   5%  400s (limit=0, forged nextToken, invalid pincode in an address, body that is not JSON)

Every answer's status is checked against what that request must get; the summary counts statuses, 5xx and
unexpected answers, and prints requests/s and latency percentiles. Exit code 1 if any 5xx or unexpected answer.
"""
import argparse
import http.client
import json
import random
import statistics
import sys
import threading
import time
from collections import Counter
from urllib.parse import quote, urlencode

PASSWORD = "MilkRun@2026"
ACCOUNTS = ["customer@milkrun.dev", "vendor@milkrun.dev", "vrindavan@milkrun.dev", "sabarmati@milkrun.dev",
            "kaveri@milkrun.dev", "himalayan@milkrun.dev", "manager@milkrun.dev", "agent@milkrun.dev",
            "admin@milkrun.dev"]
QUERIES = [None, None, "milk", "paneer", "ghee", "curd", "organic", "a2", "butter", "lassi", "zzz-nothing"]
CATEGORIES = [None, None, "milk", "curd", "paneer", "butter", "ghee", "cheese", "cream", "beverages", "sweets"]
PINCODES = [None, None, "390001", "390002", "390005", "380001", "380015", "560001", "560034", "110001"]
LIMITS = [None, 5, 10, 20, 50, 100]


class Client:
    def __init__(self, port, stats, lock):
        self.port = port
        self.conn = None
        self.stats = stats
        self.lock = lock

    def request(self, method, path, body=None, token=None, expect=(200,), raw_body=None):
        headers = {"Accept": "application/json"}
        data = None
        if body is not None or raw_body is not None:
            data = raw_body if raw_body is not None else json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = "Bearer " + token
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            t0 = time.perf_counter()
            try:
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                payload = resp.read()
                status = resp.status
                if resp.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                break
            except (http.client.HTTPException, ConnectionError, OSError) as e:
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    status, payload = 0, str(e).encode()
        elapsed = time.perf_counter() - t0
        route = method + " " + path.split("?")[0]
        with self.lock:
            self.stats["latency"].append(elapsed)
            self.stats["status"][status] += 1
            if status not in expect:
                self.stats["unexpected"][f"{route} -> {status} (expected {'/'.join(map(str, expect))})"] += 1
                if len(self.stats["samples"]) < 5:
                    self.stats["samples"].append(f"{method} {path} -> {status}: {payload[:300]!r}")
        try:
            return status, json.loads(payload) if payload else None
        except ValueError:
            return status, None


def worker(idx, port, todo, stats, lock, catalog, seed):
    rnd = random.Random(seed * 1000 + idx)
    c = Client(port, stats, lock)
    email = ACCOUNTS[idx % len(ACCOUNTS)]
    token = None
    mine = []  # address ids this thread added
    next_token = None

    def login():
        nonlocal token
        status, body = c.request("POST", "/auth/login", {"email": email, "password": PASSWORD})
        if status == 200:
            token = body["idToken"]

    while True:
        with lock:
            if todo[0] <= 0:
                break
            todo[0] -= 1
        if token is None:
            login()
            continue
        r = rnd.random() * 100
        if r < 51:
            if next_token and rnd.random() < 0.3:
                q = {"nextToken": next_token}
                q.update(next_q)
            else:
                q = {k: v for k, v in (("q", rnd.choice(QUERIES)), ("category", rnd.choice(CATEGORIES)),
                                       ("pincode", rnd.choice(PINCODES)), ("limit", rnd.choice(LIMITS))) if v}
                if rnd.random() < 0.1 and catalog["vendors"]:
                    q["vendorId"] = rnd.choice(catalog["vendors"])
                next_q = q
            status, body = c.request("GET", "/products?" + urlencode(q))
            next_token = body.get("nextToken") if status == 200 and body else None
        elif r < 63:
            c.request("GET", "/products/" + rnd.choice(catalog["products"]))
        elif r < 70:
            pin = rnd.choice(PINCODES)
            c.request("GET", "/vendors" + (f"?pincode={pin}" if pin else "?limit=10"))
        elif r < 72:
            c.request("GET", "/vendors/" + rnd.choice(catalog["vendors"]))
        elif r < 74:
            c.request("GET", "/categories")
        elif r < 75:
            c.request("GET", "/health")
        elif r < 76:
            login()
        elif r < 84:
            c.request("GET", "/users/me", token=token)
        elif r < 87:
            if len(mine) >= 3:
                c.request("DELETE", "/users/me/addresses/" + mine.pop(0), token=token, expect=(204,))
            else:
                status, body = c.request("POST", "/users/me/addresses", {
                    "label": f"Bench {idx}", "line1": f"{rnd.randint(1, 999)} Bench Road", "city": "Vadodara",
                    "state": "Gujarat", "zipCode": "390001"}, token=token, expect=(201,))
                if status == 201 and body:
                    mine.append(body["addressId"])
        elif r < 90:
            c.request("GET", "/users/me/addresses", token=token)
        elif r < 95:
            kind = rnd.randrange(3)
            if kind == 0:
                c.request("GET", f"/products/prod-missing-{rnd.randint(1, 10 ** 6)}", expect=(404,))
            elif kind == 1:
                c.request("GET", f"/vendors/vendor-missing-{rnd.randint(1, 10 ** 6)}", expect=(404,))
            else:
                c.request("GET", "/no/such/route", expect=(404,))
        else:
            kind = rnd.randrange(4)
            if kind == 0:
                c.request("GET", "/products?limit=0", expect=(400,))
            elif kind == 1:
                c.request("GET", "/products?nextToken=not-a-token", expect=(400,))
            elif kind == 2:
                c.request("POST", "/users/me/addresses", {"line1": "1 Bad Pin Road", "city": "Vadodara",
                                                          "state": "Gujarat", "zipCode": "12"},
                          token=token, expect=(400,))
            else:
                c.request("POST", "/auth/login", raw_body=b"{not json", expect=(400,))
    # leave the accounts as they were
    for address_id in mine:
        c.request("DELETE", "/users/me/addresses/" + address_id, token=token, expect=(204,))


def discover(port):
    """Product and vendor ids of the demo catalog (not counted)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def get(path):
        conn.request("GET", path, headers={"Accept": "application/json"})
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            sys.exit(f"GET {path} answered {resp.status}: {body[:300]!r}")
        return json.loads(body)

    products, token = [], None
    while True:
        page = get("/products?limit=100" + (f"&nextToken={quote(token, safe='')}" if token else ""))
        products += [p["productId"] for p in page["items"]]
        token = page.get("nextToken")
        if not token:
            break
    vendors = [v["vendorId"] for v in get("/vendors?limit=100")["items"]]
    conn.close()
    return {"products": products, "vendors": vendors}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--requests", type=int, default=10000)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--json", help="write the summary here")
    args = p.parse_args()

    catalog = discover(args.port)
    stats = {"latency": [], "status": Counter(), "unexpected": Counter(), "samples": []}
    lock = threading.Lock()
    todo = [args.requests]
    threads = [threading.Thread(target=worker, args=(i, args.port, todo, stats, lock, catalog, args.seed))
               for i in range(args.threads)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0

    lat = sorted(stats["latency"])
    n = len(lat)
    pct = lambda q: lat[min(n - 1, int(q * n))] * 1000
    five_xx = sum(v for k, v in stats["status"].items() if k >= 500 or k == 0)
    unexpected = sum(stats["unexpected"].values())
    summary = {"requests": n, "seconds": round(elapsed, 2), "rps": round(n / elapsed, 1),
               "status": {str(k): v for k, v in sorted(stats["status"].items())}, "errors5xx": five_xx,
               "unexpected": unexpected, "p50_ms": round(pct(0.5), 2), "p99_ms": round(pct(0.99), 2),
               "mean_ms": round(statistics.fmean(lat) * 1000, 2)}
    print(f"{n} requests with {args.threads} threads in {elapsed:.1f} s: {n / elapsed:.0f} requests/s; "
          f"latency p50 {summary['p50_ms']} ms, p99 {summary['p99_ms']} ms")
    print("statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(stats["status"].items()))
          + f"; 5xx/failed: {five_xx}; unexpected: {unexpected}")
    for k, v in stats["unexpected"].most_common(10):
        print(f"  unexpected: {k} x{v}")
    for s in stats["samples"]:
        print("  e.g. " + s)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f)
    sys.exit(1 if five_xx or unexpected else 0)


if __name__ == "__main__":
    main()
