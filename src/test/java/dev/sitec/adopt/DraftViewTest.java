package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What import writes into a YAML comment is one line, whatever PVE's values hold. */
class DraftViewTest {

    @Test
    void aCommentIsOneLine() {
        assertThat(DraftView.comment("args -a \"b\"\nnext\r\u2028line\tend")).isEqualTo("args -a \"b\" next line end");
    }
}
