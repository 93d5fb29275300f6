package dev.sitec.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Finds the files of one kind in a generated tree, sorted, skipping the user's tool folders. */
final class TreeFiles {

    private TreeFiles() {
    }

    static List<Path> under(Path root, String subdir, Predicate<Path> wanted) {
        Path dir = subdir.isEmpty() ? root : root.resolve(subdir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().contains(".terraform/"))
                    .filter(wanted)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean named(Path p, String name) {
        return p.getFileName().toString().equals(name);
    }

    static boolean endsWith(Path p, String... suffixes) {
        String name = p.getFileName().toString();
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString();
    }

    /** Deletes a folder of the harness's own (a temporary copy), deepest entries first. */
    static void deleteRecursively(Path dir) {
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Copies a folder of the tree to {@code to}, keeping file attributes; entries {@code skip} accepts are left out. */
    static void copy(Path from, Path to, Predicate<Path> skip) {
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (skip.test(p)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
