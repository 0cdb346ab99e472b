#!/usr/bin/env bash
# Run by the build before the tests (Maven, phase test, before surefire): the suite drives a real browser (Debian's
# Chromium, for the pages), real LibreOffice (PDF of letters) and Node.js (bpmnlint over bpmn/, BpmnLintTest).
# Installs what is missing with apt where it can; otherwise stops with one line naming the fix. Set SHAGYM_SKIP_TOOL_INSTALL=1 to manage these yourself.
set -euo pipefail
[ "${SHAGYM_SKIP_TOOL_INSTALL:-0}" = 1 ] && exit 0
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
{ command -v node && command -v npm; } >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing test tools with apt: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need ${missing[*]}: install them (Debian: sudo apt-get install ${missing[*]}) and rerun." >&2
exit 1
