package dev.sitec.cli;

import dev.sitec.Compilation;
import dev.sitec.SiteCompiler;
import dev.sitec.explain.Explanation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = {"Show everything sitec derives for one named object and where it lands.",
                "For a VM, container, node, machine, network, device or cluster: its identities (VMID, MACs, "
                        + "addresses), its Terraform address, Ansible groups and files, K3s role, labels, taints and "
                        + "the Flux objects that run on it, with the site lines they come from. For an image, profile "
                        + "or Flux app: what it is, who uses it and the files it lands in. Writes nothing."})
final class ExplainCommand implements Callable<Integer> {

    private final Invocation invocation;

    @Mixin
    SiteFileOption site;

    @Parameters(index = "0", paramLabel = "NAME", description = "The name of the object, as site.yaml gives it.")
    String name;

    ExplainCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        Compilation result = new SiteCompiler().compile(site.path(invocation), site.displayName());
        Console.report(result, invocation.err(), Console.colour(invocation));
        if (result.failed()) {
            return ExitCodes.INVALID;
        }
        Optional<List<String>> lines = Explanation.of(result.site().orElseThrow(), result.document().orElseThrow().sources(),
                result.files(), name);
        if (lines.isEmpty()) {
            invocation.err().println("sitec: " + site.displayName() + " has nothing named '" + name + "'");
            Explanation.closest(result.site().orElseThrow(), name)
                    .ifPresent(c -> invocation.err().println("    hint: did you mean '" + c + "'?"));
            return ExitCodes.INVALID;
        }
        lines.get().forEach(invocation.out()::println);
        return ExitCodes.OK;
    }
}
