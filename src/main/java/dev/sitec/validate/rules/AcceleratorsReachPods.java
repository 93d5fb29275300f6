package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Device;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A GPU or TPU passed to a K3s node is labelled and tainted for the pods that need it; an NVIDIA GPU
 * is usable by pods only through NVIDIA's device plugin, which the site must name. One passed to a
 * VM outside the cluster gets a note: pods cannot use it (fine when the VM uses it itself).
 */
public final class AcceleratorsReachPods implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        if (context.site().kubernetes().isEmpty()) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : context.site().vms().values()) {
            // Only devices that resolve to the VM's own node: other rules report the rest.
            List<Device> accelerators = vm.passthrough().stream()
                    .flatMap(name -> context.site().deviceFor(vm, name).stream())
                    .filter(d -> d.node().equals(vm.node()) && (d.isNvidiaGpu() || d.isCoralTpu()))
                    .toList();
            if (accelerators.isEmpty()) {
                continue;
            }
            Kubernetes k8s = context.site().clusterOfNode(vm.name()).orElse(null);
            boolean node = k8s != null;
            for (Device device : accelerators) {
                int index = vm.passthrough().indexOf(device.name());
                var at = vm.origin().appendProperty("passthrough").appendIndex(Math.max(index, 0));
                if (!node) {
                    out.add(Diagnostic.note(context.value(at), "vm '" + vm.name() + "' gets " + (device.isNvidiaGpu()
                                    ? "GPU" : "TPU") + " '" + device.name() + "' but is not a K3s node: pods cannot use it")
                            .withHint("that is right when the VM uses it itself; for pods, add the VM to kubernetes.agents"));
                } else if (device.isNvidiaGpu() && k8s.nvidiaDevicePlugin().isEmpty()) {
                    out.add(Diagnostic.warning(context.value(at), "K3s node '" + vm.name() + "' gets GPU '" + device.name()
                                    + "', but pods can request it only through NVIDIA's device plugin, which the site does not install")
                            .withHint("add kubernetes.gpu: { nvidia_device_plugin: 0.17.3 }"));
                }
            }
        }
        return out;
    }
}
