package dev.sitec.cli;

import dev.sitec.daemon.DaemonAddress;
import dev.sitec.daemon.DaemonClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "daemon", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = {"Show or stop the daemons that keep sitec warm between runs.",
                "sitec starts one on first use outside CI; SITEC_DAEMON=0 runs without it."})
final class DaemonCommand implements Callable<Integer> {

    enum Action {
        status, stop
    }

    private final Invocation invocation;

    @Parameters(paramLabel = "ACTION", description = "status or stop (stops every sitec daemon of this user)")
    Action action;

    DaemonCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        String build = RunningBuild.identity().orElse("");
        Optional<DaemonAddress> address = Daemon.address(build, invocation.environment());
        // Someone else's folder is not looked into: its sockets are not ours to stop or ask.
        Optional<String> untrusted = address.filter(a -> Files.exists(a.folder(), LinkOption.NOFOLLOW_LINKS))
                .flatMap(DaemonAddress::distrust);
        List<Path> sockets = untrusted.isPresent() ? List.of()
                : address.map(DaemonAddress::allSockets).orElse(List.of());
        if (action == Action.stop) {
            long stopped = sockets.stream().filter(DaemonClient::stop).count(); // false where none listens
            invocation.out().println(untrusted.map(why -> "no daemon stopped: " + why).orElse(
                    stopped == 0 ? "no sitec daemon is running" : "stopped " + Console.count(stopped, "daemon")));
            return ExitCodes.OK;
        }
        PrintWriter out = invocation.out();
        Daemon.Setting setting = Daemon.setting(invocation.environment());
        out.println("runs here use a daemon: " + (setting.on() ? "yes" : "no") + " (" + setting.reason() + ")");
        if (address.isEmpty()) {
            out.println("but there is no place for its socket: the path would be too long for a Unix socket");
        }
        untrusted.ifPresent(why -> out.println("but no daemon is used: " + why));
        List<Path> running = sockets.stream().filter(DaemonClient::isListening).toList();
        if (running.isEmpty()) {
            out.println("no sitec daemon is running");
        }
        for (Path socket : running) {
            boolean mine = address.isPresent() && socket.equals(address.get().socket());
            String pid = new DaemonAddress(socket).pid().map(p -> ", pid " + p).orElse("");
            out.println(socket + ": running (" + (mine ? "this build" : "another build") + pid + ")");
        }
        address.filter(a -> untrusted.isEmpty() && Files.isRegularFile(a.logFile(), LinkOption.NOFOLLOW_LINKS))
                .ifPresent(a -> out.println("its log: " + a.logFile()));
        return ExitCodes.OK;
    }
}
