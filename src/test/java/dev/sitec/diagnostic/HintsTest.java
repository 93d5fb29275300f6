package dev.sitec.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HintsTest {

    @Test
    void aSwapOfNeighbouringLettersIsOneEdit() {
        assertThat(Hints.editDistance("coers", "cores")).isEqualTo(1);
        assertThat(Hints.editDistance("domian", "domain")).isEqualTo(1);
        assertThat(Hints.editDistance("cores", "cores")).isZero();
        assertThat(Hints.editDistance("", "node")).isEqualTo(4);
        assertThat(Hints.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Hints.editDistance("ca", "abc")).isEqualTo(3); // optimal string alignment: no edit of a swapped pair
    }

    @Test
    void aShortKeysTypoIsCloseEnoughButAnotherWordIsNot() {
        List<String> keys = List.of("address", "cores", "memory_mib", "node");
        assertThat(Hints.didYouMean("coers", keys, "keys here")).contains("did you mean 'cores'?");
        assertThat(Hints.didYouMean("nod", keys, "keys here")).contains("did you mean 'node'?");
        assertThat(Hints.didYouMean("colour", keys, "keys here")).contains("known keys here: address, cores, memory_mib, node");
    }
}
