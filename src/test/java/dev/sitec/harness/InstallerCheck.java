package dev.sitec.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Answer files validate against the installer's schema; scripts pass `bash -n` and shellcheck. */
final class InstallerCheck implements HarnessCheck {

    @Override
    public String family() {
        return "installer";
    }

    @Override
    public FamilyReport check(Path root) {
        List<Path> answers = TreeFiles.under(root, "installer", p -> TreeFiles.endsWith(p, ".toml"));
        List<Path> scripts = TreeFiles.under(root, "installer", p -> TreeFiles.endsWith(p, ".sh"));
        List<Problem> problems = new ArrayList<>();
        AnswerValidator validator = new AnswerValidator();
        for (Path answer : answers) {
            try {
                validator.validate(Files.readString(answer))
                        .forEach(p -> problems.add(new Problem(TreeFiles.relative(root, answer), p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        problems.addAll(ShellScripts.check(root, scripts));
        return new FamilyReport(family(), answers.size() + scripts.size(), problems);
    }
}
