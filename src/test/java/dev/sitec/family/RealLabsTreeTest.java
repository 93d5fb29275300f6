package dev.sitec.family;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.render.RenderedFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each family makes of the shapes real labs have (sites/real-labs.yaml): the valid-site half of
 * the real-labs format, next to RealLabsRulesTest's broken sites. The real tools' verdict on the
 * same tree is scripts/validate-sites.
 */
class RealLabsTreeTest {

    @TempDir
    static Path dir;

    private static Map<String, RenderedFile> files;

    @BeforeAll
    static void generate() {
        files = BrokenSite.realLabs().generate(dir);
    }

    private static Path scratch(String name) {
        try {
            return java.nio.file.Files.createDirectories(dir.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String file(String path) {
        assertThat(files).containsKey(path);
        return files.get(path).text();
    }

    /** The block of one entry of a locals map, from its key to its closing brace at that indent. */
    private static String entry(String text, String key) {
        int start = text.indexOf("    \"" + key + "\" = {\n");
        assertThat(start).as("entry %s", key).isNotNegative();
        return text.substring(start, text.indexOf("\n    }\n", start));
    }

    private static final String HOME = "terraform/clusters/home/main.tf";
    private static final String LAB = "terraform/clusters/lab/main.tf";

    @Test
    void untaggedNetworksSitOnTheirBridgeAndOnlyVlansAreVnets() {
        String main = file(HOME);
        assertThat(entry(main, "desktop")).contains("{ vnet = null, bridge = \"vmbr0\", mac_address = ")
                .contains("{ vnet = \"vlan50\", bridge = null, mac_address = ");
        assertThat(main).contains("\"vlan40\" = {\n      alias = \"iot\"\n      tag   = 40\n    }")
                .contains("\"vlan50\" = {\n      alias = \"guests\"").doesNotContain("alias = \"lan\"").doesNotContain("alias = \"lab\"")
                .contains("bridge = nic.vnet == null ? nic.bridge : module.sdn.vnets[nic.vnet]");
    }

    @Test
    void aSiteWithoutVlansHasNoSdnZone() {
        Map<String, RenderedFile> flat = BrokenSite.realLabs()
                .replace("  iot:\n    vlan: 40\n", "  iot:\n")
                .replace("  guests:\n    vlan: 50\n", "  guests:\n    bridge: vmbr1\n")
                .replace("address: { lan: 192.168.1.41, iot: 192.168.40.41 }", "address: { lan: 192.168.1.41 }")
                .generate(scratch("flat"));
        String main = flat.get(HOME).text();
        assertThat(main).doesNotContain("module \"sdn\"").doesNotContain("module.sdn")
                .contains("  nics = [for nic in each.value.nics : { bridge = nic.bridge, ");
        assertThat(flat.get("ansible/inventory/host_vars/pve-a.yml").text())
                .contains("proxmox_node_other_bridges: [!unsafe \"vmbr1\"]");
    }

    @Test
    void dhcpGuestsAskForAnAddressAndAreReachedByName() {
        assertThat(file("cloud-init/vms/k3s-2/network-config")).contains("      dhcp4: true\n").doesNotContain("addresses:");
        // haos: its DHCP NIC comes first and is the primary; the static lan NIC carries no route.
        assertThat(file("ansible/inventory/hosts.yml")).contains("        k3s-2:\n          ansible_host: \"k3s-2.home.arpa\"")
                .contains("        jellyfin:\n          ansible_host: \"jellyfin.home.arpa\"");
        assertThat(file("ansible/host_files/k3s-2/k3s-agent.yaml")).doesNotContain("node-ip:").contains("flannel-iface: \"net0\"");
        assertThat(entry(file(HOME), "jellyfin")).contains("address = \"dhcp\", gateway = null");
        assertThat(entry(file(HOME), "desktop")).contains("addresses = { \"lan\" = \"dhcp\", \"guests\" = \"dhcp\" }");
    }

    @Test
    void aSecondDhcpNicTakesNoRoutesFromItsServer() {
        String config = BrokenSite.realLabs().replace("address: { lab: 10.0.0.30 }", "address: { lab: 10.0.0.30, iot: dhcp }")
                .generate(scratch("second-dhcp")).get("cloud-init/vms/builder/network-config").text();
        assertThat(config).contains("      dhcp4: true\n      dhcp4-overrides:\n        use-routes: false\n        use-dns: false\n");
    }

    @Test
    void installedHostsGetNoInstaller() {
        assertThat(files).containsKeys("installer/lab-1/answer.toml", "installer/pbs-lab/answer.toml")
                .doesNotContainKeys("installer/pve-a/answer.toml", "installer/pve-b/answer.toml", "installer/pbs-home/answer.toml");
        assertThat(file("ansible/inventory/host_vars/pve-a.yml")).contains("proxmox_node_uplink_interface: !unsafe \"\"");
        assertThat(file("ansible/inventory/host_vars/pbs-home.yml")).contains("pbs_datastore: !unsafe \"backups\"")
                .contains("pbs_datastore_disks: []").contains("  - \"--keep-last\"\n  - \"3\"\n");
        assertThat(file("ansible/roles/pbs/tasks/main.yml")).contains("when: pbs_datastore_disks | length == 0");
        // A PCI device by address and id only: PVE checks nothing else at start.
        assertThat(file(HOME)).contains("      subsystem_id = null\n      iommu_group  = null\n");
    }

    @Test
    void disksGoToTheDatastoreTheSiteNames() {
        String main = file(HOME);
        assertThat(entry(main, "k3s-2")).contains("datastore   = \"ssd-zfs\"")
                .contains("{ interface = \"scsi0\", size_gib = 32, datastore = \"ssd-zfs\",")
                .contains("{ interface = \"scsi1\", size_gib = 100, datastore = \"ceph-rbd\",");
        assertThat(entry(main, "desktop")).contains("datastore   = \"ceph-rbd\"")
                .contains("{ interface = \"scsi0\", size_gib = 80, datastore = \"ssd-local\",");
        assertThat(entry(main, "pihole")).contains("datastore    = \"ceph-rbd\"");
        assertThat(entry(file(LAB), "builder")).contains("datastore   = \"local-zfs\"").contains("snippets    = \"nas\"");
        assertThat(file("ansible/inventory/host_vars/pve-a.yml"))
                .contains("proxmox_node_datastores: [!unsafe \"ceph-rbd\", !unsafe \"local\", !unsafe \"ssd-local\"]");
        assertThat(file("ansible/inventory/host_vars/lab-1.yml")).contains("proxmox_node_snippets_datastore: !unsafe \"nas\"");
    }

    /** Issue 26, item 10: a node that runs no guests checks no datastore; it has none to check. */
    @Test
    void aNodeWithoutGuestsHasNoDatastores() {
        assertThat(file("ansible/inventory/host_vars/pve-c.yml")).contains("proxmox_node_datastores: []\n");
    }

    /**
     * Issue 26, item 10: a mapping adopted without an address is the cluster's, used by name: neither
     * made nor imported (its map cannot be said), while one with its address is managed as before.
     */
    @Test
    void aMappingAdoptedWithoutAnAddressIsUsedByName() {
        String main = file(HOME);
        assertThat(entry(main, "nas")).contains("pci = [{ mapping = \"hba\", id = null, pcie = true, xvga = false }]");
        assertThat(main).contains("  pci_mappings = {\n    \"igpu\" = {\n").doesNotContain("    \"hba\" = {\n")
                .doesNotContain("to = proxmox_hardware_mapping_pci.device[\"hba\"]")
                .contains("  pci_mapping_names = merge({ for name, m in proxmox_hardware_mapping_pci.device : name => m.name }, {\n"
                        + "    \"hba\" = \"hba\"\n  })\n")
                .contains("mapping = device.id == null ? local.pci_mapping_names[device.mapping] : null");
        assertThat(file(LAB)).doesNotContain("pci_mapping_names")
                .contains("mapping = device.id == null ? proxmox_hardware_mapping_pci.device[device.mapping].name : null");
    }

    /** Issue 26, item 2: a VM's tags, sitec's own and the site's, each once, sorted. */
    @Test
    void aVmHasItsTagsAndSitecs() {
        assertThat(entry(file(HOME), "desktop")).contains("tags        = [\"cattle\", \"gaming\", \"sitec\", \"windows\"]");
        assertThat(entry(file(HOME), "haos")).contains("tags        = [\"appliance\", \"home-automation\", \"iot\", \"pet\", \"sitec\"]");
    }

    @Test
    void containersAreBuiltByTerraformAndFinishedByAnsibleAsRoot() {
        String main = file(HOME);
        assertThat(main).contains("module \"container\" {\n  source   = \"../../modules/container\"")
                .contains("    \"pve-b/debian-12-lxc\" = {\n      node               = \"pve-b\"\n      content_type       = \"vztmpl\"")
                .contains("from = module.container[\"pihole\"].proxmox_virtual_environment_container.cattle[0]");
        assertThat(entry(main, "jellyfin")).contains("nesting      = true")
                .contains("volumes = [{ datastore = \"ssd-zfs\", size_gib = 20, path = \"/config\" }]");
        // The volume is mp0 (Terraform's mount_point list); the bind mount comes after it. A device
        // node's group is the site's (pve-container create_passthrough_device_node: root:root 0660 else).
        assertThat(file("ansible/inventory/host_vars/pve-b.yml"))
                .contains("    tool: pct\n    pet: false\n    start: false\n    settings:\n"
                        + "      features: !unsafe \"keyctl=1,nesting=1\"\n"
                        + "      mp1: !unsafe \"/tank/media,mp=/media\"\n"
                        + "      dev0: !unsafe \"/dev/dri/renderD128,gid=44\"\n"
                        + "      dev1: !unsafe \"/dev/dri/card0\"\n");
        // How the bind mount's owners map into the unprivileged container (pve-container src/PVE/LXC.pm
        // update_lxc_config: lxc.idmap = u 0 100000 65536).
        assertThat(file("ansible/inventory/host_vars/pve-b.yml"))
                .contains("  # jellyfin is unprivileged: uid or gid N inside it is 100000+N on pve-b (root is 100000)");
        // A privileged container: the token may set none of its features (pve-container
        // check_ct_modify_config_perm), nesting neither; Ansible sets them all as root.
        assertThat(entry(main, "files")).contains("unprivileged = false").contains("nesting      = false");
        assertThat(file("ansible/inventory/host_vars/pve-a.yml"))
                .contains("  - guest: !unsafe \"files\"\n    vmid: ")
                .contains("    tool: pct\n    pet: true\n    start: false\n    settings:\n"
                        + "      features: !unsafe \"fuse=1,nesting=1\"\n      mp0: !unsafe \"/tank/share,mp=/srv/share\"\n");
        assertThat(file("terraform/modules/container/main.tf"))
                .contains("ignore_changes = [initialization[0].user_account, mount_point, device_passthrough, features,"
                        + " operating_system[0].template_file_id, operating_system[0].type]")
                .contains("    type = var.os_type\n");
        assertThat(entry(main, "pihole")).contains("os_type      = \"debian\"");
        // The pets of the home cluster, the container among them, back up to its server.
        assertThat(main).contains("vm_ids      = [\"200466033\", \"290129391\", \"884058211\"]");
    }

    @Test
    void windowsBootsUefiWithSecureBootATpmAndItsDriversOnASecondCdrom() {
        String desktop = entry(file(HOME), "desktop");
        assertThat(desktop).contains("bios        = \"ovmf\"", "machine     = \"q35\"", "os_type     = \"win11\"",
                "secure_boot = true", "tpm         = true", "cloud_init  = false", "agent       = false",
                "iso         = \"pve-a/win11\"");
        assertThat(file(HOME)).contains("\"pve-a/virtio-win\" = {");
        // The drivers drive must be there at the first start (qemu-server never hotplugs a new IDE
        // drive: QemuServer.pm vmconfig_update_disk): created stopped, started by Ansible once it is in.
        assertThat(desktop).contains("start       = false");
        assertThat(entry(file(HOME), "k3s-2")).contains("start       = true");
        assertThat(file("ansible/inventory/host_vars/pve-a.yml"))
                .contains("    tool: qm\n    pet: false\n    start: true\n    settings:\n"
                        + "      ide0: !unsafe \"local:iso/virtio-win-0.1.271.iso,media=cdrom\"\n");
        assertThat(file("terraform/modules/vm/main.tf")).contains("started     = var.start_at_create")
                .contains("ignore_changes = [initialization, usb, machine, started, scsi_hardware]");
        assertThat(files).doesNotContainKey("cloud-init/vms/desktop/user-data");
        assertThat(file("terraform/modules/vm/main.tf")).contains("pre_enrolled_keys = var.secure_boot")
                .contains("  dynamic \"tpm_state\" {");
    }

    @Test
    void anApplianceImportsItsDiskAsItIs() {
        String haos = entry(file(HOME), "haos");
        assertThat(haos).contains("bios        = \"ovmf\"", "cloud_init  = false",
                "file = \"local:import/haos_ova-16.2.qcow2\"");
        assertThat(file(HOME)).doesNotContain("haos_ova-16.2.qcow2.xz");
        assertThat(file("ansible/inventory/host_vars/pve-b.yml")).contains("proxmox_node_disk_images:\n  - name: !unsafe \"haos\"\n"
                + "    url: !unsafe \"https://github.com/home-assistant/operating-system/releases/download/16.2/haos_ova-16.2.qcow2.xz\"")
                .contains("    file: !unsafe \"haos_ova-16.2.qcow2\"\n    decompress: xz");
        assertThat(files).doesNotContainKey("cloud-init/vms/haos/user-data");
        assertThat(file("ansible/inventory/hosts.yml")).doesNotContain("        haos:");
    }

    @Test
    void ballooningAndStartup() {
        assertThat(entry(file(HOME), "k3s-2")).contains("balloon_mib = 2048");
        assertThat(entry(file(HOME), "desktop")).contains("order      = 90\n        up_delay   = 0\n        down_delay = 120");
        assertThat(entry(file(HOME), "jellyfin")).contains("order      = 70\n        up_delay   = 10\n        down_delay = null");
    }

    @Test
    void aPiCarriesFurtherNetworksAsVlans() {
        String config = file("cloud-init/machines/rpi-iot/network-config");
        assertThat(config).contains("  ethernets:\n    eth0:\n      mtu: 1500\n      addresses:\n        - \"192.168.1.41/24\"")
                .contains("  vlans:\n    eth0.40:\n      id: 40\n      link: eth0\n      mtu: 1500\n      addresses:\n        - \"192.168.40.41/24\"")
                .doesNotContain("macaddress");
    }

    @Test
    void aChartRangeReachesFlux() {
        assertThat(file("flux/apps/flat/podinfo/release.yaml")).contains("      version: \"~6.9\"");
    }

    @Test
    void eachClusterBacksUpToItsOwnServer() {
        assertThat(file(HOME)).contains("module \"backup_pbs_home\"").doesNotContain("pbs-lab");
        assertThat(file(LAB)).contains("module \"backup_pbs_lab\"").doesNotContain("pbs-home");
        assertThat(file("ansible/inventory/host_vars/pbs-home.yml"))
                .contains("pbs_fingerprint_files:\n  - \"{{ inventory_dir }}/../../terraform/clusters/home/pbs.auto.tfvars.json\"\n")
                .doesNotContain("clusters/lab/");
        assertThat(file(LAB)).contains("  schedule    = \"sun 03:30\"");
    }
}
