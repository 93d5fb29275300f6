package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.diagnostic.Diagnostic;
import java.util.List;
import dev.sitec.init.StarterSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = {"Write a commented starter site.yaml; never over an existing one.",
                "In one of two shapes; beside it site.schema.json, which its first line points an editor at."})
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
            description = "The hosts' network, of any size from /8 (default: ${DEFAULT-VALUE}); the gateway is its first"
                    + " address. The homelab's VLANs take the networks of the same size 10 and 20 above it.")
    String cidr;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1", description = "Proxmox VE nodes (default: 1).")
    int nodes;

    InitCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    /** The schema's file beside the site, which the site's first line names relative to itself. */
    static final String SCHEMA_FILE = "site.schema.json";

    @Override
    public Integer call() {
        Path file = site.path(invocation);
        Path folder = file.toAbsolutePath().getParent();
        String folderName = Optional.ofNullable(Path.of(site.displayName()).getParent()).map(Path::toString).orElse(".");
        if (!Files.isDirectory(folder)) {
            invocation.err().println("sitec: cannot write " + site.displayName() + ": " + (Files.exists(folder)
                    ? folderName + " is not a folder" : "there is no folder " + folderName));
            invocation.err().println("    hint: make it first (mkdir -p " + Console.shellWord(folderName)
                    + "), or name a file in a folder that exists");
            return ExitCodes.INVALID;
        }
        StarterSite.Shape chosen = shape.homelab ? StarterSite.Shape.HOMELAB : StarterSite.Shape.MINIMAL;
        String text;
        try {
            // yaml-language-server resolves a relative path from the folder of the file that names it.
            text = StarterSite.render(chosen, domain, cidr, nodes, "./" + SCHEMA_FILE);
        } catch (StarterSite.BadAnswer e) {
            invocation.err().println("sitec: " + e.getMessage());
            return ExitCodes.USAGE;
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
        String schemaName = folderName.equals(".") ? SCHEMA_FILE : folderName + "/" + SCHEMA_FILE;
        String schema = writeSchema(folder.resolve(SCHEMA_FILE), schemaName);
        invocation.out().println("wrote " + site.displayName() + " (" + chosen.name().toLowerCase(java.util.Locale.ROOT)
                + ", " + Console.count(nodes, "Proxmox node") + ", " + domain + ", " + cidr + ")" + schema);
        String named = site.isDefault() ? "" : " -f " + Console.shellWord(site.displayName());
        invocation.out().println("next: put in your SSH public key and password hash (sitec validate" + named
                + " shows where and how), then sitec generate" + named);
        return ExitCodes.OK;
    }

    /**
     * This sitec's schema beside the site, for the editor line; never over a file (one already there
     * that is not this sitec's stays, and the user is told how to replace it). What the first line
     * of output adds about it.
     */
    private String writeSchema(Path target, String shown) {
        byte[] schema = SchemaCommand.bundledSchema();
        try {
            NewSiteFile.write(target, new String(schema, StandardCharsets.UTF_8));
            return " and " + shown + ", its schema for an editor";
        } catch (FileAlreadyExistsException e) {
            try {
                if (Arrays.equals(Files.readAllBytes(target), schema)) {
                    return "; " + shown + " is its schema already";
                }
            } catch (IOException unreadable) {
                // told below, as a schema that is not this sitec's
            }
            invocation.err().println("sitec: kept " + shown + ", which is not this sitec's schema; sitec schema --print > "
                    + Console.shellWord(shown) + " replaces it");
            return "";
        } catch (IOException e) {
            invocation.err().println("sitec: wrote the site, but not its schema " + shown + ": " + IoMessages.describe(e)
                    + "; sitec schema --print > " + Console.shellWord(shown) + " writes it");
            return "";
        }
    }
}
