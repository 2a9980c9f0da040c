#!/usr/bin/env bash
# Producer throughput: GridKafka's Swift producer (release build) against librdkafka's own rdkafka_performance,
# on one Tansu broker, in the same run, with the same message count, size, acks and idempotence.
#
#   Benchmarks/kafka-producer.sh                 # 1,000,000 messages of 100 bytes, 3 rounds
#   COUNT=200000 SIZE=512 ROUNDS=1 Benchmarks/kafka-producer.sh
#
# Prints each run's msgs/s, the median of each side and the ratio swift / rdkafka_performance.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${COUNT:-1000000}
size=${SIZE:-100}
rounds=${ROUNDS:-3}
partitions=${PARTITIONS:-3}
tansu=${GRIDLOOP_TANSU_BIN:-/usr/local/bin/tansu}
perf=${RDKAFKA_PERFORMANCE_BIN:-/usr/local/bin/rdkafka_performance}
for tool in "$tansu" "$perf"; do
    [ -x "$tool" ] || { echo "missing $tool: run scripts/bootstrap" >&2; exit 1; }
done

echo "building KafkaProducerBenchmark (release)…" >&2
GRIDLOOP_BENCHMARKS=1 swift build -c release --package-path "$root" --scratch-path "$root/.build-benchmarks" \
    --product KafkaProducerBenchmark >&2
bench="$root/.build-benchmarks/release/KafkaProducerBenchmark"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
brokers="127.0.0.1:$port"
log=$(mktemp -t gridloop-tansu-bench.XXXXXX)
"$tansu" broker --listener-url "tcp://$brokers" --advertised-listener-url "tcp://$brokers" >"$log" 2>&1 &
tansu_pid=$!
trap 'kill "$tansu_pid" 2>/dev/null; wait "$tansu_pid" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.05
done

echo "broker $brokers; $count messages of $size bytes, acks=all, idempotent, $partitions partitions, $rounds rounds"
librdkafka_rates=()
swift_rates=()
for round in $(seq 1 "$rounds"); do
    topic="perf-rdkafka-$round"
    "$bench" --brokers "$brokers" --topic "$topic" --partitions "$partitions" --create-only
    line=$("$perf" -P -t "$topic" -b "$brokers" -s "$size" -c "$count" -a -1 \
        -X enable.idempotence=true -X partitioner=murmur2_random -X linger.ms=5 -X batch.num.messages=10000 \
        -X queue.buffering.max.messages=100000 2>&1 | grep 'messages produced' | tail -1)
    rate=$(sed -E 's/.* ([0-9]+) msgs\/s.*/\1/' <<<"$line")
    echo "round $round rdkafka_performance: $line"
    librdkafka_rates+=("$rate")

    line=$("$bench" --brokers "$brokers" --topic "perf-swift-$round" --partitions "$partitions" \
        --count "$count" --size "$size")
    rate=$(sed -E 's/.* ([0-9]+) msgs\/s.*/\1/' <<<"$line")
    echo "round $round $line"
    swift_rates+=("$rate")
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
librdkafka=$(median "${librdkafka_rates[@]}")
swift=$(median "${swift_rates[@]}")
echo "median rdkafka_performance: $librdkafka msgs/s"
echo "median GridKafka (Swift):   $swift msgs/s"
awk -v s="$swift" -v l="$librdkafka" 'BEGIN { printf "ratio Swift / rdkafka_performance: %.2f\n", s / l }'
