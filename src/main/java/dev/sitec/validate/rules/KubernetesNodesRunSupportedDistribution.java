package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Device;
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
 * sitec's K3s prerequisites (k3s_prereqs) install with apt on Debian and Ubuntu, and with dnf on the
 * RedHat family (AlmaLinux, Rocky, Fedora, CentOS Stream: container-selinux, the k3s-selinux policy,
 * firewalld rules). A node on any other distribution (openSUSE, Arch Linux) is refused, and so is one
 * whose distribution sitec cannot tell, with the way to say it rather than a guess. The gpu role
 * installs NVIDIA's driver from Debian's non-free component: a RedHat-family node with an NVIDIA GPU
 * is refused too.
 */
public final class KubernetesNodesRunSupportedDistribution implements SiteRule {

    private static final String SUPPORTED = "Debian, Ubuntu or the RedHat family (AlmaLinux, Rocky, Fedora, CentOS Stream)";

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Kubernetes k8s : context.site().kubernetes().values()) {
            K3sNodeEntries.of(k8s).forEach(node -> check(out, context, node));
        }
        return out;
    }

    private static void check(List<Diagnostic> out, RuleContext context, K3sNodeEntries node) {
        String name = node.name();
        Vm vm = context.site().vms().get(name);
        Machine machine = context.site().machines().get(name);
        Optional<String> imageName = vm != null ? vm.image().filter(x -> vm.os() == GuestOs.LINUX)
                : machine != null ? Optional.of(machine.image()) : Optional.empty();
        Image image = imageName.map(context.site().images()::get).orElse(null);
        if (image == null || image.kind() != Image.Kind.CLOUD_IMAGE && !image.isTemplate()) {
            return; // not a Linux cloud image: KubernetesNodesRunLinux, or a reference rule, reports it
        }
        Optional<String> os = ImageOs.of(image);
        var at = node.at();
        if (os.isEmpty() && image.isTemplate()) {
            out.add(context.errorAt(at, "K3s node '" + name + "' is cloned from template '" + image.name() + "', and"
                    + " sitec cannot tell the template's distribution; the K3s prerequisites install with apt, on"
                    + " Debian or Ubuntu")
                    .withHint("say it on the image: os: debian (or ubuntu)"));
        } else if (os.isEmpty()) {
            out.add(context.errorAt(at, "K3s node '" + name + "' is built from image '" + image.name() + "', and sitec"
                    + " cannot tell its distribution from the file name '" + image.fileName() + "'; sitec installs the"
                    + " K3s prerequisites on " + SUPPORTED)
                    .withHint("say it on the image: os: debian, ubuntu, centos (for an Enterprise Linux rebuild) or fedora"));
        } else if (!ImageOs.K3S_SUPPORTED.contains(os.get())) {
            out.add(context.errorAt(at, "K3s node '" + name + "' runs " + os.get() + " (image '" + image.name()
                    + "'): sitec installs the K3s prerequisites on " + SUPPORTED + " only")
                    .withHint("build '" + name + "' from a Debian, Ubuntu, AlmaLinux, Rocky, Fedora or CentOS Stream cloud image"));
        } else if (ImageOs.REDHAT_FAMILY.contains(os.get()) && vm != null
                && context.site().passthroughOf(vm).stream().anyMatch(Device::isNvidiaGpu)) {
            out.add(context.errorAt(at, "K3s node '" + name + "' runs " + os.get() + " (image '" + image.name()
                    + "') and has an NVIDIA GPU: sitec installs NVIDIA's driver and container toolkit on Debian only")
                    .withHint("build '" + name + "' from a Debian cloud image, or move the GPU to a Debian node"));
        }
    }
}
