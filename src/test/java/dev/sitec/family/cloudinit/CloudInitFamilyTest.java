package dev.sitec.family.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sitec.BrokenSite;
import dev.sitec.plan.FileMode;
import dev.sitec.render.RenderedFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudInitFamilyTest {

    @TempDir
    Path dir;

    private Map<String, RenderedFile> files;

    @BeforeEach
    void generate() {
        files = BrokenSite.reference().generate(dir);
    }

    private JsonNode yaml(String path) throws Exception {
        return new YAMLMapper().readTree(files.get(path).text());
    }

    @Test
    void cloudImageVmsGetAllThreeFilesIsoVmsNone() {
        for (String vm : new String[] {"k3s-cp-1", "k3s-w-gpu", "k3s-w-tpu"}) {
            assertThat(files).containsKeys("cloud-init/vms/" + vm + "/user-data", "cloud-init/vms/" + vm + "/meta-data",
                    "cloud-init/vms/" + vm + "/network-config");
        }
        assertThat(files.keySet()).noneMatch(p -> p.startsWith("cloud-init/vms/truenas/") || p.startsWith("cloud-init/vms/pdm/"));
    }

    @Test
    void userDataCreatesTheAdminWithKeysAndNoPasswordLogin() throws Exception {
        RenderedFile file = files.get("cloud-init/vms/k3s-cp-1/user-data");
        assertThat(file.text()).startsWith("#cloud-config\n");
        JsonNode userData = yaml("cloud-init/vms/k3s-cp-1/user-data");
        JsonNode user = userData.get("users").get(0);
        assertThat(user.get("name").asText()).isEqualTo("ops");
        assertThat(user.get("ssh_authorized_keys").get(0).asText()).startsWith("ssh-ed25519 ");
        assertThat(user.get("hashed_passwd").asText()).startsWith("$6$");
        assertThat(userData.get("ssh_pwauth").asBoolean()).isFalse();
        assertThat(userData.get("packages")).extracting(JsonNode::asText).contains("qemu-guest-agent", "python3");
        assertThat(userData.get("runcmd").toString()).contains("qemu-guest-agent");
        assertThat(userData.has("power_state")).isFalse();
    }

    @Test
    void eachNicIsMatchedByItsStableMacAndOnlyThePrimaryRoutes() throws Exception {
        var vm = BrokenSite.reference().validate(dir).site().orElseThrow().vms().get("k3s-w-1");
        JsonNode ethernets = yaml("cloud-init/vms/k3s-w-1/network-config").get("network").get("ethernets");
        JsonNode servers = ethernets.get("net0");
        JsonNode storage = ethernets.get("net1");
        assertThat(servers.get("match").get("macaddress").asText()).isEqualTo(vm.nics().get(0).guestMac().value());
        assertThat(servers.get("addresses").get(0).asText()).isEqualTo("10.10.20.31/24");
        assertThat(servers.get("routes").get(0).get("via").asText()).isEqualTo("10.10.20.1");
        assertThat(servers.get("nameservers").get("addresses").get(0).asText()).isEqualTo("10.10.10.1");
        assertThat(storage.get("match").get("macaddress").asText()).isEqualTo(vm.nics().get(1).guestMac().value());
        assertThat(storage.get("mtu").asInt()).isEqualTo(9000);
        assertThat(storage.has("routes")).isFalse();
        assertThat(storage.has("nameservers")).isFalse();
    }

    /**
     * Ubuntu 24.04's raspi kernel carries vxlan and linux-modules-extra-raspi no longer exists there
     * (k3s-io/docs PR #305, k3s-io/k3s-ansible PR #346): asking apt for it fails every Pi's first
     * boot. Only an image of an older release gets it.
     */
    @Test
    void raspberryPisGetTheK3sExtrasForTheirReleaseAndOneReboot() throws Exception {
        JsonNode userData = yaml("cloud-init/machines/rpi-1/user-data");
        assertThat(userData.get("packages")).extracting(JsonNode::asText).containsExactly("python3");
        var jammy = BrokenSite.reference().replace("releases/24.04/release/ubuntu-24.04.3-preinstalled",
                "releases/22.04/release/ubuntu-22.04.5-preinstalled").generate(java.nio.file.Files.createDirectories(dir.resolve("jammy")));
        assertThat(new YAMLMapper().readTree(jammy.get("cloud-init/machines/rpi-1/user-data").text()).get("packages"))
                .extracting(JsonNode::asText).containsExactly("python3", "linux-modules-extra-raspi");
        assertThat(userData.get("runcmd").toString()).contains("cgroup_memory=1 cgroup_enable=memory")
                .contains("/boot/firmware/cmdline.txt").doesNotContain("qemu-guest-agent");
        assertThat(userData.get("power_state").get("mode").asText()).isEqualTo("reboot");
        JsonNode nic = yaml("cloud-init/machines/rpi-1/network-config").get("network").get("ethernets").get("net0");
        assertThat(nic.get("match").get("macaddress").asText()).isEqualTo("2c:cf:67:00:00:01");
        assertThat(files.get("cloud-init/machines/rpi-1/write-seed.sh").mode()).isEqualTo(FileMode.EXECUTABLE);
    }

    @Test
    void instanceIdsAreStable() throws Exception {
        assertThat(yaml("cloud-init/machines/rpi-2/meta-data").get("instance-id").asText()).isEqualTo("iid-sitec-rpi-2");
        assertThat(yaml("cloud-init/vms/k3s-cp-2/meta-data").get("local-hostname").asText()).isEqualTo("k3s-cp-2");
    }

    @Test
    void theSeedScriptRefusesAFolderThatIsNotABootPartition() throws Exception {
        Path out = dir.resolve("tree");
        new dev.sitec.write.OutputWriter().write(out, java.util.List.copyOf(files.values()));
        Path target = java.nio.file.Files.createDirectories(dir.resolve("not-boot"));
        Process p = new ProcessBuilder("bash", out.resolve("cloud-init/machines/rpi-1/write-seed.sh").toString(),
                target.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(output).contains("is not a Raspberry Pi boot partition");
        java.nio.file.Files.writeString(target.resolve("cmdline.txt"), "console=tty1\n");
        java.nio.file.Files.writeString(target.resolve("config.txt"), "[all]\n");
        p = new ProcessBuilder("bash", out.resolve("cloud-init/machines/rpi-1/write-seed.sh").toString(),
                target.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        assertThat(target.resolve("user-data")).hasSameTextualContentAs(out.resolve("cloud-init/machines/rpi-1/user-data"));
        assertThat(target.resolve("network-config")).exists();
    }
}
