package dev.sitec.family.ansible;

import dev.sitec.model.Container;
import dev.sitec.model.Device;
import dev.sitec.model.Image;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What each Proxmox node does for its guests that Terraform cannot: settings only root@pam may make
 * (qemu-server check_usb_perm; pve-container check_ct_modify_config_perm: bind mounts, devN, every
 * feature but nesting, and every feature of a privileged container), disk images PVE cannot
 * decompress, and the datastores the guests need.
 */
public final class GuestSettings {

    /** The IDE slot of a Windows VM's driver CD-ROM; ide3 holds the installer, ide2 is cloud-init's. */
    static final String DRIVERS_SLOT = "ide0";

    private GuestSettings() {
    }

    /**
     * Every node's guests, in site order, each with the settings Ansible makes on it: one walk over
     * the VMs and containers. A guest without settings is listed too, so that Ansible can delete
     * those it made before and the site no longer lists.
     */
    static Map<String, List<AnsibleViews.Guest>> byNode(Site site) {
        Map<String, List<AnsibleViews.Guest>> byNode = new HashMap<>();
        for (Vm vm : site.vms().values()) {
            List<AnsibleViews.Setting> settings = new ArrayList<>();
            of(site, vm).forEach((option, value) -> settings.add(new AnsibleViews.Setting(option, value)));
            // Created stopped by Terraform (VmViews: start_at_create) so that the drivers drive is there at its first start.
            byNode.computeIfAbsent(vm.node(), n -> new ArrayList<>()).add(new AnsibleViews.Guest(vm.name(), vm.vmId(), "qm",
                    vm.isPet(), settings.stream().anyMatch(x -> x.option().equals(DRIVERS_SLOT)), List.copyOf(settings), List.of()));
        }
        for (Container ct : site.containers().values()) {
            List<AnsibleViews.Setting> settings = new ArrayList<>();
            of(ct).forEach((option, value) -> settings.add(new AnsibleViews.Setting(option, value)));
            List<String> notes = new ArrayList<>();
            List<String> binds = ct.mounts().stream().filter(Container.Mount::bind).map(m -> m.hostPath().get()).toList();
            if (ct.unprivileged() && !binds.isEmpty()) {
                // PVE's id map for an unprivileged container without lxc.idmap lines (pve-container
                // src/PVE/LXC.pm update_lxc_config: "lxc.idmap = u 0 100000 65536", g likewise).
                notes.add(ct.name() + " is unprivileged: uid or gid N inside it is 100000+N on " + ct.node()
                        + " (root is 100000), and a host id outside 100000-165535 shows as nobody/nogroup (65534).");
                notes.add("Give " + String.join(", ", binds) + " to the host ids its services use, e.g. chown -R 100000+N:100000+G,"
                        + " or files it writes there fail with permission denied.");
            }
            byNode.computeIfAbsent(ct.node(), n -> new ArrayList<>()).add(new AnsibleViews.Guest(ct.name(), ct.vmId(), "pct",
                    ct.isPet(), false, List.copyOf(settings), List.copyOf(notes)));
        }
        return byNode;
    }

    /**
     * The options Ansible sets as root on a VM, in order (usbN by port, the Windows drivers CD-ROM),
     * each with its value. Ansible deletes an option it set once the site no longer gives it; `sitec
     * plan` reads the same map to say so.
     */
    public static Map<String, String> of(Site site, Vm vm) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        int slot = 0;
        for (Device device : site.passthroughOf(vm)) {
            if (device.type() == Device.Type.USB) {
                settings.put("usb" + slot++, "host=" + device.usbPort().orElse(device.id()) + ",usb3=1");
            }
        }
        vm.windows().flatMap(Vm.Windows::drivers).map(site.images()::get)
                .ifPresent(d -> settings.put(DRIVERS_SLOT, "local:iso/" + d.storedFileName() + ",media=cdrom"));
        return settings;
    }

    /** The options Ansible sets as root on a container (features, bind mounts, device nodes), each with its value. */
    public static Map<String, String> of(Container ct) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        // Every feature of the site's, nesting too: Terraform sends nesting at create (an unprivileged
        // container's only), Ansible keeps the flags in step with the site afterwards.
        if (!ct.features().isEmpty()) {
            settings.put("features", ct.features().stream().map(f -> f.id() + "=1").sorted().collect(Collectors.joining(",")));
        }
        // Terraform's mount_point list makes the volumes mp0, mp1, ...; the bind mounts come after them.
        int slot = (int) ct.mounts().stream().filter(m -> !m.bind()).count();
        for (Container.Mount mount : ct.mounts()) {
            if (mount.bind()) {
                settings.put("mp" + slot++, mount.hostPath().get() + ",mp=" + mount.path());
            }
        }
        for (int i = 0; i < ct.devices().size(); i++) {
            settings.put("dev" + i, ct.devices().get(i).pctValue());
        }
        return settings;
    }

    /** The compressed disk images the node's VMs boot from, each fetched once. */
    static List<AnsibleViews.DiskImage> diskImages(Site site, PveNode node) {
        SortedMap<String, AnsibleViews.DiskImage> images = new TreeMap<>();
        for (Vm vm : site.vms().values()) {
            if (!vm.node().equals(node.name())) {
                continue;
            }
            Image image = site.imageOf(vm).orElse(null);
            if (image != null && image.kind() == Image.Kind.CLOUD_IMAGE && image.compression().isPresent()) {
                images.put(image.name(), new AnsibleViews.DiskImage(image.name(), image.url(),
                        image.checksum().map(c -> c.algorithm() + ":" + c.hex()).orElse(""),
                        image.storedFileName(), decompressor(image.compression().get())));
            }
        }
        return List.copyOf(images.values());
    }

    private static String decompressor(Image.Compression compression) {
        return switch (compression) {
            case XZ -> "xz";
            case GZ -> "gzip";
            case BZ2 -> "bzip2";
            case ZST -> "zstd";
            case LZO -> "lzop";
        };
    }

    /** Every datastore the node's guests put disks, volumes or cloud-init drives on. */
    public static List<String> datastores(Site site, PveNode node) {
        TreeSet<String> used = new TreeSet<>();
        for (Vm vm : site.vms().values()) {
            if (vm.node().equals(node.name())) {
                used.add(site.datastoreOf(vm));
                vm.disks().forEach(d -> used.add(site.datastoreOf(vm, d)));
            }
        }
        for (Container ct : site.containers().values()) {
            if (ct.node().equals(node.name())) {
                used.add(site.datastoreOf(ct));
                ct.mounts().forEach(m -> m.datastore().ifPresent(used::add));
            }
        }
        if (!used.isEmpty()) {
            used.add(node.snippetsDatastore());
        }
        return List.copyOf(used);
    }
}
