package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import dev.sitec.model.GuestOs;
import dev.sitec.model.Image;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Vm;

/**
 * A K3s node is a Linux VM built from a cloud image, or a machine: Ansible reaches it as the admin
 * user cloud-init created. A Windows or appliance VM, or one installed from an ISO (TrueNAS, PDM),
 * has no such user, and the K3s playbook could not configure it.
 */
public final class KubernetesNodesRunLinux implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            for (K3sNodeEntries node : K3sNodeEntries.of(k8s)) {
                check(out, context, node);
            }
        }
        return out;
    }

    private static void check(List<Diagnostic> out, RuleContext context, K3sNodeEntries node) {
        Vm vm = context.site().vms().get(node.name());
        Image image = vm == null ? null : vm.image().map(context.site().images()::get).orElse(null);
        if (vm == null || image == null) {
            return; // not a VM (a machine, or reported by KubernetesReferencesResolve)
        }
        String why = vm.os() != GuestOs.LINUX ? "runs " + vm.os().id()
                : image.kind() != Image.Kind.CLOUD_IMAGE && !image.isTemplate() ? "is installed from ISO '" + image.name() + "'" : null;
        if (why != null) {
            out.add(context.errorAt(node.at(), "K3s node '" + vm.name() + "' "
                    + why + ": Ansible configures K3s nodes through the admin user cloud-init creates")
                    .withHint("make '" + vm.name() + "' a Linux VM from a cloud image, or remove it from kubernetes." + node.list()));
        }
    }
}
