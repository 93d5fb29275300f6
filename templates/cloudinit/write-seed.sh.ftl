#!/usr/bin/env bash
# Writes this Raspberry Pi's cloud-init seed (user-data, meta-data, network-config) onto the boot
# partition of a freshly flashed card or SSD. Ubuntu's preinstalled Raspberry Pi images run
# cloud-init with its NoCloud datasource, which reads these three files from that FAT partition
# (label system-boot, mounted at /boot/firmware); see Ubuntu Server's Raspberry Pi installation
# guide and cloud-init's NoCloud datasource documentation.
#
#   1. Flash the image, e.g.: xzcat <image>.img.xz | sudo dd of=/dev/sdX bs=4M conv=fsync
#   2. Mount its first partition (system-boot), e.g. at /media/$USER/system-boot
#   3. Run: write-seed.sh /media/$USER/system-boot
#   4. Unmount, put the card in the Pi and power it on. It reboots once when cloud-init is done.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
host='[=v.host]'
image='[=v.imageFile]'
boot="${1:?usage: write-seed.sh BOOT_PARTITION_MOUNT_POINT}"

if [ ! -f "$boot/cmdline.txt" ] || [ ! -f "$boot/config.txt" ]; then
  echo "write-seed: $boot is not a Raspberry Pi boot partition (no cmdline.txt and config.txt); flash $image first" >&2
  exit 1
fi
for file in user-data meta-data network-config; do
  cp "$here/$file" "$boot/$file"
done
sync
echo "write-seed: the seed of $host is on $boot; unmount it and boot the Pi"
