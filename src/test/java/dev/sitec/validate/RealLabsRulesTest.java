package dev.sitec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of the format real labs need (sites/real-labs.yaml), each fed that site broken in one
 * way: exactly that error, where it is, with its fix.
 */
class RealLabsRulesTest {

    @TempDir
    Path dir;

    private static BrokenSite site() {
        return BrokenSite.realLabs();
    }

    @Test
    void theRealLabsSiteHasOnlyItsChartRangeWarning() {
        BrokenSite site = site();
        assertThat(site.diagnostics(dir)).containsExactly(site.warning("version: \"~6.9\"", "\"~6.9\"",
                "app 'podinfo' takes chart versions ~6.9: the cluster upgrades whenever the repository publishes a match",
                "pin an exact version for reproducible deployments, e.g. the newest that matches"));
    }

    @Nested
    class Networks {
        @Test
        void taggedNetworksShareTheSdnBridge() {
            BrokenSite site = site().replace("  guests:\n    vlan: 50\n", "  guests:\n    vlan: 50\n    bridge: vmbr1\n");
            assertThat(site.errors(dir)).containsExactly(site.error("  guests:", "guests",
                    "tagged network 'guests' is on bridge 'vmbr1', but tagged network 'iot' is on 'vmbr0': the SDN zone"
                            + " that carries the VLANs has one bridge", "put every tagged network on bridge 'vmbr0'"));
        }

        @Test
        void aStaticAddressNeedsTheNetworksCidr() {
            BrokenSite site = site().replace("address: { lan: dhcp, guests: dhcp }", "address: { lan: dhcp, guests: 10.50.0.9 }");
            assertThat(site.errors(dir)).containsExactly(site.error("guests: 10.50.0.9", "10.50.0.9",
                    "address 10.50.0.9 of vm 'desktop' is static, but network 'guests' has no cidr",
                    "add cidr to network 'guests', or use dhcp"));
        }

        @Test
        void aGatewayNeedsACidr() {
            BrokenSite site = site().replace("  guests:\n    vlan: 50\n", "  guests:\n    vlan: 50\n    gateway: 10.50.0.1\n");
            assertThat(site.errors(dir)).containsExactly(site.error("    gateway: 10.50.0.1", "gateway",
                    "network 'guests' has a gateway but no cidr", "add the network's cidr, or leave out the gateway (DHCP gives it)"));
        }

        @Test
        void aHostSitecInstallsIsOnVmbr0() {
            BrokenSite site = site().replace("  lab:\n    cidr: 10.0.0.0/24\n", "  lab:\n    bridge: vmbr1\n    cidr: 10.0.0.0/24\n");
            assertThat(site.errors(dir)).containsExactly(
                    site.error("address: 10.0.0.11", "10.0.0.11", "node 'lab-1' is installed on network 'lab', which is on"
                            + " bridge 'vmbr1', but the Proxmox installer puts its address on vmbr0", "put network 'lab' on vmbr0"),
                    site.error("address: 10.0.0.20", "10.0.0.20", "backup server 'pbs-lab' is installed on network 'lab',"
                            + " which is on bridge 'vmbr1', but the Proxmox installer puts its address on vmbr0",
                            "put network 'lab' on vmbr0"));
        }

        @Test
        void anAddressMayBeDhcpOrIpv4Only() {
            BrokenSite site = site().replace("address: { lan: dhcp }\n    features", "address: { lan: DHCP }\n    features");
            assertThat(site.errors(dir)).hasSize(1).first().satisfies(d -> {
                assertThat(d.location()).isEqualTo(site.at("address: { lan: DHCP }", "DHCP"));
                assertThat(d.message()).isEqualTo("containers.jellyfin.address.lan has an invalid value 'DHCP'");
                assertThat(d.hint()).get().asString().startsWith("expected an IPv4 address in dotted-quad form");
            });
        }
    }

    @Nested
    class Dhcp {
        @Test
        void k3sServersNeedStaticAddresses() {
            BrokenSite site = site().replace("address: { lan: 192.168.1.21 }", "address: { lan: dhcp }");
            assertThat(site.errors(dir)).containsExactly(site.error("    address: { lan: dhcp }\n  k3s-2", "dhcp",
                    "vm 'k3s-1' is a K3s server and needs a static address on network 'lan', not dhcp",
                    "give it a fixed address (a DHCP reservation is not enough: sitec writes the address into the config)"));
        }

        @Test
        void theNfsServerAndTheDatacenterManagerNeedStaticAddresses() {
            BrokenSite site = BrokenSite.reference().replace("address: { mgmt: 10.10.10.30, storage: 10.10.30.30 }",
                    "address: { mgmt: 10.10.10.30, storage: dhcp }").replace("address: { mgmt: 10.10.10.5 }", "address: { mgmt: dhcp }");
            assertThat(site.errors(dir)).containsExactly(
                    site.error("storage: dhcp }", "dhcp", "vm 'truenas' is the NFS server and needs a static address on network"
                            + " 'storage', not dhcp", "give it a fixed address (a DHCP reservation is not enough: sitec writes"
                            + " the address into the config)"),
                    site.error("address: { mgmt: dhcp }", "dhcp", "vm 'pdm' is the Datacenter Manager and needs a static"
                            + " address on network 'mgmt', not dhcp", "give it a fixed address (a DHCP reservation is not"
                            + " enough: sitec writes the address into the config)"));
        }

        @Test
        void proxmoxHostsTakeNoDhcp() {
            BrokenSite site = site().replace("address: 192.168.1.5\n", "address: dhcp\n");
            assertThat(site.errors(dir)).hasSize(1).first().satisfies(d -> {
                assertThat(d.location()).isEqualTo(site.at("address: dhcp", "dhcp"));
                assertThat(d.message()).isEqualTo("proxmox.backup_servers.pbs-home.address has an invalid value 'dhcp'");
            });
        }
    }

    @Nested
    class InstalledHosts {
        /** Issue 26, item 10: an installed node names its datastore when a guest on it names none. */
        @Test
        void anInstalledNodeNamesItsDatastore() {
            BrokenSite site = site().replace("          datastore: ceph-rbd\n          devices:", "          devices:");
            assertThat(site.errors(dir)).containsExactly(site.error("        pve-a:", "pve-a",
                    "node 'pve-a' has no boot_disks, so sitec does not know which datastore the disks of vm 'desktop',"
                            + " vm 'k3s-1', container 'files' go to",
                    "add datastore: <storage id> to the node (as 'pvesm status' lists it, e.g. local-lvm or local-zfs),"
                            + " or name one on each of them"));
        }

        /**
         * Issue 26, item 10: a node whose guests name their own datastores, or that runs none (pve-c, the
         * quorum's third vote), needs none; one guest that names none is named.
         */
        @Test
        void aNodeNeedsADatastoreOnlyForAGuestThatNamesNone() {
            BrokenSite named = site().replace("          datastore: ceph-rbd\n          devices:", "          devices:")
                    .replace("    node: pve-a\n    image: debian-13\n", "    node: pve-a\n    image: debian-13\n    datastore: ceph-rbd\n")
                    .replace("    os: windows\n", "    os: windows\n    datastore: ssd-local\n")
                    .replace("    lifecycle: \"pet\"   # quoted: tests edit the other pets' unquoted line\n",
                            "    lifecycle: \"pet\"   # quoted: tests edit the other pets' unquoted line\n"
                                    + "    disk: { size_gib: 8, datastore: ceph-rbd }\n");
            assertThat(named.errors(dir)).isEmpty();
            BrokenSite site = named.replace(
                            "    disk: { size_gib: 4, datastore: ceph-rbd }\n", "    disk: { size_gib: 4 }\n");
            assertThat(site.errors(dir)).containsExactly(site.error("        pve-a:", "pve-a",
                    "node 'pve-a' has no boot_disks, so sitec does not know which datastore the disks of container"
                            + " 'pihole' go to",
                    "add datastore: <storage id> to the node (as 'pvesm status' lists it, e.g. local-lvm or local-zfs),"
                            + " or name one on the guest"));
        }

        /** Issue 26, item 10: a PCI device needs its address, but a mapping the cluster has already. */
        @Test
        void aPciDeviceNeedsAnAddressUnlessItsMappingExists() {
            BrokenSite site = site().replace("hba: { type: pci, id: \"1000:0097\", existing: true }",
                    "hba: { type: pci, id: \"1000:0097\" }");
            assertThat(site.errors(dir)).containsExactly(site.error("hba: { type: pci", "hba",
                    "proxmox.clusters.home.nodes.pve-b.devices.hba is missing the required key 'address'", null));
            assertThat(site().replace("hba: { type: pci, id: \"1000:0097\", existing: true }",
                    "hba: { type: pci, id: \"1000:0097\", existing: false }").errors(dir)).hasSize(1);
            assertThat(site().errors(dir)).isEmpty();
        }

        @Test
        void bootDisksNeedTheInstallersOtherKeys() {
            BrokenSite site = site().replace("          interface: enp3s0\n",
                    "          interface: enp3s0\n          boot_disks: { filesystem: ext4, disks: [sda] }\n");
            assertThat(site.errors(dir)).containsExactly(site.error("        pve-b:", "pve-b",
                    "proxmox.clusters.home.nodes.pve-b is missing the key 'mac', which 'boot_disks' needs",
                    "sitec installs a host that has mac, interface and boot_disks; leave out mac and boot_disks"
                            + " for a host that is installed already"));
        }

        @Test
        void aDatastoreWithDisksNeedsAPath() {
            BrokenSite site = site().replace("        backups: {}\n", "        backups: { disks: [sdb] }\n");
            assertThat(site.errors(dir)).containsExactly(site.error("backups: { disks: [sdb] }", "backups",
                    "proxmox.backup_servers.pbs-home.datastores.backups is missing the key 'path', which 'disks' needs",
                    "add 'path', or remove 'disks'"));
        }

        @Test
        void backupServersServeClustersThatExist() {
            BrokenSite site = site().replace("      clusters: [home]\n", "      clusters: [hom]\n");
            assertThat(site.errors(dir)).containsExactly(site.error("clusters: [hom]", "hom",
                    "backup server 'pbs-home' refers to unknown cluster 'hom'", "did you mean 'home'?"));
        }
    }

    @Nested
    class Containers {
        /**
         * Issue 26, item 2 (its review): sitec's own tags say what a guest is; a site's tag may not be
         * one of them, nor a profile's name (GuestTags; PVE keeps one of each, pve-guest-common
         * GuestHelpers get_unique_tags, so the guest would say both).
         */
        @Test
        void aGuestsOwnTagsAreNotSitecs() {
            BrokenSite site = site().replace("tags: [home-automation, iot]", "tags: [home-automation, pet, iot, cattle]")
                    .replace("tags: [media]", "tags: [media, lxc]");
            assertThat(site.errors(dir)).containsExactly(
                    site.error("    tags: [home-automation, pet", "tags", "vm 'haos' has tags pet, cattle, which sitec gives"
                            + " guests itself to say what they are (sitec, cattle, pet, lxc, k3s-server, k3s-agent, windows,"
                            + " appliance, a profile's name)", "drop them: sitec tags each guest with what it is"),
                    site.error("    tags: [media, lxc]", "tags", "container 'jellyfin' has tag lxc, which sitec gives guests"
                            + " itself to say what they are (sitec, cattle, pet, lxc, k3s-server, k3s-agent, windows,"
                            + " appliance, a profile's name)", "drop it: sitec tags each guest with what it is"));
        }

        @Test
        void aContainerIsBuiltFromATemplate() {
            BrokenSite site = site().replace("    template: debian-12-lxc\n    cores: 2", "    template: debian-13\n    cores: 2");
            assertThat(site.errors(dir)).containsExactly(site.error("template: debian-13", "debian-13",
                    "container 'jellyfin' is built from image 'debian-13', which is not a container template",
                    "give image 'debian-13' kind: lxc, or name a container template"));
        }

        /**
         * Without a distribution the provider creates the container ostype=unmanaged (bpg/proxmox
         * v0.111.1 resource/container/container.go), and PVE writes no network, hostname, DNS or SSH
         * keys into it (pve-container src/PVE/LXC/Setup/Unmanaged.pm).
         */
        @Test
        void aContainerTemplateSaysItsDistribution() {
            String url = "https://download.proxmox.com/images/system/debian-12-standard_12.7-1_amd64.tar.zst";
            String custom = "https://files.example.org/golden-ct.tar.zst";
            BrokenSite site = site().replace(url, custom);
            assertThat(site.errors(dir)).containsExactly(site.error("url: " + custom, custom,
                    "container template 'debian-12-lxc' (golden-ct.tar.zst) does not say which distribution it holds, and a"
                            + " container without one is unmanaged: Proxmox VE sets up neither its network, hostname, DNS nor SSH keys",
                    "say it: os: alpine, archlinux, centos, debian, devuan, fedora, gentoo, nixos, opensuse or ubuntu"));
            assertThat(site().replace(url, custom + "\n    os: debian").errors(dir)).isEmpty();
        }

        @Test
        void aContainersNodeExists() {
            BrokenSite site = site().replace("  pihole:\n    node: pve-a", "  pihole:\n    node: pve-aa");
            assertThat(site.errors(dir)).containsExactly(site.error("node: pve-aa", "pve-aa",
                    "container 'pihole' refers to unknown node 'pve-aa'", "did you mean 'pve-a'?"));
        }

        @Test
        void containerNamesAreUniqueAmongAllHosts() {
            BrokenSite site = site().replace("  pihole:\n", "  builder:\n");
            assertThat(site.errors(dir)).extracting(d -> d.message())
                    .containsExactly("hostname 'builder' of container is already used by vm 'builder' (line 161)");
        }

        @Test
        void containersAndVmsShareTheVmidSpace() {
            BrokenSite site = site().replace("    lifecycle: pet\n    template: debian-12-lxc",
                    "    lifecycle: pet\n    vm_id: 200466033\n    template: debian-12-lxc");
            assertThat(site.errors(dir)).containsExactly(site.error("vm_id: 200466033", "200466033",
                    "VMID 200466033 of container 'pihole' is already used by vm 'haos'", "choose another vm_id"));
        }

        @Test
        void aMountIsABindOrAVolume() {
            BrokenSite site = site().replace("{ host_path: /tank/media, path: /media }",
                    "{ host_path: /tank/media, datastore: ssd-zfs, size_gib: 2, path: /media }");
            assertThat(site.errors(dir)).containsExactly(
                    site.error("host_path: /tank/media, datastore", "datastore",
                            "'datastore' is not allowed in containers.jellyfin.mounts[0]",
                            "datastore: The PVE storage a new volume is made on."),
                    site.error("host_path: /tank/media, datastore", "size_gib",
                            "'size_gib' is not allowed in containers.jellyfin.mounts[0]", "size_gib: Size of the new volume in GiB."));
        }

        @Test
        void aVolumeHasASize() {
            BrokenSite site = site().replace("{ datastore: ssd-zfs, size_gib: 20, path: /config }", "{ datastore: ssd-zfs, path: /config }");
            assertThat(site.errors(dir)).containsExactly(site.error("{ datastore: ssd-zfs, path: /config }", "{",
                    "containers.jellyfin.mounts[1] is missing the required key 'size_gib'", null));
        }
    }

    @Nested
    class GuestKinds {
        @Test
        void windowsInstallsFromAnIso() {
            BrokenSite site = site().replace("    image: win11\n", "    image: debian-13\n");
            assertThat(site.errors(dir)).containsExactly(site.error("  desktop:", "desktop",
                    "vm 'desktop' runs Windows, but image 'debian-13' is not an ISO",
                    "Windows installs from its ISO: give the image kind: iso"));
        }

        @Test
        void windowsDriversComeOnAnIso() {
            BrokenSite site = site().replace("    drivers: virtio-win\n", "    drivers: haos\n");
            assertThat(site.errors(dir)).containsExactly(site.error("drivers: haos", "haos",
                    "vm 'desktop''s drivers image 'haos' is not an ISO",
                    "the virtio-win drivers come as an ISO: give the image kind: iso"));
        }

        @Test
        void windowsKeysAreForWindowsOnly() {
            BrokenSite site = site().replace("  builder:\n    node: lab-1\n", "  builder:\n    node: lab-1\n    os_type: win11\n");
            assertThat(site.errors(dir)).hasSize(1).first().satisfies(d -> {
                assertThat(d.location()).isEqualTo(site.at("    os_type: win11\n    image: debian-13", "os_type"));
                assertThat(d.message()).isEqualTo("'os_type' is not allowed in vms.builder");
            });
        }

        @Test
        void anApplianceIsADiskImage() {
            BrokenSite site = site().replace("    image: haos\n", "    image: win11\n");
            assertThat(site.errors(dir)).containsExactly(site.error("  haos:\n    node: pve-b", "haos",
                    "vm 'haos' is an appliance, but image 'win11' is not a disk image",
                    "an appliance's disk image is imported as it is: use kind: cloud-image (the default), or os: linux"
                            + " for an ISO installer"));
        }

        @Test
        void k3sNodesRunLinuxFromACloudImage() {
            BrokenSite site = site().replace("agents: [k3s-2, rpi-iot]", "agents: [k3s-2, rpi-iot, haos]");
            assertThat(site.errors(dir)).containsExactly(site.error("agents: [k3s-2, rpi-iot, haos]", "haos",
                    "K3s node 'haos' runs appliance: Ansible configures K3s nodes through the admin user cloud-init creates",
                    "make 'haos' a Linux VM from a cloud image, or remove it from kubernetes.agents"));
        }

        @Test
        void noVmBootsAContainerTemplate() {
            BrokenSite site = site().replace("  builder:\n    node: lab-1\n    image: debian-13", "  builder:\n    node: lab-1\n    image: debian-12-lxc");
            assertThat(site.errors(dir)).containsExactly(site.error("  builder:", "builder",
                    "vm 'builder' uses container template 'debian-12-lxc'; a VM boots a disk image or an ISO",
                    "run it under 'containers', or pick another image"));
        }
    }

    @Nested
    class Smaller {
        @Test
        void aBalloonIsNotBiggerThanTheMemory() {
            BrokenSite site = site().replace("balloon_min_mib: 2048", "balloon_min_mib: 9000");
            assertThat(site.errors(dir)).containsExactly(site.error("  k3s-2:", "k3s-2",
                    "vm 'k3s-2' may balloon down to 9000 MiB, more than its memory_mib 8192", "set balloon_min_mib at most 8192"));
        }

        @Test
        void noBalloonWithPciPassthrough() {
            BrokenSite site = site().replace("    balloon_min_mib: 2048\n", "    balloon_min_mib: 2048\n    passthrough: [igpu]\n")
                    .replace("  k3s-2:\n    node: pve-b", "  k3s-2:\n    node: pve-a");
            assertThat(site.errors(dir)).containsExactly(site.error("  k3s-2:", "k3s-2",
                    "vm 'k3s-2' has memory ballooning (balloon_min_mib 2048) and a PCI device passed through, which pins"
                            + " all its memory", "remove balloon_min_mib from 'k3s-2' (or its profile)"));
        }

        @Test
        void furtherMachineAddressesAreVlans() {
            BrokenSite site = site().replace("address: { lan: 192.168.1.41, iot: 192.168.40.41 }",
                    "address: { lan: 192.168.1.41, iot: 192.168.40.41, lab: 10.0.0.41 }");
            assertThat(site.errors(dir)).containsExactly(site.error("lab: 10.0.0.41", "lab",
                    "machine 'rpi-iot' has one wired NIC: its address on untagged network 'lab' would need a second one",
                    "list the untagged network first (the port's native VLAN); further addresses must be on tagged"
                            + " networks, which become VLAN interfaces"));
        }

        @Test
        void aStartupHasAnOrder() {
            BrokenSite site = site().replace("startup: { order: 90, down_delay_s: 120 }", "startup: { down_delay_s: 120 }");
            assertThat(site.errors(dir)).containsExactly(site.error("startup: { down_delay_s: 120 }", "startup",
                    "vms.desktop.startup is missing the required key 'order'", null));
        }

        @Test
        void aChartVersionIsAVersionOrARange() {
            BrokenSite site = site().replace("version: \"~6.9\"", "version: \"six\"");
            assertThat(site.errors(dir)).containsExactly(site.error("version: \"six\"", "\"six\"",
                    "app 'podinfo' has chart version 'six', which is neither a version nor a semver range",
                    "write an exact version such as 1.2.3, or a range such as \">=1.2.0 <2.0.0\" or \"~1.2\""));
        }

        @Test
        void chartRangesAsFluxReadsThem() {
            assertThat(dev.sitec.validate.rules.ChartVersionsPinned.isRange(">=6.9.0 <7.0.0")).isTrue();
            assertThat(dev.sitec.validate.rules.ChartVersionsPinned.isRange("~6.9 || ^7")).isTrue();
            assertThat(dev.sitec.validate.rules.ChartVersionsPinned.isRange("6.x")).isTrue();
            assertThat(dev.sitec.validate.rules.ChartVersionsPinned.isRange("1.2 - 1.4.5")).isTrue();
            assertThat(dev.sitec.validate.rules.ChartVersionsPinned.isRange(">=1.2.0 <<2")).isFalse();
            assertThat(dev.sitec.validate.rules.ChartVersionsPinned.isRange("latest")).isFalse();
        }
    }
}
