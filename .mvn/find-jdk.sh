#!/usr/bin/env bash
# Sourced by ./mvnw, .ci/run and bench/: makes JAVA_HOME a JDK 21 or newer (Zeebe needs 21+) when the current one is
# older, looking where JDKs are installed. Maven's toolchains plugin would find one too, but only this fails in one line.
case $- in *f*) shagym_noglob=1 ;; *) shagym_noglob= ;; esac
set +f
shagym_java_major() { "$1/bin/java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(shagym_java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ] 2>/dev/null; then
  shagym_found=""
  for shagym_candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$shagym_candidate/bin/javac" ] || continue
    shagym_major="$(shagym_java_major "$shagym_candidate" 2>/dev/null || echo 0)"
    if [ "${shagym_major:-0}" -ge 21 ] 2>/dev/null; then shagym_found="$shagym_candidate"; break; fi
  done
  if [ -z "$shagym_found" ]; then
    echo "Shagym needs a JDK 21 or newer and found none: install one (e.g. 'apt-get install openjdk-21-jdk', or Temurin 21+ under /usr/lib/jvm) or set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$shagym_found"
fi
# An if, not "[ ] && set -f": as the last command that would make sourcing fail under set -e when glob was on.
if [ -n "$shagym_noglob" ]; then set -f; fi
