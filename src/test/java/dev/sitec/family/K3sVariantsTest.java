package dev.sitec.family;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.change.ChangePlan;
import dev.sitec.change.SiteComparison;
import dev.sitec.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26 (K3s): sites/k3s-variants.yaml's clusters without an API VIP or Flux, with Longhorn on root
 * disks and load-balancer pools, named cluster and agents; the rules that guard them, with their exact
 * messages and places; what each family makes of them.
 */
class K3sVariantsTest {

    @TempDir
    Path dir;

    private static final String NO_VIP_WARNING = "kubernetes.cluster has no api_vip: its API is the first server 'cluster-1'"
            + " (192.168.50.11) and has no failover; while 'cluster-1' is down, kubectl and joining nodes cannot reach the cluster";
    private static final String NO_VIP_HINT = "set api_vip to a free address on network 'lan': kube-vip then holds it on"
            + " whichever server is up";

    static BrokenSite site() {
        try {
            return BrokenSite.of(Files.readString(Path.of("sites/k3s-variants.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSiteValidatesWithTheNoFailoverWarningOnly() {
        BrokenSite site = site();
        assertThat(site.diagnostics(dir)).containsExactly(site.warning("  cluster:\n    distribution", "cluster",
                NO_VIP_WARNING, NO_VIP_HINT));
    }

    @Test
    void oneServerWithoutAVipIsNoWarning() {
        BrokenSite site = site().replace("servers: [cluster-1, cluster-2, cluster-3]", "servers: [cluster-1]")
                .replace("agents: [cluster-w-1, pi-1, pi-2]", "agents: [cluster-2, cluster-3, cluster-w-1, pi-1, pi-2]");
        assertThat(site.diagnostics(dir)).isEmpty();
    }

    @Test
    void withoutAVipTheApiIsTheFirstServersAddressEverywhere() {
        Map<String, RenderedFile> files = site().generate(dir);
        assertThat(files.get("ansible/host_files/cluster-w-1/k3s-agent.yaml").text()).contains("server: \"https://192.168.50.11:6443\"\n");
        assertThat(files.get("ansible/host_files/cluster-2/k3s-server.yaml").text())
                .contains("tls-san:\n  - \"192.168.50.11\"\n  - \"cluster.variants.home.arpa\"\n  - \"cluster-2.variants.home.arpa\"\n",
                        "disable:\n  - \"local-storage\"\n  - \"servicelb\"\n");
        assertThat(files.get("ansible/inventory/group_vars/k3s_cluster_cluster.yml").text()).contains(
                "k3s_api_address: !unsafe \"192.168.50.11\"\nk3s_api_vip: !unsafe \"\"\n",
                "k3s_join_addresses:\n  - !unsafe \"192.168.50.12\"\n  - !unsafe \"192.168.50.13\"\n",
                "k3s_load_balancer_ranges: !unsafe \"192.168.50.200-192.168.50.219,192.168.50.224-192.168.50.239\"\n",
                "k3s_flux_version: !unsafe \"\"\n");
        assertThat(files.get("ansible/inventory/group_vars/k3s_cluster_agents.yml").text()).contains(
                "k3s_api_address: !unsafe \"192.168.50.30\"\nk3s_api_vip: !unsafe \"192.168.50.30\"\n",
                "k3s_join_addresses:\n  - !unsafe \"192.168.50.30\"\n", "k3s_manifests: []\n");
    }

    @Test
    void withoutFluxK3sHelmControllerInstallsTheChartsAndNoBootstrapRuns() {
        Map<String, RenderedFile> files = site().generate(dir);
        assertThat(files).containsKeys("ansible/host_files/cluster-1/manifests/helmchart-longhorn.yaml",
                "ansible/host_files/cluster-1/manifests/helmchart-kube-vip-cloud-provider.yaml",
                "ansible/host_files/cluster-1/manifests/helmchart-podinfo.yaml",
                "ansible/host_files/cluster-1/manifests/storageclasses.yaml",
                "flux/infrastructure/agents/controllers/kube-vip-cloud-provider.yaml");
        assertThat(files.keySet()).noneMatch(p -> p.startsWith("flux/") && p.contains("/cluster/"));
        assertThat(files.get("ansible/host_files/cluster-1/manifests/helmchart-podinfo.yaml").text()).contains(
                "apiVersion: helm.cattle.io/v1\nkind: HelmChart\nmetadata:\n  name: \"podinfo\"\n  namespace: kube-system\n"
                        + "spec:\n  repo: \"https://stefanprodan.github.io/podinfo\"\n  chart: \"podinfo\"\n  version: \"6.9.2\"\n"
                        + "  targetNamespace: \"podinfo\"\n  createNamespace: true\n  valuesContent: |-\n    \"replicaCount\": 2\n");
        assertThat(files.get("ansible/playbooks/flux.yml").text()).contains("      when: k3s_flux_version | length == 0\n");
        assertThat(files.get("ansible/inventory/group_vars/k3s_cluster_cluster.yml").text()).contains(
                "k3s_manifests:\n  - !unsafe \"helmchart-longhorn.yaml\"\n");
    }

    @Test
    void longhornUsesTheRootDisksButNeverAnSdCard() {
        Map<String, RenderedFile> files = site().generate(dir);
        assertThat(files.get("ansible/host_files/cluster-w-1/k3s-agent.yaml").text())
                .contains("  - \"node.longhorn.io/create-default-disk=true\"");
        assertThat(files.get("ansible/host_files/pi-1/k3s-agent.yaml").text())
                .contains("  - \"node.longhorn.io/create-default-disk=true\"");
        assertThat(files.get("ansible/host_files/pi-2/k3s-agent.yaml").text()).doesNotContain("create-default-disk");
    }

    @Test
    void aNodeOffTheFirstServersNetworkIsNamedWithTheApiItCannotReach() {
        BrokenSite site = site().replace("networks:\n", "networks:\n  other: { cidr: 192.168.60.0/24, gateway: 192.168.60.1 }\n")
                .replace("cluster-w-1: { node: pve, profile: k3s, address: { lan: dhcp } }",
                        "cluster-w-1: { node: pve, profile: k3s, address: { other: 192.168.60.5 } }");
        assertThat(site.errors(dir)).containsExactly(site.error("agents: [cluster-w-1, pi-1, pi-2]", "cluster-w-1",
                "'cluster-w-1' has no address on network 'lan', where the API (first server 'cluster-1', 192.168.50.11) is",
                "give 'cluster-w-1' an address on 'lan'"));
    }

    @Test
    void aPoolOutsideTheServersNetworkIsRefused() {
        BrokenSite site = site().replace("addresses: [192.168.50.240-192.168.50.247]", "addresses: [10.9.0.10-10.9.0.20]");
        assertThat(site.errors(dir)).containsExactly(site.error("addresses: [10.9.0.10-10.9.0.20]", "10.9.0.10-10.9.0.20",
                "load_balancer address range 10.9.0.10-10.9.0.20 is not inside a network every server of kubernetes.agents"
                        + " has an address on; kube-vip announces Service addresses from the servers, by ARP on their own link",
                "pick addresses inside lan 192.168.50.0/24"));
    }

    @Test
    void aPoolHoldingAStaticAddressOrTheGatewayIsRefused() {
        BrokenSite site = site().replace("addresses: [192.168.50.240-192.168.50.247]", "addresses: [192.168.50.1-192.168.50.11]");
        assertThat(site.errors(dir)).containsExactly(site.error("addresses: [192.168.50.1-192.168.50.11]",
                "192.168.50.1-192.168.50.11", "load_balancer address range 192.168.50.1-192.168.50.11 holds addresses already in"
                        + " use: 192.168.50.1 is network lan's gateway; 192.168.50.2 is the address of node 'pve' (line 35);"
                        + " 192.168.50.11 is the address of vm 'cluster-1' (line 39)",
                "keep the pool clear of the site's static addresses, e.g. a range at the end of lan that no host uses"));
    }

    @Test
    void poolsMayNotOverlapOrRunBackwards() {
        BrokenSite site = site().replace("addresses: [192.168.50.240-192.168.50.247]",
                "addresses: [192.168.50.230-192.168.50.247, 192.168.50.250-192.168.50.249]");
        assertThat(site.errors(dir)).containsExactly(
                site.error("addresses: [192.168.50.230-192.168.50.247", "192.168.50.230-192.168.50.247",
                        "load_balancer address range 192.168.50.230-192.168.50.247 overlaps 192.168.50.224/28 of"
                                + " kubernetes.cluster (line 55)", "give each range its own addresses"),
                site.error("192.168.50.250-192.168.50.249]", "192.168.50.250-192.168.50.249",
                        "load_balancer address range 192.168.50.250-192.168.50.249 runs backwards",
                        "write the lower address first: 192.168.50.249-192.168.50.250"));
    }

    @Test
    void aPoolMustBeARangeOrACidr() {
        BrokenSite site = site().replace("addresses: [192.168.50.240-192.168.50.247]", "addresses: [192.168.50.240]");
        assertThat(site.errors(dir)).singleElement().satisfies(d -> assertThat(d.message())
                .startsWith("kubernetes.agents.load_balancer.addresses[0]"));
    }

    /**
     * Without Flux every app is a HelmChart named after it in kube-system, as sitec's Longhorn and K3s's
     * packaged Traefik are (k3s manifests/traefik.yaml): an app may not take one of their names (it
     * crashed generate before: two planned files shared a path). With Flux each is its own HelmRelease.
     */
    @Test
    void withoutFluxAnAppMayNotTakeTheNameOfAKubeSystemHelmChart() {
        BrokenSite site = site().replace("""
                    apps:
                      podinfo:
                        chart: { repository: https://stefanprodan.github.io/podinfo, name: podinfo, version: 6.9.2 }
                        values: { replicaCount: 2, service: { type: LoadBalancer } }
                """, """
                    apps:
                      longhorn:
                        chart: { repository: https://charts.longhorn.io, name: longhorn, version: 1.12.1 }
                      traefik:
                        chart: { repository: https://traefik.github.io/charts, name: traefik, version: 37.1.0 }
                      podinfo:
                        chart: { repository: https://stefanprodan.github.io/podinfo, name: podinfo, version: 6.9.2 }
                        values: { replicaCount: 2, service: { type: LoadBalancer } }
                """);
        assertThat(site.errors(dir)).containsExactly(
                site.error("      longhorn:\n        chart", "longhorn", "app 'longhorn' of kubernetes.cluster has the name of a"
                        + " chart sitec installs itself: without Flux, both would be the HelmChart longhorn in kube-system, and"
                        + " one would overwrite the other", "say storage.longhorn on the cluster instead of an app"),
                site.error("      traefik:", "traefik", "app 'traefik' of kubernetes.cluster has the name of a HelmChart K3s"
                        + " keeps in kube-system for its packaged Traefik: without Flux, the app would be that HelmChart too,"
                        + " and K3s and the app would overwrite each other", "give the app another name, e.g. traefik-app"));
        // The Flux cluster 'agents' may have an app called traefik: a HelmRelease in its own namespace.
        BrokenSite agents = site().replace("clusters/agents }\n    apps:\n", "clusters/agents }\n    apps:\n"
                + "      traefik:\n        chart: { repository: https://traefik.github.io/charts, name: traefik, version: 37.1.0 }\n");
        assertThat(agents.errors(dir)).isEmpty();
    }

    /**
     * An AlmaLinux agent (agents-alma-1) is accepted, and what it gets takes the RedHat family's path:
     * k3s_prereqs installs with dnf by the host's os_family (not by sitec's guess from the image), the
     * K3s SELinux policy at a pinned version from Rancher's repository as K3s's install.sh
     * setup_selinux configures it (rpm.rancher.io/k3s/stable/common/centos/9/noarch, gpgkey
     * rpm.rancher.io/public.key), firewalld's rules from docs.k3s.io installation/requirements, and
     * cloud-init puts the admin user in wheel (EL's sudoers group) instead of Debian's sudo.
     */
    @Test
    void anAlmaNodeIsAcceptedAndItsPrereqsTakeTheDnfPath() {
        BrokenSite site = site();
        assertThat(site.errors(dir)).isEmpty();
        Map<String, RenderedFile> files = site.generate(dir);
        assertThat(files.get("ansible/inventory/host_vars/agents-alma-1.yml").text()).contains("k3s_role: !unsafe \"agent\"\n");
        assertThat(files.get("ansible/roles/k3s_prereqs/tasks/main.yml").text()).contains(
                "- name: Install the packages K3s and Longhorn need (apt)\n  ansible.builtin.apt:\n",
                "  when: ansible_facts['os_family'] == 'Debian'\n",
                "  ansible.builtin.include_tasks: redhat.yml\n  when: ansible_facts['os_family'] == 'RedHat'\n");
        assertThat(files.get("ansible/roles/k3s_prereqs/tasks/redhat.yml").text()).contains(
                "  ansible.builtin.dnf:\n    name: \"{{ k3s_prereqs_packages_redhat }}\"\n",
                "    baseurl: \"https://rpm.rancher.io/k3s/stable/common/centos/{{ k3s_prereqs_selinux_el }}/noarch\"\n"
                        + "    gpgcheck: true\n    repo_gpgcheck: false\n    gpgkey: https://rpm.rancher.io/public.key\n",
                "    name: \"k3s-selinux-{{ k3s_prereqs_selinux_version }}.el{{ k3s_prereqs_selinux_el }}\"\n",
                "  ansible.builtin.systemd:\n    name: iscsid\n    enabled: true\n",
                "    source: \"{{ item }}\"\n    zone: trusted\n",
                // EL's sudoers leaves /usr/local/bin out of secure_path (k3s-ansible roles/prereq: "Add /usr/local/bin to sudo secure_path")
                "    dest: /etc/sudoers.d/10-sitec-k3s-path\n"
                        + "    content: \"Defaults secure_path = /sbin:/bin:/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin\\n\"\n");
        assertThat(files.get("ansible/roles/k3s_prereqs/defaults/main.yml").text()).contains(
                "k3s_prereqs_packages_redhat: [iscsi-initiator-utils, nfs-utils, cryptsetup, device-mapper, container-selinux, tar, curl, ca-certificates]\n",
                "k3s_prereqs_selinux_version: \"1.6-1\"\n",
                "k3s_prereqs_firewalld_ports: [8472/udp, 10250/tcp]\n",
                "k3s_prereqs_firewalld_server_ports: [6443/tcp, 2379-2380/tcp]\n",
                "k3s_prereqs_cluster_networks: [10.42.0.0/16, 10.43.0.0/16]\n");
        assertThat(files.get("ansible/roles/k3s_agent/tasks/main.yml").text()).contains(
                "    setype: container_runtime_exec_t\n  when: k3s_agent_selinux | bool\n",
                "    dest: /etc/rancher/k3s/config.yaml.d/30-selinux.yaml\n    content: \"selinux: true\\n\"\n");
        assertThat(files.get("cloud-init/vms/agents-alma-1/user-data").text()).contains("    groups: [wheel]\n")
                .contains("  - \"qemu-guest-agent\"\n");
        assertThat(files.get("cloud-init/vms/agents-cp-1/user-data").text()).contains("    groups: [sudo]\n");
    }

    @Test
    void aNodeOnOpenSuseIsRefusedNamingItsDistribution() {
        BrokenSite site = site().replace("images:\n", "images:\n  leap: { arch: amd64, url: \"https://download.opensuse.org/distribution/leap/15.6/appliances/openSUSE-Leap-15.6-Minimal-VM.x86_64-Cloud.qcow2\" }\n")
                .replace("cluster-w-1: { node: pve, profile: k3s,", "cluster-w-1: { node: pve, profile: k3s, image: leap,");
        assertThat(site.errors(dir)).containsExactly(site.error("agents: [cluster-w-1, pi-1, pi-2]", "cluster-w-1",
                "K3s node 'cluster-w-1' runs opensuse (image 'leap'): sitec installs the K3s prerequisites on Debian, Ubuntu"
                        + " or the RedHat family (AlmaLinux, Rocky, Fedora, CentOS Stream) only",
                "build 'cluster-w-1' from a Debian, Ubuntu, AlmaLinux, Rocky, Fedora or CentOS Stream cloud image"));
    }

    @Test
    void aNodeOnAnImageOfUnknownDistributionIsRefusedUntilTheImageSaysIt() {
        BrokenSite site = site().replace("images:\n", "images:\n  mine: { arch: amd64, url: \"https://files.variants.home.arpa/golden.qcow2\" }\n")
                .replace("cluster-w-1: { node: pve, profile: k3s,", "cluster-w-1: { node: pve, profile: k3s, image: mine,");
        assertThat(site.errors(dir)).containsExactly(site.error("agents: [cluster-w-1, pi-1, pi-2]", "cluster-w-1",
                "K3s node 'cluster-w-1' is built from image 'mine', and sitec cannot tell its distribution from the file name"
                        + " 'golden.qcow2'; sitec installs the K3s prerequisites on Debian, Ubuntu or the RedHat family"
                        + " (AlmaLinux, Rocky, Fedora, CentOS Stream)",
                "say it on the image: os: debian, ubuntu, centos (for an Enterprise Linux rebuild) or fedora"));
        assertThat(site.replace("golden.qcow2\" }", "golden.qcow2\", os: debian }").errors(dir)).isEmpty();
        assertThat(site.replace("golden.qcow2\" }", "golden.qcow2\", os: centos }").errors(dir)).isEmpty();
        assertThat(site.replace("golden.qcow2\" }", "golden.qcow2\", os: archlinux }").errors(dir)).containsExactly(
                site.error("agents: [cluster-w-1, pi-1, pi-2]", "cluster-w-1", "K3s node 'cluster-w-1' runs archlinux"
                        + " (image 'mine'): sitec installs the K3s prerequisites on Debian, Ubuntu or the RedHat family"
                        + " (AlmaLinux, Rocky, Fedora, CentOS Stream) only",
                        "build 'cluster-w-1' from a Debian, Ubuntu, AlmaLinux, Rocky, Fedora or CentOS Stream cloud image"));
    }

    /** The gpu role installs NVIDIA's driver from Debian's non-free component (its tasks/main.yml). */
    @Test
    void anNvidiaGpuOnAnAlmaNodeIsRefused() {
        BrokenSite site = BrokenSite.reference().replace("images:\n", "images:\n  alma: { arch: amd64, url: \"https://repo.almalinux.org/almalinux/9/cloud/x86_64/images/AlmaLinux-9-GenericCloud-9.6-20250522.x86_64.qcow2\" }\n")
                .replace("    node: pve2\n    profile: k3s-agent\n", "    node: pve2\n    profile: k3s-agent\n    image: alma\n");
        assertThat(site.errors(dir)).containsExactly(site.error("agents: [k3s-w-1, k3s-w-gpu, k3s-w-tpu, rpi-1, rpi-2, rpi-3]",
                "k3s-w-gpu", "K3s node 'k3s-w-gpu' runs almalinux (image 'alma') and has an NVIDIA GPU: sitec installs NVIDIA's"
                        + " driver and container toolkit on Debian only",
                "build 'k3s-w-gpu' from a Debian cloud image, or move the GPU to a Debian node"));
    }

    @Test
    void planShowsTheApiMovingWhenTheVipGoes() {
        BrokenSite edited = site().replace("    api_vip: 192.168.50.30\n", "");
        ChangePlan plan = SiteComparison.compare(model(site()), model(edited));
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("k3s agents");
            assertThat(c.detail()).isEqualTo("api_vip 192.168.50.30 -> none");
            assertThat(c.cause()).contains("the API moves to 192.168.50.31: the API certificate's names (tls-san), the agents'"
                    + " and joining servers' server URL, kube-vip and every kubeconfig change");
        });
    }

    @Test
    void planShowsAPoolChange() {
        BrokenSite edited = site().replace("addresses: [192.168.50.240-192.168.50.247]", "addresses: [192.168.50.240-192.168.50.250]");
        ChangePlan plan = SiteComparison.compare(model(site()), model(edited));
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.detail()).isEqualTo("load_balancer 192.168.50.240-192.168.50.247 -> 192.168.50.240-192.168.50.250");
            assertThat(c.cause()).contains("Services keep the addresses they hold; new ones get addresses from the new pool"
                    + " (Flux reconciles it from the repository)");
        });
    }

    private static dev.sitec.model.Site model(BrokenSite site) {
        return new dev.sitec.SiteCompiler().validateText(site.text(), "site.yaml").site().orElseThrow();
    }
}
