#!/usr/bin/env bash
# kv-service beside redis-server on loopback. Part 1 runs the same redis-benchmark load against
# both, interleaved, and prints both throughputs and their ratio. Part 2 loads the same small keys
# into each and prints bytes per key from the growth of each process's RSS.
#
# Knobs (environment): REQUESTS per test and run (100000), ROUNDS of interleaving (2),
# CLIENTS (50), PIPELINES ("1 16"), TESTS (the list below), KEYS for part 2 (1000000),
# KV_JAVA_OPTS for the kv-service JVM (none), SKIP_MEMORY=1 to run part 1 only, APPENDFSYNC=everysec or
# always to run both servers with the append-only file on and that fsync policy (default: no persistence).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

TESTS=${TESTS:-set,get,incr,lpush,rpop,sadd,hset,zadd,lrange_100,mset}
REQUESTS=${REQUESTS:-100000}
ROUNDS=${ROUNDS:-2}
CLIENTS=${CLIENTS:-50}
PIPELINES=${PIPELINES:-1 16}
KEYS=${KEYS:-1000000}
KV_JAVA_OPTS=${KV_JAVA_OPTS:-}
APPENDFSYNC=${APPENDFSYNC:-}
JAR=kv-service/target/kv-service.jar

kv_bench_setup bench/kv.sh

redis_port=$(free_port)
# The same persistence settings for both: none, or the AOF with one fsync policy (each in its own directory).
if [[ -n $APPENDFSYNC ]]; then
  aof=(--appendonly yes --appendfsync "$APPENDFSYNC")
else
  aof=(--appendonly no)
fi
mkdir -p "$work/redis" "$work/kv"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' "${aof[@]}" --dir "$work/redis" \
  > "$work/redis.log" 2>&1 &
redis_pid=$!
pids+=("$redis_pid")

kv_port=$(free_port)
# shellcheck disable=SC2086 # KV_JAVA_OPTS is a list of JVM flags
PORT=$kv_port BIND_ADDRESS=127.0.0.1 LOG_LEVEL=warn java $KV_JAVA_OPTS -jar "$JAR" --save "" "${aof[@]}" \
  --dir "$work/kv" \
  > "$work/kv.log" 2>&1 &
kv_pid=$!
pids+=("$kv_pid")

await_ping "$redis_port"
await_ping "$kv_port"

echo "redis-server $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) and kv-service" \
  "(java $(java -version 2>&1 | head -1 | grep -o '"[^"]*"' | tr -d '"')${KV_JAVA_OPTS:+ $KV_JAVA_OPTS})," \
  "$(nproc) cores, redis-benchmark -c $CLIENTS -n $REQUESTS -r 100000, best of $ROUNDS interleaved rounds," \
  "${APPENDFSYNC:+appendonly yes, appendfsync $APPENDFSYNC}$([[ -n $APPENDFSYNC ]] || echo no persistence)"

# Throughput of one test against one server, requests per second.
rps() {
  local port=$1 test=$2 pipeline=$3 name
  name=$(tr '[:lower:]' '[:upper:]' <<< "$test")
  redis-benchmark -p "$port" -t "$test" -n "$REQUESTS" -c "$CLIENTS" -P "$pipeline" -r 100000 -q --csv \
    | awk -F, -v name="$name" '{ gsub(/"/, "") } index($1, name) == 1 && $1 !~ /needed/ { print int($2) }'
}

# The JIT compiles on the first load; warm both servers equally before measuring.
redis-benchmark -p "$kv_port" -t "$TESTS" -n 20000 -c "$CLIENTS" -r 100000 -q > /dev/null
redis-benchmark -p "$redis_port" -t "$TESTS" -n 20000 -c "$CLIENTS" -r 100000 -q > /dev/null

declare -A ours theirs
for ((round = 1; round <= ROUNDS; round++)); do
  for pipeline in $PIPELINES; do
    for test in ${TESTS//,/ }; do
      key="$test/$pipeline"
      # Alternate which server goes first so neither always runs on a warmer or cooler machine.
      if ((round % 2)); then order="kv redis"; else order="redis kv"; fi
      for server in $order; do
        if [[ $server == kv ]]; then
          value=$(rps "$kv_port" "$test" "$pipeline")
          ((value > ${ours[$key]:-0})) && ours[$key]=$value
        else
          value=$(rps "$redis_port" "$test" "$pipeline")
          ((value > ${theirs[$key]:-0})) && theirs[$key]=$value
        fi
      done
    done
  done
done

printf '\n%-12s %3s %14s %14s %7s\n' test -P "kv-service/s" "redis/s" ratio
for pipeline in $PIPELINES; do
  for test in ${TESTS//,/ }; do
    key="$test/$pipeline"
    printf '%-12s %3s %14s %14s %7s\n' "$test" "$pipeline" "${ours[$key]:-0}" "${theirs[$key]:-0}" \
      "$(awk -v a="${ours[$key]:-0}" -v b="${theirs[$key]:-0}" 'BEGIN { printf (b ? "%.2f" : "n/a"), a / b }')"
  done
done

[[ ${SKIP_MEMORY:-0} == 1 ]] && exit 0

rss_bytes() {
  awk '/^VmRSS:/ { print $2 * 1024 }' "/proc/$1/status"
}

# The same keys as redis-benchmark's (key:<12 digits>) with 3-byte values, sent as one pipe.
awk -v n="$KEYS" 'BEGIN { for (i = 0; i < n; i++) printf "*3\r\n$3\r\nSET\r\n$16\r\nkey:%012d\r\n$3\r\nxxx\r\n", i }' \
  > "$work/keys.resp"

printf '\n%-12s %14s %14s %7s\n' "$KEYS keys" "kv-service" "redis" ratio
declare -A per_key
for server in kv redis; do
  if [[ $server == kv ]]; then port=$kv_port pid=$kv_pid; else port=$redis_port pid=$redis_pid; fi
  redis-cli -p "$port" flushall > /dev/null
  sleep 1
  before=$(rss_bytes "$pid")
  redis-cli -p "$port" --pipe < "$work/keys.resp" > /dev/null
  [[ $(redis-cli -p "$port" dbsize) == "$KEYS" ]] || { echo "$server did not store $KEYS keys" >&2; exit 1; }
  sleep 2
  after=$(rss_bytes "$pid")
  per_key[$server]=$(((after - before) / KEYS))
done
printf '%-12s %14s %14s %7s\n' "bytes/key" "${per_key[kv]}" "${per_key[redis]}" \
  "$(awk -v a="${per_key[kv]}" -v b="${per_key[redis]}" 'BEGIN { printf (b ? "%.2f" : "n/a"), a / b }')"
