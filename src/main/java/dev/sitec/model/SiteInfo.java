package dev.sitec.model;

import java.util.List;

/** Site-wide settings. */
public record SiteInfo(String name, String domain, String timezone, String country, String keyboard,
                       String adminEmail, List<String> sshAuthorizedKeys, String passwordHash, String adminUser) {

    public static final String DEFAULT_ADMIN_USER = "ops";

    public SiteInfo {
        sshAuthorizedKeys = List.copyOf(sshAuthorizedKeys);
    }

    public String fqdn(String hostname) {
        return hostname + "." + domain;
    }
}
