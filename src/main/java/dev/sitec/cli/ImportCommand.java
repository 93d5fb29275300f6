package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.adopt.DraftView;
import dev.sitec.adopt.HttpPveApi;
import dev.sitec.adopt.ImportedSite;
import dev.sitec.adopt.PveApi;
import dev.sitec.adopt.PveApiException;
import dev.sitec.adopt.RecordedPveApi;
import dev.sitec.adopt.RecordingPveApi;
import dev.sitec.adopt.TlsTrust;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = {"Write a site.yaml that describes a running Proxmox VE cluster; read-only, never over a file.",
                "Every guest keeps its node, VMID, MACs and disks, and is adopted by Terraform, not built again.",
                "The API token comes from an environment variable, never from a flag."})
final class ImportCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    static final class From {
        @Option(names = "--api", paramLabel = "URL", required = true,
                description = "The cluster's API, e.g. https://192.168.1.10:8006 (any node of it).")
        String api;

        @Option(names = "--from", paramLabel = "DIR", required = true,
                description = "Saved API responses instead, one JSON file per GET path (DIR/nodes/pve1/network.json).")
        Path dir;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    From from;

    @Option(names = "--token-env", paramLabel = "VAR", defaultValue = "PROXMOX_VE_API_TOKEN",
            description = "The variable holding the API token, USER@REALM!TOKENID=SECRET (default: ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust this CA (the cluster's /etc/pve/pve-root-ca.pem).")
    Path caFile;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Also save every answer in DIR (a new folder), to import again offline with --from DIR.")
    Path record;

    @Option(names = "--insecure", description = "Do not check the API's certificate (anyone on the path can read the token).")
    boolean insecure;

    ImportCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        Path target = site.path(invocation);
        if (Files.exists(target)) {
            return taken();
        }
        ImportedSite imported;
        try {
            PveApi api = api();
            if (record != null) {
                api = new RecordingPveApi(api, recordFolder());
            }
            imported = ImportedSite.read(api, Optional.ofNullable(from.api).map(ImportCommand::endpoint));
        } catch (PveApiException e) {
            return refuse(e.getMessage(), e.hint());
        }
        Compilation check = new SiteCompiler().validateText(imported.text(), site.displayName());
        try {
            NewSiteFile.write(target, imported.text());
        } catch (FileAlreadyExistsException e) {
            return taken();
        } catch (IOException e) {
            return refuse("cannot write " + site.displayName() + ": " + IoMessages.describe(e), "choose a folder you can write to");
        }
        DraftView draft = imported.draft();
        invocation.out().println("wrote " + site.displayName() + " from " + draft.source() + " (Proxmox VE " + draft.version()
                + "): " + Console.count(draft.vms().size(), "VM") + " and " + Console.count(draft.containers().size(),
                "container") + " to adopt, " + templates(draft) + Console.count(imported.toReview(), "value") + " to review, "
                + Console.count(draft.unexpressed().size(), "thing") + " the site cannot say (listed at its end)");
        if (!UnfinishedSite.otherErrors(check).isEmpty()) {
            Console.report(check, invocation.err(), Console.colour(invocation));
            invocation.err().println("sitec: the written site does not validate yet: fix what is above, then sitec validate");
            return ExitCodes.INVALID;
        }
        String named = site.isDefault() ? "" : " -f " + site.displayName();
        invocation.out().println("next: review it" + (UnfinishedSite.hasPlaceholders(check) ? ", put in your password hash"
                + " and SSH key where it says replace (sitec validate" + named + " shows where)" : "")
                + ", then sitec generate" + named + " and terraform plan (imports and in-place changes only)");
        return ExitCodes.OK;
    }

    /** The folder --record saves into: a new one, so that answers of two clusters never mix. */
    private Path recordFolder() throws PveApiException {
        Path dir = invocation.resolve(record);
        try (var entries = Files.isDirectory(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
            if (entries.findAny().isPresent() || Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new PveApiException("--record " + record + " is not a new or empty folder",
                        "name a new folder, e.g. --record pve-answers");
            }
        } catch (IOException e) {
            throw new PveApiException("cannot read " + record + ": " + IoMessages.describe(e), "name a new folder");
        }
        return dir;
    }

    private PveApi api() throws PveApiException {
        if (from.dir != null) {
            Path dir = invocation.resolve(from.dir);
            if (!Files.isDirectory(dir)) {
                throw new PveApiException(from.dir + " is not a folder of saved API responses", "give --from the folder");
            }
            return new RecordedPveApi(dir, from.dir.toString());
        }
        URI uri;
        try {
            uri = new URI(from.api);
        } catch (URISyntaxException e) {
            throw new PveApiException("--api " + from.api + " is not a URL", "give it as https://HOST:8006");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new PveApiException("--api " + from.api + " is not an https URL with a host",
                    "give it as https://HOST:8006 (PVE serves its API over HTTPS only)");
        }
        Optional<String> token = invocation.env(tokenEnv).filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            throw new PveApiException(tokenEnv + " is not set: import reads the API token from it, never from a flag",
                    "export " + tokenEnv + "='USER@REALM!TOKENID=SECRET' (a token with the PVEAuditor role is enough)");
        }
        if (!token.get().matches("^[^@\\s]+@[^!\\s]+![^=\\s]+=\\S+$")) {
            throw new PveApiException(tokenEnv + " does not hold a token written as USER@REALM!TOKENID=SECRET",
                    "copy the token id and its secret as pveum user token add printed them");
        }
        SSLContext tls;
        try {
            tls = insecure ? TlsTrust.none() : caFile != null ? TlsTrust.caFile(invocation.resolve(caFile)) : TlsTrust.system();
        } catch (IOException | GeneralSecurityException e) {
            throw new PveApiException("cannot read the CA file " + caFile + ": " + e.getMessage(),
                    "copy /etc/pve/pve-root-ca.pem from a node");
        }
        URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        return new HttpPveApi(base, token.get(), tokenEnv, tls);
    }

    /** The endpoint Terraform is given: the API's origin as the user named it. */
    private static String endpoint(String api) {
        URI uri = URI.create(api);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
    }

    /** Checked before the cluster is read (so as not to read it for nothing), and again by the write. */
    private int taken() {
        return refuse(site.displayName() + " exists; import never overwrites a site",
                "name another file with -f, e.g. -f imported.yaml");
    }

    private int refuse(String message, String hint) {
        invocation.err().println("sitec: " + message);
        invocation.err().println("    hint: " + hint);
        return ExitCodes.INVALID;
    }

    /** The template VMs import wrote as images of kind template, which the site's VMs may be cloned from. */
    private static String templates(DraftView draft) {
        long n = draft.images().stream().filter(i -> i.vmId() != null).count();
        return n == 0 ? "" : Console.count(n, "template VM") + " as images to clone from, ";
    }
}
