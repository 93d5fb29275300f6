package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.diagnostic.Diagnostic;
import java.util.List;
import dev.sitec.init.StarterSite;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = {"Write a commented starter site.yaml; never over an existing one.",
                "In one of two shapes, with the schema line for an editor's completion."})
final class InitCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    static final class ShapeChoice {
        @Option(names = "--minimal", description = "Proxmox VE installed already on a flat LAN, and two VMs (the default).")
        boolean minimal;

        @Option(names = "--homelab", description = "The reference lab's shape: nodes sitec installs, a backup server,"
                + " VLANs, K3s with Longhorn and Flux.")
        boolean homelab;
    }

    @ArgGroup(exclusive = true)
    ShapeChoice shape = new ShapeChoice();

    @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = "home.arpa",
            description = "The lab's DNS domain (default: ${DEFAULT-VALUE}); its first label names the site.")
    String domain;

    @Option(names = "--cidr", paramLabel = "CIDR", defaultValue = "192.168.1.0/24",
            description = "The hosts' /24 network (default: ${DEFAULT-VALUE}); the gateway is its .1.")
    String cidr;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1", description = "Proxmox VE nodes (default: 1).")
    int nodes;

    InitCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        Path file = site.path(invocation);
        StarterSite.Shape chosen = shape.homelab ? StarterSite.Shape.HOMELAB : StarterSite.Shape.MINIMAL;
        String text;
        try {
            text = StarterSite.render(chosen, domain, cidr, nodes, SchemaCommand.schemaFile(invocation).toString());
        } catch (StarterSite.BadAnswer e) {
            invocation.err().println("sitec: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            invocation.err().println("sitec: cannot write the schema file for the editor line: " + IoMessages.describe(e));
            return ExitCodes.INVALID;
        }
        // The starter must be a site sitec accepts once its placeholders are replaced: any other
        // finding is a bug in sitec, not the user's.
        Compilation check = new SiteCompiler().validateText(text, site.displayName());
        List<Diagnostic> unexpected = UnfinishedSite.otherErrors(check);
        if (!unexpected.isEmpty()) {
            throw new IllegalStateException("the starter site does not validate: " + unexpected);
        }
        try {
            NewSiteFile.write(file, text);
        } catch (FileAlreadyExistsException e) {
            invocation.err().println("sitec: " + site.displayName() + " exists; init never overwrites a site");
            invocation.err().println("    hint: move it away, or name another file with -f");
            return ExitCodes.INVALID;
        } catch (IOException e) {
            invocation.err().println("sitec: cannot write " + site.displayName() + ": " + IoMessages.describe(e));
            return ExitCodes.INVALID;
        }
        invocation.out().println("wrote " + site.displayName() + " (" + chosen.name().toLowerCase(java.util.Locale.ROOT)
                + ", " + Console.count(nodes, "Proxmox node") + ", " + domain + ", " + cidr + ")");
        String named = site.isDefault() ? "" : " -f " + site.displayName();
        invocation.out().println("next: put in your SSH public key and password hash (sitec validate" + named
                + " shows where and how), then sitec generate" + named);
        return ExitCodes.OK;
    }
}
