#!/usr/bin/env bash
# Runs the platform on Payara Micro with embedded Derby and demo data.
#   ETICKET_PORT (8080)           HTTP port
#   ETICKET_TERMINAL_PORT (7400)  TCP port reader terminals connect to
#   ETICKET_DATA (./data)         database, keys and terminal CA (survive restarts) and Payara's runtime directory (does not)
#   ETICKET_READY_TIMEOUT (240)   seconds to wait for /health/ready
# Any setting of README.md's "Configuration" as an environment variable, e.g. ETICKET_MAIL_SMTP_HOST=mail.example.com
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
port="${ETICKET_PORT:-8080}"
terminal_port="${ETICKET_TERMINAL_PORT:-7400}"
data="$(mkdir -p "${ETICKET_DATA:-$root/data}" && cd "${ETICKET_DATA:-$root/data}" && pwd)"
timeout="${ETICKET_READY_TIMEOUT:-240}"
target="$root/ear/micro/target"

# Build what is missing or older than its sources.
if [ ! -f "$target/eticket.war" ] || [ ! -f "$target/payara-micro.jar" ] \
   || [ -n "$(find "$root" -path '*/src/*' -newer "$target/eticket.war" -type f -print -quit)" ] \
   || [ -n "$(find "$root" -name pom.xml -newer "$target/eticket.war" -print -quit)" ]; then
  echo "Building the platform (mvn install -DskipTests) ..."
  mvn -q -B -f "$root/pom.xml" install -DskipTests
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is already in use; set ETICKET_PORT to a free port." >&2
  exit 1
fi

# Payara's runtime directory starts afresh each time: kept, it redeploys the application it
# registered last time before deploying the one built now, and the second copy cannot boot the
# embedded database the first holds (XSDB6), so every other restart failed. The database, the
# key-encryption key and the terminal CA live beside it in the data directory and are kept.
rm -rf "$data/runtime" && mkdir -p "$data/runtime"
java -Xmx1g \
  -Deticket.db="$data/db" \
  -Deticket.terminal.port="$terminal_port" \
  -Deticket.demo.enabled=true \
  -Dderby.stream.error.file="$data/derby.log" \
  -jar "$target/payara-micro.jar" \
  --nocluster \
  --port "$port" \
  --rootdir "$data/runtime" \
  --postbootcommandfile "$target/post-boot-commands.asadmin" \
  --deploy "$target/eticket.war" \
  > "$data/server.log" 2>&1 &
pid=$!
stop() { echo; echo "Stopping ..."; kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; exit 0; }
trap stop INT TERM

echo "Starting Payara Micro (log: $data/server.log) ..."
start=$(date +%s)
# Ready means the platform's own readiness checks answer UP: before the application is deployed,
# Payara's /health/ready answers UP with no checks at all. Deployed but not ready for a minute
# (e.g. a database whose keys were sealed under another key-encryption key) is not a slow start:
# the readiness answer says why, so it is shown.
down_since=0
while true; do
  answer="$(curl -sS -w '\n%{http_code}' "http://localhost:$port/health/ready" 2>/dev/null || true)"
  code="${answer##*$'\n'}"
  body="${answer%$'\n'*}"
  if [[ "$body" == *'"eticket-platform"'* ]]; then
    [[ "$code" == 200 ]] && break
    [ "$down_since" -eq 0 ] && down_since=$(date +%s)
    if [ $(( $(date +%s) - down_since )) -ge 60 ]; then
      echo "The platform started but is not ready; its readiness checks say:" >&2
      echo "$body" >&2
      echo "(log: $data/server.log)" >&2
      kill -TERM "$pid" 2>/dev/null || true
      exit 1
    fi
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "The platform stopped during start-up; the end of its log:" >&2
    tail -n 40 "$data/server.log" >&2
    exit 1
  fi
  if [ $(( $(date +%s) - start )) -ge "$timeout" ]; then
    echo "Not ready after $timeout s; the end of its log:" >&2
    tail -n 40 "$data/server.log" >&2
    kill -TERM "$pid" 2>/dev/null || true
    exit 1
  fi
  sleep 1
done

cat <<MSG

E-ticket platform center is ready after $(( $(date +%s) - start )) s.
  Sign in (screens)   http://localhost:$port/eticket/login.xhtml
  Back office         http://localhost:$port/eticket/app/index.xhtml   (admin, organizer, sellers)
  Customer portal     http://localhost:$port/eticket/shop/index.xhtml  (alice, bob, carol)
  REST API            http://localhost:$port/eticket/api/v1/events   (HTTP Basic)
  OpenAPI             http://localhost:$port/openapi
  Readiness           http://localhost:$port/health/ready
  Terminals connect   TLS with an enrolled client certificate, localhost:$terminal_port
  Data directory      $data

Demo logins (username / password, role):
  admin      / demo-admin      platform-admin
  organizer  / demo-organizer  organizer   (Aurora Live Promotions)
  seller1    / demo-seller1    seller      (Ticket Plaza)
  seller2    / demo-seller2    seller      (City Tickets)
  fanclub    / demo-fanclub    seller      (Aurora Fan Club)
  store      / demo-store      store       (Corner Store Central)
  venue      / demo-venue      venue       (Grand Hall)
  alice      / demo-alice      customer
  bob        / demo-bob        customer
  carol      / demo-carol      customer

Press Ctrl-C to stop.
MSG
wait "$pid"
