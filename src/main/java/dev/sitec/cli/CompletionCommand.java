package dev.sitec.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = {"Print a shell completion script for sitec's commands and options.",
                "bash: source <(sitec completion bash); zsh: source <(sitec completion zsh)."})
final class CompletionCommand implements Callable<Integer> {

    /** The shells picocli's script serves: bash, and zsh through its bash completion layer. */
    enum Shell { bash, zsh }

    private final Invocation invocation;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    CompletionCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        String script = AutoComplete.bash("sitec", SitecCommand.everyCommand(invocation));
        if (shell == Shell.zsh) {
            // zsh runs bash completion scripts once bashcompinit is loaded.
            invocation.out().println("autoload -U +X compinit && compinit");
            invocation.out().println("autoload -U +X bashcompinit && bashcompinit");
        }
        invocation.out().print(script);
        invocation.out().flush();
        return ExitCodes.OK;
    }
}
