package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.model.Machine;
import dev.sitec.model.Network;
import dev.sitec.model.Nic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Every host with an address on a network must carry its MTU. Proxmox VE nodes do: Ansible raises
 * each node's bridge and uplink to the largest network MTU, and the SDN zone to the same. A
 * Raspberry Pi 4's onboard Ethernet cannot: Linux's bcmgenet driver caps the frame at 1536 bytes
 * (ENET_MAX_MTU_SIZE in drivers/net/ethernet/broadcom/genet/bcmgenet.h), an MTU of 1500.
 */
public final class NetworkMtuCarriedByHosts implements SiteRule {

    static final int RASPBERRY_PI_4_MAX_MTU = 1500;

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Machine machine : context.site().machines().values()) {
            if (machine.board() != Machine.Board.RASPBERRY_PI_4) {
                continue;
            }
            for (Nic nic : machine.nics()) {
                Network network = context.site().networks().get(nic.network());
                if (network != null && network.mtu() > RASPBERRY_PI_4_MAX_MTU) {
                    out.add(context.errorAtKey(machine.origin().appendProperty("address").appendProperty(nic.network()),
                            "raspberry-pi-4 '" + machine.name() + "' cannot carry network '" + network.name()
                                    + "''s MTU " + network.mtu() + ": its Ethernet takes at most "
                                    + RASPBERRY_PI_4_MAX_MTU)
                            .withHint("reach '" + network.name() + "' through a router, or give the Pi no address on it"));
                }
            }
        }
        return out;
    }
}
