package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Container;
import dev.sitec.model.Distribution;
import dev.sitec.model.Image;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A container is created with its template's distribution as its OS type: without one the provider
 * sends ostype=unmanaged (bpg/proxmox v0.111.1 resource/container/container.go, the default of
 * operating_system.type), and pve-container's Unmanaged setup plugin writes nothing into the guest:
 * no network configuration, hostname, DNS, root SSH keys or SSH host keys (src/PVE/LXC/Setup/Unmanaged.pm).
 * The distribution comes from a template's file name as Proxmox publishes them, or from the image's os.
 */
public final class ContainerTemplatesNameTheirDistribution implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        TreeSet<String> templates = new TreeSet<>();
        for (Container ct : context.site().containers().values()) {
            templates.add(ct.template());
        }
        List<Diagnostic> out = new ArrayList<>();
        for (String name : templates) {
            Image image = context.site().images().get(name);
            if (image == null || image.kind() != Image.Kind.LXC || image.distribution().isPresent()) {
                continue; // an unknown template is ContainerReferencesResolve's
            }
            out.add(context.errorAt(image.origin().appendProperty("url"), "container template '" + name + "' ("
                    + image.fileName() + ") does not say which distribution it holds, and a container without one is"
                    + " unmanaged: Proxmox VE sets up neither its network, hostname, DNS nor SSH keys")
                    .withHint("say it: os: " + Arrays.stream(Distribution.values()).map(Distribution::id)
                            .collect(Collectors.joining(", ", "", "")).replaceFirst(", ([a-z]+)$", " or $1")));
        }
        return out;
    }
}
