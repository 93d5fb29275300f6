package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.Nic;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import java.util.Optional;

/**
 * What others reach by address needs a static one: K3s servers (etcd peers and kube-vip know them by
 * IP), the NFS server (every PersistentVolume names its address) and the Datacenter Manager (its
 * installer writes a static address). Agents, containers and other VMs may use DHCP.
 */
public final class StaticAddressesWhereNeeded implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        Site site = context.site();
        List<Diagnostic> out = new ArrayList<>();
        site.kubernetes().values().forEach(k8s -> {
            k8s.servers().forEach(s -> refuseDhcp(out, context, site.vms().get(s), "a K3s server"));
            k8s.nfs().map(Kubernetes.Nfs::server).ifPresent(s -> refuseDhcp(out, context, site.vms().get(s), "the NFS server"));
            k8s.servers().stream().map(site.machines()::get).filter(m -> m != null).forEach(m -> m.nics().stream()
                    .filter(Nic::dhcp).forEach(nic -> out.add(dhcpError(context, m.origin(), nic, "machine '" + m.name()
                            + "'", "a K3s server"))));
        });
        site.datacenterManager().ifPresent(pdm -> refuseDhcp(out, context, site.vms().get(pdm.vm()), "the Datacenter Manager"));
        return out;
    }

    private static void refuseDhcp(List<Diagnostic> out, RuleContext context, Vm vm, String role) {
        Optional.ofNullable(vm).ifPresent(v -> v.nics().stream().filter(Nic::dhcp)
                .forEach(nic -> out.add(dhcpError(context, v.origin(), nic, "vm '" + v.name() + "'", role))));
    }

    private static Diagnostic dhcpError(RuleContext context, JsonPointer origin, Nic nic, String owner, String role) {
        return context.errorAt(origin.appendProperty("address").appendProperty(nic.network()), owner + " is " + role
                + " and needs a static address on network '" + nic.network() + "', not dhcp")
                .withHint("give it a fixed address (a DHCP reservation is not enough: sitec writes the address into the config)");
    }
}
