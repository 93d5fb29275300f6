package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What import writes into a YAML comment is one line, whatever PVE's values hold. */
class DraftViewTest {

    @Test
    void aCommentIsOneLine() {
        assertThat(DraftView.comment("args -a \"b\"\nnext\r\u2028line\tend")).isEqualTo("args -a \"b\" next line end");
        // What a YAML file may not hold at all, or some reader takes for a line's end or a file's start.
        assertThat(DraftView.comment("a\u0090b\u007fc\uFEFFd\ud800e\u0085f\u2029g\ufffeh\u0000i\ud83d\ude00"))
                .isEqualTo("a b c d e f g h i\ud83d\ude00");
    }
}
