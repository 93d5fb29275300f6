package dev.sitec.bench;

import dev.sitec.model.VmIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes a valid synthetic site of N VMs over M nodes with K Raspberry Pis, in the reference site's
 * vocabulary: three networks, a GPU and a Coral TPU on every tenth node, a storage pet serving NFS,
 * a backup server, the Datacenter Manager, a K3s cluster (three servers, the other VMs and the Pis
 * as agents) with Longhorn, NFS and a few apps.
 *
 * <p>Usage: {@code SyntheticSite VMS NODES PIS OUTPUT.yaml}.
 */
public final class SyntheticSite {

    private SyntheticSite() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: SyntheticSite VMS NODES PIS OUTPUT.yaml");
            System.exit(2);
        }
        Path out = Path.of(args[3]);
        Files.writeString(out, yaml(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2])),
                StandardCharsets.UTF_8);
    }

    /** A site with {@code vms} VMs (at least 5) on {@code nodes} nodes and {@code pis} Raspberry Pis. */
    public static String yaml(int vms, int nodes, int pis) {
        if (vms < 5 || nodes < 1 || vms > 60_000 || nodes > 250 || pis > 60_000) {
            throw new IllegalArgumentException("5 to 60000 VMs, 1 to 250 nodes");
        }
        StringBuilder y = new StringBuilder(256 * (vms + pis) + 4096);
        y.append("""
                site:
                  name: bench
                  domain: bench.example.org
                  timezone: Europe/Berlin
                  country: de
                  keyboard: de
                  admin_email: ops@bench.example.org
                  ssh_authorized_keys:
                    - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchmarkKeyBenchmarkKeyBenchmarkKey0001 ops@bench
                  password_hash: "$6$rounds=656000$benchsalt$9GhWq3QhUq4m0o0Hk2f3vUq5H0s2i9K0S3y7fZ0mN1pQ6rT8uV2wX4yZ6aB8cD0eF2gH4iJ6kL8mN0pQ2rS4t."

                secrets:
                  proxmox_api_token: { env: PROXMOX_VE_API_TOKEN }
                  pbs_password: { env: PBS_PASSWORD }
                  k3s_token: { env: K3S_TOKEN }
                  flux_git_deploy_key: { file: ~/.ssh/flux-bench }

                networks:
                  mgmt: { vlan: 10, cidr: 10.0.0.0/16, gateway: 10.0.0.1, dns: [10.0.0.1] }
                  servers: { vlan: 20, cidr: 10.1.0.0/16, gateway: 10.1.0.1, dns: [10.0.0.1] }
                  storage: { vlan: 30, cidr: 10.2.0.0/16, mtu: 9000 }

                images:
                  debian-13-amd64: { arch: amd64, url: https://cloud.debian.org/images/cloud/trixie/latest/debian-13-genericcloud-amd64.qcow2 }
                  ubuntu-2404-raspi: { arch: arm64, url: https://cdimage.ubuntu.com/releases/24.04/release/ubuntu-24.04.3-preinstalled-server-arm64+raspi.img.xz }
                  truenas-scale: { kind: iso, arch: amd64, url: https://download.truenas.com/TrueNAS-SCALE-Fangtooth/25.04.2/TrueNAS-SCALE-25.04.2.iso }
                  pdm: { kind: iso, arch: amd64, url: https://enterprise.proxmox.com/iso/proxmox-datacenter-manager_1.0-1.iso }

                proxmox:
                  clusters:
                    dc:
                      nodes:
                """);
        for (int n = 1; n <= nodes; n++) {
            y.append("        node-").append(n).append(":\n")
                    .append("          mac: \"").append(mac(0x10, n)).append("\"\n")
                    .append("          address: ").append(ip(0, 1, n)).append('\n')
                    .append("          interface: enp1s0\n")
                    .append("          boot_disks: { filesystem: ").append(n % 3 == 0 ? "ext4, disks: [sda] }" : "zfs, raid: raid1, disks: [nvme0n1, nvme1n1] }").append('\n');
            if (n % 10 == 1) {
                y.append("          devices:\n")
                        .append("            gpu-").append(n).append(": { type: pci, address: \"0000:0a:00.0\", id: \"10de:2704\", iommu_group: 22, all_functions: true }\n")
                        .append("            tpu-").append(n).append(": { type: usb, id: \"18d1:9302\", port: \"2-1\" }\n");
            }
        }
        y.append("""
                  backup_servers:
                    backup-1:
                      mac: "02:00:00:00:ff:01"
                      address: 10.0.255.1
                      interface: eno1
                      boot_disks: { filesystem: ext4, disks: [sda] }
                      datastores:
                        main: { path: /mnt/datastore/main, disks: [sdb, sdc], raid: raid1 }
                      retention: { keep_last: 3, keep_daily: 7 }
                      backup_schedule: "daily 02:00"
                  datacenter_manager: { vm: pdm, remotes: [dc, backup-1] }

                vms:
                  nas: { node: node-1, lifecycle: pet, image: truenas-scale, cores: 4, memory_mib: 16384, disks: [{ size_gib: 32 }], address: { mgmt: 10.0.254.1, storage: 10.2.254.1 } }
                  pdm: { node: node-1, lifecycle: pet, image: pdm, disks: [{ size_gib: 40 }], address: { mgmt: 10.0.254.2 } }
                """);
        Set<Integer> ids = new HashSet<>(Set.of(VmIds.derive("nas"), VmIds.derive("pdm")));
        int explicitId = 100;
        for (int v = 1; v <= vms - 2; v++) {
            String name = vmName(v);
            int node = (v - 1) % nodes + 1;
            y.append("  ").append(name).append(": { node: node-").append(node)
                    .append(", profile: ").append(v <= 3 ? "server" : "agent");
            if (!ids.add(VmIds.derive(name))) {
                y.append(", vm_id: ").append(explicitId++); // a derived VMID collision gets an explicit id, as sitec asks
            }
            y.append(", address: { servers: ").append(ip(1, 0, v + 10));
            if (v > 3) {
                y.append(", storage: ").append(ip(2, 0, v + 10));
            }
            y.append(" }");
            if (v > 3 && node % 10 == 1 && (v - 1) / nodes == 1) {
                y.append(", passthrough: [gpu-").append(node).append("]");
            }
            y.append(" }\n");
        }
        y.append("""

                profiles:
                  server: { image: debian-13-amd64, cores: 4, memory_mib: 8192, disks: [{ size_gib: 40 }] }
                  agent: { image: debian-13-amd64, cores: 8, memory_mib: 16384, disks: [{ size_gib: 40 }, { size_gib: 200, purpose: longhorn }] }

                """);
        if (pis > 0) {
            y.append("machines:\n");
            for (int p = 1; p <= pis; p++) {
                y.append("  rpi-").append(p).append(": { board: raspberry-pi-5, image: ubuntu-2404-raspi, mac: \"")
                        .append(mac(0x20, p)).append("\", address: { servers: ").append(ip(1, 200, p))
                        .append(" }, roles: [k3s-agent], longhorn_disk: /dev/sda }\n");
            }
            y.append('\n');
        }
        y.append("kubernetes:\n  distribution: k3s\n  version: v1.36.3+k3s1\n  api_vip: 10.1.0.2\n")
                .append("  servers: [").append(vmName(1)).append(", ").append(vmName(2)).append(", ").append(vmName(3)).append("]\n")
                .append("  agents:\n");
        for (int v = 4; v <= vms - 2; v++) {
            y.append("    - ").append(vmName(v)).append('\n');
        }
        for (int p = 1; p <= pis; p++) {
            y.append("    - rpi-").append(p).append('\n');
        }
        y.append("""
                  storage:
                    longhorn: { version: 1.12.1, default_replicas: 3, default_class: true }
                    nfs: { server: nas, export: /mnt/tank/k8s, storage_class: nfs-bulk }
                  gpu: { nvidia_device_plugin: 0.17.3 }
                  flux: { repository: "ssh://git@git.example.org/bench.git", branch: main, path: clusters/bench }
                  apps:
                    podinfo: { chart: { repository: https://stefanprodan.github.io/podinfo, name: podinfo, version: 6.9.2 }, values: { replicaCount: 2 } }
                    grafana: { chart: { repository: https://grafana.github.io/helm-charts, name: grafana, version: 9.3.0 }, values: { persistence: { enabled: true, storageClassName: longhorn-replicated } } }
                    whisper: { chart: { repository: https://charts.example.org, name: whisper, version: 1.0.0 }, node_selector: { sitec.dev/gpu: nvidia } }
                """);
        return y.toString();
    }

    private static String vmName(int v) {
        return String.format("vm-%05d", v);
    }

    /** 10.a.b.c with the host part spread over the last two octets. */
    private static String ip(int a, int bBase, int host) {
        return "10." + a + "." + (bBase + host / 250) + "." + (host % 250 + 2);
    }

    private static String mac(int prefix, int n) {
        return String.format("02:00:00:%02x:%02x:%02x", prefix, (n >> 8) & 0xff, n & 0xff);
    }
}
