#!/usr/bin/env bash
# Screenshots of every demo role's landing page on a laptop (1280×800) and a phone (390×844), written to docs/screens/.
# Starts the built jar on a new embedded database with the demo organisation, waits until the demo data is complete,
# and drives Debian Chromium against it (apt-get install chromium chromium-driver).
#   scripts/screens.sh            builds the jar first when target/lantern.jar is missing or older than the sources
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1)/bin/java}
PORT=${PORT:-18081}
if [[ ! -f target/lantern.jar || -n $(find src/main pom.xml -newer target/lantern.jar -print -quit) ]]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
dir=$(mktemp -d)
LANTERN_DATA_DIR=$dir SERVER_PORT=$PORT "$JAVA" -Xmx512m -jar target/lantern.jar > "$dir/log.txt" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 600); do
  grep -q "Lantern 明灯 is running" "$dir/log.txt" && break
  kill -0 $pid 2>/dev/null || { cat "$dir/log.txt"; exit 1; }
  sleep 1
done
grep -q "Lantern 明灯 is running" "$dir/log.txt" || { echo "demo organisation not ready after 10 minutes"; exit 1; }
./mvnw -B -ntp -q -Pscreens test -Dtest=RoleScreens -Dlantern.screens.port="$PORT"
ls -l docs/screens
