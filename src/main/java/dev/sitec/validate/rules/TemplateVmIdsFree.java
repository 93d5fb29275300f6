package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Image;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A template's VMID is no guest's: VMs and containers share one id space in Proxmox, so a guest of the
 * site with the template's VMID would be adopted as the template (existing: true) or fail at create
 * ("unable to create VM $newid: config file already exists", qemu-server API2/Qemu.pm clone_vm and
 * create_vm), and two templates of one VMID are one VM.
 */
public final class TemplateVmIdsFree implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        java.util.Map<Integer, String> templates = new java.util.HashMap<>();
        for (Image image : context.site().images().values()) {
            image.template().ifPresent(t -> {
                String first = templates.putIfAbsent(t.vmId(), image.name());
                if (first != null) {
                    out.add(context.errorAt(RuleContext.field(image.origin(), "vm_id"), "template image '" + image.name()
                            + "' names VM " + t.vmId() + ", which template image '" + first + "' names too")
                            .withHint("give each template VM its own image, once"));
                }
            });
        }
        context.site().vms().values().forEach(vm -> guest(out, context, templates, "vm", vm.name(), vm.origin(), vm.vmId(),
                vm.vmIdExplicit()));
        context.site().containers().values().forEach(ct -> guest(out, context, templates, "container", ct.name(),
                ct.origin(), ct.vmId(), ct.vmIdExplicit()));
        return out;
    }

    private static void guest(List<Diagnostic> out, RuleContext context, java.util.Map<Integer, String> templates,
                              String kind, String name, com.fasterxml.jackson.core.JsonPointer origin, int vmId,
                              boolean explicit) {
        String template = templates.get(vmId);
        if (template == null) {
            return;
        }
        String message = "VMID " + vmId + " of " + kind + " '" + name + "' is the template VM that image '" + template + "' names";
        out.add((explicit ? context.errorAt(origin.appendProperty("vm_id"), message) : context.errorAtKey(origin, message))
                .withHint(explicit ? "choose another vm_id" : "sitec derived this VMID from the name; set an explicit vm_id on '"
                        + name + "'"));
    }
}
