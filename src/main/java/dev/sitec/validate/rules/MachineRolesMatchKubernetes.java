package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Machine;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/** A machine's declared K3s role agrees with the kubernetes section's lists. */
public final class MachineRolesMatchKubernetes implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        List<String> servers = context.site().kubernetes().values().stream().flatMap(k -> k.servers().stream()).toList();
        List<String> agents = context.site().kubernetes().values().stream().flatMap(k -> k.agents().stream()).toList();
        for (Machine machine : context.site().machines().values()) {
            for (int i = 0; i < machine.roles().size(); i++) {
                String role = machine.roles().get(i);
                List<String> list = role.equals("k3s-server") ? servers : agents;
                if (!list.contains(machine.name())) {
                    String listName = role.equals("k3s-server") ? "kubernetes.servers" : "kubernetes.agents";
                    out.add(context.errorAt(machine.origin().appendProperty("roles").appendIndex(i), "machine '"
                            + machine.name() + "' has role " + role + " but is not listed in " + listName)
                            .withHint("add '" + machine.name() + "' to " + listName + ", or remove the role"));
                }
            }
        }
        return out;
    }
}
