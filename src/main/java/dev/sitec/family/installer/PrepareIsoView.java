package dev.sitec.family.installer;

import dev.sitec.model.Installer;

/** The script that turns one host's answer into its unattended installation ISO. */
public record PrepareIsoView(String host, String product, String isoUrl, String isoFile, String checksumTool,
                             String checksumHex, String fetchFrom, String answerUrl, String outputFile) {

    static PrepareIsoView of(InstallTarget target, Installer installer) {
        var iso = target.iso();
        String tool = iso.checksum().map(c -> c.algorithm() + "sum").orElse(null);
        return new PrepareIsoView(target.host(), target.product().label(), iso.url(), iso.fileName(), tool,
                iso.checksum().map(c -> c.hex()).orElse(null),
                installer.fetch() == Installer.Fetch.HTTP ? "http" : "iso",
                installer.answerUrl().orElse(null),
                target.host() + "-auto.iso");
    }
}
