package dev.sitec.family.cloudinit;

import dev.sitec.model.Image;
import dev.sitec.model.ImageOs;
import dev.sitec.model.Machine;
import dev.sitec.model.Network;
import dev.sitec.model.Nic;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.plan.FileMode;
import dev.sitec.plan.OutputFamily;
import dev.sitec.plan.PlannedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cloud-init for every VM built from a cloud image (uploaded as Proxmox snippets by Terraform) and
 * every Raspberry Pi (a NoCloud seed on the card's boot partition). VMs installed from an ISO
 * (TrueNAS, PDM) get none: their own installer configures them.
 */
public final class CloudInitFamily implements OutputFamily {

    /** The firmware command line of Ubuntu's Raspberry Pi images (Ubuntu 21.10 and later). */
    static final String PI_FIRMWARE_CMDLINE = "/boot/firmware/cmdline.txt";

    @Override
    public String name() {
        return "cloudinit";
    }

    @Override
    public List<PlannedFile> plan(Site site) {
        List<PlannedFile> files = new ArrayList<>();
        List<String> vms = new ArrayList<>();
        List<String> isoVms = new ArrayList<>();
        for (Vm vm : site.vms().values()) {
            if (!site.configuredByCloudInit(vm)) {
                isoVms.add(vm.name());
                continue;
            }
            vms.add(vm.name());
            files.addAll(noCloudFiles("cloud-init/vms/" + vm.name() + "/", vm.name(), vm.nics(), site,
                    userData(site, vm.name(), List.of("qemu-guest-agent", "python3"), true, false, adminGroup(site, vm))));
        }
        List<CloudInitReadmeView.Pi> pis = new ArrayList<>();
        for (Machine machine : site.machines().values()) {
            String dir = "cloud-init/machines/" + machine.name() + "/";
            Image image = site.images().get(machine.image());
            files.addAll(noCloudFiles(dir, machine.name(), machine.nics(), site,
                    userData(site, machine.name(), piPackages(image), false, true, "sudo")));
            files.add(new PlannedFile(dir + "write-seed.sh", "cloudinit/write-seed.sh.ftl",
                    new SeedScriptView(machine.name(), image.fileName()), FileMode.EXECUTABLE));
            pis.add(new CloudInitReadmeView.Pi(machine.name(), machine.board().id(), image.url()));
        }
        if (!vms.isEmpty() || !pis.isEmpty()) {
            files.add(PlannedFile.of("cloud-init/README.md", "cloudinit/README.md.ftl",
                    new CloudInitReadmeView(vms, isoVms, pis)));
        }
        return files;
    }

    /** The NoCloud trio every host gets: user-data, meta-data, network-config. */
    private static List<PlannedFile> noCloudFiles(String dir, String host, List<Nic> nics, Site site, UserDataView userData) {
        return List.of(
                PlannedFile.of(dir + "user-data", "cloudinit/user-data.yaml.ftl", userData),
                PlannedFile.of(dir + "meta-data", "cloudinit/meta-data.yaml.ftl", metaData(host)),
                PlannedFile.of(dir + "network-config", "cloudinit/network-config.yaml.ftl", networkConfig(site, nics)));
    }

    /**
     * Before Ubuntu 24.04 the raspi kernel kept vxlan, which flannel needs, in
     * linux-modules-extra-raspi (K3s docs, "Enabling VXLAN for Ubuntu 21.10+ on Raspberry Pi"); from
     * 24.04 on it is in the kernel package and the extra package no longer exists, so apt would fail
     * (k3s-io/docs PR #305, k3s-io/k3s-ansible PR #346). An image not named after its release is
     * taken to be current.
     */
    static List<String> piPackages(Image image) {
        boolean extraModules = image.ubuntuRelease().map(r -> r.compareTo("24.04") < 0).orElse(false);
        return extraModules ? List.of("python3", "linux-modules-extra-raspi") : List.of("python3");
    }

    private static UserDataView userData(Site site, String host, List<String> packages, boolean vm, boolean pi, String adminGroup) {
        var info = site.info();
        return new UserDataView(host, info.fqdn(host), info.timezone(), info.adminUser(), info.passwordHash(),
                info.sshAuthorizedKeys(), packages, vm, pi, PI_FIRMWARE_CMDLINE, adminGroup);
    }

    /**
     * The admin user's group: sudo on Debian and Ubuntu, wheel on the RedHat family, whose sudoers
     * gives wheel the rights (cloud-init would otherwise create an empty group called sudo there).
     * The user's own sudo rule grants the rights either way.
     */
    static String adminGroup(Site site, Vm vm) {
        Image image = vm.image().map(site.images()::get).orElse(null);
        if (image == null || image.kind() != Image.Kind.CLOUD_IMAGE) {
            return "sudo";
        }
        return ImageOs.of(image).filter(ImageOs.REDHAT_FAMILY::contains).map(os -> "wheel").orElse("sudo");
    }

    private static MetaDataView metaData(String host) {
        // Stable: cloud-init runs its once-per-instance modules again only if this changes.
        return new MetaDataView("iid-sitec-" + host, host);
    }

    /**
     * The first NIC on DHCP or on a network with a gateway is the primary: default route and DNS (from
     * the site, or from the DHCP server).
     */
    static NetworkConfigView networkConfig(Site site, List<Nic> nics) {
        Optional<Nic> primary = site.primaryNic(nics);
        List<NetworkConfigView.Interface> ethernets = new ArrayList<>();
        List<NetworkConfigView.Interface> vlans = new ArrayList<>();
        for (Nic nic : nics) {
            Network network = site.network(nic.network());
            boolean isPrimary = primary.map(p -> p.index() == nic.index()).orElse(false);
            boolean staticPrimary = isPrimary && !nic.dhcp();
            // A machine's further addresses are VLANs over its one NIC (named parent.vlan).
            boolean vlan = nic.index() > 0 && nic.interfaceName().contains(".");
            String parent = vlan ? nic.interfaceName().substring(0, nic.interfaceName().indexOf('.')) : null;
            NetworkConfigView.Interface iface = new NetworkConfigView.Interface(nic.interfaceName(),
                    nic.mac().map(m -> m.value()).orElse(null), nic.mac().isPresent() && !vlan,
                    vlan ? network.vlan().getAsInt() : null, parent,
                    nic.address().map(a -> a + "/" + network.prefix()).orElse(null), nic.dhcp(), network.mtu(),
                    staticPrimary ? network.gateway().map(Object::toString).orElse(null) : null,
                    staticPrimary ? network.dns().stream().map(Object::toString).toList() : List.of(),
                    staticPrimary ? List.of(site.info().domain()) : List.of(), isPrimary);
            (vlan ? vlans : ethernets).add(iface);
        }
        return new NetworkConfigView(ethernets, vlans);
    }
}
