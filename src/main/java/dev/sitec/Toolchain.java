package dev.sitec;

import dev.sitec.render.TemplateRenderer;
import dev.sitec.validate.SchemaValidator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The parts of the compiler that do not depend on the site and are costly to build in a cold JVM:
 * the schema validator (Jackson, meta-schemas, keyword validators) and the template renderer
 * (FreeMarker's configuration and its template cache). Each is built once per process and shared;
 * {@link #prepareFor} starts building them on background threads as soon as the command is known,
 * so that they are ready by the time the command line is parsed and the site is read.
 */
public final class Toolchain {

    private static final Prepared<SchemaValidator> SCHEMA = new Prepared<>("sitec-schema", SchemaValidator::new);
    private static final Prepared<TemplateRenderer> TEMPLATES = new Prepared<>("sitec-templates", TemplateRenderer::new);

    private Toolchain() {
    }

    /** Starts building what {@code command} will need; returns at once. Unknown commands need nothing. */
    public static void prepareFor(String command) {
        switch (command) {
            case "generate", "check", "explain" -> {
                prepareSchemaValidator();
                prepareTemplateRenderer();
            }
            case "validate", "plan" -> prepareSchemaValidator();
            default -> {
                // --help, --version, usage errors: nothing to build.
            }
        }
    }

    public static void prepareSchemaValidator() {
        SCHEMA.startInBackground();
    }

    public static void prepareTemplateRenderer() {
        TEMPLATES.startInBackground();
    }

    public static SchemaValidator schemaValidator() {
        return SCHEMA.get();
    }

    public static TemplateRenderer templateRenderer() {
        return TEMPLATES.get();
    }

    /** A value built once, on a background thread when asked early enough, else by its first user. */
    private static final class Prepared<T> {

        private final String threadName;
        private final Supplier<T> build;
        private FutureTask<T> task;

        Prepared(String threadName, Supplier<T> build) {
            this.threadName = threadName;
            this.build = build;
        }

        void startInBackground() {
            FutureTask<T> fresh = claim();
            if (fresh != null) {
                Thread thread = new Thread(fresh, threadName);
                thread.setDaemon(true);
                thread.start();
            }
        }

        T get() {
            FutureTask<T> fresh = claim();
            if (fresh != null) {
                fresh.run();
            }
            try {
                return task().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building " + threadName, e);
            } catch (ExecutionException e) {
                // The builder's own exception, as if it had been thrown here.
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** The task to run, when this call is the first to ask; null when it is already under way. */
        private synchronized FutureTask<T> claim() {
            if (task != null) {
                return null;
            }
            task = new FutureTask<>(build::get);
            return task;
        }

        private synchronized FutureTask<T> task() {
            return task;
        }
    }
}
