#!/usr/bin/env bash
# chat-service beside Prosody on loopback, measured with the same XMPP load (bench/xmpp-load):
# logins per second (connect, STARTTLS, SASL, bind), chat messages per second between logged-in
# pairs, round-trip latency at a fixed rate, and server memory per idle session. Each scenario runs
# against both servers interleaved; the table shows the best round of each and the ratio, and the
# servers' CPU time per login and per message over all rounds (steadier than rates on a shared machine).
# A third server, "cluster", is two chat-service nodes sharing a kv-service (KV_URL): every pair of the
# load has its two sides on different nodes, and its CPU is that of both nodes and the kv-service.
#
# Usage: bench/chat.sh [--only portbind|cluster|prosody]
# Knobs (environment): ROUNDS of interleaving (2), ACCOUNTS created on both servers (2000),
# LOGINS per run (1000), CONCURRENCY of logins (50), PAIRS (50), WINDOW per sender (16),
# RUN_SECONDS measured per message and latency run (6), LATENCY_RATE msgs/s (1000),
# LATENCY_PAIRS (20), IDLE_SESSIONS per batch (1000; two batches), SASL mechanism (PLAIN or
# SCRAM_SHA_1), SCRAM_ITERATIONS of Prosody's stored keys (4096, as chat-service's),
# CHAT_JAR (chat-service/target/chat-service.jar; another path is used as is, not built),
# CHAT_JAVA_OPTS for the chat-service JVM (none), LOAD_THREADS generator event loops (2).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

ONLY=
while (($#)); do
  case $1 in
    --only) ONLY=${2:-}; shift 2 ;;
    *) echo "usage: bench/chat.sh [--only portbind|cluster|prosody]" >&2; exit 2 ;;
  esac
done
[[ -z $ONLY || $ONLY == portbind || $ONLY == cluster || $ONLY == prosody ]] ||
  { echo "--only takes portbind, cluster or prosody" >&2; exit 2; }

ROUNDS=${ROUNDS:-2}
ACCOUNTS=${ACCOUNTS:-2000}
LOGINS=${LOGINS:-1000}
CONCURRENCY=${CONCURRENCY:-50}
PAIRS=${PAIRS:-50}
WINDOW=${WINDOW:-16}
RUN_SECONDS=${RUN_SECONDS:-6}
LATENCY_RATE=${LATENCY_RATE:-1000}
LATENCY_PAIRS=${LATENCY_PAIRS:-20}
IDLE_SESSIONS=${IDLE_SESSIONS:-1000}
SASL=${SASL:-PLAIN}
SCRAM_ITERATIONS=${SCRAM_ITERATIONS:-4096}
CHAT_JAVA_OPTS=${CHAT_JAVA_OPTS:-}
LOAD_THREADS=${LOAD_THREADS:-2}
DEFAULT_CHAT_JAR=chat-service/target/chat-service.jar
CHAT_JAR=${CHAT_JAR:-$DEFAULT_CHAT_JAR}
LOAD_JAR=bench/xmpp-load/target/xmpp-load.jar
PASSWORD=load-password
USER_PREFIX=load

for needed in $((2 * IDLE_SESSIONS)) $((2 * PAIRS)) $((2 * LATENCY_PAIRS)); do
  ((ACCOUNTS >= needed)) || { echo "ACCOUNTS=$ACCOUNTS is too few: the load needs $needed" >&2; exit 2; }
done

servers=()
for server in portbind cluster prosody; do
  [[ -z $ONLY || $ONLY == "$server" ]] && servers+=("$server")
done

command -v prosody >/dev/null || { echo "bench/chat.sh needs prosody: apt-get install prosody" >&2; exit 1; }
modules=bench/xmpp-load,kv-service
[[ $ONLY != prosody && $CHAT_JAR == "$DEFAULT_CHAT_JAR" ]] && modules=chat-service,$modules
mvn -q -B -DskipTests package -pl "$modules" -am
[[ $ONLY == prosody || -f $CHAT_JAR ]] || { echo "no chat-service jar at $CHAT_JAR" >&2; exit 1; }
(($(ulimit -n) >= 4 * IDLE_SESSIONS)) || ulimit -n "$(ulimit -Hn)"

temp_workdir

# chat-service hashes every account's password before it binds, so thousands of accounts take a while.
await_listening() {
  local name=$1 port=$2
  for _ in $(seq 1200); do
    ss -Htln "sport = :$port" | grep -q . && return
    # shellcheck disable=SC2086 # a list of processes
    kill -0 ${pid[$name]} 2>/dev/null || break
    sleep 0.1
  done
  echo "$name is not listening on port $port; its log:" >&2
  cat "$work/$name.log" >&2
  exit 1
}

# One certificate for both servers, so both pay the same for each TLS handshake.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# port[server] is what the load connects to (a list of ports for the cluster); pid[server] is the processes
# whose CPU and memory count for it.
declare -A port pid
# Starts one chat-service process named $1 on port $2, with the environment given after them.
start_chat() {
  local name=$1 chat_port=$2
  shift 2
  # shellcheck disable=SC2086 # CHAT_JAVA_OPTS is a list of JVM flags
  env PORT="$chat_port" BIND_ADDRESS=127.0.0.1 LOG_LEVEL=warn XMPP_DOMAIN=localhost \
    CHAT_TLS_CERT="$work/cert.pem" CHAT_TLS_KEY="$work/key.pem" "$@" \
    java $CHAT_JAVA_OPTS -jar "$CHAT_JAR" > "$work/$name.log" 2>&1 &
  pids+=($!)
  pid[$name]="${pid[$name]:+${pid[$name]} }$!"
}

accounts_file() {
  local i
  [[ -f $work/accounts.txt ]] && return
  for ((i = 0; i < ACCOUNTS; i++)); do echo "$USER_PREFIX$i:$PASSWORD"; done > "$work/accounts.txt"
}

start_portbind() {
  accounts_file
  port[portbind]=$(free_port)
  start_chat portbind "${port[portbind]}" CHAT_ACCOUNTS="$work/accounts.txt"
}

# Two nodes over one kv-service: the first writes the accounts into the store, the second starts once it has.
start_cluster() {
  local kv first second
  accounts_file
  kv=$(free_port)
  java -jar kv-service/target/kv-service.jar --port "$kv" --bind 127.0.0.1 --save "" --dir "$work" \
    > "$work/cluster-kv.log" 2>&1 &
  pids+=($!)
  pid[cluster]=$!
  await_ping "$kv"
  first=$(free_port)
  second=$(free_port)
  start_chat cluster "$first" KV_URL="redis://127.0.0.1:$kv" CHAT_ACCOUNTS="$work/accounts.txt"
  port[cluster]=$first
  await_listening cluster "$first"
  start_chat cluster "$second" KV_URL="redis://127.0.0.1:$kv"
  port[cluster]=$first,$second
}

# Prosody's accounts are files of SCRAM keys; registering one through prosodyctl and copying its file
# creates thousands in well under a second (prosodyctl per account takes minutes).
start_prosody() {
  local dir=$work/prosody i
  mkdir -p "$dir/data"
  port[prosody]=$(free_port)
  sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|${port[prosody]}|" -e "s|@ITERATIONS@|$SCRAM_ITERATIONS|" \
    -e "s|@CERT@|$work/cert.pem|" -e "s|@KEY@|$work/key.pem|" bench/prosody.cfg.lua.in > "$dir/prosody.cfg.lua"
  prosodyctl --config "$dir/prosody.cfg.lua" register "${USER_PREFIX}0" localhost "$PASSWORD" \
    > "$work/prosodyctl.log" 2>&1
  for ((i = 1; i < ACCOUNTS; i++)); do
    cp "$dir/data/localhost/accounts/${USER_PREFIX}0.dat" "$dir/data/localhost/accounts/$USER_PREFIX$i.dat"
  done
  prosody --config "$dir/prosody.cfg.lua" -F > "$work/prosody.log" 2>&1 &
  pid[prosody]=$!
  pids+=("${pid[prosody]}")
}

for server in "${servers[@]}"; do "start_$server"; done
for server in "${servers[@]}"; do
  for each_port in ${port[$server]//,/ }; do await_listening "$server" "$each_port"; done
done

# One scenario against one server; prints the RESULT line, or fails with the generator's output.
load() {
  local server=$1 scenario=$2 out
  shift 2
  if ! out=$(java -jar "$LOAD_JAR" "$scenario" --port "${port[$server]}" --accounts "$ACCOUNTS" \
      --user-prefix "$USER_PREFIX" --password "$PASSWORD" --sasl "$SASL" --threads "$LOAD_THREADS" \
      --concurrency "$CONCURRENCY" "$@" 2>&1); then
    echo "$scenario against $server failed:" >&2
    echo "$out" >&2
    exit 1
  fi
  grep '^RESULT' <<< "$out"
}

field() {
  sed -n "s/.* $1=\([^ ]*\).*/\1/p"
}

echo "chat-service ($CHAT_JAR) and Prosody $(dpkg-query -W -f '${Version}' prosody 2>/dev/null || echo '?')," \
  "$(nproc) cores, SASL $SASL, $ACCOUNTS accounts, best of $ROUNDS interleaved rounds"

# Throughput and latency, interleaved: each round runs the scenario against every server in turn.
declare -A flags=(
  [logins]="--count $LOGINS --warmup-count $((LOGINS / 5))"
  [messages]="--pairs $PAIRS --window $WINDOW --seconds $RUN_SECONDS"
  [latency]="--pairs $LATENCY_PAIRS --rate $LATENCY_RATE --seconds $RUN_SECONDS"
)
declare -A fields=([logins]=logins_per_s [messages]=messages_per_s [latency]="p50_ms p99_ms")
declare -A best
# Whether value $1 beats the best so far, $2, of field $3: higher is better except for latencies.
beats() {
  local lower=0
  [[ $3 == *_ms ]] && lower=1
  awk -v new="$1" -v old="$2" -v lower=$lower 'BEGIN { exit !(old == "" || (lower ? new < old : new > old)) }'
}
# Server CPU per operation is also kept: on a shared machine it varies far less than throughput does.
declare -A ops_field=([logins]=logins_total [messages]=sent_total)
declare -A cpu ops
# CPU seconds of the processes given, together.
cpu_seconds() {
  local p stats=()
  for p in "$@"; do stats+=("/proc/$p/stat"); done
  awk -v hz="$(getconf CLK_TCK)" '{ total += $14 + $15 } END { printf "%.2f", total / hz }' "${stats[@]}"
}
add() {
  awk -v a="${1:-0}" -v b="$2" 'BEGIN { print a + b }'
}
for scenario in logins messages latency; do
  for ((round = 1; round <= ROUNDS; round++)); do
    # Alternate which server goes first so neither always runs on a warmer or cooler machine.
    order=("${servers[@]}")
    ((round % 2)) || order=("${servers[@]:1}" "${servers[0]}")
    for server in "${order[@]}"; do
      # shellcheck disable=SC2086 # a list of processes
      cpu_before=$(cpu_seconds ${pid[$server]})
      # shellcheck disable=SC2086 # the flags are a list
      result=$(load "$server" "$scenario" ${flags[$scenario]})
      # shellcheck disable=SC2086 # a list of processes
      server_cpu=$(add "$(cpu_seconds ${pid[$server]})" "-$cpu_before")
      echo "  $server round $round: ${result#RESULT } server_cpu_s=$server_cpu" >&2
      for key in ${fields[$scenario]}; do
        value=$(field "$key" <<< "$result")
        if beats "$value" "${best[$key/$server]:-}" "$key"; then best[$key/$server]=$value; fi
      done
      if [[ -n ${ops_field[$scenario]:-} ]]; then
        cpu[$scenario/$server]=$(add "${cpu[$scenario/$server]:-}" "$server_cpu")
        ops[$scenario/$server]=$(add "${ops[$scenario/$server]:-}" "$(field "${ops_field[$scenario]}" <<< "$result")")
      fi
    done
  done
done
for server in "${servers[@]}"; do
  best[cpu_login/$server]=$(awk -v c="${cpu[logins/$server]}" -v n="${ops[logins/$server]}" \
    'BEGIN { printf "%.2f", c * 1e3 / n }')
  best[cpu_message/$server]=$(awk -v c="${cpu[messages/$server]}" -v n="${ops[messages/$server]}" \
    'BEGIN { printf "%.1f", c * 1e6 / n }')
done

# Resident memory of the processes given, together.
rss_bytes() {
  local p status=()
  for p in "$@"; do status+=("/proc/$p/status"); done
  awk '/^VmRSS:/ { total += $2 * 1024 } END { print total }' "${status[@]}"
}

# A JVM keeps garbage in its heap until it collects; collect before each reading so that the growth
# reflects what the sessions keep alive. Prosody's Lua collector runs incrementally on its own.
settle() {
  local server=$1
  sleep 1
  if [[ $server != prosody ]]; then
    for p in ${pid[$server]}; do jcmd "$p" GC.run > /dev/null 2>&1 || true; done
    sleep 1
  fi
}

# Memory per idle session: two batches of IDLE_SESSIONS sessions log in one after the other, and the
# growth of the server's RSS during the second batch is divided by its size. The first batch takes up
# what a process grows by once under any load (a JVM's heap sizing, code caches), which would
# otherwise be charged to the sessions.
hold_idle() {
  local server=$1 batch=$2 out=$work/idle-$1-$2.out result generator
  java -jar "$LOAD_JAR" idle --port "${port[$server]}" --accounts "$ACCOUNTS" --user-prefix "$USER_PREFIX" \
    --password "$PASSWORD" --sasl "$SASL" --threads "$LOAD_THREADS" --concurrency "$CONCURRENCY" \
    --sessions "$IDLE_SESSIONS" --first-account $((batch * IDLE_SESSIONS)) --hold-seconds 120 > "$out" 2>&1 &
  generator=$!
  idle_pids+=("$generator")
  pids+=("$generator")
  for _ in $(seq 1200); do
    if grep -q '^RESULT' "$out" || ! kill -0 "$generator" 2>/dev/null; then break; fi
    sleep 0.1
  done
  result=$(grep '^RESULT' "$out" || true)
  if [[ $(field failed <<< "$result") != 0 || $(field sessions <<< "$result") != "$IDLE_SESSIONS" ]]; then
    echo "idle sessions against $server failed:" >&2
    cat "$out" >&2
    exit 1
  fi
}

for server in "${servers[@]}"; do
  idle_pids=()
  hold_idle "$server" 0
  settle "$server"
  # shellcheck disable=SC2086 # a list of processes
  before=$(rss_bytes ${pid[$server]})
  hold_idle "$server" 1
  settle "$server"
  # shellcheck disable=SC2086 # a list of processes
  after=$(rss_bytes ${pid[$server]})
  kill "${idle_pids[@]}" 2>/dev/null || true
  wait "${idle_pids[@]}" 2>/dev/null || true
  echo "  $server idle: RSS $before bytes with $IDLE_SESSIONS sessions, $after with twice as many" >&2
  best[bytes/$server]=$(((after - before) / IDLE_SESSIONS))
done

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'
}

printf '\n%-22s %12s %12s %12s %7s %7s %6s\n' metric Portbind "2 nodes" Prosody ratio "ratio 2" goal
for row in "logins/s|logins_per_s|>= 2" "messages/s|messages_per_s|>= 2" "latency p50 ms|p50_ms|" \
    "latency p99 ms|p99_ms|" "bytes per idle session|bytes|<= 1" "server CPU ms/login|cpu_login|" \
    "server CPU us/message|cpu_message|"; do
  IFS='|' read -r name key goal <<< "$row"
  printf '%-22s %12s %12s %12s %7s %7s %6s\n' "$name" "${best[$key/portbind]:--}" "${best[$key/cluster]:--}" \
    "${best[$key/prosody]:--}" "$(ratio "${best[$key/portbind]:-}" "${best[$key/prosody]:-}")" \
    "$(ratio "${best[$key/cluster]:-}" "${best[$key/prosody]:-}")" "$goal"
done
