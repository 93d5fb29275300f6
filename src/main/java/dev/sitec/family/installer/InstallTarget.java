package dev.sitec.family.installer;

import dev.sitec.model.BackupServer;
import dev.sitec.model.BootDisks;
import dev.sitec.model.Filesystem;
import dev.sitec.model.Installer;
import dev.sitec.model.Ipv4;
import dev.sitec.model.MacAddress;
import dev.sitec.model.Network;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A host the Proxmox installer installs: every PVE node and backup server with boot disks, and the PDM VM, with
 * the network it is installed on, the NIC it is found by, and the disks it goes onto.
 */
record InstallTarget(String host, Product product, Ipv4 address, Network network, MacAddress mac,
                     Optional<String> pinnedInterface, BootDisks bootDisks, Installer.IsoSource iso) {

    /** A VM's first disk on VirtIO SCSI, as the installer sees it. */
    static final String VM_DISK = "sda";

    static List<InstallTarget> all(Site site) {
        List<InstallTarget> targets = new ArrayList<>();
        // The schema asks mac and interface of every host with boot disks; hosts without are installed already.
        site.pveNodes().filter(PveNode::installedBySitec).forEach(node -> targets.add(new InstallTarget(node.name(),
                Product.PVE, node.address(), networkOf(site, node.address()), node.mac().orElseThrow(),
                node.interfaceName(), node.bootDisks().orElseThrow(), site.installer().pveIso())));
        site.backupServers().values().stream().filter(BackupServer::installedBySitec).forEach(pbs -> targets.add(
                new InstallTarget(pbs.name(), Product.PBS, pbs.address(), networkOf(site, pbs.address()),
                        pbs.mac().orElseThrow(), pbs.interfaceName(), pbs.bootDisks().orElseThrow(),
                        site.installer().pbsIso())));
        site.datacenterManager().ifPresent(pdm -> {
            Vm vm = site.vms().get(pdm.vm());
            var nic = vm.nics().get(0);
            var image = site.imageOf(vm).orElseThrow();
            // A VM's disk already sits on the node's redundant storage: ext4 on its one disk.
            targets.add(new InstallTarget(vm.name(), Product.PDM, nic.staticAddress(), site.network(nic.network()), nic.guestMac(),
                    Optional.empty(), new BootDisks(Filesystem.EXT4, Optional.empty(), List.of(VM_DISK)),
                    new Installer.IsoSource(image.url(), image.checksum())));
        });
        return targets;
    }

    private static Network networkOf(Site site, Ipv4 address) {
        return site.networkContaining(address)
                .orElseThrow(() -> new IllegalStateException("validated address outside every network: " + address));
    }
}
