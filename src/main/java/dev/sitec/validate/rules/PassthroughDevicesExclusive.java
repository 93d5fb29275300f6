package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Device;
import dev.sitec.model.Vm;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A passed-through device belongs to one VM, which runs on the node that has the device. */
public final class PassthroughDevicesExclusive implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Vm> owner = new HashMap<>();
        List<Vm> vms = new ArrayList<>(context.site().vms().values());
        vms.sort(Comparator.comparing(vm -> context.key(vm.origin())));
        for (Vm vm : vms) {
            for (int i = 0; i < vm.passthrough().size(); i++) {
                Device device = context.site().deviceFor(vm, vm.passthrough().get(i)).orElse(null);
                if (device == null) {
                    continue; // reported by VmReferencesResolve
                }
                var at = vm.origin().appendProperty("passthrough").appendIndex(i);
                if (!device.node().equals(vm.node())) {
                    out.add(context.errorAt(at, "device '" + device.name() + "' is on node '" + device.node()
                            + "', but vm '" + vm.name() + "' runs on node '" + vm.node() + "'")
                            .withHint("run the vm on '" + device.node() + "' or pass through a device of '"
                                    + vm.node() + "'"));
                }
                Vm first = owner.putIfAbsent(device.name(), vm);
                if (first != null && first != vm) {
                    out.add(context.errorAt(at, "device '" + device.name() + "' is already passed through to vm '"
                            + first.name() + "'")
                            .withHint("a device can be passed through to one vm only"));
                }
            }
        }
        return out;
    }
}
