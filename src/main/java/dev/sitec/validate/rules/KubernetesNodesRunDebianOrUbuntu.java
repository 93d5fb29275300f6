package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.GuestOs;
import dev.sitec.model.Image;
import dev.sitec.model.ImageOs;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Machine;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * sitec's K3s prerequisites (k3s_prereqs: open-iscsi, nfs-common, multipath, the Pi's cmdline) install
 * with apt: Debian and Ubuntu. A node on a RHEL-family or other distribution would need dnf, SELinux
 * policy (k3s-selinux, container-selinux) and firewalld rules that sitec does not write yet; one whose
 * distribution sitec cannot tell is refused too rather than assumed, with the way to say it.
 */
public final class KubernetesNodesRunDebianOrUbuntu implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            check(out, context, k8s, "servers", k8s.servers());
            check(out, context, k8s, "agents", k8s.agents());
        }
        return out;
    }

    private static void check(List<Diagnostic> out, RuleContext context, Kubernetes k8s, String list, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Vm vm = context.site().vms().get(name);
            Machine machine = context.site().machines().get(name);
            Optional<String> imageName = vm != null ? vm.image().filter(x -> vm.os() == GuestOs.LINUX)
                    : machine != null ? Optional.of(machine.image()) : Optional.empty();
            Image image = imageName.map(context.site().images()::get).orElse(null);
            if (image == null || image.kind() != Image.Kind.CLOUD_IMAGE && !image.isTemplate()) {
                continue; // not a Linux cloud image: KubernetesNodesRunLinux, or a reference rule, reports it
            }
            Optional<String> os = ImageOs.of(image);
            var at = k8s.origin().appendProperty(list).appendIndex(i);
            if (os.isEmpty() && image.isTemplate()) {
                out.add(context.errorAt(at, "K3s node '" + name + "' is cloned from template '" + image.name() + "', and"
                        + " sitec cannot tell the template's distribution; the K3s prerequisites install with apt, on"
                        + " Debian or Ubuntu")
                        .withHint("say it on the image: os: debian (or ubuntu)"));
            } else if (os.isEmpty()) {
                out.add(context.errorAt(at, "K3s node '" + name + "' is built from image '" + image.name() + "', and sitec"
                        + " cannot tell its distribution from the file name '" + image.fileName() + "'; the K3s"
                        + " prerequisites install with apt, on Debian or Ubuntu")
                        .withHint("say it on the image: os: debian (or ubuntu)"));
            } else if (!ImageOs.K3S_SUPPORTED.contains(os.get())) {
                out.add(context.errorAt(at, "K3s node '" + name + "' runs " + os.get() + " (image '" + image.name()
                        + "'): sitec installs the K3s prerequisites with apt, on Debian or Ubuntu; the dnf path (k3s-selinux,"
                        + " container-selinux, firewalld) is not there yet")
                        .withHint("build '" + name + "' from a Debian or Ubuntu cloud image"));
            }
        }
    }
}
