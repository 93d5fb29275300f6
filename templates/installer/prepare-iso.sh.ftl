#!/usr/bin/env bash
# Builds the unattended installation ISO of [=v.host] ([=v.product]) from ./answer.toml.
#
# Run it on a Debian or Proxmox machine with the Proxmox assistant installed
# (apt install proxmox-auto-install-assistant xorriso), from the folder the ISOs should go to:
#   generated/installer/[=v.host]/prepare-iso.sh [ISO_DIR]
# ISO_DIR defaults to $SITEC_ISO_DIR, else ./isos. The script downloads the [=v.product] ISO once,
<#if v.checksumTool??>
# verifies its checksum,
</#if>
# validates the answer, and writes ISO_DIR/[=v.outputFile]. It stops at the first error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
host='[=v.host]'
iso_dir="${1:-${SITEC_ISO_DIR:-isos}}"
iso_url='[=v.isoUrl]'
iso_file="$iso_dir/"'[=v.isoFile]'
output="$iso_dir/"'[=v.outputFile]'

mkdir -p "$iso_dir"
if [ ! -f "$iso_file" ]; then
  curl --fail --location --proto '=https' --output "$iso_file.part" "$iso_url"
  mv "$iso_file.part" "$iso_file"
fi
<#if v.checksumTool??>
printf '%s  %s\n' '[=v.checksumHex]' "$iso_file" | [=v.checksumTool] --check --strict -
</#if>

proxmox-auto-install-assistant validate-answer "$here/answer.toml"
<#if v.fetchFrom == "http">
# The ISO asks the answer server for its answer; serve generated/installer/http/ there.
proxmox-auto-install-assistant prepare-iso "$iso_file" --fetch-from http --url '[=v.answerUrl]' --output "$output"
<#else>
proxmox-auto-install-assistant prepare-iso "$iso_file" --fetch-from iso --answer-file "$here/answer.toml" --output "$output"
</#if>
echo "prepare-iso: $output is ready; boot $host from it"
