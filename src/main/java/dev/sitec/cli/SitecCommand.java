package dev.sitec.cli;

import dev.sitec.Toolchain;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sitec", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = "Compiles site.yaml into Terraform, Ansible, Proxmox installer answers, cloud-init and Flux.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:invalid input, stale tree, or output not writable", "2:usage error",
                "3:internal error (a bug in sitec)"})
public final class SitecCommand implements Runnable {

    /** In the order help lists them. */
    private static final Map<String, Function<Invocation, Object>> SUBCOMMANDS = subcommands();

    @Spec
    CommandSpec spec;

    private static Map<String, Function<Invocation, Object>> subcommands() {
        Map<String, Function<Invocation, Object>> commands = new LinkedHashMap<>();
        commands.put("init", InitCommand::new);
        commands.put("generate", GenerateCommand::new);
        commands.put("plan", PlanCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("explain", ExplainCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("doctor", DoctorCommand::new);
        commands.put("migrate", MigrateCommand::new);
        commands.put("schema", SchemaCommand::new);
        commands.put("completion", CompletionCommand::new);
        commands.put("daemon", DaemonCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: init, generate, plan, check, validate, explain, import, migrate, schema, completion or daemon");
    }

    public static void main(String[] args) {
        Invocation invocation = Invocation.ofThisProcess(new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
        OptionalInt served = Daemon.tryRun(args, invocation);
        if (served.isPresent()) {
            System.exit(served.getAsInt());
        }
        OptionalInt answered = NoOpFastPath.tryAnswer(args, invocation);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        // The schema validator and template renderer take longer to build cold than picocli takes to
        // parse the command line: start them now, on other threads.
        if (args.length > 0) {
            Toolchain.prepareFor(args[0]);
        }
        System.exit(run(args, invocation));
    }

    /** Runs sitec in this process, with its working directory and environment (what tests call). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, Invocation.ofThisProcess(out, err));
    }

    /** The whole command tree, every subcommand added: what help and shell completion describe. */
    static CommandLine everyCommand(Invocation invocation) {
        CommandLine cli = new CommandLine(new SitecCommand());
        SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.apply(invocation)));
        return cli;
    }

    /** Runs sitec for {@code invocation} and returns its exit code. */
    public static int run(String[] args, Invocation invocation) {
        CommandLine cli = new CommandLine(new SitecCommand());
        // picocli reads every subcommand's annotations when it is added, which costs a cold JVM more
        // than the parse: add only the one named, or all of them for help and usage errors.
        String named = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(named)) {
            cli.addSubcommand(named, SUBCOMMANDS.get(named).apply(invocation));
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.apply(invocation)));
        }
        cli.setOut(invocation.out());
        cli.setErr(invocation.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Bad input never gets here (it is reported as diagnostics); this is a bug in sitec.
            commandLine.getErr().println("sitec: internal error: " + e);
            if (invocation.env("SITEC_DEBUG").isPresent()) {
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
