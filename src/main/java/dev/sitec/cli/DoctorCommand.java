package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.adopt.TlsTrust;
import dev.sitec.doctor.Commands;
import dev.sitec.doctor.Doctor;
import dev.sitec.doctor.Finding;
import dev.sitec.model.Cluster;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = "Check, before an apply, what a running lab must have: SSH as root, names, the API token, datastores, the deploy key.")
final class DoctorCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    @Option(names = "--api", paramLabel = "CLUSTER=URL",
            description = "Reach a cluster's API at URL (default: its first node's address, port 8006).")
    Map<String, URI> apis = new HashMap<>();

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Verify the API's certificate with this CA (the cluster's /etc/pve/pve-root-ca.pem). Without it"
                    + " the certificate is not checked, as the Terraform roots do (proxmox_insecure).")
    Path caFile;

    DoctorCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        Compilation compiled = new SiteCompiler().validate(site.path(invocation), site.displayName());
        Console.report(compiled, invocation.err(), Console.colour(invocation));
        if (compiled.failed()) {
            return ExitCodes.INVALID;
        }
        SSLContext tls;
        try {
            tls = caFile != null ? TlsTrust.caFile(invocation.resolve(caFile)) : TlsTrust.none();
        } catch (IOException | GeneralSecurityException e) {
            invocation.err().println("sitec: cannot read the CA " + caFile + ": " + e.getMessage());
            return ExitCodes.INVALID;
        }
        Doctor doctor = new Doctor(compiled.site().orElseThrow(), invocation.environment(),
                new Commands(invocation.environment(), 20), tls,
                (Cluster c) -> apis.getOrDefault(c.name(), URI.create(c.endpoint().replaceAll("/+$", ""))));
        List<Finding> findings = doctor.run();
        long failed = 0;
        for (Finding f : findings) {
            invocation.out().println(f.status().label() + " " + f.subject() + ": " + f.message());
            if (f.hint() != null) {
                invocation.out().println("     fix: " + f.hint());
            }
            failed += f.status() == Finding.Status.FAIL ? 1 : 0;
        }
        invocation.out().println(failed == 0 ? "the lab is ready for the next stage"
                : Console.count(failed, "check") + " failed: fix " + (failed == 1 ? "it" : "them") + " before the next stage");
        return failed == 0 ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
