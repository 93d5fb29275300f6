package dev.sitec.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a client asks the daemon to run: sitec's arguments, with the working directory, environment
 * and output charset of the client's process, so the run behaves as it would have in that process.
 * {@code build} names the sitec build the client is (a daemon of another build refuses it).
 */
public record Request(String build, Path workingDirectory, List<String> args, Map<String, String> environment,
                      String charset) {

    public Request {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }
}
