package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Machine;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * etcd and Longhorn write all the time, and an SD card wears out under that (the K3s docs advise
 * against SD cards for servers). A warning for a Raspberry Pi K3s server that boots from one (or may:
 * the site does not say its boot_medium), and for a Longhorn disk that is the SD card itself.
 */
public final class SdCardsHoldNoEtcdOrLonghorn implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Kubernetes cluster : context.site().kubernetes().values()) {
            Optional<Kubernetes> k8s = Optional.of(cluster);
            List<String> servers = k8s.get().servers();
            for (int i = 0; i < servers.size(); i++) {
                Machine machine = context.site().machines().get(servers.get(i));
                if (machine == null || machine.bootMedium().filter(m -> m != Machine.BootMedium.SD).isPresent()) {
                    continue;
                }
                String medium = machine.bootMedium().isPresent() ? "boots from an SD card" : "may boot from an SD card";
                out.add(Diagnostic.warning(context.value(k8s.get().origin().appendProperty("servers").appendIndex(i)),
                        "machine '" + machine.name() + "' is an etcd member and " + medium + "; etcd's writes wear SD cards out")
                        .withHint(machine.bootMedium().isPresent() ? "prefer VMs as servers, or boot the machine from USB or NVMe"
                                : "prefer VMs as servers; if it boots from USB or NVMe, say so with boot_medium"));
            }
        }
        for (Machine machine : context.site().machines().values()) {
            if (machine.longhornDisk().filter(d -> d.startsWith("/dev/mmcblk")).isPresent()) {
                out.add(context.warningAt(machine.origin().appendProperty("longhorn_disk"), "longhorn_disk of machine '"
                        + machine.name() + "' is its SD card; Longhorn's replica writes wear SD cards out")
                        .withHint("give Longhorn an SSD (e.g. /dev/sda on USB), or leave out longhorn_disk"));
            }
        }
        return out;
    }
}
