#!/usr/bin/env bash
# What a background save costs the other clients, kv-service beside redis-server 7.0 on loopback. Both get the
# same KEYS small keys; then, for each, redis-benchmark -t set,get runs once alone and once while BGSAVE runs
# back to back, and the script prints p99 and max latency of both runs, how many saves overlapped the load, and
# the pause of taking the snapshot: kv-service's time under the lock (its log line), Redis's fork time
# (latest_fork_usec).
#
# Knobs (environment): KEYS (1000000), REQUESTS per test (300000), CLIENTS (50), KV_JAVA_OPTS for the
# kv-service JVM (none).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

KEYS=${KEYS:-1000000}
REQUESTS=${REQUESTS:-300000}
CLIENTS=${CLIENTS:-50}
KV_JAVA_OPTS=${KV_JAVA_OPTS:-}
JAR=kv-service/target/kv-service.jar

kv_bench_setup bench/kv-bgsave.sh

mkdir "$work/redis" "$work/kv"
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work/redis" \
  > "$work/redis.log" 2>&1 &
pids+=("$!")

kv_port=$(free_port)
# shellcheck disable=SC2086 # KV_JAVA_OPTS is a list of JVM flags
PORT=$kv_port BIND_ADDRESS=127.0.0.1 LOG_LEVEL=info java $KV_JAVA_OPTS -jar "$JAR" --save "" --dir "$work/kv" \
  > "$work/kv.log" 2>&1 &
pids+=("$!")

await_ping "$redis_port"
await_ping "$kv_port"

echo "redis-server $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) and kv-service" \
  "(java $(java -version 2>&1 | head -1 | grep -o '"[^"]*"' | tr -d '"')${KV_JAVA_OPTS:+ $KV_JAVA_OPTS})," \
  "$(nproc) cores, $KEYS keys, redis-benchmark -t set,get -c $CLIENTS -n $REQUESTS -r $KEYS"

# The same keys as redis-benchmark's (key:<12 digits>) with 3-byte values, sent as one pipe.
awk -v n="$KEYS" 'BEGIN { for (i = 0; i < n; i++) printf "*3\r\n$3\r\nSET\r\n$16\r\nkey:%012d\r\n$3\r\nxxx\r\n", i }' \
  > "$work/keys.resp"
for port in "$kv_port" "$redis_port"; do
  redis-cli -p "$port" --pipe < "$work/keys.resp" > /dev/null
  [[ $(redis-cli -p "$port" dbsize) == "$KEYS" ]] || { echo "server on $port did not store $KEYS keys" >&2; exit 1; }
done

# p99 and max latency in ms of one redis-benchmark run, per test: "SET 0.231 1.207 GET ...".
latencies() {
  awk -F, '{ gsub(/"/, "") } $1 == "SET" || $1 == "GET" { printf "%s %s %s ", $1, $7, $8 }' "$1"
}

bgsave_done() {
  redis-cli -p "$1" info persistence | grep -q '^rdb_bgsave_in_progress:0'
}

# One server: a run alone, then a run with BGSAVE back to back; prints one line per test.
measure() {
  local name=$1 port=$2 saves=0
  redis-benchmark -p "$port" -t set,get -n "$REQUESTS" -c "$CLIENTS" -r "$KEYS" --csv > "$work/$name.alone" 2>/dev/null
  redis-benchmark -p "$port" -t set,get -n "$REQUESTS" -c "$CLIENTS" -r "$KEYS" --csv > "$work/$name.saving" 2>/dev/null &
  local bench=$!
  sleep 0.3
  while kill -0 "$bench" 2>/dev/null; do
    redis-cli -p "$port" bgsave > /dev/null
    saves=$((saves + 1))
    for _ in $(seq 600); do bgsave_done "$port" && break; sleep 0.05; done
    sleep 0.1
  done
  wait "$bench"
  read -r _ set_p99 set_max _ get_p99 get_max <<< "$(latencies "$work/$name.alone")"
  read -r _ sset_p99 sset_max _ sget_p99 sget_max <<< "$(latencies "$work/$name.saving")"
  printf '%-11s %-4s %10s %10s %12s %12s %6s\n' "$name" SET "$set_p99" "$set_max" "$sset_p99" "$sset_max" "$saves"
  printf '%-11s %-4s %10s %10s %12s %12s %6s\n' "$name" GET "$get_p99" "$get_max" "$sget_p99" "$sget_max" "$saves"
}

printf '\n%-11s %-4s %10s %10s %12s %12s %6s\n' server test "p99 ms" "max ms" "p99 saving" "max saving" saves
measure kv-service "$kv_port"
measure redis "$redis_port"

pause=$(grep -o 'snapshot of [0-9]* keys taken in [0-9.]* ms' "$work/kv.log" | awk '{ print $7 }' | sort -n)
fork=$(redis-cli -p "$redis_port" info stats | awk -F: '/^latest_fork_usec/ { printf "%.3f", $2 / 1000 }')
echo
echo "kv-service snapshot under the lock, ms (each BGSAVE, sorted): $(tr '\n' ' ' <<< "$pause")"
echo "redis-server fork, ms (the last BGSAVE):                      $fork"
echo "kv-service BGSAVE of $KEYS keys: $(grep -o 'terminated with success: .*' "$work/kv.log" | tail -1)"
