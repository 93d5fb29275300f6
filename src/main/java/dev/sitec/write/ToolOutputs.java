package dev.sitec.write;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * What the tools that run in the output folder leave there, which is never sitec's: Terraform's
 * provider cache and any state or plan, the installer ISOs the runbook builds, the fingerprints
 * Ansible writes for Terraform, Ansible's retry files. The generated .gitignore lists these patterns
 * (gitignore syntax), and the writer never deletes or replaces a path they match, whatever a
 * manifest or commit record says: their bytes can be guessed (an empty file, a workspace name),
 * and a hash alone does not show who wrote them.
 */
public final class ToolOutputs {

    /** In .gitignore's syntax, and as the writer matches them (a pattern ending in '/' is a folder). */
    public static final List<String> PATTERNS = List.of(".terraform/", "*.tfstate", "*.tfstate.*", "*.tfplan", "isos/",
            "*.auto.tfvars.json", "*.retry");

    private static final List<PathMatcher> FILES = PATTERNS.stream().filter(p -> !p.endsWith("/"))
            .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
    private static final List<String> FOLDERS = PATTERNS.stream().filter(p -> p.endsWith("/"))
            .map(p -> p.substring(0, p.length() - 1)).toList();

    private ToolOutputs() {
    }

    /** Whether a path below the output folder ('/'-separated) is, or is inside, what a tool leaves. */
    static boolean matches(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (i < segments.length - 1 && FOLDERS.contains(segments[i])) {
                return true;
            }
        }
        Path name = Path.of(segments[segments.length - 1]);
        return FILES.stream().anyMatch(m -> m.matches(name));
    }
}
