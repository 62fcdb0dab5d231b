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
