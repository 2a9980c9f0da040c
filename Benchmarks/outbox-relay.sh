#!/usr/bin/env bash
# Outbox relay throughput: events/s from committed outbox rows to delivered Kafka messages.
#
#   Benchmarks/outbox-relay.sh [benchmark options…]     e.g. --events 500000 --batch-size 2000
#   GRIDLOOP_BENCH_SCRATCH=.build Benchmarks/outbox-relay.sh   reuse another build directory
#
# Starts the test PostgreSQL (scripts/test-env) and a Tansu broker on a free loopback port, builds
# OutboxRelayBenchmark in release mode, and runs it twice: with the Kafka publisher (the figure) and
# with a discarding publisher (the PostgreSQL side alone, for comparison).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

eval "$(scripts/test-env)"
export GRIDLOOP_TEST_PG_URL

tansu_bin=${GRIDLOOP_TANSU_BIN:-$(command -v tansu || echo /usr/local/bin/tansu)}
[ -x "$tansu_bin" ] || { echo "tansu not found: run scripts/bootstrap" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$tansu_bin" broker --listener-url "tcp://127.0.0.1:$port" --advertised-listener-url "tcp://127.0.0.1:$port" --silent \
  >"${TMPDIR:-/tmp}/outbox-relay-tansu.log" 2>&1 &
tansu_pid=$!
trap 'kill "$tansu_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

scratch=${GRIDLOOP_BENCH_SCRATCH:-$root/.build-benchmarks}
echo "[outbox-relay] building OutboxRelayBenchmark (release, scratch path $scratch)" >&2
GRIDLOOP_BENCHMARKS=1 swift build -c release --package-path "$root" --scratch-path "$scratch" \
  --product OutboxRelayBenchmark >&2
bin="$scratch/release/OutboxRelayBenchmark"

echo "[outbox-relay] Kafka publisher (Tansu on 127.0.0.1:$port)"
"$bin" --publisher kafka --brokers "127.0.0.1:$port" "$@"
echo "[outbox-relay] discarding publisher (PostgreSQL side only)"
"$bin" --publisher discard "$@"
