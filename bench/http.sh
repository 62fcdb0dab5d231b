#!/usr/bin/env bash
# http-service vs nginx on GET / ("Hello, World!"), with wrk, interleaved setting by setting:
# 64 and 256 connections one request at a time, then 64 connections pipelining 16 requests.
# Prints requests/s and p99 latency of both and the ratio ours/nginx per setting.
#
# Both servers on 127.0.0.1, both with logging per request off: nginx with 2 worker processes
# (bench/http-nginx.conf), http-service as built (epoll, one event loop per core, LOG_LEVEL=warn).
# wrk runs with 2 threads on the same machine, so absolute numbers are shared-machine noise;
# the ratio is what to quote.
#
# Usage: bench/http.sh [seconds per run, default 5]   (builds the jar first if it is missing)
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
DURATION="${1:-5}"
JAR=http-service/target/http-service.jar
for tool in nginx wrk java; do
  command -v "$tool" >/dev/null || { echo "http.sh: $tool is not installed" >&2; exit 1; }
done
[ -f "$JAR" ] || mvn -q -B -pl http-service -am package -DskipTests

WORK="$(mktemp -d)"
NGINX_PID=""
SERVICE_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

await_port() {
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "http.sh: nothing listening on port $1" >&2; exit 1
}

NGINX_PORT="$(free_port)"
SERVICE_PORT="$(free_port)"
sed -e "s|PREFIX|$WORK|g" -e "s|PORT|$NGINX_PORT|g" bench/http-nginx.conf > "$WORK/nginx.conf"
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/error.log" &
NGINX_PID=$!
# The store is not on the measured path; an unused port keeps the service from touching anyone's.
HTTP_PORT="$SERVICE_PORT" LOG_LEVEL=warn KV_URL="redis://127.0.0.1:1" java -jar "$JAR" > "$WORK/service.log" &
SERVICE_PID=$!
await_port "$NGINX_PORT"
await_port "$SERVICE_PORT"

# Returns "requests_per_second p99" for one wrk run.
measure() { # port connections [pipeline depth]
  local script=()
  [ -n "${3:-}" ] && script=(-s bench/http-pipeline.lua -- "$3")
  wrk -t2 -c"$2" -d"${DURATION}s" --latency "http://127.0.0.1:$1/" "${script[@]}" > "$WORK/wrk.out"
  awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {print rps, p99}' "$WORK/wrk.out"
}

echo "warming up http-service (JIT) ..."
wrk -t2 -c64 -d5s "http://127.0.0.1:$SERVICE_PORT/" > /dev/null
wrk -t2 -c64 -d3s "http://127.0.0.1:$NGINX_PORT/" > /dev/null

# Each setting runs nginx, ours, ours, nginx (ABBA), so load that drifts during a setting weighs on
# both alike; the table shows each server's mean requests/s and its worse p99 of the two runs.
printf '\n%-22s %12s %9s %12s %9s %7s\n' setting "nginx req/s" "p99" "ours req/s" "p99" ratio
for setting in "64" "256" "64 16"; do
  read -r connections depth <<< "$setting"
  label="$connections conn"
  [ -n "${depth:-}" ] && label="$label, pipeline $depth"
  read -r n1 np1 <<< "$(measure "$NGINX_PORT" "$connections" "${depth:-}")"
  read -r o1 op1 <<< "$(measure "$SERVICE_PORT" "$connections" "${depth:-}")"
  read -r o2 op2 <<< "$(measure "$SERVICE_PORT" "$connections" "${depth:-}")"
  read -r n2 np2 <<< "$(measure "$NGINX_PORT" "$connections" "${depth:-}")"
  awk -v label="$label" -v n1="$n1" -v n2="$n2" -v o1="$o1" -v o2="$o2" \
      -v np1="$np1" -v np2="$np2" -v op1="$op1" -v op2="$op2" '
    function ms(t) {
      if (t ~ /us$/) return t / 1000
      if (t ~ /ms$/) return t + 0
      return t * 1000
    }
    function worse(a, b) { return ms(a) > ms(b) ? a : b }
    BEGIN {
      nginx = (n1 + n2) / 2; ours = (o1 + o2) / 2
      printf "%-22s %12.0f %9s %12.0f %9s %7.2f\n", label, nginx, worse(np1, np2), ours, worse(op1, op2), ours / nginx
    }'
done
