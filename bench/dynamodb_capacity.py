"""Places orders against MilkRun on DynamoDB and reports the capacity units per order (see dynamodb-capacity.sh)."""
import argparse
import json
import random
import sys
import time
import uuid

sys.path.insert(0, __import__("os").path.dirname(__file__))
import orders  # noqa: E402  (the set-up of the order benchmark: vendor products, stock, verified customers)

# On-demand prices in ap-south-1 (Mumbai), USD, as AWS published them for 2025: per million write / read request
# units. Check https://aws.amazon.com/dynamodb/pricing/on-demand/ before relying on them.
PRICE_PER_MILLION_WRITES = 0.7125
PRICE_PER_MILLION_READS = 0.1425


def read_capacity(path, wait_for=None):
    deadline = time.time() + 5
    while True:
        try:
            text = open(path).read()
        except FileNotFoundError:
            text = ""
        totals = {}
        for line in text.splitlines():
            op, calls, reads, writes = line.split()
            totals[op] = (int(calls), float(reads), float(writes))
        if wait_for is None or sum(c for c, _, _ in totals.values()) >= wait_for or time.time() > deadline:
            return totals
        time.sleep(0.05)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--orders", type=int, default=200)
    p.add_argument("--capacity", required=True)
    p.add_argument("--setup", required=True)
    a = p.parse_args()
    setup_args = argparse.Namespace(port=a.port, products=40, customers=4, out=a.setup)
    orders.setup(setup_args)
    data = json.load(open(a.setup))
    api = orders.Api(a.port)
    date = orders.delivery_date(600)
    rng = random.Random(7)

    def place(n):
        for i in range(n):
            c = data["customers"][i % len(data["customers"])]
            lines = rng.sample(data["products"], 2)
            body = {"items": [{"productId": l["productId"], "vendorId": l["vendorId"], "quantity": 1} for l in lines],
                    "deliveryDate": date, "addressId": c["addressId"]}
            api.call("POST", "/orders", body, token=c["idToken"], expect=(201,),
                     headers={"Idempotency-Key": str(uuid.uuid4())})

    place(20)
    time.sleep(1.0)
    before = read_capacity(a.capacity)
    place(a.orders)
    time.sleep(1.5)  # the workflow's remaining steps, if any, and the meter's 100 ms file
    after = read_capacity(a.capacity)
    rows = []
    for op in sorted(set(before) | set(after)):
        c0, r0, w0 = before.get(op, (0, 0.0, 0.0))
        c1, r1, w1 = after.get(op, (0, 0.0, 0.0))
        if c1 - c0:
            rows.append((op, (c1 - c0) / a.orders, (r1 - r0) / a.orders, (w1 - w0) / a.orders))
    calls = sum(r[1] for r in rows)
    reads = sum(r[2] for r in rows)
    writes = sum(r[3] for r in rows)
    print(f"{a.orders} orders of 2 lines (after 20 warm-up orders); per order:")
    print()
    print("| operation | calls | read units | write units |")
    print("|---|---:|---:|---:|")
    for op, c, r, w in rows:
        print(f"| {op} | {c:.2f} | {r:.2f} | {w:.2f} |")
    print(f"| **total** | **{calls:.2f}** | **{reads:.2f}** | **{writes:.2f}** |")
    cost = writes * PRICE_PER_MILLION_WRITES / 1e6 + reads * PRICE_PER_MILLION_READS / 1e6
    print()
    print(f"on demand (ap-south-1, USD {PRICE_PER_MILLION_WRITES}/M writes, {PRICE_PER_MILLION_READS}/M reads): "
          f"${cost * 1e6:.2f} per million orders; per month at 100 / 1,000 / 10,000 orders a day: "
          f"${cost * 100 * 30:.4f} / ${cost * 1000 * 30:.3f} / ${cost * 10000 * 30:.2f}")


if __name__ == "__main__":
    main()
