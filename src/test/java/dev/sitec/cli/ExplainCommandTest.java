package dev.sitec.cli;

import static dev.sitec.cli.CliTest.sitec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** sitec explain NAME: what sitec derived for one object and where it lands, with the site lines. */
class ExplainCommandTest {

    /** An AlmaLinux K3s node (sites/k3s-variants.yaml) says its prerequisites take k3s_prereqs' dnf path. */
    @Test
    void aRedHatFamilyK3sNodeSaysItsPrerequisitesInstallWithDnf() {
        CliTest.Run run = sitec("explain", "agents-alma-1", "-f", "sites/k3s-variants.yaml");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("  prerequisites      with dnf (almalinux, the RedHat family): the k3s-selinux policy and"
                + " selinux: true where SELinux is on, K3s's ports in firewalld where it runs\n");
        CliTest.Run debian = sitec("explain", "agents-cp-1", "-f", "sites/k3s-variants.yaml");
        assertThat(debian.out()).doesNotContain("prerequisites");
    }

    @Test
    void aK3sGpuNodeShowsItsIdentitiesPlacesAndScheduling() {
        CliTest.Run run = sitec("explain", "k3s-w-gpu", "-f", "site.yaml");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("vm k3s-w-gpu (site.yaml:127:3)\n")
                .contains("  node               pve2 (Proxmox VE cluster pve)   [site.yaml:128]\n",
                        "  VMID               415660510 (derived from the name)\n",
                        "  net0               servers 10.10.20.32, MAC 0a:6c:79:61:d7:f6   [site.yaml:130]\n",
                        "  Terraform          module.vm[\"k3s-w-gpu\"].proxmox_virtual_environment_vm.cattle[0] in terraform/clusters/pve\n",
                        "  K3s                agent of cluster homelab, node IP 10.10.20.32\n",
                        "  taints             nvidia.com/gpu=true:NoSchedule\n",
                        "HelmRelease nvidia-device-plugin (its GPU)",
                        "  Longhorn           replicas on its disk /dev/disk/by-id/scsi-0QEMU_QEMU_HARDDISK_drive-scsi1, mounted at /var/lib/longhorn\n",
                        "  Ansible            groups amd64, k3s_agents, k3s_agents_homelab, k3s_cluster, k3s_cluster_homelab, nvidia_gpu, vms\n",
                        "cloud-init/vms/k3s-w-gpu/user-data");
    }

    @Test
    void everyKindOfNameIsExplained() {
        assertThat(sitec("explain", "storage").out()).startsWith("network storage (site.yaml:52:3)\n")
                .contains("  bridge             vmbr0, VLAN 30 (an SDN vnet)\n", "k3s-w-gpu 10.10.30.32");
        assertThat(sitec("explain", "pve1").out()).startsWith("Proxmox VE node pve1 (")
                .contains("  installed          by sitec: an answer file and ISO script in installer/pve1/\n", "  guests ");
        assertThat(sitec("explain", "gpu0").out()).startsWith("device gpu0 (").contains("  passed to          k3s-w-gpu\n");
        assertThat(sitec("explain", "homelab").out()).startsWith("K3s cluster homelab (")
                .contains("  servers            k3s-cp-1, k3s-cp-2, k3s-cp-3 (etcd quorum 2)\n", "  Ansible            group k3s_cluster_homelab (--limit it)\n",
                        "  API                10.10.20.20 (VIP, held by kube-vip)   [site.yaml:178]\n");
        assertThat(sitec("explain", "k3s-cp-1").out()).contains("  Longhorn           replicas on its root disk, in /var/lib/longhorn\n");
        assertThat(sitec("explain", "rpi-3").out()).contains("  Longhorn           no replicas (its root disk is, or may be, an SD card)\n");
        assertThat(sitec("explain", "rpi-1").out()).startsWith("machine rpi-1 (")
                .contains("  board              raspberry-pi-5, boots from nvme\n", "  K3s                agent of cluster homelab");
        assertThat(sitec("explain", "pve").out()).startsWith("Proxmox VE cluster pve (");
        assertThat(sitec("explain", "pbs1").out()).startsWith("backup server pbs1 (");
    }

    @Test
    void anAdoptedGuestShowsTheImportThatAdoptsIt(@org.junit.jupiter.api.io.TempDir Path dir) {
        String site = dev.sitec.KeptSites.finishedCopy(Path.of("sites/imported-pve8.yaml"), dir).toString();
        CliTest.Run run = sitec("explain", "legacy", "-f", site);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("  lifecycle          pet: protected (prevent_destroy), not backed up: the site has no"
                        + " backup server\n", "  disk virtio0       20 GiB on local-zfs, system\n",
                "  adopted            exists already: an import block (id \"pve-c/104\") adopts it in the first plan"
                        + "   [" + site + ":106]\n",
                "  cpu                kvm64 (set in the site; a change restarts the VM)   [" + site + ":112]\n",
                "  SCSI controller    lsi (read when the VM is created: the running VM keeps its own)   [" + site
                        + ":113]\n");
        assertThat(sitec("explain", "pihole", "-f", site).out())
                .contains("  adopted            exists already: an import block (id \"pve-a/106\") adopts it");
    }

    /** Issue 26, item 2: a guest's Proxmox tags, sitec's own and the site's (each once), the site's named. */
    @Test
    void aGuestsTagsAreShown(@org.junit.jupiter.api.io.TempDir Path dir) {
        String site = dev.sitec.KeptSites.finishedCopy(Path.of("sites/real-labs.yaml"), dir).toString();
        CliTest.Run desktop = sitec("explain", "desktop", "-f", site);
        assertThat(desktop.exit()).as(desktop.err()).isZero();
        assertThat(desktop.out()).contains("  tags               cattle, gaming, sitec, windows (from the site: gaming)\n");
        assertThat(sitec("explain", "k3s-1", "-f", site).out()).contains("  tags               cattle, k3s-server, sitec\n");
        assertThat(sitec("explain", "jellyfin", "-f", site).out())
                .contains("  tags               cattle, lxc, media, sitec (from the site: media)\n");
    }

    /** Issue 26, item 10: a mapping adopted without an address, and a node that needs no datastore. */
    @Test
    void whatTheSiteLeavesOutIsExplained(@org.junit.jupiter.api.io.TempDir Path dir) {
        String site = dev.sitec.KeptSites.finishedCopy(Path.of("sites/real-labs.yaml"), dir).toString();
        CliTest.Run hba = sitec("explain", "hba", "-f", site);
        assertThat(hba.exit()).as(hba.err()).isZero();
        assertThat(hba.out()).contains("  what               pci 1000:0097 on node pve-b\n", "  passed to          nas\n",
                "  Terraform          none: the cluster's mapping hba (existing, without an address) is used by its name"
                        + " and left as it is\n");
        assertThat(sitec("explain", "igpu", "-f", site).out())
                .contains("  Terraform          a PCI resource mapping, igpu, in terraform/clusters/home\n");
        assertThat(sitec("explain", "pve-c", "-f", site).out())
                .contains("  guests' datastore  none: no guest on it needs one\n", "  guests             -\n");
    }

    /** Issue 25: images, Flux apps and profiles are explained too, with who uses them and where they land. */
    @Test
    void imagesAppsAndProfilesAreExplained() {
        CliTest.Run image = sitec("explain", "debian-13-amd64");
        assertThat(image.exit()).as(image.err()).isZero();
        assertThat(image.out()).isEqualTo("""
                image debian-13-amd64 (site.yaml:58:3)
                  kind               cloud image (a disk image cloud-init configures), amd64
                  url                https://cloud.debian.org/images/cloud/trixie/20250924-2245/debian-13-genericcloud-amd64-20250924-2245.qcow2   [site.yaml:61]
                  file               debian-13-genericcloud-amd64-20250924-2245.qcow2
                  checksum           sha512, checked on download
                  used by            vm k3s-cp-1, vm k3s-cp-2, vm k3s-cp-3, vm k3s-w-1, vm k3s-w-gpu, vm k3s-w-tpu, profile k3s-agent, profile k3s-server
                  Terraform          proxmox_download_file.image["pve1/debian-13-amd64", "pve2/debian-13-amd64", "pve3/debian-13-amd64"] in terraform/clusters/pve
                """);
        assertThat(sitec("explain", "podinfo").out()).isEqualTo("""
                Flux app podinfo of K3s cluster homelab (site.yaml:190:5)
                  chart              podinfo 6.9.2 from https://stefanprodan.github.io/podinfo   [site.yaml:191]
                  namespace          podinfo
                  values             replicaCount (passed to the chart as they are)   [site.yaml:193]
                  Flux               HelmRelease podinfo and HelmRepository podinfo in namespace podinfo, applied by the Kustomization in flux/clusters/homelab/apps.yaml
                  files              flux/apps/homelab/podinfo/kustomization.yaml, flux/apps/homelab/podinfo/release.yaml
                """);
        assertThat(sitec("explain", "k3s-agent").out()).isEqualTo("""
                profile k3s-agent (site.yaml:163:3)
                  image              debian-13-amd64   [site.yaml:58]
                  size               8 cores, 16384 MiB
                  disks              scsi0 40 GiB, system; scsi1 200 GiB, longhorn
                  VMs                k3s-w-1, k3s-w-gpu, k3s-w-tpu (their own keys override the profile's)
                """);
        assertThat(sitec("explain", "podinf").err()).endsWith("    hint: did you mean 'podinfo'?\n");
    }

    /**
     * Issue 26, item 1: a template image says which VM it is and where its disks are; a clone says how it
     * is made (bpg/proxmox v0.111.1 vm.go vmCreateClone: directly on shared storage, else cloned on the
     * template's node and migrated) and that a new source replaces it.
     */
    @Test
    void templatesAndTheirClonesAreExplained() {
        assertThat(sitec("explain", "ubuntu-24", "-f", "sites/clones.yaml").out()).isEqualTo("""
                image ubuntu-24 (sites/clones.yaml:38:3)
                  kind               template VM (VMs are cloned from it), amd64
                  template           VM 9001 on pve1, disks on ceph-vm (shared)   [sites/clones.yaml:40]
                  clones             linked by default
                  used by            vm runner
                """);
        assertThat(sitec("explain", "worker", "-f", "sites/clones.yaml").out()).contains("""
                  image              debian-12 (template)   [sites/clones.yaml:33]
                  clone              full clone of VM 9000 on pve1, made on pve1 and migrated to pve2; a new source replaces the VM   [sites/clones.yaml:66]
                """);
        assertThat(sitec("explain", "runner", "-f", "sites/clones.yaml").out()).contains(
                "  clone              linked clone of VM 9001 on pve1, made on pve2 (shared storage); a new source replaces the VM");
        assertThat(sitec("explain", "cache", "-f", "sites/clones.yaml").out()).contains(
                "  clone              linked clone of VM 9000 on pve1; a new source replaces the VM   [sites/clones.yaml:74]");
    }

    /** Issue 25: a node lists its containers beside its VMs; one core is "1 core". */
    @Test
    void aNodeListsItsContainersAndOneCoreIsSingular(@org.junit.jupiter.api.io.TempDir Path dir) {
        String site = dev.sitec.KeptSites.finishedCopy(Path.of("sites/imported-pve8.yaml"), dir).toString();
        assertThat(sitec("explain", "pve-a", "-f", site).out()).containsPattern("\n  guests             VMs [^;\n]+; containers [^\n]*pihole");
        assertThat(sitec("explain", "pihole", "-f", site).out()).contains("\n  size               1 core, 512 MiB, root disk 4 GiB on ");
        assertThat(sitec("explain", "pve1").out()).contains("\n  guests             VMs k3s-cp-1, k3s-w-1, truenas\n");
    }

    @Test
    void anUnknownNameGetsTheClosestOne() {
        CliTest.Run run = sitec("explain", "k3s-w-gp");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("sitec: site.yaml has nothing named 'k3s-w-gp'\n    hint: did you mean 'k3s-w-gpu'?\n");
    }

    @Test
    void theReadmeShowsWhatExplainPrints() throws Exception {
        CliTest.Run run = sitec("explain", "k3s-w-tpu");
        String shown = "```\n$ sitec explain k3s-w-tpu\n" + run.out() + "```\n";
        assertThat(Files.readString(Path.of("README.md"))).contains(shown);
    }
}
