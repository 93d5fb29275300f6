package dev.sitec.family.installer;

import dev.sitec.model.SiteInfo;
import java.util.List;

/**
 * One answer.toml, every value decided: static network on the host's management address, the NIC
 * picked by its MAC (udev's ID_NET_NAME_MAC ends with the MAC's hex digits) and its name pinned,
 * the site's disks and RAID level.
 */
public record AnswerView(String product, String fqdn, String keyboard, String country, String mailto, String timezone,
                         String passwordHash, List<String> sshKeys, String cidr, String gateway, String dns,
                         String nicFilter, String pinnedMac, String pinnedInterface, String filesystem,
                         String raidTable, String raid, List<String> disks) {

    static AnswerView of(InstallTarget target, SiteInfo info) {
        var network = target.network();
        var disks = target.bootDisks();
        String filesystem = disks.filesystem().id();
        return new AnswerView(target.product().label(), info.fqdn(target.host()), info.keyboard(), info.country(),
                info.adminEmail(), info.timezone(), info.passwordHash(), info.sshAuthorizedKeys(),
                target.address() + "/" + network.prefix(),
                network.gateway().map(Object::toString).orElseThrow(),
                network.dns().get(0).toString(),
                "*" + target.mac().hexDigits(),
                target.pinnedInterface().map(i -> target.mac().value()).orElse(null),
                target.pinnedInterface().orElse(null),
                filesystem,
                disks.filesystem().takesRaid() ? filesystem : null,
                disks.raid().map(r -> r.id()).orElse(null),
                disks.disks());
    }
}
