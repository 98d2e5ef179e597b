#!/usr/bin/env bash
# Builds the fast-starting layout of Lantern in target/app: the jar extracted next to its libraries (classes load
# from plain jars instead of nested ones) plus a JDK AOT cache (JEP 483/514) recorded by a training start that
# stops right after the application context is refreshed. Needs JDK 25+; run the result with the same JDK:
#   java -XX:AOTCache=target/app/lantern.aot -jar target/app/lantern.jar
# Usage: scripts/build-fast-start.sh [--no-package]   (--no-package reuses an existing target/lantern.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1)/bin/java}
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if (( version < 25 )); then
  echo "the AOT cache needs JDK 25 or newer (found $version at $JAVA); set JAVA=/path/to/jdk25/bin/java" >&2
  exit 1
fi
[[ ${1:-} == --no-package ]] || ./mvnw -q -DskipTests package
rm -rf target/app
"$JAVA" -Djarmode=tools -jar target/lantern.jar extract --destination target/app > /dev/null
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
LANTERN_DATA_DIR=$training SERVER_PORT=0 LANTERN_DEMO_DATA=false LANTERN_ADMIN_PASSWORD=training-only \
  "$JAVA" -XX:AOTCacheOutput=target/app/lantern.aot -Dspring.context.exit=onRefresh \
  -jar target/app/lantern.jar > "$training/training.log" 2>&1 \
  || { cat "$training/training.log" >&2; exit 1; }
echo "built target/app ($(du -sh target/app | cut -f1)); start it with:"
echo "  $JAVA -XX:AOTCache=target/app/lantern.aot -jar target/app/lantern.jar"
