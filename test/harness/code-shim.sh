#!/usr/bin/env bash
# Stands in for a VS Code executable (runTests' vscodeExecutablePath) on machines that cannot
# download VS Code: the same desktop CLI arguments run the tests in code-server's extension host.
exec node "$(dirname "$0")/ext-host-shim.js" "$@"
