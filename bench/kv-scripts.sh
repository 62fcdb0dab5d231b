#!/usr/bin/env bash
# EVALSHA on kv-service beside redis-server on loopback: the same redis-benchmark load of cached scripts against
# both, interleaved, with both throughputs and their ratio. Scripts: one read (GET through redis.call), one write
# (SET then INCR), and a pure-Lua loop of 1000 additions (the interpreter alone).
#
# Knobs (environment): REQUESTS per test and run (100000), ROUNDS of interleaving (2), CLIENTS (50),
# PIPELINES ("1 16"), KV_JAVA_OPTS for the kv-service JVM (none).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

REQUESTS=${REQUESTS:-100000}
ROUNDS=${ROUNDS:-2}
CLIENTS=${CLIENTS:-50}
PIPELINES=${PIPELINES:-1 16}
KV_JAVA_OPTS=${KV_JAVA_OPTS:-}
JAR=kv-service/target/kv-service.jar

kv_bench_setup bench/kv-scripts.sh

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" > "$work/redis.log" 2>&1 &
pids+=($!)
kv_port=$(free_port)
# shellcheck disable=SC2086 # KV_JAVA_OPTS is a list of JVM flags
PORT=$kv_port BIND_ADDRESS=127.0.0.1 LOG_LEVEL=warn java $KV_JAVA_OPTS -jar "$JAR" --save "" --dir "$work" \
  > "$work/kv.log" 2>&1 &
pids+=($!)
await_ping "$redis_port"
await_ping "$kv_port"

declare -A scripts=(
  [read]="return redis.call('get', KEYS[1])"
  [write]="redis.call('set', KEYS[1], ARGV[1]) return redis.call('incr', 'counter')"
  [loop]="local s = 0 for i = 1, 1000 do s = s + i end return s"
)
declare -A sha
for name in "${!scripts[@]}"; do
  sha[$name]=$(redis-cli -p "$redis_port" script load "${scripts[$name]}")
  [[ $(redis-cli -p "$kv_port" script load "${scripts[$name]}") == "${sha[$name]}" ]] || { echo "sha differs" >&2; exit 1; }
done

echo "redis-server $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) and kv-service" \
  "(java $(java -version 2>&1 | head -1 | grep -o '"[^"]*"' | tr -d '"')${KV_JAVA_OPTS:+ $KV_JAVA_OPTS})," \
  "$(nproc) cores, redis-benchmark -c $CLIENTS -n $REQUESTS -r 100000 EVALSHA, best of $ROUNDS interleaved rounds"

# Throughput of one script against one server, requests per second.
rps() {
  local port=$1 name=$2 pipeline=$3 requests=${4:-$REQUESTS}
  redis-benchmark -p "$port" -n "$requests" -c "$CLIENTS" -P "$pipeline" -r 100000 -q --csv \
    EVALSHA "${sha[$name]}" 1 "key:__rand_int__" value | awk -F, 'NR > 1 || $1 !~ /test/ { gsub(/"/, ""); print int($2); exit }'
}

# The JIT compiles on the first load; warm both servers equally before measuring.
for name in "${!scripts[@]}"; do
  rps "$kv_port" "$name" 1 20000 > /dev/null
  rps "$redis_port" "$name" 1 20000 > /dev/null
done

declare -A ours theirs
for ((round = 1; round <= ROUNDS; round++)); do
  for pipeline in $PIPELINES; do
    for name in read write loop; do
      key="$name/$pipeline"
      if ((round % 2)); then order="kv redis"; else order="redis kv"; fi
      for server in $order; do
        if [[ $server == kv ]]; then
          value=$(rps "$kv_port" "$name" "$pipeline")
          ((value > ${ours[$key]:-0})) && ours[$key]=$value
        else
          value=$(rps "$redis_port" "$name" "$pipeline")
          ((value > ${theirs[$key]:-0})) && theirs[$key]=$value
        fi
      done
    done
  done
done

printf '\n%-8s %3s %14s %14s %7s\n' script -P "kv-service/s" "redis/s" ratio
for pipeline in $PIPELINES; do
  for name in read write loop; do
    key="$name/$pipeline"
    printf '%-8s %3s %14s %14s %7s\n' "$name" "$pipeline" "${ours[$key]:-0}" "${theirs[$key]:-0}" \
      "$(awk -v a="${ours[$key]:-0}" -v b="${theirs[$key]:-0}" 'BEGIN { printf (b ? "%.2f" : "n/a"), a / b }')"
  done
done
