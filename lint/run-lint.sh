#!/usr/bin/env bash
# Lint of the BPMN models in processes/ with the stock bpmnlint command line, configured by
# .bpmnlintrc (bpmnlint's recommended rules plus Camunda's rules for Camunda Platform 7.24, the ones
# Camunda Modeler shows). DMN files, forms and the references between files are checked by
# ModelContractTest (JUnit). Run by Maven in the verify phase; skip with -DskipLint=true.
# Without Node.js/npm: skipped with a message, except under CI=true where it fails.
# Arguments, if any, replace the default file glob.
set -euo pipefail

cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "lint: ERROR: Node.js/npm not found on PATH, but CI=true: the BPMN lint must run in CI." >&2
    echo "lint: install Node.js 20+ with npm (e.g. apt-get install -y nodejs npm), or pass -DskipLint=true." >&2
    exit 1
  fi
  echo "lint skipped: Node.js/npm not found"
  exit 0
fi

if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  if [ "${CI:-}" = "true" ]; then
    echo "lint: ERROR: Node.js $(node --version) is too old, 20+ needed (CI=true)." >&2
    exit 1
  fi
  echo "lint skipped: Node.js $(node --version) is older than 20"
  exit 0
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "lint: installing lint tools (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ $# -eq 0 ]; then
  set -- 'processes/**/*.bpmn'
fi
echo "lint: bpmnlint $(node_modules/.bin/bpmnlint --version) with .bpmnlintrc on $*"
# bpmnlint prints nothing for a clean file and exits 1 on any error.
node_modules/.bin/bpmnlint "$@"
echo "lint: no errors"
