#!/usr/bin/env bash
# Scale data generator: grows a database to a large organisation (default: 20 teams x 25 reps, 200,000 customers,
# 1,000,000 opportunities with stage history, ~3,000,000 activities, 3 years of targets; password lantern-demo for
# the generated users sexec, sm1..sm20, sr1-1..). Deterministic by seed; COPY on PostgreSQL, JDBC batches on H2.
#   LANTERN_DB_URL=jdbc:postgresql://127.0.0.1:5432/lantern_scale LANTERN_DB_USERNAME=postgres scripts/scale-data.sh
#   scripts/scale-data.sh -Dscale.teams=2 -Dscale.opportunities=1000     (any -Dscale.* from ScaleDataGenerator)
# Builds the test classes first (offline Maven), then runs app.lantern.scale.ScaleDataGenerator with nice.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1)/bin/java}
if [[ ! -f target/scale-classpath.txt || pom.xml -nt target/scale-classpath.txt ]]; then
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/scale-classpath.txt -Dmdep.includeScope=test
fi
nice ./mvnw -B -ntp -o -q test-compile
exec nice "$JAVA" -Xmx2g "$@" -cp "target/test-classes:target/classes:$(cat target/scale-classpath.txt)" \
  app.lantern.scale.ScaleDataGenerator
