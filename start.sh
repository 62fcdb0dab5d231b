#!/usr/bin/env bash
# Builds the jars if needed, then starts kv-service, chat-service and http-service as three
# processes with prefixed logs, wired to each other through their URLs. Ctrl-C stops all three;
# if one of them exits, the others are stopped too.
set -euo pipefail
cd "$(dirname "$0")"

services=(kv-service chat-service http-service)

needs_build() {
  local service jar
  for service in "${services[@]}"; do
    jar=$service/target/$service.jar
    [[ -f $jar ]] || return 0
    [[ -z $(find pom.xml common "$service" -newer "$jar" -type f -not -path '*/target/*' -print -quit) ]] || return 0
  done
  return 1
}

if needs_build; then
  echo "Building the jars (mvn package, tests skipped; run 'mvn verify' for the test suite)..."
  mvn -q -DskipTests package
fi

# Each service finds the others only through these URLs (twelve-factor IV).
export KV_URL=${KV_URL:-redis://localhost:${KV_PORT:-6379}}
export CHAT_URL=${CHAT_URL:-xmpp://localhost:${CHAT_PORT:-5222}}

pids=()
stop_all() {
  trap - INT TERM
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait || true
}
trap 'stop_all; exit 0' INT TERM

for service in "${services[@]}"; do
  prefix=$(printf '%-6s|' "${service%-service}")
  # The prefixing sed ignores Ctrl-C so that the services' own shutdown lines still get through.
  java -jar "$service/target/$service.jar" > >(trap '' INT; sed -u "s/^/$prefix /") 2>&1 &
  pids+=($!)
done

status=0
wait -n "${pids[@]}" || status=$?
echo "A service exited (status $status); stopping the others." >&2
stop_all
exit "$status"
