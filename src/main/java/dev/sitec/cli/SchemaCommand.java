package dev.sitec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = SitecCommand.Version.class,
        description = {"Print the path of site.yaml's JSON Schema, for an editor.",
                "This sitec's own copy, kept in the user's cache folder: put",
                "'# yaml-language-server: $schema=PATH' at the top of site.yaml."})
final class SchemaCommand implements Callable<Integer> {

    static final String RESOURCE = "/sitec/schema/site.schema.json";

    private final Invocation invocation;

    @Option(names = "--print", description = "Print the schema itself instead of its path.")
    boolean print;

    SchemaCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    static byte[] bundledSchema() {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the site schema is missing from the jar: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the schema from the jar", e);
        }
    }

    /** This sitec's schema in the user's cache folder (written when missing or different): what editors read. */
    static Path schemaFile(Invocation invocation) throws IOException {
        byte[] schema = bundledSchema();
        Path file = cacheDir(invocation).resolve("schema").resolve("site.schema.json");
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), schema)) {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".site.schema-", ".json");
            Files.write(tmp, schema);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }

    @Override
    public Integer call() {
        byte[] schema = bundledSchema();
        if (print) {
            invocation.out().print(new String(schema, java.nio.charset.StandardCharsets.UTF_8));
            invocation.out().flush();
            return ExitCodes.OK;
        }
        Path file;
        try {
            file = schemaFile(invocation);
        } catch (IOException e) {
            invocation.err().println("sitec: cannot write the schema to the cache folder: " + IoMessages.describe(e));
            invocation.err().println("    hint: sitec schema --print > site.schema.json writes it where you choose");
            return ExitCodes.INVALID;
        }
        invocation.out().println(file);
        return ExitCodes.OK;
    }

    /** $XDG_CACHE_HOME/sitec, else ~/.cache/sitec. */
    private static Path cacheDir(Invocation invocation) {
        return invocation.env("XDG_CACHE_HOME").filter(s -> !s.isEmpty()).map(Path::of)
                .orElseGet(() -> invocation.env("HOME").map(h -> Path.of(h, ".cache"))
                        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache")))
                .resolve("sitec");
    }
}
