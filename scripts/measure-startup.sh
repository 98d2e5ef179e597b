#!/usr/bin/env bash
# Cold start of the embedded default: time from `java` to the login page answering 200 on a new data directory
# (demo organisation included), and the heap in use afterwards.
#   scripts/measure-startup.sh        the plain jar (build first: ./mvnw -DskipTests package)
#   scripts/measure-startup.sh app    the fast-start layout with its AOT cache (build first: scripts/build-fast-start.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1)/bin/java}
PORT=${PORT:-18080}
if [[ ${1:-jar} == app ]]; then
  launch=(-XX:AOTCache=target/app/lantern.aot -jar target/app/lantern.jar)
else
  launch=(-jar target/lantern.jar)
fi
dir=$(mktemp -d)
start=$(date +%s%N)
LANTERN_DATA_DIR=$dir SERVER_PORT=$PORT "$JAVA" -Xmx512m "${launch[@]}" > "$dir/log.txt" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
until curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login" | grep -q 200; do sleep 0.1; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
until grep -q "Lantern 明灯 is running" "$dir/log.txt"; do sleep 0.2; done
demo=$(( ($(date +%s%N) - start) / 1000000 ))
for _ in 1 2 3; do curl -s -o /dev/null "http://localhost:$PORT/login"; done
"$(dirname "$JAVA")/jcmd" $pid GC.run >/dev/null
heap=$("$(dirname "$JAVA")/jcmd" $pid GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
echo "${launch[*]}: login page ready after ${ready} ms; demo organisation complete after ${demo} ms;" \
  "heap used after GC: $((heap / 1024)) MiB (max 512 MiB)"
