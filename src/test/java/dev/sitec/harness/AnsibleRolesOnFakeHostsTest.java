package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sitec.BrokenSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated roles, run by Ansible against stand-ins for the Proxmox and PBS commands
 * (FakeHosts): which commands a real host would get, with which arguments and input. The
 * stand-ins answer as the real commands do, in the shapes their sources give (cited per test).
 */
class AnsibleRolesOnFakeHostsTest {

    @TempDir
    Path dir;

    private FakeHosts hosts;

    @BeforeEach
    void generate() {
        assumeTrue(System.getenv("CI") != null || ExternalTool.available("ansible-playbook"), "ansible-playbook is not installed");
        hosts = new FakeHosts(dir, BrokenSite.reference());
    }

    private static String role(String name, String tasksFrom) {
        return "- name: Run the role\n  ansible.builtin.include_role:\n    name: " + name + "\n    tasks_from: " + tasksFrom + "\n";
    }

    private static void ok(FakeHosts.Run run) {
        assertThat(run.result().exit()).as(run.result().output()).isZero();
    }

    /**
     * A joining node goes through the API: `pvecm add <first node> --fingerprint <its certificate>`
     * with root's password on stdin, never --use_ssh, which runs ssh-copy-id and `ssh -o BatchMode=yes`
     * and fails without a known_hosts entry (pve-cluster src/PVE/CLI/pvecm.pm). pveproxy serves
     * pveproxy-ssl.pem when there is one, else pve-ssl.pem: that is the fingerprint pinned.
     */
    @Test
    void aNodeJoinsTheClusterThroughTheApiPinningTheFirstNodesCertificate() throws Exception {
        hosts.answer("pvenode cert info", 0, """
                [{"filename":"pve-root-ca.pem","fingerprint":"00:00"},
                 {"filename":"pve-ssl.pem","fingerprint":"AB:CD:EF"}]""");
        FakeHosts.Run run = hosts.play("pve2", role("proxmox_cluster", "main.yml")
                + "  vars:\n    sitec_secret_proxmox_root_password: hunter22\n");
        ok(run);
        assertThat(run.lines()).containsExactly("pvecm status", "pvenode cert info --output-format json",
                "pvecm add 10.10.10.11 --fingerprint AB:CD:EF");
        assertThat(run.calls().get(2).stdin()).isEqualTo("hunter22\n"); // one line, as read_password reads it
        assertThat(run.result().output()).doesNotContain("hunter22");
        assertThat(Files.readString(hosts.tree().resolve("ansible/roles/proxmox_cluster/tasks/main.yml"))
                .replaceAll("(?m)^\\s*#.*$", "")).doesNotContain("use_ssh").doesNotContain("authorized_key");
    }

    @Test
    void aJoinWithoutRootsPasswordStopsBeforeTouchingTheNode() {
        FakeHosts.Run run = hosts.play("pve2", role("proxmox_cluster", "main.yml")
                + "  vars:\n    sitec_secret_proxmox_root_password: \"\"\n");
        assertThat(run.result().exit()).isNotZero();
        assertThat(run.result().output()).contains("Joining needs the first node's root password");
        assertThat(run.lines()).isEmpty();
    }

    /**
     * After the join every node has the first node's storage.cfg (pve-docs pvecm.adoc): pve3 (ext4)
     * lost its local-lvm and local-zfs is listed for every node. Both are put right from the first
     * node: local-lvm defined again for pve3 as the installer wrote it, local-zfs limited to pve1, pve2.
     */
    @Test
    void theVmStoragesExistOnExactlyTheNodesThatHaveThemAfterTheJoin() {
        hosts.answer("pvesh get /storage", 0, """
                [{"storage":"local","type":"dir","content":"iso,vztmpl,backup,snippets,import"},
                 {"storage":"local-zfs","type":"zfspool","pool":"rpool/data","content":"images,rootdir"}]""");
        FakeHosts.Run run = hosts.play("pve1", role("proxmox_cluster", "storage.yml"));
        ok(run);
        assertThat(run.lines()).containsExactly("pvesh get /storage --output-format json",
                "pvesm add lvmthin local-lvm --nodes pve3 --vgname pve --thinpool data --content images,rootdir",
                "pvesm set local-zfs --nodes pve1,pve2");

        hosts.answer("pvesh get /storage", 0, """
                [{"storage":"local-zfs","type":"zfspool","nodes":"pve2,pve1"},
                 {"storage":"local-lvm","type":"lvmthin","nodes":"pve3"}]""");
        assertThat(hosts.play("pve1", role("proxmox_cluster", "storage.yml")).lines())
                .containsExactly("pvesh get /storage --output-format json");
    }

    /**
     * proxmox_node rewrites this machine's network, boot loader and modules: in the tests that run
     * playbooks/proxmox.yml whole, its tasks are one no-op, and every other play runs as generated.
     */
    private static FakeHosts withoutNodeRole(FakeHosts fake) {
        return fake.writeInTree("ansible/roles/proxmox_node/tasks/main.yml",
                "---\n- name: Stand in for proxmox_node (it would rewrite this machine)\n  ansible.builtin.meta: noop\n");
    }

    /**
     * Issue 25, item 3. Proxmox VE knows a node by its host name up to the first dot (pve-common
     * src/PVE/INotify.pm nodename): a node whose host name is not its name in site.yaml stops the
     * whole play before anything changes it, with both names and the fix.
     */
    @Test
    void aNodeWhoseHostNameIsAnotherStopsThePlayBeforeAnythingChangesIt() {
        withoutNodeRole(hosts).answer("hostname", 0, "pve-old.lab.example.org\n");
        FakeHosts.Run run = hosts.playbook("playbooks/proxmox.yml", "pve2");
        assertThat(run.result().exit()).isNotZero();
        assertThat(run.result().output()).contains("The host at 10.10.10.12 is named 'pve-old', but site.yaml names it 'pve2'",
                "name it 'pve-old' in site.yaml");
        assertThat(run.lines()).containsExactly("hostname");
        assertThat(run.result().output()).doesNotContain("Stand in for proxmox_node");
    }

    /**
     * Issue 25, item 3. A cluster of one node stays a standalone node: no corosync, no `pvecm
     * create` (real-labs' lab cluster has one node); the first node of a cluster of three creates it.
     */
    @Test
    void aOneNodeClusterStaysAStandaloneNode() {
        FakeHosts real = new FakeHosts(dir.resolve("real-labs"), BrokenSite.realLabs());
        FakeHosts.Run alone = real.play("lab-1", role("proxmox_cluster", "main.yml"));
        ok(alone);
        assertThat(alone.lines()).isEmpty();
        FakeHosts.Run first = hosts.play("pve1", role("proxmox_cluster", "main.yml"));
        ok(first);
        assertThat(first.lines()).containsExactly("pvecm create pve");
    }

    /**
     * Issue 24, item 15. A joining node's storage.cfg is replaced by the cluster's (pve-docs
     * pvecm.adoc), so the Ceph pool its guests use is a storage of the node only once it has joined:
     * the whole of playbooks/proxmox.yml on real-labs' pve-b, whose `pvesm status` lists ceph-rbd
     * only after `pvecm add`, joins and then finds every datastore.
     */
    @Test
    void aNodeWhoseGuestsUseClusterStorageJoinsBeforeItsDatastoresAreChecked() {
        FakeHosts real = withoutNodeRole(new FakeHosts(dir.resolve("real-labs"), BrokenSite.realLabs()));
        String header = "Name             Type     Status           Total            Used       Available        %\n";
        String own = "local             dir     active        98497780        12345678        81081924   12.53%\n"
                + "ssd-zfs       zfspool     active       498497780        12345678       481081924    2.53%\n";
        real.answer("hostname", 0, "pve-b\n")
                .answer("pvenode cert info", 0, "[{\"filename\":\"pve-ssl.pem\",\"fingerprint\":\"AB:CD\"}]")
                .answer("pvesm status", 0, header + own)
                .answerAfter("pvecm add", "pvesm status", 0, header
                        + "ceph-rbd          rbd     active      1000000000        10000000       990000000    1.00%\n" + own);
        FakeHosts.Run run = real.playbook("playbooks/proxmox.yml", "pve-b", "sitec_secret_proxmox_root_password=hunter22",
                "sitec_reboot_marker=" + dir.resolve("no-reboot"));
        ok(run);
        assertThat(run.lines()).containsSubsequence("hostname", "pvecm add 192.168.1.10 --fingerprint AB:CD", "pvesm status --enabled 1");
    }

    /**
     * Issue 24, item 17. The nodes proxmox_node marked for IOMMU and VFIO reboot one at a time: each
     * is back, its cluster quorate with it online (pve-manager PVE/API2/Cluster.pm get_status) and the
     * guests that ran on it running again, before the next goes down. The reboot itself is the one
     * task swapped for a stand-in (the reboot module refuses a local connection); the play's serial,
     * the mark and the waits run as generated.
     */
    @Test
    void markedNodesRebootOneAtATimeEachBackInAQuorateClusterBeforeTheNext() throws Exception {
        withoutNodeRole(hosts).replaceInTree("ansible/roles/proxmox_cluster/tasks/reboot.yml",
                "ansible.builtin.reboot:\n        msg: \"sitec: reboot for IOMMU and VFIO\"\n        reboot_timeout: 900\n",
                "ansible.builtin.command:\n        argv: [reboot, \"{{ inventory_hostname }}\"]\n      changed_when: true\n");
        Path marks = Files.createDirectories(dir.resolve("marks"));
        Files.writeString(marks.resolve("pve1"), "IOMMU and VFIO (sitec)\n");
        Files.writeString(marks.resolve("pve3"), "IOMMU and VFIO (sitec)\n");
        String running = "[{\"vmid\":101,\"status\":\"running\"},{\"vmid\":102,\"status\":\"stopped\"}]";
        hosts.answer("pvesh get /nodes/pve1/qemu", 0, running).answer("pvesh get /nodes/pve3/qemu", 0, running)
                .answer("pvesh get /nodes/pve1/lxc", 0, "[]").answer("pvesh get /nodes/pve3/lxc", 0, "[]")
                .answer("pvesh get /cluster/status", 0, "[{\"type\":\"cluster\",\"name\":\"pve\",\"quorate\":1},"
                        + "{\"type\":\"node\",\"name\":\"pve1\",\"online\":1},{\"type\":\"node\",\"name\":\"pve2\",\"online\":1},"
                        + "{\"type\":\"node\",\"name\":\"pve3\",\"online\":1}]");
        FakeHosts.Run run = hosts.playbook("playbooks/proxmox.yml", "proxmox",
                "sitec_reboot_marker=" + marks + "/{{ inventory_hostname }}",
                "--start-at-task=Reboot the node if it is marked, and wait for it, its cluster and its guests");
        ok(run);
        assertThat(run.lines()).filteredOn(l -> l.startsWith("reboot")).containsExactly("reboot pve1", "reboot pve3");
        assertThat(run.lines()).containsSubsequence("pvesh get /nodes/pve1/qemu --output-format json", "reboot pve1",
                "pvesh get /cluster/status --output-format json", "pvesh get /nodes/pve1/qemu --output-format json",
                "pvesh get /nodes/pve1/lxc --output-format json", "pvesh get /nodes/pve3/qemu --output-format json", "reboot pve3",
                "pvesh get /cluster/status --output-format json");
        assertThat(marks.resolve("pve1")).doesNotExist();
        assertThat(marks.resolve("pve3")).doesNotExist();
    }

    private String bootLoader(int rc, String efibootmgr) throws Exception {
        hosts.answer("efibootmgr", rc, efibootmgr);
        Path out = dir.resolve("boot-loader");
        FakeHosts.Run run = hosts.play("pve1", role("proxmox_node", "boot_loader.yml")
                + "- name: Keep the answer\n  ansible.builtin.copy:\n    content: \"{{ proxmox_node_boot_loader }}\"\n"
                + "    dest: " + out + "\n    mode: \"0644\"\n");
        ok(run);
        return Files.readString(out);
    }

    /**
     * The boot loader is what efibootmgr says booted (pve-docs system-booting.adoc, "Determine which
     * Bootloader is Used"): systemd-boot for ZFS on UEFI, GRUB with Secure Boot (even on ZFS), and GRUB
     * in BIOS mode when there are no EFI variables.
     */
    @Test
    void theBootLoaderIsTheOneThatBootedTheNode() throws Exception {
        assertThat(bootLoader(0, """
                BootCurrent: 0006
                Timeout: 1 seconds
                BootOrder: 0006,0005
                Boot0005* proxmox\tHD(2,GPT,1f2e,0x800,0x100000)/File(\\EFI\\proxmox\\grubx64.efi)
                Boot0006* Linux Boot Manager\tHD(2,GPT,1f2e,0x800,0x100000)/File(\\EFI\\systemd\\systemd-bootx64.efi)
                """)).isEqualTo("systemd-boot");
        assertThat(bootLoader(0, """
                BootCurrent: 0005
                BootOrder: 0005,0006
                Boot0005* proxmox\tHD(2,GPT,1f2e,0x800,0x100000)/File(\\EFI\\proxmox\\shimx64.efi)
                Boot0006* Linux Boot Manager\tHD(2,GPT,1f2e,0x800,0x100000)/File(\\EFI\\systemd\\systemd-bootx64.efi)
                """)).isEqualTo("grub");
        assertThat(bootLoader(2, "EFI variables are not supported on this system.\n")).isEqualTo("grub");
    }

    /** The guest settings task file, with the node's record of what Ansible set kept in the test's folder. */
    private String guestSettings() {
        return role("proxmox_node", "guest_settings.yml") + "  vars:\n    proxmox_node_state_dir: " + dir.resolve("state") + "\n";
    }

    /**
     * A USB device is attached by root on its node, by port (qemu-server API2/Qemu.pm check_usb_perm
     * allows host= only for root@pam), once the VM exists, and left alone when it is attached already.
     * The role compares with /pending (qemu-server API2/Qemu.pm vm_pending: current value, pending
     * value, delete), not with GET .../config, which shows pending values as set (vm_config).
     */
    @Test
    void theCoralIsAttachedByPortOnceItsVmExists() {
        hosts.answer("pvesh get /cluster/resources", 0, "[{\"type\":\"qemu\",\"vmid\":629827063,\"node\":\"pve3\"}]");
        hosts.answer("pvesh get /nodes/pve3/qemu/629827063/pending", 0, "[{\"key\":\"name\",\"value\":\"k3s-w-tpu\"}]");
        FakeHosts.Run first = hosts.play("pve3", guestSettings());
        ok(first);
        assertThat(first.lines()).contains("qm set 629827063 --usb0 host=2-1,usb3=1");

        hosts.answer("pvesh get /nodes/pve3/qemu/629827063/pending", 0,
                "[{\"key\":\"name\",\"value\":\"k3s-w-tpu\"},{\"key\":\"usb0\",\"value\":\"host=2-1,usb3=1\"}]");
        assertThat(hosts.play("pve3", guestSettings()).lines()).noneMatch(l -> l.startsWith("qm "));

        // Not created yet (PVE::AbstractConfig load_config: "Configuration file '...' does not exist").
        hosts.answer("pvesh get /nodes/pve3/qemu/629827063/pending", 255, "",
                "Configuration file 'nodes/pve3/qemu-server/629827063.conf' does not exist\n");
        assertThat(hosts.play("pve3", guestSettings()).lines()).noneMatch(l -> l.startsWith("qm "));
    }

    /**
     * Issue 24, item 20. A guest HA or an operator migrated away is found where it runs (pvesh get
     * /cluster/resources --type vm: node and vmid, pve-manager PVE/API2/Cluster.pm resources) and
     * reported with the command that moves it back; its settings, which are its node's hardware
     * (the Coral by USB port on pve3), are not made on the other node nor looked for on this one.
     */
    @Test
    void aGuestThatMovedToAnotherNodeIsReportedWithTheWayBack() {
        hosts.answer("pvesh get /cluster/resources", 0, "[{\"id\":\"qemu/629827063\",\"type\":\"qemu\",\"vmid\":629827063,"
                + "\"node\":\"pve2\",\"name\":\"k3s-w-tpu\",\"status\":\"running\",\"hastate\":\"started\"},"
                + "{\"id\":\"qemu/670781920\",\"type\":\"qemu\",\"vmid\":670781920,\"node\":\"pve3\",\"name\":\"k3s-cp-3\"}]");
        FakeHosts.Run run = hosts.play("pve3", guestSettings());
        ok(run);
        assertThat(run.lines()).containsExactly("pvesh get /cluster/resources --type vm --output-format json");
        assertThat(run.result().output()).contains("k3s-w-tpu (629827063) runs on pve2, not on pve3 as site.yaml says",
                "its settings usb0 were NOT made", "ha-manager migrate vm:629827063 pve3");
    }

    /**
     * A container's bind mount, device nodes and features are made by root with `pct set`
     * (pve-container src/PVE/LXC.pm check_ct_modify_config_perm refuses them to any API token), once
     * the container exists. Features and a change to an existing mpN/devN wait for the next start
     * (pve-container src/PVE/LXC/Config.pm vmconfig_hotplug_pending): the running cattle container is
     * restarted for them. Later, what Ansible made and the site no longer lists is deleted, and
     * nothing it did not make.
     */
    @Test
    void containerSettingsOnlyRootMayMakeAreMadeWithPctAndDeletedWhenTheSiteDropsThem() throws Exception {
        FakeHosts real = new FakeHosts(dir.resolve("real-labs"), BrokenSite.realLabs())
                .answer("pvesh get /cluster/resources", 0, "[]");
        String pending = "pvesh get /nodes/pve-b/lxc/795203225/pending";
        real.answer(pending, 0, "[{\"key\":\"hostname\",\"value\":\"jellyfin\"},"
                + "{\"key\":\"mp0\",\"value\":\"ssd-zfs:subvol-795203225-disk-1,mp=/config,size=20G\"},"
                + "{\"key\":\"features\",\"value\":\"nesting=1\",\"pending\":\"keyctl=1,nesting=1\"}]");
        FakeHosts.Run first = real.play("pve-b", guestSettings());
        assertThat(first.lines()).contains("pvesh get /nodes/pve-b/lxc/795203225/pending --output-format json",
                "pct set 795203225 --mp1 /tank/media,mp=/media", "pct set 795203225 --dev0 /dev/dri/renderD128,gid=44",
                "pct set 795203225 --dev1 /dev/dri/card0", "pct reboot 795203225");
        // The features are pending already (the config PVE returns by default would show them set): no set, a restart.
        assertThat(first.lines()).noneMatch(l -> l.startsWith("pct set 795203225 --features"));
        // This stand-in answers as before the restart, so the role says the restart did not apply them.
        assertThat(first.result().exit()).isNotZero();
        assertThat(first.result().output()).contains("jellyfin still has features pending after its restart");

        // Applied; the owner added dev9 and a feature flag of his own. The site then drops dev1 and keyctl.
        real.answer(pending, 0, "[{\"key\":\"features\",\"value\":\"keyctl=1,mknod=1,nesting=1\"},"
                + "{\"key\":\"mp1\",\"value\":\"/tank/media,mp=/media\"},{\"key\":\"dev0\",\"value\":\"/dev/dri/renderD128,gid=44\"},"
                + "{\"key\":\"dev1\",\"value\":\"/dev/dri/card0\"},{\"key\":\"dev9\",\"value\":\"/dev/net/tun\"}]");
        FakeHosts.Run edit = real.play("pve-b", guestSettings() + "    proxmox_node_guest_settings:\n"
                + "      - {guest: jellyfin, vmid: 795203225, tool: pct, pet: false, start: false, settings: "
                + "{features: \"nesting=1\", mp1: \"/tank/media,mp=/media\", dev0: \"/dev/dri/renderD128,gid=44\"}}\n");
        ok(edit);
        assertThat(edit.lines()).contains("pct set 795203225 --features mknod=1,nesting=1", "pct set 795203225 --delete dev1")
                .noneMatch(l -> l.contains("dev9") || l.contains("--mp1") || l.contains("--dev0"));
    }

    /**
     * The datastores the node's guests use must be active storages there (`pvesm status`, as
     * pve-storage's CLI prints it: a header, then name, type, status, ...), before Terraform runs.
     */
    @Test
    void aMissingDatastoreStopsThePlayWithTheFix() {
        FakeHosts real = new FakeHosts(dir.resolve("real-labs"), BrokenSite.realLabs());
        String header = "Name             Type     Status           Total            Used       Available        %\n";
        real.answer("pvesm status", 0, header
                + "ceph-rbd          rbd     active      1000000000        10000000       990000000    1.00%\n"
                + "local             dir     active        98497780        12345678        81081924   12.53%\n"
                + "ssd-local         dir   inactive               0               0               0    0.00%\n");
        FakeHosts.Run run = real.play("pve-a", role("proxmox_cluster", "datastores.yml"));
        assertThat(run.result().exit()).isNotZero();
        assertThat(run.result().output()).contains("Datastore 'ssd-local' is not an active storage on pve-a");

        real.answer("pvesm status", 0, header
                + "ceph-rbd          rbd     active      1000000000        10000000       990000000    1.00%\n"
                + "local             dir     active        98497780        12345678        81081924   12.53%\n"
                + "ssd-local         dir     active        98497780        12345678        81081924   12.53%\n");
        ok(real.play("pve-a", role("proxmox_cluster", "datastores.yml")));
    }

    /** The repositories role on a host of {@code release} whose sources folder holds {@code files}. */
    private Path repositories(String release, java.util.Map<String, String> files) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("sources-" + release));
        for (var file : files.entrySet()) {
            Files.writeString(sources.resolve(file.getKey()), file.getValue());
        }
        ok(hosts.play("pve1", role("proxmox_repositories", "main.yml") + "  vars:\n    proxmox_repositories_dir: " + sources
                + "\n    proxmox_repositories_release: " + release + "\n"));
        return sources;
    }

    /**
     * Issue 24, item 18. Proxmox VE 8 (bookworm) installs its enterprise repositories as one-line
     * files, /etc/apt/sources.list.d/pve-enterprise.list and ceph.list, and trusts
     * /etc/apt/trusted.gpg.d/proxmox-release-bookworm.gpg; Proxmox VE 9 (trixie) deb822 .sources files
     * and /usr/share/keyrings/proxmox-archive-keyring.gpg (pve-docs pve-package-repos.adoc, before and
     * after commit 5847014 "initial update for PVE 9"). Both forms are disabled; a ceph.list the owner
     * pointed at no-subscription is left alone.
     */
    @Test
    void theEnterpriseRepositoriesOfPve8AndPve9AreDisabledAndTheRightKeyringSigns() throws Exception {
        Path pve8 = repositories("bookworm", java.util.Map.of(
                "pve-enterprise.list", "deb https://enterprise.proxmox.com/debian/pve bookworm pve-enterprise\n",
                "ceph.list", "deb https://enterprise.proxmox.com/debian/ceph-quincy bookworm enterprise\n"));
        assertThat(Files.readString(pve8.resolve("pve-enterprise.list")))
                .isEqualTo("# deb https://enterprise.proxmox.com/debian/pve bookworm pve-enterprise\n");
        assertThat(Files.readString(pve8.resolve("ceph.list")))
                .isEqualTo("# deb https://enterprise.proxmox.com/debian/ceph-quincy bookworm enterprise\n");
        assertThat(Files.readString(pve8.resolve("proxmox.sources"))).isEqualTo("""
                Types: deb
                URIs: http://download.proxmox.com/debian/pve
                Suites: bookworm
                Components: pve-no-subscription
                Signed-By: /etc/apt/trusted.gpg.d/proxmox-release-bookworm.gpg
                """);

        String noSubscriptionCeph = "deb http://download.proxmox.com/debian/ceph-squid trixie no-subscription\n";
        Path pve9 = repositories("trixie", java.util.Map.of("pve-enterprise.sources", """
                Types: deb
                URIs: https://enterprise.proxmox.com/debian/pve
                Suites: trixie
                Components: pve-enterprise
                Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg
                """, "ceph.list", noSubscriptionCeph));
        assertThat(Files.readString(pve9.resolve("pve-enterprise.sources"))).endsWith("proxmox-archive-keyring.gpg\nEnabled: no\n");
        assertThat(Files.readString(pve9.resolve("ceph.list"))).isEqualTo(noSubscriptionCeph);
        assertThat(Files.readString(pve9.resolve("proxmox.sources")))
                .contains("Suites: trixie\n", "Signed-By: /usr/share/keyrings/proxmox-archive-keyring.gpg\n");
    }

    /**
     * Issue 24, item 21. A compressed disk image (real-labs' haos, .qcow2.xz: PVE's download-url
     * decompresses ISO content only, pve-storage API2/Storage/Status.pm download_url) is fetched,
     * verified against the checksum site.yaml gives, decompressed, and its download deleted, so
     * that import/ holds only the image Terraform imports; a download that does not match is
     * refused and nothing is left. Run with a file:// URL and the real xz.
     */
    @Test
    void aCompressedDiskImageIsVerifiedDecompressedAndItsDownloadRemoved() throws Exception {
        FakeHosts real = new FakeHosts(dir.resolve("real-labs"), BrokenSite.realLabs());
        Path source = Files.createDirectories(dir.resolve("upstream"));
        Files.writeString(source.resolve("haos_ova-16.2.qcow2"), "QFI\u00fb a disk image\n");
        assertThat(new ProcessBuilder("xz", "-k", source.resolve("haos_ova-16.2.qcow2").toString()).start().waitFor()).isZero();
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(source.resolve("haos_ova-16.2.qcow2.xz"))));
        Path imports = Files.createDirectories(dir.resolve("import"));
        java.util.function.Function<String, String> images = checksum -> role("proxmox_node", "disk_images.yml")
                + "  vars:\n    proxmox_node_import_dir: " + imports + "\n    proxmox_node_disk_images:\n"
                + "      - {name: haos, url: \"file://" + source.resolve("haos_ova-16.2.qcow2.xz") + "\", checksum: \""
                + checksum + "\", file: haos_ova-16.2.qcow2, decompress: xz}\n";

        FakeHosts.Run refused = real.play("pve-b", images.apply("sha256:" + "0".repeat(64)));
        assertThat(refused.result().exit()).isNotZero();
        assertThat(refused.result().output()).contains("did not match");
        try (var left = Files.list(imports)) {
            assertThat(left).isEmpty();
        }

        ok(real.play("pve-b", images.apply("sha256:" + sha256)));
        assertThat(Files.readString(imports.resolve("haos_ova-16.2.qcow2"))).isEqualTo("QFI\u00fb a disk image\n");
        try (var left = Files.list(imports)) {
            assertThat(left).containsExactly(imports.resolve("haos_ova-16.2.qcow2"));
        }
        FakeHosts.Run again = real.play("pve-b", images.apply("sha256:" + sha256));
        ok(again);
        assertThat(again.result().output()).contains("changed=0");
    }

    /** The node's labels and taints task file, its kubectl (K3s's, /usr/local/bin/k3s) the stand-in `k3s`. */
    private FakeHosts.Run nodeLabels(String node, String nodeJson) {
        hosts.answer("k3s kubectl get node " + node, 0, nodeJson);
        return hosts.play(node, role("k3s_server", "node_labels.yml"));
    }

    /**
     * Issue 24, item 19. K3s applies node-label and node-taint only when a node registers
     * (docs.k3s.io cli/agent, "Node Labels and Taints"): every run labels and taints each node as
     * site.yaml says, from its cluster's first server, records the keys it set (annotations
     * sitec.dev/labels and sitec.dev/taints), and later removes those the site no longer gives;
     * the owner's own labels and taints (team, dedicated) are never touched; a node as the site
     * says is left alone.
     */
    @Test
    void nodeLabelsAndTaintsFollowTheSiteAndOnlySitecsOwnAreRemoved() {
        hosts.replaceInTree("ansible/roles/k3s_server/tasks/node_labels.yml", "/usr/local/bin/k3s", "k3s");
        FakeHosts.Run first = nodeLabels("k3s-w-tpu", """
                {"metadata":{"name":"k3s-w-tpu","labels":{"team":"a"},"annotations":{}},"spec":{}}""");
        ok(first);
        assertThat(first.lines()).containsExactly("k3s kubectl get node k3s-w-tpu -o json",
                "k3s kubectl label node k3s-w-tpu --overwrite accelerator=coral-tpu node.longhorn.io/create-default-disk=true"
                        + " sitec.dev/tpu=coral",
                "k3s kubectl taint node k3s-w-tpu --overwrite sitec.dev/tpu=coral:NoSchedule",
                "k3s kubectl annotate node k3s-w-tpu --overwrite"
                        + " sitec.dev/labels=accelerator,node.longhorn.io/create-default-disk,sitec.dev/tpu"
                        + " sitec.dev/taints=sitec.dev/tpu:NoSchedule");

        // Later: sitec had also set old.example/x and a NoExecute taint, which the site no longer gives.
        FakeHosts.Run later = nodeLabels("k3s-w-tpu", """
                {"metadata":{"name":"k3s-w-tpu","labels":{"team":"a","old.example/x":"1","accelerator":"coral-tpu",
                  "node.longhorn.io/create-default-disk":"true","sitec.dev/tpu":"coral"},
                 "annotations":{"sitec.dev/labels":"accelerator,node.longhorn.io/create-default-disk,old.example/x,sitec.dev/tpu",
                  "sitec.dev/taints":"gone:NoExecute,sitec.dev/tpu:NoSchedule"}},
                 "spec":{"taints":[{"key":"sitec.dev/tpu","value":"coral","effect":"NoSchedule"},
                  {"key":"gone","effect":"NoExecute"},{"key":"dedicated","value":"x","effect":"NoSchedule"}]}}""");
        ok(later);
        assertThat(later.lines()).containsExactly("k3s kubectl get node k3s-w-tpu -o json",
                "k3s kubectl label node k3s-w-tpu old.example/x-", "k3s kubectl taint node k3s-w-tpu gone:NoExecute-",
                "k3s kubectl annotate node k3s-w-tpu --overwrite"
                        + " sitec.dev/labels=accelerator,node.longhorn.io/create-default-disk,sitec.dev/tpu"
                        + " sitec.dev/taints=sitec.dev/tpu:NoSchedule");

        FakeHosts.Run same = nodeLabels("k3s-w-tpu", """
                {"metadata":{"name":"k3s-w-tpu","labels":{"team":"a","accelerator":"coral-tpu",
                  "node.longhorn.io/create-default-disk":"true","sitec.dev/tpu":"coral"},
                 "annotations":{"sitec.dev/labels":"accelerator,node.longhorn.io/create-default-disk,sitec.dev/tpu",
                  "sitec.dev/taints":"sitec.dev/tpu:NoSchedule"}},
                 "spec":{"taints":[{"key":"sitec.dev/tpu","value":"coral","effect":"NoSchedule"}]}}""");
        ok(same);
        assertThat(same.lines()).containsExactly("k3s kubectl get node k3s-w-tpu -o json");
    }

    /**
     * Issue 24, item 16. An agent is upgraded, restarted with the new K3s, and let back in only once
     * its node is Ready and reports the new version (K3s's kubelet reports K3s's version: k3s-io/k3s
     * scripts/build sets component-base version.gitVersion); before, it was uncordoned first and
     * restarted by a handler at the end of its batch, and nothing waited. playbooks/k3s-upgrade.yml
     * runs as generated; the k3s_agent role (a download from GitHub, systemd) is stood in for by one
     * task that notifies the role's handler, itself a stand-in command.
     */
    @Test
    void anAgentIsLetBackInOnlyOnceItIsReadyAtTheNewVersion() {
        String upgrade = "ansible/playbooks/k3s-upgrade.yml";
        String agent = "ansible/roles/k3s_agent/";
        hosts.writeInTree(upgrade, read(hosts, upgrade).replace("/usr/local/bin/k3s", "k3s"))
                .writeInTree(agent + "tasks/main.yml", "---\n- name: Stand in for the upgrade\n  ansible.builtin.command:\n"
                        + "    argv: [k3s, install, \"{{ k3s_version }}\"]\n  changed_when: true\n  notify: Restart the K3s agent\n")
                .writeInTree(agent + "handlers/main.yml", "---\n- name: Restart the K3s agent\n  ansible.builtin.command:\n"
                        + "    argv: [k3s, restart]\n  changed_when: true\n");
        String node = "k3s kubectl get node k3s-w-1";
        hosts.answer(node, 0, nodeJson("v1.35.4+k3s1", "True"))
                .answerAfter("k3s restart", node, 0, nodeJson("v1.36.3+k3s1", "True"));
        FakeHosts.Run run = hosts.playbook("playbooks/k3s-upgrade.yml", "k3s-w-1");
        ok(run);
        assertThat(run.lines()).containsExactly(
                "k3s kubectl drain k3s-w-1 --ignore-daemonsets --delete-emptydir-data --timeout=10m",
                "k3s install v1.36.3+k3s1", "k3s restart", "k3s kubectl get node k3s-w-1 -o json",
                "k3s kubectl uncordon k3s-w-1");
    }

    private static String nodeJson(String version, String ready) {
        return "{\"status\":{\"nodeInfo\":{\"kubeletVersion\":\"" + version + "\"},"
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"" + ready + "\"}]}}";
    }

    private static String read(FakeHosts fake, String file) {
        try {
            return Files.readString(fake.tree().resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void pbsState(String pruneJobs) throws Exception {
        hosts.answer("proxmox-backup-manager datastore list", 0, "[{\"name\":\"main\",\"gc-schedule\":\"daily\"}]")
                .answer("proxmox-backup-manager prune-job list", 0, pruneJobs)
                .answer("proxmox-backup-manager verify-job list", 0,
                        "[{\"id\":\"sitec-verify-main\",\"store\":\"main\",\"schedule\":\"weekly\",\"ignore-verified\":true,\"outdated-after\":30}]")
                .answer("proxmox-backup-manager user list", 0, "[{\"userid\":\"sitec-backup@pbs\"},{\"userid\":\"pdm@pbs\"}]")
                .answer("proxmox-backup-manager cert info", 0, "Fingerprint (sha256): 12:34:56\n")
                .answer("proxmox-backup-manager user list-tokens", 0, "[{\"tokenid\":\"pdm@pbs!sitec\"}]")
                .answer("proxmox-backup-manager user generate-token", 0, "{\"tokenid\":\"pdm@pbs!sitec\",\"value\":\"new-secret\"}");
    }

    /**
     * A retention change in site.yaml reaches an existing prune job: updated, with the keep options
     * the site no longer sets deleted (proxmox-backup src/api2/config/prune.rs DeletableProperty).
     * The Datacenter Manager's user gets the role as well as its token, whose rights are limited to
     * its user's (proxmox-backup docs/user-management.rst).
     */
    @Test
    void pbsJobsFollowSiteYamlAndPdmsUserGetsTheRightsItsTokenNeeds() throws Exception {
        pbsState("[{\"id\":\"sitec-main\",\"store\":\"main\",\"schedule\":\"daily\",\"keep-last\":3,\"keep-daily\":14,\"keep-hourly\":5}]");
        Files.writeString(hosts.tokenDir().resolve("pdm-pbs1-token"), "pdm@pbs!sitec=kept\n");
        FakeHosts.Run run = hosts.play("pbs1", role("pbs", "main.yml"));
        ok(run);
        assertThat(run.lines()).contains(
                "proxmox-backup-manager prune-job update sitec-main --schedule daily --keep-last 3 --keep-daily 7"
                        + " --keep-weekly 4 --keep-monthly 6 --delete keep-hourly",
                "proxmox-backup-manager acl update / Audit --auth-id pdm@pbs",
                "proxmox-backup-manager acl update / Audit --auth-id pdm@pbs!sitec");
        assertThat(run.lines()).noneMatch(l -> l.contains("verify-job create") || l.contains("verify-job update")
                || l.contains("generate-token") || l.contains("delete-token"));

        pbsState("[{\"id\":\"sitec-main\",\"store\":\"main\",\"schedule\":\"daily\",\"keep-last\":3,\"keep-daily\":7,"
                + "\"keep-weekly\":4,\"keep-monthly\":6}]");
        assertThat(hosts.play("pbs1", role("pbs", "main.yml")).lines()).noneMatch(l -> l.contains("prune-job update"));
    }

    /** PBS shows a token's secret only when it is made: a token whose file is gone is made again. */
    @Test
    void aTokenWhoseSecretWasLostOnTheControllerIsMadeAgain() throws Exception {
        pbsState("[]");
        FakeHosts.Run run = hosts.play("pbs1", role("pbs", "main.yml"));
        ok(run);
        assertThat(run.lines()).containsSubsequence("proxmox-backup-manager user delete-token pdm@pbs sitec",
                "proxmox-backup-manager user generate-token pdm@pbs sitec --output-format json");
        assertThat(Files.readString(hosts.tokenDir().resolve("pdm-pbs1-token"))).isEqualTo("pdm@pbs!sitec=new-secret\n");
        assertThat(run.lines()).contains("proxmox-backup-manager prune-job create sitec-main --store main --schedule daily"
                + " --keep-last 3 --keep-daily 7 --keep-weekly 4 --keep-monthly 6");
    }

    /**
     * Issue 26, item 7. k3s_prereqs decides by the host's facts, not by sitec's reading of the image:
     * its defaults evaluated by Ansible with the facts an AlmaLinux 9 host with SELinux enforcing and
     * firewalld running gives (os_family RedHat, selinux.status enabled, service_facts'
     * firewalld.service running), a Fedora 42 host without firewalld (install.sh setup_selinux takes
     * the el8 policy for VERSION_ID > 36) and a Debian host. No RHEL host runs the dnf tasks here.
     */
    @Test
    void thePrereqsChooseSelinuxPolicyAndFirewalldByTheHostsFacts() throws Exception {
        Path defaults = hosts.tree().resolve("ansible/roles/k3s_prereqs/defaults/main.yml");
        String show = "  ansible.builtin.debug:\n    msg: \"{{ [k3s_prereqs_selinux | bool, k3s_prereqs_selinux_el,"
                + " k3s_prereqs_firewalld | bool] | to_json }}\"\n  vars:\n    ansible_facts: ";
        Path playbook = dir.resolve("facts.yml");
        Files.writeString(playbook, ("- hosts: localhost\n  connection: local\n  gather_facts: false\n  tasks:\n"
                + "- name: Read the role's defaults\n  ansible.builtin.include_vars: " + defaults + "\n"
                + "- name: Alma\n" + show + "{os_family: RedHat, distribution: AlmaLinux, distribution_major_version: \"9\","
                + " selinux: {status: enabled, mode: enforcing}, services: {firewalld.service: {state: running}}}\n"
                + "- name: Fedora\n" + show + "{os_family: RedHat, distribution: Fedora, distribution_major_version: \"42\","
                + " selinux: {status: enabled, mode: permissive}, services: {}}\n"
                + "- name: Debian\n" + show + "{os_family: Debian, distribution: Debian, distribution_major_version: \"13\","
                + " selinux: {status: disabled}}\n").replace("\n- name", "\n    - name").replace("\n  ansible.builtin", "\n      ansible.builtin")
                .replace("\n    msg:", "\n        msg:").replace("\n  vars:\n    ansible_facts", "\n      vars:\n        ansible_facts"));
        ExternalTool.Result result = ExternalTool.run(dir, java.util.Map.of("ANSIBLE_NOCOLOR", "1"),
                java.util.List.of("ansible-playbook", "-i", "localhost,", playbook.toString()));
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).containsSubsequence("\"msg\": \"[true, \\\"9\\\", true]\"",
                "\"msg\": \"[true, \\\"8\\\", false]\"", "\"msg\": \"[false, \\\"9\\\", false]\"");

        // A host of another family (its image's os said wrongly in site.yaml) stops before anything is installed.
        Path suse = dir.resolve("suse.yml");
        Files.writeString(suse, "- hosts: localhost\n  connection: local\n  gather_facts: false\n  tasks:\n"
                + "    - name: Run the role\n      ansible.builtin.include_role:\n        name: k3s_prereqs\n"
                + "      vars:\n        ansible_facts: {os_family: Suse, distribution: openSUSE Leap}\n");
        ExternalTool.Result stopped = ExternalTool.run(dir, java.util.Map.of("ANSIBLE_NOCOLOR", "1",
                "ANSIBLE_ROLES_PATH", hosts.tree().resolve("ansible/roles").toString()),
                java.util.List.of("ansible-playbook", "-i", "localhost,", suse.toString()));
        assertThat(stopped.ok()).as(stopped.output()).isFalse();
        assertThat(stopped.output()).contains("k3s_prereqs installs on the Debian family (apt) and the RedHat family (dnf);"
                + " localhost runs openSUSE Leap (os_family Suse): say the image's os in site.yaml as it is")
                .contains("ok=0").contains("failed=1");
    }

    /** The k3s_server manifests task file on a server of sites/k3s-variants.yaml, its manifests folder a test folder. */
    private FakeHosts.Run manifests(FakeHosts variants, String server, Path folder, String vars) {
        return variants.play(server, "- name: Run the role\n  ansible.builtin.include_role:\n    name: k3s_server\n"
                + "    tasks_from: manifests.yml\n  vars:\n    k3s_server_manifests_folder: " + folder + "\n" + vars.indent(4));
    }

    private FakeHosts k3sVariants(String name) throws Exception {
        FakeHosts variants = new FakeHosts(dir.resolve(name), BrokenSite.of(Files.readString(Path.of("sites/k3s-variants.yaml"))));
        variants.replaceInTree("ansible/roles/k3s_server/tasks/manifests.yml", "/usr/local/bin/k3s", "k3s");
        return variants;
    }

    /**
     * Issue 26, item 6 (its review). K3s's deploy controller deletes nothing when a file leaves its
     * manifests folder, and keeps the file's Addon, named by the file name before its first dot, whose
     * checksum then makes it skip the same file put back (k3s pkg/deploy/controller.go listFilesIn,
     * deploy, basename; docs.k3s.io "Managing Packaged Components"). A manifest the cluster no longer
     * has is deleted from it (a HelmChart's deletion makes the Helm controller uninstall the release),
     * then its Addon, then the file; one that only moved to another first server is just removed.
     */
    @Test
    void aManifestTheSiteDropsIsDeletedFromTheClusterThenItsAddonThenTheFile() throws Exception {
        FakeHosts variants = k3sVariants("drop");
        Path folder = Files.createDirectories(dir.resolve("manifests-1"));
        Files.writeString(folder.resolve("sitec-helmchart-gone.yaml"), "kind: HelmChart\n");
        Files.writeString(folder.resolve("traefik.yaml"), "kind: HelmChart\n");
        FakeHosts.Run first = manifests(variants, "cluster-1", folder, "");
        ok(first);
        assertThat(first.lines()).containsExactly(
                "k3s kubectl delete --ignore-not-found --wait=false -f " + folder + "/sitec-helmchart-gone.yaml",
                "k3s kubectl delete addon --namespace kube-system --ignore-not-found sitec-helmchart-gone");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("kube-vip.yaml",
                    "sitec-helmchart-kube-vip-cloud-provider.yaml", "sitec-helmchart-longhorn.yaml", "sitec-helmchart-podinfo.yaml", "sitec-storageclasses.yaml", "traefik.yaml");
        }
        FakeHosts.Run again = manifests(variants, "cluster-1", folder, "");
        ok(again);
        assertThat(again.lines()).isEmpty();
        assertThat(again.result().output()).contains("changed=0");

        // cluster-2 held the HelmCharts when it was the first server: now cluster-1's, they only leave its folder.
        Path second = Files.createDirectories(dir.resolve("manifests-2"));
        Files.writeString(second.resolve("sitec-helmchart-podinfo.yaml"), "kind: HelmChart\n");
        FakeHosts.Run moved = manifests(variants, "cluster-2", second, "");
        ok(moved);
        assertThat(moved.lines()).isEmpty();
        try (var files = Files.list(second)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("kube-vip.yaml");
        }

        // Neither a VIP nor a pool any more: kube-vip leaves the cluster, then its file.
        FakeHosts.Run noVip = manifests(variants, "cluster-2", second, "k3s_load_balancer_ranges: []\n");
        ok(noVip);
        assertThat(noVip.lines()).containsExactly(
                "k3s kubectl delete --ignore-not-found --wait=false -f " + second + "/kube-vip.yaml",
                "k3s kubectl delete addon --namespace kube-system --ignore-not-found kube-vip");
        assertThat(second.resolve("kube-vip.yaml")).doesNotExist();
    }

    /**
     * Longhorn's uninstall deletes every volume's data, and its chart's pre-delete hook refuses it until
     * deleting-confirmation-flag is true (Longhorn 1.12 chart): the play stops, says how, and deletes nothing.
     */
    @Test
    void longhornDroppedFromTheSiteStopsThePlayWithTheWayToUninstallIt() throws Exception {
        FakeHosts variants = k3sVariants("longhorn");
        Path folder = Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(folder.resolve("sitec-helmchart-longhorn.yaml"), "kind: HelmChart\n");
        FakeHosts.Run run = manifests(variants, "cluster-1", folder, "k3s_manifests: [helmchart-podinfo.yaml]\n");
        assertThat(run.result().exit()).isNotZero();
        assertThat(run.result().output()).contains("Longhorn is no longer in site.yaml for cluster cluster",
                "deleting-confirmation-flag");
        assertThat(run.lines()).isEmpty();
        assertThat(folder.resolve("sitec-helmchart-longhorn.yaml")).exists();
    }
}
