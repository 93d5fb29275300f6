package dev.sitec.change;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.family.terraform.TerraformRoots;
import dev.sitec.model.Container;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;

/**
 * What the lifecycle rules need to know of a VM or a container: whether it is a pet, whether the
 * site lifts its protection, where it is in the site, its Terraform address and root (its PVE
 * cluster), and whether a backup server backs that cluster up.
 */
record GuestIdentity(String kind, String name, boolean pet, boolean allowReplace, JsonPointer origin,
                     String address, boolean existing, String importId, int vmId, String cluster, boolean backedUp) {

    /** Where generate writes the tree unless told otherwise (-o): the commands plan suggests run there. */
    static final String TREE = "generated";

    static GuestIdentity of(Site site, Vm vm) {
        String cluster = site.expectNode(vm.node()).cluster();
        return new GuestIdentity("vm", vm.name(), vm.isPet(), vm.allowReplace(), vm.origin(),
                TerraformRoots.address(vm),
                vm.existing(), vm.node() + "/" + vm.vmId(), vm.vmId(), cluster, backedUp(site, cluster));
    }

    static GuestIdentity of(Site site, Container ct) {
        String cluster = site.expectNode(ct.node()).cluster();
        return new GuestIdentity("container", ct.name(), ct.isPet(), ct.allowReplace(), ct.origin(),
                TerraformRoots.address(ct), ct.existing(), ct.node() + "/" + ct.vmId(),
                ct.vmId(), cluster, backedUp(site, cluster));
    }

    /** A backup server serves the cluster: its backup job keeps the pets (TerraformFamily.backups). */
    private static boolean backedUp(Site site, String cluster) {
        return site.backupServers().values().stream().anyMatch(pbs -> pbs.serves(cluster));
    }

    String subject() {
        return kind + " " + name;
    }

    /** The guest's Terraform root in the tree generate writes by default. */
    String root() {
        return TREE + "/" + TerraformRoots.root(cluster);
    }

    /** The command that rebuilds this guest alone; for cattle only (a pet's prevent_destroy refuses it). */
    String replaceCommand() {
        return "terraform -chdir=" + root() + " apply -replace='" + address + "'";
    }

    /**
     * How to give the guest what only a new one gets: cattle is rebuilt with {@link #replaceCommand};
     * a pet is not (prevent_destroy refuses -replace, and a rebuild loses its data), so it is done
     * inside it ({@code inPet}, said as an imperative).
     */
    String rebuild(String inPet) {
        return pet ? "a pet is not rebuilt (its prevent_destroy refuses terraform apply -replace): " + inPet
                : "rebuild it: " + replaceCommand();
    }
}
