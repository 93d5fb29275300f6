#!/usr/bin/env bash
set -euo pipefail
file="$1"
cat "$file"
