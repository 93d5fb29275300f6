package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole of an import is bounded, not only each answer (review of issue 23: 60 guests whose
 * configuration answers each held 149,000 keys, within every per-answer bound, wrote a 250 MB site
 * at 20 guests and ran the JVM out of memory at 60).
 */
class ImportBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path answers() throws Exception {
        Path answers = dir.resolve("answers");
        Path recorded = Path.of("src/test/resources/pve/pve9-single");
        try (Stream<Path> files = Files.walk(recorded)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = answers.resolve(recorded.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return answers;
    }

    @Test
    void answersThatHoldMoreValuesThanAnyClusterStopTheImport() throws Exception {
        PveApi api = new BudgetedPveApi(new RecordedPveApi(answers(), "answers"), 50, Duration.ofMinutes(1));
        assertThatThrownBy(() -> SiteDraft.read(api, Optional.empty())).isInstanceOfSatisfying(PveApiException.class,
                e -> assertThat(e.getMessage()).startsWith("the answers read from answers hold more than 50 values (up to ")
                        .endsWith("), more than any cluster sitec imports"));
    }

    @Test
    void anImportThatRunsTooLongStops() throws Exception {
        PveApi api = new BudgetedPveApi(new RecordedPveApi(answers(), "answers"), BudgetedPveApi.MAX_VALUES, Duration.ZERO);
        assertThatThrownBy(() -> SiteDraft.read(api, Optional.empty())).isInstanceOfSatisfying(PveApiException.class,
                e -> assertThat(e.getMessage()).startsWith("reading answers took longer than"));
    }

    /** A guest with a hundred settings the site cannot say lists the first 25 and says there are more. */
    @Test
    void theSettingsAGuestCannotSayAreListedUpToACap() throws Exception {
        Path answers = answers();
        Path config = answers.resolve("nodes/pve/qemu/200/config.json");
        ObjectNode root = (ObjectNode) JSON.readTree(config.toFile());
        ObjectNode data = (ObjectNode) root.path("data");
        for (int i = 0; i < 100; i++) {
            data.put("x" + i, String.valueOf(i));
        }
        Files.writeString(config, JSON.writeValueAsString(root));
        String site = ImportedSite.read(new RecordedPveApi(answers, "answers"), Optional.empty()).text();
        String guest = site.lines().filter(l -> l.contains("x0=0 is not expressed")).findFirst().orElseThrow();
        String who = guest.substring(0, guest.indexOf(": x0="));
        assertThat(site.lines().filter(l -> l.startsWith(who + ": x"))).hasSizeLessThanOrEqualTo(Drafting.MAX_NOTES_PER_GUEST);
        assertThat(site).contains(who.substring(who.indexOf("VM")) + ": more settings than these 25 are not expressed;"
                + " its configuration on the node has them all");
    }
}
