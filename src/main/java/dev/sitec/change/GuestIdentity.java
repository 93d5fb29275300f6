package dev.sitec.change;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.model.Container;
import dev.sitec.model.Vm;

/**
 * What the lifecycle rules need to know of a VM or a container: whether it is a pet, whether the
 * site lifts its protection, where it is in the site and its Terraform address.
 */
record GuestIdentity(String kind, String name, boolean pet, boolean allowReplace, JsonPointer origin,
                     String address, boolean existing, String importId) {

    static GuestIdentity of(Vm vm) {
        return new GuestIdentity("vm", vm.name(), vm.isPet(), vm.allowReplace(), vm.origin(),
                "module.vm[\"" + vm.name() + "\"].proxmox_virtual_environment_vm." + (vm.isProtected() ? "pet" : "cattle") + "[0]",
                vm.existing(), vm.node() + "/" + vm.vmId());
    }

    static GuestIdentity of(Container ct) {
        return new GuestIdentity("container", ct.name(), ct.isPet(), ct.allowReplace(), ct.origin(),
                "module.container[\"" + ct.name() + "\"].proxmox_virtual_environment_container."
                        + (ct.isProtected() ? "pet" : "cattle") + "[0]", ct.existing(), ct.node() + "/" + ct.vmId());
    }

    String subject() {
        return kind + " " + name;
    }
}
