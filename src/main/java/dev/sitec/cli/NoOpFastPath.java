package dev.sitec.cli;

import dev.sitec.write.GenerationStamp;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Answers `generate` and `check` on an unchanged site from the stamp. Pre-commit hooks ask this
 * almost every time; doing it before picocli loads (its classes are Java 5 bytecode, which class-data
 * sharing cannot hold) saves a third of the start-up. Only the plain forms are recognised here
 * ({@code generate|check [-f|--file FILE] [-o|--output DIR]}); anything else, and any site or tree
 * that differs from the stamp, goes through picocli and the whole pipeline as usual.
 */
final class NoOpFastPath {

    private NoOpFastPath() {
    }

    /** A plain `generate` or `check` with its site file and output folder. */
    record Request(String command, String file, String dir) {
    }

    /** The exit code, when the command was answered from the stamp. */
    static OptionalInt tryAnswer(String[] args, Invocation invocation) {
        Optional<Request> request = parse(args);
        if (request.isEmpty()) {
            return OptionalInt.empty();
        }
        SiteFileOption site = SiteFileOption.of(request.get().file());
        return answer(request.get().command(), Stamps.of(site, invocation), site,
                OutputDirOption.of(request.get().dir()), invocation);
    }

    /** Recognises only the plain forms; anything else is picocli's to parse (and to reject). */
    static Optional<Request> parse(String[] args) {
        if (args.length == 0 || !(args[0].equals("generate") || args[0].equals("check"))) {
            return Optional.empty();
        }
        String file = SiteFileOption.DEFAULT_FILE;
        String dir = OutputDirOption.DEFAULT_DIR;
        boolean fileSet = false;
        boolean dirSet = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            boolean hasNext = i + 1 < args.length;
            if ((arg.equals("-f") || arg.equals("--file")) && hasNext && !fileSet) {
                file = args[++i];
                fileSet = true;
            } else if ((arg.equals("-o") || arg.equals("--output")) && hasNext && !dirSet) {
                dir = args[++i];
                dirSet = true;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Request(args[0], file, dir));
    }

    /**
     * Answers from the stamp when it matches; the commands call this too (with the stamps they record
     * into afterwards), so both print the same.
     */
    static OptionalInt answer(String command, Stamps stamps, SiteFileOption site, OutputDirOption output,
                              Invocation invocation) {
        Optional<GenerationStamp.Match> unchanged = stamps.matching(output.path(invocation));
        if (unchanged.isEmpty()) {
            return OptionalInt.empty();
        }
        PrintWriter out = invocation.out();
        Console.replay(unchanged.get().findings(), invocation.err(), Console.colour(invocation));
        if (command.equals("generate")) {
            out.println(output.path() + ": 0 files written, " + unchanged.get().files() + " unchanged, 0 deleted");
        } else {
            out.println(output.path() + " is up to date with " + site.displayName());
        }
        out.flush();
        return OptionalInt.of(ExitCodes.OK);
    }
}
