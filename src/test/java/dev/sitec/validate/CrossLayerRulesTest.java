package dev.sitec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.BrokenSite;
import dev.sitec.render.RenderedFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that look across layers (hardware, Proxmox, K3s, Longhorn): each finding, where it is,
 * with its fix; and the scheduling an accelerator node gets (labels, taints, tolerations).
 */
class CrossLayerRulesTest {

    @TempDir
    Path dir;

    private static final String RPI_1 = "rpi-1: { board: raspberry-pi-5, image: ubuntu-2404-raspi, boot_medium: nvme,";

    /** rpi-1 made the third server, in place of k3s-cp-3 (which becomes an agent). */
    private static BrokenSite piServer(String bootMedium) {
        return BrokenSite.reference()
                .replace("servers: [k3s-cp-1, k3s-cp-2, k3s-cp-3]", "servers: [k3s-cp-1, k3s-cp-2, rpi-1]")
                .replace("k3s-w-tpu, rpi-1, rpi-2", "k3s-w-tpu, k3s-cp-3, rpi-2")
                .replace(RPI_1, "rpi-1: { board: raspberry-pi-5, image: ubuntu-2404-raspi," + bootMedium)
                .replace("roles: [k3s-agent], longhorn_disk: /dev/sda }\n  rpi-2", "roles: [k3s-server], longhorn_disk: /dev/sda }\n  rpi-2");
    }

    @Test
    void anEtcdMemberOnAnSdCardIsWarnedAbout() {
        BrokenSite site = piServer(" boot_medium: sd,");
        assertThat(site.diagnostics(dir)).containsExactly(site.warning("k3s-cp-2, rpi-1]", "rpi-1",
                "machine 'rpi-1' is an etcd member and boots from an SD card; etcd's writes wear SD cards out",
                "prefer VMs as servers, or boot the machine from USB or NVMe"));
    }

    @Test
    void anEtcdMemberThatMayBootFromAnSdCardIsWarnedAbout() {
        BrokenSite site = piServer("");
        assertThat(site.diagnostics(dir)).containsExactly(site.warning("k3s-cp-2, rpi-1]", "rpi-1",
                "machine 'rpi-1' is an etcd member and may boot from an SD card; etcd's writes wear SD cards out",
                "prefer VMs as servers; if it boots from USB or NVMe, say so with boot_medium"));
    }

    @Test
    void anEtcdMemberOnNvmeIsFine() {
        assertThat(piServer(" boot_medium: nvme,").diagnostics(dir)).isEmpty();
    }

    @Test
    void aLonghornDiskOnTheSdCardIsWarnedAbout() {
        BrokenSite site = BrokenSite.reference().replace("roles: [k3s-agent], longhorn_disk: /dev/sda }\n  rpi-2",
                "roles: [k3s-agent], longhorn_disk: /dev/mmcblk0 }\n  rpi-2");
        assertThat(site.diagnostics(dir)).containsExactly(site.warning("longhorn_disk: /dev/mmcblk0", "/dev/mmcblk0",
                "longhorn_disk of machine 'rpi-1' is its SD card; Longhorn's replica writes wear SD cards out",
                "give Longhorn an SSD (e.g. /dev/sda on USB), or leave out longhorn_disk"));
    }

    @Test
    void longhornReplicasNeedAsManyNodesThatCanHoldOne() {
        // Issue 26, item 5: every VM holds replicas (on its Longhorn disk, else its root disk); rpi-3 boots from SD.
        BrokenSite site = BrokenSite.reference().replace("default_replicas: 3", "default_replicas: 9");
        assertThat(site.diagnostics(dir)).containsExactly(site.error("default_replicas: 9", "9",
                "longhorn default_replicas is 9, but only 8 K3s nodes can hold a replica (k3s-cp-1, k3s-cp-2, k3s-cp-3,"
                        + " k3s-w-1, k3s-w-gpu, k3s-w-tpu, rpi-1, rpi-2); Longhorn puts each replica on another node, so every"
                        + " volume would stay degraded",
                "lower default_replicas to 8, or let more nodes hold replicas (a VM in the cluster, a machine's"
                        + " longhorn_disk, or boot_medium usb or nvme)"));
    }

    @Test
    void longhornWithoutANodeForReplicasSaysNoVolumeCanBeMadeEvenWithOneReplica() {
        // Issue 26, item 5: replicas already 1, and only a Pi on an SD card: "lower to 1" and "degraded" were wrong.
        BrokenSite site = BrokenSite.reference()
                .replace("  servers: [k3s-cp-1, k3s-cp-2, k3s-cp-3]\n  agents: [k3s-w-1, k3s-w-gpu, k3s-w-tpu, rpi-1, rpi-2, rpi-3]",
                        "  servers: [rpi-3]")
                .replace("default_replicas: 3", "default_replicas: 1");
        assertThat(site.errors(dir)).contains(site.error("default_replicas: 1", "1",
                "no K3s node of kubernetes can hold a Longhorn replica (every one is a Raspberry Pi that boots, or may boot,"
                        + " from an SD card): Longhorn could not make any volume",
                "give a node a disk for Longhorn (a machine's longhorn_disk, or boot_medium usb or nvme), add a VM to the"
                        + " cluster, or remove storage.longhorn"));
    }

    @Test
    void aGpuOnAK3sNodeNeedsTheDevicePlugin() {
        BrokenSite site = BrokenSite.reference().replace("  gpu: { nvidia_device_plugin: 0.17.3 }\n", "");
        assertThat(site.diagnostics(dir)).containsExactly(site.warning("passthrough: [gpu0]", "gpu0",
                "K3s node 'k3s-w-gpu' gets GPU 'gpu0', but pods can request it only through NVIDIA's device plugin,"
                        + " which the site does not install", "add kubernetes.gpu: { nvidia_device_plugin: 0.17.3 }"));
    }

    @Test
    void anAcceleratorOutsideTheClusterGetsANote() {
        BrokenSite site = BrokenSite.reference().replace("agents: [k3s-w-1, k3s-w-gpu, k3s-w-tpu,", "agents: [k3s-w-1, k3s-w-gpu,");
        assertThat(site.diagnostics(dir)).containsExactly(site.note("passthrough: [coral0]", "coral0",
                "vm 'k3s-w-tpu' gets TPU 'coral0' but is not a K3s node: pods cannot use it",
                "that is right when the VM uses it itself; for pods, add the VM to kubernetes.agents"));
    }

    @Test
    void acceleratorNodesAreTaintedAndWhatMustRunThereToleratesIt() {
        BrokenSite site = BrokenSite.reference().replace("      values: { replicaCount: 2 }",
                "      values: { replicaCount: 2 }\n      node_selector: { accelerator: nvidia }");
        Map<String, RenderedFile> files = site.generate(dir);
        assertThat(files.get("ansible/host_files/k3s-w-gpu/k3s-agent.yaml").text())
                .contains("node-taint:\n  - \"nvidia.com/gpu=true:NoSchedule\"\n");
        assertThat(files.get("ansible/host_files/k3s-w-tpu/k3s-agent.yaml").text())
                .contains("node-taint:\n  - \"sitec.dev/tpu=coral:NoSchedule\"\n");
        assertThat(files.get("ansible/host_files/k3s-w-1/k3s-agent.yaml").text()).doesNotContain("node-taint");
        String longhorn = files.get("flux/infrastructure/homelab/controllers/longhorn.yaml").text();
        assertThat(longhorn).contains("\"taintToleration\": \"nvidia.com/gpu=true:NoSchedule;sitec.dev/tpu=coral:NoSchedule\"",
                "\"longhornManager\":\n      \"tolerations\":", "\"longhornDriver\":\n      \"tolerations\":");
        // podinfo now runs only where accelerator=nvidia: on k3s-w-gpu, whose taint it must tolerate.
        assertThat(files.get("flux/apps/homelab/podinfo/release.yaml").text()).contains("\"tolerations\":\n      -\n"
                + "        \"key\": \"nvidia.com/gpu\"\n        \"operator\": \"Equal\"\n        \"value\": \"true\"\n"
                + "        \"effect\": \"NoSchedule\"");
    }
}
