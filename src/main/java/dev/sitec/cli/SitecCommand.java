package dev.sitec.cli;

import java.io.PrintWriter;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sitec", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = "Compiles site.yaml into Terraform, Ansible, Proxmox installer answers, cloud-init and Flux.",
        subcommands = {GenerateCommand.class, CheckCommand.class, ValidateCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:invalid input, stale tree, or output not writable", "2:usage error",
                "3:internal error (a bug in sitec)"})
public final class SitecCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: generate, check or validate");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        OptionalInt answered = NoOpFastPath.tryAnswer(args, out, err);
        System.exit(answered.isPresent() ? answered.getAsInt() : run(args, out, err));
    }

    /** Runs sitec with the given streams and returns its exit code (what tests call). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SitecCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Bad input never gets here (it is reported as diagnostics); this is a bug in sitec.
            commandLine.getErr().println("sitec: internal error: " + e);
            if (System.getenv("SITEC_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("this is a bug in sitec; SITEC_DEBUG=1 shows the stack trace");
            }
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SitecCommand.class.getPackage().getImplementationVersion();
            return new String[] {"sitec " + (version == null ? "(development build)" : version)};
        }
    }
}
