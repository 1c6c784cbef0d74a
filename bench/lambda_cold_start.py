#!/usr/bin/env python3
"""Lambda cold start: a fresh JVM per run constructs ApiGatewayHandler and answers one GET /products event.

Run by lambda-cold-start.sh. Cases (run round-robin): MILKRUN_STORE=memory, H2 in-memory and, with
--dynamodb-endpoint, the DynamoDB stores on a local DynamoDB server (tables and demo data made by an uncounted first
run, as the SAM template and a first start would have left them), with demo data, and once more as the template
configures the API function (Cognito identity, SES, Step Functions, no runner threads, demo data and dev mailbox
off); the DynamoDB client alone (SdkFloor.java: the floor under the DynamoDB cases); and a bare `java -version`.
Per run it reports, in milliseconds:
  jvm      process launch -> JVM start time (RuntimeMXBean.getStartTime)
  handler  JVM uptime when the handler was constructed (MilkRun.start: stores, migrations, keys, demo data)
  first    JVM uptime when the first response was ready (event parsed with Jackson + handleRequest)
  wall     process launch -> first response, measured from the script's clock
  exit     process launch -> process exit
  warm     the second invocation alone
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

CASES = [
    ("memory store", {"MILKRUN_STORE": "memory"}),
    ("H2 in-memory", {"MILKRUN_STORE": "sql", "MILKRUN_DB_URL": "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"}),
]
# a function without SnapStart finds its role's credentials in these variables (the SDK's default chain reads them);
# the local server accepts any
LAMBDA_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local", "AWS_SESSION_TOKEN": "local"}
BASE_ENV = {"MILKRUN_DEMO_DATA": "true", "MILKRUN_DEV_MAILBOX": "true", "MILKRUN_LOG_LEVEL": "WARN"}


def run_once(args, env_extra, flags):
    env = dict(os.environ)
    env.pop("JAVA_TOOL_OPTIONS", None)
    env.update(BASE_ENV)
    env.update(env_extra)
    main = env.pop("BENCH_MAIN", "LambdaColdStart")
    cmd = [args.java, *flags, "-cp", args.classpath, main, *([args.event] if main == "LambdaColdStart" else [])]
    launch_us = time.time_ns() // 1000
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    exit_s = time.perf_counter() - t0
    line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
    if proc.returncode != 0 or line is None:
        sys.exit(f"run failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    r = json.loads(line[len("RESULT "):])
    start = r["jvmStartUs"]
    return {
        "jvm": (start - launch_us) / 1000,
        "handler": (r["constructedUs"] - start) / 1000,
        "first": (r["answeredUs"] - start) / 1000,
        "wall": (r["answeredUs"] - launch_us) / 1000,
        "exit": exit_s * 1000,
        "warm": (r["warmUs"] - r["answeredUs"]) / 1000,
        "parse": (r["parsedUs"] - r["constructedUs"]) / 1000,
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--java", required=True)
    p.add_argument("--classpath", required=True)
    p.add_argument("--event", required=True)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--flags", default="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto")
    p.add_argument("--cds", help="also run every case with an AppCDS archive at this path (created by a first run)")
    p.add_argument("--key-file", help="also run every case with MILKRUN_JWT_PRIVATE_KEY_FILE set to this PEM")
    p.add_argument("--dynamodb-endpoint", help="also run on the DynamoDB stores of this DynamoDB-compatible server")
    args = p.parse_args()
    if args.dynamodb_endpoint:
        dynamo = {"MILKRUN_STORE": "dynamodb", "MILKRUN_DYNAMODB_ENDPOINT": args.dynamodb_endpoint,
                  "MILKRUN_DYNAMODB_TABLE_PREFIX": "coldstart-"}
        run_once(args, {**dynamo, "MILKRUN_DYNAMODB_CREATE_TABLES": "true"}, args.flags.split())
        CASES.append(("DynamoDB store (local server)", dynamo))
        # as infra/template.yaml configures the API function: the user pool signs tokens (no key of MilkRun's own is
        # read) and there is no demo data to check; GET /products never calls Cognito, so no pool is needed here
        # as infra/template.yaml configures the API function (but for MILKRUN_API_BASE_PATH, which only strips /api
        # from the event's path): Cognito identity, SES email, Step Functions workflow, no runner threads, no demo data,
        # no dev mailbox. GET /products calls none of Cognito, SES and Step Functions, so their endpoints are never used.
        CASES.append(("DynamoDB store as deployed (Cognito, SES, Step Functions, no demo data)", {
            **dynamo, "MILKRUN_IDENTITY": "cognito", "AWS_REGION": "ap-south-1", "COGNITO_USER_POOL_ID": "ap-south-1_ColdStart",
            "COGNITO_CLIENT_ID": "cold-start", "MILKRUN_DEMO_DATA": "false", "MILKRUN_DEV_MAILBOX": "false",
            "MILKRUN_WORKFLOW_RUNNER": "false", "MILKRUN_EMAIL": "ses", "MILKRUN_SES_FROM": "orders@milkrun.example",
            "MILKRUN_ORDER_WORKFLOW": "stepfunctions",
            "ORDER_STATE_MACHINE_ARN": "arn:aws:states:ap-south-1:123456789012:stateMachine:milkrun-orders",
            **LAMBDA_CREDENTIALS}))
        # the floor: the SDK's DynamoDB client alone, built as DynamoSetup builds it, and one read (SdkFloor.java)
        CASES.append(("AWS SDK DynamoDB client alone (build + one Scan), no MilkRun", {
            **dynamo, "AWS_REGION": "ap-south-1", "BENCH_MAIN": "SdkFloor", **LAMBDA_CREDENTIALS}))
    flags = args.flags.split()
    variants = [("", flags, {})]
    if args.key_file:
        variants.append((" + configured key", flags, {"MILKRUN_JWT_PRIVATE_KEY_FILE": args.key_file}))
    if args.cds:
        cds = [*flags, "-XX:+AutoCreateSharedArchive", f"-XX:SharedArchiveFile={args.cds}"]
        variants += [(suffix + ", AppCDS", cds, env) for suffix, _, env in list(variants)]
    print(f"java: {args.java}\nflags: {' '.join(flags)}\nruns per case: {args.runs}\n")

    cases = [(name + suffix, {**env_extra, **env}, fl) for name, env_extra in CASES for suffix, fl, env in variants]
    # one archive per case, made by that case's first (uncounted) run
    cases = [(name, env, [f.replace(args.cds, f"{args.cds}.{i}") if args.cds else f for f in fl])
             for i, (name, env, fl) in enumerate(cases)]
    # warm the page cache (jar, JDK) and create the AppCDS archive; not counted
    for _, env_extra, fl in cases:
        run_once(args, env_extra, fl)

    results = {name: [] for name, _, _ in cases}
    for i in range(args.runs):
        for name, env_extra, fl in cases:
            results[name].append(run_once(args, env_extra, fl))
        print(f"run {i + 1}/{args.runs}: " + ", ".join(
            f"{name} {results[name][-1]['first']:.0f} ms" for name, _, _ in cases), flush=True)

    versions = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run([args.java, *flags, "-version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        versions.append((time.perf_counter() - t0) * 1000)
    med = lambda rs, k: statistics.median(r[k] for r in rs)
    print(f"\nMedian of {args.runs} runs, milliseconds. handler / first response = JVM uptime "
          f"(from RuntimeMXBean start time); wall = from process launch.\n")
    print("| case | JVM start after launch | handler constructed | event parsed+answered | first response (uptime) "
          "| first response (wall) | min-max first (wall) | process exit | warm 2nd call |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, _, _ in cases:
        rs = results[name]
        walls = [r["wall"] for r in rs]
        print(f"| {name} | {med(rs, 'jvm'):.0f} | {med(rs, 'handler'):.0f} | {med(rs, 'first') - med(rs, 'handler'):.0f} "
              f"| {med(rs, 'first'):.0f} | {med(rs, 'wall'):.0f} | {min(walls):.0f}-{max(walls):.0f} "
              f"| {med(rs, 'exit'):.0f} | {med(rs, 'warm'):.1f} |")
    print(f"| `java -version` (same flags) | | | | | {statistics.median(versions):.0f} | "
          f"{min(versions):.0f}-{max(versions):.0f} | | |")
    for name, _, _ in cases:
        m = statistics.median(r["wall"] for r in results[name])
        print(f"Target first response <= 600 ms (wall): {name}: {'MET' if m <= 600 else 'NOT MET'} ({m:.0f} ms)")


if __name__ == "__main__":
    main()
