#!/usr/bin/env bash
# Purchase load benchmark (issue #4), by hand, not in CI: starts Payara Micro on a fresh
# embedded Derby with BENCH-2026 stock, runs org.eticket.bench.PurchaseLoad against the
# REST purchase path on loopback, prints purchases/s, p50/p99, the server's CPU per purchase
# (utime+stime of its process over the counted window, far steadier than purchases/s on a
# shared machine), the load generator's own CPU, and the books, then stops.
# Needs ear/micro/target/{eticket.war,payara-micro.jar} (e.g. mvn -o -pl ear/micro -am verify -DskipITs).
#   BENCH_THREADS (32) BENCH_SECONDS (30) BENCH_WARMUP (20 s bought but not counted: JIT warm-up)
#   BENCH_PERFORMANCES (40, 600 seats each: what the purchase run leaves is the database floor's) BENCH_PORT (28080)
#   BENCH_JAVA_OPTS (extra server options, e.g. -Dderby.system.durability=test to see what log syncs cost)
#   BENCH_PROBE (a GET path measured instead of purchases, a floor: api/v1/orders/0 is a light
#     authenticated API request, shop/none.css a signed-in request that ends in a 404 without
#     JAX-RS, EJB or JPA, resources/seatmap/seatmap.css a static file)
#   BENCH_BATCH (16: purchases per transaction in the database floor, see below)
#   BENCH_RACE (rounds: instead of the load, org.eticket.bench.FirstPurchaseRace: new customers' first
#     purchases at once, 10 customers x 4 purchases a round; exits 1 if a purchase hung)
# After a purchase run the server stops and org.eticket.bench.PurchaseRowsFloor writes the rows of
# the remaining seats' purchases into its database by plain JDBC: what Derby alone costs a purchase;
# then org.eticket.bench.NoticeMailFloor sends notices by Jakarta Mail: what the mail alone costs.
# Run it under the shared lock so it never meets an integration test's server:
#   flock /tmp/eticket-it.lock bash ear/micro/src/test/bench/run-bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../../.." && pwd)"
target="$root/ear/micro/target"
port="${BENCH_PORT:-28080}"
smtp=28025
data="$target/bench-data"
rm -rf "$data" && mkdir -p "$data/runtime"
java -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -Deticket.db="$data/db" -Deticket.terminal.port=28400 -Deticket.demo.enabled=true \
  -Deticket.demo.bench-performances="${BENCH_PERFORMANCES:-40}" \
  -Deticket.mail.smtp.host=127.0.0.1 -Deticket.mail.smtp.port=$smtp \
  -Dderby.stream.error.file="$data/derby.log" \
  -jar "$target/payara-micro.jar" --nocluster --port "$port" --rootdir "$data/runtime" \
  --postbootcommandfile "$target/post-boot-commands.asadmin" --deploy "$target/eticket.war" \
  > "$data/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
# the application itself, not only the server: demo and bench stock load before it answers
until curl -fsS -u alice:demo-alice "http://localhost:$port/eticket/api/v1/shop/performances" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { tail -n 40 "$data/server.log"; exit 1; }
  sleep 1
done
mkdir -p "$target/bench-classes"
if [ -n "${BENCH_RACE:-}" ]; then
  # the first-purchase race instead of the load: BENCH_RACE rounds of 10 new customers x 4 purchases at once
  javac -d "$target/bench-classes" "$root"/ear/micro/src/test/java/org/eticket/bench/{FirstPurchaseRace,PurchaseLoad}.java
  java -cp "$target/bench-classes" org.eticket.bench.FirstPurchaseRace "http://localhost:$port/eticket/" "$BENCH_RACE" 4 10
  exit
fi
javac -d "$target/bench-classes" "$root"/ear/micro/src/test/java/org/eticket/bench/{PurchaseLoad,PurchaseRowsFloor}.java
java ${BENCH_PROBE:+-Dbench.probe=$BENCH_PROBE} -cp "$target/bench-classes" org.eticket.bench.PurchaseLoad "http://localhost:$port/eticket/" \
  "${BENCH_THREADS:-32}" "${BENCH_SECONDS:-30}" $smtp "${BENCH_WARMUP:-20}" $pid
if [ -z "${BENCH_PROBE:-}" ]; then
  kill -TERM $pid && wait $pid 2>/dev/null || true
  derby="$(ls "$target"/eticket/WEB-INF/lib/derby{,shared,tools}-*.jar | tr '\n' ':')"
  java -Xmx1g -Dderby.stream.error.file="$data/derby-floor.log" -cp "$derby$target/bench-classes" \
    org.eticket.bench.PurchaseRowsFloor "jdbc:derby:$data/db" "${BENCH_BATCH:-16}"
  # and what sending a notice costs by itself (Jakarta Mail from the test classpath)
  mvn -o -q -f "$root/pom.xml" -pl ear/micro dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$data/test-classpath.txt"
  mail="$(cat "$data/test-classpath.txt")"
  javac -cp "$mail:$target/bench-classes" -d "$target/bench-classes" "$root/ear/micro/src/test/java/org/eticket/bench/NoticeMailFloor.java"
  java -cp "$mail:$target/bench-classes" org.eticket.bench.NoticeMailFloor
fi
