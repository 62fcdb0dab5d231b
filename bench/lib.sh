# Shared by the bench scripts, which source it; not run on its own.

# A free loopback port below the kernel's ephemeral range: no client connection of the load (wrk,
# redis-benchmark, the XMPP generator) can take it between this check and the server's bind.
free_port() {
  local low port
  read -r low _ < /proc/sys/net/ipv4/ip_local_port_range
  while :; do
    port=$((10000 + RANDOM % (low - 10000)))
    ss -Htan "sport = :$port" | grep -q . || { echo "$port"; return; }
  done
}

# Waits until the RESP server on loopback port $1 answers PING (kv-service or redis-server), at most 10 s.
await_ping() {
  local port=$1
  for _ in $(seq 100); do
    [[ $(redis-cli -p "$port" ping 2>/dev/null) == PONG ]] && return
    sleep 0.1
  done
  echo "server on port $port did not answer PING" >&2
  exit 1
}

# A temporary directory in $work, removed when the script exits, after the servers whose process ids the script
# adds to $pids have been stopped.
temp_workdir() {
  work=$(mktemp -d)
  pids=()
  trap stop_and_clean EXIT
}

stop_and_clean() {
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}

# What every kv-service bench needs first: redis-server and its tools (else the install hint, naming script $1),
# kv-service's jar (built if missing), and a temp_workdir.
kv_bench_setup() {
  local tool
  for tool in redis-server redis-benchmark redis-cli; do
    command -v "$tool" >/dev/null || { echo "$1 needs $tool: apt-get install redis-server redis-tools" >&2; exit 1; }
  done
  [[ -f kv-service/target/kv-service.jar ]] || mvn -q -DskipTests package -pl kv-service -am
  temp_workdir
}
