package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.model.BackupServer;
import dev.sitec.model.Container;
import dev.sitec.model.Ipv4;
import dev.sitec.model.MacAddress;
import dev.sitec.model.Machine;
import dev.sitec.model.Nic;
import dev.sitec.model.PveNode;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything in the site that has a hostname, an address or a MAC, listed once for the rules. */
final class Hosts {

    /** A host: what kind of thing it is, its name and where it is declared. */
    record Host(String kind, String name, JsonPointer origin) {
        String describe() {
            return kind + " '" + name + "'";
        }
    }

    /** An address a host holds; {@code network} is the declared network of a NIC, if any. */
    record Address(Host host, Ipv4 ip, Optional<String> network, JsonPointer at) {
    }

    /** A MAC a host answers to; {@code derived} when sitec made it up from names. */
    record Mac(Host host, MacAddress mac, boolean derived, JsonPointer at) {
    }

    private Hosts() {
    }

    static List<Host> all(Site site) {
        List<Host> hosts = new ArrayList<>();
        site.pveNodes().forEach(n -> hosts.add(new Host("node", n.name(), n.origin())));
        site.backupServers().values().forEach(b -> hosts.add(new Host("backup server", b.name(), b.origin())));
        site.vms().values().forEach(v -> hosts.add(new Host("vm", v.name(), v.origin())));
        site.containers().values().forEach(c -> hosts.add(new Host("container", c.name(), c.origin())));
        site.machines().values().forEach(m -> hosts.add(new Host("machine", m.name(), m.origin())));
        return hosts;
    }

    static List<Address> addresses(Site site) {
        List<Address> out = new ArrayList<>();
        site.pveNodes().forEach(n -> out.add(new Address(node(n), n.address(), Optional.empty(),
                n.origin().appendProperty("address"))));
        for (BackupServer b : site.backupServers().values()) {
            out.add(new Address(backupServer(b), b.address(), Optional.empty(), b.origin().appendProperty("address")));
        }
        for (Vm vm : site.vms().values()) {
            nicAddresses(out, new Host("vm", vm.name(), vm.origin()), vm.nics());
        }
        for (Container c : site.containers().values()) {
            nicAddresses(out, new Host("container", c.name(), c.origin()), c.nics());
        }
        for (Machine m : site.machines().values()) {
            nicAddresses(out, new Host("machine", m.name(), m.origin()), m.nics());
        }
        site.kubernetes().values().forEach(k -> k.apiVip().ifPresent(vip -> out.add(new Address(
                new Host(k.key(), "api_vip", k.origin()), vip, Optional.empty(), k.origin().appendProperty("api_vip")))));
        return out;
    }

    /** The static addresses of a guest's NICs (DHCP ones have none to check). */
    private static void nicAddresses(List<Address> out, Host host, List<Nic> nics) {
        for (Nic nic : nics) {
            nic.address().ifPresent(ip -> out.add(new Address(host, ip, Optional.of(nic.network()),
                    host.origin().appendProperty("address").appendProperty(nic.network()))));
        }
    }

    static List<Mac> macs(Site site) {
        List<Mac> out = new ArrayList<>();
        site.pveNodes().forEach(n -> n.mac().ifPresent(mac -> out.add(new Mac(node(n), mac, false,
                n.origin().appendProperty("mac")))));
        for (BackupServer b : site.backupServers().values()) {
            b.mac().ifPresent(mac -> out.add(new Mac(backupServer(b), mac, false, b.origin().appendProperty("mac"))));
        }
        for (Machine m : site.machines().values()) {
            m.mac().ifPresent(mac -> out.add(new Mac(new Host("machine", m.name(), m.origin()), mac, false,
                    m.origin().appendProperty("mac"))));
        }
        for (Vm vm : site.vms().values()) {
            guestMacs(out, new Host("vm", vm.name(), vm.origin()), vm.nics());
        }
        for (Container c : site.containers().values()) {
            guestMacs(out, new Host("container", c.name(), c.origin()), c.nics());
        }
        return out;
    }

    private static void guestMacs(List<Mac> out, Host host, List<Nic> nics) {
        for (Nic nic : nics) {
            JsonPointer declared = host.origin().appendProperty("macs").appendProperty(nic.network());
            out.add(new Mac(host, nic.guestMac(), nic.macDerived(), nic.macDerived() ? host.origin() : declared));
        }
    }

    private static Host node(PveNode n) {
        return new Host("node", n.name(), n.origin());
    }

    private static Host backupServer(BackupServer b) {
        return new Host("backup server", b.name(), b.origin());
    }
}
