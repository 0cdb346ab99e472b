#!/usr/bin/env bash
# Sourced: sets JAVA_HOME to a JDK 21 or newer if the current one is older. Fails with one line naming the fix.
java_major() { "$1/bin/java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  found=""
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major="$(java_major "$candidate" 2>/dev/null || echo 0)"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then found="$candidate"; break; fi
  done
  if [ -z "$found" ]; then
    echo "Shagym needs a JDK 21 or newer: install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+ under /usr/lib/jvm) and retry." >&2
    exit 1
  fi
  export JAVA_HOME="$found"
fi
export PATH="$JAVA_HOME/bin:$PATH"
