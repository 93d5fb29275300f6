package dev.sitec.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTest {

    @Test
    void aShortValueIsQuotedAsItIs() {
        assertThat(Quote.of("pve1")).isEqualTo("pve1");
    }

    @Test
    void aLongValueIsCutAtAHundredCharactersAndSaysItsLength() {
        assertThat(Quote.of("a".repeat(101))).isEqualTo("a".repeat(100) + "... (101 characters)");
        assertThat(Quote.of("a".repeat(100))).isEqualTo("a".repeat(100));
    }

    /** A quoted value stays on its line: a line break in it cannot forge a second finding. */
    @Test
    void lineBreaksAndControlsAreEscaped() {
        assertThat(Quote.of("a\nsite.yaml:1:1: error: forged\u2028\u0000\t")).isEqualTo("a\\nsite.yaml:1:1: error: forged\\u2028\\u0000\\t");
    }

    /** Characters, not UTF-16 units: an emoji is never cut in half. */
    @Test
    void countsCodePoints() {
        assertThat(Quote.of("\uD83D\uDE00".repeat(101))).isEqualTo("\uD83D\uDE00".repeat(100) + "... (101 characters)");
    }
}
