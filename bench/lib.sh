#!/usr/bin/env bash
# Shared by the benchmark commands: find a JDK 21+, build once, run a main class on the test classpath.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../.mvn/find-jdk.sh
source "$ROOT/.mvn/find-jdk.sh"

bench_build() {
  (cd "$ROOT" && ./mvnw -q -B -DskipTests test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null)
}

# run_bench MAIN_CLASS [args...] : prints the machine's core count, then the benchmark's own figures.
run_bench() {
  local main="$1"; shift
  bench_build
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  (cd "$ROOT" && "$JAVA_HOME/bin/java" ${BENCH_JVM_ARGS:--Xmx2g} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" "$main" "$@")
}
